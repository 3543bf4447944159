"""The vessels table's records and what a click asks for, stated literally (mutants of dashboard/vessels.py)."""

import pandas as pd
import pytest

from dashboard import ids
from dashboard.vessels import COLUMNS, picked, section, vessel_rows


def rows(*specs) -> pd.DataFrame:
    """(date, strait, ship types, hulls) -> the columns the table reads."""
    return pd.DataFrame({"event_date": pd.to_datetime([s[0] for s in specs]), "strait": [s[1] for s in specs],
                         "ship_types": [s[2] for s in specs], "hull_numbers": [s[3] for s in specs],
                         "vessels": [[] for _ in specs]})


def test_vessels_mutant001_records_with_iso_dates_in_hull_order():
    got = vessel_rows(rows(("2022-03-01", "Tsugaru", ["Udaloy I-class destroyer"], ["548"]),
                           ("2023-07-09", "Soya", ["destroyers (2)"], ["548", "80"])))
    assert got == [
        {"hull": "80", "class": "not stated", "sightings": 1, "straits": "Soya", "first": "2023-07-09",
         "last": "2023-07-09"},
        {"hull": "548", "class": "Udaloy I-class destroyer", "sightings": 2, "straits": "Soya, Tsugaru",
         "first": "2022-03-01", "last": "2023-07-09"},
    ]


def test_vessels_mutant002_no_hull_no_record():
    assert vessel_rows(rows(("2022-03-01", "Tsugaru", [], []))) == []


@pytest.mark.parametrize("cell, expected", [
    ({"rowId": "548", "colId": "class", "value": "Udaloy I-class destroyer; Udaloy III-class destroyer"},
     ("hulls", "548")),                                          # two classes: no one class to search for
    ({"rowId": "548", "colId": "class", "value": None}, ("hulls", "548")),
    ({"rowId": "548", "colId": "straits", "value": "Soya"}, ("hulls", "548")),
    ({"rowId": "548"}, ("hulls", "548")),
    ({"colId": "class", "value": "Udaloy I-class destroyer"}, None),
    ("548", None),
])
def test_vessels_mutant003_a_click_on_a_cell(cell, expected):
    assert picked(cell) == expected


def test_vessels_mutant004_the_section_says_what_a_click_does():
    tree = section()
    heading, hint, grid = tree.children
    assert tree.className == "vessels" and heading.children == "Vessels" and heading.className == "section-title"
    assert hint.className == "hint" and hint.children == (
        "Each hull number in the selection. Click a row to see that vessel's history (its sightings and voyages) "
        "and its dossier beside the map (?hull=548: its sourced name, class, sightings, straits and sources); "
        "click a class to search for every ship of that class.")
    assert (grid.id, grid.columnDefs, grid.rowData, grid.getRowId) == (ids.VESSELS, COLUMNS, [], "params.data.hull")
    assert grid.className == "ag-theme-quartz vessels-table"
    assert grid.defaultColDef == {"sortable": True, "resizable": True, "filter": False}
    assert grid.dashGridOptions == {"localeText": {"noRowsToShow": "No hull numbers in this selection."},
                                    "animateRows": False, "domLayout": "autoHeight"}
