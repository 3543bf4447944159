"""The map's voyage layer: tracks through each voyage's sightings, with arrows and inferred passages.

Drawn with what works offline (TECH_NOTES): ``scattermap`` lines and no marker symbols or
map text. MapLibre lines in Plotly have no dash style, so an inferred passage leg is drawn
as short pieces with gaps, in a lighter trace without hover (its pieces would repeat the
label hundreds of times); the voyage's hover on its line lists the passages and why each
sighting was linked (``voyage_link``). A leg whose route is unknown (:func:`geo.tracks.route_known`:
days apart, or the geodesic crosses land) is never a confident line: it is drawn in the same
faint trace as dots, without an arrow, and the hover says so (the voyage's hover sits on a lone
vertex of the line trace at the leg's middle: a line of one point draws nothing, but a map
trace's hover is found from its vertices, so every voyage's hover is reachable). Arrows are two
short strokes at the middle of each leg, drawn in the line's own trace (one MapLibre source
fewer to re-tile per filter change; hovering an arrow names its voyage too). Two traces follow
the base map's (:data:`dashboard.figures.UPLOAD_TRACE`); the callbacks patch them when the
filters change and hide them with the "tracks" layer toggle.
The geography is :mod:`geo.tracks`; this module only turns it into figure data.
"""

from __future__ import annotations

import math
from collections import namedtuple

import pandas as pd

from dashboard.figures import TRACKS_GROUP, UPLOAD_TRACE, Update, escape_markup, is_aggregated
from dashboard.filters import date_span
from geo.tracks import Passage, Track, named_rows, voyage_tracks

#: Trace indexes of the layer: solid lines through sightings with their arrows, the inferred passages.
LINE_TRACE = UPLOAD_TRACE + 1
INFERRED_TRACE = LINE_TRACE + 1
TRACK_TRACES = (LINE_TRACE, INFERRED_TRACE)
TRACK_COLOUR = "#1b2f4b"
#: Length of one dash (and of one gap) of an inferred leg, in degrees of latitude.
DASH_DEGREES = 0.2
#: A "route unknown" leg: a dot this long (degrees) every :data:`DOT_SPACING_DEGREES`.
DOT_DEGREES = 0.03
DOT_SPACING_DEGREES = 0.2
#: Length of an arrow stroke, in degrees of latitude (about 30 km: visible at the first zoom).
ARROW_DEGREES = 0.3
ARROW_SPREAD = math.radians(28)
#: Link reasons listed in a voyage's hover (the rest are in each sighting's details panel).
MAX_LINKS_SHOWN = 8
#: What a voyage's hover label reads of each of its sightings (:func:`voyage_label`).
_LabelRow = namedtuple("_LabelRow", ["id", "event_date", "ship_types", "hull_numbers", "voyage_link"])


def track_traces(rows: pd.DataFrame) -> list[dict]:
    """The two traces of the layer for ``rows`` (empty past :data:`dashboard.figures.MAX_MARKERS`)."""
    lines, inferred = track_data(rows)

    def trace(name: str, values: dict, **extra) -> dict:
        return {"type": "scattermap", "name": name, "mode": "lines", "hoverinfo": "text", "showlegend": False,
                "line": {"color": TRACK_COLOUR, "width": 2}, **extra, **values}

    return [trace("voyages", lines), trace("inferred passages", inferred, opacity=0.45, hoverinfo="skip")]


def track_updates(rows: pd.DataFrame) -> list[Update]:
    """Redraw the layer's two traces for ``rows`` (points and hover only; styles stay)."""
    return [(("data", index, key), value)
            for index, values in zip(TRACK_TRACES, track_data(rows), strict=True) for key, value in values.items()]


def track_visibility(visible) -> list[Update]:
    """Show the layer when the "tracks" toggle is ticked."""
    shown = TRACKS_GROUP in set(visible or ())
    return [(("data", index, "visible"), shown) for index in TRACK_TRACES]


def track_data(rows: pd.DataFrame) -> tuple[dict, dict]:
    """(lines, inferred passages) as lat/lon/text lists, pieces split by None: each voyage's
    line through its sightings, then its arrows (a chevron per leg)."""
    lines, inferred = _Path(), _Path()
    if is_aggregated(rows):                 # the map's note says so
        return lines.values(), inferred.values()
    by_id = {row.id: row for row in named_rows(rows, _LabelRow)}
    for track in voyage_tracks(rows):
        points = list(zip(track.lats, track.lons))
        if len(points) < 2 and not track.passages:
            continue                       # a lone sighting: its marker says it all
        label = voyage_label(track, by_id)
        for run in known_runs(points, track.route_known):
            lines.add(run, label)
        for (start, end), known in zip(zip(points, points[1:]), track.route_known, strict=True):
            if known:
                lines.add(_arrow(start, end), label)
            else:
                for piece in _dots(start, end):
                    inferred.add(piece)
                lines.add([_midpoint(start, end)], label)     # one vertex, drawn as nothing: the hover
        for leg in track.passages:
            leg_points = list(zip(leg.lats, leg.lons))
            for start, end in zip(leg_points, leg_points[1:]):
                for piece in _dashes(start, end):
                    inferred.add(piece)
            if leg.heading:
                inferred.add(_arrow(leg_points[-2], leg_points[-1], at=1.0))
    return lines.values(), inferred.values()


