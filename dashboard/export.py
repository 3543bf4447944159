"""Downloads of exactly the filtered rows: CSV and GeoJSON, safe to open in a spreadsheet.

Both formats carry every schema column plus the join's columns. Text cells that a
spreadsheet would run as a formula (leading ``=``, ``+``, ``-``, ``@``, tab or CR) get a
leading apostrophe (OWASP's CSV-injection advice); numbers are left alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pandas as pd

from dashboard.filters import FilterSpec
from geo.join import ENRICHED
from sightings.schema import COLUMNS, LIST_SEPARATORS

EXPORT_COLUMNS = COLUMNS + ENRICHED
#: Rows per piece of a streamed download: the first bytes leave at once, memory stays flat.
CHUNK_ROWS = 20_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix a cell a spreadsheet would evaluate with an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows as the text the downloads hold: lists joined, dates ISO, text neutralised."""
    out = pd.DataFrame(index=rows.index)
    for column in EXPORT_COLUMNS:
        values = rows[column]
        if column in LIST_SEPARATORS or column == "named_seas":
            values = values.map(LIST_SEPARATORS.get(column, "; ").join)
        elif column in ("event_date", "report_date"):
            values = values.dt.strftime("%Y-%m-%d")
        elif column == "with_chinese_ships":
            values = values.map({True: "yes", False: "no"})
        elif column in ("lat", "lon"):
            values = values.round(5)
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            values = values.fillna("").astype(str).map(neutralise)
        out[column] = values
    return out.reset_index(drop=True)


def to_csv(rows: pd.DataFrame) -> str:
    """UTF-8 CSV text of the rows (no index)."""
    return "".join(csv_chunks(rows))


def csv_chunks(rows: pd.DataFrame, size: int = CHUNK_ROWS) -> Iterator[str]:
    """The CSV in pieces of ``size`` rows (header first), for streaming a large download."""
    for start in range(0, max(len(rows), 1), size):
        part = export_frame(rows.iloc[start:start + size])
        yield part.to_csv(index=False, header=start == 0, lineterminator="\n")


def to_geojson(rows: pd.DataFrame) -> str:
    """A FeatureCollection: points where the row has one, null geometry for area/unlocated rows."""
    return "".join(geojson_chunks(rows))


def geojson_chunks(rows: pd.DataFrame, size: int = CHUNK_ROWS) -> Iterator[str]:
    """The GeoJSON FeatureCollection in pieces of ``size`` features, for streaming."""
    yield '{"type": "FeatureCollection", "features": ['
    for start in range(0, len(rows), size):
        part = rows.iloc[start:start + size]
        table = export_frame(part)
        features = []
        for record, lat, lon in zip(table.to_dict("records"), part["lat"], part["lon"], strict=True):
            record = {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in record.items()}
            geometry = None if pd.isna(lat) else {"type": "Point", "coordinates": [float(lon), float(lat)]}
            features.append(json.dumps({"type": "Feature", "id": record["id"], "geometry": geometry,
                                        "properties": record}, ensure_ascii=False, default=_plain))
        yield (", " if start else "") + ", ".join(features)
    yield "]}"


def _plain(value):
    return value.item() if hasattr(value, "item") else str(value)


def filename(spec: FilterSpec, extension: str) -> str:
    """``straitwatch_2022-01-01_2022-12-31_tsugaru.csv``: the file says what it holds."""
    parts = ["straitwatch"]
    if spec.start or spec.end:
        parts += [spec.start.isoformat() if spec.start else "start", spec.end.isoformat() if spec.end else "end"]
    parts += [s.lower() for s in spec.straits]
    if spec.seas or spec.ship_types or spec.activities or spec.chinese != "any" or spec.search:
        parts.append("filtered")
    name = "_".join(parts)
    return re.sub(r"[^a-z0-9_.-]+", "-", name.lower())[:150] + "." + extension
