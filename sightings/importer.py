"""Add newly reported sightings to the dataset without ever losing or corrupting it.

New rows come as CSV in the dataset's own columns (id, lat, lon and position_kind may be
left out) or in the shared notes' format, which is the same columns without those four.
Every row is validated and positioned exactly as the dataset is (:func:`store.load`);
rows that repeat a sighting already in the dataset are reported and left out, and two new
rows of one file reporting the same sighting are refused, both named (the one rule,
:func:`sightings.merge.same_report`). The apostrophe the app's downloads put before formula-like
text (:func:`sightings.cells.neutralise`) is taken off again, so a download re-imports as
the rows it was made from and the apostrophe never reaches the dataset. A row whose
id is already in the dataset with other content is refused with a field-by-field diff,
unless the caller asks to replace the stored rows. The merge happens under a file lock
and lands with one atomic replace.

Unknown columns are rejected, not ignored: a misspelt column (``ship_type``) would
otherwise drop its data silently.
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from sightings import changelog
from sightings.cells import restore
from sightings.merge import report_pairs
from sightings.positions import POSITION
from sightings.schema import COLUMNS, LIST_SEPARATORS, SYNTHETIC, SightingsError, preview, validate
from sightings.store import clean_leftovers, load_table, lock, read_sightings, read_text

#: Largest file accepted from a browser upload (the server's request cap is a little above).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: Columns a position follows from: when a file gives no coordinates, a changed one re-derives :data:`POSITION`.
_POSITION_INPUTS = ("location_text", "strait", "sea_area")


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: rows to add, rows to replace, incoming rows that repeat existing ones."""

    new: pd.DataFrame
    duplicates: pd.DataFrame   # incoming rows, with ``duplicate_of`` = the existing row's id
    replaced: pd.DataFrame     # stored rows as they will be, indexed by their place in the dataset
    cleaned: tuple[Path, ...] = ()   # temporary files of killed imports removed by :func:`merge_into`


def plan(raw: bytes, existing: pd.DataFrame, *, encoding: str | None = None,
         replace_changed: bool = False) -> ImportPlan:
    """Validate and position ``raw`` CSV bytes and split them into new, replacing and repeated rows.

    Raises :class:`sightings.schema.SightingsError` listing every problem in the file,
    including every field of a row whose id is stored with other content (unless
    ``replace_changed``).

    Examples
    --------
    >>> existing = pd.DataFrame({"id": ["2022-03-15-0d89a1"], "event_date": pd.to_datetime(["2022-03-15"]),
    ...     "strait": ["Tsugaru"], "ships": [2], "ship_types": [["destroyers (2)"]], "hull_numbers": [[]]})
    >>> raw = (b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...        b"source_urls,source_names\\n"
    ...        b"2022-03-15,2022-03-17,2,Udaloy I-class destroyer,Tsugaru Strait,Tsugaru,transit,no,https://b.org/1,B\\n"
    ...        b"2022-03-20,2022-03-21,1,Kilo-class submarine,the Soya Strait,Soya,transit,no,https://c.org/1,C\\n")
    >>> result = plan(raw, existing)   # the first row repeats the stored one: same day, strait, ships and kind
    >>> result.new["strait"].tolist(), result.duplicates[["id", "duplicate_of"]].values.tolist()
    (['Soya'], [['2022-03-15-a03fad', '2022-03-15-0d89a1']])
    """
    table = read_cells(raw, encoding)
    incoming = load_table(table)
    synthetic = incoming.index[incoming["source_urls"].map(lambda urls: SYNTHETIC in urls)]
    if len(synthetic):
        raise SightingsError([f"row {i + 1}, source_urls: {SYNTHETIC!r} marks a synthetic benchmark row "
                              "(expected the report's http(s) URLs); synthetic rows never enter the dataset"
                              for i in synthetic])
    given = [c for c in COLUMNS if c in table.columns and c != "id"]
    stored = existing.set_index("id", drop=False)
    known = incoming["id"].isin(stored.index)
    differences = {row: _differences(incoming.loc[row], stored.loc[incoming.at[row, "id"]], given)
                   for row in incoming.index[known]}
    changed = {row: fields for row, fields in differences.items() if fields}
    if changed and not replace_changed:
        raise SightingsError([line for row, fields in changed.items()
                              for line in _diff_lines(row, incoming, stored, fields)])
    match = duplicate_of(incoming, existing)
    replacing = incoming.index.isin(list(changed))
    repeated = (match != "").to_numpy() & ~replacing
    _refuse_repeats_within(incoming[~repeated & ~replacing])
    return ImportPlan(new=incoming[~repeated & ~replacing].reset_index(drop=True),
                      duplicates=incoming[repeated].assign(duplicate_of=match[repeated]).reset_index(drop=True),
                      replaced=_replacements(incoming, existing, changed, given))


