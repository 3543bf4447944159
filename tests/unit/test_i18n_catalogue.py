"""Japanese throughout (issue 21): the catalogue is complete, the sentences read as written here,
the language stays in the URL, the page is built in the language asked for, and the bundled font
draws every character the page can show."""

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.pofile import read_po
from fontTools.ttLib import TTFont

from dashboard import ids
from dashboard.facets import BY_FIELD
from dashboard.filters import FilterSpec, summary
from dashboard.i18n import (
    CATALOGUE_PATH, FONT_FAMILY, language, language_of_query, name, translate, vocabulary, with_language,
)
from dashboard.figures import map_note
from dashboard.mapview import map_summary
from geo.seas import SEAS
from geo.straits import STRAITS
from tools.font_subset import FONT
from tools.messages import extracted

PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _catalogue() -> dict[str, str]:
    with CATALOGUE_PATH.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle, locale="ja") if m.id}


def test_i18n001_every_message_of_the_dashboard_has_japanese_with_the_same_placeholders():
    catalogue = _catalogue()
    used = set(extracted()) | set(vocabulary())
    assert len(used) > 150                                  # the extractor found the code's messages
    missing = sorted(m for m in used if not catalogue.get(m))
    assert missing == [], f"no Japanese for {missing}; run `make messages` and translate them in {CATALOGUE_PATH}"
    unused = sorted(set(catalogue) - used)
    assert unused == [], f"{unused} are in the catalogue but no code uses them; run `make messages`"
    for english, japanese in catalogue.items():
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(japanese)), english
        assert japanese != english or english in {"JSON", "GeoJSON API"}, f"{english!r} is not translated"


def test_i18n002_translate_falls_back_to_english_and_never_to_a_blank():
    assert translate("Reset all filters", "ja") == "すべての条件をリセット"
    assert translate("Reset all filters", "en") == "Reset all filters"
    assert translate("Reset all filters", "fr") == "Reset all filters"      # unknown language: English
    assert translate("a message no catalogue has", "ja") == "a message no catalogue has"
    assert (language("ja"), language("JA"), language(None), language(["ja"])) == ("ja", "en", "en", "en")


ROWS = pd.DataFrame({
    "event_date": pd.to_datetime(["2022-02-15", "2022-03-01", "2022-03-17"]),
    "ships": pd.array([2, 3, None], dtype="Int64"),
})


@pytest.mark.parametrize(("rows", "spec", "current_to", "sentence"), [
    (ROWS, FilterSpec(straits=("Tsugaru",)), dt.date(2022, 3, 31),
     "確認3件、艦艇のべ5隻（隻数の記載がない確認1件）、2022年2月15日～3月17日、津軽海峡、データは2022年3月31日現在"),
    (ROWS.iloc[:1], FilterSpec(straits=("Soya", "none"), chinese="yes"), None,
     "確認1件、艦艇のべ2隻、2022年2月15日、宗谷海峡または海峡なし、中国艦艇と共同"),
    (ROWS.iloc[:2], FilterSpec(start=dt.date(2021, 12, 1), end=dt.date(2022, 3, 31), seas=("Sea of Japan",),
                               hulls=("548",), primary=True), dt.date(2022, 3, 10),
     "確認2件、艦艇のべ5隻、2021年12月1日～2022年3月31日（一部：データは2022年3月10日まで）、日本海、艦番号548、"
     "統合幕僚監部の発表によるもの"),
    (ROWS.iloc[0:0], FilterSpec(), dt.date(2022, 3, 31), "この条件に合う確認はありません。データは2022年3月31日現在。"),
])
def test_i18n003_summary_sentence_in_japanese(rows, spec, current_to, sentence):
    assert summary(rows, spec, current_to, "ja") == sentence


def test_i18n004_summary_in_english_is_unchanged_by_the_catalogue():
    assert summary(ROWS, FilterSpec(straits=("Tsugaru",)), dt.date(2022, 3, 31)) == (
        "3 sightings, 5 ship-sightings (1 sighting without a ship count), 15 Feb - 17 Mar 2022, Tsugaru Strait, "
        "data current to 31 Mar 2022")


