"""sightings.ingest on one release sentence rewritten by hand (test_jso.HEAD), for make mutation.

test_ingest.py states these behaviours on shipped releases merged into the whole dataset (seconds
a mutant); here each case is HEAD with one part rewritten, merged into the two-row dataset of
test_importer_small_mutants.py, and every expected row value, line and message is written out.
"""

import json

import pandas as pd
import pytest

from sightings.ingest import Release, _english_waters, ingest, merge_releases, read_releases, release_rows
from sightings.jso import ReleaseError, parse_release, release_url
from sightings.store import load
from tests.unit.test_importer_small_mutants import STORED
from tests.unit.test_jso import HEAD

NAME = "p20260629_02.txt"
THEN = "その後、当該艦艇が宗谷海峡を西進したことを確認した。"


def rows(text: str, name: str = NAME):
    frame, lines = release_rows([Release(name, release_url(name), text)])
    return frame, lines


def row(text: str, name: str = NAME) -> dict:
    frame, _ = rows(text, name)
    [only] = frame.to_dict("records")
    return only


def test_ingest_small_mutant001_a_release_row_written_out():
    frame, lines = rows(HEAD)
    [got] = frame.to_dict("records")
    assert lines == []
    assert {k: v for k, v in got.items() if k not in ("lat", "lon")} == {
        "id": "2026-06-28-d2f6fb", "event_date": pd.Timestamp("2026-06-28"), "event_time": "12:00",
        "report_date": pd.Timestamp("2026-06-28"), "date_basis": "", "report_date_basis": "", "ships": 1,
        "ship_types": ["Udaloy I-class destroyer"], "hull_numbers": ["548"],
        "vessels": ["Udaloy I-class destroyer (548)"], "chinese_vessels": [],
        "location_text": "about 50 km NW of Cape Soya (Hokkaido) (around 12:00), heading west; then west through "
                         "the Soya Strait",
        "location_text_ja": "令和８年６月２８日（日）正午頃、海上自衛隊は、宗谷岬（北海道）の北西約５０ｋｍの海域において、"
                            "同海域を西進するロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」）を確認した。"
                            "その後、当該艦艇が宗谷海峡を西進したことを確認した。",
        "position_kind": "derived", "anchor": "Cape Soya", "bearing_deg": 315.0, "distance_km": 50.0,
        "strait": "Soya", "direction": "west", "sea_area": "", "activity": "transit", "with_chinese_ships": False,
        "observed_by": ["第２航空群所属「Ｐ－３Ｃ」（八戸）"], "same_as": [], "voyage_id": "", "voyage_link": "",
        "source_urls": ["https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf"],
        "source_names": ["Joint Staff Office, Ministry of Defense of Japan (出典：統合幕僚監部ウェブサイトを加工して作成; "
                         "processed by Straitwatch)"],
        "notes": ""}
    assert (round(got["lat"], 5), round(got["lon"], 5)) == (45.8401, 141.48149)


def test_ingest_small_mutant002_passages_and_the_sea_toward():
    two = row(HEAD.replace(THEN, "その後、当該艦艇は宗谷海峡を西進し、日本海へ向けて航行した。その後、対馬海峡を南西進した。"))
    assert (two["strait"], two["direction"]) == ("Soya", "west, toward the Sea of Japan")
    assert two["location_text"] == ("about 50 km NW of Cape Soya (Hokkaido) (around 12:00), heading west; then west "
                                    "through the Soya Strait; then southwest through the Tsushima Strait")
    assert two["notes"] == "The release names 2 passages; strait is the first, the others are in location_text."
    frame, lines = rows(HEAD.replace(THEN, "その後、当該艦艇は宗谷海峡を西進し、ナントカ海へ向けて航行した。"))
    assert (frame.at[0, "direction"], frame.at[0, "notes"]) == ("west", "")
    assert lines == [f"note: {NAME}: the sea 「ナントカ海」 has no English name here (add it to geo/seas.py); "
                     "left out of direction"]
    turned = row(HEAD.replace(THEN, ""))
    assert (turned["strait"], turned["direction"], turned["activity"]) == ("", "west", "detection")
    assert turned["location_text"] == "about 50 km NW of Cape Soya (Hokkaido) (around 12:00), heading west"
    loiter = row(HEAD.replace("同海域を西進する", "同海域を遊弋する"))
    assert (loiter["direction"], loiter["location_text"]) == (
        "west", "about 50 km NW of Cape Soya (Hokkaido) (around 12:00); then west through the Soya Strait")
    untimed = row(HEAD.replace("正午頃、", ""))
    assert (untimed["event_time"], untimed["location_text"]) == (
        "", "about 50 km NW of Cape Soya (Hokkaido), heading west; then west through the Soya Strait")


