"""sightings.textsearch, the folded texts of each field on hand-made rows and files, for make mutation (issue 20).

The register names hull 011 Varyag over 2000-2009 and Other from 2010, and 548 on any day; the
dictionary spells the Udaloy I class four ways; the gazetteer holds Cape Erimo and the Oki Islands.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sightings.textsearch import FIELDS, MAX_FIELD, _place_index, _places, _places_in, _whole, fold, search_fields

REGISTER = pd.DataFrame([
    {"hull_number": "548", "name": "Admiral Panteleyev", "name_ja": "アドミラル・パンテレーエフ", "carried_from": "",
     "carried_to": ""},
    {"hull_number": "011", "name": "Varyag", "name_ja": "", "carried_from": "2000-01-01", "carried_to": "2009-12-31"},
    {"hull_number": "011", "name": "Other", "name_ja": "", "carried_from": "2010-01-01", "carried_to": ""},
])
CLASSES = pd.DataFrame([
    {"class_en": "Udaloy I-class destroyer", "english_spellings": "Udaloy I destroyer; Udaloy-I ",
     "class_ja": "ウダロイⅠ級駆逐艦", "nato_name": "Udaloy I"},
    {"class_en": "Slava-class missile cruiser", "english_spellings": "", "class_ja": "スラヴァ級ミサイル巡洋艦",
     "nato_name": ""},
])
PLACES = pd.DataFrame({"name": ["Cape Erimo", "Oki Islands"], "alt_names": ["Erimo-misaki;襟裳岬", "隠岐"]})


def _frame(**columns) -> pd.DataFrame:
    return pd.DataFrame({
        "location_text": ["about 100 km SOUTH of Cape Erimo", "Oki"], "location_text_ja": ["", "隠岐の北"],
        "notes": ["Ｎｏｔｅ", ""], "source_names": [["FlyTeam", "JSO"], []], "vessels": [["Varyag"], []],
        "chinese_vessels": [["Renhai"], []], "ship_types": [["Udaloy I-class destroyer"], []],
        "hull_numbers": [["548", "011"], ["011"]], "event_date": pd.to_datetime(["2005-01-01", "2010-01-01"]),
        **columns})


def test_textsearch_mutant001_fold_is_nfkc_then_casefold_cut_at_the_field_limit():
    assert fold("Ｖｉｌｋｏｖ ｳﾀﾞﾛｲⅠ級 STRAßE") == "vilkov ウダロイi級 strasse"
    assert fold("Ａ" * (MAX_FIELD + 5)) == "a" * 20_000
    assert fold("") == ""


def test_textsearch_mutant002_every_field_of_two_rows():
    fields = search_fields(_frame(), [["Udaloy I-class destroyer", "Nope"], []], REGISTER, CLASSES, PLACES)
    assert fields.columns.tolist() == list(FIELDS)
    assert fields.to_dict("records") == [
        {"vessel_names": "admiral panteleyev | アドミラル・パンテレーエフ | varyag",      # 011 is Varyag in 2005
         "vessels": "varyag | renhai",
         "classes": "udaloy i-class destroyer | udaloy i destroyer | udaloy-i | ウダロイi級駆逐艦 | udaloy i",
         "types": "udaloy i-class destroyer | 548 | 011",
         "places": "cape erimo | erimo-misaki | 襟裳岬",
         "location_text": "about 100 km south of cape erimo", "location_text_ja": "", "notes": "note",
         "source_names": "flyteam | jso"},
        {"vessel_names": "other", "vessels": "", "classes": "", "types": "011",            # and Other from 2010
         "places": "oki | oki island | oki islands | 隠岐", "location_text": "oki", "location_text_ja": "隠岐の北",
         "notes": "", "source_names": ""}]


def test_textsearch_mutant003_undated_names_alone_without_a_date_or_dated_rows():
    frame = _frame().drop(columns="event_date")
    fields = search_fields(frame, [[], []], REGISTER, CLASSES, PLACES)
    assert fields["vessel_names"].tolist() == ["admiral panteleyev | アドミラル・パンテレーエフ", ""]
    undated = REGISTER.iloc[:1]
    assert search_fields(_frame(), [[], []], undated, CLASSES, PLACES)["vessel_names"].tolist() == [
        "admiral panteleyev | アドミラル・パンテレーエフ", ""]


def test_textsearch_mutant004_each_row_its_own_days_names():
    frame = _frame(hull_numbers=[["548", "011"], ["548", "011"]],
                   event_date=pd.to_datetime(["2009-12-31", "1999-01-01"]))
    register = pd.concat([REGISTER, REGISTER.iloc[[1]].assign(hull_number="548", name="Dated", name_ja="")])
    assert search_fields(frame, [[], []], register, CLASSES, PLACES)["vessel_names"].tolist() == [
        "admiral panteleyev | アドミラル・パンテレーエフ | dated | varyag",
        "admiral panteleyev | アドミラル・パンテレーエフ"]


def test_textsearch_mutant005_columns_left_out_are_empty_fields_on_the_frames_index():
    frame = pd.DataFrame({"location_text": ["near Cape Erimo"], "hull_numbers": [["548"]]}, index=[7])
    fields = search_fields(frame, [[]], REGISTER, CLASSES, PLACES)
    assert fields.index.tolist() == [7]
    assert fields.loc[7].to_dict() == {
        "vessel_names": "admiral panteleyev | アドミラル・パンテレーエフ", "vessels": "", "classes": "", "types": "548",
        "places": "cape erimo | erimo-misaki | 襟裳岬", "location_text": "near cape erimo", "location_text_ja": "",
        "notes": "", "source_names": ""}


def test_textsearch_mutant006_the_shipped_files_by_default():
    """The shipped register names 548 Admiral Panteleyev; the dictionary spells the Udaloy I class in
    Japanese; the gazetteer spells Cape Erimo 襟裳岬."""
    frame = pd.DataFrame({"location_text": ["off Cape Erimo"], "hull_numbers": [["548"]]})
    fields = search_fields(frame, [["Udaloy I-class destroyer"]])
    assert "admiral panteleyev" in fields.loc[0, "vessel_names"]
    assert "ウダロイi級駆逐艦" in fields.loc[0, "classes"]
    assert "襟裳岬" in fields.loc[0, "places"]


@pytest.mark.parametrize(("text", "found"), [
    ("near the oki islands", [1]),
    ("off okinawa", []),                        # oki inside a longer word
    ("tokio", []),
    ("oki2", []), ("2oki", []),                 # digits join words too
    ("oki, then cape erimo", [1, 0]),           # in the order found
    ("cape erimo and oki and erimo-misaki", [0, 1]),   # each place once
    ("oki", [1]),                               # the whole text
    ("北の隠岐", [1]), ("隠岐の北", [1]),           # Japanese: no word boundaries, at either end
    ("x隠岐", [1]), ("隠岐x", [1]),               # a Latin letter does not join a Japanese name
    ("の oki", [1]), ("のoki", [1]),
    ("o", []), ("", []),
])
def test_textsearch_mutant007_places_named_as_whole_words_in_order(text, found):
    index, _ = _place_index(PLACES)
    assert _places_in(text, index) == found


def test_textsearch_mutant008_the_place_index_by_first_two_characters():
    index, texts = _place_index(pd.DataFrame({"name": ["Oki Islands", "Kyushu"], "alt_names": ["隠岐; 島 ", ""]}))
    assert texts == ["oki | oki island | oki islands | 島 | 隠岐", "kyushu"]
    assert {key: sorted(found) for key, found in index.items()} == {
        "ok": [("oki", 0), ("oki island", 0), ("oki islands", 0)], "隠岐": [("隠岐", 0)], "ky": [("kyushu", 1)]}


@pytest.mark.parametrize(("text", "start", "name", "whole"), [
    ("xo島島", 1, "o島島", False),      # a Latin first character joins the letter before it
    ("x島島o", 1, "島島o", True),       # a Japanese first character does not
    ("島島ox", 0, "島島o", False),      # a Latin last character joins the letter after it
    ("o島島x", 0, "o島島", True),       # a Japanese last character does not
    ("oki", 0, "oki", True), ("oki ", 0, "oki", True), (" oki", 1, "oki", True),
])
def test_textsearch_mutant009_a_names_own_first_and_last_characters_decide_whether_it_joins_a_word(
        text, start, name, whole):
    assert _whole(text, start, name) is whole


def test_textsearch_mutant010_a_text_naming_two_places_gets_the_spellings_of_both():
    text = pd.Series(["oki and cape erimo", "oki and cape erimo", "隠岐"], index=[3, 1, 2])
    got = _places(text, PLACES)
    assert got.to_dict() == {3: "oki | oki island | oki islands | 隠岐 | cape erimo | erimo-misaki | 襟裳岬",
                             1: "oki | oki island | oki islands | 隠岐 | cape erimo | erimo-misaki | 襟裳岬",
                             2: "oki | oki island | oki islands | 隠岐"}
