"""Filters, facet counts and the summary sentence on the frozen fixture (tests/fixtures/README.md).

Expected ids are listed in the app's order (date, then id) and counts are worked out by hand
from the fixture's rows; each case says which rows it expects and why.
"""

import datetime as dt
import io

import pandas as pd
import pytest

from dashboard.filters import FilterSpec, all_facet_counts, apply_filters, data_current_to, facet_counts, summary
from sightings.schema import STRAITS

D = dt.date
#: The fixture's last report date (fx-25, reported 7 Nov 2025).
CURRENT_TO = D(2025, 11, 7)

CASES = [
    # fx-01, 02 (2023), fx-17, 18, 25 (2025)
    ("Soya", FilterSpec(straits=("Soya",)), ["fx-01", "fx-02", "fx-17", "fx-18", "fx-25"]),
    # the rows naming no strait: unlocated, sea-only, the two at one point, derived, two seas, fx-19
    ("no strait", FilterSpec(straits=("none",)), ["fx-22", "fx-06", "fx-07", "fx-08", "fx-10", "fx-11", "fx-19"]),
    ("Miyako or Yonaguni", FilterSpec(straits=("Miyako", "Yonaguni")), ["fx-24", "fx-23", "fx-16", "fx-20"]),
    # the date range is inclusive at both ends: the voyage across New Year
    ("31 Dec - 1 Jan", FilterSpec(start=D(2024, 12, 31), end=D(2025, 1, 1)), ["fx-13", "fx-14"]),
    ("with Chinese ships", FilterSpec(chinese="yes"), ["fx-15", "fx-16", "fx-25"]),
    ("releases only", FilterSpec(primary=True), ["fx-03", "fx-09", "fx-15", "fx-16"]),
    ("hull 548", FilterSpec(hulls=("548",)), ["fx-03", "fx-04", "fx-17", "fx-25"]),
    ("hull 011 as written", FilterSpec(hulls=("011",)), ["fx-09", "fx-10"]),
    ("hull 11 is not 011", FilterSpec(hulls=("11",)), []),
    # a row with no ship type is "Other / unspecified"
    ("other type", FilterSpec(ship_types=("Other / unspecified",)), ["fx-06"]),
    # OR within a facet: the submarines (fx-24, fx-08) and the cruiser 011 (fx-09, fx-10)
    ("submarine or amphibious", FilterSpec(ship_types=("Submarine", "Amphibious")), ["fx-24", "fx-08", "fx-12"]),
    ("exercise", FilterSpec(activities=("exercise",)), ["fx-11"]),
    # "intelligence gathering / contiguous-zone navigation" is both
    ("contiguous zone", FilterSpec(activities=("contiguous-zone navigation",)), ["fx-22"]),
    ("intelligence gathering", FilterSpec(activities=("intelligence gathering",)), ["fx-22", "fx-07", "fx-19"]),
    ("joint patrol", FilterSpec(activities=("joint patrol with China",)), ["fx-15", "fx-16", "fx-25"]),
    # the class as the dictionary names it: types, vessel entries (564 in fx-09) and the plural "(2)"
    ("Udaloy I class", FilterSpec(classes=("Udaloy I-class destroyer",)),
     ["fx-03", "fx-04", "fx-05", "fx-09", "fx-17", "fx-25"]),
    ("Udaloy III class", FilterSpec(classes=("Udaloy III-class destroyer",)), ["fx-21"]),
    # a Chinese class, from chinese_vessels
    ("Renhai class", FilterSpec(classes=("Renhai-class destroyer",)), ["fx-15", "fx-16"]),
    # the search reads ship types and hulls: "udaloy" finds Udaloy I and III
    ("search udaloy", FilterSpec(search="udaloy"), ["fx-03", "fx-04", "fx-05", "fx-09", "fx-17", "fx-21", "fx-25"]),
    # "54" is inside 548 (fx-03, 04, 17, 25) and 543 (fx-05, 21), not 564
    ("search 54", FilterSpec(search="54"), ["fx-03", "fx-04", "fx-05", "fx-17", "fx-21", "fx-25"]),
    # the stated-dates filter leaves out fx-06 (inferred) and fx-11 (announcement day)
    ("stated dates, no strait", FilterSpec(stated=True, straits=("none",)), ["fx-22", "fx-07", "fx-08", "fx-10", "fx-19"]),
    ("Tsushima and hull 543", FilterSpec(straits=("Tsushima",), hulls=("543",)), ["fx-05", "fx-21"]),
    ("2024 Tsushima releases", FilterSpec(start=D(2024, 1, 1), end=D(2024, 12, 31), straits=("Tsushima",),
                                          primary=True), ["fx-09"]),
]


