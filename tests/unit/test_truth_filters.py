"""Issue 18: filters that match what the map shows (points 4, 5 and two of point 13).

Hand-made rows with the ids each filter must select written out; the live dataset is read
only for invariants (a row naming a sea is found by that sea), never for counts.
"""

import pandas as pd
import pytest

from dashboard.facets import BY_FIELD, classes_in_cell, options
from dashboard.filters import FilterSpec, apply_filters, facet_counts
from dashboard.urlstate import spec_to_query
from sightings import pipeline

DEFAULTS = {"event_date": "2022-01-01", "ships": 1, "strait": "", "sea_area": "", "named_seas": [],
            "position_kind": "reported", "lat": 40.0, "lon": 140.0, "hull_numbers": [], "ship_types": [],
            "vessels": [], "chinese_vessels": [], "activity": "transit", "with_chinese_ships": False,
            "source_urls": ["https://example.org/report"]}


def rows(*given: dict) -> pd.DataFrame:
    """Hand-made rows (every unnamed column at its default) with the pipeline's facet columns."""
    frame = pd.DataFrame([{**DEFAULTS, **row} for row in given])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return pipeline.add_facets(frame)


def chosen(frame: pd.DataFrame, **spec) -> list[str]:
    return sorted(apply_filters(frame, FilterSpec.clean(options(frame), **spec))["id"])


# -- point 4: a report naming two seas is found by either -------------------------------------

SEAS = rows(
    {"id": "two-seas", "position_kind": "area", "lat": None, "lon": None, "sea_area": "Sea of Japan",
     "named_seas": ["Sea of Japan", "Sea of Okhotsk"]},                       # 2022-02-15's wording
    {"id": "okhotsk-point", "sea_area": "Sea of Okhotsk", "named_seas": ["Sea of Okhotsk"]},
    {"id": "japan-point", "sea_area": "Sea of Japan", "named_seas": []},
    {"id": "point-and-report-differ", "sea_area": "Pacific Ocean", "named_seas": ["Sea of Japan"]},
    {"id": "no-sea", "position_kind": "unlocated", "lat": None, "lon": None},
)


@pytest.mark.parametrize(("seas", "expected"), [
    (["Sea of Okhotsk"], ["okhotsk-point", "two-seas"]),
    (["Sea of Japan"], ["japan-point", "point-and-report-differ", "two-seas"]),
    (["Pacific Ocean"], ["point-and-report-differ"]),
    (["not stated"], ["no-sea"]),
    (["East China Sea"], []),
])
def test_truth04_sea_facet_matches_every_sea_a_report_names(seas, expected):
    assert chosen(SEAS, seas=seas) == expected


def test_truth04b_sea_counts_count_each_named_sea():
    counts = facet_counts(SEAS, FilterSpec(), "seas")
    assert {sea: counts.get(sea, 0) for sea in ("Sea of Japan", "Sea of Okhotsk", "Pacific Ocean", "not stated")} \
        == {"Sea of Japan": 3, "Sea of Okhotsk": 2, "Pacific Ocean": 1, "not stated": 1}


def test_truth04c_every_row_naming_a_sea_is_found_by_it(sightings):
    """Invariant of the shipped data: the sea filter keeps each row whose report names that sea
    (what the map highlights for an area report) and each row whose point lies in it."""
    for sea in ("Sea of Japan", "Sea of Okhotsk", "East China Sea", "Pacific Ocean"):
        found = set(apply_filters(sightings, FilterSpec(seas=(sea,)))["id"])
        named = sightings[sightings["named_seas"].map(lambda seas: sea in seas) | (sightings["sea_area"] == sea)]
        assert set(named["id"]) == found, sea


# -- point 5: a ship class in any spelling the dictionary lists --------------------------------

CLASSES = rows(
    {"id": "written-missile", "ship_types": ["Udaloy I-class missile destroyer"]},   # hull 548's first sighting
    {"id": "plural-count", "ship_types": ["Udaloy I-class destroyers (2)", "Slava-class cruiser"]},
    {"id": "vessel-entry", "ship_types": ["destroyers"], "vessels": ["Udaloy I-class destroyer (548)"]},
    {"id": "other-udaloy", "ship_types": ["Udaloy III-class destroyer"]},
    {"id": "no-class", "ship_types": ["destroyer"]},
    {"id": "chinese", "ship_types": ["Steregushchiy-class corvette"], "with_chinese_ships": True,
     "chinese_vessels": ["Renhai-class destroyer (103)"]},
)


