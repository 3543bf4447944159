"""The page: one screen of filters, map, time bar and the selected sighting; the views in tabs below.

At 1400x1000 the filters sit left, the map in the middle with the time bar (the timeline and
its playback controls) under it, and the selected sighting's details docked to the right, so a
click shows its answer without scrolling; on a phone the map comes first and the filters and
the details open as drawers. The table, vessels, voyages and statistics are tabs under that
screen, each computed only while shown (:mod:`dashboard.views`).

Layout only. Controls start with every option (labelled with its count) and no value; the
URL callback sets the values, so a shared link and a fresh visit go through the same path.
The options must exist before the URL callback runs: a dropdown drops values it has no
option for. One control per facet (:data:`dashboard.facets.FACETS`), made by its kind. The
page holds no date of its own: "today" (the date picker's bound) is read per request by a
callback, so a server running for weeks does not freeze it.
"""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from dashboard import ids
from dashboard.data import AppData
from dashboard import events, playback, stats_view, tracks_figure, vessels, views
from dashboard.cite import version_line
from dashboard.feeds import FEED_LINKS
from dashboard.facets import COUNTED, FACETS, FLAG, MAX_SEARCH, ONE, SEVERAL, TEXT, Facet
from dashboard.details import details_panel
from dashboard.i18n import LANGUAGES, translated_columns, translator
from dashboard.figures import GRAPH_CONFIG, LAYER_GROUPS, TABLE_COLUMNS, base_layers, map_figure, timeline_figure
from dashboard.filters import PRESETS, FilterSpec, apply_filters, facet_counts, summary
from dashboard.legend import legend
from dashboard.mapview import map_summary, view_layout
from sightings.importer import MAX_UPLOAD_BYTES


def language_options() -> list[dict]:
    """The language choices, each name in its own language (``lang`` on it, so "日本語" is drawn in
    the bundled Japanese font on an English page too)."""
    return [{"label": html.Span(label, lang=code), "value": code} for code, label in LANGUAGES.items()]


