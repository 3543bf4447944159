"""Everything the app serves, loaded once at start-up and read-only afterwards.

The sightings frame comes from :func:`sightings.pipeline.build` (the same frame the import
preview and the benchmarks use); this module adds what only the app needs: the control
options and the map's display layers. The frozen :class:`AppData` is built per process
(each gunicorn worker builds its own) and never mutated, so no callback shares state with
another user.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.events import Event, load_events
from dashboard.facets import options
from dashboard.filters import data_current_to
from dashboard.figures import base_layers, layer_files
from dashboard.mapview import anchors_used, place_labels, strait_bounds
from geo.layers import LAYERS_DIR
from sightings.coverage import read_counts
from sightings.changelog import CHANGELOG, current_version
from sightings.pipeline import build
from sightings.store import DATASET

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
    #: (URL, GeoJSON bytes) of the map's merged base layers, fetched by the browser (figures.layer_files).
    layer_files: tuple[tuple[str, bytes], ...] = ()
    #: Place names the map may show (dashboard.mapview.place_labels) and each strait's box.
    labels: tuple[dict, ...] = ()
    strait_boxes: dict | None = None
    #: Sourced context events drawn on the timeline (data/events.csv).
    events: tuple[Event, ...] = ()
    #: Counts of announcements pages state (data/coverage_counts.csv), set beside the record.
    coverage_counts: pd.DataFrame | None = None
    #: The dataset's version: the newest entry of the CHANGELOG.md beside it (issue 22).
    version: str = "unversioned"
    #: The last report date of the whole record (dashboard.filters.data_current_to), stated by every view.
    current_to: dt.date | None = None


def load_app_data(path: str | Path = DATASET) -> AppData:
    """The sightings at ``path`` through the pipeline, their options, the display layers, and the
    dataset version (from the ``CHANGELOG.md`` beside ``path``, read once here)."""
    frame = build(path)
    layers = {name: json.loads((LAYERS_DIR / "display" / f"{name}.geojson").read_text(encoding="utf-8"))
              for name in MAP_LAYERS}
    return AppData(sightings=frame, options=options(frame), layers=layers, source=Path(path),
                   layer_files=layer_files(base_layers(layers)), labels=tuple(place_labels(anchors_used(frame))),
                   strait_boxes=strait_bounds(layers["straits"]), events=load_events(),
                   coverage_counts=read_counts(), current_to=data_current_to(frame), version=current_version(Path(path).with_name(CHANGELOG.name)))
