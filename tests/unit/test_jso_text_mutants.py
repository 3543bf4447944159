"""sightings.jso on release text, the behaviours a mutation run showed no test stated (docs/mutation.md).

Each case is a real release sentence (test_jso.HEAD) with one part rewritten, and the value
the parser must read from it written out.
"""

import datetime as dt

import pytest

from sightings.jso import ReleaseError, normalise, parse_release
from tests.unit.test_jso import HEAD, RELEASES, TRUTH, as_truth_row, one

D = dt.date
PREFIX = "令和８年６月２８日（日）正午頃、海上自衛隊は、"          # 23 characters


def test_jso_text_mutant007_the_whole_corpus_reads_as_the_truth_table():
    """test_jso002 in one test, without its cache: a mutant is checked against every row of truth.csv.

    (test_jso002's 40 cases share one parse of the corpus, made by whichever runs first, so mutmut ties
    the parser's functions only to that first case.)
    """
    parsed = [as_truth_row(s) for r in RELEASES for s in parse_release(r["text"], r["file"], r["url"])]
    assert parsed == [{k: v for k, v in t.items() if k != "notes"} for t in TRUTH]


@pytest.mark.parametrize(("written", "anchor", "prefecture"), [
    ("北海道の宗谷岬", "宗谷岬", "北海道"),                     # prefecture first, joined by の
    ("青森県尻屋崎", "尻屋崎", "青森県"),                        # prefecture first, no の
    ("礼文島の宗谷岬", "宗谷岬", ""),                            # の after a place that is no prefecture
    ("北海道の礼文島のスコトン岬", "スコトン岬", ""),              # the place after the last の
    ("北海道の宗谷岬（東京都）", "宗谷岬", "東京都"),               # the bracket wins over a prefecture before
    ("青森県尻屋崎（北海道）", "尻屋崎", "北海道"),
])
def test_jso_text_mutant001_anchor_and_prefecture(written, anchor, prefecture):
    s = one(HEAD.replace("宗谷岬（北海道）", written))
    assert (s.anchor_ja, s.anchor_prefecture) == (anchor, prefecture)


@pytest.mark.parametrize(("filler", "quoted"), [
    (177, PREFIX + "あ" * 177),                 # 200 characters: quoted whole
    (178, PREFIX + "あ" * 177 + "…"),           # 201: the first 200 and an ellipsis
])
def test_jso_text_mutant002_a_head_without_position_is_quoted_for_review(filler, quoted):
    s = one(HEAD.replace("宗谷岬（北海道）の北西約５０ｋｍの海域において、同海域を西進する", "あ" * filler))
    assert s.review == (f"no position (「…の方位約Nｋｍの海域において」) read in 「{quoted}」",)
    assert (s.distance_km, s.anchor_ja, s.russian[0].hulls) == (None, "", ("548",))


@pytest.mark.parametrize(("written", "message"), [
    ("午後１３時頃", "impossible time '午後13時' in '令和8年6月28日（日）午後13時頃、海上自衛隊は、' "
                   "(expected 午前/午後 0 to 12 時 and 0 to 59 分)"),
    ("午前１１時６０分頃", "impossible time '午前11時60分' in '令和8年6月28日（日）午前11時60分頃、海上自衛隊は、' "
                       "(expected 午前/午後 0 to 12 時 and 0 to 59 分)"),
])
def test_jso_text_mutant003_an_impossible_time_is_refused(written, message):
    with pytest.raises(ReleaseError) as caught:
        one(HEAD.replace("正午頃", written))
    assert str(caught.value) == message


@pytest.mark.parametrize(("written", "time"), [("午後１２時５９分頃", "12:59"), ("午前１１時５９分頃", "11:59")])
def test_jso_text_mutant004_the_last_minute_of_an_hour(written, time):
    assert one(HEAD.replace("正午頃", written)).event_time == time


