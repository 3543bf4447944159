"""geo.locate, the behaviours a mutation run showed no test stated: every compass point, units, numbers."""

import pytest
from pyproj import Geod

from geo.locate import LocateError, locate
from geo.places import place_point

GEOD = Geod(ellps="WGS84")

# (spelled out, abbreviated, degrees clockwise from true north): the 16-point compass rose.
COMPASS = [
    ("north", "N", 0.0), ("north-northeast", "NNE", 22.5), ("northeast", "NE", 45.0),
    ("east-northeast", "ENE", 67.5), ("east", "E", 90.0), ("east-southeast", "ESE", 112.5),
    ("southeast", "SE", 135.0), ("south-southeast", "SSE", 157.5), ("south", "S", 180.0),
    ("south-southwest", "SSW", 202.5), ("southwest", "SW", 225.0), ("west-southwest", "WSW", 247.5),
    ("west", "W", 270.0), ("west-northwest", "WNW", 292.5), ("northwest", "NW", 315.0),
    ("north-northwest", "NNW", 337.5),
]


def expected_point(anchor: str, bearing: float, km: float) -> tuple[float, float]:
    lat0, lon0 = place_point(anchor)
    lon, lat, _ = GEOD.fwd(lon0, lat0, bearing, km * 1000)
    return round(lat, 5), round(lon, 5)


@pytest.mark.parametrize(("spelled", "short", "bearing"), COMPASS, ids=[c[1] for c in COMPASS])
def test_locate_mutant001_every_compass_point(spelled, short, bearing):
    for phrase in (f"about 100 km {spelled} of Cape Soya", f"100 km {short} of Cape Soya",
                   f"about 100 km {spelled.replace('-', ' ')} of Cape Soya"):
        found = locate(phrase)
        assert (found.anchor, found.distance_km, found.bearing_deg) == ("Cape Soya", 100.0, bearing), phrase
        assert (found.lat, found.lon) == expected_point("Cape Soya", bearing, 100), phrase


@pytest.mark.parametrize(("phrase", "km"), [
    ("about 40 nautical miles north of Cape Soya", 40 * 1.852),
    ("about 40 n.m. north of Cape Soya", 40 * 1.852),
    ("40 nmi north of Cape Soya", 40 * 1.852),
    ("40 kilometres north of Cape Soya", 40.0),
    ("40 kms north of Cape Soya", 40.0),
    ("40 statute miles north of Cape Soya", 40 * 1.609344),
    ("40 mi north of Cape Soya", 40 * 1.609344),
    ("about 1,200.5 km south of Cape Soya", 1200.5),
    ("25 miles (40 km) north of Cape Soya", 40.0),       # the km figure in brackets wins
    ("40 km (25 miles) north of Cape Soya", 40.0),       # a miles figure in brackets does not
])
def test_locate_mutant002_units_and_numbers(phrase, km):
    assert locate(phrase).distance_km == pytest.approx(km, abs=1e-9)


def test_locate_mutant003_the_fragment_is_cut_at_the_first_comma():
    found = locate("about 90 km southwest of Okushiri Island, Hokkaido (around 5 a.m.); heading north")
    assert found.fragment == "about 90 km southwest of Okushiri Island"


def test_locate_mutant004_between_names_both_places_and_the_fragment():
    found = locate("sailed between Cape Soya and Cape Nosappu, then east")
    assert (found.anchor, found.distance_km, found.bearing_deg) == ("Cape Soya / Cape Nosappu", None, None)
    assert found.fragment == "between Cape Soya and Cape Nosappu"


def test_locate_mutant005_a_between_does_not_reach_across_a_semicolon():
    with pytest.raises(LocateError):
        locate("passed between Cape Soya; and Cape Nosappu later")


def test_locate_mutant006_a_between_without_and_gives_way_to_a_later_one():
    found = locate("moved between the islands; then between Cape Soya and Cape Nosappu")
    assert found.anchor == "Cape Soya / Cape Nosappu"


def test_locate_mutant007_an_and_before_the_between_is_not_its_and():
    found = locate("turned and passed between Cape Soya and Cape Nosappu")
    assert found.anchor == "Cape Soya / Cape Nosappu"


def test_locate_mutant008_between_is_found_after_a_piece_without_it():
    from geo.locate import _between
    assert _between("heading east; between Tsushima and Iki Island") == (
        "Tsushima", "Iki Island", "between Tsushima and Iki Island")
