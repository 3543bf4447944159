"""Voyage tracks: time order, inferred strait passages, a voyage across a year boundary, routes known
or not, and the speed a leg implies."""

import datetime as dt

import pandas as pd
import pytest
from pyproj import Geod

from geo.tracks import PASSAGE_ON_KM, heading, implied_knots, longest_hours, passage, route_known, voyage_tracks

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


def test_track005_every_shipped_voyage_is_one_line_through_its_located_sightings(sightings):
    """An invariant of the record (the literal case, a voyage across New Year, is on the frozen
    fixture: test_frozen_tracks003): each voyage is one track through its located rows in the
    order (date, hour, id), whatever years it spans, with one passage leg per row that names a
    strait and has a heading or a point of its own."""
    tracks = {track.voyage_id: track for track in voyage_tracks(sightings)}
    assert sorted(tracks) == sorted(sightings["voyage_id"].unique())
    for voyage_id, voyage in sightings.groupby("voyage_id"):
        located = voyage[voyage["lat"].notna()].sort_values(["event_date", "event_time", "id"])
        track = tracks[voyage_id]
        assert track.sighting_ids == tuple(located["id"]), voyage_id
        assert track.lats == tuple(located["lat"]) and track.lons == tuple(located["lon"]), voyage_id
        assert {p.sighting_id for p in track.passages} <= set(voyage.loc[voyage["strait"] != "", "id"]), voyage_id


def test_truth13_a_northeast_passage_runs_on_60_km_to_the_northeast():
    # 2026-07-15: cruiser 011 south-west of Tsushima, then north-east through the strait
    leg = passage("2026-07-15-fff9af", 33.7129, 128.49389, "Tsushima", "northeast, toward the Sea of Japan")
    lon, lat, _ = Geod(ellps="WGS84").fwd(TSUSHIMA[1], TSUSHIMA[0], 45.0, 60_000)
    assert leg.heading == "northeast"
    assert leg.lats[2] == pytest.approx(lat, abs=1e-5) and leg.lons[2] == pytest.approx(lon, abs=1e-5)
    azimuth, _, metres = Geod(ellps="WGS84").inv(TSUSHIMA[1], TSUSHIMA[0], leg.lons[2], leg.lats[2])
    assert azimuth == pytest.approx(45.0, abs=0.01) and metres == pytest.approx(60_000, abs=5)


# West of Hokkaido (190 km W of Cape Kamui) and off Cape Inubo (160 km E): hull 335 in September 2022.
WEST_OF_HOKKAIDO = (43.30971, 138.00398)
OFF_INUBO = (35.69492, 142.63646)


@pytest.mark.parametrize(("start", "end", "days", "known"), [
    (WEST_OF_HOKKAIDO, OFF_INUBO, 2, False),                  # the geodesic crosses Honshu
    ((34.862, 129.874), (34.599, 129.797), 0, True),           # across the Tsushima Strait's east channel
    ((34.862, 129.874), (34.599, 129.797), 3, True),
    ((34.862, 129.874), (34.599, 129.797), 4, False),          # more than three days apart: anywhere between
    ((24.791, 123.810), (23.914, 122.989), 1, True),           # off Iriomote to south of Yonaguni, at sea
])
def test_truth10_route_is_known_only_at_sea_and_within_three_days(start, end, days, known):
    assert route_known(start, end, days) is known


def test_truth10_track_marks_each_leg_known_or_not():
    rows = frame([
        {"id": "a", "voyage_id": "v-a", "event_date": "2022-09-03", "event_time": "15:00", "lat": WEST_OF_HOKKAIDO[0],
         "lon": WEST_OF_HOKKAIDO[1], "strait": "", "direction": ""},
        {"id": "b", "voyage_id": "v-a", "event_date": "2022-09-05", "event_time": "", "lat": OFF_INUBO[0],
         "lon": OFF_INUBO[1], "strait": "", "direction": ""},
        {"id": "c", "voyage_id": "v-a", "event_date": "2022-09-06", "event_time": "", "lat": 34.9, "lon": 141.5,
         "strait": "", "direction": ""},
    ])
    track, = voyage_tracks(rows)
    assert track.sighting_ids == ("a", "b", "c") and track.route_known == (False, True)


@pytest.mark.parametrize(("first", "last", "hours"), [
    (("2026-07-16", "02:00"), ("2026-07-19", ""), 94.0),
    (("2026-07-16", ""), ("2026-07-16", ""), 24.0),
    (("2026-07-16", ""), ("2026-07-17", "06:30"), 30.5),
    (("2026-07-16", "23:00"), ("2026-07-16", "23:00"), 0.0),
])
def test_truth01_longest_interval_the_dates_and_times_allow(first, last, hours):
    day = dt.date.fromisoformat
    assert longest_hours(day(first[0]), first[1], day(last[0]), last[1]) == hours


def test_truth01_implied_speed_allows_50_km_of_position_error():
    lon, lat, _ = Geod(ellps="WGS84").fwd(135.0, 30.0, 90.0, 50_000 + 1.852 * 32 * 10 * 1000)
    assert implied_knots((30.0, 135.0), (lat, lon), 10.0) == pytest.approx(32.0, abs=1e-6)
    assert implied_knots((30.0, 135.0), (30.3, 135.0), 0.0) == 0.0          # within the error: no speed at all
    assert implied_knots((30.0, 135.0), (31.0, 135.0), 0.0) == float("inf")


def test_truth10_no_shipped_leg_is_drawn_as_a_route_over_land_or_across_days(sightings):
    import geopandas as gpd
    from shapely import LineString

    land = gpd.read_file("data/layers/land.geojson").geometry.union_all()
    geod = Geod(ellps="WGS84")
    by_id = sightings.set_index("id")
    for track in voyage_tracks(sightings):
        for k, known in enumerate(track.route_known):
            a, b = by_id.loc[track.sighting_ids[k]], by_id.loc[track.sighting_ids[k + 1]]
            line = LineString([(a["lon"], a["lat"]), *geod.npts(a["lon"], a["lat"], b["lon"], b["lat"], 200),
                               (b["lon"], b["lat"])])
            over_land = line.intersects(land)
            days = (b["event_date"] - a["event_date"]).days
            assert known == (not over_land and days <= 3), (track.voyage_id, a.name, b.name, over_land, days)