@pytest.mark.parametrize(("classes", "expected"), [
    (["Udaloy I-class destroyer"], ["plural-count", "vessel-entry", "written-missile"]),
    (["Udaloy III-class destroyer"], ["other-udaloy"]),
    (["Udaloy I-class destroyer", "Udaloy III-class destroyer"],
     ["other-udaloy", "plural-count", "vessel-entry", "written-missile"]),
    (["Slava-class missile cruiser"], ["plural-count"]),
    (["Steregushchiy-class frigate"], ["chinese"]),                  # "corvette" is a listed spelling
    (["Renhai-class destroyer"], ["chinese"]),                        # a Chinese vessel entry
])
def test_truth05_class_facet_matches_every_listed_spelling(classes, expected):
    assert chosen(CLASSES, classes=classes) == expected


def test_truth05b_class_facet_takes_any_dictionary_class_and_nothing_else():
    cleaned = FilterSpec.clean(options(CLASSES), classes=["Udaloy I-class destroyer", "Udaloy I-class missile "
                                                          "destroyer", "<script>"])
    assert cleaned.classes == ("Udaloy I-class destroyer",)          # a spelling is not a class_en
    assert "Yasen-class nuclear-powered submarine" in options(CLASSES)["classes"]   # in no row, still a class
    assert "?class=Udaloy+I-class+destroyer" in spec_to_query(
        FilterSpec(classes=("Udaloy I-class destroyer",)))


def test_truth05c_udaloy_i_search_misses_what_the_class_finds(sightings):
    """Invariant of the shipped data: the class finds every row the plain-text search finds, and
    more (a row written "Udaloy I-class missile destroyer")."""
    by_class = set(apply_filters(sightings, FilterSpec(classes=("Udaloy I-class destroyer",)))["id"])
    by_text = set(sightings[(sightings["ship_types"].map(" ".join) + " " + sightings["vessels"].map(" ".join))
                  .str.contains("Udaloy I-class destroyer", regex=False)]["id"])
    written_otherwise = set(sightings[sightings["ship_types"].map(
        lambda types: "Udaloy I-class missile destroyer" in types)]["id"])
    assert by_text < by_class and written_otherwise <= by_class


# -- point 13: behaviours no test stated ---------------------------------------------------------

def test_truth13_a_row_with_no_ship_type_is_other_unspecified():
    """A row whose report gives no ship type is found under "Other / unspecified" (and counted there)."""
    frame = rows({"id": "untyped", "ship_types": []}, {"id": "destroyer", "ship_types": ["destroyer"]},
                 {"id": "unknown-word", "ship_types": ["warship"]})
    assert chosen(frame, ship_types=["Other / unspecified"]) == ["unknown-word", "untyped"]
    assert facet_counts(frame, FilterSpec(), "ship_types")["Other / unspecified"] == 2
    assert "Other / unspecified" in options(frame)["ship_types"]


@pytest.mark.parametrize(("cell", "expected"), [
    ("Udaloy I-class destroyer; Udaloy III-class destroyer", ("Udaloy I-class destroyer", "Udaloy III-class destroyer")),
    ("Udaloy I-class destroyer", ("Udaloy I-class destroyer",)),
    ("not stated", ()),
    ("Udaloy I-class destroyer; Nonexistent-class boat", ("Udaloy I-class destroyer",)),
    (None, ()),
])
def test_truth13b_a_two_class_vessel_cell_names_each_class(cell, expected):
    assert classes_in_cell(cell, options(CLASSES)["classes"]) == expected


def test_truth13c_a_click_on_a_two_class_vessel_cell_matches_rows():
    """The vessels table's "A; B" class cell filters on both classes: rows of either, not none."""
    classes = classes_in_cell("Udaloy I-class destroyer; Udaloy III-class destroyer", options(CLASSES)["classes"])
    assert chosen(CLASSES, classes=list(classes)) == ["other-udaloy", "plural-count", "vessel-entry",
                                                      "written-missile"]
    assert BY_FIELD["classes"].phrase(classes) == "Udaloy I-class destroyer or Udaloy III-class destroyer"
