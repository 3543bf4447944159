"""The callback that opens a vessel's dossier or a sighting's details from the URL.

Registered from :func:`dashboard.callbacks.register` (the only place that registers
callbacks calls this); kept in its own module so the layout and the main callbacks stay as
they are. It wires the URL to :func:`dashboard.dossier.url_panel` and draws what that says.
"""

from __future__ import annotations

from dash import Input, Output, State, no_update

from dashboard import ids
from dashboard.data import AppData
from dashboard.details import details_panel
from dashboard.dossier import build_dossier, dossier_panel, url_panel
from dashboard.i18n import language
from dashboard.urlstate import selected_from_query
from sightings.vessels import register as vessel_register


def register_dossier(app, data: AppData) -> None:
    """Wire the URL to the details panel: ``?id=<id>`` that sighting, ``?hull=<n>`` alone its dossier."""
    frame, known = data.sightings, vessel_register()

    # URL (?id=, or one ?hull=) -> details panel (a sighting or a dossier) and the selected sighting
    @app.callback(Output(ids.DETAILS, "children", allow_duplicate=True),
                  Output(ids.SELECTED, "data", allow_duplicate=True),
                  Input(ids.URL, "search"), State(ids.SELECTED, "data"), State(ids.LANGUAGE, "data"),
                  prevent_initial_call="initial_duplicate")
    def open_from_url(search, selected, lang=None):
        lang = language(lang)
        shown = url_panel(search, frame, known, selected if isinstance(selected, str) else None)
        if shown is None:
            return no_update, no_update
        kind, key = shown
        if kind == "sighting" or selected_from_query(search):
            # ?id= is the selection callback's (dashboard.callbacks): details, map, time bar, and the
            # naming of an id the record lacks (a hint here would race with it and could hide it)
            return no_update, no_update
        if kind == "dossier":
            return dossier_panel(build_dossier(frame, known, key), key, lang), None
        return details_panel(None, lang), no_update
