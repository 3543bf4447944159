"""Apply checked corrections to the dataset from a file, never by hand.

``data/sources/corrections.csv`` lists each correction as (row id, field, the value it
replaces, the new value, the page that says so, why). A correction only applies while the
row still holds the old value, so applying the file twice changes nothing, and a row that
changed since is reported instead of overwritten. Every applied correction adds its page
to the row's sources and a sentence to its notes; ``(remove)`` drops a row and
``(note)`` appends to the notes. The result goes through the same parsing, locating and
validation as any import.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd

from sightings.schema import COLUMNS, LIST_SEPARATORS, SightingsError
from sightings.store import load, to_csv_text

CORRECTION_COLUMNS = ("id", "field", "old_value", "new_value", "source_url", "source_name", "reason")
REMOVE, NOTE = "(remove)", "(note)"
#: Fields whose change invalidates the row's position, which is then derived again.
POSITION_INPUTS = ("location_text", "strait", "sea_area")


@dataclass(frozen=True)
class Outcome:
    """The corrected frame and one line per correction: applied, already applied, or removed."""

    frame: pd.DataFrame
    log: tuple[str, ...]


def read_corrections(raw: bytes) -> pd.DataFrame:
    """The corrections table (all text); raise SightingsError for a wrong header."""
    table = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)        # UTF-8, pandas' default
    if tuple(table.columns) != CORRECTION_COLUMNS:
        raise SightingsError([f"corrections header is {', '.join(table.columns)}; "
                              f"expected {', '.join(CORRECTION_COLUMNS)}"])
    return table


def apply_corrections(frame: pd.DataFrame, corrections: pd.DataFrame) -> Outcome:
    """Apply ``corrections`` to a validated sightings frame; raise SightingsError on a mismatch."""
    text = pd.read_csv(io.StringIO(to_csv_text(frame)), dtype=str, keep_default_na=False).set_index("id", drop=False)
    problems, log, removed = [], [], set()
    for number, fix in enumerate(corrections.itertuples(), start=2):
        where = f"corrections line {number}"
        if fix.id not in text.index:
            problems.append(f"{where}, id: {fix.id!r} is not in the dataset (expected an existing row id)")
            continue
        if fix.field == REMOVE:
            removed.add(fix.id)
            log.append(f"removed {fix.id}: {fix.reason}")
            continue
        if fix.field == NOTE:
            if fix.new_value not in text.at[fix.id, "notes"]:
                text.at[fix.id, "notes"] = _sentence(text.at[fix.id, "notes"], fix.new_value)
                _cite(text, fix)
            log.append(f"noted {fix.id}")
            continue
        if fix.field not in COLUMNS or fix.field == "id":
            problems.append(f"{where}, field: {fix.field!r} is not a correctable column "
                            f"(expected one of {', '.join(COLUMNS[1:])}, {REMOVE} or {NOTE})")
            continue
        current = text.at[fix.id, fix.field]
        if current == fix.new_value:
            log.append(f"already applied {fix.id} {fix.field}")
            continue
        if current != fix.old_value:
            problems.append(f"{where}, {fix.id} {fix.field}: the row holds {current!r}, not {fix.old_value!r}; "
                            "check the correction against the row before applying it")
            continue
        text.at[fix.id, fix.field] = fix.new_value
        if fix.field in POSITION_INPUTS:
            text.loc[fix.id, ["lat", "lon", "position_kind"]] = ""
        text.at[fix.id, "notes"] = _sentence(
            text.at[fix.id, "notes"], f"Corrected {fix.field} from {fix.old_value or 'empty'!r} "
                                      f"to {fix.new_value!r} ({fix.source_name}): {fix.reason}")
        _cite(text, fix)
        log.append(f"corrected {fix.id} {fix.field}")
    if problems:
        raise SightingsError(problems)
    kept = text[~text.index.isin(removed)].reset_index(drop=True)
    return Outcome(load(kept.to_csv(index=False).encode()), tuple(log))


def _cite(text: pd.DataFrame, fix) -> None:
    """Add the correction's pages to the row's sources once each.

    ``source_url`` may list several pages (`` | ``-separated, as in the dataset), with as many
    names in ``source_name``, or one name for all of them.
    """
    separator, name_separator = LIST_SEPARATORS["source_urls"], LIST_SEPARATORS["source_names"]
    new_urls = [u.strip() for u in fix.source_url.split(separator.strip()) if u.strip()]
    new_names = [n.strip() for n in fix.source_name.split(name_separator.strip()) if n.strip()]
    if len(new_names) != len(new_urls):
        new_names = [fix.source_name] * len(new_urls)
    for url, name in zip(new_urls, new_names, strict=True):
        urls = text.at[fix.id, "source_urls"].split(separator)
        if url not in urls:
            text.at[fix.id, "source_urls"] = separator.join(urls + [url])
            names = text.at[fix.id, "source_names"]
            text.at[fix.id, "source_names"] = name_separator.join(
                [n for n in names.split(name_separator) if n] + [name])


def _sentence(notes: str, addition: str) -> str:
    return f"{notes} {addition}".strip()
