"""The filtered rows as a feed and an API, with the same query string as the page.

``/feed.atom?strait=Tsugaru`` lets a reader follow new sightings of a view; ``/api/sightings.json``
and ``/api/sightings.geojson`` give a script the rows the page shows, every column, with the
dataset version. All three go through the page's :func:`spec_from_query` and
:func:`apply_filters`, so they hold exactly the rows of the CSV download for that query.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
from feedgen.feed import FeedGenerator
from flask import Flask, Response, request, stream_with_context

from dashboard import ids
from dashboard.export import geojson_chunks
from dashboard.i18n import N_
from sightings.export import export_frame
from dashboard.filters import FilterSpec, apply_filters, summary
from dashboard.urlstate import spec_from_query, spec_to_query
from sightings.cells import SEPARATORS

FEED_PATH, JSON_PATH, GEOJSON_PATH = "/feed.atom", "/api/sightings.json", "/api/sightings.geojson"
#: Entries in one feed document (the newest): a feed reader needs the recent ones only.
FEED_ENTRIES = 200
JAPAN = dt.timezone(dt.timedelta(hours=9))
SOURCE_LINE = "Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch"
#: The links shown beside the downloads: (component id, label, path), each given the page's query string.
FEED_LINKS = ((ids.FEED_ATOM, N_("Atom feed"), FEED_PATH), (ids.FEED_JSON, N_("JSON"), JSON_PATH),
              (ids.FEED_GEOJSON, N_("GeoJSON API"), GEOJSON_PATH))


def feed_href(spec: FilterSpec, path: str) -> str:
    """The feed or API at ``path`` for the rows ``spec`` selects: the page's own query string.

    Example: ``feed_href(FilterSpec(straits=("Tsugaru",)), FEED_PATH)`` is
    ``'/feed.atom?strait=Tsugaru'``.
    """
    return f"{path}{spec_to_query(spec)}"


def api_rows(rows: pd.DataFrame) -> list[dict]:
    """Each row with every download column: lists as JSON arrays, dates ISO, missing values null.

    Text is given as stored (a JSON reader runs no formulas, so nothing is neutralised); area
    and unlocated rows have no point, as in every download.
    """
    cells = export_frame(rows, spreadsheet_safe=False)
    records = json.loads(cells.to_json(orient="records", force_ascii=False))
    for record in records:
        for column, separator in SEPARATORS.items():
            record[column] = record[column].split(separator) if record[column] else []
    return records


def atom(rows: pd.DataFrame, title: str, version: str, page_url: str, self_url: str,
         current_to: dt.date | None = None) -> bytes:
    """An Atom document: one entry per sighting, newest report first, at most :data:`FEED_ENTRIES`.

    Each entry links its first source (the release when there is one) and carries the English
    phrase and the release's Japanese sentence. The subtitle names the dataset version and the
    last report date of the whole record (``current_to``), e.g. 'Dataset version 1.4.0. Data
    current to 16 Aug 2026. Source: ...'.
    """
    feed = FeedGenerator()
    feed.id(self_url)
    feed.title(f"Straitwatch: {title}")
    feed.subtitle(subtitle(version, current_to))
    feed.link(href=self_url, rel="self")
    feed.link(href=page_url, rel="alternate")
    feed.author(name="Straitwatch")
    newest = rows.sort_values(["report_date", "event_date", "id"], ascending=False).head(FEED_ENTRIES)
    feed.updated(_stamp(newest["report_date"].max()) if len(newest) else dt.datetime(1992, 1, 1, tzinfo=JAPAN))
    for row in reversed(list(newest.itertuples(index=False))):     # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(f"{page_url.split('?', 1)[0]}?id={row.id}")
        entry.title(_entry_title(row))
        entry.link(href=row.source_urls[0], rel="alternate")
        entry.updated(_stamp(row.report_date))
        entry.published(_stamp(row.report_date))
        text = row.location_text + (f"\n\n{row.location_text_ja}" if row.location_text_ja else "")
        entry.content(text, type="text")
    return feed.atom_str(pretty=True)


def subtitle(version: str, current_to: dt.date | None) -> str:
    """The feed's subtitle: dataset version, how current the record is, and the source.

    Example: ``subtitle("1.4.0", dt.date(2026, 8, 16))`` is
    ``'Dataset version 1.4.0. Data current to 16 Aug 2026. Source: Joint Staff Office, ...'``.
    """
    current = f" Data current to {current_to.day} {current_to:%b} {current_to.year}." if current_to else ""
    return f"Dataset version {version}.{current} Source: {SOURCE_LINE}."


def register_feeds(server: Flask, frame: pd.DataFrame, options, version: str,
                   current_to: dt.date | None = None) -> None:
    """Serve the Atom feed and the JSON/GeoJSON API for the filters in the query string.

    ``current_to`` is the last report date of the whole record (computed once at start-up,
    :attr:`dashboard.data.AppData.current_to`): the JSON gives it as ``data_current_to`` (ISO
    date, null for an empty record) and the feed's subtitle and both summaries state it.
    """
    def selected():
        spec = spec_from_query(request.query_string.decode("utf-8", "replace"), options)
        return spec, apply_filters(frame, spec)

    @server.route(FEED_PATH)
    def feed() -> Response:
        spec, rows = selected()
        query = request.query_string.decode("utf-8", "replace")
        page = request.host_url + (f"?{query}" if query else "")
        return Response(atom(rows, summary(rows, spec, current_to), version, page, request.url, current_to),
                        content_type="application/atom+xml; charset=utf-8")

    @server.route(JSON_PATH)
    def sightings_json() -> Response:
        spec, rows = selected()
        body = {"dataset_version": version, "data_current_to": current_to.isoformat() if current_to else None,
                "query": request.query_string.decode("utf-8", "replace"),
                "summary": summary(rows, spec, current_to), "source": SOURCE_LINE, "count": len(rows), "rows": api_rows(rows)}
        return Response(json.dumps(body, ensure_ascii=False), content_type="application/json; charset=utf-8")

    @server.route(GEOJSON_PATH)
    def sightings_geojson() -> Response:
        _, rows = selected()
        return Response(stream_with_context(geojson_chunks(rows)), content_type="application/geo+json; charset=utf-8")


def _entry_title(row) -> str:
    where = f"{row.strait} Strait" if row.strait else (row.sea_area or "position in the record")
    ships = f"{row.ships} ship{'s' if row.ships != 1 else ''}" if pd.notna(row.ships) else "ships (number not stated)"
    kinds = ", ".join(row.ship_types[:3])
    return f"{row.event_date:%Y-%m-%d} {where}: {ships}" + (f" ({kinds})" if kinds else "")


def _stamp(day) -> dt.datetime:
    return dt.datetime.combine(pd.Timestamp(day).date(), dt.time(0, 0), tzinfo=JAPAN)
