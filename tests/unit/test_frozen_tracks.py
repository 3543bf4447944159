"""Voyage tracks on the frozen fixture (tests/fixtures/README.md), with literal answers.

Points are the fixture's own coordinates, the gazetteer's label points (data/gazetteer.csv) and
geodesics computed here with pyproj, never by the code under test.
"""

import pytest
from pyproj import Geod

from geo.tracks import voyage_tracks

GEOD = Geod(ellps="WGS84")
#: data/gazetteer.csv: "Tsushima Strait East Channel (label point)", "Soya Strait (label point)",
#: "Yonaguni-Iriomote waterway (label point)" and "Dōgo (Oki Islands)".
TSUSHIMA = (34.5994, 129.7967)
SOYA = (45.7222, 142.0267)
YONAGUNI = (24.40, 123.40)
OKI = (36.233, 133.283)


def onward(point, azimuth, km=60.0):
    """(lat, lon) ``km`` from ``point`` along ``azimuth`` on the WGS84 ellipsoid."""
    lon, lat, _ = GEOD.fwd(point[1], point[0], azimuth, km * 1000)
    return lat, lon


def tracks_by_voyage(rows):
    return {track.voyage_id: track for track in voyage_tracks(rows)}


def test_frozen_tracks001_one_track_per_voyage_in_order_of_first_sighting(frozen):
    """fx-07 (08:00) before fx-08 (16:00) on one day; fx-10, fx-14, fx-16, fx-02, fx-04 join earlier voyages."""
    assert [track.voyage_id for track in voyage_tracks(frozen)] == [
        "v-fx-01", "v-fx-03", "v-fx-22", "v-fx-05", "v-fx-06", "v-fx-24", "v-fx-07", "v-fx-08", "v-fx-23", "v-fx-09",
        "v-fx-11", "v-fx-12", "v-fx-13", "v-fx-17", "v-fx-15", "v-fx-18", "v-fx-19", "v-fx-20", "v-fx-21", "v-fx-25"]
    earlier = frozen.copy()
    earlier.loc[earlier["id"] == "fx-08", "event_time"] = "07:00"          # now seen before fx-07 that day
    assert [track.voyage_id for track in voyage_tracks(earlier)][6:8] == ["v-fx-08", "v-fx-07"]


def test_frozen_tracks002_the_northeast_passage_runs_60_km_to_the_northeast(frozen):
    """fx-09 at 34.30N 129.65E heads northeast through the Tsushima Strait: its inferred leg runs to
    the strait's label point, then 60 km on at 45 degrees (northeast, not north); then the voyage
    goes on to fx-10, 100 km north of the Oki Islands (derived), a day later, across open sea."""
    track = tracks_by_voyage(frozen)["v-fx-09"]
    oki_north = onward(OKI, 0.0, 100.0)
    assert track.sighting_ids == ("fx-09", "fx-10")
    assert track.lats == pytest.approx((34.30, oki_north[0]), abs=1e-5)
    assert track.lons == pytest.approx((129.65, oki_north[1]), abs=1e-5)
    assert track.route_known == (True,)
    leg, = track.passages
    assert (leg.sighting_id, leg.strait, leg.heading) == ("fx-09", "Tsushima", "northeast")
    northeast = onward(TSUSHIMA, 45.0)
    assert leg.lats == pytest.approx((34.30, TSUSHIMA[0], northeast[0]), abs=1e-5)
    assert leg.lons == pytest.approx((129.65, TSUSHIMA[1], northeast[1]), abs=1e-5)


def test_frozen_tracks003_a_voyage_across_new_year_is_one_line(frozen):
    """fx-13 (31 Dec 2024 22:00) and fx-14 (1 Jan 2025 06:00), both named only by the strait: both at
    the label point, one day apart, each with its northeast leg (starting at the label point itself)."""
    track = tracks_by_voyage(frozen)["v-fx-13"]
    assert track.sighting_ids == ("fx-13", "fx-14")
    assert track.lats == (TSUSHIMA[0], TSUSHIMA[0]) and track.lons == (TSUSHIMA[1], TSUSHIMA[1])
    assert track.route_known == (True,)
    northeast = onward(TSUSHIMA, 45.0)
    assert [p.sighting_id for p in track.passages] == ["fx-13", "fx-14"]
    for leg in track.passages:
        assert leg.lats == pytest.approx((TSUSHIMA[0], northeast[0]), abs=1e-5)
        assert leg.lons == pytest.approx((TSUSHIMA[1], northeast[1]), abs=1e-5)


def test_frozen_tracks004_sightings_six_days_apart_are_an_unknown_route(frozen):
    """fx-01 (6 Mar 2023) and fx-02 (12 Mar): more than three days apart, so the leg is not a route
    sailed; fx-01's passage heads east from its stated point, fx-02's west from the label point."""
    track = tracks_by_voyage(frozen)["v-fx-01"]
    assert track.sighting_ids == ("fx-01", "fx-02")
    assert track.lats == (45.6, SOYA[0]) and track.lons == (141.3, SOYA[1])
    assert track.route_known == (False,)
    east, west = track.passages
    assert (east.sighting_id, east.heading, west.sighting_id, west.heading) == ("fx-01", "east", "fx-02", "west")
    assert east.lats == pytest.approx((45.6, SOYA[0], onward(SOYA, 90.0)[0]), abs=1e-5)
    assert west.lats == pytest.approx((SOYA[0], onward(SOYA, 270.0)[0]), abs=1e-5)
    assert west.lons == pytest.approx((SOYA[1], onward(SOYA, 270.0)[1]), abs=1e-5)


def test_frozen_tracks005_no_point_no_line_and_no_heading_no_leg(frozen):
    """fx-22 (unlocated), fx-06 and fx-11 (a sea, no point) draw nothing; fx-24 names only the
    waterway and no compass point: it sits on the label point and has no leg to draw."""
    tracks = tracks_by_voyage(frozen)
    for voyage in ("v-fx-22", "v-fx-06", "v-fx-11"):
        assert (tracks[voyage].sighting_ids, tracks[voyage].passages) == ((), ()), voyage
    assert tracks["v-fx-24"].sighting_ids == ("fx-24",) and tracks["v-fx-24"].passages == ()
    assert (tracks["v-fx-24"].lats, tracks["v-fx-24"].lons) == ((YONAGUNI[0],), (YONAGUNI[1],))


def test_frozen_tracks006_a_filter_cuts_a_voyage_short(frozen):
    track = tracks_by_voyage(frozen[frozen["id"] != "fx-10"])["v-fx-09"]
    assert track.sighting_ids == ("fx-09",) and track.route_known == ()


def test_frozen_tracks007_a_passage_between_two_islands_starts_at_the_stated_point(frozen):
    """fx-20 at 24.30N 123.20E heads north between Yonaguni and Iriomote: point, label point, 60 km north."""
    leg, = tracks_by_voyage(frozen)["v-fx-20"].passages
    north = onward(YONAGUNI, 0.0)
    assert (leg.strait, leg.heading) == ("Yonaguni", "north")
    assert leg.lats == pytest.approx((24.30, YONAGUNI[0], north[0]), abs=1e-5)
    assert leg.lons == pytest.approx((123.20, YONAGUNI[1], north[1]), abs=1e-5)
