"""Put each sighting in its geography: sea area, strait, Japan's territorial sea, distance to Japan.

One geopandas ``sjoin`` / ``sjoin_nearest`` per layer: 10,000 rows take well under a second.
"""

from __future__ import annotations

import functools
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.columns import ENRICHED  # noqa: F401  (the columns :func:`enrich` adds)
from geo.layers import METRIC_CRS, load_layer
from geo.seas import NAMES as SEA_VOCABULARY, SYNONYMS as SEA_SYNONYMS

#: Sea names a report's words are searched for: the dataset's seas and the other English names
#: reports use (:data:`geo.seas.SYNONYMS`, each read as the sea it means).
SEA_NAMES = (*SEA_VOCABULARY, *(name for name in SEA_SYNONYMS if name.isascii()))
_SEA_WORDS = {name: re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE) for name in SEA_NAMES}


def enrich(frame: pd.DataFrame, located: pd.Series | None = None) -> pd.DataFrame:
    """Return ``frame`` with the layer-derived columns added.

    ``sea_area`` becomes the seas layer's answer where the row has a position (the reported
    value stays in ``sea_area_reported``); rows without one keep the reported sea.
    ``located`` marks the rows whose lat/lon is where the ships were (reported or derived; every
    row with coordinates when None). Any other row's coordinates only say where the map draws
    the area its report names (a strait's label point), so the layers are not asked about them:
    a report of "the Tsugaru Strait" keeps the sea it stated (or none), and gets no strait
    channel, no territorial sea and no distance to Japan, as a row without a point.
    Computed on every call (nothing is cached: 10,000 rows take well under a second).

    Examples
    --------
    >>> rows = pd.DataFrame({"lat": [44.5, None], "lon": [145.5, None],
    ...                      "sea_area": ["Sea of Japan", "Sea of Okhotsk"],
    ...                      "location_text": ["44.5N 145.5E", "in the Sea of Okhotsk"]})
    >>> enrich(rows)[["sea_area", "sea_area_reported", "distance_to_japan_km"]].values.tolist()
    [['Sea of Okhotsk', 'Sea of Japan', 21.2], ['Sea of Okhotsk', 'Sea of Okhotsk', nan]]

    A label point (``located`` False) is drawn, never classified:

    >>> strait = pd.DataFrame({"lat": [41.5], "lon": [140.5], "sea_area": [""], "location_text": ["the Tsugaru Strait"]})
    >>> enrich(strait, located=pd.Series([False]))[["sea_area", "in_strait", "distance_to_japan_km"]].values.tolist()
    [['', '', nan]]
    """
    out = frame.copy()
    where = frame["lat"].notna() if located is None else located.to_numpy(dtype=bool)
    places = classify(frame["lat"].where(where), frame["lon"].where(where))
    out["sea_area_reported"] = frame["sea_area"]
    out["sea_area"] = places["sea_area"].fillna(frame["sea_area"]).astype(str)
    for column in ("in_strait", "in_japan_territorial_sea", "distance_to_japan_km"):
        out[column] = places[column]
    out["named_seas"] = named_seas_column(frame["location_text"], frame["sea_area"])
    return out


def classify(lat: pd.Series, lon: pd.Series) -> pd.DataFrame:
    """Sea area, strait, territorial-sea flag and distance to Japan for each point.

    Missing coordinates give a missing sea, no strait, False and NaN.

    Examples
    --------
    >>> classify(pd.Series([41.5, None]), pd.Series([140.5, None]))["in_strait"].tolist()
    ['Tsugaru Strait', '']
    """
    points = _points(lat, lon)
    seas = load_layer("seas")
    sea = _within(points, seas, "sea_area")
    off_water = points.geometry.notna() & sea.isna()
    if off_water.any():   # a derived point on the coastline: take the nearest sea
        sea[off_water] = _nearest(points[off_water], seas, "sea_area")
    territorial = load_layer("territorial_sea").dissolve()[["geometry"]]
    territorial["inside"] = True
    return pd.DataFrame({
        "sea_area": sea,
        "in_strait": _within(points, load_layer("straits"), "name_en").fillna("").astype(str),
        "in_japan_territorial_sea": _within(points, territorial, "inside").fillna(False).astype(bool),
        "distance_to_japan_km": distance_to_japan_km(points),
    }, index=points.index)


def distance_to_japan_km(points: gpd.GeoSeries | gpd.GeoDataFrame) -> np.ndarray:
    """Distance in km from each point to the nearest Japanese coast (0 on land, NaN for no point).

    The coast is cut into short pieces first: the nearest-neighbour search then measures
    against a few dozen vertices instead of all of Honshu's.

    Examples
    --------
    >>> points = gpd.GeoSeries.from_xy([140.5, 141.0, None], [41.5, 43.0, None], crs=4326)
    >>> distance_to_japan_km(points)      # Tsugaru Strait, inland Hokkaido, no point; rounded to 0.1 km
    array([6.6, 0. , nan])
    """
    metric = _as_frame(points).to_crs(METRIC_CRS)
    has = (metric.geometry.notna() & ~metric.geometry.is_empty).to_numpy()
    result = np.full(len(metric), np.nan)
    if has.any():
        coast, land = _japan_coast()
        located = metric[has]
        nearest = gpd.sjoin_nearest(located, coast, how="left", distance_col="metres")
        metres = nearest[~nearest.index.duplicated()]["metres"].reindex(located.index).to_numpy(copy=True)
        on_land = gpd.sjoin(located, land, how="left", predicate="within")
        metres[on_land[~on_land.index.duplicated()]["index_right"].notna().to_numpy()] = 0.0
        result[np.flatnonzero(has)] = metres / 1000.0
    return np.round(result, 1)


