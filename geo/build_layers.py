"""Build data/layers/ from Natural Earth (npm ``world-atlas``) and the gazetteer.

Run ``python -m geo.build_layers`` (or ``make layers``). It fetches ``world-atlas`` from the
npm registry into the git-ignored ``.cache/npm`` once, then rebuilds every layer, its
simplified map copy in ``display/`` and ``SHA256SUMS``. The same inputs give byte-identical
files. The app never runs this: it reads the committed output.

Method (the *why* of each layer is in data/SOURCES.md):

- ``land``: Natural Earth 1:10m countries, clipped to the region *before* ``make_valid``
  (clipping Russia first is 1000x faster).
- ``seas``: the region's water (box minus land) cut along the IHO S-23 (1953) closing
  lines in :data:`CLOSING_LINES`; each piece is named by the seed point it contains.
- ``straits``: water within the hull of each strait's shore points.
- ``territorial_sea``: Japan's coast buffered 12 nm in a metric CRS, cut to 3 nm inside the
  five specified straits, and kept on Japan's side of the median line with its neighbours.
- ``kuril_islands``: the Russia polygons of the Kuril chain, named from :data:`KURIL_ISLANDS`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyproj
import shapely
from shapely.geometry import LineString, MultiPoint, Point

from geo.layers import LAYER_NAMES, LAYERS_DIR, METRIC_CRS
from geo.places import gazetteer
from geo.seas import SEAS
from geo.straits import STRAITS

ROOT = Path(__file__).resolve().parent.parent
NPM_CACHE = ROOT / ".cache" / "npm"
WORLD_ATLAS = "world-atlas@2.0.2"
COUNTRIES = NPM_CACHE / "node_modules" / "world-atlas" / "countries-10m.json"
#: Natural Earth 1:50m land, drawn (display only) around the region so the map has no edge.
CONTEXT_LAND = NPM_CACHE / "node_modules" / "world-atlas" / "land-50m.json"
CONTEXT_BOX = (90.0, 0.0, 190.0, 66.0)
#: lon/lat box of every layer: Okinotori (20.4 N) to Kamchatka's tip, Taiwan to the Kurils.
REGION = (120.0, 20.0, 160.0, 55.0)
PRECISION = 1e-5            # ~1 m; full layers
#: Simplification (degrees) of the display copies. Land is drawn over seas, belts and straits,
#: so their coastal edges hide under it and can be coarser than the visible coast.
DISPLAY_TOLERANCE = {"land": 0.008, "kuril_islands": 0.003, "straits": 0.003, "seas": 0.05,
                     "territorial_sea": 0.015}
#: Display copies keep 3 decimals (about 100 m): finer than a pixel at the zooms the map opens at.
DISPLAY_PRECISION = 1e-3
NM = 1852.0
GEOD = pyproj.Geod(ellps="WGS84")

COUNTRY_JA = {"Japan": "日本", "Russia": "ロシア", "China": "中国", "South Korea": "韓国",
              "North Korea": "北朝鮮", "Taiwan": "台湾", "Philippines": "フィリピン",
              "N. Mariana Is.": "北マリアナ諸島"}

#: Each sea of geo/seas.py (its names are there) -> a seed point (lon, lat) inside its polygon.
SEA_SEEDS = {
    "Sea of Japan": (135.0, 40.0),
    "Sea of Okhotsk": (148.0, 50.0),
    "East China Sea": (126.0, 30.0),
    "Yellow Sea": (123.0, 36.0),
    "Pacific Ocean": (150.0, 35.0),
    "South China Sea": (120.3, 21.5),
    "Seto Inland Sea": (133.3, 34.2),
}

#: IHO S-23 (1953) limits, as polylines (lon, lat) across water; an end short of the coast
#: is carried on to it (see :func:`closed`). "kuril" is computed from the islands (see _kuril_line).
CLOSING_LINES = {
    # Japan Sea, S-23 s.52
    "Tatar Strait, Cape Tuik - Cape Sushcheva (51 45 N)": "tatar",
    "La Perouse: Soni Misaki (Cape Soya) - Nishi Notoro Misaki (Cape Crillon)": [
        "Cape Soya", "Cape Crillon"],
    "Tsugaru east: Shiriya Saki - Esan Saki": ["Cape Shiriya", "Cape Esan"],
    "Shimonoseki: Nagoya Saki - Mutsure Sima - Murasaki Hana": [
        (130.82, 33.92), (130.87, 33.97), (130.89, 34.03)],
    "East China Sea NE limit: Nomo Saki - Hukae Sima - Ose Saki - Hunan Kan (Jeju S)": [
        (129.75, 32.58), (128.79, 32.58), (128.60, 32.62), (126.55, 33.20), (126.16, 33.30)],
    "Jeju W extreme - Ttangkkeut, Haenam (Japan Sea / Yellow Sea; our reading)": [
        (126.16, 33.30), (126.53, 34.30)],
    "Jeju W extreme - west along 33 17 N (East China Sea / Yellow Sea)": [
        (126.16, 33.2833), (119.5, 33.2833)],
    # Sea of Okhotsk, S-23 s.53
    "Nosyappu Saki - through the Kurils - Cape Lopatka": "kuril",
    # East China Sea, S-23 s.50 (east and south limits, paraphrased; see SOURCES.md)
    "Sata Misaki - Nansei Shoto - Hateruma - Taiwan east coast": [
        (130.66, 30.99), (130.98, 30.57), (129.37, 28.33), (128.95, 27.78), (128.60, 27.37),
        (128.42, 27.04), (128.27, 26.87), (127.93, 26.48), (127.30, 26.20), (125.317, 24.767),
        (124.70, 24.66), (124.17, 24.42), (123.81, 24.34), (123.78, 24.06), (121.60, 23.98)],
    "Fuki Kaku (Taiwan N) - Turnabout Island (East / South China Sea)": [
        (121.53, 25.30), (119.5, 25.43)],
    "Garan Bi (Taiwan S) - Y'Ami Island (South China Sea / Pacific)": [
        (120.85, 21.90), (121.95, 21.11), (122.0, 19.5)],
    # Seto Inland Sea, S-23 s.54 (the Kanmon line above closes its west end)
    "Bungo Suido: Sada Misaki - Seki Saki": [(132.01, 33.34), (131.90, 33.27)],
    "Kii Suido: Gamoda Misaki - Hino Misaki": [(134.73, 33.83), (135.06, 33.88)],
}

#: Each straits-layer polygon's shore points, by :class:`geo.straits.Channel` id: its water is the
#: convex hull of these (gazetteer names, or (lon, lat) shore or mid-water points set here where
#: the gazetteer has none; see SOURCES.md). Names, label points and the rest are in geo/straits.py.
SHORE_POINTS = {
    "soya": ["Cape Soya", "Cape Crillon", (141.75, 45.75), (142.25, 45.68)],
    "tsugaru": ["Cape Tappi", "Cape Shirakami", "Cape Esan", "Cape Shiriya"],
    "tsushima_east": ["Kami-Tsushima", "Shimo-Tsushima", "Iki Island", (129.89, 33.55), (130.40, 34.00),
                      (130.00, 34.75)],
    "tsushima_west": ["Kami-Tsushima", "Shimo-Tsushima", "Busan", (128.60, 34.85), (129.35, 35.45),
                      (129.33, 34.70)],
    "osumi": ["Cape Sata", "Tanegashima", "Yakushima", (131.20, 31.15), (130.20, 30.80)],
    "miyako": ["Okinawa Island (centre)", "Miyako Island", (127.0, 24.9), (126.2, 26.3)],
    "yonaguni": ["Yonaguni Island", "Iriomote Island", (123.4, 24.65), (123.4, 24.15)],
    "nemuro": ["Cape Shiretoko", "Rausu", (145.33, 43.60), (145.55, 43.85), "Kunashiri / Kunashir",
               (146.20, 44.45)],
}

#: Kuril island -> (Japanese, Russian, approximate centre (lon, lat), Northern Territories?).
#: Centres only name Natural Earth's polygons (nearest centre wins); they are not drawn.
KURIL_ISLANDS = {
    "Shumshu": ("占守島", "Шумшу", (156.35, 50.75), False),
    "Paramushir": ("幌筵島", "Парамушир", (155.75, 50.35), False),
    "Atlasov": ("阿頼度島", "Атласова", (155.55, 50.86), False),
    "Antsiferov": ("志林規島", "Анциферова", (154.98, 50.21), False),
    "Makanrushi": ("磨勘留島", "Маканруши", (154.38, 49.77), False),
    "Onekotan": ("温禰古丹島", "Онекотан", (154.75, 49.45), False),
    "Kharimkotan": ("春牟古丹島", "Харимкотан", (154.51, 49.12), False),
    "Ekarma": ("越渇磨島", "Экарма", (153.95, 48.96), False),
    "Chirinkotan": ("知林古丹島", "Чиринкотан", (153.49, 48.98), False),
    "Shiashkotan": ("捨子古丹島", "Шиашкотан", (154.10, 48.83), False),
    "Raikoke": ("雷公計島", "Райкоке", (153.25, 48.29), False),
    "Matua": ("松輪島", "Матуа", (153.20, 48.09), False),
    "Rasshua": ("羅処和島", "Расшуа", (153.02, 47.75), False),
    "Ushishir": ("宇志知島", "Ушишир", (152.83, 47.52), False),
    "Ketoy": ("計吐夷島", "Кетой", (152.48, 47.35), False),
    "Simushir": ("新知島", "Симушир", (152.10, 46.97), False),
    "Broutona": ("武魯頓島", "Броутона", (150.74, 46.72), False),
    "Chirpoy": ("知理保以島", "Чирпой", (150.88, 46.52), False),
    "Urup": ("得撫島", "Уруп", (150.00, 45.85), False),
    "Etorofu / Iturup": ("択捉島", "Итуруп", (147.90, 45.00), True),
    "Kunashiri / Kunashir": ("国後島", "Кунашир", (145.95, 44.10), True),
    "Shikotan": ("色丹島", "Шикотан", (146.75, 43.80), True),
    "Habomai Islands": ("歯舞群島", "Хабомаи", (146.20, 43.45), True),
}
KURIL_BOX = (145.3, 43.3, 157.0, 50.9)   # centroid box of the chain's polygons


def main(argv: list[str] | None = None) -> None:
    """Fetch the source if needed, build every layer, write them with checksums."""
    parser = argparse.ArgumentParser(prog="python -m geo.build_layers", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=LAYERS_DIR, help=f"output folder (default {LAYERS_DIR})")
    args = parser.parse_args(argv)
    fetch_world_atlas()
    land = build_land(read_countries())
    land_union = shapely.union_all(land.geometry.values)
    water = shapely.difference(shapely.box(*REGION), land_union)
    kurils = build_kurils(land)
    seas = build_seas(water, land_union, kurils)
    straits = build_straits(water)
    territorial = build_territorial_sea(land, straits)
    layers = {"land": land, "seas": seas, "straits": straits, "kuril_islands": kurils,
              "territorial_sea": territorial, "places": build_places()}
    write_layers(layers, args.out)
    write_map_land(land, args.out)


def fetch_world_atlas() -> None:
    """Install world-atlas from the npm registry into .cache/npm unless it is there."""
    if COUNTRIES.is_file():
        return
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    print(f"fetching {WORLD_ATLAS} from the npm registry into {NPM_CACHE}", file=sys.stderr)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", str(NPM_CACHE),
                    WORLD_ATLAS], check=True)


def read_countries() -> gpd.GeoDataFrame:
    """Natural Earth countries touching the region (world-atlas TopoJSON carries no CRS)."""
    frame = gpd.read_file(COUNTRIES, layer="countries", engine="pyogrio")
    frame = frame.set_crs(4326, allow_override=True)
    return frame[frame.intersects(shapely.box(*REGION))].reset_index(drop=True)


def build_land(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One valid (Multi)Polygon per country, clipped to the region."""
    clipped = shapely.clip_by_rect(countries.geometry.values, *REGION)
    valid = shapely.make_valid(clipped, method="structure", keep_collapsed=False)
    land = gpd.GeoDataFrame({"country": countries["name"], "name_en": countries["name"],
                             "name_ja": countries["name"].map(COUNTRY_JA)}, geometry=valid, crs=4326)
    land = land[~land.geometry.is_empty]
    return land.sort_values("country").reset_index(drop=True)


