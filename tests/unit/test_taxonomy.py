"""The one ship taxonomy (issue 25 item 4, issue 20): every class of data/ship_classes.csv and every
ship type a report writes has the category written by hand below, and "Submarine" means submarines.

The table is the expectation, written out by a person from the class articles and the type words
the reports state; the code under test (:mod:`sightings.classes`) must agree with it. A new class
or a new spelling in the data fails :func:`test_tax02_every_reported_type_is_in_the_hand_table`
by name until someone adds it here.
"""

import pandas as pd
import pytest

from dashboard.facets import FACETS, RENAMED_TYPES
from dashboard.filters import FilterSpec, apply_filters
from dashboard.urlstate import spec_from_query
from sightings.classes import CATEGORIES, categories, category, check_categories, ship_classes
from sightings.store import DATASET

SUB, SURFACE, AMPHIBIOUS, MINE = "Submarine", "Surface combatant", "Amphibious", "Mine warfare"
AUX, INTEL, OTHER = "Auxiliary", "Intelligence", "Other / unspecified"

#: Category -> the class names (dictionary ``class_en``) and reported ship-type values in it.
BY_HAND = {
    SUB: (
        "Improved Kilo-class submarine", "Kilo-class submarine", "Kilo-class (Project 877) submarine",
        "Kilo-class submarines (3)", "Borei-class nuclear ballistic missile submarine",
        "Borei-class (Project 955) nuclear ballistic missile submarine",
        "Delta III-class ballistic missile nuclear submarine", "Yasen-class nuclear-powered submarine",
        "submarine", "submarines", "submarines (2)",
    ),
    SURFACE: (
        # cruisers
        "Slava-class missile cruiser", "Slava-class cruiser", "Slava-class guided-missile cruiser",
        "Kirov-class missile cruiser", "cruiser", "cruiser (Varyag)", "missile cruiser", "guided-missile cruiser",
        # destroyers (Russia's "large anti-submarine ship" is a destroyer, not a submarine)
        "Udaloy I-class destroyer", "Udaloy I-class destroyer (1)", "Udaloy I-class destroyer (2)",
        "Udaloy I-class destroyers (2)", "Udaloy I-class missile destroyer", "Udaloy I-class missile destroyers (2)",
        "Udaloy III-class destroyer", "Udaloy-class destroyer", "Udaloy-class anti-submarine destroyer",
        "Udaloy-class destroyer (large ASW ship)", "Udaloy-class destroyers (2)", "Udaloy-class frigate (destroyer)",
        "Sovremenny-class destroyer", "Sovremenny-class missile destroyer", "Sovremenny I-class missile destroyer",
        "Renhai-class destroyer", "Luyang III-class destroyer", "anti-submarine destroyer", "destroyer",
        "destroyer (Bystry)", "destroyers", "large anti-submarine ship (Admiral Tributs)",
        # frigates and corvettes
        "Steregushchiy-class frigate", "Steregushchiy-class frigate (2)", "Steregushchiy-class frigates",
        "Steregushchiy-class frigates (2)", "Steregushchiy-class frigates (3)",
        "Steregushchiy-class frigates (corvettes)", "Steregushchiy-class corvette (frigate)",
        "Steregushchiy-class corvettes (2)", "Steregushchiy-class (Project 20380) frigate (2)",
        "Project 20380 corvettes (2)", "corvette (Steregushchiy class)", "Steregushchiy II-class frigate",
        "Steregushchiy II-class frigate (1)", "Steregushchiy III-class frigate", "Gremyashchiy-class corvette",
        "Admiral Gorshkov-class frigate", "Jiangkai II-class frigate", "frigate", "frigate (1)", "frigates",
        "frigate (Marshal Shaposhnikov)", "frigate (corvette)",
        "Grisha III-class small frigate", "Grisha III-class corvette", "Grisha V-class small frigate",
        "Grisha V-class small frigates", "Grisha V-class small frigates (2)", "Grisha V-class small frigates (4)",
        "Grisha V-class corvette (2)", "Grisha V-class light frigate", "corvettes", "corvettes (2)",
        "small frigates (corvettes)", "Tarantul II-class missile corvette", "Tarantul III-class missile corvette (2)",
        "Tarantul III-class missile corvette (6)",
        # missile boats
        "Tarantul III-class missile patrol boat", "Tarantul III-class missile patrol boats (2)",
        "Tarantul III-class missile patrol boats (6)", "Tarantul III-class missile patrol boats (7)",
        "Tarantul III-class missile boat (2)", "Nanuchka III-class missile patrol boat", "missile boat",
        "missile patrol boats",
    ),
    AMPHIBIOUS: (
        "Ropucha I-class tank landing ship", "Ropucha I-class landing ship", "Ropucha I-class tank landing ships (2)",
        "Ropucha II-class tank landing ship", "Ropucha II-class landing ship",
        "Ropucha II-class (Project 775M) large landing ship", "Alligator-class tank landing ship",
        "Alligator IV-class tank landing ship", "tank landing ships",
    ),
    MINE: ("Alexandrit-class minesweeper", "coastal minesweepers (2)"),
    AUX: (
        # replenishment ships, oilers, tankers
        "Dubna-class replenishment ship", "Dubna-class fleet oiler", "Dubna-class tanker",
        "replenishment ship (Dubna class)", "Boris Chilikin-class replenishment ship", "Boris Chilikin-class fleet oiler",
        "Altay (modified)-class replenishment ship", "Altay (modified)-class replenishment ship (2)",
        "Fuchi-class replenishment ship", "Kaliningradneft-class replenishment ship", "Toplivo III-class oiler",
        "replenishment ship", "replenishment ship (Boris Butoma)", "replenishment oiler",
        "large sea tanker (Boris Butoma)",
        # tugs and rescue ships (a submarine rescue ship is not a submarine)
        "Balk-class ocean tug", "Goryn-class ocean tug", "Okhotsk-class ocean tug", "Pera-class ocean tug",
        "Sorum-class ocean tug", "Elbrus-class ocean tug", "ocean tug", "Baklazhan-class rescue tug",
        "Baklazhan-class (Project R-5757) rescue tug", "Ingul-class rescue tug", "Sliva-class rescue tug",
        "tug (Sliva class)", "rescue tug", "rescue tug (Alatau)", "tug",
        "Igor Belousov-class submarine rescue ship", "Igor Belousov-class ship", "submarine rescue ship",
        # support, survey, tracking, hospital, repair, ice
        "Amga-class missile support ship", "Zvezdochka-class weapons transport",
        "Zvezdochka-class weapons transport (naval weapons carrier)", "Kamenka-class survey ship",
        "Kamenka-class survey ships (2)", "Marshal Nedelin-class missile range instrumentation ship",
        "Marshal Nedelin-class missile range instrumentation ship (1)", "Marshal Nedelin-class missile tracking ship",
        "Marshal Nedelin-class tracking ship", "missile range instrumentation ship", "missile tracking ships",
        "Ob-class hospital ship", "hospital ship", "Amur-class repair ship", "icebreaker",
    ),
    INTEL: (
        "Balzam-class intelligence ship", "Vishnya-class intelligence ship",
        "Vishnya-class (Project 864) intelligence ship", "Dongdiao-class intelligence ship", "intelligence ship",
    ),
    OTHER: (
        # the JSO counts cargo ships under the Russian Navy without stating their status (p20260511_01)
        "cargo ship", "Pacific Fleet ships", "Pacific Fleet vessels", "Pacific Fleet warships", "other vessels",
        "other vessels (2)", "other warships", "others (types not listed)", "unspecified others",
        "warships (incl. frigate Marshal Shaposhnikov)", "warships and support vessels",
    ),
}
HAND = {name: kind for kind, names in BY_HAND.items() for name in names}
#: The generic words issue 20 names, placed by the table of sightings.classes.
GENERIC = {"destroyer": SURFACE, "frigate": SURFACE, "landing ship": AMPHIBIOUS, "submarine": SUB,
           "intelligence gathering ship": INTEL, "supply ship": AUX, "tug": AUX}