def build_layout(data: AppData, lang: str = "en") -> html.Div:
    """The whole page for one dataset in ``lang``: one screen of filters, map, time bar and details,
    the tabbed views below (figures start with every sighting shown; the tabs start empty and are
    filled when shown, :mod:`dashboard.views`).

    Every string goes through ``_`` (:mod:`dashboard.i18n`); the page's language is kept in
    :data:`ids.LANGUAGE` for the callbacks, and the header's switch reloads the page in another.
    """
    _ = translator(lang)
    rows = apply_filters(data.sightings, FilterSpec())
    tabs = {key: _(label) for key, label in views.TABS.items()}
    return html.Div(className="page", lang=lang, children=[
        html.A(_("Skip to the results"), href=f"#{ids.RESULTS}", className="skip-link"),
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Location(id=ids.LANGUAGE_LOCATION, refresh=True),
        dcc.Store(id=ids.LANGUAGE, data=lang),
        dcc.Store(id=ids.LANGUAGE_CHOICE, storage_type="local"),
        dcc.Store(id=ids.SPEC),
        dcc.Store(id=ids.SELECTED),
        dcc.Store(id=ids.FOCUS),
        dcc.Store(id=ids.MAP_SIZE),
        html.Header(className="header", children=[
            html.Div(className="header-line", children=[
                html.H1("Straitwatch"),
                html.P(_("Reported Russian Navy movements around Japan: the Sea of Japan, the Sea of Okhotsk, "
                         "the Pacific, the straits and the Kuril Islands, from Japan's Defense Ministry and press "
                         "reports."), className="tagline"),
                html.Div(className="page-language", children=[
                    html.Label(_("Language:"), className="control-label", htmlFor=ids.LANGUAGE_SWITCH),
                    dcc.RadioItems(id=ids.LANGUAGE_SWITCH, value=lang, inline=True, className="language",
                                   options=language_options()),
                ]),
                html.Div(className="drawer-toggles", children=[
                    html.Button(_("Filters"), id=ids.FILTERS_TOGGLE, className="button filters-toggle",
                                **{"aria-expanded": "false", "aria-controls": "filters"}),
                    html.Button(_("Details"), id=ids.DETAILS_TOGGLE, className="button secondary details-toggle",
                                **{"aria-expanded": "false", "aria-controls": "details-dock"}),
                ]),
            ]),
            html.P(id=ids.SUMMARY, className="summary", **{"aria-live": "polite"}),
            html.P(id=ids.URL_NOTE, className="url-note", role="status"),
            _citation(data, lang),
        ]),
        html.Div(className="body workspace", children=[
            html.Aside(id="filters", className="filters", children=_filters(data, lang), **{"aria-label": _("Filters")}),
            html.Main(className="views", children=[
                html.Div(className="map-controls", children=[
                    html.Button(_("Zoom to results"), id=ids.ZOOM_RESULTS, className="chip"),
                    html.Div(className="map-language", children=[   # the label stays with its choices
                        html.Label(_("Place names:"), className="control-label", htmlFor=ids.MAP_LANGUAGE),
                        dcc.RadioItems(id=ids.MAP_LANGUAGE, value=lang, inline=True, className="language",
                                       options=language_options()),
                    ]),
                ]),
                dcc.Loading(id=ids.MAP_LOADING, target_components={ids.MAP_NOTE: "children"}, delay_show=120,
                            overlay_style={"visibility": "visible"}, parent_className="map-loading",
                            custom_spinner=html.Span(_("Updating the map and time bar…"),
                                                     className="loading-note", role="status"),
                            children=html.Div(className="map-wrap", children=[
                    dcc.Graph(id=ids.MAP, figure=analyst_map(
                        map_figure(base_layers(data.layers), rows, None, source=data.layer_files[0][0],
                                   extra_layout=view_layout(
                                       list(data.labels), summary(rows, FilterSpec(), data.current_to, lang), lang)), rows),
                              className="map", config=MAP_CONFIG),
                    html.Div(id=ids.MAP_NOTE, className="map-note"),
                ])),
                html.Section(className="timebar", **{"aria-label": _("Time bar")}, children=[
                    playback.controls(lang),
                    dcc.Graph(id=ids.TIMELINE, figure=events.with_events(timeline_figure(rows, None, lang=lang),
                                                                         data.events, [events.SHOW]),
                              className="timeline", config=GRAPH_CONFIG),
                    html.P(_("Drag across the time bar to filter by dates; click a marker to select it."),
                           className="hint"),
                ]),
            ]),
            html.Aside(id="details-dock", className="details-dock", **{"aria-label": _("Selected sighting")}, children=[
                html.Button(_("Close"), id=ids.DETAILS_CLOSE, className="button secondary details-close"),
                html.Div(details_panel(None, lang), id=ids.DETAILS, className="details", role="region",
                         **{"aria-label": _("Selected sighting"), "aria-live": "polite"}),
            ]),
        ]),
        html.Details(className="map-extras", open=True, children=[
            html.Summary(_("Legend, map layers, context events and your own file")),
            legend(lang),
            html.P(map_summary(rows, lang), id=ids.MAP_SUMMARY, className="map-summary"),
            html.Label(_("Map layers"), htmlFor=ids.MAP_LAYERS, className="visually-hidden"),
            dcc.Checklist(id=ids.MAP_LAYERS, className="layer-toggles", inline=True,
                          options=[{"label": _(label), "value": key} for key, label in LAYER_GROUPS.items()],
                          value=list(LAYER_GROUPS)),
            events.section(data.events, lang),
            # no ``accept``: a file of another type is sent and refused with the server's message
            dcc.Upload(id=ids.UPLOAD, max_size=MAX_UPLOAD_BYTES, className="upload",
                       children=[_("Overlay your own sightings CSV (up to 5 MB, same columns as the "
                                   "download; shown only in this tab, never saved): drop it here or "),
                                 html.A(_("choose a file"), className="link")]),
            dcc.Store(id=ids.UPLOAD_REFUSED),
            html.Div(id=ids.UPLOAD_MESSAGE, className="upload-message", role="status",
                     **{"data-max-bytes": MAX_UPLOAD_BYTES}),
        ]),
        html.Section(id=ids.RESULTS, className="results", tabIndex="-1", **{"aria-label": _("Results")}, children=[
            html.Div(className="table-head", children=[
                html.H2(_("Results"), className="section-title"),
                html.A(_("Download CSV"), id=ids.DOWNLOAD_CSV, className="button", href="/download/straitwatch.csv"),
                html.A(_("Download GeoJSON"), id=ids.DOWNLOAD_GEOJSON, className="button secondary",
                       href="/download/straitwatch.geojson"),
                html.A(_("About the download (version, licence)"), id=ids.DOWNLOAD_ABOUT,
                       className="button secondary", href="/download/straitwatch.csv.json"),
                *(html.A(_(label), id=link_id, className="button secondary feed-link", href=path)
                  for link_id, label, path in FEED_LINKS),
            ]),
            dcc.Tabs(id=ids.VIEW_TABS, value=views.DEFAULT_TAB, className="view-tabs", children=[
                dcc.Tab(label=tabs["table"], value="table", children=[
                    html.H2(_("Sightings"), className="visually-hidden"),
                    dag.AgGrid(id=ids.TABLE, columnDefs=translated_columns(TABLE_COLUMNS, lang), rowData=[],
                               getRowId="params.data.id", className="ag-theme-quartz table",
                               style={"height": "520px"},   # the grid's own default (400 px) beats a class
                               defaultColDef={"sortable": True, "resizable": True, "filter": False},
                               dashGridOptions={"rowSelection": {"mode": "singleRow", "checkboxes": False,
                                                                 "enableClickSelection": True},
                                                "localeText": {"noRowsToShow": _("No sightings match these filters.")},
                                                "animateRows": False, "tooltipShowDelay": 300,
                                                "rowHeight": 36}),
                ]),
                dcc.Tab(label=tabs["vessels"], value="vessels", children=[vessels.section(lang)]),
                dcc.Tab(label=tabs["voyages"], value="voyages", children=[views.voyages_section(lang)]),
                # the charts start empty: the statistics callback draws them when the tab is opened
                dcc.Tab(label=tabs["statistics"], value="statistics", children=[
                    stats_view.section(rows.iloc[0:0], record=data.sightings, counts=data.coverage_counts,
                                       lang=lang)]),
            ]),
        ]),
        _about(data, _),
    ])