def place(name_or_point: str | tuple[float, float]) -> tuple[float, float]:
    """(lon, lat) of a gazetteer name, or the pair itself."""
    if isinstance(name_or_point, str):
        row = gazetteer().loc[name_or_point]
        return float(row["lon"]), float(row["lat"])
    return name_or_point


def closed(points: list[tuple[float, float]], land) -> LineString:
    """The polyline with each end that stops in open water carried on to the nearest coast.

    Gazetteer capes sit a few hundred metres off Natural Earth's 1:10m coast; a line that
    stops short would leave a gap and let two seas run together.
    """
    def reach(end: tuple[float, float]) -> list[tuple[float, float]]:
        point = Point(end)
        if land.contains(point) or not shapely.box(*REGION).contains(point):
            return []
        shore = shapely.shortest_line(point, land).coords[1]
        azimuth, _, _ = GEOD.inv(*end, *shore)
        return [shore, GEOD.fwd(*shore, azimuth, 200.0)[:2]]   # 200 m on, into the land

    return LineString([*reversed(reach(points[0])), *points, *reach(points[-1])])


def tatar_line(land_union) -> list[tuple[float, float]]:
    """Cape Sushcheva - Cape Tuik: the water gap along 51 45 N between mainland and Sakhalin."""
    parallel = LineString([(139.0, 51.75), (142.6, 51.75)])
    gaps = shapely.get_parts(parallel.difference(land_union))
    gap = min(gaps, key=lambda g: g.distance(Point(141.5, 51.75)))
    return list(gap.coords)


