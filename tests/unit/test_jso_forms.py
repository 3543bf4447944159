"""Every form a release is met in (issue #24 item 4), each with values read by hand.

The texts are real release sentences (data/jso/) or the same sentences as the web reprints
them: half-width digits and brackets, no title or date line, the other spellings the issue
lists. Expected values are literal: read from the Japanese, never from the parser.
"""

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sightings.ingest import REVIEW_MARK, Release, merge_releases, release_rows
from sightings.jso import NotAMovementRelease, ReleaseError, parse_release, pdf_text
from sightings.store import read_sightings
from tests.unit.test_jso import HEAD, as_truth_row

JSO = Path(__file__).resolve().parents[2] / "data" / "jso"
D = dt.date


def one(text: str, file: str = "p20260629_02.pdf", **kw):
    [sighting] = parse_release(text, file, **kw)
    return sighting


def ships_of(s) -> list[tuple[str, str, int, tuple[str, ...]]]:
    return [(x.navy, x.class_ja, x.count, x.hulls) for x in s.ships]


def head(ships: str) -> str:
    """HEAD with its ship list replaced (the position and the rest of the release unchanged)."""
    return HEAD.replace("ロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」）", ships)


# --- ship lists -------------------------------------------------------------------------------
@pytest.mark.parametrize(("ships", "expected", "total", "russian"), [
    # no 艦番号 label, hulls side by side (p20260821_02)
    ("ロシア海軍ステレグシチー級フリゲート３隻（「３３３」「３３５」「３３９」）",
     [("russia", "ステレグシチー級フリゲート", 3, ("333", "335", "339"))], 3, 3),
    # a class without a count: its hulls give it
    ("ロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」及び「５６４」）",
     [("russia", "ウダロイⅠ級駆逐艦", 2, ("548", "564"))], 2, 2),
    # the count before the hull numbers
    ("ロシア海軍キロ級潜水艦１隻（艦番号「５３５」）", [("russia", "キロ級潜水艦", 1, ("535",))], 1, 1),
    # hulls joined by 及び
    ("ロシア海軍ウダロイⅠ級駆逐艦２隻（艦番号「１１９」及び「１２１」）",
     [("russia", "ウダロイⅠ級駆逐艦", 2, ("119", "121"))], 2, 2),
    # hulls joined by 、 and 及び
    ("ロシア海軍ステレグシチー級フリゲート３隻（艦番号「３３３」、「３３５」及び「３３９」）",
     [("russia", "ステレグシチー級フリゲート", 3, ("333", "335", "339"))], 3, 3),
    # a class with no hull, then 計 (p20260827_02)
    ("ロシア海軍タランタルⅢ級ミサイル護衛哨戒艇２隻（艦番号「９２１」「９２４」）及びアムガ級ミサイル補給艦の計３隻",
     [("russia", "タランタルⅢ級ミサイル護衛哨戒艇", 2, ("921", "924")), ("russia", "アムガ級ミサイル補給艦", 1, ())], 3, 3),
    # Chinese first, 計 per navy, 合計 of all (p20230817_01 form); Russian ships counted apart
    ("中国海軍ルーヤンⅢ級ミサイル駆逐艦２隻（艦番号「１１９」及び「１２１」）及びフチ級補給艦１隻（艦番号「８８９」）の計３隻、"
     "また、ロシア海軍ウダロイⅠ級駆逐艦２隻（艦番号「５４８」及び「５６４」）及びドゥブナ級補給艦１隻の計３隻、合計６隻の艦艇",
     [("china", "ルーヤンⅢ級ミサイル駆逐艦", 2, ("119", "121")), ("china", "フチ級補給艦", 1, ("889",)),
      ("russia", "ウダロイⅠ級駆逐艦", 2, ("548", "564")), ("russia", "ドゥブナ級補給艦", 1, ())], 6, 3),
    # 並びに between the navies
    ("中国海軍レンハイ級ミサイル駆逐艦（艦番号「１０１」）並びにロシア海軍ステレグシチー級フリゲート（艦番号「３４３」）の計２隻",
     [("china", "レンハイ級ミサイル駆逐艦", 1, ("101",)), ("russia", "ステレグシチー級フリゲート", 1, ("343",))], 2, 1),
    # a ship's name in brackets after its class
    ("中国海軍クズネツォフ級空母「遼寧」（艦番号「１６」）及びロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」）",
     [("china", "クズネツォフ級空母", 1, ("16",)), ("russia", "ウダロイⅠ級駆逐艦", 1, ("548",))], 2, 1),
])
def test_form001_ship_lists(ships, expected, total, russian):
    s = one(head(ships))
    assert (ships_of(s), s.ships_total, s.russian_ships, s.review) == (expected, total, russian, ())


