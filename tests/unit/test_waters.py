"""The straits and seas homes (literal tables)."""

import json
from pathlib import Path

import pytest

from geo.seas import NAMES as SEA_NAMES, sea_of
from geo.straits import NAMES, STRAITS, strait_of_layer_name

LAYERS = Path(__file__).resolve().parents[2] / "data" / "layers"


def test_waters001_straits_in_order_with_japanese_names():
    assert NAMES == ("Soya", "Tsugaru", "Tsushima", "Osumi", "Miyako", "Yonaguni", "Nemuro")
    assert [STRAITS[n].japanese for n in ("Soya", "Tsugaru", "Osumi")] == ["宗谷海峡", "津軽海峡", "大隅海峡"]
    assert len({s.colour for s in STRAITS.values()}) == 7


def test_waters002_every_layer_polygon_is_one_strait():
    features = json.loads((LAYERS / "straits.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["name_en"]: strait_of_layer_name(f["properties"]["name_en"]) for f in features} == {
        "Soya (La Perouse) Strait": "Soya", "Tsugaru Strait": "Tsugaru", "Tsushima Strait East Channel": "Tsushima",
        "Tsushima Strait West Channel (Korea Strait)": "Tsushima", "Osumi Strait": "Osumi",
        "Miyako Strait": "Miyako", "Yonaguni-Iriomote waterway": "Yonaguni", "Nemuro Strait": "Nemuro"}
    assert strait_of_layer_name("Strait of Dover") == ""


@pytest.mark.parametrize("name, sea", [
    ("Sea of Japan", "Sea of Japan"), ("japan sea", "Sea of Japan"), ("East Sea", "Sea of Japan"),
    ("東シナ海", "East China Sea"), ("オホーツク海", "Sea of Okhotsk"), ("Philippine Sea", "Pacific Ocean"),
    ("フィリピン海", "Pacific Ocean"), ("太平洋", "Pacific Ocean"), ("Atlantic", None),
])
def test_waters003_every_name_of_a_sea(name, sea):
    assert sea_of(name) == sea


def test_waters004_every_sea_polygon_is_in_the_vocabulary():
    features = json.loads((LAYERS / "seas.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["name_en"] for f in features} <= set(SEA_NAMES)