@pytest.mark.parametrize(("text", "expected"), [
    ("a  b", "a  b"),                   # between ASCII characters a run stays whole
    ("あ  b", "あb"),                   # next to a non-ASCII character it goes
    ("a あ", "aあ"),
    ("a\u3000 b", "a\u3000b"),          # an ideographic space after ASCII stays, the ASCII space after it goes
    ("あ\u3000 b", "あb"),
    ("a \u3000 b", "a\u3000b"),
    ("あ \u3000b", "あ\u3000b"),
    ("x あ  y z", "xあy z"),
])
def test_jso_text_mutant005_spaces_kept_only_between_ascii(text, expected):
    assert normalise(text) == expected


def back_refs(sentence: str, day: str = "令和８年７月３日（金）", issued: str = "令和８年７月３日\n"):
    text = HEAD.replace("令和８年６月２８日（日）", day).replace("令和８年６月２８日\n", issued) \
        .replace("防衛省", sentence + "防衛省")
    return [(r.first, r.last) for r in one(text).back_refs]


def test_jso_text_mutant006_back_references_to_no_date_say_where():
    # 29 February 2028 is after the sighting (28 February 2028): last year's, 2027-02-29, is no date
    with pytest.raises(ReleaseError) as caught:
        back_refs("なお、当該艦艇は、２月２９日（火）に対馬海峡を北東進したものと同一である。",
                  "令和１０年２月２８日（月）", "令和１０年２月２８日\n")
    assert str(caught.value) == "back-reference: 2027-02-29 is not a date"
    # 「１月３１日から２９日にかけて」: the range ends in the next month, 29 February 2026, no date
    with pytest.raises(ReleaseError) as caught:
        back_refs("なお、当該艦艇は、１月３１日（土）から２９日（日）にかけて、対馬海峡を北東進したものと同一である。")
    assert str(caught.value) == "back-reference: 2026-02-29 is not a date"



@pytest.mark.parametrize(("sentence", "expected"), [
    # a date with no move before the next date names no movement of its own (the move is the next date's)
    ("なお、当該艦艇は、６月２０日（土）、２２日（月）に対馬海峡を北東進したものと同一である。", [(D(2026, 6, 22), D(2026, 6, 22))]),
    ("なお、当該艦艇は、６月２０日（土）、２２日（月）、２４日（水）に対馬海峡を北東進したものと同一である。",
     [(D(2026, 6, 24), D(2026, 6, 24))]),
    # the second date's own era year is read (not the first date's)
    ("なお、当該艦艇は、令和７年１月１日（水）から令和８年１月２日（金）にかけて、対馬海峡を北東進したものと同一である。",
     [(D(2025, 1, 1), D(2026, 1, 2))]),
])
def test_jso_text_mutant008_back_reference_dates_and_their_moves(sentence, expected):
    assert back_refs(sentence) == expected


def test_jso_text_mutant009_range_ends_that_are_no_date_and_one_day_ranges():
    with pytest.raises(ReleaseError) as caught:
        back_refs("なお、当該艦艇は、１月３０日（金）から２月３０日（月）にかけて、対馬海峡を北東進したものと同一である。")
    assert str(caught.value) == "back-reference: 2026-02-30 is not a date"
    # 30 December 2028 to 「２月２９日」: 29 February of the next year, 2029, is no date
    with pytest.raises(ReleaseError) as caught:
        back_refs("なお、当該艦艇は、令和１０年１２月３０日（土）から２月２９日（木）にかけて、対馬海峡を北東進したものと同一である。",
                  "令和１１年１月３日（水）", "令和１１年１月４日\n")
    assert str(caught.value) == "back-reference: 2029-02-29 is not a date"
    assert back_refs("なお、当該艦艇は、６月３０日（火）から６月３０日（火）にかけて、対馬海峡を北東進したものと同一である。") == [
        (D(2026, 6, 30), D(2026, 6, 30))]


BODY = HEAD.replace("令和８年６月２８日\n", "")             # a reprint: no date line above the body
NO_POSITION = "no position (「…の方位約Nｋｍの海域において」) read in "


