"""The committed layers: valid, named in two languages, and right about the places that matter."""

import hashlib
import shutil

import pyproj
import pytest
import shapely
from shapely.geometry import Point

from geo.build_layers import COUNTRIES, main as build_main
from geo.layers import LAYER_NAMES, LAYERS_DIR, LayerError, load_layer, layer_path

POLYGON_LAYERS = ("land", "seas", "straits", "kuril_islands", "territorial_sea")


def layers_at(lat, lon):
    """{layer: [name_en of every feature containing the point]}."""
    point = Point(lon, lat)
    return {name: [n for n, g in zip(load_layer(name)["name_en"], load_layer(name).geometry) if g.contains(point)]
            for name in POLYGON_LAYERS}


@pytest.mark.parametrize("name", LAYER_NAMES)
def test_layer001_valid_wgs84_with_both_names(name):
    frame = load_layer(name)
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.is_valid.all() and not frame.geometry.is_empty.any()
    assert frame["name_en"].str.len().gt(0).all()
    if name != "places":     # a few foreign gazetteer points have no Japanese spelling
        assert frame["name_ja"].str.len().gt(0).all()
    minx, miny, maxx, maxy = frame.total_bounds
    assert 120 <= minx and maxx <= 160 and 20 <= miny and maxy <= 55


def test_layer002_checksums_match_the_committed_files():
    lines = (LAYERS_DIR / "SHA256SUMS").read_text().splitlines()
    assert len(lines) == 2 * len(LAYER_NAMES) - 1   # layers, display copies (not places, land), map_land
    for line in lines:
        digest, relative = line.split("  ")
        assert hashlib.sha256((LAYERS_DIR / relative).read_bytes()).hexdigest() == digest, relative


def test_layer003_land_holds_the_countries_of_the_region():
    countries = set(load_layer("land")["country"])
    assert {"Japan", "Russia", "China", "South Korea", "North Korea", "Taiwan"} <= countries
    assert layers_at(43.06, 141.35)["land"] == ["Japan"]         # Sapporo
    assert layers_at(47.0, 142.7)["land"] == ["Russia"]          # Sakhalin


@pytest.mark.parametrize(("lat", "lon", "sea"), [
    (40.0, 135.0, "Sea of Japan"), (40.0, 145.0, "Pacific Ocean"), (50.0, 148.0, "Sea of Okhotsk"),
    (30.0, 126.0, "East China Sea"), (36.0, 123.0, "Yellow Sea"),
    (41.4992, 140.6158, "Sea of Japan"),   # mid-Tsugaru: S-23 closes the Japan Sea at Shiriya-Esan
    (45.80, 142.30, "Sea of Okhotsk"),      # east of the Soya-Crillon line
    (45.60, 141.70, "Sea of Japan"),        # west of it
    (34.60, 129.80, "Sea of Japan"),        # Tsushima channels: the East China Sea starts at Nomo-Goto-Jeju
    (32.00, 128.50, "East China Sea"),
    (44.0108, 145.3819, "Sea of Okhotsk"),  # Nemuro Strait: "all the narrow waters" of the Kurils
    (44.50, 148.50, "Pacific Ocean"),       # outside the Kuril chain
    (34.20, 133.30, "Seto Inland Sea"),
])
def test_layer004_seas_follow_the_iho_limits(lat, lon, sea):
    assert layers_at(lat, lon)["seas"] == [sea]


def test_layer005_seas_do_not_overlap_and_cover_the_water():
    seas = load_layer("seas")
    assert seas["sea_area"].is_unique
    total = shapely.union_all(seas.geometry.values)
    assert sum(g.area for g in seas.geometry) == pytest.approx(total.area, rel=1e-6)
    water = shapely.box(120, 20, 160, 55).difference(shapely.union_all(load_layer("land").geometry.values))
    assert total.area == pytest.approx(water.area, rel=1e-3)


@pytest.mark.parametrize("strait_id", ["soya", "tsugaru", "tsushima_east", "tsushima_west", "osumi",
                                       "miyako", "yonaguni", "nemuro"])
def test_layer006_each_label_point_lies_in_its_strait_only(strait_id):
    straits = load_layer("straits").set_index("strait_id")
    row = straits.loc[strait_id]
    inside = layers_at(row["label_lat"], row["label_lon"])["straits"]
    assert inside == [row["name_en"]]


