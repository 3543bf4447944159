"""Hostile releases (issue 19): the release path never crashes, hangs under the lock, or stores a control character.

One table per point of the issue. Each row makes one attack on ``python -m sightings
ingest`` (or ``import`` for the CSV-side crashes) against a copy of the dataset in
tmp_path and states the exit code, the words of the one-line refusal, and that the
dataset is byte-identical afterwards with no temporary file left. The hostile PDFs are
made here from raw bytes (tests/hostile_pdf.py), as the reviewer described them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from sightings import jso
from sightings.__main__ import main
from sightings.jso import ReleaseError, normalise, parse_release, pdf_text
from sightings.store import DATASET, read_sightings, to_csv_text
from tests import hostile_pdf as H

ROOT = Path(__file__).resolve().parents[2]
CORPUS = {item["file"]: item for item in json.loads((ROOT / "data" / "jso" / "releases.json").read_text("utf-8"))}
NAME = "p20260629_02.pdf"
URL = CORPUS[NAME]["url"]
TEXT = CORPUS[NAME]["text"]
TITLE = "ロシア海軍艦艇の動向について"
EXAMPLE = ROOT / "data" / "examples" / "new_reports.csv"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")   # written out, not imported


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """The live dataset without the rows of the release the attacks start from (so it would be added)."""
    frame = read_sightings(DATASET)
    frame = frame[~frame["source_urls"].map(lambda urls: URL in urls)]
    path = tmp_path / "data" / "sightings.csv"
    path.parent.mkdir()
    path.write_text(to_csv_text(frame), encoding="utf-8", newline="")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def unchanged(dataset: Path, before: bytes) -> None:
    assert dataset.read_bytes() == before
    assert sorted(p.name for p in dataset.parent.iterdir()) in (["sightings.csv"], ["sightings.csv", "sightings.csv.lock"])


def corpus(tmp: Path, items, raw: str | None = None) -> Path:
    path = tmp / "corpus.json"
    path.write_text(raw if raw is not None else json.dumps(items, ensure_ascii=True), encoding="utf-8")
    return path


def one_line_refusal(err: str, *words: str) -> None:
    """Exactly one ``error:`` line (then ``rejected:``), holding every word, and no traceback."""
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, err
    for word in words:
        assert word in errors[0], (word, err)
    assert "Traceback" not in err


# --- Crashes with a traceback (13): each is now exit 2 and one line naming the file and the problem -----------

def _deep_json(tmp: Path) -> Path:
    return corpus(tmp, None, raw="[" * 200_000 + "]" * 200_000)


PDF_CRASHES = [
    ("crash01_page_tree_depth", lambda: H.deep_page_tree(150), ["the PDF cannot be read (it goes past a safety limit", "page tree depth"]),
    ("crash02_array_stream", lambda: H.array_stream_pdf(10_001), ["safety limit", "Array-based stream"]),
    ("crash03_element_count", lambda: H.big_array_pdf(100_001), ["safety limit", "array element count"]),
    ("crash04_to_unicode_size", lambda: H.big_to_unicode_pdf(200_000), ["safety limit", "/ToUnicode size"]),
    ("crash05_unknown_security_handler", H.encrypted_pdf, ["feature pypdf cannot read", "encryption handler"]),
    ("crash06_self_referencing_catalog", lambda: H.build({1: b"1 0 R"}),
     ["the PDF cannot be read (its objects are malformed"]),
    ("crash07_catalog_loop", lambda: H.build({1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"3 0 R", 3: b"2 0 R"}),
     ["the PDF cannot be read"]),
    ("crash08_nested_arrays", lambda: H.build({
        1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /Junk " + b"[" * 100_000 + b"]" * 100_000 + b" >>"}),
     ["the PDF cannot be read"]),
    ("crash09_no_pages", lambda: H.self_catalog_pdf(), ["the PDF has no pages"]),
]




def test_hostile_release_crash10_json_nested_200000_deep(dataset, tmp_path, capsys):
    before = dataset.read_bytes()
    path = _deep_json(tmp_path)
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 2
    one_line_refusal(err, str(path), "not a JSON corpus", "nested too deeply")
    unchanged(dataset, before)


@pytest.mark.parametrize("raw, words", [
    ("[" + "1" * 5_000 + "]", ["not a JSON corpus (Exceeds the limit (4300 digits)"]),
    ('[{"file": "p20260629_02.pdf", "text": "x"', ["not a JSON corpus (Expecting"]),
    ("\ufeff{}", ["expected a JSON list of releases"]),
], ids=["huge_number", "cut_short", "not_a_list"])
def test_hostile_release_crash10b_corpus_json_refused(raw, words, dataset, tmp_path, capsys):
    before = dataset.read_bytes()
    path = corpus(tmp_path, None, raw=raw)
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 2
    one_line_refusal(err, str(path), *words)
    unchanged(dataset, before)


@pytest.mark.parametrize("key, value, words", [
    ("url", URL + "\ud800", ["item 1 url", "'\\ud800'", "control character"]),
    ("url", URL + "\x00", ["item 1 url", "'\\x00'"]),
    ("file", "p20260629_02\x1b[2J.pdf", ["item 1 file", "'\\x1b'"]),
], ids=["crash11_lone_surrogate_url", "nul_url", "escape_in_file"])
def test_hostile_release_crash11_corpus_names_with_controls_refused(key, value, words, dataset, tmp_path, capsys):
    before = dataset.read_bytes()
    path = corpus(tmp_path, [{"file": NAME, "url": URL, "text": TEXT, key: value}])
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 2
    one_line_refusal(err, str(path), *words)
    assert "\x1b" not in err and "\x00" not in err
    unchanged(dataset, before)


def example_csv(**cells) -> bytes:
    frame = pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False).head(1)
    for column, value in cells.items():
        frame[column] = value
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


@pytest.mark.parametrize("raw, options, words", [
    (example_csv(event_date="2263-01-01"), [],
     ["row 1, event_date: '2263-01-01' is out of range (expected a date from 1992-01-01 to today)"]),
    (example_csv(event_date="0001-01-01"), [], ["'0001-01-01' is out of range"]),
    (example_csv(), ["--encoding", "rot13"], ["--encoding 'rot13' is not a text encoding", "e.g. utf-8, cp932"]),
    (example_csv(), ["--encoding", "base64"], ["--encoding 'base64' is not a text encoding"]),
    (example_csv(), ["--encoding", "zlib"], ["--encoding 'zlib' is not a text encoding"]),
    (example_csv(), ["--encoding", "unicode_escape"], ["is not an encoding a file is saved in"]),
    (example_csv(), ["--encoding", "utf\x00"], ["unknown encoding 'utf\\x00'"]),
], ids=["crash12_date_2263", "date_year_1", "crash13_rot13", "base64", "zlib", "unicode_escape", "nul_name"])
def test_hostile_release_crash12_import_dates_and_encodings_refused(raw, options, words, dataset, tmp_path, capsys):
    before = dataset.read_bytes()
    path = tmp_path / "new.csv"
    path.write_bytes(raw)
    status, out, err = run(capsys, "import", path, *options, "--data", dataset)
    assert status == 2
    one_line_refusal(err, *words)
    unchanged(dataset, before)


def test_hostile_release_crash14_anything_else_is_one_line(monkeypatch, dataset, tmp_path, capsys):
    """A failure nobody foresaw is still one line and exit 2, never a traceback."""
    def broken(paths):
        raise ZeroDivisionError("division by zero\nsecond line")
    monkeypatch.setattr("sightings.__main__.read_releases", broken)
    before = dataset.read_bytes()
    status, out, err = run(capsys, "ingest", tmp_path / NAME, "--data", dataset)
    assert status == 2
    one_line_refusal(err, "unexpected ZeroDivisionError (division by zero second line); nothing was written")
    unchanged(dataset, before)


def test_hostile_release_crash15_a_huge_entry_is_one_short_refusal(dataset, tmp_path, capsys):
    """An entry of 200,000 brackets is kept for review, then refused by the row's length bound: one short line."""
    before = dataset.read_bytes()
    path = tmp_path / "p20260629_02.txt"
    path.write_text(TEXT.replace("ウダロイⅠ級駆逐艦", "ウダロイ" + "（" * 200_000, 1), encoding="utf-8")
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 2
    [error] = [line for line in err.splitlines() if line.startswith("error: ")]
    assert error.startswith("error: p20260629_02.txt, the sighting 「令和８年６月２８日（日）正午頃")
    assert "is too long" in error and len(error) < 700
    assert "Traceback" not in err
    unchanged(dataset, before)


