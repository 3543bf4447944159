"""The hull table (sightings.hulls) and the vessels table (dashboard.vessels) on the frozen fixture,
with literal answers worked out by hand from tests/fixtures/README.md.

A hull's class is what its rows say: a vessel entry "Udaloy III-class destroyer (543)", or the one
class a row's types name ("Steregushchiy-class frigates (2)" gives 333 and 335 theirs). A row naming
two classes gives a hull only what its vessel entries say (fx-09: 011 Slava, 564 Udaloy I).
"""

import pandas as pd

from dashboard import ids
from dashboard.vessels import vessel_rows
from sightings.hulls import hull_table
from tests.dash_requests import callback_body

TWO_CLASSES = "Udaloy I-class destroyer; Udaloy III-class destroyer"
#: hull, class, first, last, sightings, straits (schema order), hulls sorted as numbers (011 is 11).
HULLS = [
    ["011", "Slava-class missile cruiser", "2024-04-07", "2024-04-08", 2, "Tsushima"],       # fx-09, fx-10 (no strait)
    ["80", "Balzam-class intelligence ship", "2023-06-20", "2023-06-20", 1, ""],             # fx-22, unlocated
    ["208", "Vishnya-class intelligence ship", "2024-02-05", "2024-02-05", 1, ""],           # fx-07
    ["333", "Steregushchiy-class frigate", "2023-03-06", "2025-08-18", 3, "Soya"],           # fx-01, 02, 18
    ["335", "Steregushchiy-class frigate", "2023-03-06", "2025-08-18", 3, "Soya"],
    ["339", "Steregushchiy-class frigate", "2025-06-10", "2025-06-10", 1, "Tsushima"],       # fx-15's vessel entry
    ["543", TWO_CLASSES, "2023-09-04", "2025-10-20", 2, "Tsushima"],                          # fx-05 I, fx-21 III
    ["548", "Udaloy I-class destroyer", "2023-06-14", "2025-11-05", 4, "Soya, Tsugaru"],      # fx-03, 04, 17, 25
    ["564", "Udaloy I-class destroyer", "2024-04-07", "2025-11-05", 2, "Soya, Tsushima"],     # fx-09, fx-25
    ["715", "Sovremenny-class destroyer", "2024-12-31", "2025-01-01", 2, "Tsushima"],        # across New Year
    ["999", "Vishnya-class intelligence ship", "2025-09-01", "2025-09-02", 2, "Yonaguni"],   # fx-19 (no strait), fx-20
]


def test_frozen_hulls001_hull_table(frozen):
    table = hull_table(frozen)
    assert table.assign(first=table["first"].dt.strftime("%Y-%m-%d"), last=table["last"].dt.strftime("%Y-%m-%d"))[
        ["hull", "class", "first", "last", "sightings", "straits"]].values.tolist() == HULLS


def test_frozen_hulls002_vessel_rows_are_the_table_with_iso_dates(frozen):
    records = vessel_rows(frozen)
    assert [[r["hull"], r["class"], r["first"], r["last"], r["sightings"], r["straits"]] for r in records] == HULLS
    assert vessel_rows(frozen.iloc[0:0]) == []


def test_frozen_hulls003_the_table_counts_only_the_selection(frozen):
    """2025 only: 548 in fx-17 and fx-25, 564 in fx-25; 543 only as Udaloy III (fx-21); 715 on 1 Jan."""
    chosen = frozen[frozen["event_date"].dt.year == 2025]
    table = hull_table(chosen)
    assert table[["hull", "class", "sightings", "straits"]].values.tolist() == [
        ["333", "Steregushchiy-class frigate", 1, "Soya"], ["335", "Steregushchiy-class frigate", 1, "Soya"],
        ["339", "Steregushchiy-class frigate", 1, "Tsushima"], ["543", "Udaloy III-class destroyer", 1, "Tsushima"],
        ["548", "Udaloy I-class destroyer", 2, "Soya"], ["564", "Udaloy I-class destroyer", 1, "Soya"],
        ["715", "Sovremenny-class destroyer", 1, "Tsushima"], ["999", "Vishnya-class intelligence ship", 2, "Yonaguni"]]
    assert table["first"].tolist()[-2:] == [pd.Timestamp("2025-01-01"), pd.Timestamp("2025-09-01")]


def test_frozen_hulls004_the_vessels_table_follows_the_hull_filter(frozen_client):
    """``?hull=548``: fx-03, fx-04, fx-17, fx-25; the table lists 548 (4) and 564, seen with it once (fx-25)."""
    dependencies = frozen_client.get("/_dash-dependencies").get_json()
    body = callback_body(dependencies, ids.VESSELS, f"{ids.SPEC}.data", {ids.SPEC: {"hulls": ["548"]}, ids.VIEW_TABS: "vessels"})
    response = frozen_client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    records = response.get_json()["response"][ids.VESSELS]["rowData"]
    assert [(r["hull"], r["class"], r["first"], r["last"], r["sightings"], r["straits"]) for r in records] == [
        ("548", "Udaloy I-class destroyer", "2023-06-14", "2025-11-05", 4, "Soya, Tsugaru"),
        ("564", "Udaloy I-class destroyer", "2025-11-05", "2025-11-05", 1, "Soya")]
