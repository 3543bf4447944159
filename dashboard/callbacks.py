"""The only place callbacks are registered: each turns inputs into a spec and calls pure code.

``AppData`` is captured read-only; per-user state lives in the URL and two ``dcc.Store``s
(the filter spec and the selected sighting), so any gunicorn worker can answer any request.
The facets (:data:`dashboard.facets.FACETS`) say which controls there are; the figures say
which parts of the map change (:mod:`dashboard.figures` ``*_updates``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from dash import ClientsideFunction, Input, Output, Patch, State, ctx, no_update

from dashboard import ids
from dashboard.data import AppData
from dashboard.details import details_panel
from dashboard.cite import cite_text
from dashboard.downloads import download_href
from dashboard.feeds import FEED_LINKS, feed_href
from dashboard.i18n import language, translate, with_language
from dashboard.facets import COUNTED, FACETS, classes_in_cell
from dashboard.figures import (
    PLAYBACK_BAND, base_layers, map_updates, selection_updates, timeline_figure, upload_updates, visibility_updates,
)
from dashboard.filters import (
    FilterSpec, all_facet_counts, apply_filters, parse_date, preset_range, spec_values, summary,
)
from dashboard.mapview import map_summary, view_updates
from dashboard.urlstate import ignored_params, selected_from_query, spec_from_query, spec_to_query, with_selected
from dashboard import overlay, playback, stats_view, vessels, views
from dashboard.dossier_callbacks import register_dossier
from sightings.vessels import register as vessel_register, sole_names
from dashboard.views import sighting_link, unknown_sighting
from dashboard.events import with_events
from dashboard.tracks_figure import track_updates, track_visibility

PRESET_NAMES = {button: name for name, button in ids.PRESETS.items()}
#: What each tab's part of the tabs' callback writes (:data:`dashboard.views.VIEWS` computes it).
TAB_OUTPUTS = {
    "table": ((ids.TABLE, "rowData"),),
    "vessels": ((ids.VESSELS, "rowData"),),
    "voyages": ((ids.VOYAGES, "rowData"),),
    "statistics": tuple(stats_view.STATS_OUTPUTS),
}


def register(app, data: AppData) -> None:
    """Wire every callback of the page to ``data``."""
    frame, options = data.sightings, data.options
    context = views.ViewContext(version=data.version, current_to=data.current_to,
                                names=sole_names(vessel_register()))
    layers = base_layers(data.layers)

    def spec_of(stored: dict | None) -> FilterSpec:
        return FilterSpec.clean(options, **(stored or {}))

    # page load -> date picker's last day (today, read per request)
    @app.callback(Output(ids.DATES, "max_date_allowed"), Input(ids.URL, "pathname"))
    def date_bounds(_path):
        return dt.date.today()

    # URL, presets, reset, timeline brush, controls -> controls, calendar month, URL (filters and the
    # selected sighting's id), spec store, the sighting a link asks for, what the URL asked in vain
    @app.callback(
        Output(ids.DATES, "start_date"), Output(ids.DATES, "end_date"),
        *(Output(facet.control, "value") for facet in FACETS),
        Output(ids.DATES, "initial_visible_month"), Output(ids.URL, "search"), Output(ids.SPEC, "data"),
        Output(ids.FOCUS, "data"), Output(ids.URL_NOTE, "children"),
        Input(ids.URL, "search"), *(Input(button, "n_clicks") for button in PRESET_NAMES),
        Input(ids.RESET, "n_clicks"), Input(ids.TIMELINE, "selectedData"),
        Input(ids.DATES, "start_date"), Input(ids.DATES, "end_date"),
        *(Input(facet.control, "value") for facet in FACETS),
        State(ids.SPEC, "data"), State(ids.SELECTED, "data"), State(ids.FOCUS, "data"), State(ids.LANGUAGE, "data"),
    )
    def sync_filters(search, *inputs):
        *inputs, stored, selected, focus, lang = inputs
        brushed, start, end, *values = inputs[len(PRESET_NAMES) + 1:]
        trigger = ctx.triggered_id
        unchanged = (no_update,) * (len(FACETS) + 7)
        controls = FilterSpec.clean(options, start=start, end=end,
                                    **{facet.field: value for facet, value in zip(FACETS, values, strict=True)})
        note = ""
        if trigger in (None, ids.URL):
            spec = spec_from_query(search, options)
            linked = selected_from_query(search)
            if trigger == ids.URL and stored is not None and spec == spec_of(stored) and linked in (None, selected):
                return unchanged                 # the URL caught up with a selection or filters shown already
            focus = linked
            ignored = ignored_params(search, options)
            note = translate("ignored: {params}", lang).format(params=", ".join(ignored)) if ignored else ""
            selected = linked
        elif trigger == ids.RESET:
            spec = FilterSpec()
        elif trigger in PRESET_NAMES:
            first, last = preset_range(PRESET_NAMES[trigger], dt.date.today())
            spec = controls.replace(start=first, end=last)
        elif trigger == ids.TIMELINE:
            span = (brushed or {}).get("range", {}).get("x")
            if not span:
                return unchanged
            spec = FilterSpec.clean(options, **{**spec_values(controls), "start": span[0], "end": span[1]})
        else:
            spec = controls
        if trigger not in (None, ids.URL):
            focus = None if focus is not None else no_update    # a link's framing is for its first view only
        # a control already showing its value is left alone: setting it anyway re-renders it
        wanted = (spec_values(spec)["start"], spec_values(spec)["end"],
                  *(facet.kind.to_control(getattr(spec, facet.field)) for facet in FACETS))
        shown = (start, end, *values)
        month = spec.start or spec.end or frame["event_date"].max().date()   # the calendar opens on the range
        return (*(no_update if value == now else value for value, now in zip(wanted, shown, strict=True)),
                month, with_language(with_selected(spec_to_query(spec), selected), language(lang)), spec_values(spec),
                focus, note)

    # spec -> what is always on screen: summary, map markers, tracks, areas and view (framed on the
    # sighting a link names, on its first view), time bar, download, feed and API links, option
    # counts, "cite this view"; one request and one map redraw per filter change. The tabs below
    # have one callback of their own and compute only the tab shown (dashboard.views).
    @app.callback(
        Output(ids.SUMMARY, "children"), Output(ids.MAP, "figure"), Output(ids.MAP_NOTE, "children"),
        Output(ids.MAP_SUMMARY, "children"), Output(ids.TIMELINE, "figure"),
        Output(ids.DOWNLOAD_CSV, "href"), Output(ids.DOWNLOAD_GEOJSON, "href"), Output(ids.DOWNLOAD_ABOUT, "href"),
        *(Output(link_id, "href") for link_id, _, _ in FEED_LINKS),
        *(Output(facet.control, "options") for facet in COUNTED),
        Output(ids.CITE, "children"),
        Input(ids.SPEC, "data"), State(ids.SELECTED, "data"), State(ids.FOCUS, "data"),
        State(ids.SHOW_EVENTS, "value"), State(ids.MAP_SIZE, "data"), State(ids.URL, "href"),
        State(ids.PLAY_STATE, "data"), State(ids.LANGUAGE, "data"),
    )
    def update_views(stored, selected, focus, shown_events, map_size, page_href, play_state, lang):
        lang = language(lang)
        spec = spec_of(stored)
        lang = language(lang)
        rows = apply_filters(frame, spec)
        selected = focus or selected
        updates, note = map_updates(layers, rows, selected, lang)
        sentence = summary(rows, spec, data.current_to, lang)
        focused = rows[rows["id"] == focus] if isinstance(focus, str) else rows.iloc[0:0]
        if len(focused):         # a link to one sighting: the map frames it (the same framing as results)
            updates += view_updates(focused, (), data.strait_boxes, f"{spec_to_query(spec)}#id={focus}", sentence,
                                    map_size)
        else:
            updates += view_updates(rows, spec.straits, data.strait_boxes, spec_to_query(spec), sentence, map_size)
        updates += track_updates(rows)
        counts = all_facet_counts(frame, spec)
        return (sentence, as_patch(updates), note, map_summary(rows, lang),
                time_bar(data, rows, spec, selected, shown_events, play_state, lang),
                download_href(spec, "csv"), download_href(spec, "geojson"), download_href(spec, "csv.json", lang),
                *(feed_href(spec, path) for _, _, path in FEED_LINKS),
                *(facet.labelled_options(options[facet.field], counts[facet.field], lang) for facet in COUNTED),
                cite_text(page_href, spec, data.version, dt.date.today(), lang))

    # spec, the tab shown -> that tab's view (table, vessels, voyages, statistics) in the page's
    # language; a hidden tab's outputs are left alone (nothing computed, nothing sent), and opening
    # a tab computes it for the current filters. One callback for the four tabs: one each made every
    # filter change and tab switch three more requests that answered nothing.
    tabs = [(tab_callback(tab, frame, spec_of, len(outputs), context), len(outputs))
            for tab, outputs in TAB_OUTPUTS.items()]

    @app.callback(*(Output(component, prop) for outputs in TAB_OUTPUTS.values() for component, prop in outputs),
                  Input(ids.SPEC, "data"), Input(ids.VIEW_TABS, "value"), State(ids.URL, "href"),
                  State(ids.LANGUAGE, "data"))
    def update_tabs(stored, active, page_href, lang):
        answers = []
        for update, outputs in tabs:
            view = update(stored, active, page_href, lang)
            answers += [view] if outputs == 1 else list(view)
        return tuple(answers)

    # layer checkboxes -> map layer visibility
    @app.callback(Output(ids.MAP, "figure", allow_duplicate=True), Input(ids.MAP_LAYERS, "value"),
                  prevent_initial_call=True)
    def toggle_layers(visible):
        return as_patch(visibility_updates(layers, visible) + track_visibility(visible))

    # click on map, timeline or table row, a row selected with the keyboard, or a link's ?id= ->
    # selected sighting everywhere, its details (with its own link) and its id in the URL
    @app.callback(
        Output(ids.SELECTED, "data"), Output(ids.MAP, "figure", allow_duplicate=True),
        Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Output(ids.TABLE, "selectedRows"), Output(ids.TABLE, "scrollTo"), Output(ids.DETAILS, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.MAP, "clickData"), Input(ids.TIMELINE, "clickData"), Input(ids.TABLE, "cellClicked"),
        Input(ids.TABLE, "selectedRows"), Input(ids.FOCUS, "data"),
        State(ids.SPEC, "data"), State(ids.SHOW_EVENTS, "value"), State(ids.SELECTED, "data"),
        State(ids.URL, "search"), State(ids.PLAY_STATE, "data"), State(ids.LANGUAGE, "data"),
        prevent_initial_call=True,
    )
    def select(map_click, timeline_click, cell, picked, focus, stored, shown_events, current, search, play_state,
               lang):
        lang = language(lang)
        nothing = (no_update,) * 7
        triggered = set(ctx.triggered_prop_ids)
        if f"{ids.FOCUS}.data" in triggered:
            if not isinstance(focus, str):
                return nothing
            chosen = focus
        elif triggered == {f"{ids.TABLE}.selectedRows"}:
            chosen = _picked_id(picked)
            if chosen == current:             # the grid echoing the selection this callback set
                return nothing
        else:
            clicked = {ids.MAP: map_click, ids.TIMELINE: timeline_click}.get(ctx.triggered_id)
            chosen = _clicked_id(clicked) if clicked is not None else (cell or {}).get("rowId")
        spec = spec_of(stored)
        rows = apply_filters(frame, spec)
        if chosen == focus and chosen not in set(frame["id"]):
            return (None, no_update, no_update, no_update, no_update, unknown_sighting(chosen, lang), no_update)
        if not isinstance(chosen, str) or chosen not in set(rows["id"]) | ({focus} & set(frame["id"])):
            return nothing
        return (chosen, as_patch(selection_updates(rows, chosen)),
                time_bar(data, rows, spec, chosen, shown_events, play_state, lang),
                {"ids": [chosen]}, {"rowId": chosen, "rowPosition": "middle"},
                [sighting_link(chosen, lang), *details_panel(frame[frame["id"] == chosen].iloc[0], lang)],
                no_update if f"{ids.FOCUS}.data" in triggered else with_selected(search, chosen))

    # uploaded CSV, or the name and size of a file too large to send -> black markers on the map
    # and the message under it, in this browser tab only (nothing is stored); read in a bounded
    # child process (dashboard.overlay), so large uploads never slow other users' requests
    reader = overlay.OverlayReader()
    app.server.extensions["overlay_reader"] = reader
    cleared = upload_updates(frame.iloc[0:0])

    @app.callback(Output(ids.MAP, "figure", allow_duplicate=True), Output(ids.UPLOAD_MESSAGE, "children"),
                  Input(ids.UPLOAD, "contents"), Input(ids.UPLOAD_REFUSED, "data"), State(ids.UPLOAD, "filename"),
                  prevent_initial_call=True)
    def overlay_upload(contents, too_large, name):
        if f"{ids.UPLOAD_REFUSED}.data" in ctx.triggered_prop_ids:   # may come with the reset below
            too_large = too_large if isinstance(too_large, dict) else {}
            name = too_large.get("name")
            result = overlay.size_refusal(name, too_large.get("size"))
        elif contents is None:
            return no_update, no_update    # upload.js forgetting the last file before the next is read
        else:
            result = reader.read(contents, name)
        updates = cleared if result.refused else result.updates
        return as_patch(updates), overlay.message(result, name)

    register_analyst_views(app, data, spec_of)
    register_dossier(app, data)

    # language switch -> the choice remembered in this browser, and the same URL in that language
    # (a full page load: the page is built in one language; assets/language.js, dashboard/i18n.py)
    app.clientside_callback(
        ClientsideFunction("language", "choose"),
        Output(ids.LANGUAGE_CHOICE, "data"), Output(ids.LANGUAGE_LOCATION, "href"),
        Input(ids.LANGUAGE_SWITCH, "value"), State(ids.LANGUAGE, "data"),
    )


# -- analyst views (issue 10): voyage tracks, vessels, statistics, playback, timeline events ----

#: What each playback input asks, most important first: a click wins over a timer tick that
#: arrives in the same request.
PLAY_ACTIONS = {ids.PLAY_STOP: "stop", ids.PLAY: "play", ids.PLAY_STEP: "step", ids.PLAY_WINDOW: "window",
                ids.PLAY_TIMER: "tick", ids.SPEC: "filters", ids.PLAY_SPEED: "filters"}


def register_analyst_views(app, data: AppData, spec_of) -> None:
    """Wire the vessels table's clicks, playback and the events toggle (the tracks follow the
    filters in :func:`register`'s ``update_views``; the vessels, voyages and statistics tabs in
    its ``update_tabs``, :func:`tab_callback` for each)."""
    frame = data.sightings
    layers = base_layers(data.layers)

    # click in the vessels table -> hull filter, or on a class the class filter (both classes of an
    # "A; B" cell), which the filter sync puts in the URL
    @app.callback(Output(ids.HULLS, "value", allow_duplicate=True), Output(ids.CLASSES, "value", allow_duplicate=True),
                  Input(ids.VESSELS, "cellClicked"), prevent_initial_call=True)
    def open_vessel(cell):
        if vessels.picked(cell) is None:
            return no_update, no_update
        classes = classes_in_cell(cell.get("value"), data.options["classes"]) if cell.get("colId") == "class" else ()
        return ([], list(classes)) if classes else ([cell["rowId"]], no_update)

    # events checkbox -> timeline with or without the context events
    @app.callback(Output(ids.TIMELINE, "figure", allow_duplicate=True), Input(ids.SHOW_EVENTS, "value"),
                  State(ids.SPEC, "data"), State(ids.SELECTED, "data"), State(ids.PLAY_STATE, "data"),
                  State(ids.LANGUAGE, "data"), prevent_initial_call=True)
    def toggle_events(shown, stored, selected, play_state, lang):
        spec = spec_of(stored)
        return time_bar(data, apply_filters(frame, spec), spec, selected, shown, play_state, language(lang))

    # play/pause, step, stop, a drawn window -> timer on or off, button label, URL fragment when paused (browser)
    app.clientside_callback(
        ClientsideFunction("playback", "toggle"),
        Output(ids.PLAY_TIMER, "disabled"), Output(ids.PLAY, "children"), Output(ids.URL, "hash"),
        Input(ids.PLAY, "n_clicks"), Input(ids.PLAY_STEP, "n_clicks"), Input(ids.PLAY_STOP, "n_clicks"),
        Input(ids.PLAY_STATE, "data"), State(ids.PLAY_TIMER, "disabled"), prevent_initial_call=True,
    )

    # URL fragment, play/step/stop, timer, window, speed, filters -> playback window, speed, map
    # (markers and area highlights of the window), the time bar's band, label
    @app.callback(
        Output(ids.PLAY_STATE, "data"), Output(ids.PLAY_TIMER, "interval"),
        Output(ids.PLAY_WINDOW, "value"), Output(ids.PLAY_LABEL, "children"),
        Output(ids.MAP, "figure", allow_duplicate=True), Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Input(ids.URL, "hash"), Input(ids.SPEC, "data"), Input(ids.PLAY_TIMER, "n_intervals"),
        Input(ids.PLAY, "n_clicks"), Input(ids.PLAY_STEP, "n_clicks"), Input(ids.PLAY_STOP, "n_clicks"),
        Input(ids.PLAY_WINDOW, "value"), Input(ids.PLAY_SPEED, "value"),
        State(ids.PLAY_STATE, "data"), State(ids.PLAY_TIMER, "disabled"), State(ids.LANGUAGE, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def play(fragment, stored, _ticks, _play, _step, _stop, size, speed, state, paused, lang):
        action = "load"
        if ctx.triggered_id == ids.URL and (state or {}).get("fragment") == (fragment or ""):
            return (no_update,) * 6                  # the URL only caught up with the window shown
        if ctx.triggered_id == ids.SPEC and not (state or {}).get("start"):
            return (no_update,) * 6                  # a filter change with no window: nothing to play
        rows = apply_filters(frame, spec_of(stored))
        if ctx.triggered_id in (None, ids.URL):
            start, size = playback.from_fragment(fragment)
            playing = False
        else:
            size = size if size in playback.WINDOWS else playback.DEFAULT_WINDOW
            triggered = {prop.split(".")[0] for prop in ctx.triggered_prop_ids}
            action = next((action for control, action in PLAY_ACTIONS.items() if control in triggered), "filters")
            start, playing = playback.transition(action, parse_date((state or {}).get("start")), paused is False,
                                                 rows, size)
        # no window before or after (a filter change, the page load): the map has nothing to
        # undo, and patching it anyway would redraw the whole map a second time
        idle = start is None and not (state or {}).get("start")
        return ({"start": start.isoformat() if start else None, "fragment": playback.to_fragment(start, size),
                 "ended": action == "tick" and not playing},
                playback.SPEEDS.get(speed, playback.SPEEDS[playback.DEFAULT_SPEED]), size,
                playback.window_label(rows, start, size, language(lang)),
                no_update if idle else as_patch(playback.playback_updates(rows, start, size, layers)),
                no_update if idle else as_patch(playback.band_updates(start, size)))


def time_bar(data: AppData, rows, spec: FilterSpec, selected, shown_events, play_state, lang: str = "en") -> dict:
    """The time bar for ``rows`` (its words in ``lang``): its axis on the date filter, the context
    events, and the playback window's band while a window is shown (``play_state``, the playback store)."""
    figure = with_events(timeline_figure(rows, selected, (spec.start, spec.end), lang), data.events, shown_events)
    start, size = playback.from_fragment((play_state or {}).get("fragment"))
    if start is not None:
        figure["layout"]["shapes"][PLAYBACK_BAND] = playback.band_updates(start, size)[0][1]
    return figure


