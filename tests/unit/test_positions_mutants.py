"""sightings.positions, each rule of the module docstring on hand-made reports, for make mutation (issue 20).

Points: Cape Soya is 45.5229 N, 141.9366 E in data/gazetteer.csv, the Soya Strait's label point
45.7222 N, 142.0267 E; 50 km due north is +0.4498 degrees of latitude (111.2 km a degree there).
"""

import numpy as np
import pandas as pd
import pytest

from geo.locate import DistanceError, UnknownPlaceError
from sightings.positions import fill_positions, position_for
from sightings.schema import SightingsError

SOYA_LABEL = (45.7222, 142.0267)


def test_positions_mutant001_a_distance_and_direction_give_a_derived_point_before_a_strait():
    lat, lon, *rest = position_for("about 50 km north of Cape Soya", "Soya", "Sea of Japan")
    assert (lat, lon) == pytest.approx((45.5229 + 0.4498, 141.9366), abs=2e-3)
    assert rest == ["derived", "Cape Soya", 0.0, 50.0]


def test_positions_mutant002_a_strait_gives_its_label_point_as_an_area():
    assert position_for("in the Soya Strait", "Soya", "") == (*SOYA_LABEL, "area", "", None, None)
    # the strait's label point before a midpoint between two places
    assert position_for("between Cape Soya and Cape Nosappu", "Soya", "") == (*SOYA_LABEL, "area", "", None, None)


def test_positions_mutant003_between_two_places_gives_the_midpoint_without_a_bearing():
    lat, lon, *rest = position_for("between Cape Soya and Cape Nosappu", "", "Sea of Okhotsk")
    # Cape Nosappu is 43.3853 N, 145.8172 E: the geodesic midpoint is within 0.05 degrees of the plain average
    assert (lat, lon) == pytest.approx(((45.5229 + 43.3853) / 2, (141.9366 + 145.8172) / 2), abs=0.05)
    assert rest == ["derived", "Cape Soya / Cape Nosappu", None, None]


@pytest.mark.parametrize(("text", "strait", "sea", "expected"), [
    ("heading east", "", "Sea of Japan", (None, None, "area", "", None, None)),
    ("heading east", "", "", (None, None, "unlocated", "", None, None)),
    ("off Cape Soya", "", "", (None, None, "unlocated", "", None, None)),     # a place but no distance
    ("", "", "", (None, None, "unlocated", "", None, None)),
])
def test_positions_mutant004_a_sea_is_an_area_without_a_point_and_nothing_is_unlocated(text, strait, sea, expected):
    assert position_for(text, strait, sea) == expected


def test_positions_mutant005_an_unknown_place_or_impossible_distance_is_raised_not_guessed():
    with pytest.raises(UnknownPlaceError, match="unknown place 'Cape Nowhere'"):
        position_for("about 50 km north of Cape Nowhere", "Soya", "")
    with pytest.raises(DistanceError, match="is zero"):
        position_for("about 0 km north of Cape Soya", "Soya", "")


def frame(**columns) -> pd.DataFrame:
    base = {"location_text": "about 50 km north of Cape Soya", "strait": "", "sea_area": "", "position_kind": "",
            "anchor": "", "lat": np.nan, "lon": np.nan, "bearing_deg": np.nan, "distance_km": np.nan}
    rows = max((len(v) for v in columns.values() if isinstance(v, list)), default=1)
    return pd.DataFrame({**{k: [v] * rows for k, v in base.items()}, **columns}).astype(
        {"lat": float, "lon": float, "bearing_deg": float, "distance_km": float}).astype(
        {"bearing_deg": object, "distance_km": object})


def test_positions_mutant006_fill_positions_by_row():
    rows = frame(
        location_text=["about 50 km north of Cape Soya", "at 45.1 N 142.2 E", "in the Soya Strait", "heading east",
                       "about 50 km north of Cape Soya", "about 50 km north of Cape Soya", "heading east",
                       "about 50 km north of Cape Soya"],
        strait=["", "", "Soya", "", "", "", "", ""],
        sea_area=["", "", "", "", "", "", "Sea of Japan", "Sea of Japan"],
        position_kind=["", "", "", "", "unlocated", "derived", "", "area"],
        lat=[np.nan, 45.1, np.nan, np.nan, np.nan, 40.0, np.nan, np.nan],
        lon=[np.nan, 142.2, np.nan, np.nan, np.nan, 140.0, np.nan, np.nan],
        anchor=["", "", "", "", "", "Cape Tappi", "", ""])
    before = rows.copy()
    out = fill_positions(rows)
    pd.testing.assert_frame_equal(rows, before)                      # a new frame; the input is kept
    assert out["position_kind"].tolist() == ["derived", "reported", "area", "unlocated", "unlocated", "derived",
                                             "area", "area"]
    assert out["anchor"].tolist() == ["Cape Soya", "", "", "", "", "Cape Tappi", "", ""]
    assert out.loc[[6, 7], ["lat", "lon"]].isna().all().all()           # a sea: no point; an area row kept as it is
    assert out.loc[0, ["lat", "lon"]].tolist() == pytest.approx([45.5229 + 0.4498, 141.9366], abs=2e-3)
    assert (out.at[0, "bearing_deg"], out.at[0, "distance_km"]) == (0.0, 50.0)
    assert out.loc[1, ["lat", "lon"]].tolist() == [45.1, 142.2]         # reported: kept as given
    assert out.loc[2, ["lat", "lon"]].tolist() == list(SOYA_LABEL)
    assert out.loc[[3, 4], ["lat", "lon"]].isna().all().all()           # an unlocated row is not located again
    assert out.loc[5, ["lat", "lon"]].tolist() == [40.0, 140.0]         # a stored point keeps what it came from


def test_positions_mutant007_every_unknown_place_is_named_by_row():
    rows = frame(location_text=["about 50 km north of Cape Nowhere", "about 50 km north of Cape Soya",
                                "about 0 km east of Cape Soya"])
    with pytest.raises(SightingsError) as caught:
        fill_positions(rows)
    assert caught.value.problems == [
        "row 1, location_text: unknown place 'Cape Nowhere' in 'about 50 km north of Cape Nowhere' (see "
        "data/gazetteer.csv for the known places)",
        "row 3, location_text: distance '0 km' in 'about 0 km east of Cape Soya' is zero: a position is from more "
        "than 0 to 5,000 km from its place (a typo in the figure or its unit?)",
    ]
