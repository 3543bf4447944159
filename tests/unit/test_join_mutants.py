"""geo.join, the behaviours a mutation run showed no test stated (docs/mutation.md)."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from geo.join import classify, distance_to_japan_km, enrich, named_seas, named_seas_column

SAPPORO = (43.06, 141.35)               # on Japanese land
SEA_OF_JAPAN = (40.0, 135.0)            # open sea, outside Japan's territorial sea


def test_join_mutant001_classify_keeps_the_callers_index_and_needs_both_coordinates():
    lat = pd.Series([SEA_OF_JAPAN[0], np.nan, SAPPORO[0]], index=[10, 11, 12])
    lon = pd.Series([SEA_OF_JAPAN[1], 135.0, SAPPORO[1]], index=[10, 11, 12])   # row 11: longitude only
    got = classify(lat, lon)
    assert got.index.tolist() == [10, 11, 12]
    assert got.loc[10, "sea_area"] == "Sea of Japan" and pd.isna(got.loc[11, "sea_area"])
    assert got["in_japan_territorial_sea"].tolist() == [False, False, False]
    assert got["in_japan_territorial_sea"].dtype == bool
    assert got["distance_to_japan_km"].iloc[2] == 0.0 and np.isnan(got["distance_to_japan_km"].iloc[1])


def test_join_mutant002_distance_of_a_bare_geoseries():
    points = gpd.GeoSeries(gpd.points_from_xy([SAPPORO[1], np.nan], [SAPPORO[0], np.nan]), crs=4326)
    got = distance_to_japan_km(points)
    assert got[0] == 0.0 and np.isnan(got[1])


@pytest.mark.parametrize(("text", "reported", "expected"), [
    ("in the sea of japan", "", ["Sea of Japan"]),                                    # any case
    ("off the Sea of Japan coast", None, ["Sea of Japan"]),                           # no reported sea
    ("east in the Pacific Ocean", "Pacific Ocean", ["Pacific Ocean"]),                # once, not twice
    ("from the Pacific Ocean into the Philippine Sea", "", ["Pacific Ocean"]),        # one layer sea
    ("into the Philippine Sea", "Philippine Sea", ["Pacific Ocean"]),
])
def test_join_mutant003_named_seas_each_once(text, reported, expected):
    assert named_seas(text, reported) == expected


def test_join_mutant004_named_seas_column_keeps_the_index():
    got = named_seas_column(pd.Series(["Sea of Okhotsk", "East China Sea"], index=[5, 9]), pd.Series(["", ""],
                                                                                                       index=[5, 9]))
    assert got.to_dict() == {5: ["Sea of Okhotsk"], 9: ["East China Sea"]}


def test_join_mutant005_enrich_adds_the_named_seas():
    frame = pd.DataFrame({"lat": [40.0, np.nan], "lon": [135.0, np.nan], "sea_area": ["", "Sea of Okhotsk"],
                          "location_text": ["west, in the Sea of Japan", "in the Sea of Okhotsk"]})
    got = enrich(frame)
    assert got["named_seas"].tolist() == [["Sea of Japan"], ["Sea of Okhotsk"]]
    assert got["sea_area"].tolist() == ["Sea of Japan", "Sea of Okhotsk"]


def test_join_mutant006_a_reported_sea_the_phrase_also_names_is_listed_once():
    import pandas as pd
    from geo.join import named_seas_column
    texts = pd.Series(["in the East China Sea", "in the Japan Sea", "toward the Yellow Sea"])
    reported = pd.Series(["East China Sea", "Sea of Japan", None])
    assert named_seas_column(texts, reported).tolist() == [["East China Sea"], ["Sea of Japan"], ["Yellow Sea"]]
