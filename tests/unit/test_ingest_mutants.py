"""sightings.ingest, the behaviours a mutation run showed no test stated (docs/mutation.md)."""

import json
from pathlib import Path

import pytest

from sightings.ingest import MAX_FILE_BYTES, read_releases
from sightings.jso import ReleaseError

JSO = Path(__file__).resolve().parents[2] / "data" / "jso"
TEXT = "p20220904_01"          # a release shipped as PDF and as pdftotext's text


def refused(paths) -> str:
    with pytest.raises(ReleaseError) as caught:
        read_releases(paths)
    return str(caught.value)


def test_ingest_mutant001_a_folder_reads_the_pdf_not_its_text(tmp_path):
    for suffix, folder in ((".pdf", "pdf"), (".txt", "text")):
        (tmp_path / f"{TEXT}{suffix}").write_bytes((JSO / folder / f"{TEXT}{suffix}").read_bytes())
    (tmp_path / "p20220905_01.TXT").write_text("ロシア海軍艦艇の動向について", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a release", encoding="utf-8")
    releases = read_releases([tmp_path])
    assert [r.file for r in releases] == [f"{TEXT}.pdf", "p20220905_01.TXT"]
    assert releases[0].url == f"https://www.mod.go.jp/js/pdf/2022/{TEXT}.pdf"
    assert releases[1].text == "ロシア海軍艦艇の動向について"


def test_ingest_mutant002_a_text_with_a_bom_and_one_not_utf8(tmp_path):
    good = tmp_path / "p20220905_01.txt"
    good.write_bytes("\ufeff本文".encode("utf-8"))
    assert read_releases([good])[0].text == "本文"
    bad = tmp_path / "p20220906_01.txt"
    bad.write_bytes("本文".encode("cp932"))
    assert refused([bad]) == f"{bad}: not UTF-8 text; save the release text as UTF-8"


def test_ingest_mutant003_file_kinds_and_sizes(tmp_path):
    other = tmp_path / "release.docx"
    other.write_text("x")
    assert refused([other]) == f"{other}: expected a release .pdf or .txt, a folder of them, or a corpus .json"
    assert refused([tmp_path / "p20220905_01.txt"]).startswith(f"{tmp_path / 'p20220905_01.txt'}: cannot read (")
    limit = MAX_FILE_BYTES[".txt"]
    exact = tmp_path / "p20220905_01.txt"
    exact.write_bytes(b"a" * limit)
    assert len(read_releases([exact])[0].text) == limit
    exact.write_bytes(b"a" * (limit + 1))
    assert refused([exact]) == f"{exact}: {limit + 1:,} bytes; a .txt input is at most {limit:,}"


@pytest.mark.parametrize(("corpus", "message"), [
    ("not json", "not a JSON corpus"),
    ({"file": "p20220905_01.txt"}, "expected a JSON list of releases ({file, url, text})"),
    ([{"file": "p20220905_01.txt"}], "item 1 needs 'file' and 'text' strings"),
    ([{"file": "p20220905_01.txt", "text": "x"}, {"file": 5, "text": "x"}], "item 2 needs 'file' and 'text' strings"),
])
def test_ingest_mutant004_corpus_refusals(tmp_path, corpus, message):
    path = tmp_path / "corpus.json"
    path.write_text(corpus if isinstance(corpus, str) else json.dumps(corpus), encoding="utf-8")
    assert refused([path]).startswith(f"{path}: {message}")


def test_ingest_mutant005_corpus_url_defaults_to_the_release_address(tmp_path):
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps([{"file": "p20220905_01.txt", "text": "本文"},
                                {"file": "x", "url": "https://www.mod.go.jp/js/pdf/2022/x.pdf", "text": "t"}]),
                    encoding="utf-8")
    assert [(r.file, r.url, r.text) for r in read_releases([path])] == [
        ("p20220905_01.txt", "https://www.mod.go.jp/js/pdf/2022/p20220905_01.pdf", "本文"),
        ("x", "https://www.mod.go.jp/js/pdf/2022/x.pdf", "t")]
