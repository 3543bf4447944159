"""Everything the app serves, loaded once at start-up and read-only afterwards.

Loading validates, locates and joins the sightings; callbacks only filter and draw. The
join's answers are kept on disk between starts (:func:`cached_classify`), so a restart pays
only for reading and validating the CSV. The
frozen :class:`AppData` is built per process (each gunicorn worker builds its own) and
never mutated, so no callback shares state with another user.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.figures import base_layers, layer_files
from dashboard.filters import add_facets, options
from geo.layers import LAYERS_DIR
from sightings.store import DATASET, read_sightings

#: Display layers drawn on the map, simplified at build time (data/layers/display/);
#: "map_land" is the land layer dissolved with coarse land around the region (no edge at 120 E).
MAP_LAYERS = ("seas", "territorial_sea", "straits", "map_land", "kuril_islands")


@dataclass(frozen=True)
class AppData:
    """The enriched sightings, the control options and the map's GeoJSON layers."""

    sightings: pd.DataFrame
    options: dict[str, tuple[str, ...]]
    layers: dict[str, dict]
    source: Path
    #: (URL, GeoJSON bytes) of each map layer, fetched by the browser (figures.layer_files).
    layer_files: tuple[tuple[str, bytes], ...] = ()


def load_app_data(path: str | Path = DATASET) -> AppData:
    """Read, validate, locate and join the sightings at ``path``; read the display layers."""
    from geo.join import enrich

    sightings = read_sightings(path)
    frame = add_facets(enrich(sightings, places=cached_classify(sightings["lat"], sightings["lon"])))
    layers = {name: json.loads((LAYERS_DIR / "display" / f"{name}.geojson").read_text(encoding="utf-8"))
              for name in MAP_LAYERS}
    return AppData(sightings=frame, options=options(frame), layers=layers, source=Path(path),
                   layer_files=layer_files(base_layers(layers)))


#: Where start-up keeps the spatial join's answers between runs (git-ignored, safe to delete).
CLASSIFY_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "classify"
#: Bump when the cache file's layout changes.
_CACHE_FORMAT = "1"


def cached_classify(lat: pd.Series, lon: pd.Series, cache_dir: Path = CLASSIFY_CACHE) -> pd.DataFrame:
    """:func:`geo.join.classify` of these points, read from ``cache_dir`` when already computed.

    The key is a SHA-256 of the coordinates, the layer checksums (data/layers/SHA256SUMS)
    and the join's own source, so a new row, a rebuilt layer or a changed join recomputes.
    Only the join is cached: the CSV is still read and validated on every start. A cache
    that cannot be written (read-only checkout) is skipped.
    """
    from geo import join   # geopandas and the layers are only needed on a cache miss

    path = cache_dir / f"classify-{_classify_key(lat, lon, Path(join.__file__))}.npz"
    try:
        with np.load(path, allow_pickle=False) as stored:
            return _unpack(stored, lat.index)
    except (OSError, ValueError, KeyError):
        pass
    places = join.classify(lat, lon)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".npz.tmp")
        with os.fdopen(handle, "wb") as out:
            np.savez(out, **_pack(places))
        os.replace(temporary, path)      # atomic: another worker reads the old file or this one
    except OSError:
        pass
    return places


def _classify_key(lat: pd.Series, lon: pd.Series, join_source: Path) -> str:
    digest = hashlib.sha256(_CACHE_FORMAT.encode())
    for part in (lat.to_numpy(dtype=float), lon.to_numpy(dtype=float)):
        digest.update(np.ascontiguousarray(part).tobytes())
    digest.update((LAYERS_DIR / "SHA256SUMS").read_bytes())
    digest.update(join_source.read_bytes())
    return digest.hexdigest()[:32]


def _pack(places: pd.DataFrame) -> dict[str, np.ndarray]:
    """The classify frame as plain arrays (codes + names), loadable without pickle."""
    sea_codes, seas = pd.factorize(places["sea_area"])          # -1 where no sea
    strait_codes, straits = pd.factorize(places["in_strait"])
    return {"sea_codes": sea_codes.astype(np.int16), "seas": np.asarray(seas, dtype=str),
            "strait_codes": strait_codes.astype(np.int16), "straits": np.asarray(straits, dtype=str),
            "territorial": places["in_japan_territorial_sea"].to_numpy(dtype=bool),
            "distance": places["distance_to_japan_km"].to_numpy(dtype=float)}


def _unpack(stored, index: pd.Index) -> pd.DataFrame:
    if len(stored["distance"]) != len(index):
        raise ValueError("cached rows do not match")
    seas = np.append(stored["seas"].astype(object), np.nan)         # code -1 -> NaN
    straits = np.append(stored["straits"].astype(object), "")
    return pd.DataFrame({
        "sea_area": seas[stored["sea_codes"]], "in_strait": straits[stored["strait_codes"]],
        "in_japan_territorial_sea": stored["territorial"], "distance_to_japan_km": stored["distance"],
    }, index=index)
