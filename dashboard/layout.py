"""The page: header with the live summary, filters, map, timeline, table, downloads, sources.

Layout only. Controls start with every option (labelled with its count) and no value; the
URL callback sets the values, so a shared link and a fresh visit go through the same path.
The options must exist before the URL callback runs: a dropdown drops values it has no
option for.
"""

from __future__ import annotations

import datetime as dt

import dash_ag_grid as dag
from dash import dcc, html

from dashboard import ids
from dashboard.data import AppData
from dashboard.figures import LAYER_GROUPS, base_layers, map_figure, timeline_figure
from dashboard.filters import (
    CHINESE_OPTIONS, NO_STRAIT, STRAIT_OPTIONS, FilterSpec, apply_filters, facet_counts,
)
from sightings.importer import MAX_UPLOAD_BYTES

#: Filter controls whose options carry counts, by FilterSpec field.
FACETS = ("straits", "seas", "ship_types", "activities", "chinese")
CHINESE_LABELS = {"any": "any", "yes": "with Chinese ships", "no": "Russian ships only"}

TABLE_COLUMNS = [
    {"field": "event_date", "headerName": "Date", "width": 110, "sort": "asc"},
    {"field": "ships", "headerName": "Ships", "width": 80, "type": "numericColumn"},
    {"field": "ship_types", "headerName": "Ship types", "width": 260, "wrapText": True, "autoHeight": True},
    {"field": "hull_numbers", "headerName": "Hulls", "width": 100},
    {"field": "strait", "headerName": "Strait", "width": 100},
    {"field": "sea_area", "headerName": "Sea area", "width": 130},
    {"field": "activity", "headerName": "Activity", "width": 200, "wrapText": True, "autoHeight": True},
    {"field": "location_text", "headerName": "Where (as reported)", "width": 320, "wrapText": True,
     "autoHeight": True},
    {"field": "position_kind", "headerName": "Position", "width": 100},
    {"field": "distance_to_japan_km", "headerName": "km to Japan", "width": 110, "type": "numericColumn"},
    {"field": "sources", "headerName": "Sources", "width": 260, "cellRenderer": "SourceLinks",
     "sortable": False, "wrapText": True, "autoHeight": True},
]


def build_layout(data: AppData) -> html.Div:
    """The whole page for one dataset (figures start with every sighting shown)."""
    rows = apply_filters(data.sightings, FilterSpec())
    first = data.sightings["event_date"].min().date()
    return html.Div(className="page", children=[
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.SPEC),
        dcc.Store(id=ids.SELECTED),
        html.Header(className="header", children=[
            html.H1("Straitwatch"),
            html.P("Reported Russian Navy movements around Japan: the Sea of Japan, the Sea of Okhotsk, "
                   "the Pacific, the straits and the Kuril Islands, from Japan's Defense Ministry and press "
                   "reports.", className="tagline"),
            html.P(id=ids.SUMMARY, className="summary", **{"aria-live": "polite"}),
        ]),
        html.Div(className="body", children=[
            html.Aside(className="filters", children=_filters(data, first)),
            html.Main(className="views", children=[
                html.Div(className="map-wrap", children=[
                    dcc.Graph(id=ids.MAP, figure=map_figure(base_layers(data.layers), rows, None,
                                                            sources=[url for url, _ in data.layer_files]),
                              className="map", config={"displaylogo": False, "scrollZoom": True}),
                    html.Div(id=ids.MAP_NOTE, className="map-note"),
                    dcc.Upload(id=ids.UPLOAD, max_size=MAX_UPLOAD_BYTES, accept=".csv,text/csv", className="upload",
                               children=["Overlay your own sightings CSV (up to 5 MB, same columns as the "
                                         "download; shown only in this tab, never saved): drop it here or ",
                                         html.A("choose a file", className="link")]),
                    html.Div(id=ids.UPLOAD_MESSAGE, className="upload-message", role="status"),
                ]),
                dcc.Checklist(id=ids.MAP_LAYERS, className="layer-toggles", inline=True,
                              options=[{"label": label, "value": key} for key, label in LAYER_GROUPS.items()],
                              value=list(LAYER_GROUPS)),
                html.H2("Timeline", className="section-title"),
                html.P("Drag across the timeline to filter by dates; click a marker to select it.",
                       className="hint"),
                dcc.Graph(id=ids.TIMELINE, figure=timeline_figure(rows, None), className="timeline",
                          config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d"]}),
                html.Div(className="table-head", children=[
                    html.H2("Sightings", className="section-title"),
                    html.A("Download CSV", id=ids.DOWNLOAD_CSV, className="button", href="/download/straitwatch.csv"),
                    html.A("Download GeoJSON", id=ids.DOWNLOAD_GEOJSON, className="button secondary",
                           href="/download/straitwatch.geojson"),
                ]),
                dag.AgGrid(id=ids.TABLE, columnDefs=TABLE_COLUMNS, rowData=[],
                           getRowId="params.data.id", className="ag-theme-quartz table",
                           defaultColDef={"sortable": True, "resizable": True, "filter": False},
                           dashGridOptions={"rowSelection": {"mode": "singleRow", "checkboxes": False,
                                                             "enableClickSelection": True},
                                            "localeText": {"noRowsToShow": "No sightings match these filters."},
                                            "animateRows": False}),
                _about(data),
            ]),
        ]),
    ])