#: The map's toolbar: nothing that needs the internet ("Share chart" uploads to a cloud
#: service), and an image named for the app (its title and attribution are in the figure).
MAP_CONFIG = {**GRAPH_CONFIG, "scrollZoom": True,
              "modeBarButtonsToRemove": [*GRAPH_CONFIG["modeBarButtonsToRemove"], "select2d"],
              "toImageButtonOptions": {"filename": "straitwatch-map", "scale": 2}}


# -- analyst views (issue 10) ---------------------------------------------------------------

def analyst_map(figure: dict, rows) -> dict:
    """The map figure with the voyage layer and the playback trace after the base traces."""
    return {**figure, "data": [*figure["data"], *tracks_figure.track_traces(rows), playback.playback_trace()]}


def _filters(data: AppData, lang: str = "en") -> list:
    _ = translator(lang)
    first = data.sightings["event_date"].min().date()
    options = {facet.field: facet.labelled_options(data.options[facet.field],
                                                   facet_counts(data.sightings, FilterSpec(), facet.field), lang)
               for facet in COUNTED}
    return [
        html.Div(className="filters-head", children=[
            html.H2(_("Filters"), className="section-title"),
            html.Button(_("Show the map"), id=ids.FILTERS_CLOSE, className="button secondary filters-close")]),
        html.Label(_("Dates"), htmlFor=ids.DATES),
        dcc.DatePickerRange(id=ids.DATES, display_format="YYYY-MM-DD", clearable=True, min_date_allowed=first,
                            start_date_placeholder_text=_("from"), end_date_placeholder_text=_("to")),
        html.P(id=ids.DATES_MESSAGE, className="date-message", role="alert"),
        html.Div(className="presets", children=[
            html.Button(_(label), id=ids.PRESETS[name], className="chip") for name, label in PRESETS.items()]),
        *(part for facet in FACETS for part in (html.Label(_(facet.label), htmlFor=facet.control),
                                                _control(facet, options.get(facet.field, []), _))),
        html.Button(_("Reset all filters"), id=ids.RESET, className="button reset"),
    ]