def kuril_line(kurils: gpd.GeoDataFrame) -> list[tuple[float, float]]:
    """Nosyappu Saki along the Pacific side of each Kuril island to Cape Lopatka.

    S-23 puts "all the narrow waters between Hokusyu and Kamchatka" in the Sea of Okhotsk,
    so the line joins each island's most south-easterly (Pacific-facing) point.
    """
    islands = shapely.get_parts(kurils.geometry.values)
    islands = sorted(islands, key=lambda p: p.centroid.x + p.centroid.y)
    points = [place("Cape Nosappu")]
    for island in islands:
        coords = shapely.get_coordinates(island)
        points.append(tuple(coords[np.argmax(coords[:, 0] - coords[:, 1])]))
    points.append(place("Cape Lopatka"))
    return points


def build_seas(water, land_union, kurils: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The region's water split along the S-23 closing lines, one feature per sea."""
    lines = []
    for spec in CLOSING_LINES.values():
        points = (tatar_line(land_union) if spec == "tatar" else kuril_line(kurils) if spec == "kuril"
                  else [place(p) for p in spec])
        lines.append(closed(points, land_union))
    cut = shapely.difference(water, shapely.buffer(shapely.union_all(lines), 1e-6))
    pieces = gpd.GeoDataFrame(geometry=shapely.get_parts(cut), crs=4326)
    seeds = gpd.GeoDataFrame({"sea_area": list(SEA_SEEDS)},
                             geometry=[Point(seed) for seed in SEA_SEEDS.values()], crs=4326)
    named = gpd.sjoin(pieces, seeds, how="left", predicate="contains")
    missing = set(SEA_SEEDS) - set(named["sea_area"].dropna())
    if missing:
        raise RuntimeError(f"seed points of {sorted(missing)} fall on land or on a closing line")
    # Pieces with no seed (islands' lagoons, slivers): the sea of the nearest named piece.
    orphans = named["sea_area"].isna()
    if orphans.any():
        anchors = named[~orphans]
        nearest = gpd.sjoin_nearest(named.loc[orphans, ["geometry"]].to_crs(METRIC_CRS),
                                    anchors[["sea_area", "geometry"]].to_crs(METRIC_CRS))
        named.loc[orphans, "sea_area"] = nearest[~nearest.index.duplicated()]["sea_area"]
    seas = named.dissolve("sea_area", as_index=False)[["sea_area", "geometry"]]
    seas["name_en"] = seas["sea_area"]
    seas["name_ja"] = seas["sea_area"].map(SEAS)
    seas["iho_note"] = "IHO S-23 (1953) limits as closing lines; approximate, see data/SOURCES.md"
    return seas[["sea_area", "name_en", "name_ja", "iho_note", "geometry"]]


def build_straits(water) -> gpd.GeoDataFrame:
    """Water inside each strait's shore-point hull; the piece holding its label point.

    Earlier entries win where hulls overlap, so no point lies in two straits.
    """
    taken = shapely.Polygon()
    rows = []
    for strait, channel in ((s, c) for s in STRAITS.values() for c in s.channels):
        hull = MultiPoint([place(p) for p in SHORE_POINTS[channel.id]]).convex_hull
        label = Point(place(channel.label_point))
        pieces = shapely.get_parts(shapely.difference(shapely.intersection(hull, water), taken))
        inside = [p for p in pieces if p.contains(label)]
        if not inside:
            raise RuntimeError(f"{channel.id}: label point {label} is not in the strait's water")
        taken = shapely.union(taken, inside[0])
        rows.append({"strait_id": channel.id, "strait": strait.name, "name_en": channel.layer_name,
                     "name_ja": channel.japanese or strait.japanese, "specified_area": strait.specified_area,
                     "label_lat": label.y, "label_lon": label.x, "geometry": inside[0]})
    return gpd.GeoDataFrame(rows, crs=4326)


def build_territorial_sea(land: gpd.GeoDataFrame, straits: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Japan's territorial sea from the coastline: 12 nm, 3 nm in the five specified straits.

    An approximation: measured from Natural Earth's coast, not Japan's official (straight)
    baselines, and kept on Japan's side of a median line with neighbouring coasts.
    """
    metric = land.to_crs(METRIC_CRS)
    japan = shapely.union_all(metric.loc[metric["country"] == "Japan"].geometry.values)
    others = shapely.union_all(metric.loc[metric["country"] != "Japan"].geometry.values)
    all_land = shapely.union(japan, others)
    nearer_japan = median_side(japan, others)
    specified = shapely.union_all(straits.loc[straits["specified_area"]].to_crs(METRIC_CRS).geometry.values)
    belt12 = shapely.difference(shapely.buffer(japan, 12 * NM), all_land)
    belt3 = shapely.difference(shapely.buffer(japan, 3 * NM), all_land)
    outside = shapely.intersection(shapely.difference(belt12, specified), nearer_japan)
    rows = [{"zone": "12 nm", "specified_area": "", "geometry": outside}]
    for row in straits.loc[straits["specified_area"]].to_crs(METRIC_CRS).itertuples():
        part = shapely.intersection(shapely.intersection(belt3, row.geometry), nearer_japan)
        rows.append({"zone": "3 nm specified area", "specified_area": row.name_en, "geometry": part})
    frame = gpd.GeoDataFrame(rows, crs=METRIC_CRS).to_crs(4326)
    frame["geometry"] = shapely.make_valid(frame.geometry.values, method="structure", keep_collapsed=False)
    frame["name_en"] = np.where(frame["zone"] == "12 nm", "Japan's territorial sea (12 nm)",
                                "Japan's territorial sea, specified area (3 nm): " + frame["specified_area"])
    frame["name_ja"] = np.where(frame["zone"] == "12 nm", "日本の領海（12海里）", "特定海域の領海（3海里）")
    frame["note"] = "Approximation buffered from the Natural Earth coastline, not official baselines"
    return frame[["zone", "specified_area", "name_en", "name_ja", "note", "geometry"]]


def median_side(japan, others):
    """Water nearer Japan's coast than any other coast (Voronoi cells of coast vertices)."""
    japan_pts = shapely.get_coordinates(shapely.segmentize(shapely.boundary(japan), 2000))
    other_pts = shapely.get_coordinates(shapely.segmentize(shapely.boundary(others), 2000))
    points = np.vstack([japan_pts, other_pts])
    points, first = np.unique(points.round(0), axis=0, return_index=True)
    is_japan = np.zeros(len(points), bool)
    is_japan[np.flatnonzero(first < len(japan_pts))] = True
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), ordered=True))
    return shapely.union_all(cells[is_japan])


