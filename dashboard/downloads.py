"""Downloads as plain links: ``/download/straitwatch_....csv?strait=Tsugaru`` streams the rows.

The map's base layers are a plain link too: one GeoJSON file (``/map-layers/base-<hash>.json``).

The link carries the same query string as the page, so the file holds exactly what the
views show (same :func:`spec_from_query`, same :func:`apply_filters`). Streaming in chunks
sends the first bytes at once and keeps memory flat for a hundred thousand rows.
"""

from __future__ import annotations

import datetime as dt
import json

from flask import Flask, Response, abort, request, stream_with_context

from dashboard.briefing import download_description
from dashboard.export import filename, geojson_chunks, stats_csv
from sightings.export import csv_chunks
from dashboard.figures import LAYER_URL
from dashboard.filters import FilterSpec, apply_filters, data_current_to
from dashboard.i18n import language_of_query, with_language
from dashboard.stats_view import STATS_PATH
from dashboard.urlstate import spec_to_query, spec_from_query
from sightings.schema import STRAITS
from sightings.stats import passage_table

FORMATS = {"csv": ("text/csv; charset=utf-8", csv_chunks),
           "geojson": ("application/geo+json; charset=utf-8", geojson_chunks)}


def download_href(spec: FilterSpec, extension: str, lang: str = "en") -> str:
    """The link for the rows ``spec`` selects, in ``extension`` format (``lang``: the language a
    description, ``csv.json``, is written in; the rows themselves have none).

    >>> download_href(FilterSpec(straits=("Soya",)), "csv.json", "ja")
    '/download/straitwatch_soya.csv.json?strait=Soya&lang=ja'
    """
    return f"/download/{filename(spec, extension)}{with_language(spec_to_query(spec), lang)}"


def register_layer_files(server: Flask, files: tuple[tuple[str, bytes], ...]) -> None:
    """Serve the map's base GeoJSON at its content-hashed URL (cached by the browser for good)."""
    bodies = {url.rsplit("/", 1)[1]: body for url, body in files}

    @server.route(LAYER_URL.rsplit("/", 1)[0] + "/<name>")
    def map_layer(name: str) -> Response:
        body = bodies.get(name)
        if body is None:
            abort(404)
        return Response(body, mimetype="application/json",
                        headers={"Cache-Control": "public, max-age=31536000, immutable"})


def register_downloads(server: Flask, frame, options, version: str = "unversioned") -> None:
    """Serve ``/download/<name>.csv`` and ``.geojson`` for the filters in the query string, and beside
    each its description ``/download/<name>.csv.json`` (version, licence, export date, filters:
    :func:`dashboard.briefing.download_description`), named by each download's ``Link`` header."""
    current_to = data_current_to(frame)

    @server.route("/download/<name>")
    def download(name: str) -> Response:
        query = request.query_string.decode("utf-8", "replace")
        described = name.endswith(".json") and name[:-5].rsplit(".", 1)[-1] in FORMATS
        extension = name[:-5].rsplit(".", 1)[-1] if described else name.rsplit(".", 1)[-1]
        if extension not in FORMATS:
            abort(404)
        spec = spec_from_query(query, options)
        rows = apply_filters(frame, spec)
        if described:
            return sidecar_response(filename(spec, extension), download_href(spec, extension), rows, spec, version,
                                    current_to, language_of_query(query))
        content_type, chunks = FORMATS[extension]
        # content_type, not mimetype: Flask would append a second "; charset=utf-8"
        return Response(stream_with_context(chunks(rows)), content_type=content_type, headers={
            "Content-Disposition": f'attachment; filename="{filename(spec, extension)}"',
            "Cache-Control": "no-store", "Link": describedby(f"/download/{filename(spec, extension)}.json"
                                                             f"{spec_to_query(spec)}")})


def describedby(href: str) -> str:
    """The ``Link`` header value naming a download's description: ``</x.csv.json?q>; rel="describedby"``."""
    return f'<{href}>; rel="describedby"; type="application/json"'


def sidecar_response(file: str, href: str, rows, spec: FilterSpec, version: str, current_to,
                     lang: str = "en") -> Response:
    """The JSON description of the download ``file`` (today's date as the export date), its words in ``lang``."""
    body = download_description(file, href, rows, spec, version, current_to, dt.date.today(), lang)
    return Response(json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8",
                    headers={"Cache-Control": "no-store"})


# -- passage statistics (issue 10) ------------------------------------------------------------

def register_stats(server: Flask, frame, options, version: str = "unversioned") -> None:
    """Serve ``/stats/passages.csv`` for the filters in the query string: :func:`sightings.stats.passage_table`,
    one line per strait, year and heading (``strait, year, heading, passages, ship_sightings,
    distinct_hulls, unknown_counts``), with a zero line (heading "all") for every strait and year
    in the selection's range that has no passage, so a missing year never looks like a missing line.
    The straits are those the strait filter names, else every strait of the schema. The last column,
    ``partial``, is true for a year cut short by the filter's period or by the record's
    data-current-to date (:func:`dashboard.filters.data_current_to` of the whole record), and the
    years run over the whole period the filter names, zero lines included (issue 25)."""
    current_to = data_current_to(frame)

    @server.route(STATS_PATH)
    def passage_stats() -> Response:
        spec = spec_from_query(request.query_string.decode("utf-8", "replace"), options)
        table = passage_table(apply_filters(frame, spec), table_straits(spec), start=spec.start, end=spec.end,
                              current_to=current_to, partial=True)
        return Response(stats_csv(table), content_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{passages_filename(spec)}"',
                                 "Cache-Control": "no-store",
                                 "Link": describedby(STATS_PATH + ".json" + spec_to_query(spec))})

    @server.route(STATS_PATH + ".json")
    def passage_stats_description() -> Response:
        query = request.query_string.decode("utf-8", "replace")
        spec = spec_from_query(query, options)
        return sidecar_response(passages_filename(spec), STATS_PATH + spec_to_query(spec), apply_filters(frame, spec),
                                spec, version, current_to, language_of_query(query))


def table_straits(spec: FilterSpec) -> tuple[str, ...]:
    """The straits the statistics table lists: those the strait filter names (schema order), else all.

    Example: ``table_straits(FilterSpec(straits=("Soya", "none")))`` is ``('Soya',)``.
    """
    chosen = set(spec.straits or ())
    return tuple(s for s in STRAITS if s in chosen) if chosen else STRAITS


def passages_filename(spec: FilterSpec) -> str:
    """``straitwatch-passages_2022-01-01_2022-12-31.csv``: the download's name with "passages"."""
    return filename(spec, "csv").replace("straitwatch", "straitwatch-passages", 1)
