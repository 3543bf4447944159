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
from sightings.vessels import register as vessel_register


#: The details panel's class, and its class while it shows a dossier.
PANEL_CLASS = "details"
DOSSIER_CLASS = "details dossier-shown"


def register_dossier(app, data: AppData) -> None:
    """Wire the URL to the details panel: ``?id=<id>`` that sighting, ``?hull=<n>`` alone its dossier."""
    frame, known = data.sightings, vessel_register()

    # URL (?id=, or one ?hull=) -> details panel (a dossier, or the hint where a dossier was shown)
    # and the selected sighting; the panel's class says whether a dossier is shown
    @app.callback(Output(ids.DETAILS, "children", allow_duplicate=True),
                  Output(ids.DETAILS, "className", allow_duplicate=True),
                  Output(ids.SELECTED, "data", allow_duplicate=True),
                  Input(ids.URL, "search"), State(ids.SELECTED, "data"), State(ids.DETAILS, "className"),
                  State(ids.LANGUAGE, "data"), prevent_initial_call="initial_duplicate")
    def open_from_url(search, selected, panel_class, lang=None):
        lang = language(lang)
        shown = url_panel(search, frame, known, selected if isinstance(selected, str) else None)
        kind, key = shown or (None, None)
        if kind == "dossier":
            return dossier_panel(build_dossier(frame, known, key), key, lang), DOSSIER_CLASS, None
        if kind == "hint" and panel_class == DOSSIER_CLASS:
            return details_panel(None, lang), PANEL_CLASS, no_update
        # ?id= is the selection callback's (details, map, time bar, and naming an id the record
        # lacks); re-drawing the hint on every filter change would resize the dock and redraw the map
        return no_update, no_update, no_update
