"""Voyages as tracks: a voyage's sightings in time order, and its stated strait passages.

A track joins the positions of one voyage's sightings (``voyage_id``, see
:mod:`sightings.voyages`) in the order they were seen, by ``event_date`` then
``event_time`` (a release gives the hour; news often does not, and an unknown hour sorts
first in its day). A sighting that states a strait passage ("then south through the
Tsushima Strait") adds an *inferred* leg: from its position to the strait's label point
(:data:`sightings.positions.STRAIT_LABEL_POINTS`) and on :data:`PASSAGE_ON_KM` along the
stated heading. Those legs are drawn, never reported: a reader must be able to tell them
apart from the reported positions. Plain functions of a sightings frame, no Dash.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from geo.locate import BEARINGS, offset
from geo.places import place_point
from sightings.positions import STRAIT_LABEL_POINTS

#: How far an inferred passage leg runs past the strait's label point, along the stated heading.
PASSAGE_ON_KM = 60.0
#: Compass words a ``direction`` can start with, longest first so "northeast" is not "north".
_HEADING_WORDS = {"northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw",
                  "north": "n", "south": "s", "east": "e", "west": "w"}
_WORD = r"\b(" + "|".join(_HEADING_WORDS) + r")\b(?!\s+china)"      # "East China Sea" is a sea, not a heading
_HEADING = re.compile(_WORD)
_FROM_TO = re.compile(_WORD + r"\s+to\s+" + _WORD)
#: The direction text read for a heading: enough for a clause, bounded before the pattern runs.
_MAX_DIRECTION = 200
#: Columns a frame needs for :func:`voyage_tracks`.
TRACK_COLUMNS = ("id", "voyage_id", "event_date", "event_time", "lat", "lon", "strait", "direction")


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
    """One voyage: its drawn sightings in time order, and the passages they state."""

    voyage_id: str
    sighting_ids: tuple[str, ...]
    lats: tuple[float, ...]
    lons: tuple[float, ...]
    passages: tuple[Passage, ...]


def heading(direction: str) -> str | None:
    """The compass heading a ``direction`` states first, as a word ("southwest"), or None.

    Reads the first clause ("southwest, toward the Pacific" -> southwest;
    "north / northeast, into ..." -> north); "east to west" is a heading west. Text with no
    compass word ("toward the Pacific", "into the Sea of Japan") gives None: no heading is guessed.
    """
    clause = re.split(r"[,;(]", direction[:_MAX_DIRECTION].lower(), maxsplit=1)[0]
    words = _HEADING.findall(clause)
    if not words:
        return None
    going_to = _FROM_TO.search(clause)
    return going_to.group(2) if going_to else words[0]


def in_time_order(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` by (event_date, event_time, id): the order a voyage's ships were seen."""
    return rows.sort_values(["event_date", "event_time", "id"], kind="stable")


def passage(sighting_id: str, lat: float, lon: float, strait: str, direction: str) -> Passage | None:
    """The inferred leg of a sighting that states a passage of ``strait`` (None for no known strait).

    From the sighting's point (when it has one and is not the label point itself) to the
    strait's label point, then :data:`PASSAGE_ON_KM` along the stated heading (when one is stated).
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
    """
    voyages: dict[str, list] = {}
    for row in in_time_order(rows[list(TRACK_COLUMNS)]).itertuples(index=False):
        voyages.setdefault(row.voyage_id, []).append(row)
    tracks = []
    for voyage_id, part in voyages.items():
        located = [row for row in part if pd.notna(row.lat) and pd.notna(row.lon)]
        passages = tuple(p for row in part
                         if (p := passage(row.id, row.lat, row.lon, row.strait, row.direction)) is not None)
        tracks.append(Track(voyage_id, tuple(row.id for row in located), tuple(float(row.lat) for row in located),
                            tuple(float(row.lon) for row in located), passages))
    return tracks


@functools.lru_cache(maxsize=len(STRAIT_LABEL_POINTS))
def _label_point(anchor: str) -> tuple[float, float]:
    return place_point(anchor)


@functools.lru_cache(maxsize=len(STRAIT_LABEL_POINTS) * len(_HEADING_WORDS))
def _onward_point(anchor: str, word: str) -> tuple[float, float]:
    """:data:`PASSAGE_ON_KM` from ``anchor`` along heading ``word``: a gazetteer look-up and a
    geodesic (2 ms), the same for every passage of a strait and heading, so made once per process."""
    return offset(anchor, BEARINGS[_HEADING_WORDS[word]], PASSAGE_ON_KM)


def _same_point(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two points are the same to about 10 m (an area sighting sits on the label point)."""
    return abs(a[0] - b[0]) < 1e-4 and abs(a[1] - b[1]) < 1e-4
