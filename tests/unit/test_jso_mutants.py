"""sightings.jso, the behaviours a mutation run showed no test stated (docs/mutation.md)."""

import datetime as dt
import io
from pathlib import Path

import pytest

from sightings.jso import MAX_PDF_BYTES, ReleaseError, pdf_text, release_url
from tests.unit.test_jso import HEAD, one

JSO = Path(__file__).resolve().parents[2] / "data" / "jso"
D = dt.date


def back_refs(sentence: str):
    """The back-references of HEAD's sighting, moved to Friday 3 July 2026, with ``sentence`` added."""
    text = HEAD.replace("令和８年６月２８日（日）", "令和８年７月３日（金）").replace(
        "令和８年６月２８日\n", "令和８年７月３日\n").replace("防衛省", sentence + "防衛省")
    return [(r.first, r.last, r.place_ja, r.direction_ja, r.navy) for r in one(text).back_refs]


@pytest.mark.parametrize(("sentence", "expected"), [
    # 「３０日から２日にかけて」: the range ends in the next month
    ("なお、当該艦艇は、６月３０日（火）から２日（木）にかけて、対馬海峡（長崎県）を北東進したものと同一である。",
     [(D(2026, 6, 30), D(2026, 7, 2), "対馬海峡", "北東進", "all")]),
    ("なお、ロシア海軍の当該艦艇は、６月３０日（火）に対馬海峡を北東進したものと同一である。",
     [(D(2026, 6, 30), D(2026, 6, 30), "対馬海峡", "北東進", "russia")]),
    # the navy named last before the date is the subject
    ("なお、ロシア海軍と中国海軍の艦艇のうち、ロシア海軍の艦艇は、６月３０日（火）に対馬海峡を北東進したものと同一である。",
     [(D(2026, 6, 30), D(2026, 6, 30), "対馬海峡", "北東進", "russia")]),
])
def test_jso_mutant001_back_references(sentence, expected):
    assert back_refs(sentence) == expected


def test_jso_mutant002_a_range_across_the_year_without_a_month():
    text = HEAD.replace("令和８年６月２８日（日）", "令和８年１月３日（土）").replace("令和８年６月２８日\n", "令和８年１月４日\n") \
        .replace("防衛省", "なお、当該艦艇は、１２月３０日（火）から２日（金）にかけて、対馬海峡を北東進したものと同一である。防衛省")
    [ref] = one(text).back_refs
    assert (ref.first, ref.last) == (D(2025, 12, 30), D(2026, 1, 2))


def test_jso_mutant003_an_anchor_without_a_prefecture():
    assert one(HEAD.replace("宗谷岬（北海道）", "宗谷岬")).anchor_prefecture == ""


def test_jso_mutant004_pdf_size_and_signature_messages():
    with pytest.raises(ReleaseError) as too_big:
        pdf_text(b"%PDF-" + b"x" * MAX_PDF_BYTES)
    assert str(too_big.value) == "the PDF is 20 MB; a release is at most 20 MB"
    with pytest.raises(ReleaseError) as not_pdf:
        pdf_text(b"x" * MAX_PDF_BYTES)                       # exactly the limit: read, then refused as no PDF
    assert str(not_pdf.value) == "not a PDF file (it does not start with %PDF-)"


def test_jso_mutant005_pages_are_joined_by_one_line_break():
    from pypdf import PdfReader
    raw = (JSO / "pdf" / "p20220904_01.pdf").read_bytes()
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(raw)).pages]
    assert len(pages) > 1 and all(pages)
    assert pdf_text(raw).startswith(pages[0] + "\n" + pages[1] + "\n")


def test_jso_mutant006_release_name_message():
    with pytest.raises(ReleaseError) as caught:
        release_url("scan.pdf")
    assert str(caught.value) == ("file name 'scan.pdf' is not a release name like 'p20260629_02.pdf'; "
                                 "rename it as on the JSO site or pass the URL")


@pytest.mark.parametrize(("written", "time"), [
    ("", ""), ("午前１２時頃、", "00:00"), ("午後１２時頃、", "12:00"), ("午後０時５９分頃、", "12:59"),
])
def test_jso_mutant007_event_time(written, time):
    assert one(HEAD.replace("正午頃、", written)).event_time == time


def test_jso_mutant008_a_back_reference_on_the_sighting_day_is_this_year():
    assert back_refs("なお、当該艦艇は、７月３日（金）に対馬海峡を北東進したものと同一である。") == [
        (D(2026, 7, 3), D(2026, 7, 3), "対馬海峡", "北東進", "all")]
    assert back_refs("なお、当該艦艇は、１２月３０日（金）に対馬海峡を北東進したものと同一である。") == [
        (D(2025, 12, 30), D(2025, 12, 30), "対馬海峡", "北東進", "all")]


@pytest.mark.parametrize(("day", "message"), [
    ("２月３０日", "back-reference: 2026-02-30 is not a date"),
    ("７月３２日", "back-reference: 2026-07-32 is not a date"),
])
def test_jso_mutant009_a_back_reference_to_no_date_is_refused(day, message):
    with pytest.raises(ReleaseError) as caught:
        back_refs(f"なお、当該艦艇は、{day}（金）に対馬海峡を北東進したものと同一である。")
    assert str(caught.value) == message
