"""Reading JSO releases: every release of the corpus against the hand-read truth table."""

import csv
import datetime as dt
import functools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sightings.jso import MAX_CHARS, ReleaseError, normalise, parse_release, pdf_text, release_url

JSO = Path(__file__).resolve().parents[2] / "data" / "jso"
RELEASES = json.loads((JSO / "releases.json").read_text(encoding="utf-8"))
TRUTH = list(csv.DictReader((JSO / "truth.csv").open(encoding="utf-8")))
PDFS = sorted((JSO / "pdf").glob("*.pdf"))


def as_truth_row(s) -> dict:
    """A parsed sighting in truth.csv's columns (lists ';'-joined, every ship in the order written)."""
    return {
        "file": s.file, "event_date": s.event_date.isoformat(), "event_time": s.event_time,
        "anchor_ja": s.anchor_ja, "anchor_prefecture": s.anchor_prefecture, "bearing_ja": s.bearing_ja,
        "distance_km": str(s.distance_km), "heading_ja": s.heading_ja,
        "ship_classes_ja": ";".join(x.class_ja for x in s.ships),
        "hull_numbers": ";".join(h for x in s.ships for h in x.hulls), "ships_total": str(s.ships_total),
        "russian_ships": str(s.russian_ships), "with_chinese": "yes" if s.with_chinese else "no",
        "strait_ja": s.passage_ja, "strait_direction_ja": s.passage_direction_ja, "same_as": s.same_as_ja,
        "observing_units": ";".join(s.observed_by),
    }


@functools.lru_cache(maxsize=1)
def parsed_corpus() -> tuple[dict, ...]:
    """The corpus parsed once for the 40 tests that compare it with the truth table."""
    return tuple(as_truth_row(s) for r in RELEASES for s in parse_release(r["text"], r["file"], r["url"]))


def test_jso001_corpus_has_one_parsed_sighting_per_truth_row():
    assert [(r["file"], r["event_date"]) for r in parsed_corpus()] == [(t["file"], t["event_date"]) for t in TRUTH]


@pytest.mark.parametrize("index", range(len(TRUTH)), ids=[f"{t['file']}-{t['event_time']}" for t in TRUTH])
def test_jso002_release_parses_to_the_truth_table(index):
    truth = {k: v for k, v in TRUTH[index].items() if k != "notes"}
    assert parsed_corpus()[index] == truth


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_jso003_pdf_parses_to_the_same_sightings_as_its_text(pdf):
    """pypdf's text of the PDF and poppler's pdftotext of it (data/jso/text/) read the same."""
    from_pdf = parse_release(pdf_text(pdf.read_bytes()), pdf.name)
    from_text = parse_release((JSO / "text" / f"{pdf.stem}.txt").read_text(encoding="utf-8"), pdf.name)
    assert from_pdf == from_text and from_pdf


def by_file(name: str, number: int = 0):
    path = JSO / "pdf" / f"{name}.pdf"
    return parse_release(pdf_text(path.read_bytes()), path.name)[number]


def test_jso004_pdf_values_read_by_hand():
    s = by_file("p20220904_01")
    assert (s.report_date, s.event_date, s.event_time) == (dt.date(2022, 9, 4), dt.date(2022, 9, 3), "15:00")
    assert (s.anchor_ja, s.bearing_ja, s.distance_km, s.heading_ja) == ("神威岬", "西", 190, "東")
    assert [(x.navy, x.count, x.hulls) for x in s.ships] == [
        ("russia", 3, ("333", "335", "339")), ("china", 1, ("101",)), ("china", 1, ("546",)), ("china", 1, ("902",))]
    assert (s.russian_ships, s.passage_ja, s.passage_direction_ja) == (3, "宗谷海峡", "東進")
    assert [r.navy for r in s.back_refs] == ["china"]          # 「これらの艦艇のうち、中国海軍…は」
    chinese_only, russian = parse_release(pdf_text((JSO / "pdf" / "p20220927_05.pdf").read_bytes()),
                                          "p20220927_05.pdf")
    assert chinese_only.russian_ships == 0 and chinese_only.ships_total == 3
    assert (russian.event_date, russian.event_time, russian.anchor_ja) == (dt.date(2022, 9, 27), "02:00", "犬吠埼")
    assert (russian.russian_ships, russian.passage_ja) == (4, "御蔵島と八丈島の間")   # 同月２７日(火) half-width brackets
    joint = by_file("p20220929_03")
    assert (joint.ships_total, joint.russian_ships, joint.passage_ja) == (7, 4, "大隅海峡")   # 計３隻、計４隻、合計７隻
    exercise = by_file("p20230724_03")
    assert (exercise.heading_ja, exercise.russian_ships, exercise.passage_ja) == ("", 4, "")
    assert exercise.anchor_ja == "隠岐諸島" and exercise.distance_km == 400


