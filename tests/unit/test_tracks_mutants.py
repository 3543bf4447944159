"""Tracks at their edges, with literal answers (mutants of geo/tracks.py).

The Tsugaru Strait's label point is (41.4992, 140.6158) in the gazetteer; 60 km east of it is
(41.49696, 141.33437). One degree of latitude at the equator is 110.574 km on WGS84.
"""

import datetime as dt
import math

import pandas as pd
import pytest

from geo.tracks import (Passage, crosses_land, distance_km, geodesic_line, heading, implied_knots, in_time_order,
                        longest_hours, passage, route_known, voyage_tracks, _same_point)

LABEL = (41.4992, 140.6158)
EAST_OF_LABEL = (41.49696, 141.33437)


@pytest.mark.parametrize("direction, expected", [
    ("southwest, toward the Pacific", "southwest"),
    ("north / northeast, into the Sea of Okhotsk", "north"),
    ("NORTHEAST", "northeast"),                       # longest word first, any case
    ("from south to north, then east", "north"),      # "X to Y" heads to Y
    ("east to west", "west"),
    ("west; then east", "west"),                      # the first clause only
    ("(east)", None),
    ("toward the Pacific", None),
    ("into the East China Sea", None),                # a sea, not a heading
    ("x" * 194 + " east", "east"),                    # 199 characters: read
    ("x" * 196 + " east", None),                      # 201: cut at 200, "eas" is no word
])
def test_tracks_mutant001_heading(direction, expected):
    assert heading(direction) == expected


def test_tracks_mutant002_passage_legs():
    assert passage("s", 41.0, 140.0, "Tsugaru", "east") == Passage(
        "s", "Tsugaru", "east", (41.0, LABEL[0], EAST_OF_LABEL[0]), (140.0, LABEL[1], EAST_OF_LABEL[1]))
    assert passage("s", math.nan, math.nan, "Tsugaru", "east") == Passage(
        "s", "Tsugaru", "east", (LABEL[0], EAST_OF_LABEL[0]), (LABEL[1], EAST_OF_LABEL[1]))
    assert passage("s", 41.0, math.nan, "Tsugaru", "east").lats == (LABEL[0], EAST_OF_LABEL[0])   # half a point: none
    assert passage("s", *LABEL, "Tsugaru", "east") == Passage(                # an area sighting on the label point
        "s", "Tsugaru", "east", (LABEL[0], EAST_OF_LABEL[0]), (LABEL[1], EAST_OF_LABEL[1]))
    assert passage("s", 41.0, 140.0, "Tsugaru", "toward the Pacific") == Passage(
        "s", "Tsugaru", None, (41.0, LABEL[0]), (140.0, LABEL[1]))
    assert passage("s", math.nan, math.nan, "Tsugaru", "toward the Pacific") is None     # one point: no leg
    assert passage("s", *LABEL, "Tsugaru", "") is None
    assert passage("s", 41.0, 140.0, "Kanmon", "east") is None                          # no known strait


def test_tracks_mutant003_same_point_to_about_ten_metres():
    assert _same_point((41.0, 140.0), (41.00009, 140.00009))
    assert not _same_point((41.0, 140.0), (41.0001, 140.0))
    assert not _same_point((41.0, 140.0), (41.0, 140.0001))
    assert not _same_point((41.0, 140.0), (40.9999, 140.0))


def rows(*specs) -> pd.DataFrame:
    """(id, voyage, date, time, lat, lon, strait, direction)."""
    return pd.DataFrame([dict(zip(("id", "voyage_id", "event_date", "event_time", "lat", "lon", "strait", "direction"),
                                  (i, v, pd.Timestamp(d), t, la, lo, s, di), strict=True))
                         for i, v, d, t, la, lo, s, di in specs])


def test_tracks_mutant004_in_time_order_date_then_hour_then_id():
    frame = rows(("c", "v", "2022-06-02", "", 1, 1, "", ""), ("b", "v", "2022-06-01", "10:00", 1, 1, "", ""),
                 ("a", "v", "2022-06-01", "10:00", 1, 1, "", ""), ("d", "v", "2022-06-01", "", 1, 1, "", ""))
    assert [row.id for row in in_time_order(frame)] == ["d", "a", "b", "c"]