# --- dates --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("date_line", "head_date", "report", "event"), [
    ("平成３０年６月１３日", "平成３０年６月１２日（火）", D(2018, 6, 13), D(2018, 6, 12)),
    ("令和元年５月２日", "令和元年５月１日（水）", D(2019, 5, 2), D(2019, 5, 1)),
    ("平成３１年４月３０日", "平成３１年４月２９日（月）", D(2019, 4, 30), D(2019, 4, 29)),
    ("令和元年１２月２日", "１１月３０日（土）", D(2019, 12, 2), D(2019, 11, 30)),   # no year: the date line's
    ("令和８年１月４日", "１２月３１日（木）", D(2026, 1, 4), D(2025, 12, 31)),      # no year, across New Year
])
def test_form002_eras_and_years(date_line, head_date, report, event):
    text = HEAD.replace("令和８年６月２８日\n", date_line + "\n").replace("令和８年６月２８日（日）", head_date)
    s = one(text, "p20190502_01.pdf")
    assert (s.report_date, s.event_date) == (report, event)


def test_form002b_a_western_date_above_the_body_is_a_page_date_not_the_release():
    """A reprint's page date (２０２６年８月２３日) is not the announcement: the file name's day is used."""
    text = HEAD.replace("令和８年６月２８日\n", "２０２６年８月２３日\n").replace("令和８年６月２８日（日）", "２０２６年８月２１日（金）")
    s = one(text, "p20260822_01.pdf")
    assert (s.report_date, s.event_date) == (D(2026, 8, 22), D(2026, 8, 21))


def test_form003_back_reference_in_heisei():
    text = HEAD.replace("防衛省", "なお、当該艦艇は、平成３０年１２月３０日（日）に対馬海峡を北東進したものと同一である。防衛省")
    [ref] = one(text).back_refs
    assert (ref.first, ref.place_ja, ref.direction_ja) == (D(2018, 12, 30), "対馬海峡", "北東進")


# --- positions ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("position", "anchor", "prefecture", "bearing", "km"), [
    ("宗谷岬（北海道）の北西約５０ｋｍの海域において", "宗谷岬", "北海道", "北西", 50),
    ("礼文島(北海道)北西約50kmの海域において", "礼文島", "北海道", "北西", 50),          # no の, half-width
    ("青森県尻屋崎の東約３０ｋｍの海域において", "尻屋崎", "青森県", "東", 30),          # prefecture first
    ("竜飛岬（青森県）の西約１２０ｋｍの海域において", "竜飛岬", "青森県", "西", 120),   # 岬 for 崎, as written
    ("男女群島の南西約２１０ｋｍの海域で", "男女群島", "", "南西", 210),               # で, no prefecture
])
def test_form004_positions(position, anchor, prefecture, bearing, km):
    s = one(HEAD.replace("宗谷岬（北海道）の北西約５０ｋｍの海域において", position))
    assert (s.anchor_ja, s.anchor_prefecture, s.bearing_ja, s.distance_km) == (anchor, prefecture, bearing, km)