def test_layer007_straits_are_water_and_disjoint():
    straits = load_layer("straits")
    land = shapely.union_all(load_layer("land").geometry.values)
    assert all(g.intersection(land).area < 1e-6 for g in straits.geometry)
    pairs = [(a, b) for i, a in enumerate(straits.geometry) for b in straits.geometry[i + 1:]]
    assert all(a.intersection(b).area < 1e-9 for a, b in pairs)
    assert set(straits.loc[straits["specified_area"], "strait_id"]) == {
        "soya", "tsugaru", "tsushima_east", "tsushima_west", "osumi"}


def test_layer008_territorial_sea_12_nm_with_3_nm_corridors():
    assert layers_at(41.88, 143.25)["territorial_sea"] == ["Japan's territorial sea (12 nm)"]  # 5 km off Erimo
    assert layers_at(41.4992, 140.6158)["territorial_sea"] == []     # high-seas corridor, mid-Tsugaru
    assert layers_at(40.0, 145.0)["territorial_sea"] == []
    zones = load_layer("territorial_sea")
    assert set(zones["zone"]) == {"12 nm", "3 nm specified area"}
    assert len(zones[zones["zone"] == "3 nm specified area"]) == 5
    assert zones["note"].str.contains("not official baselines").all()


def test_layer009_territorial_sea_widths_in_metres():
    zones = load_layer("territorial_sea").to_crs("+proj=aeqd +lat_0=41.4 +lon_0=140.6 +datum=WGS84")
    japan = load_layer("land").query("country == 'Japan'").to_crs(zones.crs).geometry.union_all()
    tsugaru = zones[zones["specified_area"] == "Tsugaru Strait"].geometry.union_all()
    outer = shapely.get_coordinates(tsugaru.boundary)
    farthest = max(Point(xy).distance(japan) for xy in outer)
    assert 5_000 < farthest < 5_700                 # 3 nm = 5,556 m


@pytest.mark.parametrize(("km", "inside"), [(20.5, True), (24.0, False)])
def test_layer010_12_nm_belt_measured_geodesically(km, inside):
    """Due south of Cape Erimo's tip (nothing else of Japan is nearer): in at 20.5 km, out at 24."""
    lon, lat, _ = pyproj.Geod(ellps="WGS84").fwd(143.2483, 41.9244, 180, km * 1000)
    assert bool(layers_at(lat, lon)["territorial_sea"]) is inside


def test_layer011_kurils_flag_the_northern_territories():
    kurils = load_layer("kuril_islands").set_index("name_en")
    disputed = set(kurils.index[kurils["northern_territories"]])
    assert disputed == {"Etorofu / Iturup", "Kunashiri / Kunashir", "Shikotan", "Habomai Islands"}
    assert kurils.loc["Etorofu / Iturup", "name_ja"] == "択捉島"
    assert kurils.loc["Etorofu / Iturup", "name_ru"] == "Итуруп"
    assert {"Urup", "Paramushir", "Shumshu", "Simushir"} <= set(kurils.index)
    assert len(kurils) >= 15


def test_layer012_places_is_the_gazetteer():
    places = load_layer("places")
    assert len(places) == 85
    assert places.set_index("name_en").loc["Cape Erimo", "name_ja"] == "襟裳岬"


def test_layer013_display_copies_have_the_same_features():
    for name in ("seas", "straits", "kuril_islands", "territorial_sea"):
        full, small = load_layer(name), load_layer(name, display=True)
        assert list(full["name_en"]) == list(small["name_en"]), name
        assert small.to_crs(3857).area.sum() == pytest.approx(full.to_crs(3857).area.sum(), rel=0.05), name


def test_layer014_missing_or_unknown_layer_says_how_to_fix(tmp_path, monkeypatch):
    with pytest.raises(LayerError, match="unknown layer 'oceans'"):
        layer_path("oceans")
    monkeypatch.setattr("geo.layers.LAYERS_DIR", tmp_path)
    load_layer.cache_clear()
    try:
        with pytest.raises(LayerError, match="make layers"):
            load_layer("seas")
    finally:
        load_layer.cache_clear()


@pytest.mark.rebuild_layers
def test_layer015_build_is_reproducible(tmp_path):
    """Rebuilding from world-atlas gives byte-identical files: the committed layers are its output.

    Opt-in (it runs npm): ``STRAITWATCH_REBUILD_LAYERS=1 pytest -m rebuild_layers`` (tests/conftest.py).
    """
    assert shutil.which("npm") or COUNTRIES.is_file(), "rebuilding needs npm (or a cached world-atlas)"
    build_main(["--out", str(tmp_path)])
    assert (tmp_path / "SHA256SUMS").read_text() == (LAYERS_DIR / "SHA256SUMS").read_text()