def tab_callback(tab: str, frame, spec_of, outputs: int, context: views.ViewContext | None = None):
    """One tab's part of the tabs' callback: (spec store, active tab, page address, page language)
    -> its view, or ``no_update`` for each of its ``outputs`` while another tab is shown (nothing
    computed, nothing sent). ``context`` holds the dataset's version, data-current-to date and ship names;
    the page address, today's date and the page's language are added per request.

    >>> tab_callback("vessels", frame, spec_of, 1)(None, "table") is no_update  # doctest: +SKIP
    True
    """
    def update(stored, active, page_href=None, lang=None):
        here = dataclasses.replace(context or views.ViewContext(), page_href=page_href, today=dt.date.today(),
                                   lang=language(lang))
        view = views.shown_view(tab, active, frame, spec_of(stored), here)
        if view is None:
            return no_update if outputs == 1 else (no_update,) * outputs
        return view
    update.__name__ = f"update_{tab}_tab"
    return update


def as_patch(updates) -> dict:
    """A ``dash.Patch`` setting each (path, value) of a figure module's updates, in its JSON form.

    The JSON form is what Dash sends for a ``Patch`` (the browser applies either alike), but a
    ``Patch`` object in a response is a type orjson cannot write: plotly's encoder then walks
    the whole response in Python first (15-20 ms for a filter change's 200 KB on this machine),
    where the plain dict lets orjson write it at once.

    >>> as_patch([(("data", 1, "lat"), [41.5])])["operations"]
    [{'operation': 'Assign', 'location': ['data', 1, 'lat'], 'params': {'value': [41.5]}}]
    """
    patch = Patch()
    for path, value in updates:
        target = patch
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return patch.to_plotly_json()


def _clicked_id(click: dict) -> str | None:
    points = (click or {}).get("points") or []
    return points[0].get("customdata") if points else None


def _picked_id(selected) -> str | None:
    """The id of the grid's selected row (a list of row records; the grid sends it on any selection)."""
    first = selected[0] if isinstance(selected, list) and selected else None
    return first.get("id") if isinstance(first, dict) else None
