"""sightings.jso's PDF reading stated on small hand-made PDFs (tests/hostile_pdf.py), for make mutation.

The shipped release PDFs cost pypdf a second each; these PDFs of a few lines cost it a few
milliseconds, so every mutant of :func:`sightings.jso.pdf_text` is checked against them
(docs/mutation.md). Each expected text or message is written out.
"""

import logging

import pytest

from sightings.jso import NoExtractableText, NotAMovementRelease, ReleaseError, _pypdf_problem, pdf_text
from tests import hostile_pdf as H

TITLE = "ロシア海軍艦艇の動向について"


def refusal(raw: bytes, **bounds) -> tuple[type, str]:
    with pytest.raises(ReleaseError) as caught:
        pdf_text(raw, **bounds)
    return type(caught.value), str(caught.value)


def test_jso_pdf_mutant001_pages_joined_by_one_line_break():
    assert pdf_text(H.text_pdf(TITLE + "\n本文", "二頁目")) == TITLE + "\n本文\n" + "\n" + "二頁目\n"


def test_jso_pdf_mutant002_the_title_on_the_first_page_with_text():
    assert pdf_text(H.text_pdf("", TITLE, "三")) == "\n" + TITLE + "\n" + "\n" + "三\n"
    assert refusal(H.text_pdf("その他", TITLE)) == (NotAMovementRelease, (
        "not a movement release: no title (「…艦艇の動向について」) on page 1, the first page with text; "
        "is it a JSO release about ship movements?"))
    assert refusal(H.text_pdf("", "その他")) == (NotAMovementRelease, (
        "not a movement release: no title (「…艦艇の動向について」) on page 2, the first page with text; "
        "is it a JSO release about ship movements?"))
    # a later page without the title is read: only the first page with text must hold it
    assert pdf_text(H.text_pdf(TITLE, "その他")) == TITLE + "\n\nその他\n"


def test_jso_pdf_mutant003_page_count_bounds():
    assert pdf_text(H.text_pdf(TITLE, "b"), max_pages=2) == TITLE + "\n\nb\n"
    assert refusal(H.text_pdf(TITLE, "b", "c"), max_pages=2) == (
        ReleaseError, "the PDF has 3 pages; a release has at most 2")
    assert refusal(H.shared_stream_pdf(51, TITLE, 1)) == (ReleaseError, "the PDF has 51 pages; a release has at most 50")
    assert refusal(H.shared_stream_pdf(1_001, TITLE, 1)) == (ReleaseError, (
        "the PDF cannot be read (it goes past a safety limit of the PDF reader: LimitReachedError: Maximum page "
        "tree entry limit reached: 1001 > 1000.)"))
    assert refusal(H.self_catalog_pdf()) == (ReleaseError, "the PDF has no pages")


def test_jso_pdf_mutant004_characters_bound_inclusive():
    assert pdf_text(H.text_pdf(TITLE), max_chars=15) == TITLE + "\n"          # 14 characters and a line break
    assert refusal(H.text_pdf(TITLE), max_chars=14) == (ReleaseError, (
        "the PDF holds more than 14 characters of text (a release has about 3,000); it is not a single release"))
    assert pdf_text(H.text_pdf(TITLE, "あ"), max_chars=17) == TITLE + "\n\nあ\n"
    assert refusal(H.text_pdf(TITLE, "あ"), max_chars=16) == (ReleaseError, (
        "the PDF holds more than 16 characters of text (a release has about 3,000); it is not a single release"))


def test_jso_pdf_mutant005_time_bound():
    assert refusal(H.text_pdf(TITLE), max_seconds=0) == (ReleaseError, (
        "reading the PDF took more than 0 s (a release takes under 1 s); it is not a release, or it is built "
        "to be slow"))
    assert refusal(H.text_pdf(TITLE), max_seconds=-0.5) == (ReleaseError, (
        "reading the PDF took more than -0.5 s (a release takes under 1 s); it is not a release, or it is built "
        "to be slow"))
    assert pdf_text(H.text_pdf(TITLE), max_seconds=5) == TITLE + "\n"


def test_jso_pdf_mutant006_content_bound():
    assert refusal(H.shared_stream_pdf(3, TITLE, 1, pad=2**20)) == (ReleaseError, (
        "the PDF's pages hold more than 2 MB of content (a release has about 0.1 MB); it is not a single release"))
    assert refusal(H.many_big_streams_pdf(2, 1_500_000)) == (ReleaseError, (
        "the PDF's pages hold more than 2 MB of content (a release has about 0.1 MB); it is not a single release"))
    assert pdf_text(H.shared_stream_pdf(2, TITLE, 1, pad=2**19)).count(TITLE) == 2      # 1 MB of content: read


def test_jso_pdf_mutant007_scans_and_unreadable_files():
    assert refusal(H.scanned_pdf(3)) == (NoExtractableText, (
        "no extractable text on any of its 3 page(s) (a scanned image?); a release PDF from the JSO site has "
        "selectable text, or give the text as a .txt"))
    assert refusal(b"%PDF-1.4\n garbage") == (
        ReleaseError, "the PDF cannot be read (PdfStreamError: Stream has ended unexpectedly)")
    assert refusal(H.encrypted_pdf()) == (ReleaseError, (
        "the PDF cannot be read (it uses a feature pypdf cannot read: NotImplementedError: only Standard PDF "
        "encryption handler is available)"))


def test_jso_pdf_mutant008_pypdf_limits_tightened():
    assert refusal(H.deep_page_tree(21)) == (ReleaseError, (
        "the PDF cannot be read (it goes past a safety limit of the PDF reader: LimitReachedError: Maximum page "
        "tree depth reached: 21 > 20.)"))
    assert refusal(H.big_to_unicode_pdf(200_000)) == (ReleaseError, (
        "the PDF cannot be read (it goes past a safety limit of the PDF reader: LimitReachedError: Maximum "
        "/ToUnicode size limit reached: 200000 > 100000.)"))


def test_jso_pdf_mutant009_pypdf_warnings_off_then_restored():
    log = logging.getLogger("pypdf")
    before = log.level
    seen = []
    log.setLevel(logging.INFO)
    try:
        handler = logging.Handler()
        handler.emit = lambda record: seen.append(record.levelno)
        log.addHandler(handler)
        try:
            refusal(b"%PDF-1.4\n garbage")
            assert log.level == logging.INFO
        finally:
            log.removeHandler(handler)
    finally:
        log.setLevel(before)
    assert all(level >= logging.ERROR for level in seen)


@pytest.mark.parametrize(("error", "problem"), [
    (RecursionError("deep"), "its objects are nested or linked too deeply: RecursionError: deep"),
    (NotImplementedError(), "it uses a feature pypdf cannot read: NotImplementedError"),
    (KeyError("x"), "its objects are malformed: KeyError: 'x'"),
    (TypeError("a\n  b"), "its objects are malformed: TypeError: a b"),
    (IndexError("i"), "its objects are malformed: IndexError: i"),
    (ValueError("v"), "its objects are malformed: ValueError: v"),
    (AttributeError("a"), "its objects are malformed: AttributeError: a"),
    (OSError("o" * 300), "OSError: " + "o" * 200),
])
def test_jso_pdf_mutant010_what_pypdf_could_not_do(error, problem):
    assert _pypdf_problem(error) == problem
