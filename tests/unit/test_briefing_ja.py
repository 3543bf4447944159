"""Issue 25 item 5 in Japanese: the "Copy summary" paragraph of a ``?lang=ja`` page over the frozen
fixture (tests/fixtures/README.md), each window's paragraph written out by hand from its rows.

The paragraphs are built the way the statistics callback builds them (:func:`stats_update` with the
page's language), so the permalink is the one the page cites and must keep ``lang=ja``.
Straits are named as :mod:`geo.straits` names them, classes as ``data/ship_classes.csv`` ``class_ja``
names them, dates as 2025年8月10日, and the source is the JSO's own credit.
"""

import datetime as dt

import pytest

from dashboard import ids
from dashboard.briefing import Citation, briefing_text, joint_movements
from dashboard.filters import FilterSpec, apply_filters
from dashboard.stats_view import STATS_OUTPUTS, stats_update

D = dt.date
#: The fixture's last report date (fx-25, reported 7 Nov 2025).
CURRENT_TO = D(2025, 11, 7)
PAGE = "https://sw.example/?strait=Soya#statistics"      # the page's address: its query and fragment are dropped


def _paragraph(frame, spec, names=None, lang="ja"):
    out = stats_update(frame, spec, version="2026.12.1", current_to=CURRENT_TO, page_href=PAGE,
                       today=D(2026, 12, 7), names=names, lang=lang)
    return dict(zip(STATS_OUTPUTS, out, strict=True))[(ids.STATS_BRIEFING, "children")]


def test_briefja001_thirty_days_two_straits(frozen):
    """10 Aug - 8 Sep 2025: fx-18 (Soya west, hulls 333 and 335, 2 ships), fx-19 (hull 999, no strait)
    and fx-20 (hull 999 through the Yonaguni waterway; its voyage link was refused, so three voyages).
    Sightings 3, ship-sightings 2 + 1 + 1 = 4, hulls 333, 335, 999; 999 seen twice."""
    spec = FilterSpec(start=D(2025, 8, 10), end=D(2025, 9, 8))
    assert _paragraph(frozen, spec) == (
        "Straitwatch要約：2025年8月10日～9月8日（データは2025年11月7日現在）。"
        "海峡通過（1グループが1海峡を1方向に通過したものを1件とする）：宗谷海峡1件、津軽海峡0件、対馬海峡0件、"
        "大隅海峡0件、宮古海峡0件、与那国島・西表島間1件、根室海峡0件。"
        "確認3件、艦艇3グループ（航海）、艦番号による艦艇の実数3隻、艦艇のべ4隻（2回確認された艦は2と数える）。"
        "確認の多い艦艇（艦級は報告のとおり）：ヴィシニャ級情報収集艦（艦番号999、確認2件）；"
        "ステレグシチー級フリゲート（艦番号333、確認1件）；ステレグシチー級フリゲート（艦番号335、確認1件）。"
        "中国艦艇との共同行動：なし。"
        "出典：統合幕僚監部ウェブサイトを加工して作成。データセット版 2026.12.1、2026年12月7日閲覧。"
        "この表示のリンク：https://sw.example/?from=2025-08-10&to=2025-09-08&lang=ja")


def test_briefja002_joint_movement_through_two_straits(frozen):
    """20 May - 18 Jun 2025: fx-15 (Tsushima southwest) and fx-16 (Miyako south), one voyage with
    Chinese ships: one joint movement, 10 - 12 Jun 2025, through both straits. Hull 339 only (fx-16
    names none); 2 + 2 ship-sightings."""
    spec = FilterSpec(start=D(2025, 5, 20), end=D(2025, 6, 18))
    assert _paragraph(frozen, spec) == (
        "Straitwatch要約：2025年5月20日～6月18日（データは2025年11月7日現在）。"
        "海峡通過（1グループが1海峡を1方向に通過したものを1件とする）：宗谷海峡0件、津軽海峡0件、対馬海峡1件、"
        "大隅海峡0件、宮古海峡1件、与那国島・西表島間0件、根室海峡0件。"
        "確認2件、艦艇1グループ（航海）、艦番号による艦艇の実数1隻、艦艇のべ4隻（2回確認された艦は2と数える）。"
        "確認の多い艦艇（艦級は報告のとおり）：ステレグシチー級フリゲート（艦番号339、確認1件）。"
        "中国艦艇との共同行動：1件（2025年6月10日～6月12日、対馬海峡及び宮古海峡）。"
        "出典：統合幕僚監部ウェブサイトを加工して作成。データセット版 2026.12.1、2026年12月7日閲覧。"
        "この表示のリンク：https://sw.example/?from=2025-05-20&to=2025-06-18&lang=ja")


