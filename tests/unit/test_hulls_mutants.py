"""Hull numbers' order and the empty vessels table, stated literally (mutants of sightings/hulls.py)."""

import pandas as pd

from sightings.hulls import HULL_COLUMNS, hull_classes, hull_sort_key, hull_table, types_class, vessel_classes


def test_hulls_mutant001_sort_key_numbers_first_then_letters():
    assert hull_sort_key("011") == (0, 11, "011")
    assert hull_sort_key("A1") == (1, 0, "A1")
    assert sorted(["B2", "A1", "80", "011", "11"], key=hull_sort_key) == ["011", "11", "80", "A1", "B2"]


def test_hulls_mutant002_an_empty_selection_has_the_columns_and_their_types():
    empty = pd.DataFrame({"event_date": pd.Series([], dtype="datetime64[ns]"), "strait": [], "ship_types": [],
                          "vessels": [], "hull_numbers": []})
    table = hull_table(empty)
    assert list(table.columns) == list(HULL_COLUMNS) and len(table) == 0
    assert {name: str(dtype) for name, dtype in table.dtypes.items()} == {
        "hull": "object", "class": "object", "first": "datetime64[ns]", "last": "datetime64[ns]",
        "sightings": "object", "straits": "object"}


def test_hulls_mutant003_vessel_entries_name_their_hull_class():
    assert vessel_classes(["Udaloy I-class destroyer (543)", "  Steregushchiy-class frigate (333)  ",
                           "Admiral Panteleyev", "Unknown-class boat (12)", "Udaloy I-class destroyer (123456789)"]) \
        == {"543": "Udaloy I-class destroyer", "333": "Steregushchiy-class frigate"}
    assert types_class(["Udaloy I-class destroyers (2)", "Udaloy I-class destroyer"]) == "Udaloy I-class destroyer"
    assert types_class([]) == ""
    assert hull_classes(["Udaloy I-class destroyer"], ["Udaloy I-class destroyer (543)"], ["543", "548"]) == \
        ["Udaloy I-class destroyer", "Udaloy I-class destroyer"]      # the entry agrees: the row keeps its one class


def test_hulls_mutant004_straits_in_the_schema_order_not_the_alphabet():
    rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-01-01", "2022-02-01"]), "strait": ["Osumi", "Tsugaru"],
                         "ship_types": [[], []], "vessels": [[], []], "hull_numbers": [["548"], ["548"]]})
    assert hull_table(rows)["straits"].tolist() == ["Tsugaru, Osumi"]


def test_hulls_mutant005_a_vessel_entry_is_read_to_200_characters():
    padded = "Udaloy I-class destroyer" + " " * 170 + "(543)"                   # 199 characters: read
    assert vessel_classes([padded]) == {"543": "Udaloy I-class destroyer"}
    assert vessel_classes(["Udaloy I-class destroyer" + " " * 172 + "(543)"]) == {}     # 201: its ')' is cut
