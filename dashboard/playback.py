"""Playback: the selection shown through a window of weeks or months that moves forward in time.

The window is per-user state, kept in a ``dcc.Store`` and in the URL's fragment
(``#play=2022-06-06&window=4-weeks``), so a shared link opens on the same weeks; the
fragment is apart from the query string, which the filters own. While a window is shown, the
ordinary markers fade and the window's sightings are drawn on top in their own trace (after
the voyage layer), so a filter change and a playback step never write the same trace. The
step arithmetic, the URL fragment and the trace data are plain functions here; the callback
only wires the controls to :func:`transition`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.figures import (
    PLAYBACK_BAND, POINTS_TRACE, Update, area_paint, playback_band, point_rows, stacked_markers,
)
from dashboard.filters import date_span, parse_date
from dashboard.i18n import N_, translator
from dashboard.tracks_figure import INFERRED_TRACE

PLAYBACK_TRACE = INFERRED_TRACE + 1
#: The markers' opacity outside the window while playback shows one (context, not the focus).
FADED = 0.15
MAX_FRAGMENT = 200


@dataclass(frozen=True)
class Window:
    """A window size: its label, how long it is and how far one step moves it."""

    label: str
    length: pd.DateOffset
    step: pd.DateOffset
    by_month: bool


WINDOWS = {
    "1-week": Window(N_("1 week"), pd.DateOffset(weeks=1), pd.DateOffset(weeks=1), False),
    "4-weeks": Window(N_("4 weeks"), pd.DateOffset(weeks=4), pd.DateOffset(weeks=1), False),
    "1-month": Window(N_("1 month"), pd.DateOffset(months=1), pd.DateOffset(months=1), True),
    "3-months": Window(N_("3 months"), pd.DateOffset(months=3), pd.DateOffset(months=1), True),
}
DEFAULT_WINDOW = "4-weeks"
#: Milliseconds between steps while playing.
SPEEDS = {"slow": 2000, "normal": 1000, "fast": 500}
#: How the speed control names each speed (message ids, :mod:`dashboard.i18n`).
SPEED_NAMES = {"slow": N_("slow"), "normal": N_("normal"), "fast": N_("fast")}
DEFAULT_SPEED = "normal"
#: What a control asks of :func:`transition`.
ACTIONS = ("load", "filters", "tick", "play", "step", "stop", "window")


def aligned(day: dt.date, size: str) -> dt.date:
    """The window start holding ``day``: its Monday, or the first of its month."""
    return day.replace(day=1) if WINDOWS[size].by_month else day - dt.timedelta(days=day.weekday())


def window_end(start: dt.date, size: str) -> dt.date:
    """The window's last day (inclusive)."""
    return (pd.Timestamp(start) + WINDOWS[size].length).date() - dt.timedelta(days=1)


def window_rows(rows: pd.DataFrame, start: dt.date, size: str) -> pd.DataFrame:
    """The sightings of ``rows`` inside the window from ``start``."""
    dates = rows["event_date"]
    return rows[(dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(window_end(start, size)))]


def transition(action: str, start: dt.date | None, playing: bool, rows: pd.DataFrame,
               size: str) -> tuple[dt.date | None, bool]:
    """The window start and whether playback runs after ``action`` (one of :data:`ACTIONS`).

    Play or step with no window begins at the first sighting (play and pause themselves are
    switched in the browser, assets/playback.js); a step or tick past the last sighting stops
    there; stop clears the window (every filtered sighting shows again). A tick while paused
    (one already on its way when pause was pressed) changes nothing.
    """
    if action == "stop" or rows.empty:
        return None, False
    first = aligned(rows["event_date"].min().date(), size)
    last = rows["event_date"].max().date()
    if action == "play":                      # play at the last window starts again from the first
        at_end = start is not None and (pd.Timestamp(start) + WINDOWS[size].step).date() > last
        return (first if start is None or at_end else start), True
    if action == "tick" and not playing:
        return start, False
    if action in ("step", "tick"):
        if start is None:
            return first, action == "tick"
        following = (pd.Timestamp(start) + WINDOWS[size].step).date()
        if following > last:
            return start, False
        return following, playing if action == "tick" else False
    if action == "window" and start is not None:
        return aligned(start, size), playing
    return start, playing