# One test per kind of text noise in data/jso/README.md, on a real release sentence.
HEAD = ("令和８年６月２８日\n統合幕僚監部\nロシア海軍艦艇の動向について\n"
        "令和８年６月２８日（日）正午頃、海上自衛隊は、宗谷岬（北海道）の北西約５０ｋｍの海域において、"
        "同海域を西進するロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」）を確認した。\n"
        "その後、当該艦艇が宗谷海峡を西進したことを確認した。\n"
        "防衛省・自衛隊は、海上自衛隊の第２航空群所属「Ｐ－３Ｃ」（八戸）により、警戒監視・情報収集を行った。\n")


def one(text: str):
    [sighting] = parse_release(text, "p20260629_02.pdf")
    return sighting


@pytest.mark.parametrize(("noisy", "check"), [
    (HEAD.replace("約５０", "約  \n５０"), lambda s: s.distance_km == 50),                 # break after 約
    (HEAD.replace("約５０", "約５\n０"), lambda s: s.distance_km == 50),                   # break in a number
    (HEAD.replace("５０ｋｍ", "５０\nｋｍ"), lambda s: s.distance_km == 50),               # break before the unit
    (HEAD.replace("「５４８」", "「５\n４８」"), lambda s: s.russian[0].hulls == ("548",)),  # break in a hull
    (HEAD.replace("艦番号", "艦\n番号"), lambda s: s.russian[0].hulls == ("548",)),        # break in a word
    (HEAD.replace("北西約", "北西\n約"), lambda s: s.bearing_ja == "北西"),                 # break after a bearing
    (HEAD.replace("駆逐艦", "駆逐\n艦"), lambda s: s.ships[0].class_ja == "ウダロイⅠ級駆逐艦"),  # break in a class
    (HEAD.replace("「Ｐ－３Ｃ」", "「 Ｐ－３Ｃ 」"), lambda s: s.observed_by == ("第２航空群所属「Ｐ－３Ｃ」（八戸）",)),
    (HEAD.replace("\n", " \n "), lambda s: s.passage_ja == "宗谷海峡"),                    # spaces at line ends
    (HEAD.replace("５４８", "548").replace("５０", "50"), lambda s: (s.distance_km, s.russian[0].hulls) == (50, ("548",))),
    (HEAD.replace("宗谷岬", "龍飛崎").replace("北海道", "青森県"), lambda s: s.anchor_ja == "龍飛崎"),
    (HEAD.replace("「５４８」", "「０１１」"), lambda s: s.russian[0].hulls == ("011",)),    # leading zero kept
])
def test_jso005_text_noise(noisy, check):
    assert check(one(noisy))


def test_jso006_normalise_joins_lines_keeps_characters_and_list_items():
    assert normalise("約  \n１１０ｋｍ") == "約１１０ｋｍ"
    assert normalise("ウダロイⅢ級") == "ウダロイⅢ級"
    assert normalise("同一である。\n① １６日、南進 \n② １９日、北東進") == "同一である。①１６日、南進 ②１９日、北東進"


def test_jso007_turned_back_is_no_transit():
    [s] = [s for r in RELEASES if r["file"] == "p20260330_02.pdf" for s in parse_release(r["text"], r["file"])]
    assert (s.passage_ja, s.passage_direction_ja) == ("", "")
    assert "津軽海峡" in s.text_ja        # the text names the strait, but it was not transited


