"""dashboard.export, the behaviours a mutation run showed no test stated (docs/mutation.md).

Expected cells come from tests/expected.py (plain pandas over the rows), not from the export code.
"""

import datetime as dt
import io
import json

import pandas as pd
import pytest

from dashboard.export import filename, geojson_chunks, to_geojson
from sightings.export import EXPORT_COLUMNS, export_frame, to_csv
from dashboard.filters import FilterSpec
from geo.join import enrich
from sightings.store import read_sightings
from tests.expected import is_primary

D = dt.date


def test_export_mutant001_rows_straight_from_the_join_get_primary_source():
    rows = enrich(read_sightings())
    assert "primary_source" not in rows
    table = export_frame(rows)
    assert list(table.columns) == list(EXPORT_COLUMNS)
    assert table["primary_source"].tolist() == rows["source_urls"].map(is_primary).tolist()
    assert set(table["primary_source"]) == {True, False}


@pytest.mark.parametrize(("spec", "name"), [
    (FilterSpec(end=D(2022, 12, 31)), "straitwatch_start_2022-12-31.csv"),
    (FilterSpec(start=D(2022, 1, 1)), "straitwatch_2022-01-01_end.csv"),
    (FilterSpec(straits=("Tsugaru",), search="Udaloy"), "straitwatch_tsugaru_filtered.csv"),
])
def test_export_mutant002_file_name_for_an_open_range(spec, name):
    assert filename(spec, "csv") == name


def test_export_mutant003_a_long_file_name_is_cut_at_150_characters():
    hulls = tuple(str(n) for n in range(100, 140))
    name = filename(FilterSpec(hulls=hulls), "geojson")
    assert name == ("straitwatch_" + "_".join(f"hull-{h}" for h in hulls))[:150] + ".geojson"
    assert len(name) == 158


def test_export_mutant004_geojson_in_several_pieces_is_one_valid_collection(sightings):
    rows = sightings.head(5)
    pieces = list(geojson_chunks(rows, size=2))
    assert len(pieces) == 5                          # opening, three pieces of features, closing
    collection = json.loads("".join(pieces))
    assert [f["id"] for f in collection["features"]] == rows["id"].tolist()


def test_export_mutant005_geojson_keeps_japanese_text_unescaped(sightings):
    rows = sightings[sightings["location_text_ja"] != ""].head(2)
    assert len(rows) == 2
    text = to_geojson(rows)
    assert rows["location_text_ja"].iloc[0] in text and "\\u" not in text


def test_export_mutant006_a_csv_of_more_than_one_piece_has_one_header(sightings):
    rows = pd.concat([sightings] * (20_000 // len(sightings) + 1), ignore_index=True)   # two pieces of 20,000
    assert 20_000 < len(rows) < 40_000
    text = to_csv(rows)
    assert text.count("\nid,") + text.startswith("id,") == 1
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert back["id"].tolist() == rows["id"].tolist()


def test_export_mutant007_a_primary_source_column_given_is_kept(sightings):
    rows = sightings.head(3).assign(primary_source=[True, False, True])      # as given, whatever the URLs say
    assert export_frame(rows)["primary_source"].tolist() == [True, False, True]
    rows = sightings.head(3).assign(primary_source=[False, True, False])
    assert export_frame(rows)["primary_source"].tolist() == [False, True, False]


def test_export_mutant008_statistics_csv_is_formula_safe_with_no_index():
    from dashboard.export import stats_csv
    table = pd.DataFrame({"strait": ["=Soya", "Tsugaru"], "year": [2022, 2023], "passages": [3, 0]})
    assert stats_csv(table) == "strait,year,passages\n'=Soya,2022,3\nTsugaru,2023,0\n"


def test_export_mutant009_each_feature_keeps_its_sighting_id(sightings):
    rows = sightings.head(2)
    features = json.loads(to_geojson(rows))["features"]
    assert [feature["id"] for feature in features] == rows["id"].tolist()