@pytest.mark.parametrize(("name", "spec", "expected"), CASES, ids=[case[0] for case in CASES])
def test_frozen_filters001_exact_rows(frozen, name, spec, expected):
    assert apply_filters(frozen, spec)["id"].tolist() == expected


def test_frozen_filters002_a_sea_is_one_a_report_names_or_where_its_point_lies(frozen):
    """Rows without a point carry only the report's seas: fx-11 names two (Sea of Japan and Sea of
    Okhotsk), fx-06 one (Sea of Japan), fx-22 none ("not stated"). fx-07 and fx-08 lie at 38N 134E,
    in the middle of the Sea of Japan."""
    no_point = frozen[frozen["lat"].isna()]
    assert no_point["id"].tolist() == ["fx-22", "fx-06", "fx-11"]
    assert apply_filters(no_point, FilterSpec(seas=("Sea of Okhotsk",)))["id"].tolist() == ["fx-11"]
    assert apply_filters(no_point, FilterSpec(seas=("Sea of Japan",)))["id"].tolist() == ["fx-06", "fx-11"]
    assert apply_filters(no_point, FilterSpec(seas=("not stated",)))["id"].tolist() == ["fx-22"]
    counts = facet_counts(no_point, FilterSpec(), "seas")
    assert {sea: counts.get(sea, 0) for sea in ("Sea of Japan", "Sea of Okhotsk", "Pacific Ocean", "not stated")} == {
        "Sea of Japan": 2, "Sea of Okhotsk": 1, "Pacific Ocean": 0, "not stated": 1}
    two_days = FilterSpec(start=D(2024, 2, 5), end=D(2024, 2, 5), seas=("Sea of Japan",))
    assert apply_filters(frozen, two_days)["id"].tolist() == ["fx-07", "fx-08"]


def test_frozen_filters003_strait_counts_ignore_their_own_selection(frozen):
    """With Tsugaru chosen and Russian ships only, the strait options count the 22 rows without
    Chinese ships (all but fx-15, fx-16, fx-25) per strait; the Chinese options count Tsugaru's 3."""
    spec = FilterSpec(straits=("Tsugaru",), chinese="no")
    counts = facet_counts(frozen, spec, "straits")
    assert {strait: counts.get(strait, 0) for strait in (*STRAITS, "none")} == {
        "Soya": 4, "Tsugaru": 3, "Tsushima": 5, "Osumi": 0, "Miyako": 1, "Yonaguni": 2, "Nemuro": 0, "none": 7}
    assert facet_counts(frozen, spec, "chinese") == {"any": 3, "yes": 0, "no": 3}


def test_frozen_filters004_every_counted_facet_at_once(frozen):
    """No filter: 25 rows. Hulls: 333, 335 in fx-01, 02, 18; 548 in fx-03, 04, 17, 25; 011 and 564 twice; ..."""
    counts = all_facet_counts(frozen, FilterSpec())
    assert {s: counts["straits"].get(s, 0) for s in (*STRAITS, "none")} == {
        "Soya": 5, "Tsugaru": 3, "Tsushima": 6, "Osumi": 0, "Miyako": 2, "Yonaguni": 2, "Nemuro": 0, "none": 7}
    assert counts["hulls"] == {"333": 3, "335": 3, "548": 4, "80": 1, "543": 2, "208": 1, "011": 2, "564": 2,
                               "715": 2, "339": 1, "999": 2}
    types = {name: n for name, n in counts["ship_types"].items() if n}
    # surface combatants: the frigates, destroyers, cruisers and patrol boats of fx-01-05, 09-11,
    # 13-18, 21, 23, 25 (17 rows); submarines fx-08, 24; intelligence fx-07, 19, 20, 22; the landing
    # ships of fx-12; the Dubna oiler of fx-15, 16; fx-06 names no type
    assert types == {"Surface combatant": 17, "Submarine": 2, "Intelligence": 4, "Amphibious": 1,
                     "Auxiliary": 2, "Other / unspecified": 1}
    assert {kind: n for kind, n in counts["activities"].items() if n} == {
        "transit": 15, "detection": 3, "joint patrol with China": 3, "exercise": 1, "intelligence gathering": 3,
        "contiguous-zone navigation": 1}
    assert counts["chinese"] == {"any": 25, "yes": 3, "no": 22}
    assert counts["primary"] == {"1": 4}
    assert counts["stated"] == {"1": 23}


