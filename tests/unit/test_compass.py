"""The compass home: every spelling of a point leads to one bearing (literal tables)."""

import pytest

from geo.compass import BEARINGS, JAPANESE, POINTS, WORDS, point_of


@pytest.mark.parametrize("name, point, bearing", [
    ("N", "N", 0.0), ("nne", "NNE", 22.5), ("northeast", "NE", 45.0), ("east-northeast", "ENE", 67.5),
    ("東", "E", 90.0), ("東南東", "ESE", 112.5), ("south-east", "SE", 135.0), ("North northeast", "NNE", 22.5), ("southeast", "SE", 135.0),
    ("南南東", "SSE", 157.5), ("South", "S", 180.0), ("southsouthwest", "SSW", 202.5), ("南西", "SW", 225.0),
    ("WSW", "WSW", 247.5), ("west", "W", 270.0), ("西北西", "WNW", 292.5), ("northwest", "NW", 315.0),
    ("north-northwest", "NNW", 337.5), ("toward", None, None), ("", None, None),
])
def test_compass001_every_spelling_names_one_point(name, point, bearing):
    assert point_of(name) == point
    if point:
        assert BEARINGS[point] == bearing


def test_compass002_sixteen_points_each_spelled_once():
    assert len(POINTS) == len(set(WORDS.values())) == len(set(JAPANESE.values())) == 16
    assert WORDS["NNE"] == "north-northeast" and JAPANESE["WNW"] == "西北西"