def test_briefja003_empty_window(frozen):
    """May 2024 holds no row of the fixture."""
    spec = FilterSpec(start=D(2024, 5, 1), end=D(2024, 5, 30))
    assert _paragraph(frozen, spec) == (
        "Straitwatch要約：2024年5月1日～5月30日（データは2025年11月7日現在）。この条件に合う確認はありません。"
        "出典：統合幕僚監部ウェブサイトを加工して作成。データセット版 2026.12.1、2026年12月7日閲覧。"
        "この表示のリンク：https://sw.example/?from=2024-05-01&to=2024-05-30&lang=ja")


def test_briefja004_partial_window_one_strait_and_a_named_ship(frozen):
    """20 Oct - 18 Nov 2025, Soya only, runs past the data (7 Nov 2025): partial. fx-25 (Soya east,
    news of a joint patrol with China, Udaloy I hulls 548 and 564); 548 named as the register would
    name it, in 「」 after its class, the name as written (never transliterated)."""
    spec = FilterSpec(start=D(2025, 10, 20), end=D(2025, 11, 18), straits=("Soya",))
    assert _paragraph(frozen, spec, names={"548": "Admiral Panteleyev"}) == (
        "Straitwatch要約：2025年10月20日～11月18日（一部：データは2025年11月7日まで）。"
        "海峡通過（1グループが1海峡を1方向に通過したものを1件とする）：宗谷海峡1件。"
        "確認1件、艦艇1グループ（航海）、艦番号による艦艇の実数2隻、艦艇のべ2隻（2回確認された艦は2と数える）。"
        "確認の多い艦艇（艦級は報告のとおり）：ウダロイⅠ級駆逐艦「Admiral Panteleyev」（艦番号548、確認1件）；"
        "ウダロイⅠ級駆逐艦（艦番号564、確認1件）。"
        "中国艦艇との共同行動：1件（2025年11月5日、宗谷海峡）。"
        "出典：統合幕僚監部ウェブサイトを加工して作成。データセット版 2026.12.1、2026年12月7日閲覧。"
        "この表示のリンク：https://sw.example/?from=2025-10-20&to=2025-11-18&strait=Soya&lang=ja")


def test_briefja007_announced_exercise_counted_apart_on_hand_made_rows():
    """The hand-made 30-day view of test_briefing.py (no fixture row is an announcement by
    :func:`sightings.stats.announcement_mask`): two frigates through Soya and back (v1), a destroyer
    with Chinese ships through Tsugaru (v2, seen twice), an announced exercise of 40 ships in no sum."""
    from tests.unit.test_briefing import CITATION, SPEC, _view

    rows = _view()                                        # the rows of 17 Aug - 15 Sep 2026
    assert briefing_text(rows, SPEC, CITATION, joint_movements(rows), lang="ja") == (
        "Straitwatch要約：2026年8月17日～9月15日（データは2026年9月15日現在）。"
        "海峡通過（1グループが1海峡を1方向に通過したものを1件とする）：宗谷海峡2件、津軽海峡1件、対馬海峡0件、"
        "大隅海峡0件、宮古海峡0件、与那国島・西表島間0件、根室海峡0件。"
        "確認5件、艦艇2グループ（航海）、艦番号による艦艇の実数3隻、艦艇のべ11隻（2回確認された艦は2と数える）。"
        "確認の多い艦艇（艦級は報告のとおり）：ステレグシチー級フリゲート（艦番号343、確認3件）；"
        "ステレグシチー級フリゲート（艦番号335、確認2件）；ウダロイⅠ級駆逐艦（艦番号548、確認2件）。"
        "中国艦艇との共同行動：1件（2026年9月2日～9月3日、津軽海峡）。発表された演習1件（確認には数えない）。"
        "出典：統合幕僚監部ウェブサイトを加工して作成。データセット版 2026.12.1、2026年12月7日閲覧。"
        "この表示のリンク：https://straitwatch.example/?from=2026-08-17&to=2026-09-15")


def test_briefja005_english_page_keeps_english_and_other_languages_are_refused(frozen):
    spec = FilterSpec(start=D(2024, 5, 1), end=D(2024, 5, 30))
    assert _paragraph(frozen, spec, lang="en") == (
        "Straitwatch briefing, 1 May - 30 May 2024 (data current to 7 Nov 2025). No sightings match these filters. "
        "Source: Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch; dataset version "
        "2026.12.1, accessed 2026-12-07. View: https://sw.example/?from=2024-05-01&to=2024-05-30")
    rows = apply_filters(frozen, spec)
    with pytest.raises(ValueError, match=r"^no briefing words for language 'fr'; expected one of en, ja$"):
        briefing_text(rows, spec, Citation("s", "1", D(2026, 12, 7)), joint_movements(rows), lang="fr")