def test_jso_text_mutant010_the_report_date():
    assert one(HEAD).report_date == D(2026, 6, 28)                       # the date line, not the file name's 29th
    assert one(BODY).report_date == D(2026, 6, 29)                       # no date line: the file name's
    assert parse_release(BODY, "p20260629_02.pdf", report_date=D(2026, 7, 1))[0].report_date == D(2026, 7, 1)
    assert one("2026年6月30日\n" + BODY).report_date == D(2026, 6, 29)     # a web page's own date is not read
    assert one("令和８年６月３０日\n" + "あ" * 250 + "\n" + BODY).report_date == D(2026, 6, 29)   # too far above
    with pytest.raises(ReleaseError) as caught:
        parse_release(BODY, "scan.txt", url="https://www.mod.go.jp/js/x.pdf")
    assert str(caught.value) == ("scan.txt: no date line (令和N年M月D日) at the top of the release and no date in the "
                                 "file name; name the file like p20260629_02.txt or pass --report-date YYYY-MM-DD")
    with pytest.raises(ReleaseError) as caught:
        one(HEAD.replace("６月２８日（日）", "２月３０日（月）"))
    assert str(caught.value) == "p20260629_02.pdf: 2026-02-30 is not a date"


def test_jso_text_mutant011_every_field_of_a_sighting():
    s = one(HEAD)
    assert (s.file, s.url, s.report_date, s.toward_ja, s.same_as_ja) == (
        "p20260629_02.pdf", "https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf", D(2026, 6, 28), "", "")
    assert (s.passages, s.unread, s.warnings, s.review, s.back_refs) == ((("宗谷海峡", "西進"),), (), (), (), ())
    assert s.text_ja == ("令和８年６月２８日（日）正午頃、海上自衛隊は、宗谷岬（北海道）の北西約５０ｋｍの海域において、"
                         "同海域を西進するロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」）を確認した。"
                         "その後、当該艦艇が宗谷海峡を西進したことを確認した。")
    toward = one(HEAD.replace("宗谷海峡を西進したことを確認した。", "宗谷海峡を西進し、日本海へ向けて航行したことを確認した。"))
    assert toward.toward_ja == "日本海"
    remark = one(HEAD.replace("防衛省", "なお、天候は晴れであった。防衛省"))      # なお without 同一: not a same-as
    assert remark.text_ja.endswith("確認した。なお、天候は晴れであった。") and remark.same_as_ja == ""