def test_i18n005_names_come_from_their_homes_and_options_are_labelled_in_japanese():
    assert name("Tsugaru", "ja") == STRAITS["Tsugaru"].japanese == "津軽海峡"
    assert name("Sea of Okhotsk", "ja") == SEAS["Sea of Okhotsk"] == "オホーツク海"
    assert name("Surface combatant", "ja") == "水上戦闘艦" and name("548", "ja") == "548" and name("Tsugaru", "en") == "Tsugaru"
    assert [name(category, "ja") for category in ("Submarine", "Amphibious", "Mine warfare", "Auxiliary",
                                                  "Intelligence", "Other / unspecified")] == [
        "潜水艦", "揚陸艦", "機雷戦艦艇", "補助艦艇", "情報収集艦", "その他・不明"]
    assert BY_FIELD["straits"].labelled_options(("Tsugaru", "none"), {"Tsugaru": 4}, "ja") == [
        {"label": "津軽海峡 (4)", "value": "Tsugaru"}, {"label": "海峡なし（海峡外） (0)", "value": "none"}]
    assert BY_FIELD["chinese"].labelled_options(("any", "yes"), {"any": 10, "yes": 3}, "ja") == [
        {"label": "すべて (10)", "value": "any"}, {"label": "中国艦艇と共同 (3)", "value": "yes"}]


def test_i18n006_language_kept_in_the_query_string():
    assert with_language("?from=2022-01-01&strait=Soya", "ja") == "?from=2022-01-01&strait=Soya&lang=ja"
    assert with_language("", "ja") == "?lang=ja"
    assert with_language("?lang=ja&strait=Soya", "en") == "?strait=Soya"          # English: no parameter
    assert with_language("?lang=ja", "en") == ""
    assert with_language("?strait=Soya", "xx") == "?strait=Soya"
    assert (language_of_query("?strait=Soya&lang=ja"), language_of_query("?lang=de"),
            language_of_query(None)) == ("ja", "en", "en")


def test_i18n007_map_summary_and_note_in_japanese():
    rows = pd.DataFrame({"id": ["a", "b", "c"], "lane": ["Tsugaru", "Tsugaru", "Open sea"],
                         "position_kind": ["derived", "reported", "unlocated"],
                         "lat": [41.5, 41.6, None], "lon": [140.5, 140.6, None], "strait": ["Tsugaru", "Tsugaru", ""],
                         "named_seas": [[], [], []]})
    text = map_summary(rows.iloc[:2], "ja")
    assert text == "地図には確認2件を点で表示しています：津軽海峡2件。"
    assert map_summary(rows.iloc[0:0], "ja") == "地図に表示する確認はありません。この条件に合うものがありません。"
    assert map_note(rows, lang="ja") == ["地図上の点2件 · 海域のみ0件（紫で強調） · 位置なし1件（表のみ）"]
    assert map_note(rows) == ["2 on the map as points · 0 area-only (highlighted violet) · 1 without a position (table only)"]


def test_i18n008_the_page_is_built_in_the_language_the_layout_request_asks_for(client):
    japanese = json.dumps(client.get("/_dash-layout?lang=ja").get_json(), ensure_ascii=False)
    english = json.dumps(client.get("/_dash-layout").get_json(), ensure_ascii=False)
    for text in ("すべての条件をリセット", "海峡", "凡例", "色：海峡", "淡色：", "時系列", "絞り込み"):
        assert text in japanese
    assert "Reset all filters" not in japanese and "Colour: strait" not in japanese
    assert "Reset all filters" in english and "すべての条件をリセット" not in english
    page = client.get("/_dash-layout?lang=ja").get_json()
    assert page["props"]["lang"] == "ja"
    stores = {c["props"]["id"]: c["props"] for c in page["props"]["children"] if c["type"] == "Store"}
    assert stores[ids.LANGUAGE]["data"] == "ja" and stores[ids.LANGUAGE_CHOICE]["storage_type"] == "local"
    assert client.get("/_dash-layout?lang=xx").get_json()["props"]["lang"] == "en"