def duplicate_of(incoming: pd.DataFrame, existing: pd.DataFrame) -> pd.Series:
    """For each incoming row, the id of the existing row it repeats ('' for none).

    A repeat has the same id, or reports the same sighting by the project's one rule,
    :func:`sightings.merge.same_report`: the same event date, strait and ship count (both
    unknown counts as the same) and a hull number or a kind of ship in common.

    Examples
    --------
    >>> existing = pd.DataFrame({"id": ["a"], "event_date": pd.to_datetime(["2022-03-15"]), "strait": ["Tsugaru"],
    ...                          "ships": [2], "ship_types": [["destroyers (2)"]], "hull_numbers": [[]]})
    >>> incoming = pd.DataFrame({"id": ["x", "y", "a"], "event_date": pd.to_datetime(["2022-03-15", "2022-03-15", "2022-06-01"]),
    ...     "strait": ["Tsugaru", "Tsugaru", ""], "ships": [2, 3, 1],
    ...     "ship_types": [["Udaloy I-class destroyer"], ["destroyers (3)"], ["corvette"]], "hull_numbers": [[], [], []]})
    >>> duplicate_of(incoming, existing).tolist()     # a kind in common; another count; the same id
    ['a', '', 'a']
    """
    pairs = report_pairs(incoming, existing).drop_duplicates("row")
    found = pd.Series("", index=range(len(incoming)), dtype=object)
    found[pairs["row"].to_numpy()] = existing["id"].to_numpy()[pairs["other"].to_numpy()]
    by_id = incoming["id"].isin(set(existing["id"])).to_numpy()
    found[by_id] = incoming.loc[by_id, "id"].to_numpy()
    return found


def read_cells(raw: bytes, encoding: str | None = None) -> pd.DataFrame:
    """CSV text cells of an incoming file (:func:`sightings.store.read_text`), download apostrophes removed.

    Example: the app's CSV holds ``'=1+1`` for a note ``=1+1``; this gives ``=1+1`` back.

    Examples
    --------
    >>> read_cells(b"id,notes\\na,'=1+1\\nb,'tis\\n").to_dict("records")    # only a neutralised formula loses its apostrophe
    [{'id': 'a', 'notes': '=1+1'}, {'id': 'b', 'notes': "'tis"}]
    """
    table = read_text(raw, encoding)
    for column in table.columns:
        quoted = table[column].str.startswith("'").fillna(False).to_numpy(dtype=bool)
        if quoted.any():
            table.loc[quoted, column] = table.loc[quoted, column].map(restore)
    return table


def _refuse_repeats_within(new: pd.DataFrame) -> None:
    """Refuse when two new rows of one file report the same sighting (:func:`sightings.merge.same_report`).

    Both rows are named by their row number in the file (from 1), with their ids.
    """
    pairs = report_pairs(new, new)
    pairs = pairs[pairs["other"] < pairs["row"]].drop_duplicates("row")
    rows = new.index.to_numpy()
    problems = []
    for earlier, later in zip(pairs["other"], pairs["row"], strict=True):
        first, second = new.iloc[earlier], new.iloc[later]
        problems.append(f"rows {rows[earlier] + 1} and {rows[later] + 1} report the same sighting "
                        f"({second['event_date']:%Y-%m-%d} {second['strait'] or 'open sea'}, ids "
                        f"{first['id']!r} and {second['id']!r}); keep one row, with what the other adds")
    if problems:
        raise SightingsError(problems)