def test_form005_anchor_spellings_reach_the_gazetteer():
    """竜飛岬 and 龍飛崎 are Cape Tappi; 尻屋崎 written prefecture first is Cape Shiriya."""
    for written in ("竜飛岬", "龍飛崎", "竜飛崎"):
        text = HEAD.replace("宗谷岬（北海道）の北西", f"{written}（青森県）の西")
        [row] = release_rows([Release("p20260629_02.pdf", "https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf",
                                      text)])[0].to_dict("records")
        assert row["location_text"].startswith("about 50 km W of Cape Tappi (Aomori)")
    text = HEAD.replace("宗谷岬（北海道）の北西", "青森県尻屋崎の東")
    [row] = release_rows([Release("p20260629_02.pdf", "https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf",
                                  text)])[0].to_dict("records")
    assert row["location_text"].startswith("about 50 km E of Cape Shiriya (Aomori)")


# --- a reprint: half-width, no title, no date line ------------------------------------------------
REPRINT = ("8月21日(金)午前0時頃、海上自衛隊は、宗谷岬(北海道)の北約30kmの海域において、同海域を西進するロシア海軍"
           "ステレグシチー級フリゲート3隻(｢333｣｢335｣｢339｣)を確認した。その後、当該艦艇が宗谷海峡を西進したことを確認した。"
           "なお、当該艦艇は、8月4日(火)から5日(水)にかけて、宗谷海峡を東進したものと同一である。")


def test_form006_reprint_reads_like_the_release():
    s = one(REPRINT, "p20260821_02.txt")
    assert (s.report_date, s.event_date, s.event_time) == (D(2026, 8, 21), D(2026, 8, 21), "00:00")
    assert (s.anchor_ja, s.anchor_prefecture, s.bearing_ja, s.distance_km, s.heading_ja) == ("宗谷岬", "北海道", "北", 30, "西")
    assert ships_of(s) == [("russia", "ステレグシチー級フリゲート", 3, ("333", "335", "339"))]
    assert (s.passage_ja, s.passage_direction_ja) == ("宗谷海峡", "西進")
    assert [(r.first, r.last, r.place_ja, r.direction_ja) for r in s.back_refs] == [
        (D(2026, 8, 4), D(2026, 8, 5), "宗谷海峡", "東進")]
    assert s.text_ja.startswith("8月21日(金)午前0時頃")          # quoted as written, half-width kept
    assert s.review == ()


def test_form007_report_date_given_for_a_text_without_date_line():
    s = one(REPRINT, "reprint.txt", url="https://example.org/reprint", report_date=D(2026, 8, 21))
    assert (s.report_date, s.event_date, s.url) == (D(2026, 8, 21), D(2026, 8, 21), "https://example.org/reprint")
    with pytest.raises(ReleaseError, match="pass --report-date YYYY-MM-DD"):
        parse_release(REPRINT, "reprint.txt", url="https://example.org/reprint")


def test_form008_the_same_reprint_with_title_and_date_line_matches_the_release():
    """The release p20260821_02 and its reprint (half-width, no title or date line) give one row."""
    item = next(r for r in json.loads((JSO / "releases.json").read_text(encoding="utf-8"))
                if r["file"] == "p20260821_02.pdf")
    from_release = one(item["text"], item["file"])
    from_reprint = one(REPRINT + "防衛省・自衛隊は、海上自衛隊の第５哨戒防備隊所属「くまたか」（余市）及び第２航空群所属"
                       "「Ｐ－３Ｃ」（八戸）により、警戒監視・情報収集を行った。", "p20260821_02.pdf")
    keep = ("report_date", "event_date", "event_time", "anchor_ja", "anchor_prefecture", "bearing_ja",
            "distance_km", "heading_ja", "ships", "ships_total", "passage_ja", "passage_direction_ja",
            "back_refs", "observed_by")
    assert {k: getattr(from_reprint, k) for k in keep} == {k: getattr(from_release, k) for k in keep}


# --- several sightings and itineraries --------------------------------------------------------------
def test_form009_second_sighting_in_mata():
    text = HEAD.replace("防衛省", "また、同日午後３時頃、海上自衛隊は、礼文島（北海道）の西約１１０ｋｍの海域において、"
                        "同海域を北東進するロシア海軍ステレグシチー級フリゲート（艦番号「３４３」）を確認した。防衛省")
    first, second = parse_release(text, "p20260629_02.pdf")
    assert (first.event_time, first.anchor_ja) == ("12:00", "宗谷岬")
    assert (second.event_date, second.event_time, second.anchor_ja, second.distance_km, second.heading_ja) == (
        D(2026, 6, 28), "15:00", "礼文島", 110, "北東")
    assert ships_of(second) == [("russia", "ステレグシチー級フリゲート", 1, ("343",))]


