"""The vessels table: each hull number with its class, dates, count and straits; a row opens its history.

Clicking a row's hull (or anything but its class) sets the hull filter, so the map, timeline,
table and downloads show that vessel and its voyages are drawn, and the URL says
``?hull=548``; clicking its class searches for the class instead. The table itself is
:func:`sightings.hulls.hull_table` of the selection, every filter applied (the hull filter
too), so its counts are those of the sightings the views above it show: with ``?hull=548``
it lists 548 and the hulls seen with it, counted in 548's sightings only.
"""

from __future__ import annotations

import dash_ag_grid as dag
import numpy as np
import pandas as pd
from dash import html

from dashboard import ids
from dashboard.i18n import N_, translated_columns, translator
from sightings.hulls import NO_CLASS, hull_table

#: The hull column keeps the table's order (hull numbers as numbers, :func:`sightings.hulls.hull_sort_key`):
#: the grid's own sort would compare the text and put "80" after "715".
COLUMNS = [
    {"field": "hull", "headerName": N_("Hull"), "width": 80, "sortable": False},
    {"field": "class", "headerName": N_("Class (as reported)"), "width": 300, "wrapText": True, "autoHeight": True},
    {"field": "first", "headerName": N_("First seen"), "width": 110},
    {"field": "last", "headerName": N_("Last seen"), "width": 110},
    {"field": "sightings", "headerName": N_("Sightings"), "width": 100, "type": "numericColumn"},
    {"field": "straits", "headerName": N_("Straits used"), "width": 260, "wrapText": True, "autoHeight": True},
]


def vessel_rows(rows: pd.DataFrame) -> list[dict]:
    """The table's records (dates ISO) for the selected ``rows``, hulls in :func:`sightings.hulls.hull_sort_key` order."""
    table = hull_table(rows)
    columns = {name: table[name].tolist() for name in ("hull", "class", "sightings", "straits")}
    for name in ("first", "last"):
        columns[name] = np.datetime_as_string(table[name].to_numpy(dtype="datetime64[D]"), unit="D").tolist()
    return [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)] \
        if len(table) else []


def picked(cell: dict | None) -> tuple[str, str] | None:
    """(facet field, value) a click on a table cell asks for: ("hulls", hull) or ("search", class)."""
    if not isinstance(cell, dict) or not isinstance(cell.get("rowId"), str):
        return None
    value = cell.get("value")
    if cell.get("colId") == "class" and isinstance(value, str) and value != NO_CLASS and ";" not in value:
        return "search", value
    return "hulls", cell["rowId"]


def section(lang: str = "en") -> html.Section:
    """The vessels heading, hint and grid (in ``lang``)."""
    _ = translator(lang)
    return html.Section(className="vessels", children=[
        html.H2(_("Vessels"), className="section-title"),
        html.P(_("Each hull number in the selection. Click a row to see that vessel's history (its sightings "
                 "and voyages) and its dossier beside the map (?hull=548: its sourced name, class, sightings, "
                 "straits and sources); click a class to search for every ship of that class."), className="hint"),
        dag.AgGrid(id=ids.VESSELS, columnDefs=translated_columns(COLUMNS, lang),
                   rowData=[], getRowId="params.data.hull",
                   className="ag-theme-quartz vessels-table",
                   defaultColDef={"sortable": True, "resizable": True, "filter": False},
                   dashGridOptions={"localeText": {"noRowsToShow": _("No hull numbers in this selection.")},
                                    "animateRows": False, "domLayout": "autoHeight"}),
    ])