def build_kurils(land: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Each Kuril island (Russia's polygons in the chain's box), named in English, Japanese, Russian."""
    russia = land.loc[land["country"] == "Russia"].geometry.iloc[0]
    parts = [p for p in shapely.get_parts(russia)
             if KURIL_BOX[0] < p.centroid.x < KURIL_BOX[2] and KURIL_BOX[1] < p.centroid.y < KURIL_BOX[3]]
    centres = gpd.GeoDataFrame({"name_en": list(KURIL_ISLANDS)},
                               geometry=[Point(v[2]) for v in KURIL_ISLANDS.values()], crs=4326)
    islands = gpd.GeoDataFrame(geometry=parts, crs=4326)
    named = gpd.sjoin_nearest(islands.to_crs(METRIC_CRS), centres.to_crs(METRIC_CRS))
    named = named[~named.index.duplicated()].to_crs(4326)
    kurils = named.dissolve("name_en", as_index=False)[["name_en", "geometry"]]
    kurils["name_ja"] = kurils["name_en"].map(lambda n: KURIL_ISLANDS[n][0])
    kurils["name_ru"] = kurils["name_en"].map(lambda n: KURIL_ISLANDS[n][1])
    kurils["northern_territories"] = kurils["name_en"].map(lambda n: KURIL_ISLANDS[n][3])
    kurils["status"] = np.where(kurils["northern_territories"],
                                "Administered by Russia; claimed by Japan (Northern Territories)", "Russia")
    kurils["centre_lat"] = kurils.geometry.representative_point().y.round(4)
    kurils = kurils.sort_values("centre_lat").reset_index(drop=True)
    return kurils[["name_en", "name_ja", "name_ru", "northern_territories", "status", "geometry"]]


def build_places() -> gpd.GeoDataFrame:
    """The gazetteer as points, with the first Japanese spelling of each name."""
    table = gazetteer().reset_index(drop=True)

    def japanese(alt: str) -> str:
        return next((a.strip() for a in alt.split(";") if any("\u3040" <= c <= "\u9fff" for c in a)), "")

    return gpd.GeoDataFrame({
        "name_en": table["name"], "name_ja": table["alt_names"].map(japanese), "kind": table["kind"],
        "country": table["country"], "alt_names": table["alt_names"], "source_url": table["source_url"],
    }, geometry=gpd.points_from_xy(table["lon"], table["lat"]), crs=4326)


def write_layers(layers: dict[str, gpd.GeoDataFrame], out: Path) -> None:
    """Write full and display copies, then SHA256SUMS over every file written."""
    assert set(layers) == set(LAYER_NAMES)
    display_dir = out / "display"
    display_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in layers.items():
        full = frame.copy()
        full["geometry"] = shapely.set_precision(full.geometry.values, PRECISION)
        written.append(_write(full, out / f"{name}.geojson", 5))
        if name in ("places", "land"):   # points are not drawn; land is drawn as map_land
            continue
        small = frame.copy()
        small["geometry"] = shapely.set_precision(
            shapely.simplify(small.geometry.values, DISPLAY_TOLERANCE[name], preserve_topology=True),
            DISPLAY_PRECISION)
        small = small[~small.geometry.is_empty]
        written.append(_write(small, display_dir / f"{name}.geojson", 3))
    sums = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(out)}\n"
                   for p in written)
    (out / "SHA256SUMS").write_text(sums, encoding="utf-8")
    for path in written:
        print(f"{path}: {len(json.loads(path.read_text())['features'])} features, "
              f"{path.stat().st_size / 1024:.0f} KB")


def write_map_land(land: gpd.GeoDataFrame, out: Path) -> None:
    """The map's land, display only: the region's land dissolved with coarse Natural Earth
    1:50m land around it, so neither fill nor coastline stops at the region's edge."""
    world = gpd.read_file(CONTEXT_LAND, layer="land", engine="pyogrio").set_crs(4326, allow_override=True)
    clipped = shapely.make_valid(shapely.clip_by_rect(world.geometry.values, *CONTEXT_BOX), method="structure")
    around = shapely.simplify(shapely.difference(shapely.union_all(clipped), shapely.box(*REGION)), 0.02)
    inside = shapely.simplify(land.geometry.values, DISPLAY_TOLERANCE["land"], preserve_topology=True)
    merged = shapely.set_precision(shapely.union_all([*inside, around]), DISPLAY_PRECISION)
    frame = gpd.GeoDataFrame({"name_en": ["Land"], "name_ja": ["陸地"]}, geometry=[merged], crs=4326)
    path = _write(frame, out / "display" / "map_land.geojson", 3)
    with open(out / "SHA256SUMS", "a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(out)}\n")
    print(f"{path}: {path.stat().st_size / 1024:.0f} KB")


def _write(frame: gpd.GeoDataFrame, path: Path, digits: int) -> Path:
    frame = frame.copy()
    frame["geometry"] = shapely.make_valid(frame.geometry.values, method="structure", keep_collapsed=False)
    path.unlink(missing_ok=True)
    frame.to_file(path, driver="GeoJSON", engine="pyogrio", COORDINATE_PRECISION=digits,
                  RFC7946="YES", WRITE_NAME="NO")
    return path


if __name__ == "__main__":
    main()