ITINERARY = HEAD.replace(
    "同海域を西進する", "同海域を遊弋する").replace(
    "その後、当該艦艇が宗谷海峡を西進したことを確認した。",
    "その後、２９日（月）に、当該艦艇が礼文島の西の接続水域内を南西進した後、３０日（火）から７月１日（水）にかけて"
    "対馬海峡を南西進し、７月２日（木）に、沖縄本島と宮古島（沖縄県）との間の海域を南東進し、フィリピン海へ向けて"
    "航行したことを確認した。")


def test_form010_itinerary_keeps_every_passage():
    s = one(ITINERARY.replace("令和８年６月２８日\n", "令和８年７月３日\n"), "p20260703_01.pdf")
    assert s.heading_ja == ""                                            # 遊弋: loitering, no heading
    assert (s.passage_ja, s.passage_direction_ja) == ("対馬海峡", "南西進")
    assert s.passages == (("対馬海峡", "南西進"), ("沖縄本島と宮古島の間", "南東進"))
    assert s.toward_ja == "フィリピン海"


def test_form011_itinerary_row_names_every_passage_in_english():
    text = ITINERARY.replace("令和８年６月２８日\n", "令和８年７月３日\n")
    [row] = release_rows([Release("p20260703_01.pdf", "https://www.mod.go.jp/js/pdf/2026/p20260703_01.pdf",
                                  text)])[0].to_dict("records")
    assert row["strait"] == "Tsushima"
    assert row["direction"] == "southwest, toward the Philippine Sea"
    assert row["location_text"] == ("about 50 km NW of Cape Soya (Hokkaido) (around 12:00); then southwest through "
                                    "the Tsushima Strait; then southeast between Okinawa Island and Miyako Island")
    assert "names 2 passages" in row["notes"]


@pytest.mark.parametrize(("sea", "english"), [
    ("東シナ海", "East China Sea"), ("オホーツク海", "Sea of Okhotsk"), ("フィリピン海", "Philippine Sea"),
    ("日本海", "Sea of Japan"), ("太平洋", "Pacific Ocean"),
])
def test_form012_katakana_stays_in_sea_names(sea, english):
    text = HEAD.replace("宗谷海峡を西進したことを確認した。", f"宗谷海峡を西進し、{sea}へ向けて航行したことを確認した。")
    s = one(text)
    assert s.toward_ja == sea
    [row] = release_rows([Release("p20260629_02.pdf", "https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf",
                                  text)])[0].to_dict("records")
    assert row["direction"] == f"west, toward the {english}"


# --- the "kept, marked for review" path ---------------------------------------------------------------
URL = "https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf"