def _control(facet: Facet, options: list[dict], _=str):
    """The control of one facet, by its kind; it starts at the facet's default (``_`` translates)."""
    if facet.kind is SEVERAL:
        return dcc.Dropdown(id=facet.control, multi=True, options=options, placeholder=_(facet.placeholder))
    if facet.kind is ONE:
        return dcc.RadioItems(id=facet.control, value=facet.kind.default, className="radio", options=options)
    if facet.kind is FLAG:
        return dcc.Checklist(id=facet.control, value=[], className="radio", options=options)
    if facet.kind is TEXT:
        return dcc.Input(id=facet.control, type="search", debounce=True, placeholder=_(facet.placeholder),
                         className="search", maxLength=MAX_SEARCH)
    raise ValueError(f"facet {facet.field!r} has a kind no control is made for")


def _citation(data: AppData, lang: str = "en") -> html.Div:
    """The dataset version and "Cite this view" (its text set by the views callback: URL, version, date)."""
    _ = translator(lang)
    return html.Div(className="citation", children=[
        html.Span(version_line(data.version, lang), id=ids.DATASET_VERSION, className="dataset-version"),
        html.Details(className="cite", children=[
            html.Summary(_("Cite this view")),
            html.Pre(id=ids.CITE, className="cite-text"),
        ]),
    ])


def _about(data: AppData, _=str) -> html.Details:
    return html.Details(id=ids.ABOUT, className="about", children=[
        html.Summary(_("Sources, licences and how positions were derived")),
        html.P(_("{count} sightings from {source}. Every row lists the public news "
                 "pages it comes from (Japan's Defense Ministry / Joint Staff announcements as reported by the "
                 "press); the table links them.").format(count=len(data.sightings), source=data.source.name)),
        html.Ul([
            html.Li(_("Positions: reports give a distance and bearing from a named cape or island "
                      "('about 180 km east-northeast of Cape Erimo'). Straitwatch walks the WGS84 geodesic from "
                      "the gazetteer point (pyproj). Such points are marked 'derived' and drawn faded; the "
                      "phrase is kept in 'Where (as reported)'. Miles in English news are statute miles.")),
            html.Li(_("Reports that name only a strait or a sea are 'area' sightings: the map highlights that "
                      "strait or sea in violet instead of inventing a point. 'Unlocated' rows are in the table only.")),
            html.Li(_("Coastlines: Natural Earth 1:10m (public domain) via the npm package world-atlas 2.0.2.")),
            html.Li(_("Sea areas: split by the IHO S-23 (1953) limits; the Philippine Sea is folded into "
                      "'Pacific Ocean' as Japan's reports do.")),
            html.Li(_("Japan's territorial sea: 12 nautical miles buffered from the Natural Earth coast, cut to 3 nm "
                      "in the five specified areas (Soya, Tsugaru, Tsushima East and West, Osumi). An "
                      "approximation, not the official baselines.")),
            html.Li(_("Gazetteer: capes, islands and strait points with the page each coordinate came from "
                      "(data/gazetteer.csv).")),
        ]),
        html.P([_("Details and licences: "), html.Code("data/SOURCES.md"), _(" in the repository.")]),
    ])
