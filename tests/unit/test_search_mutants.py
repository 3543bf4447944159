"""The search box on hand-made rows, stated literally (mutants of dashboard/search.py): the query's
bounds, the rows' own index, and a frame whose search fields are built on the fly."""

import pandas as pd

from dashboard.search import find, mask, matched_in


def bare(index=(10, 20)) -> pd.DataFrame:
    """Two rows with no search columns and no ship columns (built on the fly, with the shipped files)."""
    return pd.DataFrame({"location_text": ["a" * 80 + "b", "Soya Strait"], "notes": ["", "Renhai"],
                         "chinese_vessels": [[], ["Renhai-class destroyer (101)"]]}, index=list(index))


def test_search_mutant001_the_answer_keeps_the_rows_index():
    got = find(bare(), "Soya")
    assert got.index.tolist() == [10, 20] and got.tolist() == ["", "place, phrase"]
    nothing = find(bare(), "   ")
    assert nothing.index.tolist() == [10, 20] and nothing.tolist() == ["", ""]
    assert mask(bare(), "soya").tolist() == [False, True]
    assert mask(bare(), "").tolist() == [False, False]


def test_search_mutant002_the_query_is_cut_to_80_characters_then_its_spaces_collapsed():
    assert find(bare(), "a" * 80 + "z").tolist() == ["phrase", ""]          # the z is past the 80th character
    assert find(bare(), "a" * 79 + "z").tolist() == ["", ""]                 # 80 characters: all read
    assert find(bare(), " soya  strait ").tolist() == ["", "place, phrase"]
    assert find(bare(), "soya\tstrait").tolist() == ["", "place, phrase"]


def test_search_mutant003_chinese_ships_name_their_class_in_a_frame_without_fields():
    # the Chinese vessel's class spelled in Japanese (data/ship_classes.csv): only the class field holds it
    assert find(bare(), "レンハイ級ミサイル駆逐艦").tolist() == ["", "class"]
    assert find(bare(), "renhai").tolist() == ["", "vessels, class, notes"]


def test_search_mutant006_ship_types_and_vessels_name_their_classes_in_a_frame_without_fields():
    frame = pd.DataFrame({"location_text": ["", ""], "ship_types": [["Udaloy I-class destroyer"], []],
                          "vessels": [[], ["Steregushchiy-class frigate (343)"]]})
    # each class spelled in Japanese (data/ship_classes.csv): only the class field holds it
    assert find(frame, "ウダロイⅠ級駆逐艦").tolist() == ["class", ""]
    assert find(frame, "ステレグシチー級フリゲート").tolist() == ["", "class"]
    assert find(frame, "343").tolist() == ["", "vessels"]


def test_search_mutant004_a_frame_with_some_fields_stored_builds_them_all():
    partial = bare().assign(**{"search:notes": ["zzz", "zzz"]})
    assert find(partial, "zzz").tolist() == ["", ""]                          # the stored column is not read
    assert find(partial, "renhai").tolist() == ["", "vessels, class, notes"]


def test_search_mutant005_stored_fields_are_read_as_stored():
    fields = ("vessel_names", "vessels", "classes", "types", "places", "location_text", "location_text_ja", "notes",
              "source_names")
    stored = pd.DataFrame({f"search:{key}": ["none", f"found {key}"] for key in fields}, index=[5, 6])
    stored["id"] = ["p", "q"]
    assert find(stored, "FOUND").tolist() == [
        "", "vessel register, vessels, class, ship types / hulls, place, phrase, Japanese sentence, notes, source names"]
    assert find(stored, "found places").tolist() == ["", "place"]
    assert matched_in([{"id": "q", "n": 1}, {"id": "r"}], stored, "found notes") == [
        {"id": "q", "n": 1, "matched_in": "notes"}, {"id": "r", "matched_in": ""}]
    assert matched_in([{"id": "p"}], stored, None) == [{"id": "p", "matched_in": ""}]     # no query, not "None"
    assert matched_in([{"id": "p"}], stored, "") == [{"id": "p", "matched_in": ""}]