# --- Hangs: linear parsing, bounded PDF reading, no lock while parsing --------------------------------------

def former_normalise(text: str) -> str:
    """The pattern normalise used before (quadratic on a run of spaces): the oracle for short texts."""
    joined = "".join(line.strip() for line in text.splitlines())
    joined = re.sub(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+", "", joined)
    return re.sub(r"(?<=[^。\s])(?=[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])", " ", joined)


def test_hostile_release_hang01_normalise_keeps_the_former_rule():
    """Every short text over a tricky alphabet normalises as the former pattern did (20,000 of them)."""
    import random
    rng = random.Random(19)
    alphabet = ["a", "約", " ", "\u3000", "\n", "\t", "①", "。", "1", "\xa0"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert normalise(text) == former_normalise(text), repr(text)


@pytest.mark.parametrize("text, expected", [
    ("約 \n １１０ｋｍ", "約１１０ｋｍ"),
    ("in  the PDF", "in  the PDF"),
    ("a \u3000 b", "a\u3000b"),
    ("a" + " " * 2_000_000 + "b", "a" + " " * 2_000_000 + "b"),   # the former pattern: hours
    ("約" + " " * 2_000_000 + "b", "約b"),
    ("a\x00b\x1b[2J\x7f\x85\ud800c", "ab[2Jc"),
])
def test_hostile_release_hang02_normalise_literal(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("text", [
    TITLE + " " * 1_999_000 + "x",
    "令和８年６月２９日\n" + " " * 1_999_000 + TITLE,
    TITLE + "1" * 1_999_000,
    TITLE + "１" * 690_000,
    TITLE + "約 " * 520_000,
    TITLE + "海上自衛隊は、" * 99_000,
], ids=["spaces", "title_after_spaces", "ascii_digits", "fullwidth_digits", "spaced_kanji", "head_words"])
def test_hostile_release_hang03_two_megabytes_skipped(text, dataset, tmp_path, capsys):
    """Two megabytes with no sighting sentence: read in linear time, skipped with its reason, nothing written."""
    before = dataset.read_bytes()
    path = tmp_path / "p20260629_02.txt"
    path.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 0
    assert "skipped: p20260629_02.txt: not a movement release" in out + err
    assert "Traceback" not in err
    unchanged(dataset, before)


PDF_BOUNDS = [
    ("hang04_20000_pages_one_stream", lambda: H.shared_stream_pdf(20_000, TITLE, 10),
     ["page tree entry limit"]),
    ("hang05_too_many_pages", lambda: H.shared_stream_pdf(60, TITLE, 1), ["has 60 pages; a release has at most 50"]),
    ("hang06_shared_stream_content", lambda: H.shared_stream_pdf(3, TITLE, 1, pad=2**20),
     ["more than 2 MB of content"]),
    ("hang06b_array_of_big_streams", lambda: H.many_big_streams_pdf(2_000, 1_500_000),
     ["more than 2 MB of content"]),
    ("hang07_10mb_of_text", lambda: H.shared_stream_pdf(1, TITLE + "あ" * 1000, 10_000),
     ["the PDF cannot be read", "Limit reached while decompressing"]),
    ("hang08_one_code_many_characters", lambda: H.build({
        1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        4: H.stream(b"BT /F1 10 Tf <" + b"0001" * 2_000 + b"> Tj ET"),
        **H.font_objects(5, {1: "約" * 250})}),
     ["more than 150,000 characters of text"]),
    ("hang09_title_checked_first", lambda: H.build({
        1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        3: b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 8 0 R >>",
        4: b"<< /Type /Page /Parent 2 0 R /Contents [" + b"9 0 R " * 10_001 + b"] >>",
        **H.font_objects(5, {1: "お", 2: "知", 3: "ら", 4: "せ"}),
        8: H.stream(b"BT /F1 10 Tf <0001000200030004> Tj ET"), 9: H.stream(b"")}),
     ["no title", "on page 1, the first page with text"]),
    ("scan01_no_extractable_text", lambda: H.scanned_pdf(3), ["no extractable text on any of its 3 page(s)"]),
]


@pytest.mark.parametrize("code, make, words", PDF_CRASHES + PDF_BOUNDS, ids=[c[0] for c in PDF_CRASHES + PDF_BOUNDS])
def test_hostile_release_pdf_refused_within_bounds(code, make, words, dataset, tmp_path, capsys):
    before = dataset.read_bytes()
    pdf = tmp_path / NAME
    pdf.write_bytes(make())
    status, out, err = run(capsys, "ingest", pdf, "--data", dataset)
    assert status == 2
    one_line_refusal(err, str(pdf), *words)
    unchanged(dataset, before)


def test_hostile_release_hang15_many_back_references_read():
    """40,000 dated moves in one 「同一である」 sentence are all read (the former slicing: minutes)."""
    import datetime as dt
    same_as = "なお、これらの艦艇は、" + "1日（月）に対馬海峡を南西進し、" * 40_000 + "たものと同一である。"
    refs = jso._back_refs(same_as, dt.date(2026, 6, 28))
    assert len(refs) == 40_000
    assert {(r.place_ja, r.direction_ja, r.navy) for r in refs} == {("対馬海峡", "南西進", "all")}


def test_hostile_release_hang10_deadline_while_extracting(monkeypatch):
    """The time bound holds inside a page's extraction: the deadline passing at an operator stops it there."""
    operators = []

    class Spy(jso._PdfBudget):
        def operator(self, *args):
            operators.append(args[0])
            if len(operators) == 3:
                self.deadline = 0.0                   # the time runs out at the page's third operator
            super().operator(*args)
    monkeypatch.setattr(jso, "_PdfBudget", Spy)
    with pytest.raises(ReleaseError) as caught:
        pdf_text(H.text_pdf(TEXT))
    assert str(caught.value).startswith("reading the PDF took more than 10 s")
    assert len(operators) == 3


def test_hostile_release_hang10b_deadline_while_pypdf_repairs_the_file():
    """pypdf's repair of a broken file (a backwards search for %%EOF, line by line) is under the deadline too."""
    with pytest.raises(ReleaseError) as caught:
        pdf_text(b"%PDF-1.4\n" + b"x\n" * 100_000, max_seconds=0)
    assert str(caught.value).startswith("reading the PDF took more than 0 s")


def test_hostile_release_hang11_character_cap_stops_extraction_on_the_page(monkeypatch):
    """The character cap stops extraction as text comes out, not after the page (one page, 40 lines)."""
    seen = []

    class Spy(jso._PdfBudget):
        def text(self, text, *rest):
            seen.append(len(text))
            super().text(text, *rest)
    monkeypatch.setattr(jso, "_PdfBudget", Spy)
    with pytest.raises(ReleaseError, match="more than 1,000 characters"):
        pdf_text(H.text_pdf("\n".join([TITLE] + ["約" * 100] * 40)), max_chars=1_000)
    assert 1_000 < sum(seen) <= 1_000 + 101            # stopped within a line past the cap, not at 4,000


def test_hostile_release_hang12_no_lock_while_parsing(monkeypatch, dataset, tmp_path, capsys):
    """Parsing runs with the dataset's lock free (another writer could take it); the merge then takes it."""
    from filelock import FileLock, Timeout

    import sightings.ingest as ingest_module
    states = []

    def parse_watching_the_lock(*args, **kwargs):
        try:
            with FileLock(f"{dataset.resolve()}.lock", timeout=0):
                states.append("free")
        except Timeout:
            states.append("held")
        return parse_release(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "parse_release", parse_watching_the_lock)
    path = tmp_path / "p20260629_02.txt"
    path.write_text(TEXT, encoding="utf-8")
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 0, err
    assert states == ["free"]
    assert "added 1" in err


# --- Accepted wrongly: an impossible time --------------------------------------------------------------------

@pytest.mark.parametrize("written, words", [
    ("午前２５時６０分頃", "impossible time '午前25時60分'"),
    ("午後１３時頃", "impossible time '午後13時'"),
    ("午前１０時６０分頃", "impossible time '午前10時60分'"),
], ids=["wrong01_hour_25_minute_60", "pm_13", "minute_60"])
def test_hostile_release_wrong01_impossible_time_refused(written, words, dataset, tmp_path, capsys):
    before = dataset.read_bytes()
    path = tmp_path / "p20260629_02.txt"
    assert "正午頃" in TEXT
    path.write_text(TEXT.replace("正午頃", written), encoding="utf-8")
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 2
    one_line_refusal(err, "p20260629_02.txt", words, "expected 午前/午後 0 to 12 時 and 0 to 59 分")
    unchanged(dataset, before)


# --- Real releases refused with the wrong words ----------------------------------------------------------------

def test_hostile_release_msg01_validation_names_the_release_and_sentence(dataset, tmp_path, capsys):
    """A release whose rows fail validation is named with its sentence, not "row 107" of the merged dataset."""
    before = dataset.read_bytes()
    path = tmp_path / "p20260629_02.txt"
    path.write_text(TEXT.replace("令和８年", "令和９年"), encoding="utf-8")      # 2027: in the future
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 2
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert errors == [
        "error: p20260629_02.txt, the sighting 「令和９年６月２８日（日）正午頃、海上自衛隊は、宗谷岬（北海道）の北西約５０ｋｍの海域において、同海域…」: "
        f"{column}: '{day}' is in the future (expected today or earlier)"
        for column, day in (("event_date", "2027-06-28"), ("report_date", "2027-06-29"))]
    assert not re.search(r"\brow \d", err)
    unchanged(dataset, before)


# --- Control characters in a release's text: removed with a note, never stored ---------------------------------

def _txt(tmp: Path) -> Path:
    path = tmp / "p20260629_02.txt"
    path.write_text(TEXT.replace("海上自衛隊は、宗谷岬", "海上自衛隊は、\x00宗谷\x1b岬\x7f").replace("確認した", "確認\x85した"),
                    encoding="utf-8")
    return path


def _pdf(tmp: Path) -> Path:
    path = tmp / NAME
    path.write_bytes(H.text_pdf(TEXT.replace("宗谷岬", "宗\x00谷\ud800岬\x1b\x7f", 1)))
    return path


def _corpus(tmp: Path) -> Path:
    return corpus(tmp, [{"file": NAME, "url": URL, "text": TEXT.replace("宗谷岬", "宗\x00谷\ud800岬\x1b\x07", 1)}])


@pytest.mark.parametrize("make, note", [
    (_txt, "Removed 5 control characters ('\\x00' at "),
    (_pdf, "Removed 4 control characters ('\\x00' at "),
    (_corpus, "Removed 4 control characters ('\\x00' at "),
], ids=["ctrl01_txt", "ctrl02_pdf_to_unicode", "ctrl03_corpus_escapes"])
def test_hostile_release_controls_removed_with_a_note(make, note, dataset, tmp_path, capsys):
    path = make(tmp_path)
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 0, err
    assert "added 1" in err
    stored = dataset.read_bytes().decode("utf-8")             # strict UTF-8: no lone surrogate was written
    assert not CONTROL.search(stored.replace("\r\n", "\n"))
    frame = read_sightings(dataset)                           # the reader takes what was written
    [row] = frame[frame["source_urls"].map(lambda urls: URL in urls)].to_dict("records")
    assert "宗谷岬（北海道）の北西約５０ｋｍ" in row["location_text_ja"]
    assert note in row["notes"]
    assert "note: " in out and "control characters" in out
    assert not CONTROL.search(out + err.replace("\n", ""))


def test_hostile_release_ctrl04_terminal_output_escaped(dataset, tmp_path, capsys):
    """A file name carrying an escape sequence is printed as its escape, not obeyed by the terminal."""
    before = dataset.read_bytes()
    path = tmp_path / "p2026\x1b]0;owned\x07.txt"
    path.write_text(TEXT, encoding="utf-8")
    status, out, err = run(capsys, "ingest", path, "--data", dataset)
    assert status == 2
    assert "\\x1b]0;owned\\x07" in err
    assert "\x1b" not in err and "\x07" not in err
    unchanged(dataset, before)


def test_hostile_release_ctrl05_parse_release_alone_never_yields_controls():
    [sighting] = parse_release(TEXT.replace("宗谷岬", "宗\x00谷\x9b岬"), NAME)
    assert sighting.anchor_ja == "宗谷岬"
    assert not CONTROL.search(sighting.text_ja)