def to_fragment(start: dt.date | None, size: str) -> str:
    """``#play=2022-06-06&window=4-weeks`` (empty with no window)."""
    return "#" + urlencode({"play": start.isoformat(), "window": size}) if start else ""


def from_fragment(fragment: str | None) -> tuple[dt.date | None, str]:
    """The window start and size a URL fragment asks for; unknown values fall back to none / the default."""
    values = parse_qs((fragment or "").lstrip("#")[:MAX_FRAGMENT])
    size = values.get("window", [DEFAULT_WINDOW])[0]
    size = size if size in WINDOWS else DEFAULT_WINDOW
    start = parse_date(values.get("play", [None])[0])
    return (aligned(start, size) if start else None), size


def window_label(rows: pd.DataFrame, start: dt.date | None, size: str, lang: str = "en") -> str:
    """'4 weeks, 7 Feb - 6 Mar 2022: 3 sightings' for the window (or how to start playback), in ``lang``."""
    _ = translator(lang)
    if start is None:
        return _("Playback: press Play or Step to show the selection a window at a time.")
    count = len(window_rows(rows, start, size))
    return (_("{window}, {dates}: {count} sightings") if count != 1 else _("{window}, {dates}: {count} sighting")).format(
        window=_(WINDOWS[size].label), dates=date_span(start, window_end(start, size), lang), count=count)


def playback_updates(rows: pd.DataFrame, start: dt.date | None, size: str, layers: list | None = None) -> list[Update]:
    """Draw the window's sightings on top and fade the others (no window: restore the markers).

    Given the map's ``layers``, the areas highlighted for area-only reports follow the window
    too: a strait lights up while a report naming only it is inside the window.
    """
    inside = window_rows(rows, start, size) if start else rows
    shown = point_rows(inside) if start else rows.iloc[0:0]
    values = stacked_markers(shown)           # sightings at one point share a marker that lists them
    fade = FADED if start else 1.0
    areas = [(("layout", "meta", "areas"), area_paint(layers, inside))] if layers is not None else []
    return ([(("data", PLAYBACK_TRACE, key), value) for key, value in values.items()]
            + [(("data", POINTS_TRACE, "opacity"), fade)] + areas)


def band_updates(start: dt.date | None, size: str) -> list[Update]:
    """The time bar's band over the window from ``start`` (hidden with no window)."""
    band = playback_band(start, window_end(start, size)) if start else playback_band()
    return [(("layout", "shapes", PLAYBACK_BAND), band)]


def playback_trace() -> dict:
    """The empty trace the window's sightings are drawn in (appended to the map figure)."""
    return {"type": "scattermap", "name": "playback window", "mode": "markers", "hoverinfo": "text",
            "showlegend": False, "lat": [], "lon": [], "customdata": [], "text": [], "marker": {"size": []}}


def controls(lang: str = "en") -> html.Div:
    """Play / pause, step, stop, the window size and the speed, and the window's label (in ``lang``)."""
    _ = translator(lang)
    return html.Div(className="playback", children=[
        dcc.Store(id=ids.PLAY_STATE),
        dcc.Interval(id=ids.PLAY_TIMER, interval=SPEEDS[DEFAULT_SPEED], disabled=True),
        # the button's two words, in the page's language, for assets/playback.js to swap
        html.Button(_("Play"), id=ids.PLAY, className="button", **{"data-play": _("Play"), "data-pause": _("Pause")}),
        html.Button(_("Step"), id=ids.PLAY_STEP, className="button secondary"),
        html.Button(_("Show all"), id=ids.PLAY_STOP, className="button secondary"),
        html.Label(_("Window"), htmlFor=ids.PLAY_WINDOW),
        dcc.Dropdown(id=ids.PLAY_WINDOW, value=DEFAULT_WINDOW, clearable=False, className="play-window",
                     options=[{"label": _(w.label), "value": key} for key, w in WINDOWS.items()]),
        html.Label(_("Speed"), htmlFor=ids.PLAY_SPEED),
        dcc.Dropdown(id=ids.PLAY_SPEED, value=DEFAULT_SPEED, clearable=False, className="play-speed",
                     options=[{"label": _("{speed} ({seconds} s a step)").format(speed=_(SPEED_NAMES[key]),
                                                                                   seconds=f"{ms / 1000:g}"),
                               "value": key} for key, ms in SPEEDS.items()]),
        html.Span(id=ids.PLAY_LABEL, className="play-label", role="status"),
    ])