def test_ingest_small_mutant003_anchors():
    tappi = row(HEAD.replace("宗谷岬（北海道）", "龍飛岬（青森県）"))           # the gazetteer writes 龍飛崎
    assert (tappi["anchor"], tappi["location_text"]) == (
        "Cape Tappi", "about 50 km NW of Cape Tappi (Aomori) (around 12:00), heading west; then west through the "
                      "Soya Strait")
    unbracketed = row(HEAD.replace("宗谷岬（北海道）", "宗谷岬"))
    assert unbracketed["location_text"].startswith("about 50 km NW of Cape Soya (around 12:00)")
    with pytest.raises(ReleaseError) as caught:
        rows(HEAD.replace("宗谷岬（北海道）", "ナントカ岬（北海道）"))
    assert str(caught.value) == (f"{NAME}: unknown place 'ナントカ岬'; add it with a sourced coordinate to "
                                 "data/gazetteer.csv (alt_names)")
    lost = row(HEAD.replace("宗谷岬（北海道）の北西約５０ｋｍの海域において、同海域を西進する", ""))
    assert (lost["position_kind"], lost["anchor"], lost["location_text"]) == (
        "unlocated", "", "position not read from the release (see location_text_ja) (around 12:00); then west "
                         "through the Soya Strait")
    assert pd.isna(lost["lat"]) and pd.isna(lost["lon"]) and pd.isna(lost["bearing_deg"])
    assert pd.isna(lost["distance_km"])
    assert lost["notes"] == ("Needs review: no position (「…の方位約Nｋｍの海域において」) read in "
                             "「令和８年６月２８日（日）正午頃、海上自衛隊は、」.")


def test_ingest_small_mutant004_ship_entries():
    one = row(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）及び中国海軍レンハイ級駆逐艦（艦番号「１０３」）"))
    assert (one["ships"], one["activity"], one["with_chinese_ships"], one["chinese_vessels"]) == (
        1, "transit (with Chinese ships)", True, ["レンハイ級駆逐艦 (103)"])
    assert one["notes"] == "Release sighting: 1 Chinese ship entry listed with the Russian ships (in chinese_vessels)."
    two = row(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）、中国海軍レンハイ級駆逐艦（艦番号「１０３」）及び"
                                            "ルーヤンⅢ級駆逐艦（艦番号「１２４」）"))
    assert two["notes"] == "Release sighting: 2 Chinese ship entries listed with the Russian ships (in chinese_vessels)."
    frame, lines = rows(HEAD.replace("ウダロイⅠ級駆逐艦", "ナゾ級駆逐艦"))
    assert (frame.at[0, "ship_types"], frame.at[0, "vessels"]) == (["ナゾ級駆逐艦"], ["ナゾ級駆逐艦 (548)"])
    assert lines == [f"note: {NAME}: unknown class(es) kept verbatim: ナゾ級駆逐艦 (add them to data/ship_classes.csv)"]


@pytest.mark.parametrize(("waters", "english"), [
    ("犬吠埼の南東及び北西の海域", "waters SE/NW of Cape Inubō"),
    ("犬吠埼の南東の海域", "waters SE of Cape Inubō"),
    ("与那国島と西表島の間", "between Yonaguni Island and Iriomote Island"),
    ("ナントカの海域", "other waters"),
    ("ナントカの南東の海域", "other waters"),
    ("龍飛岬の東の海域", "waters E of Cape Tappi"),          # the gazetteer writes 龍飛崎: 岬 and 崎 read as one
    ("宗谷崎の北の海域", "waters N of Cape Soya"),           # and 宗谷岬
])
def test_ingest_small_mutant005_back_reference_waters(waters, english):
    assert _english_waters(waters) == english