def test_briefja006_the_callback_on_a_japanese_page_sends_the_japanese_paragraph(client, dependencies):
    """Invariant over the shipped app: with the page's language store at "ja" the statistics callback
    sends the Japanese paragraph, its link keeping ``lang=ja``."""
    from tests.dash_requests import callback_body

    spec = {"straits": ["Soya"], "start": "2026-08-17", "end": "2026-09-15"}
    def send(output: str) -> dict:
        body = callback_body(dependencies, output, f"{ids.SPEC}.data",
                             {ids.SPEC: spec, ids.URL: "https://sw.example/?strait=Soya&lang=ja",
                              ids.VIEW_TABS: "statistics", ids.LANGUAGE: "ja"})
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code == 200, response.data[:300]
        return response.get_json()["response"]

    # the statistics tab's callback, then the always-visible one for the download's description
    got = send(ids.STATS_BRIEFING) | send(ids.DOWNLOAD_ABOUT)
    paragraph = got[ids.STATS_BRIEFING]["children"]
    assert paragraph.startswith("Straitwatch要約：2026年8月17日～9月15日（")
    assert "海峡通過（1グループが1海峡を1方向に通過したものを1件とする）：宗谷海峡" in paragraph
    assert "出典：統合幕僚監部ウェブサイトを加工して作成。" in paragraph
    assert paragraph.endswith("この表示のリンク：https://sw.example/?from=2026-08-17&to=2026-09-15&strait=Soya&lang=ja")
    # the descriptions of the downloads are asked for in Japanese too
    assert got[ids.STATS_SIDECAR]["href"] == "/stats/passages.csv.json?from=2026-08-17&to=2026-09-15&strait=Soya&lang=ja"
    assert got[ids.DOWNLOAD_ABOUT]["href"] == ("/download/straitwatch_2026-08-17_2026-09-15_soya.csv.json"
                                               "?from=2026-08-17&to=2026-09-15&strait=Soya&lang=ja")


def test_briefja008_charts_of_a_japanese_page_cite_themselves_in_japanese(frozen):
    """The lines under each exported chart on a ja page: the filter sentence, the chart's unit, the
    JSO's credit, version, access date and the link keeping ``lang=ja`` (same window as briefja001)."""
    spec = FilterSpec(start=D(2025, 8, 10), end=D(2025, 9, 8))
    out = dict(zip(STATS_OUTPUTS, stats_update(frozen, spec, version="2026.12.1", current_to=CURRENT_TO,
                                               page_href=PAGE, today=D(2026, 12, 7), lang="ja"), strict=True))
    cited = {
        ids.STATS_PASSAGES: "単位：海峡通過（1グループが1海峡を1方向に通過したものを1件とする）",
        ids.STATS_MONTHLY: "単位：艦艇のべ隻数（各確認の隻数の合計。2回確認された艦は2と数える）",
        ids.STATS_HEATMAP: "単位：確認（ある場所・時点の艦艇についての報告）",
    }
    for graph, unit in cited.items():
        citation = [a["text"] for a in out[(graph, "figure")]["layout"]["annotations"] if a["name"] == "citation"]
        assert citation == ["<br>".join([
            "条件：確認3件、艦艇のべ4隻、2025年8月10日～9月8日、データは2025年11月7日現在",
            unit,
            "出典：統合幕僚監部ウェブサイトを加工して作成",
            "データセット版 2026.12.1、2026年12月7日閲覧。この表示のリンク：https://sw.example/?from=2025-08-10&amp;"
            "to=2025-09-08&amp;lang=ja"])], graph


def test_briefja009_download_descriptions_in_japanese(frozen_client):
    """``?lang=ja`` on a description (the links a ja page gives, briefja006): title, filter sentence
    and source in Japanese, keys, dates, version and query as in English. Same window as briefja001."""
    query = "?from=2025-08-10&to=2025-09-08"
    for path in ("/download/straitwatch_2025-08-10_2025-09-08.csv.json", "/stats/passages.csv.json"):
        ja = frozen_client.get(f"{path}{query}&lang=ja").get_json()
        en = frozen_client.get(f"{path}{query}").get_json()
        assert ja["title"] == "Straitwatch：日本周辺におけるロシア海軍の動向"
        assert ja["filters"] == "確認3件、艦艇のべ4隻、2025年8月10日～9月8日、データは2025年11月7日現在"
        assert ja["source"] == "出典：統合幕僚監部ウェブサイトを加工して作成"
        assert en["filters"] == "3 sightings, 4 ship-sightings, 10 Aug - 8 Sep 2025, data current to 7 Nov 2025"
        assert en["source"] == "Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch"
        same = ("file", "href", "query", "dataset_version", "data_current_to", "exported", "licenses", "sources",
                "rows_selected")
        assert {key: ja[key] for key in same} == {key: en[key] for key in same}
        assert ja["query"] == query and ja["data_current_to"] == "2025-11-07" and ja["rows_selected"] == 3
