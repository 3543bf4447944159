"""sightings.classes, one behaviour per test with literal answers, for make mutation (issue 20).

test_taxonomy.py states the category of every class and every reported spelling; these
state the rest: the Japanese lookup, the class a spelling leads to, how a class the
dictionary does not know is placed by its type words, and the refusals of a bad dictionary.
Names marked "made up" are not in data/ship_classes.csv, on purpose.
"""

import pandas as pd
import pytest

from sightings.classes import ShipClass, category, check_categories, class_of, english_name, from_japanese, ship_type


def test_classes_mutant001_japanese_class_names_lead_to_their_row():
    assert from_japanese("キロ改級潜水艦") == ShipClass("キロ改級潜水艦", "Improved Kilo-class submarine", "submarine")
    assert from_japanese("バルク級航洋えい船") == ShipClass("バルク級航洋えい船", "Balk-class ocean tug", "auxiliary")
    assert from_japanese("ナゾ級駆逐艦") is None                          # made up
    assert english_name("ウダロイⅠ級駆逐艦") == "Udaloy I-class destroyer"
    assert english_name("ナゾ級駆逐艦") == "ナゾ級駆逐艦"                   # unknown: kept verbatim, never guessed


@pytest.mark.parametrize(("name", "expected"), [
    ("Udaloy I-class destroyer", "Udaloy I-class destroyer"),
    ("  Udaloy I-class Destroyers (2) ", "Udaloy I-class destroyer"),     # case, count, plural, spaces
    ("upgraded Kilo-class submarine", "Improved Kilo-class submarine"),   # another spelling of the row
    ("Steregushchiy-class frigate (corvettes)", "Steregushchiy-class frigate"),
    ("Dubna-class fleet oilers (3)", "Dubna-class replenishment ship"),
    ("destroyer", ""),
    ("Nazo-class destroyer", ""),                                         # made up
    ("", ""),
])
def test_classes_mutant002_class_of_a_spelling(name, expected):
    assert class_of(name) == expected


@pytest.mark.parametrize(("name", "expected"), [
    # classes of the dictionary, however the count and plural are written
    ("Udaloy I-class destroyers (2)", "destroyer"),
    ("Balk-class ocean tug", "auxiliary"),
    ("Igor Belousov-class ship", "auxiliary"),                        # a spelling of the row: its words say "ship"
    # generic words, whole
    ("tank landing ships (3)", "landing ship"),
    ("Missile Boats", "patrol craft"),
    ("submarine rescue ship", "auxiliary"),
    ("ships", ""),
    # made-up classes: the type words after the last "-class ", brackets aside
    ("Nazo-class frigate", "frigate"),
    ("Nazo-class frigates (2)", "frigate"),
    ("Nazo-class (Project 1) Missile Boats (2)", "patrol craft"),
    ("Nazo-class (Project 1)  missile   boat", "patrol craft"),
    ("cruiser (Varyag)", "cruiser"),
    ("Nazo-class Kumo-class corvette", "corvette"),
    ("Nazo-class ship", ""),
    ("Nazo-class submarine hunter", ""),                                  # never a substring guess
    ("Nazo-class", ""),
    ("a ship (with a frigate)", ""),
])
def test_classes_mutant003_ship_type_of_a_name(name, expected):
    assert ship_type(name) == expected


def test_classes_mutant004_a_long_name_is_read_to_300_characters():
    # the type words of a made-up class are looked for in its first 300 characters only (a bound on input)
    assert ship_type("x" * 282 + "Nazo-class frigate") == "frigate"          # 300 characters
    assert ship_type("x" * 283 + "Nazo-class frigate") == ""                 # 301: read as "... frigat"


@pytest.mark.parametrize(("name", "expected"), [
    ("Igor Belousov-class submarine rescue ship", "Auxiliary"),   # the dictionary's category, not "submarine"
    ("Kilo-class submarines (3)", "Submarine"),
    ("Nazo-class intelligence ship", "Intelligence"),             # made up: by its type words
    ("cargo ship", "Other / unspecified"),
    ("Nazo-class ship", "Other / unspecified"),
])
def test_classes_mutant005_category_of_a_name(name, expected):
    assert category(name) == expected


def classes(**cells) -> pd.DataFrame:
    base = {"class_en": "Nazo-class frigate", "ship_type": "frigate", "category": "Surface combatant",
            "category_source": "https://example.org/nazo"}
    return pd.DataFrame([base, {**base, **cells}])


def test_classes_mutant006_a_good_dictionary_passes():
    assert check_categories(classes()) is None
    assert check_categories(classes(category_source="http://example.org/nazo")) is None


@pytest.mark.parametrize(("cells", "message"), [
    ({"category": "Warship"}, "data/ship_classes.csv: class 'Nazo-class frigate' has unknown category 'Warship'; "
                              "expected one of ['Submarine', 'Surface combatant', 'Amphibious', 'Mine warfare', "
                              "'Auxiliary', 'Intelligence', 'Other / unspecified']"),
    ({"category": "Auxiliary"}, "data/ship_classes.csv: class 'Nazo-class frigate' has category 'Auxiliary' but its "
                                "ship_type 'frigate' is 'Surface combatant' (sightings.classes.TYPE_CATEGORY); "
                                "correct one of them"),
    ({"category_source": "example.org/nazo"}, "data/ship_classes.csv: class 'Nazo-class frigate' has no "
                                              "category_source; give the URL of a page stating the class's role"),
    ({"category_source": ""}, "data/ship_classes.csv: class 'Nazo-class frigate' has no category_source; give the "
                              "URL of a page stating the class's role"),
])
def test_classes_mutant007_a_bad_dictionary_row_is_refused_by_name(cells, message):
    with pytest.raises(ValueError) as caught:
        check_categories(classes(**cells))
    assert str(caught.value) == message