def test_ingest_small_mutant006_same_as_in_english():
    same = row(HEAD.replace("防衛省", "なお、当該艦艇は、６月２０日（土）に犬吠埼の南東の海域を北進し、２２日（月）に対馬海峡を"
                                    "北東進したものと同一である。防衛省"))
    assert same["same_as"] == ["2026-06-20 waters SE of Cape Inubō north", "2026-06-22 Tsushima northeast"]
    chinese = row(HEAD.replace("防衛省", "なお、中国海軍の艦艇は、６月２０日（土）に対馬海峡を北東進したものと同一である。防衛省"))
    assert chinese["same_as"] == []


def test_ingest_small_mutant007_releases_skipped_or_refused():
    assert rows("ロシア海軍艦艇の動向について\n本日は異状なし。")[1] == [f"skipped: {NAME}: not a movement release"]
    assert rows("中国海軍艦艇の動向について\n表")[1] == [f"skipped: {NAME}: no Russian ships"]
    chinese = HEAD.replace("ロシア海軍ウダロイⅠ級駆逐艦（艦番号「５４８」）", "中国海軍レンハイ級駆逐艦（艦番号「１０３」）")
    assert rows(chinese)[1] == [f"skipped: {NAME}: no Russian ships in this sighting"]
    second = HEAD.replace("防衛省", "また、２９日（月）午前２時頃、海上自衛隊は、宗谷岬の北西約７０ｋｍの海域において、"
                                  "同海域を東進する中国海軍ルーヤンⅢ級駆逐艦（艦番号「１２４」）を確認した。防衛省")
    frame, lines = rows(second.replace("令和８年６月２８日\n", "令和８年６月３０日\n"))
    assert len(frame) == 1 and lines == [f"skipped: {NAME} #2: no Russian ships in this sighting"]
    with pytest.raises(ReleaseError) as caught:
        release_rows([Release("a.txt", release_url("p20260101_01.txt"), HEAD.replace("６月２８日（日）", "２月３０日（月）")),
                      Release("p20260101_02.txt", release_url("p20260101_02.txt"), "")])
    assert str(caught.value) == ("a.txt: 2026-02-30 is not a date\n"
                                 "p20260101_02.txt: no text (an empty file, or a PDF without extractable text)")


def test_ingest_small_mutant008_review_and_control_character_notes(tmp_path):
    path = tmp_path / NAME
    path.write_text(HEAD.replace("宗谷岬（北海道）の北西約５０ｋｍの海域において、同海域を西進する", "\x07"), encoding="utf-8")
    frame, lines = release_rows(read_releases([path]))
    assert frame.at[0, "source_urls"] == ["https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf"]
    assert frame.at[0, "notes"] == ("Needs review: no position (「…の方位約Nｋｍの海域において」) read in "
                                    "「令和８年６月２８日（日）正午頃、海上自衛隊は、」. Removed 1 control character "
                                    "('\\x07' at 55) from the release's text.")
    assert lines == [f"review: {NAME}: no position (「…の方位約Nｋｍの海域において」) read in "
                     "「令和８年６月２８日（日）正午頃、海上自衛隊は、」",
                     f"note: {NAME}: removed 1 control character ('\\x07' at 55) from the release's text"]


def test_ingest_small_mutant009_merged_into_a_small_dataset():
    stored = load(STORED.encode())
    outcome = merge_releases(stored, [Release(NAME, release_url(NAME), HEAD),
                                      Release("p20260630_01.txt", release_url("p20260630_01.txt"), HEAD)])
    assert outcome.lines == ("new 2026-06-28-d2f6fb: 2026-06-28 Soya from p20260629_02.pdf",
                             "merged with 2026-06-28-d2f6fb: 2026-06-28 Soya from p20260629_02.pdf")
    assert outcome.frame["id"].tolist() == ["2011-05-05-58e004", "2022-06-17-357588", "2026-06-28-d2f6fb"]
    assert outcome.rows["id"].tolist() == ["2026-06-28-d2f6fb"]
    assert outcome.rows.at[0, "source_urls"] == ["https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf",
                                                 "https://www.mod.go.jp/js/pdf/2026/p20260630_01.pdf"]


