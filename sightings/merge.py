"""Merge sightings read from Joint Staff releases into the dataset without duplicating any.

The press retells each release, so most release sightings are already in the dataset as a
news row. A release row *matches* an existing news row when both describe the same passage
within a day (same strait; hull numbers, when both have some, in common), share a hull
number within two days, or report the same number of ships of a common type within a day
(for movements outside the named straits). A match becomes one row: the release's URL goes first in its
sources (the news pages stay), the release fills what the news lacked (time, hulls,
classes, the exact phrase and its Japanese sentence), and where the release states a
different fact the release wins, the news value is kept in ``notes`` and the difference is
reported. A re-issued release (same text, a later date line) matches its first issue and
only adds its URL.

The core of that rule, :func:`same_report` (same day, strait and ship count, a hull or a
ship kind in common), is the project's one test of "the same sighting reported twice": the
importer (:mod:`sightings.importer`) calls it for rows repeating stored ones and for two
rows of one file; :func:`match` adds the tolerances a news retelling of a release needs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sightings.classes import ship_type
from sightings.schema import COLUMNS, is_release_url

#: A passage reported on neighbouring days (local time, report day) is the same passage.
PASSAGE_DAYS = 1
#: The same hull seen within this many days is the same sighting, not a new one.
HULL_DAYS = 2
#: Facts a release restates; a different value in the news row is a conflict to report.
FACTS = ("event_date", "ships", "strait")
#: Fields the release supplies when it has them (it is the primary source).
RELEASE_FIELDS = ("event_time", "ship_types", "hull_numbers", "vessels", "chinese_vessels", "location_text",
                  "location_text_ja", "lat", "lon", "position_kind", "anchor", "bearing_deg", "distance_km",
                  "direction", "observed_by", "same_as", "with_chinese_ships")


@dataclass(frozen=True)
class Decision:
    """What happens to one incoming release row."""

    row: dict            # the row as it will be stored (merged or new)
    merged_with: str     # id of the existing row it merges into, "" when new
    conflicts: tuple[str, ...]


def match(incoming: pd.Series, existing: pd.DataFrame) -> str:
    """Id of the row in ``existing`` that describes the same sighting as ``incoming`` ('' for none).

    A news row matches by passage or hull (module docstring); a hull-only match needs the
    straits to agree where both name one. A row that already rests on a release matches
    only its re-issue (same date, time, position and hulls): two releases are two sightings.
    Among several candidates the nearest in time wins, a same-strait one or a plain repeat
    (:func:`same_report`: same day, strait, count, and hull or kind) before a hull-only one.

    Examples
    --------
    >>> stored = pd.DataFrame({"id": ["news-1", "release-1"], "event_date": pd.to_datetime(["2022-03-15"] * 2),
    ...     "event_time": ["", "10:00"], "strait": ["Tsugaru", "Soya"], "ships": [2, 2],
    ...     "ship_types": [["destroyers (2)"], ["destroyers (2)"]], "hull_numbers": [[], ["548"]],
    ...     "lat": [None, 45.6], "lon": [None, 141.3],
    ...     "source_urls": [["https://example.org/a"], ["https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf"]]})
    >>> release = pd.Series({"event_date": pd.Timestamp("2022-03-14"), "event_time": "", "strait": "Tsugaru",
    ...     "ships": 2, "ship_types": ["Udaloy I-class destroyers (2)"], "hull_numbers": ["548", "564"],
    ...     "lat": None, "lon": None})
    >>> match(release, stored)           # a day apart, same passage: the news row
    'news-1'
    >>> other = release.copy()
    >>> other[["event_date", "strait", "hull_numbers"]] = [pd.Timestamp("2022-03-15"), "Soya", ["548"]]
    >>> match(other, stored)             # same hull and day as a stored release, another time: a second sighting
    ''
    >>> other[["event_time", "lat", "lon"]] = ["10:00", 45.6, 141.3]
    >>> match(other, stored)             # the same time and position too: a re-issue
    'release-1'
    """
    if existing.empty:
        return ""
    days = (pd.to_datetime(existing["event_date"]) - incoming["event_date"]).dt.days.abs()
    hulls = set(incoming["hull_numbers"])
    shared = existing["hull_numbers"].map(lambda h: bool(hulls & set(h)))
    both_have_hulls = existing["hull_numbers"].map(bool) & bool(hulls)
    from_release = existing["source_urls"].map(lambda urls: any(is_release_url(u) for u in urls))
    straits_agree = (existing["strait"] == incoming["strait"]) | (existing["strait"] == "") | (incoming["strait"] == "")
    same_passage = ~from_release & (incoming["strait"] != "") & (existing["strait"] == incoming["strait"]) \
        & (days <= PASSAGE_DAYS) & (shared | ~both_have_hulls)
    same_hull = ~from_release & shared & straits_agree & (days <= HULL_DAYS)
    kinds = _kinds(incoming["ship_types"])
    same_group = ~from_release & straits_agree & (days <= PASSAGE_DAYS) & (shared | ~both_have_hulls) \
        & (existing["ships"] == incoming["ships"]).fillna(False).astype(bool) \
        & existing["ship_types"].map(lambda t: bool(kinds & _kinds(t)))
    reported_again = ~from_release & same_report(_broadcast(incoming, existing.index), existing)
    reissue = from_release & (days == 0) & (existing["event_time"] == incoming["event_time"]) \
        & (existing["lat"] == incoming["lat"]) & (existing["lon"] == incoming["lon"]) \
        & existing["hull_numbers"].map(lambda h: set(h) == hulls)
    candidates = existing.assign(_days=days, _rank=(~(same_passage | reported_again | reissue)).astype(int))[
        same_passage | same_hull | same_group | reported_again | reissue]
    if candidates.empty:
        return ""
    return str(candidates.sort_values(["_rank", "_days", "id"]).iloc[0]["id"])


def same_report(first: pd.DataFrame, second: pd.DataFrame) -> pd.Series:
    """Row by row, whether two aligned frames report the same sighting: the core of the one rule.

    Same event date, same strait (both empty counts as the same), same ship count (both
    unknown counts as the same), and a hull number in common, or, when the two do not
    both list hulls, a ship type of a common kind (destroyer, frigate...; generic words
    such as "warships" name no kind). Rows are compared by position; the result has
    ``second``'s index.

    Examples
    --------
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-10"] * 3), "strait": "Tsugaru", "ships": 10,
    ...                      "ship_types": [["Udaloy-class destroyer"], ["destroyers"], ["destroyers"]],
    ...                      "hull_numbers": [["548"], [], ["572"]]})
    >>> same_report(rows.iloc[[0, 0]], rows.iloc[[1, 2]]).tolist()    # a kind in common; two hulls differ
    [True, False]
    """
    def counts(frame: pd.DataFrame) -> np.ndarray:
        return frame["ships"].astype("Float64").fillna(-1).to_numpy(dtype=float)

    pairs = zip(first["ship_types"], first["hull_numbers"], second["ship_types"], second["hull_numbers"], strict=True)
    names = np.array([bool(set(h1) & set(h2)) or (not (h1 and h2) and bool(_kinds(t1) & _kinds(t2)))
                      for t1, h1, t2, h2 in pairs], dtype=bool)
    same = (pd.to_datetime(first["event_date"]).to_numpy() == pd.to_datetime(second["event_date"]).to_numpy()) \
        & (first["strait"].to_numpy(dtype=object) == second["strait"].to_numpy(dtype=object)) \
        & (counts(first) == counts(second)) & names
    return pd.Series(same, index=second.index, dtype=bool)


def report_pairs(incoming: pd.DataFrame, existing: pd.DataFrame) -> pd.DataFrame:
    """Every pair of positions (``row`` in ``incoming``, ``other`` in ``existing``) for which :func:`same_report` holds.

    Rows are paired by event date first (a hash join), so a file of many rows costs a
    join, not one comparison per row. Example: an import row repeating the stored row at
    position 7 gives ``row 0, other 7``.

    Examples
    --------
    >>> stored = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-15"]), "strait": ["Tsugaru"], "ships": [2],
    ...                        "ship_types": [["destroyers (2)"]], "hull_numbers": [[]]})
    >>> incoming = pd.DataFrame({"event_date": pd.to_datetime(["2022-05-01", "2022-03-15"]), "strait": ["Soya", "Tsugaru"],
    ...     "ships": [1, 2], "ship_types": [["submarine"], ["Udaloy I-class destroyer"]], "hull_numbers": [[], ["548"]]})
    >>> report_pairs(incoming, stored).values.tolist()     # incoming row 1 repeats stored row 0: a kind in common
    [[1, 0]]
    """
    columns = ["event_date", "strait", "ships", "ship_types", "hull_numbers"]
    left = incoming[columns].assign(row=range(len(incoming)))
    right = existing[columns].assign(other=range(len(existing)))
    pairs = left.merge(right, on="event_date", suffixes=("", "_other"))
    second = pairs[["event_date", *(f"{c}_other" for c in columns[1:])]].set_axis(columns, axis="columns")
    kept = pairs[same_report(pairs[columns], second).to_numpy()]
    return kept[["row", "other"]].reset_index(drop=True)


def merge_row(old: dict, new: dict) -> Decision:
    """One row from an existing row ``old`` and the release row ``new`` describing the same sighting.

    The release is the primary source: its facts replace the news row's, and what the news
    said differently is kept in the notes ("Before the release, news reports said: ...").
    A news value a correction had changed is kept there too, marked "as corrected above", so
    the correction's sentence never reads as the row's current value (2022-09-27: the press
    frigates corrected away, then the release naming three Steregushchiy-class frigates).

    Examples
    --------
    >>> from sightings.store import load
    >>> rows = load(b"event_date,report_date,ships,ship_types,hull_numbers,location_text,strait,activity,"
    ...     b"with_chinese_ships,source_urls,source_names\\n"
    ...     b"2022-03-15,2022-03-17,2,destroyers (2),,the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,News A\\n"
    ...     b"2022-03-14,2022-03-16,2,Udaloy I-class destroyers (2),548; 564,the Tsugaru Strait heading east,"
    ...     b"Tsugaru,transit,no,https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf,JSO\\n"
    ...     b"2022-05-01,2022-05-02,1,Kilo-class submarine,,the Soya Strait,Soya,transit,no,"
    ...     b"https://www.mod.go.jp/js/pdf/2022/p20220502_01.pdf,JSO\\n")
    >>> news, releases = rows.iloc[:1], rows.iloc[1:]         # a news row; two release rows
    >>> decision = merge_row(news.iloc[0].to_dict(), releases.iloc[0].to_dict())
    >>> decision.merged_with, decision.conflicts
    ('2022-03-15-0d89a1', ("event_date: news '2022-03-15', release '2022-03-14'",))
    >>> decision.row["source_urls"], decision.row["hull_numbers"]      # the release first; its hulls added
    (['https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf', 'https://example.org/a'], ['548', '564'])
    >>> decision.row["notes"]
    "Before the release, news reports said: event_date 2022-03-15; phrase 'the Tsugaru Strait'."
    """
    merged = dict(old)
    conflicts, kept = [], []
    for field in FACTS:
        before, after = old[field], new[field]
        if _empty(after) or _same(before, after):
            continue
        if not _empty(before):
            shown = before.date().isoformat() if isinstance(before, pd.Timestamp) else before
            conflicts.append(f"{field}: news {shown!r}, release {_shown(after)!r}")
            kept.append(f"{field} {shown}")
        merged[field] = after
    for field in RELEASE_FIELDS:
        if not _empty(new[field]):
            if field == "location_text" and old[field] != new[field]:
                kept.append(f"phrase '{old[field]}'")
            elif f"Corrected {field} from " in old["notes"] and not _same(old[field], new[field]):
                kept.append(f"{field} {_listed(old[field])!r} (as corrected above)")
            merged[field] = new[field]
    every = _union(old["source_urls"], new["source_urls"])
    merged["source_urls"] = [u for u in every if is_release_url(u)] + [u for u in every if not is_release_url(u)]
    names = dict(zip(old["source_urls"], old["source_names"], strict=False))
    names.update(zip(new["source_urls"], new["source_names"], strict=False))
    merged["source_names"] = [names.get(url, "") for url in merged["source_urls"]]
    merged["report_date"] = min(old["report_date"], new["report_date"])
    note = f"Before the release, news reports said: {'; '.join(kept)}." if kept else ""
    if note and note not in old["notes"]:
        merged["notes"] = " ".join(part for part in (old["notes"], note) if part)
    if new["notes"] and new["notes"] not in merged["notes"]:
        merged["notes"] = " ".join(part for part in (merged["notes"], new["notes"]) if part)
    return Decision(merged, old["id"], tuple(conflicts))


def plan_merge(existing: pd.DataFrame, incoming: pd.DataFrame) -> list[Decision]:
    """A decision for each incoming row, in date order; rows of one batch also merge with each other.

    Examples
    --------
    >>> from sightings.store import load
    >>> rows = load(b"event_date,report_date,ships,ship_types,hull_numbers,location_text,strait,activity,"
    ...     b"with_chinese_ships,source_urls,source_names\\n"
    ...     b"2022-03-15,2022-03-17,2,destroyers (2),,the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,News A\\n"
    ...     b"2022-03-14,2022-03-16,2,Udaloy I-class destroyers (2),548; 564,the Tsugaru Strait heading east,"
    ...     b"Tsugaru,transit,no,https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf,JSO\\n"
    ...     b"2022-05-01,2022-05-02,1,Kilo-class submarine,,the Soya Strait,Soya,transit,no,"
    ...     b"https://www.mod.go.jp/js/pdf/2022/p20220502_01.pdf,JSO\\n")
    >>> news, releases = rows.iloc[:1], rows.iloc[1:]         # a news row; two release rows
    >>> [(d.merged_with, d.row["id"]) for d in plan_merge(news, releases)]   # one merge, one new row
    [('2022-03-15-0d89a1', '2022-03-15-0d89a1'), ('', '2022-05-01-4a17ca')]
    """
    accepted = existing.copy()
    decisions = []
    for _, row in incoming.sort_values(["event_date", "id"], kind="stable").iterrows():
        found = match(row, accepted)
        if found:
            old = accepted.set_index("id", drop=False).loc[found].to_dict()
            decision = merge_row(old, row.to_dict())
            accepted = pd.concat([accepted[accepted["id"] != found], pd.DataFrame([decision.row])],
                                 ignore_index=True)
        else:
            decision = Decision({**row.to_dict(), "id": free_id(row["id"], set(accepted["id"]))}, "", ())
            accepted = pd.concat([accepted, pd.DataFrame([decision.row])], ignore_index=True)
        decisions.append(decision)
    return decisions


def free_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``, ... when another sighting already holds it.

    A row's id hashes its date, phrase and ship types (:func:`sightings.schema.stable_ids`), so
    two different sightings of one day worded alike (one release's ships told apart only by their
    hull numbers) would share it, and the second would silently replace the first. The suffix
    follows the merge's date order, so a rebuild from the same sources gives the same ids.

    >>> free_id("2026-06-28-d2f6fb", {"2026-06-28-d2f6fb", "2026-06-28-d2f6fb-2"})
    '2026-06-28-d2f6fb-3'
    >>> free_id("2026-06-28-d2f6fb", set())
    '2026-06-28-d2f6fb'
    """
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def apply_decisions(existing: pd.DataFrame, decisions: list[Decision]) -> pd.DataFrame:
    """The dataset with every decision applied (merged rows replaced in place, new rows added).

    Examples
    --------
    >>> from sightings.store import load
    >>> rows = load(b"event_date,report_date,ships,ship_types,hull_numbers,location_text,strait,activity,"
    ...     b"with_chinese_ships,source_urls,source_names\\n"
    ...     b"2022-03-15,2022-03-17,2,destroyers (2),,the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,News A\\n"
    ...     b"2022-03-14,2022-03-16,2,Udaloy I-class destroyers (2),548; 564,the Tsugaru Strait heading east,"
    ...     b"Tsugaru,transit,no,https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf,JSO\\n"
    ...     b"2022-05-01,2022-05-02,1,Kilo-class submarine,,the Soya Strait,Soya,transit,no,"
    ...     b"https://www.mod.go.jp/js/pdf/2022/p20220502_01.pdf,JSO\\n")
    >>> news, releases = rows.iloc[:1], rows.iloc[1:]         # a news row; two release rows
    >>> merged = apply_decisions(news, plan_merge(news, releases))
    >>> merged[["id", "event_date", "hull_numbers"]].values.tolist()      # in date order, no duplicate
    [['2022-03-15-0d89a1', Timestamp('2022-03-14 00:00:00'), ['548', '564']], ['2022-05-01-4a17ca', Timestamp('2022-05-01 00:00:00'), []]]
    """
    rows = {row["id"]: row for row in existing.to_dict("records")}
    for decision in decisions:
        rows[decision.row["id"]] = decision.row
    frame = pd.DataFrame(list(rows.values()), columns=list(COLUMNS))
    frame["ships"] = frame["ships"].astype("Int64")
    return frame.sort_values(["event_date", "id"], kind="stable").reset_index(drop=True)


def _broadcast(row: pd.Series, index: pd.Index) -> pd.DataFrame:
    """``row`` repeated once per entry of ``index`` (to compare one row with a frame)."""
    return pd.DataFrame({column: [row[column]] * len(index) for column in row.index}, index=index)


def _kinds(ship_types: list[str]) -> set[str]:
    """The ship types (destroyer, frigate, ...) a list of class names or generic words names."""
    return {kind for kind in map(ship_type, ship_types) if kind and kind != "unspecified"}


def _union(first: list, second: list) -> list:
    return list(dict.fromkeys([*first, *second]))


def _empty(value) -> bool:
    if isinstance(value, list):
        return not value
    if isinstance(value, str):
        return value == ""
    return value is None or bool(pd.isna(value))


def _same(a, b) -> bool:
    if _empty(a) or _empty(b):
        return _empty(a) and _empty(b)
    return bool(a == b)


def _listed(value) -> str:
    """A cell as the dataset writes it: a list joined by "; ", anything else as it is."""
    return "; ".join(value) if isinstance(value, list) else str(value)


def _shown(value):
    return value.date().isoformat() if isinstance(value, pd.Timestamp) else value