def test_frozen_filters005_data_current_to_is_the_last_report_date_of_all_rows(frozen):
    assert data_current_to(frozen) == CURRENT_TO
    assert data_current_to(frozen[frozen["id"] != "fx-25"]) == D(2025, 10, 21)       # fx-21's report


@pytest.mark.parametrize(("spec", "sentence"), [
    # 23 rows with a count sum to 34; fx-06 and fx-12 give none; fx-11 (4 ships) is an announced
    # exercise, not a sighting: 24 sightings, 30 ship-sightings
    (FilterSpec(), "24 sightings, 30 ship-sightings (2 sightings without a ship count), "
                   "1 announced exercise (not counted as sightings), 6 Mar 2023 - 5 Nov 2025, "
                   "data current to 7 Nov 2025"),
    # fx-03 (1), fx-04 (1), fx-12 (no count)
    (FilterSpec(straits=("Tsugaru",)), "3 sightings, 2 ship-sightings (1 sighting without a ship count), "
                                       "14 Jun 2023 - 10 Oct 2024, Tsugaru Strait, data current to 7 Nov 2025"),
    # the voyage across New Year: one ship seen twice is two ship-sightings
    (FilterSpec(start=D(2024, 12, 31), end=D(2025, 1, 1), straits=("Tsushima",)),
     "2 sightings, 2 ship-sightings, 31 Dec 2024 - 1 Jan 2025, Tsushima Strait, data current to 7 Nov 2025"),
    # fx-17 (1 ship) and fx-25 (2)
    (FilterSpec(straits=("Soya",), hulls=("548",)),
     "2 sightings, 3 ship-sightings, 5 May - 5 Nov 2025, Soya Strait, hull 548, data current to 7 Nov 2025"),
    # a period running past the last report is partial
    (FilterSpec(start=D(2025, 11, 1), end=D(2025, 11, 30)),
     "1 sighting, 2 ship-sightings, 1 Nov - 30 Nov 2025 (partial: data to 7 Nov 2025)"),
    # a period ending on the last report date is complete
    (FilterSpec(start=D(2025, 11, 1), end=D(2025, 11, 7)),
     "1 sighting, 2 ship-sightings, 1 Nov - 7 Nov 2025, data current to 7 Nov 2025"),
    (FilterSpec(chinese="yes", primary=True),
     "2 sightings, 4 ship-sightings, 10 Jun - 12 Jun 2025, with Chinese ships, from Joint Staff releases, "
     "data current to 7 Nov 2025"),
    (FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31)), "No sightings match these filters. Data current to 7 Nov 2025."),
])
def test_frozen_filters006_summary_sentence(frozen, spec, sentence):
    assert summary(apply_filters(frozen, spec), spec, CURRENT_TO) == sentence


def test_frozen_filters007_the_apps_summary_and_download_follow_the_filters(frozen_client):
    """``/api/sightings.json`` and the CSV download of ``?hull=548`` hold fx-03, fx-04, fx-17, fx-25."""
    body = frozen_client.get("/api/sightings.json?hull=548").get_json()
    assert sorted(row["id"] for row in body["rows"]) == ["fx-03", "fx-04", "fx-17", "fx-25"]
    assert body["count"] == 4 and body["data_current_to"] == "2025-11-07"
    assert body["summary"] == ("4 sightings, 5 ship-sightings, 14 Jun 2023 - 5 Nov 2025, hull 548, "
                               "data current to 7 Nov 2025")
    text = frozen_client.get("/download/straitwatch.csv?hull=548").get_data(as_text=True)
    assert sorted(pd.read_csv(io.StringIO(text), dtype=str)["id"]) == ["fx-03", "fx-04", "fx-17", "fx-25"]