def test_ingest_small_mutant010_a_row_that_does_not_validate_is_named_by_its_release():
    stored = load(STORED.encode())
    with pytest.raises(ReleaseError) as caught:
        merge_releases(stored, [Release(NAME, release_url(NAME), HEAD.replace("約５０ｋｍ", "約９０００ｋｍ"))])
    sentence = "令和８年６月２８日（日）正午頃、海上自衛隊は、宗谷岬（北海道）の北西約９０００ｋｍの海域において、同…"
    assert str(caught.value) == (
        f"{NAME}, the sighting 「{sentence}」: distance_km: 9000.0 is not a distance (expected km above 0 up to 5,000, "
        f"or empty)\n{NAME}, the sighting 「{sentence}」: lon: 23.07521 is outside the region Straitwatch maps "
        "(expected a longitude from 110 to 170 around Japan; a lost sign, or lat and lon swapped?)")


def test_ingest_small_mutant011_ingest_writes_and_says_what(tmp_path):
    path = tmp_path / "sightings.csv"
    path.write_text(STORED, encoding="utf-8")
    before = path.read_bytes()
    dry = ingest(path, [Release(NAME, release_url(NAME), HEAD)], dry_run=True)
    assert dry.lines == ("new 2026-06-28-d2f6fb: 2026-06-28 Soya from p20260629_02.pdf",)
    assert path.read_bytes() == before and not (tmp_path / "CHANGELOG.md").exists()
    names = [f"p2026062{n}_01.txt" for n in range(3, 10)]
    releases = [Release(name, release_url(name), HEAD.replace("約５０ｋｍ", f"約５{n}ｋｍ")) for n, name in
                zip(range(3, 10), names, strict=True)]
    outcome = ingest(path, releases)
    assert len(outcome.decisions) == 7
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(written) == 9 and written["id"].tolist()[:2] == ["2011-05-05-58e004", "2022-06-17-357588"]
    log = (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert ("`ingest p20260623_01.txt, p20260624_01.txt, p20260625_01.txt, p20260626_01.txt, p20260627_01.txt and 2 "
            "more`: 9 rows; added 7, changed 0, removed 0. Joint Staff Office release(s) read: 7.") in log
    again = ingest(path, releases[:1])
    assert [d.merged_with for d in again.decisions] == ["2026-06-28-547966"]        # the row of about 53 km


def test_ingest_small_mutant012_corpus_names_with_control_characters_refused(tmp_path):
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps([{"file": "p20260101_01\x1b.pdf", "text": "t"}]), encoding="utf-8")
    with pytest.raises(ReleaseError) as caught:
        read_releases([path])
    assert str(caught.value) == (f"{path}: item 1 file 'p20260101_01\\x1b.pdf' holds 1 control character ('\\x1b' at 12); "
                                 "a release's file is printable text")


@pytest.mark.parametrize(("content", "message"), [
    ("not json", "not a JSON corpus (Expecting value: line 1 column 1 (char 0))"),
    ("[" * 100_000 + "]" * 100_000, "not a JSON corpus (nested too deeply; a corpus is a list of flat {file, url, "
                                    "text} objects)"),
    (json.dumps([{"file": "p20260101_01.pdf", "url": "https://www.mod.go.jp/js/\x1b", "text": "t"}]),
     "item 1 url 'https://www.mod.go.jp/js/\\x1b' holds 1 control character ('\\x1b' at 25); a release's url is "
     "printable text"),
    (json.dumps([{"file": "p" * 100 + "\x1b", "text": "t"}]),
     f"item 1 file '{'p' * 80}' holds 1 control character ('\\x1b' at 100); a release's file is printable text"),
])
def test_ingest_small_mutant013_corpus_refusals_written_out(tmp_path, content, message):
    path = tmp_path / "corpus.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReleaseError) as caught:
        read_releases([path])
    assert str(caught.value) == f"{path}: {message}"


