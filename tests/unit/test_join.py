"""geo.join: every sighting placed in its sea, strait and Japan's territorial sea, vectorised."""

import numpy as np
import pandas as pd
import pytest

from geo.join import ENRICHED, classify, disagreements, enrich, named_seas


@pytest.fixture(scope="module")
def enriched():
    from sightings.store import read_sightings
    return enrich(read_sightings())


@pytest.mark.parametrize(("lat", "lon", "sea", "strait", "territorial"), [
    (40.0, 135.0, "Sea of Japan", "", False),
    (41.4992, 140.6158, "Sea of Japan", "Tsugaru Strait", False),       # mid-strait corridor
    (41.88, 143.25, "Pacific Ocean", "", True),                          # 5 km off Cape Erimo
    (45.7222, 142.0267, "Sea of Okhotsk", "Soya (La Perouse) Strait", False),
    (34.85, 129.15, "Sea of Japan", "Tsushima Strait West Channel (Korea Strait)", False),
    (25.62, 126.62, "Pacific Ocean", "Miyako Strait", False),
    (50.0, 148.0, "Sea of Okhotsk", "", False),
])
def test_join001_classify_known_points(lat, lon, sea, strait, territorial):
    got = classify(pd.Series([lat]), pd.Series([lon])).iloc[0]
    assert (got["sea_area"], got["in_strait"], got["in_japan_territorial_sea"]) == (sea, strait, territorial)


def test_join002_rows_without_a_point_get_no_sea_and_nan_distance():
    got = classify(pd.Series([np.nan, 40.0]), pd.Series([np.nan, 135.0]))
    assert pd.isna(got.loc[0, "sea_area"]) and got.loc[0, "in_strait"] == ""
    assert not got.loc[0, "in_japan_territorial_sea"] and np.isnan(got.loc[0, "distance_to_japan_km"])
    assert got.loc[1, "sea_area"] == "Sea of Japan"


def test_join003_distance_to_japan_is_geodesic_km():
    # 5 km, 100 km due south of Cape Erimo's tip (Natural Earth's coast is within ~1 km of it)
    got = classify(pd.Series([41.8794, 41.0261]), pd.Series([143.2483, 143.2483]))
    assert got["distance_to_japan_km"].tolist() == pytest.approx([4.5, 99.5], abs=1.5)


def test_join004_point_on_the_coast_takes_the_nearest_sea():
    # Cape Erimo's gazetteer point lies on Natural Earth's land: still gets a sea
    got = classify(pd.Series([41.9244]), pd.Series([143.2483])).iloc[0]
    assert got["sea_area"] == "Pacific Ocean"


def test_join005_enrich_keeps_every_row_and_the_reported_sea(enriched):
    from sightings.store import read_sightings
    raw = read_sightings()
    assert len(enriched) == len(raw) and list(enriched["id"]) == list(raw["id"])
    assert set(ENRICHED) <= set(enriched.columns)
    assert enriched["sea_area_reported"].tolist() == raw["sea_area"].tolist()
    points = enriched["lat"].notna()
    assert enriched.loc[points, "sea_area"].isin(
        ["Sea of Japan", "Sea of Okhotsk", "East China Sea", "Pacific Ocean"]).all()
    assert (enriched.loc[~points, "sea_area"] == raw.loc[~points, "sea_area"]).all()
    assert enriched.loc[points, "distance_to_japan_km"].between(0, 1500).all()


def test_join006_brief_tsugaru_transit_sits_in_the_pacific_off_shiriya(enriched):
    row = enriched[(enriched["event_date"] == "2022-03-15") & (enriched["ships"] == 4)].iloc[0]
    assert row["strait"] == "Tsugaru" and row["position_kind"] == "derived"
    assert row["sea_area"] == "Pacific Ocean" and not row["in_japan_territorial_sea"]


