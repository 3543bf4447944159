"""The map's voyage layer: tracks through each voyage's sightings, with arrows and inferred passages.

Drawn with what works offline (TECH_NOTES): ``scattermap`` lines and no marker symbols or
map text. MapLibre lines in Plotly have no dash style, so an inferred passage leg is drawn
as short pieces with gaps, in a lighter trace without hover (its pieces would repeat the
label hundreds of times); the voyage's hover on its line lists the passages. Arrows are two
short strokes at the middle of each leg, drawn in the line's own trace (one MapLibre source
fewer to re-tile per filter change; hovering an arrow names its voyage too). Two traces follow
the base map's (:data:`dashboard.figures.UPLOAD_TRACE`); the callbacks patch them when the
filters change and hide them with the "tracks" layer toggle.
The geography is :mod:`geo.tracks`; this module only turns it into figure data.
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.figures import TRACKS_GROUP, UPLOAD_TRACE, Update, escape_markup, is_aggregated
from dashboard.filters import date_span
from geo.tracks import Passage, Track, voyage_tracks

#: Trace indexes of the layer: solid lines through sightings with their arrows, the inferred passages.
LINE_TRACE = UPLOAD_TRACE + 1
INFERRED_TRACE = LINE_TRACE + 1
TRACK_TRACES = (LINE_TRACE, INFERRED_TRACE)
TRACK_COLOUR = "#1b2f4b"
#: Length of one dash (and of one gap) of an inferred leg, in degrees of latitude.
DASH_DEGREES = 0.2
#: Length of an arrow stroke, in degrees of latitude (about 30 km: visible at the first zoom).
ARROW_DEGREES = 0.3
ARROW_SPREAD = math.radians(28)


def track_traces(rows: pd.DataFrame) -> list[dict]:
    """The two traces of the layer for ``rows`` (empty for an aggregated selection)."""
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
    if is_aggregated(rows):
        return lines.values(), inferred.values()
    by_id = {row.id: row for row in rows[["id", "event_date", "ship_types", "hull_numbers"]].itertuples(index=False)}
    for track in voyage_tracks(rows):
        points = list(zip(track.lats, track.lons))
        if len(points) < 2 and not track.passages:
            continue                       # a lone sighting: its marker says it all
        label = voyage_label(track, by_id)
        if len(points) > 1:
            lines.add(points, label)
            for start, end in zip(points, points[1:]):
                lines.add(_arrow(start, end), label)
        for leg in track.passages:
            leg_points = list(zip(leg.lats, leg.lons))
            for start, end in zip(leg_points, leg_points[1:]):
                for piece in _dashes(start, end):
                    inferred.add(piece)
            if leg.heading:
                inferred.add(_arrow(leg_points[-2], leg_points[-1], at=1.0))
    return lines.values(), inferred.values()


def voyage_label(track: Track, by_id: dict) -> str:
    """Hover text naming a voyage: its ships, dates and stated passages (``by_id``: rows by id)."""
    ids = list(dict.fromkeys([*track.sighting_ids, *(p.sighting_id for p in track.passages)]))
    rows = [by_id[i] for i in ids]
    types = list(dict.fromkeys(t for row in rows for t in row.ship_types))
    hulls = list(dict.fromkeys(h for row in rows for h in row.hull_numbers))
    first, last = min(row.event_date for row in rows).date(), max(row.event_date for row in rows).date()
    passages = "; ".join(f"{passage_phrase(p)} ({by_id[p.sighting_id].event_date:%d %b %Y})"
                         for p in track.passages) or "none stated"
    return (f"<b>Voyage {escape_markup(track.voyage_id)}</b> · {len(ids)} sighting{'s' if len(ids) != 1 else ''}, "
            f"{date_span(first, last)}<br>Ships: {escape_markup('; '.join(types) or 'not reported')}"
            f"<br>Hulls: {escape_markup(', '.join(hulls) or 'not reported')}<br>Passages (inferred, drawn dashed): {escape_markup(passages)}")


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
    length = math.dist(start, end)
    pieces = max(1, round(length / DASH_DEGREES))
    at = [(start[0] + (end[0] - start[0]) * i / pieces, start[1] + (end[1] - start[1]) * i / pieces)
          for i in range(pieces + 1)]
    return [[at[i], at[i + 1]] for i in range(0, pieces, 2)]


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
