"""CSV / GeoJSON export: the filtered rows, every column, formula injection neutralised.

Expected cells come from tests/expected.py (plain pandas over the rows), not from the export code.
"""

import datetime as dt
import io
import json

import pandas as pd
import pytest

from dashboard.export import filename, to_geojson
from sightings.export import EXPORT_COLUMNS, to_csv
from dashboard.filters import FilterSpec
from sightings.cells import neutralise
from sightings.schema import COLUMNS
from sightings.store import DATASET, read_sightings, to_csv_text
from tests.expected import assert_download_equals, download_table, is_primary


@pytest.mark.parametrize(("cell", "expected"), [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(1)", "'@SUM(1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Udaloy-class destroyer", "Udaloy-class destroyer"), ("", ""),
    ("＝HYPERLINK(1)", "'＝HYPERLINK(1)"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠SUM(1)", "'＠SUM(1)"),
    ("\u200b=1+1", "'\u200b=1+1"), ("\ufeff=1+1", "'\ufeff=1+1"), ("\u00a0@SUM(1)", "'\u00a0@SUM(1)"),
    ("\u200b\u00a0\ufeff-1", "'\u200b\u00a0\ufeff-1"), ("\u200bUdaloy", "\u200bUdaloy"), (" =1", " =1"),
])
def test_export001_neutralise(cell, expected):
    assert neutralise(cell) == expected


def test_export002_csv_holds_every_column_of_the_rows(sightings):
    rows = sightings[sightings["strait"] == "Tsugaru"]
    assert_download_equals(to_csv(rows), rows, EXPORT_COLUMNS)
    back = pd.read_csv(io.StringIO(to_csv(rows)), dtype=str, keep_default_na=False)
    assert (back.loc[rows["lat"].isna().to_numpy(), "lat"] == "").all()
    assert back["primary_source"].tolist() == rows["source_urls"].map(lambda u: str(is_primary(u))).tolist()


def test_export006_the_dataset_file_is_written_by_the_same_cell_formatter(sightings):
    """The dataset's writer and the downloads format cells alike; only the download neutralises."""
    assert to_csv_text(read_sightings()) == DATASET.read_text(encoding="utf-8")
    rows = sightings.head(4).copy()
    rows["notes"] = "=kept as written in the dataset"
    dataset = pd.read_csv(io.StringIO(to_csv_text(rows)), dtype=str, keep_default_na=False)
    download = pd.read_csv(io.StringIO(to_csv(rows)), dtype=str, keep_default_na=False)
    assert (dataset["notes"] == "=kept as written in the dataset").all()
    assert (download["notes"] == "'=kept as written in the dataset").all()
    shared = [c for c in COLUMNS if c not in ("notes", "lat", "lon")]
    pd.testing.assert_frame_equal(dataset[shared], download[shared])


def test_export003_hostile_text_is_neutralised_in_csv_and_geojson(sightings):
    rows = sightings.head(3).copy()
    rows["notes"] = ['=HYPERLINK("http://x","y")', "＋cmd", "\ufeff@SUM(1)"]
    rows["location_text"] = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "-1"]
    table = pd.read_csv(io.StringIO(to_csv(rows)), dtype=str, keep_default_na=False)
    assert table["notes"].tolist() == ['\'=HYPERLINK("http://x","y")', "'＋cmd", "'\ufeff@SUM(1)"]
    assert table["location_text"].tolist()[2] == "'-1"
    features = json.loads(to_geojson(rows))["features"]
    assert [f["properties"]["notes"][0] for f in features] == ["'", "'", "'"]


def test_export004_geojson_points_and_null_geometries(sightings):
    collection = json.loads(to_geojson(sightings))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["id"] for f in features] == [f["properties"]["id"] for f in features] == sightings["id"].tolist()
    for feature, (_, row) in zip(features, sightings.iterrows(), strict=True):
        if pd.isna(row["lat"]) or row["position_kind"] in ("area", "unlocated"):
            assert feature["geometry"] is None
        else:
            assert feature["geometry"]["type"] == "Point"
            assert feature["geometry"]["coordinates"] == pytest.approx([row["lon"], row["lat"]])
    want = download_table(sightings, EXPORT_COLUMNS)
    properties = pd.DataFrame([f["properties"] for f in features])
    assert list(properties.columns) == list(EXPORT_COLUMNS)
    assert properties["ship_types"].tolist() == want["ship_types"].tolist()
    assert properties["primary_source"].tolist() == sightings["source_urls"].map(is_primary).tolist()
    assert [f["properties"]["ships"] for f in features] == [None if pd.isna(n) else int(n) for n in sightings["ships"]]


@pytest.mark.parametrize(("spec", "name"), [
    (FilterSpec(), "straitwatch.csv"),
    (FilterSpec(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31), straits=("Tsugaru",)),
     "straitwatch_2022-01-01_2022-12-31_tsugaru.csv"),
    (FilterSpec(chinese="yes"), "straitwatch_filtered.csv"),
    (FilterSpec(chinese="yes", straits=("Soya",), search="x"), "straitwatch_soya_filtered.csv"),
    (FilterSpec(hulls=("548", "011"), seas=("Sea of Japan",)), "straitwatch_hull-548_hull-011_filtered.csv"),
    (FilterSpec(primary=True, end=dt.date(2020, 1, 1)), "straitwatch_start_2020-01-01_primary-source.csv"),
])
def test_export005_filename_carries_the_filter(spec, name):
    assert filename(spec, "csv") == name
