"""Link sightings into voyages: the same ships seen again, days or months later.

A release often says which earlier movement its ships belong to (「…と同一である」, kept
in ``same_as`` as "2026-03-05/2026-03-06 Tsushima southwest"), and the same hull number
seen again within a few days is the same group still at sea. Both links are applied with
a union-find over the rows, so a voyage can chain across several releases, days and a year
boundary. A voyage is named after its earliest sighting: ``v-<that row's id>``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from sightings.schema import STRAITS

#: Two sightings sharing a hull number at most this many days apart are one voyage.
HULL_GAP_DAYS = 14
#: Slack around a back-reference's dates: releases give the local day, news the report day.
REFERENCE_SLACK_DAYS = 1
_REFERENCE = re.compile(r"^(?P<first>\d{4}-\d{2}-\d{2})(?:/(?P<last>\d{4}-\d{2}-\d{2}))? (?P<rest>.{1,200})$")


@dataclass(frozen=True)
class Reference:
    """An earlier movement a release names: its dates and, when in the vocabulary, the strait."""

    first: dt.date
    last: dt.date
    strait: str
    text: str


def parse_reference(text: str) -> Reference:
    """Read one ``same_as`` entry; raise ValueError naming the entry and the expected form."""
    match = _REFERENCE.match(text.strip())
    if not match:
        raise ValueError(f"same_as entry {text!r} is not 'YYYY-MM-DD[/YYYY-MM-DD] passage direction'")
    first = dt.date.fromisoformat(match.group("first"))
    last = dt.date.fromisoformat(match.group("last")) if match.group("last") else first
    rest = match.group("rest")
    strait = next((s for s in STRAITS if rest == s or rest.startswith(s + " ")), "")
    return Reference(first, last, strait, text)


def format_reference(first: dt.date, last: dt.date | None, passage: str, direction: str) -> str:
    """The ``same_as`` entry for a back-reference (inverse of :func:`parse_reference`)."""
    days = first.isoformat() if last in (None, first) else f"{first.isoformat()}/{last.isoformat()}"
    return " ".join(part for part in (days, passage, direction) if part)


def link_voyages(frame: pd.DataFrame) -> pd.Series:
    """``voyage_id`` for every row of ``frame`` (same index), from back-references and hulls."""
    ids = frame["id"].tolist()
    parent = list(range(len(ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    dates = [d.date() for d in frame["event_date"]]
    hulls = [set(h) for h in frame["hull_numbers"]]
    straits = frame["strait"].tolist()
    for hull_rows in _rows_by_hull(hulls).values():
        ordered = sorted(hull_rows, key=lambda i: dates[i])
        for earlier, later in zip(ordered, ordered[1:]):
            if (dates[later] - dates[earlier]).days <= HULL_GAP_DAYS:
                union(earlier, later)
    slack = dt.timedelta(days=REFERENCE_SLACK_DAYS)
    for i, entries in enumerate(frame["same_as"]):
        for entry in entries:
            reference = parse_reference(entry)
            for j in range(len(ids)):
                if j == i or not (reference.first - slack <= dates[j] <= reference.last + slack):
                    continue
                if reference.strait and straits[j] != reference.strait:
                    continue
                if hulls[i] and hulls[j] and not hulls[i] & hulls[j]:
                    continue
                union(i, j)
    earliest: dict[int, int] = {}
    for i in sorted(range(len(ids)), key=lambda k: (dates[k], ids[k])):
        earliest.setdefault(find(i), i)
    return pd.Series([f"v-{ids[earliest[find(i)]]}" for i in range(len(ids))], index=frame.index,
                     dtype=frame["id"].dtype)


def _rows_by_hull(hulls: list[set[str]]) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for i, numbers in enumerate(hulls):
        for number in numbers:
            rows.setdefault(number, []).append(i)
    return rows
