"""Everything the app serves, loaded once at start-up and read-only afterwards.

Loading validates, locates and joins the sightings; callbacks only filter and draw. The
frozen :class:`AppData` is built per process (each gunicorn worker builds its own) and
never mutated, so no callback shares state with another user.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

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


def load_app_data(path: str | Path = DATASET) -> AppData:
    """Read, validate, locate and join the sightings at ``path``; read the display layers."""
    from geo.join import enrich   # geopandas is only needed here, at start-up

    frame = add_facets(enrich(read_sightings(path)))
    layers = {name: json.loads((LAYERS_DIR / "display" / f"{name}.geojson").read_text(encoding="utf-8"))
              for name in MAP_LAYERS}
    return AppData(sightings=frame, options=options(frame), layers=layers, source=Path(path))