def read_upload(contents: str | None) -> pd.DataFrame:
    """Validate a browser upload (``data:...;base64,...``) without decoding an oversized one.

    The size is judged from the encoded length, so a huge upload is refused before it is
    decoded or parsed.

    Examples
    --------
    >>> read_upload("data:text/csv;base64," + "A" * 7_000_000)       # refused before it is decoded
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: the file is larger than 5 MB; split it or import it with `python -m sightings import`
    >>> read_upload("data:text/csv;base64,@@@")
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: the upload is damaged (not valid base64); try again
    """
    header, _, payload = (contents or "").partition(",") if isinstance(contents, str) else ("", "", "")
    if not header.startswith("data:") or not header.endswith(";base64"):
        raise SightingsError(["no file received (expected a CSV file)"])
    if len(payload) > 4 * -(-MAX_UPLOAD_BYTES // 3):
        raise SightingsError([f"the file is larger than {MAX_UPLOAD_BYTES // 2**20} MB; "
                              "split it or import it with `python -m sightings import`"])
    try:
        raw = base64.b64decode(payload, validate=True)
    except binascii.Error:
        raise SightingsError(["the upload is damaged (not valid base64); try again"]) from None
    return load_table(read_cells(raw))


def merge_into(path: str | os.PathLike, raw: bytes, *, encoding: str | None = None,
               replace_changed: bool = False, source: str = "") -> ImportPlan:
    """Add the new rows of ``raw`` to the dataset at ``path``; the file is untouched on error.

    Reading, merging and replacing happen under the dataset's lock, so two imports at once
    both land; the replace is atomic, so a crash leaves the old file or the new one. Under
    the lock, temporary files left by a killed import are removed first.
    """
    path = Path(path)
    with lock(path):
        cleaned = tuple(clean_leftovers(path))
        existing = read_sightings(path)
        result = plan(raw, existing, encoding=encoding, replace_changed=replace_changed)
        if len(result.new) or len(result.replaced):
            kept = existing.drop(index=result.replaced.index)
            merged = pd.concat([kept, result.replaced], verify_integrity=True).sort_index()
            merged = pd.concat([merged, result.new], ignore_index=True)
            merged = validate(merged.sort_values("event_date", kind="stable").reset_index(drop=True))
            changelog.write(path, existing, merged, f"import {source}" if source else "import",
                            f"{len(result.new)} new report(s), {len(result.replaced)} replaced.")
    return replace(result, cleaned=cleaned)


def _differences(new: pd.Series, old: pd.Series, given: list[str]) -> list[str]:
    """The columns the file gave whose values differ from the stored row (positions when given).

    An area or unlocated row given without a point (as the downloads write them: no precise
    point for a report that named only a strait or sea) is not a change of position.
    """
    pointless = "lat" in given and pd.isna(new["lat"]) and new.get("position_kind") in ("area", "unlocated") \
        and new.get("position_kind") == old["position_kind"]
    return [column for column in given
            if not (pointless and column in ("lat", "lon")) and not _same(new[column], old[column])]


def _same(a, b) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return a == b
    if pd.isna(a) or pd.isna(b):
        return bool(pd.isna(a) and pd.isna(b))
    if isinstance(a, float) or isinstance(b, float):
        return round(float(a), 5) == round(float(b), 5)
    return bool(a == b)


def _diff_lines(row: int, incoming: pd.DataFrame, stored: pd.DataFrame, columns: list[str]) -> list[str]:
    key = incoming.at[row, "id"]
    return [f"row {row + 1}, {column}: {_shown(incoming.at[row, column], column)} differs from the stored row "
            f"{key!r} ({_shown(stored.at[key, column], column)}); give the row a new id, or pass "
            "--replace-changed to replace the stored row" for column in columns]


def _shown(value, column: str) -> str:
    if isinstance(value, list):
        value = LIST_SEPARATORS[column].join(value)
    elif isinstance(value, pd.Timestamp):
        value = value.date().isoformat()
    elif pd.isna(value):
        return "empty"
    value = value.item() if hasattr(value, "item") else value
    return preview(value, 80) if isinstance(value, str) else repr(value)


def _replacements(incoming: pd.DataFrame, existing: pd.DataFrame, changed: dict[int, list[str]],
                  given: list[str]) -> pd.DataFrame:
    """The stored rows with the columns the file gave replaced, indexed by their place in ``existing``.

    When the file gives no coordinates, a row's position is taken from the incoming row
    (derived from its phrase) only if its phrase, strait or sea changed.
    """
    place = pd.Series(existing.index, index=existing["id"])
    rows = incoming.loc[list(changed)]
    targets = place.loc[rows["id"]].to_numpy()
    rows = rows.set_axis(targets)
    out = existing.loc[targets].copy()
    if "lat" in given:
        moved = list(targets)
    else:
        moved = [target for target, fields in zip(targets, changed.values(), strict=True)
                 if set(fields) & set(_POSITION_INPUTS)]
    for column in POSITION:
        out.loc[moved, column] = rows.loc[moved, column]
    for column in given:
        out[column] = rows[column]
    return out