@functools.lru_cache(maxsize=1)
def _japan_coast() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Japan's coast as short line pieces, and its land as polygons, both in metres (cached)."""
    land = load_layer("land")
    japan = land.loc[land["country"] == "Japan", ["geometry"]].explode(index_parts=False).to_crs(METRIC_CRS)
    rings = shapely.get_parts(shapely.boundary(japan.geometry.values))
    coords = [shapely.get_coordinates(ring) for ring in shapely.get_parts(shapely.line_merge(rings))]
    pieces = [shapely.linestrings(c[i:i + 9]) for c in coords for i in range(0, len(c) - 1, 8)]
    return (gpd.GeoDataFrame(geometry=pieces, crs=METRIC_CRS),
            japan.reset_index(drop=True))


def disagreements(enriched: pd.DataFrame) -> pd.DataFrame:
    """Located rows whose reported sea differs from the seas layer's, for review.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a", "b", "c"], "event_date": pd.to_datetime(["2023-03-06"] * 3),
    ...                      "location_text": ["44.5N 145.5E", "36.0N 141.5E", "in the Sea of Japan"],
    ...                      "lat": [44.5, 36.0, None], "sea_area_reported": ["Sea of Japan", "", "Sea of Japan"],
    ...                      "sea_area": ["Sea of Okhotsk", "Pacific Ocean", "Sea of Japan"]})
    >>> disagreements(rows)[["id", "sea_area_reported", "sea_area"]].values.tolist()   # b reports no sea
    [['a', 'Sea of Japan', 'Sea of Okhotsk']]
    """
    mask = (enriched["lat"].notna() & (enriched["sea_area_reported"] != "")
            & (enriched["sea_area_reported"] != enriched["sea_area"]))
    return enriched.loc[mask, ["id", "event_date", "location_text", "sea_area_reported", "sea_area"]]


def named_seas(text: str, reported: str) -> list[str]:
    """The layer sea names a report's phrase or its sea column mention, in layer spelling:
    the reported sea first, then the seas the phrase names, each once.

    Examples
    --------
    >>> named_seas("in the Sea of Japan and the southern Sea of Okhotsk", "")
    ['Sea of Japan', 'Sea of Okhotsk']
    """
    first = SEA_SYNONYMS.get(reported, reported) if isinstance(reported, str) else ""
    text = text if isinstance(text, str) else ""
    found = [SEA_SYNONYMS.get(name, name) for name, words in _SEA_WORDS.items() if words.search(text)]
    return list(dict.fromkeys(name for name in (first, *found) if name))


def named_seas_column(texts: pd.Series, reported: pd.Series) -> pd.Series:
    """:func:`named_seas` of each row.

    Examples
    --------
    >>> named_seas_column(pd.Series(["off Cape Soya", "in the East China Sea"]),
    ...                   pd.Series(["Japan Sea", ""])).tolist()          # a synonym read as its sea
    [['Sea of Japan'], ['East China Sea']]
    """
    return pd.Series([named_seas(text, sea) for text, sea in zip(texts, reported, strict=True)],
                     index=texts.index, dtype=object)


def _as_frame(points: gpd.GeoSeries | gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return points if isinstance(points, gpd.GeoDataFrame) else gpd.GeoDataFrame(geometry=points)


def _points(lat: pd.Series, lon: pd.Series) -> gpd.GeoDataFrame:
    """WGS84 points; rows without coordinates get a missing geometry."""
    has = (lat.notna() & lon.notna()).to_numpy()
    geometry = gpd.points_from_xy(lon, lat, crs=4326)
    geometry[~has] = None
    return gpd.GeoDataFrame(index=lat.index, geometry=geometry)


def _within(points: gpd.GeoDataFrame, layer: gpd.GeoDataFrame, column: str) -> pd.Series:
    """The layer's ``column`` for the polygon each point lies in (first one when several)."""
    has = points[points.geometry.notna()]
    joined = gpd.sjoin(has, layer[[column, "geometry"]], how="left", predicate="within")
    joined = joined[~joined.index.duplicated()]
    return joined[column].reindex(points.index).astype(object)


def _nearest(points: gpd.GeoDataFrame, layer: gpd.GeoDataFrame, column: str) -> pd.Series:
    """The layer's ``column`` for the polygon nearest each point (in metres)."""
    joined = gpd.sjoin_nearest(points.to_crs(METRIC_CRS), layer[[column, "geometry"]].to_crs(METRIC_CRS),
                               how="left")
    return joined[~joined.index.duplicated()][column]
