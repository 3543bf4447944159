"""Voyages as tracks: a voyage's sightings in time order, and its stated strait passages.

A track joins the positions of one voyage's sightings (``voyage_id``, see
:mod:`sightings.voyages`) in the order they were seen, by ``event_date`` then
``event_time`` (a release gives the hour; news often does not, and an unknown hour sorts
first in its day). A sighting that states a strait passage ("then south through the
Tsushima Strait") adds an *inferred* leg: from its position to the strait's label point
(:data:`geo.places.STRAIT_LABEL_POINTS`) and on :data:`PASSAGE_ON_KM` along the
stated heading. Those legs are drawn, never reported: a reader must be able to tell them
apart from the reported positions.

Between two sightings the route is *known* only when they are at most
:data:`ROUTE_KNOWN_DAYS` apart and the geodesic between them stays at sea
(``data/layers/land.geojson``); otherwise the ships went some way no report gives, and the
leg is marked unknown (drawn faint and dotted, never as a confident line). A leg also has
a speed limit: :func:`implied_knots` over :func:`longest_hours` above :data:`MAX_KNOTS`
means the two sightings are not one voyage (:mod:`sightings.voyages` uses it to refuse a
link). Plain functions of a sightings frame, no Dash.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import namedtuple
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
from shapely import LineString
from shapely.prepared import prep

from geo.layers import load_layer
from geo.compass import BEARINGS, POINTS, WORDS, point_of
from geo.locate import WGS84, offset
from geo.places import STRAIT_LABEL_POINTS, place_point

#: No warship keeps up more than this (knots): two sightings further apart in the time
#: between them are not the same ships (Steregushchiy frigates are credited with about 27
#: knots, Slava cruisers about 32).
MAX_KNOTS = 32.0
#: Position error allowed at the two ends of a leg (km): a derived position ("about 50 km
#: NW of X") or a strait's label point can be tens of km off the ships.
POSITION_ERROR_KM = 50.0
#: Sightings more days apart than this are joined by an unknown route (the ships went
#: elsewhere between them), whatever the geodesic.
ROUTE_KNOWN_DAYS = 3
#: Spacing (km) of the points a geodesic is sampled at to test it against the land.
_SAMPLE_KM = 5.0
_KM_PER_NM = 1.852
#: How far an inferred passage leg runs past the strait's label point, along the stated heading.
PASSAGE_ON_KM = 60.0
#: Compass words a ``direction`` can start with, longest first so "northeast" is not "north".
_HEADING_WORDS = tuple(sorted((WORDS[p] for p in POINTS if len(p) <= 2), key=len, reverse=True))
_WORD = r"\b(" + "|".join(_HEADING_WORDS) + r")\b(?!\s+china)"      # "East China Sea" is a sea, not a heading
_HEADING = re.compile(_WORD)
_FROM_TO = re.compile(_WORD + r"\s+to\s+" + _WORD)
#: The direction text read for a heading: enough for a clause, bounded before the pattern runs.
_MAX_DIRECTION = 200
#: Columns a frame needs for :func:`voyage_tracks`.
TRACK_COLUMNS = ("id", "voyage_id", "event_date", "event_time", "lat", "lon", "strait", "direction")
#: One sighting as a track reads it.
TrackRow = namedtuple("TrackRow", TRACK_COLUMNS)


@dataclass(frozen=True)
class Passage:
    """An inferred leg: a sighting's position, the strait's label point, a point on along ``heading``."""

    sighting_id: str
    strait: str
    heading: str | None
    lats: tuple[float, ...]
    lons: tuple[float, ...]


@dataclass(frozen=True)
class Track:
    """One voyage: its drawn sightings in time order, whether the route of each leg between
    them is known (``route_known[k]``: sighting k to k + 1, see :func:`route_known`), and the
    passages they state."""

    voyage_id: str
    sighting_ids: tuple[str, ...]
    lats: tuple[float, ...]
    lons: tuple[float, ...]
    passages: tuple[Passage, ...]
    route_known: tuple[bool, ...] = ()


def heading(direction: str) -> str | None:
    """The compass heading a ``direction`` states first, as a word ("southwest"), or None.

    Reads the first clause ("southwest, toward the Pacific" -> southwest;
    "north / northeast, into ..." -> north); "east to west" is a heading west. Text with no
    compass word ("toward the Pacific", "into the Sea of Japan") gives None: no heading is guessed.

    Examples
    --------
    >>> heading("southwest, toward the Pacific"), heading("toward the Pacific")
    ('southwest', None)
    """
    clause = re.split(r"[,;(]", direction[:_MAX_DIRECTION].lower(), maxsplit=1)[0]
    words = _HEADING.findall(clause)
    if not words:
        return None
    going_to = _FROM_TO.search(clause)
    return going_to.group(2) if going_to else words[0]


def named_rows(rows: pd.DataFrame, row_type) -> Iterator:
    """``rows`` one ``row_type`` (a named tuple class) each, holding the columns its fields name.

    The plain loop over a few columns of wide rows: ``rows[columns].itertuples()`` first built a
    narrower frame and a new tuple class, about 0.6 ms before reading a value (the app's rows have
    ~70 columns), and a filter change read rows that way six times (here and in dashboard/).

    >>> Point = namedtuple("Point", ["id", "lat"])
    >>> list(named_rows(pd.DataFrame({"id": ["a", "b"], "lon": [140.0, 141.0], "lat": [41.5, 45.3]}), Point))
    [Point(id='a', lat=41.5), Point(id='b', lat=45.3)]
    """
    return map(row_type._make, zip(*(rows[field] for field in row_type._fields), strict=True))


def in_time_order(rows: pd.DataFrame) -> list[TrackRow]:
    """``rows`` (their :data:`TRACK_COLUMNS`, one :class:`TrackRow` each) by (event_date, event_time,
    id): the order a voyage's ships were seen. A plain sort of the tuples, read column by column:
    pandas' three-key sort of a narrower frame cost a filter change 2-3 ms before it sorted anything.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["b", "a"], "voyage_id": ["v", "v"], "event_date": pd.to_datetime(["2022-03-15"] * 2),
    ...                      "event_time": ["", ""], "lat": [None, None], "lon": [None, None], "strait": ["", ""],
    ...                      "direction": ["", ""]})
    >>> [row.id for row in in_time_order(rows)]
    ['a', 'b']
    """
    return sorted(named_rows(rows, TrackRow), key=lambda row: (row.event_date, row.event_time, row.id))


def passage(sighting_id: str, lat: float, lon: float, strait: str, direction: str) -> Passage | None:
    """The inferred leg of a sighting that states a passage of ``strait`` (None for no known strait).

    From the sighting's point (when it has one and is not the label point itself) to the
    strait's label point, then :data:`PASSAGE_ON_KM` along the stated heading (when one is stated).

    Examples
    --------
    >>> passage("a", 45.0, 141.0, "Soya", "east").heading
    'east'
    >>> passage("a", 45.0, 141.0, "", "east") is None
    True
    """
    anchor = STRAIT_LABEL_POINTS.get(strait)
    if anchor is None:
        return None
    label = _label_point(anchor)
    start = [(float(lat), float(lon))] if pd.notna(lat) and pd.notna(lon) else []
    points = start + ([label] if not start or not _same_point(start[0], label) else [])
    word = heading(direction)
    if word is not None:
        points.append(_onward_point(anchor, word))
    if len(points) < 2:
        return None
    return Passage(sighting_id, strait, word, tuple(p[0] for p in points), tuple(p[1] for p in points))


def voyage_tracks(rows: pd.DataFrame) -> list[Track]:
    """The track of every voyage in ``rows`` (only the rows given: a filter cuts a voyage short).

    Voyages come in order of their first sighting; a sighting without a position is left
    out of the line (its passage, if any, still starts at the strait).

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a", "b", "c"], "voyage_id": ["v1", "v1", "v2"],
    ...                      "event_date": pd.to_datetime(["2023-03-07", "2023-03-06", "2023-03-06"]),
    ...                      "event_time": ["", "10:00", ""], "lat": [34.6, 34.9, None], "lon": [129.8, 129.9, None],
    ...                      "strait": ["", "", "Soya"], "direction": ["", "", "east"]})
    >>> first, second = voyage_tracks(rows)     # v2 is seen first: its unknown hour sorts first in the day
    >>> first.sighting_ids, first.passages[0].strait, first.passages[0].heading   # no point, a passage
    ((), 'Soya', 'east')
    >>> second.sighting_ids, second.route_known   # in time order; one day apart, at sea
    (('b', 'a'), (True,))
    """
    voyages: dict[str, list] = {}
    for row in in_time_order(rows):
        voyages.setdefault(row.voyage_id, []).append(row)
    tracks = []
    for voyage_id, part in voyages.items():
        located = [row for row in part if pd.notna(row.lat) and pd.notna(row.lon)]
        passages = tuple(p for row in part
                         if (p := passage(row.id, row.lat, row.lon, row.strait, row.direction)) is not None)
        known = tuple(route_known((a.lat, a.lon), (b.lat, b.lon), (b.event_date - a.event_date).days)
                      for a, b in zip(located, located[1:]))
        tracks.append(Track(voyage_id, tuple(row.id for row in located), tuple(float(row.lat) for row in located),
                            tuple(float(row.lon) for row in located), passages, known))
    return tracks


def route_known(start: tuple[float, float], end: tuple[float, float], days_apart: int) -> bool:
    """Whether a track may draw the leg from ``start`` to ``end`` (lat, lon) as a route sailed.

    Not when the sightings are more than :data:`ROUTE_KNOWN_DAYS` calendar days apart (the
    ships may have gone anywhere between), nor when the geodesic between them crosses land
    (the ships went round, by a way no report gives).

    Examples
    --------
    >>> route_known((45.8, 140.5), (35.3, 141.2), 2)      # west of Hokkaido to off Cape Inubo: over Honshu
    False
    >>> route_known((34.9, 129.9), (34.6, 129.8), 0)      # across the Tsushima Strait
    True
    """
    return abs(days_apart) <= ROUTE_KNOWN_DAYS and not crosses_land(start, end)


def crosses_land(start: tuple[float, float], end: tuple[float, float]) -> bool:
    """Whether the WGS84 geodesic from ``start`` to ``end`` (lat, lon) touches ``data/layers/land.geojson``.

    Examples
    --------
    >>> crosses_land((43.0, 140.5), (43.0, 144.5)), crosses_land((40.0, 136.0), (40.0, 138.0))  # Hokkaido; sea
    (True, False)
    """
    return _land().intersects(geodesic_line(start, end))


def geodesic_line(start: tuple[float, float], end: tuple[float, float]) -> LineString:
    """The geodesic from ``start`` to ``end`` (lat, lon) as a lon/lat line sampled every few km.

    Examples
    --------
    >>> len(geodesic_line((45.0, 141.0), (45.0, 141.0)).coords)
    2
    """
    inner = max(0, math.ceil(distance_km(start, end) / _SAMPLE_KM) - 1)
    middle = WGS84.npts(start[1], start[0], end[1], end[0], inner) if inner else []
    return LineString([(start[1], start[0]), *middle, (end[1], end[0])])


def distance_km(start: tuple[float, float], end: tuple[float, float]) -> float:
    """WGS84 geodesic distance in km between two (lat, lon) points.

    Examples
    --------
    >>> round(distance_km((45.5229, 141.9366), (45.97276, 141.9366)), 1)
    50.0
    """
    return WGS84.inv(start[1], start[0], end[1], end[0])[2] / 1000.0


def longest_hours(first_date: dt.date, first_time: str, last_date: dt.date, last_time: str) -> float:
    """The longest time (hours) between two sightings that their dates and "HH:MM" times allow.

    An unknown time ("") stretches to the start of the first sighting's day and the end of
    the last one's: a limit on speed must not be tightened by a time nobody reported.

    Examples
    --------
    >>> longest_hours(dt.date(2026, 7, 16), "02:00", dt.date(2026, 7, 19), "")
    94.0
    """
    start = dt.datetime.combine(first_date, _clock(first_time) or dt.time(0, 0))
    end = dt.datetime.combine(last_date, _clock(last_time) or dt.time(0, 0))
    if not last_time:
        end += dt.timedelta(days=1)
    return (end - start).total_seconds() / 3600.0


def implied_knots(start: tuple[float, float], end: tuple[float, float], hours: float) -> float:
    """The least speed (knots) that explains two sightings ``hours`` apart at ``start`` and ``end``.

    The geodesic distance less :data:`POSITION_ERROR_KM` (never below 0), over ``hours``;
    infinite when the ships would have had to move in no time. Above :data:`MAX_KNOTS` the
    two sightings cannot be the same ships.

    Examples
    --------
    >>> round(implied_knots((45.0, 141.0), (35.0, 141.0), 24.0), 1)    # 1,110 km in a day
    23.9
    """
    km = max(0.0, distance_km(start, end) - POSITION_ERROR_KM)
    if km == 0.0:
        return 0.0
    return km / _KM_PER_NM / hours if hours > 0 else math.inf


def _clock(text: str) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


@functools.lru_cache(maxsize=1)
def _land():
    """The land layer as one prepared geometry (the layer is read-only data, cached per process)."""
    return prep(load_layer("land").geometry.union_all())


@functools.lru_cache(maxsize=len(STRAIT_LABEL_POINTS))
def _label_point(anchor: str) -> tuple[float, float]:
    return place_point(anchor)


@functools.lru_cache(maxsize=len(STRAIT_LABEL_POINTS) * len(_HEADING_WORDS))
def _onward_point(anchor: str, word: str) -> tuple[float, float]:
    """:data:`PASSAGE_ON_KM` from ``anchor`` along heading ``word``: a gazetteer look-up and a
    geodesic (2 ms), the same for every passage of a strait and heading, so made once per process."""
    return offset(anchor, BEARINGS[point_of(word)], PASSAGE_ON_KM)


def _same_point(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two points are the same to about 10 m (an area sighting sits on the label point)."""
    return abs(a[0] - b[0]) < 1e-4 and abs(a[1] - b[1]) < 1e-4