def test_join007_disagreement_report(enriched, record_property):
    """Reported sea vs the layer's sea: listed for review, never silently overwritten.

    Most disagreements are reports naming the sea a ship went *to* ("then through the Tsushima
    Strait into the East China Sea") while the point is where it was first seen.
    """
    report = disagreements(enriched)
    assert list(report.columns) == ["id", "event_date", "location_text", "sea_area_reported", "sea_area"]
    assert (report["sea_area_reported"] != report["sea_area"]).all()
    assert (report["sea_area_reported"] != "").all()
    assert set(report["id"]) <= set(enriched.loc[enriched["lat"].notna(), "id"])
    record_property("sea_area_disagreements", len(report))
    print(f"\n{len(report)} of {enriched['lat'].notna().sum()} located sightings: reported sea differs "
          f"from the seas layer\n{report.to_string(index=False, max_colwidth=60)}")


@pytest.mark.parametrize(("text", "reported", "expected"), [
    ("Sea of Japan and southern part of the Sea of Okhotsk", "Sea of Japan", ["Sea of Japan", "Sea of Okhotsk"]),
    ("Philippine Sea", "", ["Pacific Ocean"]),
    ("Tsushima Strait", "East China Sea", ["East China Sea"]),
])
def test_join008_named_seas(text, reported, expected):
    assert named_seas(text, reported) == expected


def test_join009_vectorised_on_many_points():
    """10,000 points in one call (sjoin on an STRtree, no per-row Python loop)."""
    rng = np.random.default_rng(1)
    lat, lon = pd.Series(rng.uniform(25, 50, 10_000)), pd.Series(rng.uniform(125, 155, 10_000))
    got = classify(lat, lon)
    assert len(got) == 10_000 and got.index.equals(lat.index)
    water = got["sea_area"].notna()
    assert water.mean() > 0.5


@pytest.mark.parametrize(("lat", "lon"), [(43.06, 141.35), (36.24, 137.97), (34.70, 135.50)])
def test_join010_a_point_on_japanese_land_is_0_km_from_japan(lat, lon):
    """Sapporo, Matsumoto (inland, about 60 km from any coast), Osaka: on land, so 0 km, not the coast's distance."""
    assert classify(pd.Series([lat]), pd.Series([lon]))["distance_to_japan_km"].tolist() == [0.0]


def test_join011_layer_sea_names_are_the_schema_seas():
    """The seas the join can answer, and those its phrases map to, are all in the schema's vocabulary."""
    from geo.join import SEA_NAMES, SEA_SYNONYMS
    from geo.layers import load_layer
    from sightings.schema import SEA_AREAS
    assert set(load_layer("seas")["sea_area"]) <= set(SEA_AREAS)
    assert {SEA_SYNONYMS.get(name, name) for name in SEA_NAMES} <= set(SEA_AREAS)


def test_join012_an_area_reports_label_point_is_drawn_never_classified():
    """Two strait reports placed at their label points (an area, not where the ships were): the
    one that stated no sea gets none, the one that stated the East China Sea keeps it (its
    label point lies in the Sea of Japan's polygon), and neither gets a channel or a distance.
    A third row, located, is classified as ever."""
    rows = pd.DataFrame({"lat": [41.4992, 34.5994, 41.4992], "lon": [140.6158, 129.7, 140.6158],
                         "sea_area": ["", "East China Sea", ""],
                         "location_text": ["through the Tsugaru Strait", "Tsushima Strait", "41.5N 140.6E"]})
    got = enrich(rows, located=pd.Series([False, False, True]))
    assert got["sea_area"].tolist() == ["", "East China Sea", "Sea of Japan"]
    assert got["in_strait"].tolist() == ["", "", "Tsugaru Strait"]
    assert got["in_japan_territorial_sea"].tolist() == [False, False, False]
    assert got["distance_to_japan_km"].isna().tolist() == [True, True, False]
    assert got["sea_area_reported"].tolist() == ["", "East China Sea", ""]


def test_join013_every_area_row_of_the_app_keeps_its_reported_sea(app_data):
    """Invariant of the shipped data as the app loads it: only a reported or derived position is
    placed in a sea, a strait channel or a distance."""
    rows = app_data.sightings
    area = ~rows["position_kind"].isin(["reported", "derived"])
    assert area.any()
    assert (rows.loc[area, "sea_area"] == rows.loc[area, "sea_area_reported"]).all()
    assert (rows.loc[area, "in_strait"] == "").all() and rows.loc[area, "distance_to_japan_km"].isna().all()
