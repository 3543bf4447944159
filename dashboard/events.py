"""Context on the timeline: the sourced events of ``data/events.csv`` as annotations that can be hidden.

Context, not sightings: each event is a dated span with a short label and the page it comes
from. The file is curated in the repository, yet still read with bounds and checked, so a
bad edit stops the start with the row, field and fix named. The timeline callbacks add the
events with :func:`with_events` after :func:`dashboard.figures.timeline_figure`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.figures import escape_markup
from dashboard.i18n import DEFAULT, translator

EVENTS = Path(__file__).resolve().parent.parent / "data" / "events.csv"
COLUMNS = ("start_date", "end_date", "label", "kind", "source_url", "source_name")
MAX_BYTES = 64 * 1024
MAX_LABEL = 200
EVENT_COLOUR = "#7a5195"
#: The value of the "show events" checkbox.
SHOW = "events"


@dataclass(frozen=True)
class Event:
    """One row of ``data/events.csv``."""

    start: dt.date
    end: dt.date
    label: str
    kind: str
    source_url: str
    source_name: str


def load_events(path: Path = EVENTS) -> tuple[Event, ...]:
    """The events in ``path``, in date order; ValueError naming the row, field, value and fix."""
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"{path}: over {MAX_BYTES:,} bytes; the events file holds a few dozen rows")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if tuple(frame.columns) != COLUMNS:
        raise ValueError(f"{path}: columns {list(frame.columns)}; expected {list(COLUMNS)}")
    events = []
    for number, row in enumerate(frame.itertuples(), start=2):       # fields read by name
        try:
            start, end = dt.date.fromisoformat(row.start_date), dt.date.fromisoformat(row.end_date)
        except ValueError:
            raise ValueError(f"{path}: row {number}, dates {row.start_date!r}/{row.end_date!r}: "
                             "write YYYY-MM-DD") from None
        if end < start:
            raise ValueError(f"{path}: row {number}, end_date {row.end_date!r} is before start_date; swap them")
        if not 0 < len(row.label) <= MAX_LABEL:
            raise ValueError(f"{path}: row {number}, label: {len(row.label)} characters; "
                             f"write 1 to {MAX_LABEL}")
        if not row.source_url.startswith("https://") and not row.source_url.startswith("http://"):
            raise ValueError(f"{path}: row {number}, source_url {row.source_url!r}: give the page's http(s) address")
        events.append(Event(start, end, row.label, row.kind, row.source_url, row.source_name))
    return tuple(sorted(events, key=lambda e: e.start))


def with_events(figure: dict, events: tuple[Event, ...], shown) -> dict:
    """The timeline ``figure`` with a band per event and a numbered marker above it (when ``shown``).

    ``shown`` is the "show events" checkbox's value. The label and source are in the
    marker's hover; the number keeps the plot uncluttered.
    """
    if SHOW not in (shown or ()):
        return figure
    layout = figure["layout"]
    shapes = [{"type": "rect", "xref": "x", "yref": "paper", "x0": e.start.isoformat(),
               "x1": (e.end + dt.timedelta(days=1)).isoformat(), "y0": 0.28, "y1": 1.0, "layer": "below",
               "fillcolor": EVENT_COLOUR, "opacity": 0.18, "line": {"width": 1, "color": EVENT_COLOUR}}
              for e in events]
    notes = [{"x": e.start.isoformat(), "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
              "text": str(number), "showarrow": False, "font": {"size": 10, "color": EVENT_COLOUR},
              "hovertext": f"{escape_markup(e.label)}<br>{e.start:%d %b %Y}<br>Source: {escape_markup(e.source_name)}"}
             for number, e in enumerate(events, start=1)]
    return {**figure, "layout": {**layout, "shapes": [*layout.get("shapes", []), *shapes],
                                 "annotations": [*layout.get("annotations", []), *notes],
                                 "margin": {**layout.get("margin", {}), "t": 24}}}


def section(events: tuple[Event, ...], lang: str = DEFAULT) -> html.Div:
    """The "show events" checkbox and the numbered, sourced list the timeline's numbers refer to
    (the events' own labels are as their source states them, in English)."""
    _ = translator(lang)
    return html.Div(className="events", children=[
        html.Label(_("Timeline events"), htmlFor=ids.SHOW_EVENTS, className="visually-hidden"),
        dcc.Checklist(id=ids.SHOW_EVENTS, value=[SHOW], className="radio",
                      options=[{"label": _("Show context events on the timeline (numbered below)"), "value": SHOW}]),
        html.Ol(id=ids.EVENTS_LIST, className="events-list", children=[
            html.Li([f"{e.start:%d %b %Y}" + (f" - {e.end:%d %b %Y}" if e.end != e.start else "") + f": {e.label} (",
                     html.A(e.source_name, href=e.source_url, target="_blank", rel="noopener noreferrer",
                            className="source-link"), ")"]) for e in events]),
    ])
