"""Read the committed geographic layers (data/layers/*.geojson), built by :mod:`geo.build_layers`.

The layers are data, not code: they are read with pyogrio, checked once, and cached per
process (they never change while the app runs, so the cache is safe under gunicorn).
"""

from __future__ import annotations

import functools
from pathlib import Path

import geopandas as gpd

LAYERS_DIR = Path(__file__).resolve().parent.parent / "data" / "layers"
LAYER_NAMES = ("land", "seas", "straits", "kuril_islands", "territorial_sea", "places")
#: Lambert conformal conic over Japan: metres, under 1 % scale error between 25 N and 45 N.
METRIC_CRS = "+proj=lcc +lat_1=25 +lat_2=45 +lat_0=35 +lon_0=137 +datum=WGS84 +units=m +no_defs"


class LayerError(RuntimeError):
    """A layer file is missing or unusable; the message says how to rebuild it."""


def layer_path(name: str, display: bool = False) -> Path:
    """Where layer ``name`` lives (the simplified map copy when ``display``).

    Examples
    --------
    >>> layer_path("seas").name, layer_path("land", display=True).parent.name
    ('seas.geojson', 'display')
    >>> layer_path("lakes")
    Traceback (most recent call last):
    ...
    geo.layers.LayerError: unknown layer 'lakes'; the layers are land, seas, straits, kuril_islands, territorial_sea, places
    """
    if name not in LAYER_NAMES:
        raise LayerError(f"unknown layer {name!r}; the layers are {', '.join(LAYER_NAMES)}")
    return (LAYERS_DIR / "display" if display else LAYERS_DIR) / f"{name}.geojson"


@functools.lru_cache(maxsize=None)
def load_layer(name: str, display: bool = False) -> gpd.GeoDataFrame:
    """Layer ``name`` as a GeoDataFrame in EPSG:4326 (cached; copy before mutating).

    Examples
    --------
    >>> straits = load_layer("straits")
    >>> straits.crs.to_epsg(), "Tsugaru Strait" in set(straits["name_en"])
    (4326, True)
    >>> load_layer("straits") is straits          # one read per process
    True
    """
    path = layer_path(name, display)
    if not path.is_file():
        raise LayerError(f"layer file {path} is missing; rebuild it with `make layers` "
                         "(python -m geo.build_layers)")
    frame = gpd.read_file(path, engine="pyogrio")
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        raise LayerError(f"{path} is not in EPSG:4326 (found {frame.crs})")
    return frame