def known_runs(points: list[tuple[float, float]], known: tuple[bool, ...]) -> list[list[tuple[float, float]]]:
    """The stretches of ``points`` joined only by legs whose route is known (each of two points or more).

    >>> known_runs([(1, 1), (2, 2), (3, 3), (4, 4)], (True, False, True))
    [[(1, 1), (2, 2)], [(3, 3), (4, 4)]]
    """
    runs: list[list[tuple[float, float]]] = []
    for k, is_known in enumerate(known):
        if not is_known:
            continue
        if k > 0 and known[k - 1]:
            runs[-1].append(points[k + 1])
        else:
            runs.append([points[k], points[k + 1]])
    return runs


def voyage_label(track: Track, by_id: dict) -> str:
    """Hover text naming a voyage: its ships, dates, stated passages, unknown routes and why its
    sightings were linked (``by_id``: rows by id)."""
    ids = list(dict.fromkeys([*track.sighting_ids, *(p.sighting_id for p in track.passages)]))
    rows = [by_id[i] for i in ids]
    types = list(dict.fromkeys(t for row in rows for t in row.ship_types))
    hulls = list(dict.fromkeys(h for row in rows for h in row.hull_numbers))
    first, last = min(row.event_date for row in rows).date(), max(row.event_date for row in rows).date()
    passages = "; ".join(f"{passage_phrase(p)} ({by_id[p.sighting_id].event_date:%d %b %Y})"
                         for p in track.passages) or "none stated"
    unknown = track.route_known.count(False)
    route = (f"<br>Route unknown between {unknown} pair{'s' if unknown != 1 else ''} of sightings (drawn dotted)"
             if unknown else "")
    links = [f"{row_id} {reason}" for row_id in ids for reason in by_id[row_id].voyage_link]
    shown = "<br>".join(escape_markup(link) for link in links[:MAX_LINKS_SHOWN])
    more = f"<br>... and {len(links) - MAX_LINKS_SHOWN} more (details panel)" if len(links) > MAX_LINKS_SHOWN else ""
    return (f"<b>Voyage {escape_markup(track.voyage_id)}</b> · {len(ids)} sighting{'s' if len(ids) != 1 else ''}, "
            f"{date_span(first, last)}<br>Ships: {escape_markup('; '.join(types) or 'not reported')}"
            f"<br>Hulls: {escape_markup(', '.join(hulls) or 'not reported')}<br>Passages (inferred, drawn dashed): {escape_markup(passages)}"
            f"{route}<br>Linked because: {shown or 'not linked'}{more}")


def passage_phrase(leg: Passage) -> str:
    """'through the Tsushima Strait, heading southwest' (or 'heading not stated')."""
    return f"through the {leg.strait} Strait, heading {leg.heading or 'not stated'}"


class _Path:
    """Polyline pieces for one trace, separated by None (one trace draws many lines), with hover text
    when given (coordinates to 4 decimals, about 10 m: enough to draw, a third less to send)."""

    def __init__(self) -> None:
        self.lat: list = []
        self.lon: list = []
        self.text: list = []

    def add(self, points: list[tuple[float, float]], text: str | None = None) -> None:
        if not points:
            return
        gap = [None] if self.lat else []
        self.lat += gap + [round(lat, 4) for lat, _ in points]
        self.lon += gap + [round(lon, 4) for _, lon in points]
        if text is not None:
            self.text += gap + [text] * len(points)

    def values(self) -> dict:
        return {"lat": self.lat, "lon": self.lon, **({"text": self.text} if self.text else {})}


def _dashes(start: tuple[float, float], end: tuple[float, float]) -> list[list[tuple[float, float]]]:
    """The drawn pieces of a dashed leg from ``start`` to ``end`` (every other piece of :data:`DASH_DEGREES`)."""
    pieces = max(1, round(math.dist(start, end) / DASH_DEGREES))

    def at(i: int) -> tuple[float, float]:
        return start[0] + (end[0] - start[0]) * i / pieces, start[1] + (end[1] - start[1]) * i / pieces

    return [[at(i), at(i + 1)] for i in range(0, pieces, 2)]


def _dots(start: tuple[float, float], end: tuple[float, float]) -> list[list[tuple[float, float]]]:
    """The drawn pieces of a dotted "route unknown" leg: a :data:`DOT_DEGREES` dot every
    :data:`DOT_SPACING_DEGREES`, from ``start`` to ``end``."""
    length = math.dist(start, end)
    if length == 0:
        return []
    steps = max(1, round(length / DOT_SPACING_DEGREES))
    dot = min(1.0, DOT_DEGREES / length)

    def at(f: float) -> tuple[float, float]:
        return start[0] + (end[0] - start[0]) * f, start[1] + (end[1] - start[1]) * f

    return [[at(min(i / steps, 1.0 - dot)), at(min(i / steps + dot, 1.0))] for i in range(steps + 1)]


def _midpoint(start: tuple[float, float], end: tuple[float, float]) -> tuple[float, float]:
    return (start[0] + end[0]) / 2, (start[1] + end[1]) / 2


def _arrow(start: tuple[float, float], end: tuple[float, float], at: float = 0.5) -> list[tuple[float, float]]:
    """A chevron (wing, tip, wing) pointing from ``start`` to ``end``, its tip ``at`` along the leg."""
    tip = (start[0] + (end[0] - start[0]) * at, start[1] + (end[1] - start[1]) * at)
    scale = math.cos(math.radians(tip[0]))
    dy, dx = end[0] - start[0], (end[1] - start[1]) * scale
    if math.hypot(dx, dy) < 1e-9:
        return []
    back = math.atan2(-dy, -dx)
    wings = [(tip[0] + ARROW_DEGREES * math.sin(back + turn), tip[1] + ARROW_DEGREES * math.cos(back + turn) / scale)
             for turn in (ARROW_SPREAD, -ARROW_SPREAD)]
    return [wings[0], tip, wings[1]]
