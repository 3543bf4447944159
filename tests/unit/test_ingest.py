"""Ingesting JSO releases: rows made from a release, merging with news rows, the command."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from pyproj import Geod

from sightings.__main__ import main
from sightings.curate import SOURCES, curate
from sightings.ingest import Release, merge_releases, read_releases, release_rows
from sightings.jso import ReleaseError
from sightings.store import DATASET, read_sightings

JSO = Path(__file__).resolve().parents[2] / "data" / "jso"
CORPUS = {r["file"]: r for r in json.loads((JSO / "releases.json").read_text(encoding="utf-8"))}


def release(name: str) -> Release:
    item = CORPUS[name]
    return Release(item["file"], item["url"], item["text"])


def cli(*argv: str) -> int:
    return main(list(argv))


def test_ingest001_a_release_becomes_a_sourced_derived_row():
    rows, lines = release_rows([release("p20260629_02.pdf")])
    [row] = rows.to_dict("records")
    assert (row["event_date"], row["event_time"], row["report_date"]) == (
        pd.Timestamp("2026-06-28"), "12:00", pd.Timestamp("2026-06-29"))
    assert (row["ships"], row["ship_types"], row["hull_numbers"]) == (1, ["Udaloy I-class destroyer"], ["548"])
    assert row["vessels"] == ["Udaloy I-class destroyer (548)"] and row["chinese_vessels"] == []
    assert (row["strait"], row["direction"], row["activity"]) == ("Soya", "west", "transit")
    assert row["location_text"] == ("about 50 km NW of Cape Soya (Hokkaido) (around 12:00), heading west; "
                                    "then west through the Soya Strait")
    assert row["location_text_ja"].startswith("令和８年６月２８日（日）正午頃、海上自衛隊は、宗谷岬（北海道）の北西約５０ｋｍ")
    # the gazetteer's Cape Soya (45.5229 N, 141.9366 E), 50 km along a WGS84 geodesic at 315 degrees
    lon, lat, _ = Geod(ellps="WGS84").fwd(141.9366, 45.5229, 315.0, 50_000.0)
    assert (row["lat"], row["lon"], row["position_kind"]) == (pytest.approx(lat, abs=1e-5), pytest.approx(lon, abs=1e-5),
                                                              "derived")
    assert row["source_urls"] == ["https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf"]
    assert "統合幕僚監部ウェブサイトを加工して作成" in row["source_names"][0]
    assert row["observed_by"] == ["第２航空群所属「Ｐ－３Ｃ」（八戸）"]
    assert lines == []


def test_ingest002_joint_movement_keeps_chinese_ships_apart():
    [row] = release_rows([release("p20260716_02.pdf")])[0].to_dict("records")
    assert (row["ships"], row["hull_numbers"], row["with_chinese_ships"]) == (1, ["343"], True)
    assert row["chinese_vessels"] == ["Renhai-class destroyer (103)", "Luyang III-class destroyer (124)",
                                      "Fuchi-class replenishment ship (903)"]
    assert (row["strait"], row["direction"]) == ("Miyako", "south, toward the Pacific Ocean")
    assert row["same_as"] == ["2026-05-09/2026-05-10 Tsushima southwest", "2026-05-12/2026-05-13 Yonaguni southwest",
                              "2026-06-27 Yonaguni northeast"]


def test_ingest003_turned_back_is_a_detection_without_a_strait():
    [row] = release_rows([release("p20260330_02.pdf")])[0].to_dict("records")
    assert (row["strait"], row["activity"], row["direction"]) == ("", "detection", "east")
    assert row["location_text"] == "about 120 km W of Cape Tappi (Aomori) (around 06:00), heading east"


def test_ingest004_cargo_ships_counted_and_said():
    rows, lines = release_rows([release("p20260511_01.pdf")])
    assert rows.loc[0, "ships"] == 10 and "cargo ship" in rows.loc[0, "ship_types"]
    assert "counted as Russian ships" in rows.loc[0, "notes"]
    assert any(line.startswith("note: p20260511_01.pdf: 貨物船") for line in lines)


def test_ingest005_chinese_only_sighting_is_skipped_with_a_line():
    releases = read_releases([JSO / "pdf" / "p20220927_05.pdf"])
    rows, lines = release_rows(releases)
    assert len(rows) == 1 and rows.loc[0, "ships"] == 4
    assert lines == ["skipped: p20220927_05.pdf #1: no Russian ships in this sighting"]


def test_ingest006_unknown_class_kept_verbatim_and_reported():
    text = CORPUS["p20260629_02.pdf"]["text"].replace("ウダロイⅠ級駆逐艦", "ウダロイⅣ級駆逐艦")
    rows, lines = release_rows([Release("p20260629_02.pdf", CORPUS["p20260629_02.pdf"]["url"], text)])
    assert rows.loc[0, "ship_types"] == ["ウダロイⅣ級駆逐艦"]
    assert lines == ["note: p20260629_02.pdf: unknown class(es) kept verbatim: ウダロイⅣ級駆逐艦 "
                     "(add them to data/ship_classes.csv)"]


def test_ingest007_unknown_anchor_names_it_and_the_closest_places():
    text = CORPUS["p20260629_02.pdf"]["text"].replace("宗谷岬（北海道）の北西", "宗谷鼻（北海道）の北西")
    with pytest.raises(ReleaseError, match=r"unknown place '宗谷鼻'; closest known: 宗谷岬"):
        release_rows([Release("p20260629_02.pdf", CORPUS["p20260629_02.pdf"]["url"], text)])


def test_ingest008_reissued_release_merges_with_its_first_issue():
    outcome = merge_releases(read_sightings().iloc[:0], [release("p20260720_01.pdf"), release("p20260721_01.pdf")])
    [row] = outcome.frame.to_dict("records")
    assert row["source_urls"] == ["https://www.mod.go.jp/js/pdf/2026/p20260720_01.pdf",
                                  "https://www.mod.go.jp/js/pdf/2026/p20260721_01.pdf"]
    assert [d.merged_with for d in outcome.decisions] == ["", row["id"]]


def test_ingest009_release_fills_the_news_row_it_retells():
    news_only, _ = curate(SOURCES, releases=None)
    outcome = merge_releases(news_only, [release("p20260316_01.pdf")])
    [decision] = outcome.decisions
    assert decision.merged_with == "2026-03-15-562d2d"
    row = outcome.frame.set_index("id").loc["2026-03-15-562d2d"]
    assert row["source_urls"][0] == "https://www.mod.go.jp/js/pdf/2026/p20260316_01.pdf"
    assert "https://funeco.jp/news/news-30663" in row["source_urls"]          # the news page stays
    assert (row["event_time"], row["hull_numbers"]) == ("15:00", ["543"])


def test_ingest010_shipped_dataset_cites_every_release_of_the_corpus():
    cited = {u for urls in read_sightings()["source_urls"] for u in urls}
    corpus = {r["url"] for r in CORPUS.values()}
    pdfs = set(pd.read_csv(JSO / "pdf" / "index.csv")["url"])
    assert corpus | pdfs <= cited
    assert len(corpus) == 48 and len(pdfs) == 6


def test_ingest011_no_two_rows_describe_the_same_sighting():
    """No two rows share a date, a passage and a hull number."""
    frame = read_sightings()
    keyed = frame[frame["hull_numbers"].map(bool)].explode("hull_numbers")
    repeated = keyed[keyed.duplicated(["event_date", "strait", "hull_numbers"], keep=False)]
    assert repeated[["id", "event_date", "strait", "hull_numbers"]].values.tolist() == []


def test_ingest012_ingesting_a_shipped_release_again_adds_nothing(tmp_path, capsys):
    data = tmp_path / "sightings.csv"
    shutil.copy(DATASET, data)
    before = data.read_bytes()
    assert cli("ingest", str(JSO / "pdf" / "p20220904_01.pdf"), "--data", str(data)) == 0
    out, err = capsys.readouterr()
    assert out.startswith("merged with 2022-09-03-") and "added 0, merged 1" in err
    assert len(read_sightings(data)) == len(read_sightings(DATASET))
    assert data.read_bytes() == before


def test_ingest013_dry_run_output_and_refusals(tmp_path, capsys):
    data = tmp_path / "sightings.csv"
    shutil.copy(DATASET, data)
    before = data.read_bytes()
    text = tmp_path / "p20260629_02.txt"
    text.write_text(CORPUS["p20260629_02.pdf"]["text"], encoding="utf-8")
    preview = tmp_path / "preview.csv"
    assert cli("ingest", str(text), "--dry-run", "--output", str(preview), "--data", str(data)) == 0
    rows = pd.read_csv(preview, dtype=str, keep_default_na=False)
    assert rows["source_urls"].tolist()[0].startswith("https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf")
    assert len(rows) == 1
    assert cli("ingest", str(text), "--dry-run", "--output", str(preview), "--data", str(data)) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    assert cli("ingest", str(text), "--dry-run", "--output", str(data), "--data", str(data)) == 2
    assert "is the dataset" in capsys.readouterr().err
    assert cli("ingest", str(text), "--dry-run", "--output", str(text), "--force", "--data", str(data)) == 2
    assert "is an input file" in capsys.readouterr().err
    bad = tmp_path / "p20260101_01.txt"
    bad.write_text("ロシア海軍艦艇の動向について\n本日は異状なし。", encoding="utf-8")
    assert cli("ingest", str(bad), "--data", str(data)) == 0          # another kind of release: skipped, said
    assert "skipped: p20260101_01.txt: not a movement release" in capsys.readouterr().out
    assert cli("ingest", str(tmp_path / "scan.doc"), "--data", str(data)) == 2
    assert data.read_bytes() == before


def test_ingest014_inputs_are_bounded_and_regular(tmp_path):
    big = tmp_path / "p20260101_01.txt"
    big.write_bytes(b"x" * (2 * 2**20 + 1))
    with pytest.raises(ReleaseError, match="at most 2,097,152"):
        read_releases([big])
    with pytest.raises(ReleaseError, match="no release .pdf or .txt files"):
        read_releases([tmp_path / "empty"] if (tmp_path / "empty").mkdir() is None else [])
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps([{"file": "p20260101_01.pdf", "url": "https://evil.example/x.pdf", "text": "t"}]))
    with pytest.raises(ReleaseError, match="is not a JSO address"):
        read_releases([corpus])