def reported_types() -> list[str]:
    """Every distinct ship_types value of data/sightings.csv, read as plain text ("; "-separated)."""
    cells = pd.read_csv(DATASET, dtype=str, keep_default_na=False)["ship_types"]
    return sorted({name for cell in cells for name in cell.split("; ") if name})


def test_tax00_hand_table_puts_each_value_in_one_category():
    names = [name for names in BY_HAND.values() for name in names]
    assert sorted(name for name in set(names) if names.count(name) > 1) == []
    assert tuple(BY_HAND) == CATEGORIES


def test_tax01_every_dictionary_class_has_its_hand_checked_category():
    classes = ship_classes()
    missing = sorted(set(classes["class_en"]) - set(HAND))
    assert not missing, f"classes of data/ship_classes.csv missing from the hand table: {missing}"
    stated = dict(zip(classes["class_en"], classes["category"], strict=True))
    assert {name: stated[name] for name in stated} == {name: HAND[name] for name in stated}
    assert {name: category(name) for name in stated} == {name: HAND[name] for name in stated}


def test_tax02_every_reported_type_is_in_the_hand_table():
    missing = [name for name in reported_types() if name not in HAND]
    assert not missing, f"ship_types values of data/sightings.csv missing from the hand table: {missing}"


def test_tax03_every_reported_type_has_its_hand_checked_category():
    names = reported_types()
    assert {name: category(name) for name in names} == {name: HAND[name] for name in names}


