"""Link sightings into voyages, only where the record says two sightings are the same ships.

Two sightings are *linked* when

- a release says so: a back-reference (「…と同一である」, kept in ``same_as`` as
  "2026-03-05/2026-03-06 Tsushima southwest") whose dates, passage and heading all match
  one earlier sighting. The passage is the strait, or for other waters the place the
  release names ("沖ノ鳥島の南西の海域"), found in the earlier release's own sentence. When
  several earlier sightings match, those sharing a hull number with the referring row are
  taken; if that still leaves more than one, the release does not say which, and nothing
  is linked; or
- they share a hull number and are at most :data:`HULL_GAP_DAYS` apart (consecutive
  sightings of that hull).

A link is refused when the voyage it would make holds two rows whose hull lists are
disjoint (both name hulls, none in common: different ships, even through a hull-less row
between them), or when two of its consecutive sightings would imply more than
:data:`geo.tracks.MAX_KNOTS` (:func:`geo.tracks.implied_knots` over
:func:`geo.tracks.longest_hours`). Links are tried in the time order of their later
sighting, release links before hull links, so a voyage grows the way the record does.

Every link keeps its reason in ``voyage_link`` on its later row ("with 2026-07-16-232bf4:
hull 343 in both"), because a derived value keeps how it was derived; the details panel
and the voyage hover show it. A voyage is named after its earliest sighting:
``v-<that row's id>``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from geo.tracks import MAX_KNOTS, heading, implied_knots, longest_hours
from sightings.schema import STRAITS, is_release_url

#: Two sightings sharing a hull number at most this many days apart are one voyage.
HULL_GAP_DAYS = 14
#: Slack around a back-reference's dates: releases give the local day, news the report day.
REFERENCE_SLACK_DAYS = 1
#: The columns :func:`link_voyages` writes.
VOYAGE_COLUMNS = ("voyage_id", "voyage_link")
#: The columns :func:`link_voyages` reads.
LINK_INPUTS = ("id", "event_date", "event_time", "strait", "direction", "hull_numbers", "same_as",
               "lat", "lon", "location_text_ja", "source_urls")
_REFERENCE = re.compile(r"^(?P<first>\d{4}-\d{2}-\d{2})(?:/(?P<last>\d{4}-\d{2}-\d{2}))? (?P<rest>.{1,200})$")
#: What a release sentence says besides the waters: a prefecture aside, a distance, spaces.
_NOT_WATERS = re.compile(r"（[^）]{0,20}）|約[0-9０-９,，.．]{1,8}(?:ｋｍ|km|キロメートル)|\s")


@dataclass(frozen=True)
class Reference:
    """An earlier movement a release names: its dates, the strait (when in the vocabulary),
    the waters as written, and the heading."""

    first: dt.date
    last: dt.date
    strait: str
    text: str
    place: str = ""
    heading: str | None = None


def parse_reference(text: str) -> Reference:
    """Read one ``same_as`` entry; raise ValueError naming the entry and the expected form.

    Examples
    --------
    >>> parse_reference("2026-07-19 沖ノ鳥島の南西の海域 northeast").place
    '沖ノ鳥島の南西の海域'
    """
    match = _REFERENCE.match(text.strip())
    if not match:
        raise ValueError(f"same_as entry {text!r} is not 'YYYY-MM-DD[/YYYY-MM-DD] passage direction'")
    first = dt.date.fromisoformat(match.group("first"))
    last = dt.date.fromisoformat(match.group("last")) if match.group("last") else first
    rest = match.group("rest")
    strait = next((s for s in STRAITS if rest == s or rest.startswith(s + " ")), "")
    words = rest.rsplit(" ", 1)
    stated = heading(words[-1]) if len(words) == 2 else None
    place = words[0] if stated else rest
    return Reference(first, last, strait, text, place, stated)


def format_reference(first: dt.date, last: dt.date | None, passage: str, direction: str) -> str:
    """The ``same_as`` entry for a back-reference (inverse of :func:`parse_reference`).

    Examples
    --------
    >>> format_reference(dt.date(2026, 3, 5), dt.date(2026, 3, 6), "Tsushima", "southwest")
    '2026-03-05/2026-03-06 Tsushima southwest'
    """
    days = first.isoformat() if last in (None, first) else f"{first.isoformat()}/{last.isoformat()}"
    return " ".join(part for part in (days, passage, direction) if part)


def link_voyages(frame: pd.DataFrame) -> pd.DataFrame:
    """``voyage_id`` and ``voyage_link`` (the reasons, a list) for every row of ``frame`` (same index).

    ``frame`` needs the :data:`LINK_INPUTS` columns. Links are made by the rules of the module
    docstring; a row's ``voyage_link`` lists the links whose *later* end it is ("with <earlier
    id>: <reason>"), so the first sighting of a voyage has none.

    Examples
    --------
    >>> frame[list(VOYAGE_COLUMNS)] = link_voyages(frame)     # doctest: +SKIP
    """
    rows = _Rows(frame)
    voyages = _Voyages(rows)
    reasons: list[list[str]] = [[] for _ in range(rows.n)]
    for _, _, earlier, later, reason in sorted(_reference_links(rows) + _hull_links(rows)):
        if voyages.join(earlier, later):
            reasons[later].append(f"with {rows.ids[earlier]}: {reason}")
    earliest: dict[int, int] = {}
    for i in sorted(range(rows.n), key=lambda k: (rows.dates[k], rows.ids[k])):
        earliest.setdefault(voyages.find(i), i)
    return pd.DataFrame({
        "voyage_id": pd.Series([f"v-{rows.ids[earliest[voyages.find(i)]]}" for i in range(rows.n)],
                               index=frame.index, dtype=frame["id"].dtype),
        "voyage_link": pd.Series(reasons, index=frame.index, dtype=object),
    })


def hulls_disjoint(a: set[str] | list[str], b: set[str] | list[str]) -> bool:
    """Whether two hull lists name different ships: both name hulls, and none in common.

    >>> hulls_disjoint(["333"], ["343"]), hulls_disjoint(["333", "343"], ["343"]), hulls_disjoint([], ["343"])
    (True, False, False)
    """
    return bool(a) and bool(b) and not set(a) & set(b)


class _Rows:
    """The columns the linker reads, as plain lists by row position."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.n = len(frame)
        self.ids = frame["id"].tolist()
        self.dates = [d.date() for d in frame["event_date"]]
        self.times = frame["event_time"].tolist()
        self.hulls = [set(h) for h in frame["hull_numbers"]]
        self.straits = frame["strait"].tolist()
        self.headings = [heading(d) for d in frame["direction"]]
        self.points = [(float(a), float(b)) if pd.notna(a) and pd.notna(b) else None
                       for a, b in zip(frame["lat"], frame["lon"], strict=True)]
        self.waters = [_NOT_WATERS.sub("", text) for text in frame["location_text_ja"]]
        self.same_as = frame["same_as"].tolist()
        self.releases = [_release_name(urls) for urls in frame["source_urls"]]
        self.order = {i: rank for rank, i in enumerate(sorted(range(self.n), key=self.when))}

    def when(self, i: int) -> tuple:
        """Time order: date, then hour (an unknown hour first), then id."""
        return self.dates[i], self.times[i], self.ids[i]


