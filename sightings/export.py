"""Rows as the downloads and the CLI previews write them: every column, formula-safe CSV.

The app's CSV download, the JSON API and the ``import``/``ingest`` previews all write rows
through :func:`export_frame`, so a preview file is exactly what the app would let a user
download, and a download re-imports as itself (``sightings.cells.restore`` takes off the
apostrophe :func:`sightings.cells.neutralise` puts in front of formula-like text).

Examples
--------
>>> EXPORT_COLUMNS[:3]
('id', 'event_date', 'event_time')
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from sightings.cells import as_cells
from sightings.pipeline import located_mask, primary_source
from sightings.schema import COLUMNS, EXPORT_ONLY

EXPORT_COLUMNS = COLUMNS + EXPORT_ONLY
#: Rows per piece of a streamed download: the first bytes leave at once, memory stays flat.
CHUNK_ROWS = 20_000


def export_frame(rows: pd.DataFrame, *, spreadsheet_safe: bool = True) -> pd.DataFrame:
    """Rows as the downloads hold them: lists joined, dates ISO, formula-like text neutralised
    (``spreadsheet_safe``; the JSON API, read by no spreadsheet, gives the text as stored).

    ``area`` and ``unlocated`` rows leave with empty lat/lon: an area report's only point is
    its strait's label point, which a GIS would show as a fix; the strait or sea it names
    stays in its columns. ``rows`` come from :mod:`sightings.pipeline`; rows straight from
    the join (without the facet columns) get ``primary_source`` computed here.

    Examples
    --------
    >>> from geo.join import enrich
    >>> from sightings.store import load
    >>> rows = enrich(load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...     b"source_urls,source_names,notes\\n"
    ...     b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,"
    ...     b"https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf,JSO,=1+1\\n"
    ...     b"2022-03-14,2022-03-15,1,Kilo-class submarine,about 50 km north of Cape Soya,,detection,no,"
    ...     b"https://example.org/b,B,\\n"))
    >>> export_frame(rows)[["position_kind", "lat", "notes", "primary_source"]].values.tolist()
    [['area', nan, "'=1+1", True], ['derived', 45.97276, '', False]]
    >>> export_frame(rows, spreadsheet_safe=False)["notes"].tolist()     # the JSON API: text as stored
    ['=1+1', '']
    """
    if "primary_source" not in rows:
        rows = rows.assign(primary_source=primary_source(rows["source_urls"]))
    located = located_mask(rows)
    rows = rows.assign(lat=rows["lat"].where(located), lon=rows["lon"].where(located))
    return as_cells(rows, EXPORT_COLUMNS, spreadsheet_safe=spreadsheet_safe).reset_index(drop=True)


def to_csv(rows: pd.DataFrame) -> str:
    """UTF-8 CSV text of the rows (no index).

    Examples
    --------
    >>> from geo.join import enrich
    >>> from sightings.store import load
    >>> rows = enrich(load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...     b"source_urls,source_names,notes\\n"
    ...     b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,"
    ...     b"https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf,JSO,=1+1\\n"
    ...     b"2022-03-14,2022-03-15,1,Kilo-class submarine,about 50 km north of Cape Soya,,detection,no,"
    ...     b"https://example.org/b,B,\\n"))
    >>> text = to_csv(rows)
    >>> text.count("\\n"), text.split("\\n")[1].split(",")[13:16]   # header and 2 rows; an area row has no point
    (3, ['', '', 'area'])
    """
    return "".join(csv_chunks(rows))


def csv_chunks(rows: pd.DataFrame, size: int = CHUNK_ROWS) -> Iterator[str]:
    """The CSV in pieces of ``size`` rows (header first), for streaming a large download.

    Examples
    --------
    >>> from geo.join import enrich
    >>> from sightings.store import load
    >>> rows = enrich(load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...     b"source_urls,source_names,notes\\n"
    ...     b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,"
    ...     b"https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf,JSO,=1+1\\n"
    ...     b"2022-03-14,2022-03-15,1,Kilo-class submarine,about 50 km north of Cape Soya,,detection,no,"
    ...     b"https://example.org/b,B,\\n"))
    >>> [piece.startswith("id,event_date,") for piece in csv_chunks(rows, size=1)]    # the header once
    [True, False]
    >>> next(csv_chunks(rows.iloc[:0])).startswith("id,")        # no rows: still a header
    True
    """
    for start in range(0, max(len(rows), 1), size):
        part = export_frame(rows.iloc[start:start + size])
        yield part.to_csv(index=False, header=start == 0, lineterminator="\n")
