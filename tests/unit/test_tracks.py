"""Voyage tracks: time order, inferred strait passages, a voyage across a year boundary."""

import pandas as pd
import pytest
from pyproj import Geod

from geo.tracks import PASSAGE_ON_KM, heading, passage, voyage_tracks

GAZETTEER = pd.read_csv("data/gazetteer.csv", dtype={"name": str}).set_index("name")
TSUSHIMA = tuple(GAZETTEER.loc["Tsushima Strait East Channel (label point)", ["lat", "lon"]])
SOYA = tuple(GAZETTEER.loc["Soya Strait (label point)", ["lat", "lon"]])


def point_on(start: tuple[float, float], bearing: float, km: float) -> tuple[float, float]:
    lon, lat, _ = Geod(ellps="WGS84").fwd(start[1], start[0], bearing, km * 1000)
    return lat, lon


@pytest.mark.parametrize("text, expected", [
    ("southwest", "southwest"),
    ("southwest, toward the East China Sea", "southwest"),
    ("north / northeast, into the East China Sea", "north"),
    ("southwest (cruiser then northeast)", "southwest"),
    ("south; then east to west", "south"),
    ("east to west", "west"),
    ("east, Sea of Japan to Pacific", "east"),
    ("northeast, toward the 海", "northeast"),
    ("toward the Pacific", None),
    ("into the Sea of Japan", None),
    ("Sea of Japan toward East China Sea", None),
    ("", None),
])
def test_track001_heading_is_the_first_compass_word_of_the_first_clause(text, expected):
    assert heading(text) == expected


def frame(rows: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame(rows)
    out["event_date"] = pd.to_datetime(out["event_date"])
    return out


def test_track002_sightings_join_in_date_then_hour_order_whatever_the_row_order():
    rows = frame([
        {"id": "a", "voyage_id": "v-a", "event_date": "2026-07-19", "event_time": "09:00", "lat": 24.8, "lon": 123.8,
         "strait": "", "direction": ""},
        {"id": "b", "voyage_id": "v-a", "event_date": "2026-07-19", "event_time": "02:00", "lat": 18.3, "lon": 133.9,
         "strait": "", "direction": ""},
        {"id": "c", "voyage_id": "v-a", "event_date": "2026-07-16", "event_time": "", "lat": 25.8, "lon": 126.1,
         "strait": "", "direction": ""},
        {"id": "d", "voyage_id": "v-d", "event_date": "2026-07-17", "event_time": "", "lat": None, "lon": None,
         "strait": "", "direction": ""},
    ])
    for shuffled in (rows, rows.iloc[::-1], rows.iloc[[2, 0, 3, 1]]):
        tracks = voyage_tracks(shuffled)
        assert [t.voyage_id for t in tracks] == ["v-a", "v-d"]
        assert tracks[0].sighting_ids == ("c", "b", "a")
        assert tracks[0].lats == (25.8, 18.3, 24.8) and tracks[0].lons == (126.1, 133.9, 123.8)
        assert tracks[1].sighting_ids == () and tracks[1].passages == ()


def test_track003_passage_runs_from_the_sighting_through_the_strait_and_on_along_the_heading():
    # the shipped row 2011-05-05-58e004: 45 km east of Kami-Tsushima, then south(west) through Tsushima
    leg = passage("2011-05-05-58e004", 34.64901, 129.96086, "Tsushima", "southwest")
    on = point_on(TSUSHIMA, 225.0, PASSAGE_ON_KM)
    assert leg.strait == "Tsushima" and leg.heading == "southwest"
    assert leg.lats[:2] == (34.64901, TSUSHIMA[0]) and leg.lons[:2] == (129.96086, TSUSHIMA[1])
    assert leg.lats[2] == pytest.approx(on[0], abs=1e-5) and leg.lons[2] == pytest.approx(on[1], abs=1e-5)


def test_track004_area_sighting_on_the_label_point_and_passage_without_heading():
    on = point_on(SOYA, 270.0, PASSAGE_ON_KM)
    leg = passage("x", SOYA[0], SOYA[1], "Soya", "west")
    assert leg.lats == pytest.approx((SOYA[0], on[0]), abs=1e-5)
    assert leg.lons == pytest.approx((SOYA[1], on[1]), abs=1e-5)
    no_heading = passage("y", 45.0, 141.0, "Soya", "toward the Sea of Okhotsk")
    assert no_heading.heading is None and no_heading.lats == (45.0, SOYA[0]) and no_heading.lons == (141.0, SOYA[1])
    assert passage("z", 45.0, 141.0, "", "west") is None
    assert passage("w", None, None, "Soya", "") is None        # no point, no heading: nothing to draw


def test_track005_a_shipped_voyage_across_a_year_boundary_is_one_line(sightings):
    voyage = sightings[sightings["voyage_id"] == "v-2025-10-03-511496"]
    track, = voyage_tracks(voyage)
    assert track.sighting_ids == ("2025-10-03-511496", "2025-10-05-295930", "2026-03-15-562d2d", "2026-03-17-bdd39e")
    want = voyage.set_index("id").loc[list(track.sighting_ids)]
    assert track.lats == tuple(want["lat"]) and track.lons == tuple(want["lon"])
    assert [p.sighting_id for p in track.passages] == list(track.sighting_ids)
    assert [p.strait for p in track.passages] == ["Tsushima", "Yonaguni", "Yonaguni", "Tsushima"]