def test_jso_text_mutant012_what_a_reader_must_look_at():
    same_day = one(HEAD.replace("令和８年６月２８日（日）正午頃", "同日正午頃"))
    assert same_day.event_date == D(2026, 6, 28)
    assert same_day.review == ("「同日」 (the same day) with no earlier date in the text: the report date is used",)
    unended = one(HEAD.replace("（艦番号「５４８」）を確認した。", "（艦番号「５４８」）が航行した。"))
    assert unended.review == ("the ship list does not end in 「を確認した」",
                              "ship entry not read, kept verbatim: 「ロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」）が航行した」")
    odd = one(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）及び「（）」"))
    assert (odd.review, odd.unread) == (("ship entry not read, kept verbatim: 「「（）」」",), (("russia", "「（）」"),))
    lost = one(HEAD.replace("宗谷岬（北海道）の北西約５０ｋｍの海域において、同海域を西進する", ""))
    assert (lost.bearing_ja, lost.heading_ja, lost.anchor_ja, lost.anchor_prefecture) == ("", "", "", "")
    no_navy = one(HEAD.replace("宗谷岬（北海道）の北西約５０ｋｍの海域において、同海域を西進するロシア海軍", "ナントカ"))
    assert no_navy.review == (
        f"{NO_POSITION}「令和８年６月２８日（日）正午頃、海上自衛隊は、ナントカウダロイⅠ級駆逐艦（艦番号「５４８」）を確認した。」",
        "the ship list does not end in 「を確認した」")
    assert (no_navy.ships, no_navy.unread) == ((), ())


def test_jso_text_mutant013_warnings():
    counted = one(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）計２隻"))
    assert (counted.warnings, counted.ships_total) == (("the release's total 計2隻 differs from the 1 ships listed",), 2)
    assert one(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）計１隻")).warnings == ()
    unclassed = one(HEAD.replace("ロシア海軍ウダロイⅠ級駆逐艦", "ロシア海軍補給艦"))
    assert unclassed.warnings == ("補給艦 (no class) listed under ロシア海軍 and counted in the release's total; counted as "
                                  "Russian ships as the release counts them",)
    chinese = one(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）及び中国海軍補給艦（艦番号「９０３」）"))
    assert chinese.warnings == ()                          # a Chinese ship without a class is no Russian count


def test_jso_text_mutant014_a_day_only_date_after_a_sighting_late_in_the_month_is_the_next_month():
    """「６月３０日…また、１日…」 in a release of 1 July: the second sighting is on 1 July, not 1 June."""
    text = HEAD.replace("令和８年６月２８日\n", "令和８年７月１日\n").replace("６月２８日（日）", "６月３０日（火）").replace(
        "防衛省", "また、１日（水）午前２時頃、海上自衛隊は、宗谷岬の北西約７０ｋｍの海域において、同海域を東進するロシア海軍"
                 "バルザム級情報収集艦（艦番号「８０」）を確認した。防衛省")
    assert [(s.event_date, s.event_time) for s in parse_release(text, "p20260701_01.pdf")] == [
        (D(2026, 6, 30), "12:00"), (D(2026, 7, 1), "02:00")]


@pytest.mark.parametrize(("issued", "written", "expected"), [
    ("令和８年１月２日\n", "１２月３０日（火）", D(2025, 12, 30)),           # a December sighting reported in January
    ("令和８年６月２９日\n", "２８日（日）", D(2026, 6, 28)),                # the report's month
])
def test_jso_text_mutant015_a_date_without_its_year(issued, written, expected):
    assert one(HEAD.replace("令和８年６月２８日\n", issued).replace("令和８年６月２８日（日）", written)).event_date == expected


def test_jso_text_mutant016_a_date_without_its_year_that_is_no_date():
    # reported 2 January 2028: 29 February 2028 is after it, 29 February 2027 no date
    with pytest.raises(ReleaseError) as caught:
        one(HEAD.replace("令和８年６月２８日\n", "令和１０年１月２日\n").replace("令和８年６月２８日（日）", "２月２９日（火）"))
    assert str(caught.value) == "p20260629_02.pdf: 2027-02-29 is not a date"


@pytest.mark.parametrize(("written", "issued", "expected"), [
    ("2026年6月28日（日）", "令和８年６月２８日\n", D(2026, 6, 28)),               # a Western year
    ("令和元年６月２８日（金）", "令和元年６月２９日\n", D(2019, 6, 28)),             # the era's first year
    ("平成３１年４月２８日（日）", "平成３１年４月２９日\n", D(2019, 4, 28)),
])
def test_jso_text_mutant017_years_as_releases_write_them(written, issued, expected):
    assert one(HEAD.replace("令和８年６月２８日\n", issued).replace("令和８年６月２８日（日）", written)).event_date == expected


def test_jso_text_mutant018_a_date_line_that_is_no_date():
    with pytest.raises(ReleaseError) as caught:
        one(HEAD.replace("令和８年６月２８日\n", "令和８年２月３０日\n"))
    assert str(caught.value) == "p20260629_02.pdf: 2026-02-30 is not a date"


def test_jso_text_mutant019_ship_lists():
    again = one(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）及びまた、ロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４９」）"))
    assert [(s.navy, s.class_ja, s.count, s.hulls) for s in again.ships] == [
        ("russia", "ウダロイⅠ級駆逐艦", 1, ("548",)), ("russia", "ウダロイⅠ級駆逐艦", 1, ("549",))]
    nameless = one(HEAD.replace("ロシア海軍ウダロイⅠ級駆逐艦", "ウダロイⅠ級駆逐艦"))     # no navy named: not read
    assert (nameless.ships, nameless.unread) == ((), (("", "ウダロイⅠ級駆逐艦（艦番号「５４８」）"),))
    empty_items = one(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）、、計１隻"))
    assert [(s.navy, s.class_ja, s.count) for s in empty_items.ships] == [("russia", "ウダロイⅠ級駆逐艦", 1)]
