"""The statistics view: passages per strait and year, Russian ships per month, the share with Chinese ships.

Figures are plain dicts (as in :mod:`dashboard.figures`) of :mod:`sightings.stats` counts (arrays,
not frames: the charts follow every filter change).
Every chart carries the same note of where each year's rows come from
(:func:`sightings.stats.source_note`), and the yearly charts name it under each year, so
that a rise in counts is never read as a rise in activity. The numbers download at
``/stats/passages.csv`` with the page's query.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.figures import GRAPH_CONFIG, LANE_COLOURS, escape_markup
from dashboard.urlstate import spec_to_query
from sightings.stats import (
    NO_HEADING, chinese_share_counts, passage_counts, rows_by_source_counts, ships_per_month_counts, source_note,
)

STATS_PATH = "/stats/passages.csv"
#: Headings drawn from dark (one sense of a passage) to light; "not stated" grey.
HEADING_SHADES = {"north": 0.0, "northeast": 0.0, "east": 0.0, "southeast": 0.45,
                  "south": 0.45, "southwest": 0.45, "west": 0.45, "northwest": 0.0}
NOTE_FONT = {"size": 10, "color": "#555555"}


def stats_href(spec) -> str:
    """The statistics CSV's link for the filters of ``spec``."""
    return STATS_PATH + spec_to_query(spec)


def stats_figures(rows: pd.DataFrame) -> tuple[dict, dict, dict]:
    """(passages per strait and year by heading, ships per month, share with Chinese ships)."""
    by_source = rows_by_source_counts(rows)
    note = source_note(by_source)
    ticks = _year_ticks(by_source)
    return passages_figure(rows, note, ticks), monthly_figure(rows, note), chinese_figure(rows, note, ticks)


def passages_figure(rows: pd.DataFrame, note: str, ticks: dict) -> dict:
    """Stacked bars per year, one colour per strait, split by the stated heading."""
    table = passage_counts(rows, by_direction=True)
    groups: dict[tuple[str, str], list[int]] = {}         # each (strait, heading) in first-seen order
    for index, pair in enumerate(zip(table["strait"].tolist(), table["direction"].tolist())):
        groups.setdefault(pair, []).append(index)
    data = []
    for (strait, direction), part in groups.items():
        data.append({"type": "bar", "x": table["year"][part].tolist(), "y": table["sightings"][part].tolist(),
                     "name": f"{strait} {direction}", "legendgroup": strait,
                     "customdata": table["ships"][part].tolist(),
                     "marker": {"color": LANE_COLOURS.get(strait, "#999999"),
                                "opacity": 0.4 if direction == NO_HEADING else 1.0 - HEADING_SHADES.get(direction, 0),
                                "line": {"width": 0.5, "color": "#ffffff"}},
                     "hovertemplate": f"{escape_markup(strait)} Strait, heading {escape_markup(direction)}<br>%{{x}}: "
                                      "%{y} sightings, %{customdata} ships<extra></extra>"})
    return _figure(data, "Sightings stating a strait passage, per year (shade: heading)", note, ticks,
                   {"barmode": "stack"})


def monthly_figure(rows: pd.DataFrame, note: str) -> dict:
    """Reported Russian ships per month."""
    table = ships_per_month_counts(rows)
    data = [{"type": "bar", "x": np.datetime_as_string(table["month"], unit="D").tolist(), "y": table["ships"].tolist(),
             "customdata": table["sightings"].tolist(), "marker": {"color": "#4d4d4d"}, "name": "ships",
             "hovertemplate": "%{x|%b %Y}: %{y} ships reported in %{customdata} sightings<extra></extra>"}]
    return _figure(data, "Russian ships reported per month", note, None, {"xaxis": {"type": "date"}})


def chinese_figure(rows: pd.DataFrame, note: str, ticks: dict) -> dict:
    """Per year, the share of sightings sailing with Chinese ships."""
    table = chinese_share_counts(rows)
    data = [{"type": "bar", "x": table["year"].tolist(), "y": np.round(table["share"] * 100, 1).tolist(),
             "customdata": list(zip(table["with_chinese"].tolist(), table["sightings"].tolist())),
             "marker": {"color": "#CC79A7"}, "name": "with Chinese ships",
             "hovertemplate": "%{x}: %{y}% (%{customdata[0]} of %{customdata[1]} sightings)<extra></extra>"}]
    return _figure(data, "Share of sightings sailing with Chinese ships (%)", note, ticks,
                   {"yaxis": {"range": [0, 100], "ticksuffix": "%"}})


def _year_ticks(by_source: dict) -> dict:
    """Year ticks that say under each year how many rows came from releases and news."""
    years = by_source["year"].tolist()
    return {"tickmode": "array", "tickvals": years, "type": "category",
            "ticktext": [f"{year}<br>{releases} rel. / {news} news" for year, releases, news
                         in zip(years, by_source["releases"].tolist(), by_source["news"].tolist(), strict=True)]}


def _figure(data: list[dict], title: str, note: str, ticks: dict | None, extra: dict) -> dict:
    layout = {"title": {"text": title, "font": {"size": 14}, "x": 0.01}, "height": 320,
              "margin": {"l": 50, "r": 10, "t": 40, "b": 120}, "plot_bgcolor": "#fafafa",
              "legend": {"font": {"size": 10}}, "uirevision": title,
              "annotations": [{"text": "<br>".join(textwrap.wrap(escape_markup(note), 150)), "xref": "paper", "yref": "paper",
                               "x": 0, "y": -0.3, "yanchor": "top", "xanchor": "left", "showarrow": False,
                               "align": "left", "font": NOTE_FONT}]}
    if ticks:
        layout["xaxis"] = ticks
    for key, value in extra.items():
        layout[key] = {**layout.get(key, {}), **value} if isinstance(value, dict) else value
    return {"data": data, "layout": layout}


def section(rows: pd.DataFrame) -> html.Section:
    """The statistics heading, its download link and the three charts (for the first rows shown)."""
    figures = stats_figures(rows)
    return html.Section(className="stats", children=[
        html.Div(className="table-head", children=[
            html.H2("Passage statistics", className="section-title"),
            html.A("Download passages CSV", id=ids.STATS_DOWNLOAD, className="button secondary", href=STATS_PATH),
        ]),
        html.P("Counts of reports in the current selection. Under each year: how many rows come from Joint "
               "Staff releases and how many from news.", className="hint"),
        *(dcc.Graph(id=graph, figure=figure, className="stats-chart", config=GRAPH_CONFIG)
          for graph, figure in zip((ids.STATS_PASSAGES, ids.STATS_MONTHLY, ids.STATS_CHINESE), figures, strict=True)),
    ])