def labelled_options(facet: str, choices: tuple[str, ...], counts: dict[str, int]) -> list[dict]:
    """Options labelled with how many sightings each would match."""
    def label(value: str) -> str:
        name = CHINESE_LABELS.get(value, value) if facet == "chinese" else value
        name = "no strait (open sea)" if facet == "straits" and value == NO_STRAIT else name
        return f"{name} ({counts.get(value, 0)})"
    order = STRAIT_OPTIONS if facet == "straits" else CHINESE_OPTIONS if facet == "chinese" else choices
    return [{"label": label(value), "value": value} for value in order]


def _filters(data: AppData, first: dt.date) -> list:
    today = dt.date.today()
    options = {facet: labelled_options(facet, data.options[facet],
                                       facet_counts(data.sightings, FilterSpec(), facet)) for facet in FACETS}
    return [
        html.H2("Filters", className="section-title"),
        html.Label("Dates", htmlFor=ids.DATES),
        dcc.DatePickerRange(id=ids.DATES, display_format="YYYY-MM-DD", clearable=True,
                            min_date_allowed=first, max_date_allowed=today, initial_visible_month=today,
                            start_date_placeholder_text="from", end_date_placeholder_text="to"),
        html.Div(className="presets", children=[
            html.Button("All dates", id=ids.PRESET_ALL, className="chip"),
            html.Button("2022 (invasion year)", id=ids.PRESET_2022, className="chip"),
            html.Button("Last 12 months", id=ids.PRESET_LAST_12_MONTHS, className="chip"),
        ]),
        html.Label("Strait", htmlFor=ids.STRAITS),
        dcc.Dropdown(id=ids.STRAITS, multi=True, options=options["straits"], placeholder="any strait"),
        html.Label("Sea area", htmlFor=ids.SEAS),
        dcc.Dropdown(id=ids.SEAS, multi=True, options=options["seas"], placeholder="any sea"),
        html.Label("Ship type", htmlFor=ids.SHIP_TYPES),
        dcc.Dropdown(id=ids.SHIP_TYPES, multi=True, options=options["ship_types"], placeholder="any type"),
        dcc.Input(id=ids.SEARCH, type="search", debounce=True, placeholder="search types and hull numbers",
                  className="search", maxLength=80),
        html.Label("Activity", htmlFor=ids.ACTIVITIES),
        dcc.Dropdown(id=ids.ACTIVITIES, multi=True, options=options["activities"], placeholder="any activity"),
        html.Label("Joint with Chinese ships", htmlFor=ids.CHINESE),
        dcc.RadioItems(id=ids.CHINESE, value="any", className="radio", options=options["chinese"]),
        html.Button("Reset all filters", id=ids.RESET, className="button reset"),
    ]


def _about(data: AppData) -> html.Details:
    return html.Details(id=ids.ABOUT, className="about", children=[
        html.Summary("Sources, licences and how positions were derived"),
        html.P(f"{len(data.sightings)} sightings from {data.source.name}. Every row lists the public news "
               "pages it comes from (Japan's Defense Ministry / Joint Staff announcements as reported by the "
               "press); the table links them."),
        html.Ul([
            html.Li("Positions: reports give a distance and bearing from a named cape or island "
                    "('about 180 km east-northeast of Cape Erimo'). Straitwatch walks the WGS84 geodesic from "
                    "the gazetteer point (pyproj). Such points are marked 'derived' and drawn faded; the "
                    "phrase is kept in 'Where (as reported)'. Miles in English news are statute miles."),
            html.Li("Reports that name only a strait or a sea are 'area' sightings: the map highlights that "
                    "strait or sea in orange instead of inventing a point. 'Unlocated' rows are in the table only."),
            html.Li("Coastlines: Natural Earth 1:10m (public domain) via the npm package world-atlas 2.0.2."),
            html.Li("Sea areas: split by the IHO S-23 (1953) limits; the Philippine Sea is folded into "
                    "'Pacific Ocean' as Japan's reports do."),
            html.Li("Japan's territorial sea: 12 nautical miles buffered from the Natural Earth coast, cut to 3 nm "
                    "in the five specified areas (Soya, Tsugaru, Tsushima East and West, Osumi). An "
                    "approximation, not the official baselines."),
            html.Li("Gazetteer: capes, islands and strait points with the page each coordinate came from "
                    "(data/gazetteer.csv)."),
        ]),
        html.P(["Details and licences: ", html.Code("data/SOURCES.md"), " in the repository."]),
    ])