@pytest.mark.parametrize(("text", "review", "ships", "kind"), [
    # an entry that is no ship entry: kept verbatim, the count left unknown
    (head("ロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」）及び艦番号不明の艦艇（写真参照）"),
     "ship entry not read, kept verbatim: 「艦番号不明の艦艇（写真参照）」", None, "derived"),
    # no navy named: the entry is kept, not counted
    (HEAD.replace("ロシア海軍", ""), "ship entry not read, kept verbatim: 「ウダロイⅠ級駆逐艦（艦番号「５４８」）」",
     None, "derived"),
    # no position: the sighting is kept unlocated
    (HEAD.replace("の北西約５０ｋｍの海域において", "付近において"),
     "no position (「…の方位約Nｋｍの海域において」) read in 「令和８年６月２８日（日）正午頃、海上自衛隊は、宗谷岬（北海道）付近において、"
     "同海域を西進する」", 1, "unlocated"),
    # no 「を確認した」: the list is read up to the sentence's end
    (HEAD.replace("を確認した。\nその後", "。その後"), "the ship list does not end in 「を確認した」", 1, "derived"),
    # 同日 with nothing before it (a reprint cut from its first paragraph): the report date, said
    (HEAD.replace("令和８年６月２８日（日）正午頃", "同日正午頃"),
     "「同日」 (the same day) with no earlier date in the text: the report date is used", 1, "derived"),
])
def test_form013_unread_parts_are_kept_and_marked_for_review(text, review, ships, kind):
    s = one(text)
    assert review in s.review
    rows, lines = release_rows([Release("p20260629_02.pdf", URL, text)])
    [row] = rows.to_dict("records")
    assert (None if row["ships"] is pd.NA else row["ships"]) == ships
    assert row["position_kind"] == kind
    assert f"{REVIEW_MARK} {review}" in row["notes"]
    assert f"review: p20260629_02.pdf: {review}" in lines
    merged = merge_releases(read_sightings().iloc[:0], [Release("p20260629_02.pdf", URL, text)])
    assert len(merged.frame) == 1                                            # the row validates and is stored


# --- what is not a Russian movement ---------------------------------------------------------------
def test_form014_other_releases_are_not_movements():
    with pytest.raises(NotAMovementRelease, match="not a movement release"):
        parse_release("令和８年７月２２日\n統合幕僚監部\nロシア軍機の動向について\n令和８年７月２１日（火）午後、"
                      "ロシアの爆撃機（Ｔｕ－９５）×１機が飛行した。", "p20260722_01.pdf")
    rows, lines = release_rows([Release("p20260722_01.pdf", "https://www.mod.go.jp/js/pdf/2026/p20260722_01.pdf",
                                        "令和８年７月２４日\n統合幕僚監部\n災害派遣について\n本日、給水支援を行った。")])
    assert len(rows) == 0 and lines == ["skipped: p20260722_01.pdf: not a movement release"]


