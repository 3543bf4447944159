"""CSV / GeoJSON export: the filtered rows, every column, formula injection neutralised."""

import io
import json

import pandas as pd
import pytest

from dashboard.export import EXPORT_COLUMNS, export_frame, filename, neutralise, to_csv, to_geojson
from dashboard.filters import FilterSpec, apply_filters


@pytest.mark.parametrize(("cell", "expected"), [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(1)", "'@SUM(1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Udaloy-class destroyer", "Udaloy-class destroyer"), ("", ""),
])
def test_export001_neutralise(cell, expected):
    assert neutralise(cell) == expected


def test_export002_csv_round_trips_to_the_filtered_rows(sightings):
    spec = FilterSpec(straits=("Tsugaru",))
    rows = apply_filters(sightings, spec)
    back = pd.read_csv(io.StringIO(to_csv(rows)), dtype=str, keep_default_na=False)
    assert list(back.columns) == list(EXPORT_COLUMNS)
    assert back["id"].tolist() == rows["id"].tolist()
    assert back["event_date"].tolist() == rows["event_date"].dt.strftime("%Y-%m-%d").tolist()
    assert back["ship_types"].tolist() == rows["ship_types"].map("; ".join).tolist()
    located = rows["lat"].notna().to_numpy()
    assert (back.loc[~located, "lat"] == "").all()
    assert back.loc[located, "lat"].astype(float).tolist() == pytest.approx(rows.loc[located, "lat"].tolist(), abs=1e-5)
    assert back["ships"].tolist() == rows["ships"].map(lambda n: "" if pd.isna(n) else str(int(n))).tolist()


def test_export003_hostile_text_is_neutralised_in_csv_and_geojson(sightings):
    rows = sightings.head(3).copy()
    rows["notes"] = ['=HYPERLINK("http://x","y")', "+cmd", "@SUM(1)"]
    rows["location_text"] = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "-1"]
    table = pd.read_csv(io.StringIO(to_csv(rows)), dtype=str, keep_default_na=False)
    assert table["notes"].tolist() == ['\'=HYPERLINK("http://x","y")', "'+cmd", "'@SUM(1)"]
    assert table["location_text"].tolist()[2] == "'-1"
    features = json.loads(to_geojson(rows))["features"]
    assert [f["properties"]["notes"][0] for f in features] == ["'", "'", "'"]


def test_export004_geojson_points_and_null_geometries(sightings):
    collection = json.loads(to_geojson(sightings))
    assert len(collection["features"]) == len(sightings)
    with_point = [f for f in collection["features"] if f["geometry"]]
    assert len(with_point) == sightings["lat"].notna().sum()
    first = with_point[0]
    row = sightings.set_index("id").loc[first["id"]]
    assert first["geometry"]["coordinates"] == pytest.approx([row["lon"], row["lat"]])


@pytest.mark.parametrize(("spec", "name"), [
    (FilterSpec(), "straitwatch.csv"),
    (FilterSpec(start=__import__("datetime").date(2022, 1, 1), end=__import__("datetime").date(2022, 12, 31),
                straits=("Tsugaru",)), "straitwatch_2022-01-01_2022-12-31_tsugaru.csv"),
    (FilterSpec(chinese="yes"), "straitwatch_filtered.csv"),
])
def test_export005_filename_carries_the_filter(spec, name):
    assert filename(spec, "csv") == name
