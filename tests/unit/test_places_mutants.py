"""geo.places, each folding and lookup with literal answers, for make mutation (issue 20).

test_locate.py finds places through whole report phrases; these state the gazetteer's own
functions: parentheses, name keys, the spellings of one row, the Japanese lookup and its
refusal, and what the cached indexes hold (rows of data/gazetteer.csv written out below).
"""

import pytest

from geo.places import (UnknownJapanesePlace, find_place_ja, fold_ja, gazetteer, japanese_index, name_key,
                        place_index, place_point, spellings, strip_parentheses)


@pytest.mark.parametrize(("text", "expected"), [
    ("Smith Island (Sumisu-to)", "Smith Island"),
    ("Cape Soya   (Japan) (Hokkaido)", "Cape Soya"),
    ("Nemuro (a) Peninsula", "Nemuro Peninsula"),
    ("a((b))", "a()"),
    ("(lighthouse) Cape Tappi", " Cape Tappi"),
    ("no asides", "no asides"),
])
def test_places_mutant001_strip_parentheses(text, expected):
    assert strip_parentheses(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sōya's Cape-Misaki", "soya capemisaki"),
    ("Hokkaido’s Nemuro Peninsula", "hokkaido nemuro peninsula"),
    ("Ōsumi–Strait", "osumistrait"),
    ("O'Brien‐Reef", "obrienreef"),
    ("Cape  Soya, (Japan)!", "cape soya japan"),
    ("  Kami_Tsushima  ", "kami_tsushima"),
    ("Mars", "mars"),
    ("Cape's", "cape"),
    ("Capes", "capes"),
    ("", ""),
])
def test_places_mutant002_name_key_folds_spellings_together(text, expected):
    assert name_key(text) == expected


@pytest.mark.parametrize(("name", "alt_names", "expected"), [
    ("Okinotori Island", "Okinotori-shima;Okinotorishima",
     {"Okinotori Island", "Okinotori", "Okinotori Islands", "Okinotori-shima", "Okinotorishima"}),
    ("Habomai Islands", "Habomai; ;Khabomai;",
     {"Habomai Islands", "Habomai", "Habomai Island", "Khabomai"}),
    ("Sumisu-jima", "Smith ISLAND;Sumisu-tō",
     {"Sumisu-jima", "Sumisu Island", "Sumisu Islands", "Smith ISLAND", "Smith", "Smith Island", "Smith Islands",
      "Sumisu-tō"}),
    ("Cape Soya", "Soni Misaki (IHO S-23 spelling); Soya-misaki ",
     {"Cape Soya", "Soni Misaki (IHO S-23 spelling)", "Soni Misaki", "Soya-misaki"}),
    ("Kita Jima", "", {"Kita Jima", "Kita Island", "Kita Islands"}),
    ("Kita Daito Island", "Minami Daito-jima", {"Kita Daito Island", "Kita Daito", "Kita Daito Islands",
                                                "Minami Daito-jima", "Minami Daito Island", "Minami Daito Islands"}),
    ("Aogashima", "Aoga-to", {"Aogashima", "Aoga-to", "Aoga Island", "Aoga Islands"}),
    ("Island", "", {"Island"}),
])
def test_places_mutant003_spellings_of_one_row(name, alt_names, expected):
    assert spellings(name, alt_names) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("龍飛 埼", "竜飛崎"), ("犬吠埼", "犬吠崎"), ("宗谷\u3000岬\n", "宗谷岬"), ("ＡＢ１", "AB1"),
])
def test_places_mutant004_fold_ja(name, expected):
    assert fold_ja(name) == expected


def test_places_mutant005_japanese_names_found_or_refused_with_the_closest():
    assert find_place_ja("宗谷岬") == "Cape Soya"
    assert find_place_ja("龍飛埼") == "Cape Tappi"
    assert find_place_ja(" 竜飛 崎 ") == "Cape Tappi"
    with pytest.raises(UnknownJapanesePlace) as caught:
        find_place_ja("宗谷")
    assert str(caught.value) == ("unknown place '宗谷'; closest known: 宗谷岬, 宗谷海峡; add it with a sourced "
                                 "coordinate to data/gazetteer.csv (alt_names)")
    with pytest.raises(UnknownJapanesePlace) as caught:       # 4 of 8 characters shared: a ratio of 0.5, the cutoff
        find_place_ja("宗谷XYZ")
    assert str(caught.value).startswith("unknown place '宗谷XYZ'; closest known: 宗谷岬; add it")
    with pytest.raises(UnknownJapanesePlace) as caught:       # every strait ties at 0.67: three are named
        find_place_ja("海峡")
    assert str(caught.value).startswith("unknown place '海峡'; closest known: 津軽海峡, 根室海峡, 朝鮮海峡; add it")
    with pytest.raises(UnknownJapanesePlace) as caught:
        find_place_ja("ＸＹＺ")
    assert str(caught.value) == ("unknown place 'ＸＹＺ'; add it with a sourced coordinate to data/gazetteer.csv "
                                 "(alt_names)")


def test_places_mutant006_points_and_the_cached_indexes():
    """What the three cached functions make (read once; mutmut does not mutate a cached function)."""
    assert place_point("Cape Soya") == (45.5229, 141.9366)
    assert gazetteer().at["Cape Tappi", "alt_names"] == "Tappi-zaki;Tappi-misaki;Tappizaki;竜飛崎;龍飛埼 (lighthouse name)"
    index = place_index()
    assert {key: index[key] for key in ("okinotorishima", "okinotori island", "smith island",
                                        "sumisu island", "tappizaki", "cape soya", "soya misaki")} == {
        "okinotorishima": "Okinotorishima", "okinotori island": "Okinotorishima",
        "smith island": "Sumisu-jima", "sumisu island": "Sumisu-jima", "tappizaki": "Cape Tappi",
        "cape soya": "Cape Soya", "soya misaki": "Cape Soya"}
    assert "" not in index
    assert {key: japanese_index()[key] for key in ("竜飛崎", "沖ノ鳥島", "宗谷岬")} == {
        "竜飛崎": "Cape Tappi", "沖ノ鳥島": "Okinotorishima", "宗谷岬": "Cape Soya"}
    assert all(not key.isascii() for key in japanese_index())
