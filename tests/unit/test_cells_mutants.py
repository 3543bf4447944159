"""sightings.cells on hand-made cells and a two-row frame, for make mutation (issue 20).

test_export.py states neutralise over every formula start and the downloads over the shipped
dataset; these state restore and each column kind of as_cells with literal cells.
"""

import numpy as np
import pandas as pd
import pytest

from sightings.cells import as_cells, neutralise, restore


@pytest.mark.parametrize(("cell", "expected"), [
    ("'=1+1", "''=1+1"), ("''+1", "'''+1"), ("'\u200b-1", "''\u200b-1"),
    ("'tis", "'tis"), ("'", "'"), ("a=1", "a=1"), ("x\n=1", "x\n=1"),
])
def test_cells_mutant001_neutralise_behind_apostrophes(cell, expected):
    assert neutralise(cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("'=1+1", "=1+1"), ("''=1+1", "'=1+1"), ("'＝1", "＝1"), ("'\u200b@x", "\u200b@x"), ("'\t1", "\t1"),
    ("'tis", "'tis"), ("'", "'"), ("=1+1", "=1+1"), ("", ""), ("Udaloy", "Udaloy"), ("x'=1", "x'=1"),
])
def test_cells_mutant002_restore_takes_off_only_the_added_apostrophe(cell, expected):
    assert restore(cell) == expected
    assert restore(neutralise(expected)) == expected


def rows() -> pd.DataFrame:
    return pd.DataFrame({
        "ship_types": [["Udaloy I-class destroyer", "frigate"], []],
        "source_urls": [["https://a.example", "https://b.example"], ["https://c.example"]],
        "named_seas": [["Sea of Japan", "East China Sea"], []],
        "event_date": [pd.Timestamp("2022-03-05"), pd.Timestamp("2023-12-31 14:30")],    # written as the day
        "with_chinese_ships": [True, False],
        "lat": [45.123456789, np.nan],
        "bearing_deg": [90.0, np.nan],
        "distance_km": [12.5, 0.000001],
        "notes": ["=1+1", None],
        "activity": ["-transit", "exercise"],
        "ships": pd.array([3, pd.NA], dtype="Int64"),
    }, index=[7, 3])


def test_cells_mutant003_each_column_kind_as_its_csv_cell():
    cells = as_cells(rows(), ("ship_types", "source_urls", "named_seas", "event_date", "with_chinese_ships", "lat",
                              "bearing_deg", "distance_km", "notes", "activity", "ships"))
    assert cells.index.tolist() == [7, 3]
    assert cells["ship_types"].tolist() == ["Udaloy I-class destroyer; frigate", ""]
    assert cells["source_urls"].tolist() == ["https://a.example | https://b.example", "https://c.example"]
    assert cells["named_seas"].tolist() == ["Sea of Japan; East China Sea", ""]
    assert cells["event_date"].tolist() == ["2022-03-05", "2023-12-31"]
    assert cells["with_chinese_ships"].tolist() == ["yes", "no"]
    assert cells["lat"].iloc[0] == 45.12346 and pd.isna(cells["lat"].iloc[1])
    assert cells["bearing_deg"].tolist() == ["90", ""]
    assert cells["distance_km"].tolist() == ["12.5", "0"]
    # the dataset keeps its words as written
    assert cells["notes"].iloc[0] == "=1+1" and pd.isna(cells["notes"].iloc[1])
    assert cells["activity"].tolist() == ["-transit", "exercise"]
    assert cells["ships"].tolist() == [3, pd.NA]
    assert list(cells.columns) == ["ship_types", "source_urls", "named_seas", "event_date", "with_chinese_ships",
                                   "lat", "bearing_deg", "distance_km", "notes", "activity", "ships"]


def test_cells_mutant004_spreadsheet_safe_neutralises_text_only():
    cells = as_cells(rows(), ("notes", "activity", "ship_types", "with_chinese_ships", "lat", "ships"),
                     spreadsheet_safe=True)
    assert cells["notes"].tolist() == ["'=1+1", ""]
    assert cells["activity"].tolist() == ["'-transit", "exercise"]
    assert cells["ship_types"].tolist() == ["Udaloy I-class destroyer; frigate", ""]
    assert cells["with_chinese_ships"].tolist() == ["yes", "no"]
    assert cells["lat"].iloc[0] == 45.12346 and pd.isna(cells["lat"].iloc[1])
    assert cells["ships"].tolist() == [3, pd.NA]
    # a str-dtype column (pandas 3's default for text) is neutralised too
    text = pd.DataFrame({"anchor": pd.array(["@Cape", "Cape Soya"], dtype="str")})
    assert as_cells(text, ("anchor",), spreadsheet_safe=True)["anchor"].tolist() == ["'@Cape", "Cape Soya"]
    assert as_cells(text, ("anchor",))["anchor"].tolist() == ["@Cape", "Cape Soya"]
    objects = pd.DataFrame({"direction": pd.Series(["+north", None, 3], dtype=object)})
    assert as_cells(objects, ("direction",), spreadsheet_safe=True)["direction"].tolist() == ["'+north", "", "3"]