def test_ingest_small_mutant014_warnings_unread_entries_and_long_reviews_in_notes():
    frame, lines = rows(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）計２隻"))
    assert frame.at[0, "notes"] == "The release's total 計2隻 differs from the 1 ships listed."
    assert lines == [f"note: {NAME}: the release's total 計2隻 differs from the 1 ships listed"]
    frame, lines = rows(HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）及び「（）」"))
    assert pd.isna(frame.at[0, "ships"])                       # an entry that may be Russian was not read
    assert frame.at[0, "notes"] == "Needs review: ship entry not read, kept verbatim: 「「（）」」."
    assert lines == [f"review: {NAME}: ship entry not read, kept verbatim: 「「（）」」",
                     f"note: {NAME}: ship count left unknown: an entry that may be Russian was not read"]
    # fifteen unread entries of 150 characters: the review is cut to the 2,000 characters notes may hold
    text = HEAD.replace("（艦番号「５４８」）", "（艦番号「５４８」）、" + "、".join(["「（" + "あ" * 150 + "）」"] * 15))
    [sighting] = parse_release(text, NAME)
    notes = row(text)["notes"]
    assert len(notes) == 1999 and notes == "Needs review: " + "; ".join(sighting.review)[:1983] + "…."


def test_ingest_small_mutant015_english_words_of_a_release():
    northeast = row(HEAD.replace(THEN, "その後、当該艦艇は対馬海峡を北東進した。"))
    assert (northeast["direction"], northeast["location_text"]) == (
        "northeast", "about 50 km NW of Cape Soya (Hokkaido) (around 12:00), heading west; then northeast through the "
                     "Tsushima Strait")
    _, lines = rows(HEAD.replace("ウダロイⅠ級駆逐艦（艦番号「５４８」）", "ナゾ級駆逐艦（艦番号「５４８」）及びナニ級駆逐艦（艦番号「５４９」）"))
    assert lines == [f"note: {NAME}: unknown class(es) kept verbatim: ナゾ級駆逐艦, ナニ級駆逐艦 (add them to "
                     "data/ship_classes.csv)"]
    at_sea = merge_releases(load(STORED.encode()), [Release(NAME, release_url(NAME), HEAD.replace(THEN, ""))])
    assert at_sea.lines == ("new 2026-06-28-5e5fb2: 2026-06-28 open sea from p20260629_02.pdf",)


@pytest.mark.parametrize("dry_run", [True, False])
def test_ingest_small_mutant016_ingest_names_a_bad_row_by_the_file_read(tmp_path, dry_run):
    path = tmp_path / "sightings.csv"
    path.write_text(STORED, encoding="utf-8")
    with pytest.raises(ReleaseError) as caught:
        ingest(path, [Release(NAME, release_url(NAME), HEAD.replace("約５０ｋｍ", "約９０００ｋｍ"))], dry_run=dry_run)
    assert str(caught.value).startswith(f"{NAME}, the sighting 「令和８年６月２８日（日）正午頃、")
    assert path.read_text(encoding="utf-8") == STORED


def test_ingest_small_mutant017_files_that_are_no_release(tmp_path):
    import os
    pipe = tmp_path / "p20260101_01.txt"
    os.mkfifo(pipe)
    with pytest.raises(ReleaseError) as caught:
        read_releases([pipe])
    assert str(caught.value) == f"{pipe}: not a regular file"
    bad = tmp_path / "p20260101_02.pdf"
    bad.write_bytes(b"hello")
    with pytest.raises(ReleaseError) as caught:
        read_releases([bad])
    assert str(caught.value) == f"{bad}: not a PDF file (it does not start with %PDF-)"


def test_ingest_small_mutant018_ingest_names_five_files_then_counts(tmp_path):
    path = tmp_path / "sightings.csv"
    path.write_text(STORED, encoding="utf-8")
    names = [f"p2026062{n}_01.txt" for n in range(3, 8)]
    ingest(path, [Release(name, release_url(name), HEAD.replace("約５０ｋｍ", f"約５{n}ｋｍ"))
                  for n, name in zip(range(3, 8), names, strict=True)])
    log = (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert ("`ingest p20260623_01.txt, p20260624_01.txt, p20260625_01.txt, p20260626_01.txt, p20260627_01.txt`: "
            "7 rows; added 5") in log