@pytest.mark.parametrize("word", GENERIC)
def test_tax04_generic_words_without_a_class(word):
    assert category(word) == GENERIC[word]


def test_tax05_every_class_states_a_category_source():
    classes = ship_classes()
    assert classes["category_source"].str.match(r"^https?://\S+$").all()
    assert set(classes["category"]) <= set(CATEGORIES)


def test_tax06_a_category_that_disagrees_with_its_type_is_refused():
    rows = pd.DataFrame({"class_en": ["Igor Belousov-class submarine rescue ship"], "ship_type": ["auxiliary"],
                         "category": [SUB], "category_source": ["https://en.wikipedia.org/wiki/x"]})
    with pytest.raises(ValueError, match="Igor Belousov-class submarine rescue ship.*'Submarine'.*'Auxiliary'"):
        check_categories(rows)
    with pytest.raises(ValueError, match="no category_source"):
        check_categories(rows.assign(category=[AUX], category_source=[""]))


def test_tax07_row_categories_each_once_in_display_order():
    assert categories(["Igor Belousov-class submarine rescue ship", "Udaloy I-class destroyers (2)",
                       "Improved Kilo-class submarine", "destroyer"]) == [SUB, SURFACE, AUX]
    assert categories([]) == [OTHER]
    assert categories(["a new thing"]) == [OTHER]


def test_tax08_submarine_filter_returns_only_rows_with_a_submarine(sightings):
    """The acceptance invariant on the shipped data: every row "Submarine" returns names a
    submarine in the hand table, and every row naming one is returned."""
    rows = apply_filters(sightings, FilterSpec(ship_types=(SUB,)))
    names_sub = sightings["ship_types"].map(lambda names: any(HAND.get(n) == SUB for n in names))
    assert len(rows) > 0
    assert rows["id"].tolist() == sightings.loc[names_sub, "id"].tolist()


def test_tax09_each_category_filter_matches_the_hand_table(sightings):
    for kind in CATEGORIES:
        rows = apply_filters(sightings, FilterSpec(ship_types=(kind,)))
        want = sightings["ship_types"].map(lambda names, k=kind: any(HAND.get(n) == k for n in names)
                                           or (k == OTHER and not names))
        assert rows["id"].tolist() == sightings.loc[want, "id"].tolist(), kind


OPTIONS = {"ship_types": tuple(CATEGORIES)}


@pytest.mark.parametrize(("query", "expected"), [
    ("?type=Submarine", (SUB,)),
    ("?type=Auxiliary&type=Amphibious", (AUX, AMPHIBIOUS)),
    # renamed values of the earlier regex categories hold the same ships: old links keep working
    ("?type=Landing+ship", (AMPHIBIOUS,)),
    ("?type=Intelligence+ship", (INTEL,)),
    ("?type=Minesweeper&type=Mine+warfare", (MINE,)),
    # narrower old values would widen to a category: dropped like any unknown value
    ("?type=Destroyer", ()),
    ("?type=Oiler+%2F+supply&type=Submarine", (SUB,)),
])
def test_tax10_type_url_values_old_and_new(query, expected):
    assert spec_from_query(query, OPTIONS).ship_types == expected


def test_tax11_renamed_values_point_at_categories():
    assert RENAMED_TYPES == {"Landing ship": AMPHIBIOUS, "Intelligence ship": INTEL, "Minesweeper": MINE}
    assert next(f for f in FACETS if f.field == "ship_types").param == "type"
