"""``python -m sightings export --sqlite``: the tables equal the CSVs, the full-text index finds words."""

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from sightings.__main__ import main

DATA = Path(__file__).resolve().parents[2] / "data"
CSVS = {"sightings": DATA / "sightings.csv", "ship_classes": DATA / "ship_classes.csv",
        "gazetteer": DATA / "gazetteer.csv"}


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "straitwatch.db"
    assert main(["export", "--sqlite", str(path)]) == 0
    return path


@pytest.mark.parametrize("table", sorted(CSVS))
def test_sqlite001_every_table_round_trips(database, table):
    stored = pd.read_sql(f"select * from {table}", sqlite3.connect(database))
    expected = pd.read_csv(CSVS[table], encoding="utf-8")
    pd.testing.assert_frame_equal(stored, expected, check_dtype=False)


@pytest.mark.parametrize("word", ["Vilkov", "vilkov", "Tsugaru Strait", "宗谷岬"])
def test_sqlite002_full_text_finds_what_pandas_finds(database, word):
    rows = pd.read_csv(CSVS["sightings"], dtype=str, keep_default_na=False)
    text = rows[["location_text", "location_text_ja", "ship_types", "hull_numbers", "vessels", "chinese_vessels",
                 "notes", "source_names", "direction", "activity", "strait", "sea_area"]].agg(" ".join, axis=1)
    expected = set(rows.loc[text.str.contains(word, case=False, regex=False), "id"])
    found = {r[0] for r in sqlite3.connect(database).execute(
        "select s.id from sightings_fts f join sightings s on s.rowid = f.rowid where sightings_fts match ?",
        (f'"{word}"',))}
    assert found == expected and found


def test_sqlite003_metadata_carries_licence_and_attribution(database):
    meta = json.loads((database.parent / "straitwatch.metadata.json").read_text(encoding="utf-8"))
    assert "Government of Japan Standard Terms of Use 2.0" in meta["license"]
    assert "出典：統合幕僚監部ウェブサイトを加工して作成" in meta["source"] and "processed by Straitwatch" in meta["source"]
    assert meta["databases"]["*"]["tables"]["sightings"]["fts_table"] == "sightings_fts"


def test_sqlite004_refuses_to_replace_without_force(database, capsys):
    before = database.read_bytes()
    assert main(["export", "--sqlite", str(database)]) == 2
    assert "exists; pass --force to replace it" in capsys.readouterr().err
    assert database.read_bytes() == before
    assert main(["export", "--sqlite", str(database.parent / "missing" / "x.db")]) == 2
    assert "no folder" in capsys.readouterr().err
