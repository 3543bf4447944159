"""The only place callbacks are registered: each turns inputs into a spec and calls pure code.

``AppData`` is captured read-only; per-user state lives in the URL and two ``dcc.Store``s
(the filter spec and the selected sighting), so any gunicorn worker can answer any request.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from dash import Input, Output, Patch, State, ctx, html, no_update

from dashboard import ids
from dashboard.data import AppData
from dashboard.downloads import download_href
from dashboard.figures import (
    AGGREGATE_TRACE, CELL_DEGREES, FIRST_LANE_TRACE, MAX_MARKERS, TRACE_SELECTION, UPLOAD_TRACE,
    aggregate_trace, area_ids, area_styles, base_layers, is_aggregated, lane_traces, point_rows,
    selection_trace, timeline_figure, upload_trace,
)
from dashboard.filters import FilterSpec, apply_filters, facet_counts, summary
from dashboard.layout import FACETS, labelled_options
from dashboard.urlstate import spec_from_query, spec_to_query
from sightings.importer import read_upload
from sightings.schema import SightingsError

#: Rows sent to the table (the latest); the downloads always hold every filtered row.
MAX_TABLE_ROWS = 1_000

CONTROLS = ((ids.STRAITS, "straits"), (ids.SEAS, "seas"), (ids.SHIP_TYPES, "ship_types"),
            (ids.ACTIVITIES, "activities"), (ids.CHINESE, "chinese"), (ids.SEARCH, "search"))


def register(app, data: AppData) -> None:
    """Wire every callback of the page to ``data``."""
    frame, options = data.sightings, data.options
    layers = base_layers(data.layers)

    def spec_of(stored: dict | None) -> FilterSpec:
        return FilterSpec.clean(options, **(stored or {}))

    # URL, presets, reset, timeline brush, controls -> controls, URL, spec store
    @app.callback(
        Output(ids.DATES, "start_date"), Output(ids.DATES, "end_date"),
        *(Output(control, "value") for control, _ in CONTROLS),
        Output(ids.URL, "search"), Output(ids.SPEC, "data"),
        Input(ids.URL, "search"), Input(ids.PRESET_ALL, "n_clicks"), Input(ids.PRESET_2022, "n_clicks"),
        Input(ids.PRESET_LAST_12_MONTHS, "n_clicks"), Input(ids.RESET, "n_clicks"),
        Input(ids.TIMELINE, "selectedData"),
        Input(ids.DATES, "start_date"), Input(ids.DATES, "end_date"),
        *(Input(control, "value") for control, _ in CONTROLS),
    )
    def sync_filters(search, _all, _2022, _last, _reset, brushed, start, end, *values):
        trigger = ctx.triggered_id
        controls = FilterSpec.clean(options, start=start, end=end,
                                    **{field: value for (_, field), value in zip(CONTROLS, values, strict=True)})
        if trigger in (None, ids.URL):
            spec = spec_from_query(search, options)
        elif trigger == ids.RESET:
            spec = FilterSpec()
        elif trigger == ids.PRESET_ALL:
            spec = controls.replace(start=None, end=None)
        elif trigger == ids.PRESET_2022:
            spec = controls.replace(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31))
        elif trigger == ids.PRESET_LAST_12_MONTHS:
            today = dt.date.today()
            spec = controls.replace(start=today.replace(year=today.year - 1) + dt.timedelta(days=1), end=today)
        elif trigger == ids.TIMELINE:
            span = (brushed or {}).get("range", {}).get("x")
            if not span:
                return (no_update,) * (len(CONTROLS) + 4)
            spec = FilterSpec.clean(options, **{**_as_values(controls), "start": span[0], "end": span[1]})
        else:
            spec = controls
        values = _as_values(spec)
        return (values["start"], values["end"], *(values[field] for _, field in CONTROLS),
                spec_to_query(spec), values)

    # spec -> summary, map markers and areas, timeline, table, option counts
    @app.callback(
        Output(ids.SUMMARY, "children"), Output(ids.MAP, "figure"), Output(ids.MAP_NOTE, "children"),
        Output(ids.TIMELINE, "figure"), Output(ids.TABLE, "rowData"),
        Output(ids.DOWNLOAD_CSV, "href"), Output(ids.DOWNLOAD_GEOJSON, "href"),
        *(Output(control, "options") for control, field in CONTROLS if field in FACETS),
        Input(ids.SPEC, "data"), State(ids.SELECTED, "data"),
    )
    def update_views(stored, selected):
        spec = spec_of(stored)
        rows = apply_filters(frame, spec)
        figure = Patch()
        for offset, trace in enumerate(lane_traces(rows)):
            index = FIRST_LANE_TRACE + offset
            for key in ("lat", "lon", "customdata", "text"):
                figure["data"][index][key] = trace[key]
            figure["data"][index]["marker"]["size"] = trace["marker"]["size"]
            figure["data"][index]["marker"]["opacity"] = trace["marker"]["opacity"]
        cells = aggregate_trace(rows)
        figure["data"][AGGREGATE_TRACE].update(cells)
        figure["data"][TRACE_SELECTION].update(selection_trace(rows, selected))
        for index, style in area_styles(layers, area_ids(rows)).items():
            figure["layout"]["map"]["layers"][index]["color"] = style["color"]
            figure["layout"]["map"]["layers"][index]["opacity"] = style["opacity"]
        counts = {facet: facet_counts(frame, spec, facet) for facet in FACETS}
        return (summary(rows, spec), figure, _map_note(rows, len(cells["lat"])), timeline_figure(rows, selected),
                _table_rows(rows.tail(MAX_TABLE_ROWS)), download_href(spec, "csv"), download_href(spec, "geojson"),
                *(labelled_options(facet, options[facet], counts[facet]) for facet in FACETS))

    # layer checkboxes -> map layer visibility
    @app.callback(Output(ids.MAP, "figure", allow_duplicate=True), Input(ids.MAP_LAYERS, "value"),
                  prevent_initial_call=True)
    def toggle_layers(visible):
        figure = Patch()
        wanted = set(visible or ())
        for index, (group, _, _) in enumerate(layers):
            figure["layout"]["map"]["layers"][index]["visible"] = group == "base" or group in wanted
        return figure

    # click on map, timeline or table row -> selected sighting everywhere
    @app.callback(
        Output(ids.SELECTED, "data"), Output(ids.MAP, "figure", allow_duplicate=True),
        Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Output(ids.TABLE, "selectedRows"), Output(ids.TABLE, "scrollTo"),
        Input(ids.MAP, "clickData"), Input(ids.TIMELINE, "clickData"), Input(ids.TABLE, "cellClicked"),
        State(ids.SPEC, "data"), prevent_initial_call=True,
    )
    def select(map_click, timeline_click, cell, stored):
        clicked = {ids.MAP: map_click, ids.TIMELINE: timeline_click}.get(ctx.triggered_id)
        chosen = _clicked_id(clicked) if clicked is not None else (cell or {}).get("rowId")
        rows = apply_filters(frame, spec_of(stored))
        if not isinstance(chosen, str) or chosen not in set(rows["id"]):
            return (no_update,) * 5
        figure = Patch()
        figure["data"][TRACE_SELECTION].update(selection_trace(rows, chosen))
        return (chosen, figure, timeline_figure(rows, chosen), {"ids": [chosen]},
                {"rowId": chosen, "rowPosition": "middle"})

    # uploaded CSV -> black markers on the map, in this browser tab only (nothing is stored)
    @app.callback(Output(ids.MAP, "figure", allow_duplicate=True), Output(ids.UPLOAD_MESSAGE, "children"),
                  Input(ids.UPLOAD, "contents"), State(ids.UPLOAD, "filename"), prevent_initial_call=True)
    def overlay_upload(contents, name):
        figure = Patch()
        try:
            rows = read_upload(contents)
        except SightingsError as exc:
            figure["data"][UPLOAD_TRACE].update(upload_trace(frame.iloc[0:0]))
            return figure, [html.Strong(f"{name or 'The file'} was not loaded:"),
                            html.Ul([html.Li(problem) for problem in exc.problems[:20]])]
        figure["data"][UPLOAD_TRACE].update(upload_trace(rows))
        drawn = len(point_rows(rows))
        return figure, (f"{len(rows)} sightings from {name} overlaid in black ({drawn} with a position); "
                        "only in this tab, not saved.")

def _as_values(spec: FilterSpec) -> dict:
    """The spec as JSON-ready control values (dates ISO, tuples as lists)."""
    values = dataclasses.asdict(spec)
    for key in ("start", "end"):
        values[key] = values[key].isoformat() if values[key] else None
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}


def _clicked_id(click: dict) -> str | None:
    points = (click or {}).get("points") or []
    return points[0].get("customdata") if points else None


def _map_note(rows, cells: int | None = None) -> list:
    """Below-map note: empty state, aggregation, or what is not drawn as a marker.

    ``cells`` is the number of grid cells drawn (counted here when not given).
    """
    if rows.empty:
        return [html.Strong("No sightings match these filters."), " Widen the dates or reset the filters."]
    points = len(point_rows(rows))
    if is_aggregated(rows):
        cells = len(aggregate_trace(rows)["lat"]) if cells is None else cells
        return [html.Strong(f"aggregated: {points:,} sightings in {cells:,} cells"),
                f" of {CELL_DEGREES}°; narrow the filters to {MAX_MARKERS:,} sightings or fewer to see each one. "
                f"The table lists the latest {min(len(rows), MAX_TABLE_ROWS):,}; the downloads hold all "
                f"{len(rows):,}."]
    areas = int((rows["position_kind"] == "area").sum())
    unlocated = int((rows["position_kind"] == "unlocated").sum())
    return [f"{points} on the map as points · {areas} area-only (highlighted orange) · "
            f"{unlocated} without a position (table only)"]


TABLE_SOURCE_COLUMNS = ("id", "event_date", "ships", "ship_types", "hull_numbers", "strait", "sea_area", "activity",
                        "location_text", "position_kind", "distance_to_japan_km", "source_names", "source_urls")


def _table_rows(rows) -> list[dict]:
    """Table records; lists joined for reading, sources as name/URL pairs for the link renderer."""
    return [{
        "id": row.id, "event_date": f"{row.event_date:%Y-%m-%d}",
        "ships": None if pd.isna(row.ships) else int(row.ships),
        "ship_types": "; ".join(row.ship_types), "hull_numbers": ", ".join(row.hull_numbers),
        "strait": row.strait, "sea_area": row.sea_area, "activity": row.activity,
        "location_text": row.location_text, "position_kind": row.position_kind,
        "distance_to_japan_km": None if pd.isna(row.distance_to_japan_km) else row.distance_to_japan_km,
        "sources": [{"name": n, "url": u} for n, u in zip(row.source_names, row.source_urls, strict=False)],
    } for row in rows[list(TABLE_SOURCE_COLUMNS)].itertuples(index=False)]