# --- the new releases and PDFs against the hand-read truth -------------------------------------------
PDF_TRUTH = list(csv.DictReader((JSO / "truth_pdf.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("truth", PDF_TRUTH, ids=[t["file"] for t in PDF_TRUTH])
def test_form015_2023_pdfs_parse_to_truth_pdf(truth):
    """truth_pdf.csv lists Russian hulls only and leaves same_as and the units unread: those are left out."""
    [s] = parse_release(pdf_text((JSO / "pdf" / truth["file"]).read_bytes()), truth["file"])
    row = as_truth_row(s)
    row["hull_numbers"] = ";".join(h for x in s.russian for h in x.hulls)
    compared = [k for k in truth if k not in ("notes", "same_as", "observing_units")]
    assert {k: row[k] for k in compared} == {k: truth[k] for k in compared}
    # the page footer printed inside p20230817_01's body is not part of the back-reference
    assert row["same_as"].startswith("なお、これらの艦艇のうち、中国海軍ルーヤンⅢ級")
    assert row["same_as"].endswith("同一である。")


def test_form016_new_releases_in_the_truth_table():
    """The 11 releases of 20 Aug - 15 Sep 2026 are in truth.csv (test_jso002 compares every row)."""
    files = [t["file"] for t in csv.DictReader((JSO / "truth.csv").open(encoding="utf-8"))]
    assert [f for f in files if f >= "p20260820"] == [
        "p20260820_02.pdf", "p20260821_02.pdf", "p20260827_02.pdf", "p20260831_02.pdf", "p20260907_05.pdf",
        "p20260910_02.pdf", "p20260914_01.pdf", "p20260914_02.pdf", "p20260914_03.pdf", "p20260915_01.pdf",
        "p20260915_02.pdf"]


def test_form017_ingest_report_date_option(tmp_path, capsys):
    """``ingest --report-date`` dates a reprint without a date line (here, unlike its file name)."""
    from sightings.__main__ import main

    text = tmp_path / "p20260822_01.txt"
    text.write_text(REPRINT, encoding="utf-8")
    preview = tmp_path / "rows.csv"
    data = tmp_path / "sightings.csv"
    data.write_bytes((Path(__file__).resolve().parents[2] / "data" / "sightings.csv").read_bytes())
    assert main(["ingest", str(text), "--dry-run", "--output", str(preview), "--data", str(data),
                 "--report-date", "2026-08-21"]) == 0
    rows = pd.read_csv(preview, dtype=str, keep_default_na=False)
    assert rows[["event_date", "report_date", "event_time"]].values.tolist() == [["2026-08-21", "2026-08-21", "00:00"]]
    with pytest.raises(SystemExit):
        main(["ingest", str(text), "--dry-run", "--data", str(data), "--report-date", "21 Aug"])
    assert "'21 Aug' is not a day like 2026-08-21" in capsys.readouterr().err


ENGLISH_COLUMNS = ("location_text", "direction", "strait", "sea_area", "activity", "ship_types", "vessels",
                   "chinese_vessels", "same_as", "hull_numbers")


def test_form018_no_japanese_in_an_english_column_of_the_dataset():
    """An invariant of the shipped dataset: Japanese stays in location_text_ja, observed_by, notes, sources."""
    frame = read_sightings()
    cells = [(column, str(value)) for column in ENGLISH_COLUMNS for value in frame[column]]
    japanese = [(c, v) for c, v in cells if re.search("[\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]", v)]
    assert japanese == []


def test_form019_english_columns_of_a_release_with_unknown_waters_stay_english():
    """A back-reference to waters with no English name reads "other waters", never Japanese."""
    text = HEAD.replace("防衛省", "なお、当該艦艇は、６月２０日（土）に沖大東島の東から北にかけての接続水域内を北西進し、"
                        "６月２５日（木）に犬吠埼（千葉県）の南東及び北西の海域を北東進したものと同一である。防衛省")
    [row] = release_rows([Release("p20260629_02.pdf", URL, text)])[0].to_dict("records")
    assert row["same_as"] == ["2026-06-20 other waters northwest", "2026-06-25 waters SE/NW of Cape Inubō northeast"]


WORDS = ["令和", "平成", "元年", "８年", "2026年", "６月", "２８日", "（日）", "(月)", "正午頃", "午前0時ごろ", "、", "。",
         "海上自衛隊は、", "宗谷岬", "竜飛岬", "青森県", "（北海道）", "の", "北西", "約", "５０", "50", "ｋｍ", "km",
         "の海域において、", "同海域を", "西進する", "遊弋する", "ロシア海軍", "中国海軍", "ウダロイⅠ級駆逐艦", "３隻",
         "（艦番号", "(", "「５４８」", "｢333｣", "及び", "並びに", "）", "の計", "合計", "を確認した。", "また、", "同日",
         "宗谷海峡を", "沖縄本島と宮古島の間の海域を", "東シナ海へ向けて航行", "なお、", "と同一である。",
         "防衛省・自衛隊は、", "により、", "統合幕僚監部報道発表資料", "\n", " "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=80))
def test_form020_any_text_gives_rows_lines_or_the_documented_error(words):
    """Arbitrary release-like text never escapes as anything but a ReleaseError (and rows validate)."""
    try:
        rows, lines = release_rows([Release("p20260629_02.pdf", URL, "".join(words))])
    except ReleaseError:
        return
    assert all(isinstance(line, str) for line in lines)
    assert set(rows["position_kind"]) <= {"derived", "unlocated"}


def test_form021_a_long_unread_entry_is_quoted_in_part_and_the_row_still_validates():
    junk = "艦艇" * 600                                               # 1,200 characters, no ship entry
    text = head(f"ロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」）及び{junk}")
    [s] = parse_release(text, "p20260629_02.pdf")
    assert s.review == (f"ship entry not read, kept verbatim: 「{junk[:200]}…」",)
    merged = merge_releases(read_sightings().iloc[:0], [Release("p20260629_02.pdf", URL, text)])
    [row] = merged.frame.to_dict("records")
    assert row["notes"].startswith(f"{REVIEW_MARK} ship entry not read") and len(row["notes"]) <= 2000