def _japanese_text() -> str:
    """The Japanese the page can show: catalogue, releases' sentences, map labels, places, classes, names."""
    root = Path(__file__).resolve().parents[2]
    text = "".join(_catalogue().values())
    with (root / "data" / "sightings.csv").open(encoding="utf-8", newline="") as handle:
        text += "".join(row["location_text_ja"] for row in csv.DictReader(handle))
    with (root / "data" / "map_labels.csv").open(encoding="utf-8", newline="") as handle:
        text += "".join(row["name_ja"] for row in csv.DictReader(handle))
    with (root / "data" / "ship_classes.csv").open(encoding="utf-8", newline="") as handle:
        text += "".join(row["class_ja"] for row in csv.DictReader(handle))
    places = json.loads((root / "data" / "layers" / "places.geojson").read_text(encoding="utf-8"))
    text += "".join(f["properties"].get("name_ja") or "" for f in places["features"])
    return text + "".join(SEAS.values()) + "".join(s.japanese for s in STRAITS.values()) + "日本語"


def test_i18n009_bundled_font_draws_every_japanese_character_the_page_can_show():
    font = TTFont(FONT)
    cmap = set(font.getBestCmap())
    missing = sorted({c for c in _japanese_text() if not c.isspace() and ord(c) not in cmap})
    assert missing == [], f"{''.join(missing)!r} not in {FONT}; run `make font` (tools/font_subset.py)"
    assert {ord(c) for c in "宗谷海峡あアＡ、。A"} <= cmap
    assert FONT.stat().st_size < 400_000                    # a subset, not the 5.5 MB font
    css = (FONT.parents[1] / "i18n.css").read_text(encoding="utf-8")
    assert f'font-family: "{FONT_FAMILY}"' in css and "fonts/NotoSansJP-subset.woff2" in css
    assert (FONT.parent / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE Version 1.1") == 1


def test_i18n010_a_cited_japanese_view_links_to_the_japanese_page():
    from dashboard.cite import cite_text, version_line
    text = cite_text("https://straitwatch.example/?lang=ja&strait=Soya#map", FilterSpec(straits=("Tsugaru",)),
                     "2026.12.1", dt.date(2026, 12, 7), "ja")
    assert "View: https://straitwatch.example/?strait=Tsugaru&lang=ja\n" in text
    assert "View: https://straitwatch.example/?strait=Tsugaru\n" in cite_text(
        "https://straitwatch.example/", FilterSpec(straits=("Tsugaru",)), "2026.12.1", dt.date(2026, 12, 7))
    assert version_line("2026.12.1", "ja") == "データセット版 2026.12.1"


def test_i18n011_the_workspace_layout_is_japanese_too(client):
    page = json.dumps(client.get("/_dash-layout?lang=ja").get_json(), ensure_ascii=False)
    for text in ("結果へ移動", "時間軸", "閉じる", "表", "航海", "統計", "貼り付け用の要約", "要約をコピー",
                 "同時最大隻数", "一致した項目", "言語"):
        assert text in page, text
    for text in ("Skip to the results", "Summary to paste", "Copy summary", "Most ships at once", "Matched in"):
        assert text not in page, text


def test_i18n012_the_views_take_the_pages_language():
    from dashboard.callbacks import tab_callback
    from dashboard.urlstate import ignored_params
    from dashboard.views import sighting_link, unknown_sighting
    rows = pd.DataFrame({"id": ["a"]})                       # the stand-in view below reads nothing
    calls = []

    def statistics(frame, spec, context):
        calls.append(context.lang)
        return ("figure",)
    import dashboard.views as views
    original = views.VIEWS["statistics"]
    views.VIEWS["statistics"] = statistics
    try:
        tab_callback("statistics", rows, lambda stored: FilterSpec(), 1)(None, "statistics", None, "ja")
        tab_callback("statistics", rows, lambda stored: FilterSpec(), 1)(None, "statistics", None, "xx")
    finally:
        views.VIEWS["statistics"] = original
    assert calls == ["ja", "en"]                              # an unknown language is the default
    link = sighting_link("a", "ja")
    assert link.children[0].children == "この確認へのリンク" and link.children[0].href == "?id=a&lang=ja"
    assert "ID「nope」の確認はありません" in str(unknown_sighting("nope", "ja"))
    assert ignored_params("?lang=ja&colour=red", {"straits": ("Soya",)}) == ["colour=red"]
