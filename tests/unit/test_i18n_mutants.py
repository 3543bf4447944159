"""The page's language and the names of things, stated literally (mutants of dashboard/i18n.py)."""

import flask
import pytest

from dashboard.i18n import (FIGURE_FONT, N_, either, figure_font, language, language_of_query, name,
                            request_language, translate, translated_columns, translator, vocabulary, with_language)


@pytest.mark.parametrize(("value", "expected"), [
    ("ja", "ja"), ("en", "en"), ("JA", "en"), ("fr", "en"), (["ja"], "en"), (None, "en"), ("", "en"),
])
def test_i18n_mutant001_a_known_language_or_english(value, expected):
    assert language(value) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("?strait=Soya&lang=ja", "ja"), ("lang=ja", "ja"), ("?lang=ja&lang=en", "ja"), ("?lang=en&lang=ja", "en"),
    ("?language=ja", "en"), ("?Xlang=ja", "en"), ("?lang=xx", "en"), ("", "en"), (None, "en"),
    ("?" + "x" * 3990 + "&lang=ja", "ja"),                  # 3998 characters: read whole
    ("?" + "x" * 3993 + "&lang=ja", "en"),                  # 4001: cut at 4000, 'lang=j'
])
def test_i18n_mutant002_the_language_a_query_string_asks_for(query, expected):
    assert language_of_query(query) == expected


@pytest.mark.parametrize(("query", "lang", "expected"), [
    ("?strait=Soya", "ja", "?strait=Soya&lang=ja"),
    ("strait=Soya", "ja", "?strait=Soya&lang=ja"),
    ("?lang=ja&strait=Soya", "en", "?strait=Soya"),
    ("?lang=ja&strait=Soya&lang=ja", "ja", "?strait=Soya&lang=ja"),
    ("?lang=ja", "fr", ""),                                  # an unknown language is the default's: no parameter
    ("", "en", ""), (None, "ja", "?lang=ja"),
    ("?q=a+b&a=1&a=2", "ja", "?q=a+b&a=1&a=2&lang=ja"),
    ("?Xq=1", "ja", "?Xq=1&lang=ja"),                       # other parameters kept as they are
])
def test_i18n_mutant003_the_language_kept_in_a_query_string(query, lang, expected):
    assert with_language(query, lang) == expected


def test_i18n_mutant004_translation_falls_back_to_the_english():
    assert translate("Reset all filters", "ja") == "すべての条件をリセット"
    assert translate("Reset all filters", "en") == "Reset all filters"
    assert translate("Reset all filters", "fr") == "Reset all filters"
    assert translate("no such message", "ja") == "no such message"
    ja, en, unknown = translator("ja"), translator("en"), translator("xx")
    assert (ja("Voyages"), ja("no such message")) == ("航海", "no such message")
    assert (en("Voyages"), unknown("Voyages"), N_("Voyages")) == ("Voyages", "Voyages", "Voyages")


@pytest.mark.parametrize(("value", "lang", "expected"), [
    ("Tsugaru", "ja", "津軽海峡"), ("Soya (La Perouse) Strait", "ja", "宗谷海峡"), ("Sea of Japan", "ja", "日本海"),
    ("Udaloy I-class destroyer", "ja", "ウダロイⅠ級駆逐艦"),     # data/ship_classes.csv's class_ja
    ("Surface combatant", "ja", "水上戦闘艦"), ("northeast", "ja", "北東進"),    # the catalogue
    ("548", "ja", "548"), ("Tsugaru", "en", "Tsugaru"), ("Tsugaru", "xx", "Tsugaru"), ("Surface combatant", "en",
                                                                                     "Surface combatant"),
])
def test_i18n_mutant005_names_from_their_homes_then_the_catalogue(value, lang, expected):
    assert name(value, lang) == expected


def test_i18n_mutant006_a_value_that_is_no_text_is_kept():
    nothing = float("nan")
    assert name(nothing, "ja") is nothing and name(None, "ja") is None


def test_i18n_mutant007_alternatives_fonts_and_columns():
    assert either(["Soya", "Tsugaru"], "en") == "Soya or Tsugaru"
    assert either(["宗谷海峡", "津軽海峡"], "ja") == "宗谷海峡または津軽海峡"
    assert figure_font("ja") == {"family": '"Straitwatch Noto Sans JP", system-ui, sans-serif'}
    assert figure_font("en") == {} and figure_font("xx") == {}
    figure_font("ja")["family"] = "changed"
    assert FIGURE_FONT["family"] == '"Straitwatch Noto Sans JP", system-ui, sans-serif'
    columns = [{"field": "a", "headerName": "Voyages", "width": 1}, {"field": "b"}]
    assert translated_columns(columns, "ja") == [{"field": "a", "headerName": "航海", "width": 1}, {"field": "b"}]
    assert translated_columns(columns, "en") == columns
    assert columns[0]["headerName"] == "Voyages"


def test_i18n_mutant008_the_language_of_a_request():
    assert request_language() == "en"                               # outside a request
    server = flask.Flask("i18n-test")
    for query, expected in (("/?lang=ja", "ja"), ("/?lang=fr", "en"), ("/?strait=Soya", "en")):
        with server.test_request_context(query):
            assert request_language() == expected


def test_i18n_mutant009_the_vocabulary_the_catalogue_must_hold():
    words = vocabulary()
    assert words[:2] == ("Submarine", "Surface combatant")
    assert len(words) == len(set(words))
    for word in ("transit", "Open sea", "not stated", "all", "north", "northeast", "northwest",
                 "Position names only an area", "passages (one group's transit of one strait on one heading)"):
        assert word in words, word
    assert "north-northeast" not in words and "Tsugaru" not in words