class _Voyages:
    """Union-find over rows that refuses a union whose voyage would break a rule of the module."""

    def __init__(self, rows: _Rows) -> None:
        self.rows = rows
        self.parent = list(range(rows.n))
        self.members = {i: [i] for i in range(rows.n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> bool:
        """Put rows ``i`` and ``j`` in one voyage if that voyage is possible; whether they are."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        merged = self.members[a] + self.members[b]
        if not self._possible(self.members[a], self.members[b], merged):
            return False
        keep, drop = min(a, b), max(a, b)
        self.parent[drop] = keep
        self.members[keep] = merged
        del self.members[drop]
        return True

    def _possible(self, one: list[int], other: list[int], merged: list[int]) -> bool:
        hulls = self.rows.hulls
        if any(hulls_disjoint(hulls[x], hulls[y]) for x in one for y in other):
            return False
        located = sorted((k for k in merged if self.rows.points[k] is not None), key=self.rows.order.__getitem__)
        return not any(too_fast(_knots(self.rows, x, y)) for x, y in zip(located, located[1:]))


def too_fast(knots: float) -> bool:
    """Whether two sightings ``knots`` apart cannot be the same ships (above :data:`MAX_KNOTS`).

    The one home of the speed rule: the linker refuses such a link and
    :mod:`sightings.plausibility` flags a stored voyage leg that breaks it.

    >>> too_fast(32.0), too_fast(32.5)
    (False, True)
    """
    return knots > MAX_KNOTS


def leg_speeds(frame: pd.DataFrame) -> pd.DataFrame:
    """The implied speed of each leg of each stored voyage: consecutive located sightings of one
    ``voyage_id`` in time order (date, hour, id), as ``earlier``, ``later`` (ids) and ``knots``.

    Reads ``id``, ``voyage_id``, ``event_date``, ``event_time``, ``lat``, ``lon``; a row without a
    point is passed over, as the linker passes it over.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a", "b"], "voyage_id": ["v-a", "v-a"], "event_time": ["", ""],
    ...     "event_date": pd.to_datetime(["2026-07-01", "2026-07-02"]), "lat": [40.0, 41.0], "lon": [140.0, 140.0]})
    >>> leg_speeds(rows).round(1).to_dict("records")
    [{'earlier': 'a', 'later': 'b', 'knots': 0.7}]
    """
    located = frame[frame["lat"].notna() & frame["lon"].notna() & frame["voyage_id"].astype(bool)]
    ordered = located.sort_values(["voyage_id", "event_date", "event_time", "id"], kind="stable")
    legs = []
    for _, voyage in ordered.groupby("voyage_id", sort=False):
        stops = list(zip(voyage["id"], voyage["event_date"], voyage["event_time"], voyage["lat"], voyage["lon"],
                         strict=True))
        for (a, day_a, time_a, lat_a, lon_a), (b, day_b, time_b, lat_b, lon_b) in zip(stops, stops[1:]):
            hours = longest_hours(day_a.date(), time_a, day_b.date(), time_b)
            legs.append((a, b, implied_knots((float(lat_a), float(lon_a)), (float(lat_b), float(lon_b)), hours)))
    return pd.DataFrame(legs, columns=["earlier", "later", "knots"]).astype({"knots": float})


def _knots(rows: _Rows, earlier: int, later: int) -> float:
    hours = longest_hours(rows.dates[earlier], rows.times[earlier], rows.dates[later], rows.times[later])
    return implied_knots(rows.points[earlier], rows.points[later], hours)


def _reference_links(rows: _Rows) -> list[tuple]:
    """(sort key..., earlier, later, reason) for every back-reference that names one earlier row."""
    links = []
    slack = dt.timedelta(days=REFERENCE_SLACK_DAYS)
    by_day: dict[dt.date, list[int]] = {}
    for j, day in enumerate(rows.dates):
        by_day.setdefault(day, []).append(j)
    for i in range(rows.n):
        for entry in rows.same_as[i]:
            reference = parse_reference(entry)
            if reference.heading is None:
                continue
            days = (reference.last - reference.first + 2 * slack).days + 1
            near = [j for k in range(max(0, days)) for j in by_day.get(reference.first - slack + dt.timedelta(k), ())]
            matches = [j for j in near
                       if j != i and rows.order[j] < rows.order[i]
                       and rows.headings[j] == reference.heading and _same_waters(rows, j, reference)
                       and not hulls_disjoint(rows.hulls[i], rows.hulls[j])]
            sharing = [j for j in matches if rows.hulls[i] & rows.hulls[j]]
            matches = sharing or matches
            if len(matches) == 1:
                links.append((rows.order[i], 0, matches[0], i, _reference_reason(rows, i, reference)))
    return links


def _same_waters(rows: _Rows, j: int, reference: Reference) -> bool:
    if reference.strait:
        return rows.straits[j] == reference.strait
    waters = _NOT_WATERS.sub("", reference.place)
    return bool(waters) and waters in rows.waters[j]


def _reference_reason(rows: _Rows, i: int, reference: Reference) -> str:
    return f"{rows.releases[i]} says same as {reference_phrase(reference)}"


def reference_phrase(reference: Reference) -> str:
    """How a link's reason (``voyage_link``) names the movement a back-reference points at, so a
    view can find the link made for a ``same_as`` entry.

    >>> reference_phrase(parse_reference("2026-03-05/2026-03-06 Tsushima southwest"))
    'the 5 Mar 2026 - 6 Mar 2026 Tsushima passage heading southwest'
    """
    days = _day(reference.first) if reference.last == reference.first else \
        f"{_day(reference.first)} - {_day(reference.last)}"
    what = f"{reference.strait} passage" if reference.strait else "movement"
    return f"the {days} {what} heading {reference.heading}"


def _hull_links(rows: _Rows) -> list[tuple]:
    """(sort key..., earlier, later, reason) for consecutive sightings of a hull within the gap."""
    by_hull: dict[str, list[int]] = {}
    for i in sorted(range(rows.n), key=rows.order.__getitem__):
        for number in rows.hulls[i]:
            by_hull.setdefault(number, []).append(i)
    pairs: dict[tuple[int, int], list[str]] = {}
    for number, seen in by_hull.items():
        for earlier, later in zip(seen, seen[1:]):
            if (rows.dates[later] - rows.dates[earlier]).days <= HULL_GAP_DAYS:
                pairs.setdefault((earlier, later), []).append(number)
    return [(rows.order[later], 1, earlier, later,
             f"hull{'s' if len(numbers) > 1 else ''} {', '.join(sorted(numbers))} in both")
            for (earlier, later), numbers in pairs.items()]


def _release_name(urls: list[str]) -> str:
    """The release a row cites, by its file name ("p20260721_01"), else "the report"."""
    release = next((url for url in urls if is_release_url(url)), "")
    name = release.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return name or "the report"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"
