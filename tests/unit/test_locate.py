"""geo.locate: real report phrasings -> points, checked against an independent Geod walk."""

import json
import subprocess
import sys

import pytest
from pyproj import Geod

from geo.locate import LocateError, UnknownPlaceError, find_place, locate
from geo.places import name_key, place_point

GEOD = Geod(ellps="WGS84")
MILE, NMI = 1.609344, 1.852

# (phrase as it stands in data/sightings.csv, anchor, kilometres, bearing)
PHRASES = [
    ("some 180 km east-northeast of Cape Erimo, Hokkaido (about 2 a.m.); then through the Tsugaru Strait",
     "Cape Erimo", 180, 67.5),
    ("some 130 km southeast of Cape Soya, Hokkaido (around midnight Sunday); then west across the Soya Strait",
     "Cape Soya", 130, 135),
    ("about 170 km west of Cape Soya (around 11 p.m.), heading northeast; then east through the Soya Strait",
     "Cape Soya", 170, 270),
    ("about 150 km west-northwest of Cape Soya (around 11:30 p.m.), heading east", "Cape Soya", 150, 292.5),
    ("about 45 km east of Kami-Tsushima (around 11 a.m.), heading southwest", "Kami-Tsushima", 45, 90),
    ("about 90 km northeast of Kamitsushima (around 11 a.m.), moving southwest", "Kami-Tsushima", 90, 45),
    ("about 130 km northeast of the Tsushima Strait (around 5 a.m.), heading southwest",
     "Tsushima Strait East Channel (label point)", 130, 45),
    ("two ships about 70 km east-northeast of Cape Shiriyazaki, Aomori (8 p.m. Mar. 15)", "Cape Shiriya", 70, 67.5),
    ("about 130 km east of Cape Inubosaki, Chiba Prefecture", "Cape Inubō", 130, 90),
    ("about 85 miles northwest of the Danjo Islands, East China Sea", "Danjo Islands", 85 * MILE, 315),
    ("about 50 miles (80 km) northeast of Cape Soya (around 8 a.m.), heading west", "Cape Soya", 80, 45),
    ("approximately 175 miles northeast of Okinotori Island (9 a.m. Tuesday), westbound",
     "Okinotorishima", 175 * MILE, 45),
    ("approximately 50 km south of Okino-Daito Island (Okinawa), heading west", "Okidaitōjima", 50, 180),
    ("25 miles southwest of the Kusagaki Islands (oiler 4 p.m.)", "Kusagaki Islands", 25 * MILE, 225),
    ("approximately 30 miles southeast of Okinawa's main island (10 a.m.), sailing south",
     "Okinawa Island (centre)", 30 * MILE, 135),
    ("approximately 60 km northeast of Tsushima Island (around 4 p.m.), sailing southwest; then Tsushima Strait",
     "Tsushima Island (centre)", 60, 45),
    ("about 50 km southeast of Kuba Island, Senkaku Islands, Okinawa (around 7 p.m.)", "Kuba-jima", 50, 135),
    ("45 km south-southeast of Okinotori Island (5 a.m. Wednesday), sailing west", "Okinotorishima", 45, 157.5),
    ("about 90 km south-southwest of Okushiri Island, Hokkaido (around 5 a.m.)", "Okushiri Island", 90, 202.5),
    ("12 nautical miles NNE of Cape Soya", "Cape Soya", 12 * NMI, 22.5),
    ("about 30 nm ESE of Hokkaido's Nemuro Peninsula", "Cape Nosappu", 30 * NMI, 112.5),
    ("10 km E of Miyakejima", "Miyake-jima", 10, 90),
    ("10 km E of Miyake-jima", "Miyake-jima", 10, 90),
    ("1,200 km south of Cape Sōya", "Cape Soya", 1200, 180),
]


@pytest.mark.parametrize(("phrase", "anchor", "km", "bearing"), PHRASES, ids=[p[0][:40] for p in PHRASES])
def test_locate001_matches_independent_geodesic(phrase, anchor, km, bearing):
    found = locate(phrase)
    lat0, lon0 = place_point(anchor)
    lon, lat, _ = GEOD.fwd(lon0, lat0, bearing, km * 1000)
    _, _, error_m = GEOD.inv(lon, lat, found.lon, found.lat)
    assert found.anchor == anchor
    assert found.bearing_deg == bearing
    assert found.distance_km == pytest.approx(km)
    assert error_m < 1000


def test_locate002_between_gives_the_geodesic_midpoint():
    found = locate("between Smith Island (Sumisu-to) and Torishima Island in the Izu Islands chain")
    (lat1, lon1), (lat2, lon2) = place_point("Sumisu-jima"), place_point("Torishima (Izu)")
    _, _, to_first = GEOD.inv(lon1, lat1, found.lon, found.lat)
    _, _, to_second = GEOD.inv(lon2, lat2, found.lon, found.lat)
    assert found.distance_km is None
    assert to_first == pytest.approx(to_second, rel=1e-3)


@pytest.mark.parametrize("text", ["Tsushima Strait", "Sea of Japan", "waters east of Cape Soya", "", "   ",
                                  "about km north of Cape Soya"])
def test_locate003_no_fragment_raises_naming_the_text(text):
    with pytest.raises(LocateError) as caught:
        locate(text)
    assert not isinstance(caught.value, UnknownPlaceError)
    assert "expected e.g." in str(caught.value)


def test_locate004_unknown_place_suggests_the_near_miss():
    with pytest.raises(UnknownPlaceError, match=r"unknown place 'Cape Erimoo' .*did you mean Cape Erimo"):
        locate("about 180 km east-northeast of Cape Erimoo")


def test_locate005_unknown_place_without_near_miss_points_to_the_gazetteer():
    with pytest.raises(UnknownPlaceError, match="gazetteer"):
        locate("20 km north of Atlantis")


@pytest.mark.parametrize(("spelling", "name"), [
    ("Miyakejima", "Miyake-jima"), ("MIYAKE-JIMA", "Miyake-jima"), ("Hachijo Island", "Hachijō-jima"),
    ("Shiriyazaki", "Cape Shiriya"), ("Okinotori Island", "Okinotorishima"), ("Cape Inubo", "Cape Inubō"),
    ("Hokkaido's Nemuro Peninsula", "Cape Nosappu"), ("La Perouse Strait", "Soya Strait (label point)"),
])
def test_locate006_spellings_meet_in_one_place(spelling, name):
    assert find_place(spelling) == name


def test_locate007_name_key_folds_case_macrons_hyphens():
    assert name_key("Ōsumi Kaikyō") == name_key("osumi kaikyo")
    assert name_key("Miyake-jima") == name_key("MIYAKEJIMA")


def test_locate008_cli_prints_json_in_the_pacific():
    done = subprocess.run([sys.executable, "-m", "geo", "locate",
                           "some 180 kilometers east-northeast of Cape Erimo, Hokkaido (about 2 a.m.)"],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    _, _, distance = GEOD.inv(143.2483, 41.9244, result["lon"], result["lat"])
    assert distance == pytest.approx(180_000, abs=1000)
    assert result["anchor"] == "Cape Erimo"
    assert result["bearing_deg"] == 67.5
    assert result["sea_area"] == "Pacific Ocean"
    assert result["strait"] is None


def test_locate009_cli_exit_2_with_reason_on_stderr(capsys):
    """The command's own function in this process (test_locate008 runs the command line)."""
    from geo.__main__ import main
    assert main(["locate", "40 km east of Cape Erimoo"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Cape Erimo" in err