def test_tracks_mutant005_voyage_tracks():
    frame = rows(
        ("w2", "W", "2022-06-03", "", 34.6, 129.8, "", ""),
        ("w1", "W", "2022-06-01", "09:00", 34.9, 129.9, "", ""),
        ("w0", "W", "2022-06-01", "08:00", math.nan, math.nan, "Tsugaru", "east"),   # no point: not on the line
        ("w3", "W", "2022-06-08", "", 34.5, 129.7, "", ""),                           # five days on: route unknown
        ("z1", "Z", "2022-05-01", "", 41.0, 140.0, "Tsugaru", "toward the Pacific"),
    )
    z, w = voyage_tracks(frame)                                # voyages in order of their first sighting
    assert z.voyage_id == "Z" and z.sighting_ids == ("z1",) and z.lats == (41.0,) and z.lons == (140.0,)
    assert z.route_known == () and z.passages == (Passage("z1", "Tsugaru", None, (41.0, LABEL[0]), (140.0, LABEL[1])),)
    assert w.voyage_id == "W" and w.sighting_ids == ("w1", "w2", "w3")
    assert w.lats == (34.9, 34.6, 34.5) and w.lons == (129.9, 129.8, 129.7)
    assert w.route_known == (True, False)
    assert w.passages == (Passage("w0", "Tsugaru", "east", (LABEL[0], EAST_OF_LABEL[0]), (LABEL[1], EAST_OF_LABEL[1])),)
    assert voyage_tracks(frame.iloc[0:0]) == []


@pytest.mark.parametrize("days, expected", [(3, True), (-3, True), (4, False), (-4, False)])
def test_tracks_mutant006_route_known_within_three_days_at_sea(days, expected):
    assert route_known((34.9, 129.9), (34.6, 129.8), days) is expected


def test_tracks_mutant007_geodesics():
    assert round(distance_km((0.0, 0.0), (1.0, 0.0)), 3) == 110.574
    line = geodesic_line((0.0, 0.0), (0.0, 0.1))               # 11.1 km: two points inside, every 5 km or less
    assert [(round(x, 6), y) for x, y in line.coords] == [(0.0, 0.0), (0.033333, 0.0), (0.066667, 0.0), (0.1, 0.0)]
    assert list(geodesic_line((1.0, 2.0), (1.0, 2.0)).coords) == [(2.0, 1.0), (2.0, 1.0)]
    assert crosses_land((45.8, 140.5), (35.3, 141.2)) and not crosses_land((34.9, 129.9), (34.6, 129.8))


def test_tracks_mutant008_longest_hours_and_implied_knots():
    day = dt.date(2026, 7, 16)
    assert longest_hours(day, "", day, "06:30") == 6.5                 # unknown start: from midnight
    assert longest_hours(day, "02:00", day, "03:15") == 1.25
    assert longest_hours(day, "02:00", day, "") == 22.0                # unknown end: to the end of the day
    assert longest_hours(day, "02:00", dt.date(2026, 7, 19), "") == 94.0
    assert round(implied_knots((45.0, 141.0), (35.0, 141.0), 24.0), 3) == 23.856
    assert implied_knots((45.0, 141.0), (45.3, 141.0), 0.0) == 0.0     # 33 km: within the position error
    assert implied_knots((45.0, 141.0), (35.0, 141.0), 0.0) == math.inf


def test_tracks_mutant009_edges_exactly_at_the_limits():
    assert not _same_point((0.0, 0.0), (0.0001, 0.0)) and not _same_point((0.0, 0.0), (0.0, 0.0001))   # 1e-4: apart
    assert round(implied_knots((45.0, 141.0), (44.0, 141.0), 0.5), 3) == 66.006      # half an hour is still time


def test_tracks_mutant010_a_half_point_is_not_on_the_line():
    frame = rows(("a", "V", "2022-06-01", "", 34.9, 129.9, "", ""), ("b", "V", "2022-06-02", "", 34.7, math.nan, "", ""),
                 ("c", "V", "2022-06-02", "", math.nan, 129.7, "", ""))
    assert voyage_tracks(frame)[0].sighting_ids == ("a",)
