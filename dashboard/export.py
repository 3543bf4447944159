"""Downloads of exactly the filtered rows: GeoJSON, file names and statistics (the CSV rows: sightings.export).

Both formats carry every schema column, the join's columns and ``primary_source``, written
by the same cell formatter as the dataset file (:func:`sightings.cells.as_cells`). Text cells
that a spreadsheet would run as a formula get a leading apostrophe (OWASP's CSV-injection
advice); numbers are left alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import geopandas as gpd
import pandas as pd

from dashboard.facets import FACETS
from dashboard.filters import FilterSpec
from sightings.cells import as_cells
from sightings.export import CHUNK_ROWS, export_frame
from sightings.pipeline import located_mask

def to_geojson(rows: pd.DataFrame) -> str:
    """A FeatureCollection: points where the row has one, null geometry for area/unlocated rows."""
    return "".join(geojson_chunks(rows))


def geojson_chunks(rows: pd.DataFrame, size: int = CHUNK_ROWS) -> Iterator[str]:
    """The GeoJSON FeatureCollection in pieces of ``size`` features (geopandas' features), for streaming."""
    yield '{"type": "FeatureCollection", "features": ['
    for start in range(0, len(rows), size):
        part = rows.iloc[start:start + size]
        points = gpd.points_from_xy(part["lon"], part["lat"])      # WGS 84 degrees; a GeoJSON feature names no CRS
        points[~located_mask(part).to_numpy()] = None              # area and unlocated rows: null geometry
        table = export_frame(part)
        # iterfeatures' defaults: the index (each row's id) is the feature's id, a missing value is written null
        features = gpd.GeoDataFrame(table.set_axis(table["id"].to_numpy()), geometry=points)
        yield (", " if start else "") + ", ".join(
            json.dumps(feature, ensure_ascii=False) for feature in features.iterfeatures())
    yield "]}"


def filename(spec: FilterSpec, extension: str) -> str:
    """``straitwatch_2022-01-01_2022-12-31_tsugaru.csv``: the file says what it holds.

    Each chosen facet adds its part (:attr:`Facet.file_part`), or just "filtered" once.
    """
    parts = ["straitwatch"]
    if spec.start or spec.end:
        parts += [spec.start.isoformat() if spec.start else "start", spec.end.isoformat() if spec.end else "end"]
    chosen = [(facet, getattr(spec, facet.field)) for facet in FACETS if facet.is_set(getattr(spec, facet.field))]
    parts += [part for facet, value in chosen if facet.file_part for part in facet.file_part(value)]
    if any(facet.file_part is None for facet, _ in chosen):
        parts.append("filtered")
    name = "_".join(parts)
    return re.sub(r"[^a-z0-9_.-]+", "-", name.lower())[:150] + "." + extension


def stats_csv(table: pd.DataFrame) -> str:
    """A statistics table (:mod:`sightings.stats`) as CSV text, formula-like text neutralised as in the downloads."""
    return as_cells(table, tuple(table.columns), spreadsheet_safe=True).to_csv(index=False, lineterminator="\n")