def test_jso008_times_and_second_paragraphs():
    assert one(HEAD).event_time == "12:00"                                            # 正午
    assert one(HEAD.replace("正午頃", "午前０時頃")).event_time == "00:00"
    assert one(HEAD.replace("正午頃", "午後１１時頃")).event_time == "23:00"
    assert one(HEAD.replace("正午頃", "午前１０時３０分頃")).event_time == "10:30"
    second = HEAD.replace("令和８年６月２８日\n", "令和８年６月３０日\n").replace(
        "防衛省", "また、２９日（月）午前２時頃、海上自衛隊は、宗谷岬の北西約７０ｋｍの海域において、"
        "同海域を東進するロシア海軍バルザム級情報収集艦（艦番号「８０」）を確認した。防衛省")
    first, later = parse_release(second, "p20260630_01.pdf")
    assert (later.event_date, later.event_time, later.anchor_prefecture) == (dt.date(2026, 6, 29), "02:00", "北海道")
    assert later.observed_by == first.observed_by


def test_jso009_back_references_resolve_years_and_ranges():
    [s] = [s for r in RELEASES if r["file"] == "p20260318_02.pdf" for s in parse_release(r["text"], r["file"])]
    assert [(r.first, r.last, r.place_ja, r.direction_ja) for r in s.back_refs] == [
        (dt.date(2025, 10, 3), dt.date(2025, 10, 3), "対馬海峡", "南西進"),
        (dt.date(2025, 10, 5), dt.date(2025, 10, 6), "与那国島と西表島の間", "南西進"),
        (dt.date(2026, 3, 15), dt.date(2026, 3, 15), "与那国島と西表島の間", "北東進")]
    december = HEAD.replace("令和８年６月２８日（日）", "令和８年１月３日（土）").replace(
        "防衛省", "なお、当該艦艇は、１２月３０日（火）から１月２日（金）にかけて、対馬海峡を北東進したものと同一である。防衛省")
    [ref] = one(december.replace("令和８年６月２８日\n", "令和８年１月４日\n")).back_refs
    assert (ref.first, ref.last) == (dt.date(2025, 12, 30), dt.date(2026, 1, 2))      # across the year boundary


def test_jso010_release_url_from_the_file_name():
    assert release_url("p20260629_02.pdf") == "https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf"
    assert release_url("data/p20221231_01.txt") == "https://www.mod.go.jp/js/pdf/2022/p20221231_01.pdf"
    with pytest.raises(ReleaseError, match="not a release name like 'p20260629_02.pdf'"):
        release_url("scan.pdf")


@pytest.mark.parametrize(("text", "message"), [
    ("", "no text"),
    ("ロシア海軍艦艇の動向について\n本日は異状なし。", "not a movement release: no sighting sentence"),
    (HEAD.replace("６月２８日（日）", "２月３０日（月）"), "2026-02-30 is not a date"),
    ("x" * (MAX_CHARS + 1), "at most 2,000,000"),
])
def test_jso011_documented_errors(text, message):
    with pytest.raises(ReleaseError, match=re.escape(message)):
        parse_release(text, "p20260629_02.pdf")


def test_jso012_not_a_pdf():
    with pytest.raises(ReleaseError, match="not a PDF"):
        pdf_text(b"hello")
    with pytest.raises(ReleaseError, match="cannot be read"):
        pdf_text(b"%PDF-1.4\n garbage")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("令和８年６月２８日（日）正午頃、海上自衛隊は宗谷岬（北海道）の北西約５０ｋｍ"
                                               "海域において同を西進するロシア中国軍級艦番号「５４８」及び計隻確認した。"
                                               "その後峡なお一である防衛省・自衛隊により行動向について\n 0123456789")),
               max_size=400))
def test_jso013_arbitrary_text_returns_sightings_or_the_documented_error(text):
    try:
        result = parse_release(text, "p20260629_02.pdf")
    except ReleaseError:
        return
    assert isinstance(result, list) and result


def test_jso014_the_parser_holds_no_per_release_data():
    """Nothing in the parser names a release, a date or a hull number of the corpus."""
    source = (Path(__file__).resolve().parents[2] / "sightings" / "jso.py").read_text(encoding="utf-8")
    hulls = {h for t in TRUTH for h in t["hull_numbers"].split(";") if h}
    assert not re.findall(r"p20\d{6}_\d{2}", source.replace("p20260629_02", ""))   # the docstring example only
    assert not [h for h in hulls if re.search(rf"[「\"']{h}[」\"']", source)]
    assert not re.findall(r"20\d\d-\d\d-\d\d", source)
    for anchor in {t["anchor_ja"] for t in TRUTH}:
        assert not re.search(rf"[\"'「]{anchor}[\"'」（]", source), anchor
