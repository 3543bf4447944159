"""Figures: the offline MapLibre map and the timeline, built from filtered rows.

The map draws without any network: its own MapLibre style (:func:`base_style`: a water-coloured
background and the GeoJSON layers shipped in data/layers/display, from one source served
by the app), default circle markers and no map text (see TECH_NOTES). The base
figure is sent once; filter changes patch only the marker traces and the area styles, and
this module says which parts change (``*_updates``: (path, value) pairs), so no caller
counts trace indexes. The note under the map and the table rows live here too: they are
views of the same rows.

Figures are plain dicts in Plotly's JSON form, which ``dcc.Graph`` takes as they are:
``go.Figure`` validates and deep-copies every value, which cost 0.3 s at start-up (the
GeoJSON layers) and 9 ms per timeline.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from html import escape
from collections import Counter, namedtuple
from itertools import zip_longest

import numpy as np
import pandas as pd
from dash import html

from sightings.pipeline import OPEN_SEA, release_urls
from sightings.schema import POINT_KINDS
from geo.straits import STRAITS
from geo.tracks import named_rows
from dashboard.i18n import DEFAULT, N_, figure_font, name, translator

#: One colour per timeline lane / map trace: the straits' (geo.straits: Okabe-Ito, colour-blind
#: safe), then open sea.
LANE_COLOURS = {**{name: strait.colour for name, strait in STRAITS.items()}, OPEN_SEA: "#333333"}
LANES = tuple(LANE_COLOURS)
OPACITY = {"reported": 1.0, "derived": 0.6}
CENTER = {"lat": 35.5, "lon": 137.0}
ZOOM = 3.7
#: The layer toggle of the voyage tracks (dashboard/tracks_figure.py).
TRACKS_GROUP = "tracks"
#: Map layer groups a person can switch off; "base" (land and coast) always shows.
LAYER_GROUPS = {
    "seas": N_("Sea areas (IHO S-23 limits)"),
    "territorial": N_("Japan's territorial sea: 12 nm, 3 nm in the specified straits"),
    "straits": N_("Straits"),
    "kurils": N_("Kuril Islands (Northern Territories shaded darker)"),
    TRACKS_GROUP: N_("Voyages as tracks (faint dashes: inferred strait passage; faint dots: route unknown)"),
}
#: Where the browser fetches each base layer's GeoJSON (served by :mod:`dashboard.downloads`).
#: Every chart's toolbar: nothing that needs the internet ("Share chart" uploads to a cloud service).
GRAPH_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["sendChartToCloud", "lasso2d"]}
#: Kept out of the figure: ``dcc.Graph`` walks the whole figure on every update (0.13 s
#: of each filter change with the GeoJSON inside), and the files are cached by the browser.
LAYER_URL = "/map-layers/{name}.json"
#: Every sea in one plain water colour; only a highlight tells one from another.
SEA_FILL, SEA_OPACITY = "#e3edf5", 0.55
#: The map's background: the plain seas' colour as drawn over white, so water beyond the
#: sea polygons (they end at the region's edge) reads as water, not as land or a gap.
WATER = "#eff5f9"
#: Area-only reports: a violet no strait (nor open sea, nor the upload) is drawn in.
AREA_HIGHLIGHT = "#7b2cbf"
#: A whole sea is large: its highlight is a light wash of the same violet, so markers stay readable.
SEA_HIGHLIGHT_OPACITY = 0.12
#: How MapLibre tiles the base source: the display layers are simplified already, so tiles
#: cut at zoom 6 serve the closer zooms (the strait views) too, and a camera move to a strait
#: re-tiles nothing; a small buffer suffices for lines at most 1.6 px wide.
BASE_TILING = {"maxzoom": 6, "buffer": 32}
#: Japan's territorial sea as lines: the 12-nm limit thin, the 3-nm specified areas darker.
TERRITORIAL_LINES = {"12 nm": ("#6f8fb0", 0.7), "3 nm specified area": ("#1d3557", 1.6)}
KURIL_COLOURS = {False: "#ddd5c4", True: "#bfae8c"}
#: Land: a warm grey a step darker than the water, so coasts read without their outline.
LAND_FILL = "#e8e2d4"
#: Trace order in the map figure: the selection halo, the sightings drawn as points, the
#: grid-cell counts (used instead of the points for large selections), the user's upload.
TRACE_SELECTION, POINTS_TRACE, UPLOAD_TRACE = 0, 1, 2
UPLOAD_COLOUR = "#000000"
#: Above this many sightings the timeline shows monthly counts and the voyage layer is left
#: empty (at 10,000 rows it costs seconds per filter change); the map draws every marker.
MAX_MARKERS = 2_000


def marker_size(ships: pd.Series) -> pd.Series:
    """Marker diameter in px: grows with the square root of the ship count (7 when unknown)."""
    counts = ships.to_numpy(dtype=float, na_value=0.0)
    return pd.Series(np.round(7 + 2.4 * np.sqrt(counts), 1), index=ships.index)


HOVER_COLUMNS = ("event_date", "ships", "ship_types", "hull_numbers", "location_text", "location_text_ja",
                 "direction", "position_kind", "sea_area", "source_names", "source_urls")
#: A row as a hover label reads it: the full label's columns, and the short label's (the first three).
HoverRow = namedtuple("HoverRow", HOVER_COLUMNS)
ShortHoverRow = namedtuple("ShortHoverRow", HOVER_COLUMNS[:3])


def escape_markup(text: str) -> str:
    """``<``, ``>`` and ``&`` escaped, so no reported word becomes Plotly markup. Quotes stay:
    outside a tag they are harmless, and Plotly would show ``&quot;`` literally."""
    return escape(text, quote=False)


def hover_text(rows: pd.DataFrame, short: bool = False) -> list[str]:
    """Hover labels; every reported word is HTML-escaped before it meets Plotly's markup.

    ``short`` gives date, ships and types only (the timeline: a click shows the rest). The
    full label adds the Japanese release's sentence and the release link where there is one.
    """
    return [head + rest for head, rest in hover_parts(rows, short)]


def hover_parts(rows: pd.DataFrame, short: bool = False) -> list[tuple[str, str]]:
    """(short label, the rest of the full label) of each row's :func:`hover_text` (the rest is
    "" when ``short``): the map's markers need both, made in one pass over the rows."""
    def clean(text: str, width: int = 70) -> str:
        return "<br>".join(escape_markup(line) for line in wrap(text, width)) or "—"

    labels = []
    for row in named_rows(rows, ShortHoverRow if short else HoverRow):
        ships = "ships not reported" if pd.isna(row.ships) else f"{int(row.ships)} ship{'s' if row.ships != 1 else ''}"
        head = f"<b>{row.event_date:%d %b %Y}</b> · {ships}<br>{clean('; '.join(row.ship_types) or 'types not reported')}"
        if short:
            labels.append((head, ""))
            continue
        releases = release_urls(row.source_urls)
        labels.append((head,
            f"<br>Hull numbers: {clean(', '.join(row.hull_numbers) or 'not reported')}<br>"
            f"Where: {clean(row.location_text)}<br>"
            + (f"In Japanese: {clean(row.location_text_ja, 35)}<br>" if row.location_text_ja else "")
            + f"Direction: {clean(row.direction or 'not reported')}<br>"
            f"Position: {escape_markup(row.position_kind)} · sea: {escape_markup(row.sea_area or 'not stated')}<br>"
            f"Source: {clean(' | '.join(row.source_names))}"
            + (f"<br>Joint Staff release: {clean(releases[0], 90)}" if releases else "")
        ))
    return labels


def wrap(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width)``, which a text of one line needs only when it holds tabs, line
    breaks or other whitespace to replace, or ends in whitespace to drop: most hover texts are one
    short line, and textwrap's chunking cost a filter change a few milliseconds on them.

    >>> wrap("Tsugaru Strait", 70), wrap("east  of Cape Erimo ", 70), wrap("", 70), wrap("a\\nb", 70)
    (['Tsugaru Strait'], ['east  of Cape Erimo'], [], ['a b'])
    """
    if len(text) <= width and text.isprintable() and not text[-1:].isspace():
        return [text] if text else []
    return textwrap.wrap(text, width)


def point_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Sightings drawn as markers: those with a reported or derived point."""
    return rows[point_mask(rows)]


def point_mask(rows: pd.DataFrame) -> np.ndarray:
    """Which of ``rows`` are drawn as markers (:func:`point_rows`), as a bool array: a view that
    only counts the markers or reads a column or two of them takes these, not a copy of every
    column of every marker's row (rows are wide; a filter change made six such copies).

    >>> point_mask(pd.DataFrame({"position_kind": ["reported", "area", "derived"], "lat": [41.5, 41.0, None]}))
    array([ True, False, False])
    """
    kinds = rows["facet:kind"] if "facet:kind" in rows else rows["position_kind"]   # codes when loaded by the app
    return (kinds.isin(POINT_KINDS) & rows["lat"].notna()).to_numpy(dtype=bool)


def is_aggregated(rows: pd.DataFrame) -> bool:
    """Whether the timeline counts ``rows`` per month and the voyage layer is empty (:data:`MAX_MARKERS`)."""
    return len(rows) > MAX_MARKERS


def points_trace(rows: pd.DataFrame, selected: str | None = None) -> dict:
    """The marker data of every sighting drawn as a point, coloured by lane (strait or open sea).

    Sightings at the same coordinates share one marker (:func:`stacked_markers`), whose hover
    lists each of them and whose click selects them in turn, so none hides another. One trace,
    not one per lane: Plotly hands each map trace to MapLibre as its own source, and every
    update re-tiles each non-empty one.
    """
    return stacked_markers(rows.loc[point_mask(rows), list(MARKER_COLUMNS)], selected)   # only these: rows are wide


#: The columns :func:`stacked_markers` reads.
MARKER_COLUMNS = tuple(dict.fromkeys(("id", "lat", "lon", "ships", "lane", "position_kind", *HOVER_COLUMNS)))
#: The first line of a marker's hover when several sightings share its point.
STACK_HEAD = "<b>{n} sightings at this point</b> · click again for the next"


def stacked_markers(points: pd.DataFrame, selected: str | None = None) -> dict:
    """One marker per distinct point of ``points`` (rows with lat/lon, in date order).

    A point one sighting holds gets that sighting's hover label and id. A point several hold
    (two reports placed at the same anchor) lists each on hover, the selected one marked ▶, and
    its ``customdata`` is the id a click there selects: the one after ``selected`` among them
    (the first when none of them is selected), so repeated clicks reach each in turn. Size
    follows the largest group of ships there (ships are not summed: they may be the same
    ships), colour the first sighting's lane, opacity the firmest position.

    Examples
    --------
    Two sightings "a" and "b" at one point (``rows``: pipeline rows) make one marker whose
    click selects the first, then, with it selected, the second:

    >>> stacked_markers(rows, None)["customdata"], stacked_markers(rows, "a")["customdata"]  # doctest: +SKIP
    (['a'], ['b'])
    """
    groups = list(points.groupby(["lat", "lon"], sort=False).indices.values())
    ids = points["id"].to_numpy()
    parts = hover_parts(points)
    labels = [head + rest for head, rest in parts]
    short = [head.replace("<br>", " · ") for head, _ in parts]
    sizes = marker_size(points["ships"]).to_numpy()
    colours = [LANE_COLOURS.get(str(lane)) for lane in points["lane"]]
    opacity = np.array([OPACITY.get(str(kind), np.nan) for kind in points["position_kind"]])
    lat, lon = points["lat"].to_numpy(dtype=float), points["lon"].to_numpy(dtype=float)
    out = {"lat": [], "lon": [], "customdata": [], "text": [], "marker": {"size": [], "color": [], "opacity": []}}
    for group in groups:
        first = group[0]
        members = ids[group].tolist()
        if len(group) == 1:
            target, text = members[0], labels[first]
        else:
            at = members.index(selected) if selected in members else -1
            target = members[(at + 1) % len(members)]
            text = "<br>".join([STACK_HEAD.format(n=len(group))] + [
                ("▶ " if member == selected else "• ") + short[i] for member, i in zip(members, group, strict=True)])
        out["lat"].append(float(lat[first]))
        out["lon"].append(float(lon[first]))
        out["customdata"].append(target)
        out["text"].append(text)
        out["marker"]["size"].append(float(sizes[group].max()))
        out["marker"]["color"].append(colours[first])
        out["marker"]["opacity"].append(float(opacity[group].max()))
    return out


def upload_trace(rows: pd.DataFrame) -> dict:
    """Marker data for sightings from a user's own file (drawn in black, never saved)."""
    points = point_rows(rows)
    return {"lat": points["lat"].tolist(), "lon": points["lon"].tolist(), "text": hover_text(points),
            "marker": {"size": marker_size(points["ships"]).tolist(), "color": UPLOAD_COLOUR, "opacity": 0.85}}


def selection_trace(rows: pd.DataFrame, selected: str | None) -> dict:
    """A dark halo under the selected sighting's marker (empty when it is not shown)."""
    shown = point_mask(rows) & (rows["id"] == selected).to_numpy(dtype=bool)     # None selects no row
    return {"lat": rows["lat"][shown].tolist(), "lon": rows["lon"][shown].tolist(),   # three of ~70 columns
            "marker": {"size": (marker_size(rows["ships"][shown]) + 14).tolist(), "color": "#111111", "opacity": 0.35}}


def area_ids(rows: pd.DataFrame) -> dict[str, int]:
    """Area-only reports per map area: ``strait:<group>`` or ``sea:<name>`` -> count."""
    counts: dict[str, int] = {}
    kinds = rows["facet:kind"] if "facet:kind" in rows else rows["position_kind"]
    is_area = (kinds == "area").to_numpy(dtype=bool)
    for strait, seas in zip(rows["strait"][is_area], rows["named_seas"][is_area], strict=True):  # two of ~70 columns
        for key in [f"strait:{strait}"] if strait else [f"sea:{s}" for s in seas]:
            counts[key] = counts.get(key, 0) + 1
    return counts


def base_layers(layers: dict[str, dict]) -> list[tuple[str, str | None, dict]]:
    """(group, area key, MapLibre layer) for every shipped layer, bottom to top."""
    out = []
    for feature in layers["seas"]["features"]:
        name = feature["properties"]["sea_area"]
        out.append(("seas", f"sea:{name}", _fill({"type": "FeatureCollection", "features": [feature]},
                                                 SEA_FILL, SEA_OPACITY)))
    for zone, (colour, width) in TERRITORIAL_LINES.items():
        features = [f for f in layers["territorial_sea"]["features"] if f["properties"]["zone"] == zone]
        out.append(("territorial", None, {"sourcetype": "geojson", "type": "line", "color": colour,
                                          "line": {"width": width},
                                          "source": {"type": "FeatureCollection", "features": features}}))
    groups: dict[str, list] = {}
    for feature in layers["straits"]["features"]:
        groups.setdefault(feature["properties"]["strait"], []).append(feature)
    for strait, features in groups.items():
        out.append(("straits", f"strait:{strait}", _fill(
            {"type": "FeatureCollection", "features": features}, LANE_COLOURS.get(strait, "#999999"), 0.25)))
    # one land layer, its coast drawn by the fill's outline: a separate line layer would send
    # (and make MapLibre tile) the biggest GeoJSON twice
    out.append(("base", None, {**_fill(layers["map_land"], LAND_FILL, 1.0), "fill": {"outlinecolor": "#7a7a7a"}}))
    kurils = layers["kuril_islands"]["features"]
    for disputed, colour in KURIL_COLOURS.items():
        features = [f for f in kurils if bool(f["properties"]["northern_territories"]) is disputed]
        out.append(("kurils", None, _fill({"type": "FeatureCollection", "features": features}, colour, 1.0)))
    return out


def base_features(layers: list[tuple[str, str | None, dict]]) -> dict:
    """Every base layer's features in one FeatureCollection, each tagged with its layer's index
    (``sw_layer``): the map's one GeoJSON source, drawn by one style layer per base layer."""
    return {"type": "FeatureCollection", "features": [
        {**feature, "properties": {**(feature.get("properties") or {}), "sw_layer": index}}   # GeoJSON allows null
        for index, (_, _, layer) in enumerate(layers) for feature in layer["source"]["features"]]}


def layer_files(layers: list[tuple[str, str | None, dict]]) -> tuple[tuple[str, bytes], ...]:
    """(URL, GeoJSON bytes) of the merged base layers (:func:`base_features`); the URL names
    the content's hash, so a browser may cache it for good."""
    body = json.dumps(base_features(layers), separators=(",", ":")).encode("utf-8")
    return ((LAYER_URL.format(name=f"base-{hashlib.sha256(body).hexdigest()[:16]}"), body),)


def base_style(layers: list[tuple[str, str | None, dict]], source: str | None = None) -> dict:
    """The map's own MapLibre style: a water-coloured background and the base layers over one source.

    The base is the style, not Plotly ``layout.map.layers``: Plotly re-applies every layout
    layer, each over its own source, on each redraw, which made a filter change re-tile
    nineteen sources; a style stays put while its ``id`` does. ``source`` is the URL of
    :func:`layer_files` (the features themselves when None). The area highlight and the
    layer toggles reach the style through ``layout.meta`` (assets/basemap.js).
    """
    style_layers = [{"id": "background", "type": "background", "paint": {"background-color": WATER}}]
    for index, (group, _, layer) in enumerate(layers):
        common = {"id": style_layer_id(index, group), "source": "base", "filter": ["==", ["get", "sw_layer"], index]}
        if layer["type"] == "line":
            style_layers.append({**common, "type": "line", "paint": {
                "line-color": layer["color"], "line-width": layer["line"]["width"]}})
        else:
            style_layers.append({**common, "type": "fill", "paint": {
                "fill-color": layer["color"], "fill-opacity": layer["opacity"],
                "fill-outline-color": layer.get("fill", {}).get("outlinecolor", layer["color"])}})
    return {"version": 8, "id": "straitwatch-base", "name": "Straitwatch base (offline)",
            "transition": {"duration": 0, "delay": 0},   # a highlight switches at once, no fading frames
            "sources": {"base": {"type": "geojson", "data": source or base_features(layers), **BASE_TILING}},
            "layers": style_layers}


def style_layer_id(index: int, group: str) -> str:
    """``base-3-seas``: the style layer of base layer ``index``, named with its toggle group."""
    return f"base-{index}-{group}"


def _fill(source: dict, colour: str, opacity: float) -> dict:
    return {"sourcetype": "geojson", "source": source, "type": "fill", "color": colour, "opacity": opacity}


def area_styles(layers: list[tuple[str, str | None, dict]], counts: dict[str, int]) -> dict[int, dict]:
    """Colour and opacity of each area layer: highlighted where area-only reports fall."""
    styles = {}
    for index, (group, key, layer) in enumerate(layers):
        if key is None:
            continue
        if key in counts:
            styles[index] = ({"color": AREA_HIGHLIGHT, "opacity": SEA_HIGHLIGHT_OPACITY} if group == "seas"
                             else {"color": AREA_HIGHLIGHT, "opacity": 0.7})
        elif group == "seas":
            styles[index] = {"color": SEA_FILL, "opacity": SEA_OPACITY}
        else:
            styles[index] = {"color": LANE_COLOURS.get(key.partition(":")[2], "#999999"), "opacity": 0.25}
    return styles


def map_figure(layers: list[tuple[str, str | None, dict]], rows: pd.DataFrame, selected: str | None,
               source: str | None = None, extra_layout: dict | None = None) -> dict:
    """The whole map (a figure dict): the base style, selection halo, the sightings' markers.

    ``source`` is the URL of the base layers' GeoJSON (:func:`layer_files`), sent instead of
    the GeoJSON itself. Every layer starts visible (the layer checkboxes start ticked); the
    area styles travel in ``layout.meta`` (:func:`area_paint`).
    ``extra_layout`` adds layout parts made elsewhere (labels, view, title: dashboard.mapview).
    The legend is the page's (always shown, beside the map), so Plotly's is off.
    """
    def trace(name: str, values: dict, **extra) -> dict:
        return {"type": "scattermap", "name": name, "mode": "markers", "hoverinfo": "text", **extra, **values}

    data = [trace("selected", selection_trace(rows, selected), showlegend=False, hoverinfo="skip")]
    data.append(trace("sightings", points_trace(rows, selected)))
    data.append(trace("your file (not saved)", upload_trace(rows.iloc[:0])))
    extra = dict(extra_layout or {})
    meta = {"areas": area_paint(layers, rows), "hidden": [], **extra.pop("meta", {})}
    return {"data": data, "layout": {
        "map": {"style": base_style(layers, source), "center": CENTER, "zoom": ZOOM},
        "margin": {"l": 0, "r": 0, "t": 30, "b": 18}, "uirevision": "map", "showlegend": False,
        "clickmode": "event", "meta": meta, **extra,
    }}


def area_paint(layers: list[tuple[str, str | None, dict]], rows: pd.DataFrame) -> list[list]:
    """``[style layer id, colour, opacity]`` of every area layer for ``rows`` (:func:`area_styles`),
    which assets/basemap.js paints on the base style."""
    return [[style_layer_id(index, layers[index][0]), style["color"], style["opacity"]]
            for index, style in area_styles(layers, area_ids(rows)).items()]


Update = tuple[tuple, object]
"""A change to a figure: the path of keys and indexes to a value, and the new value."""


def map_updates(layers: list[tuple[str, str | None, dict]], rows: pd.DataFrame,
                selected: str | None, lang: str = DEFAULT) -> tuple[list[Update], list]:
    """What changes in :func:`map_figure` when the rows change, and the note under the map (in ``lang``).

    The updates redraw the markers, the selection halo and the area styles; applied to any
    map figure they give ``map_figure(layers, rows, selected)``.
    """
    updates = _trace_updates(POINTS_TRACE, points_trace(rows, selected))
    updates += _trace_updates(TRACE_SELECTION, selection_trace(rows, selected))
    updates.append((("layout", "meta", "areas"), area_paint(layers, rows)))
    return updates, map_note(rows, lang)


def selection_updates(rows: pd.DataFrame, selected: str | None) -> list[Update]:
    """Move the selection halo to ``selected`` (or hide it), and point each stacked marker's click
    at the next of its sightings (:func:`stacked_markers`)."""
    markers = points_trace(rows, selected)
    return (_trace_updates(TRACE_SELECTION, selection_trace(rows, selected))
            + [(("data", POINTS_TRACE, key), markers[key]) for key in ("customdata", "text")])


def upload_updates(rows: pd.DataFrame) -> list[Update]:
    """Draw a user's own rows in the upload trace (no rows: clear it)."""
    return _trace_updates(UPLOAD_TRACE, upload_trace(rows))


def visibility_updates(layers: list[tuple[str, str | None, dict]], visible) -> list[Update]:
    """Show the layer groups in ``visible`` (land, the "base" group, always shows)."""
    wanted = set(visible or ())
    return [(("layout", "meta", "hidden"), sorted({group for group, _, _ in layers} - wanted - {"base"}))]


def _trace_updates(index: int, values: dict) -> list[Update]:
    return [(("data", index, key), value) for key, value in values.items()]


def map_note(rows: pd.DataFrame, lang: str = DEFAULT) -> list:
    """Below-map note (in ``lang``): the empty state, or what is not drawn as a marker (and, for large
    selections, that the table lists only the latest and the voyage layer is empty)."""
    _ = translator(lang)
    if rows.empty:
        return [html.Strong(_("No sightings match these filters.")), _(" Widen the dates or reset the filters.")]
    points = int(point_mask(rows).sum())
    kinds = rows["position_kind"]
    table = (_(" · the table lists the latest {shown}; the downloads hold all {count}").format(
        shown=f"{MAX_TABLE_ROWS:,}", count=f"{len(rows):,}") if len(rows) > MAX_TABLE_ROWS else "")
    table += (_(" · voyage tracks are drawn for {count} sightings or fewer").format(count=f"{MAX_MARKERS:,}")
              if is_aggregated(rows) else "")
    return [_("{points} on the map as points · {areas} area-only (highlighted violet) · "
              "{unlocated} without a position (table only)").format(
        points=f"{points:,}", areas=f"{int((kinds == 'area').sum()):,}",
        unlocated=f"{int((kinds == 'unlocated').sum()):,}") + table]


#: Rows sent to the table (the latest); the downloads always hold every filtered row.
MAX_TABLE_ROWS = 1_000
#: Table columns, one line per row (no wrapping), so ten or more rows show at once; long
#: text is cut with an ellipsis and shown whole on hover (``tooltipField``).
TABLE_COLUMNS = [
    {"field": "event_date", "headerName": N_("Date"), "width": 108, "sort": "desc"},
    {"field": "date_basis", "headerName": N_("Date basis"), "width": 120, "tooltipField": "date_basis"},
    {"field": "report_date", "headerName": N_("Reported"), "width": 108},
    {"field": "report_date_basis", "headerName": N_("Reported basis"), "width": 150, "tooltipField": "report_date_basis"},
    # which fields the search box matched (dashboard.search.matched_in); empty with no search
    {"field": "matched_in", "headerName": N_("Matched in"), "width": 150, "tooltipField": "matched_in"},
    {"field": "ships", "headerName": N_("Ships"), "width": 76, "type": "numericColumn"},
    {"field": "ship_types", "headerName": N_("Ship types"), "width": 220, "tooltipField": "ship_types"},
    {"field": "strait", "headerName": N_("Strait"), "width": 96},
    {"field": "direction", "headerName": N_("Direction"), "width": 150, "tooltipField": "direction"},
    {"field": "location_text", "headerName": N_("Where (as reported)"), "width": 280, "tooltipField": "location_text"},
    {"field": "position_kind", "headerName": N_("Position"), "width": 92},
    {"field": "notes", "headerName": N_("Notes"), "width": 200, "tooltipField": "notes"},
    {"field": "sources", "headerName": N_("Sources"), "width": 240, "cellRenderer": "SourceLinks",
     "sortable": False, "cellDataType": False},
    {"field": "release", "headerName": N_("Joint Staff release"), "width": 150, "cellRenderer": "SourceLinks",
     "sortable": False, "cellDataType": False},
    {"field": "hull_numbers", "headerName": N_("Hulls"), "width": 100, "tooltipField": "hull_numbers"},
    {"field": "sea_area", "headerName": N_("Sea area"), "width": 130},
    {"field": "activity", "headerName": N_("Activity"), "width": 180, "tooltipField": "activity"},
    {"field": "location_text_ja", "headerName": N_("Where (release, Japanese)"), "width": 240,
     "tooltipField": "location_text_ja"},
    {"field": "distance_to_japan_km", "headerName": N_("km to Japan"), "width": 110, "type": "numericColumn"},
    {"field": "primary_source", "headerName": N_("Primary source"), "width": 110},
]
_TABLE_SOURCE_COLUMNS = ("id", "event_date", "date_basis", "report_date", "report_date_basis", "ships", "ship_types", "hull_numbers", "strait",
                         "sea_area", "activity", "direction", "location_text", "location_text_ja", "position_kind",
                         "distance_to_japan_km", "primary_source", "notes", "source_names", "source_urls")
_TableRow = namedtuple("_TableRow", _TABLE_SOURCE_COLUMNS)


def table_rows(rows: pd.DataFrame) -> list[dict]:
    """Records of the latest :data:`MAX_TABLE_ROWS` rows, newest first: lists joined for reading,
    sources as name/URL pairs for the link renderer (the Joint Staff release first, as stored)."""
    return [{
        "id": row.id, "event_date": f"{row.event_date:%Y-%m-%d}",
        "report_date": "" if pd.isna(row.report_date) else f"{row.report_date:%Y-%m-%d}",
        "date_basis": row.date_basis, "report_date_basis": row.report_date_basis,
        "ships": None if pd.isna(row.ships) else int(row.ships),
        "ship_types": "; ".join(row.ship_types), "hull_numbers": ", ".join(row.hull_numbers),
        "strait": row.strait, "sea_area": row.sea_area, "activity": row.activity, "direction": row.direction,
        "notes": row.notes,
        "location_text": row.location_text, "location_text_ja": row.location_text_ja,
        "position_kind": row.position_kind,
        "distance_to_japan_km": None if pd.isna(row.distance_to_japan_km) else row.distance_to_japan_km,
        "primary_source": "yes" if row.primary_source else "no",
        "release": [{"name": "Joint Staff release", "url": url} for url in release_urls(row.source_urls)],
        # every URL the row cites (a URL beyond the names is shown as itself)
        "sources": [{"name": n, "url": u} for u, n in zip_longest(row.source_urls, row.source_names, fillvalue="") if u],
    } for row in list(named_rows(rows.tail(MAX_TABLE_ROWS), _TableRow))[::-1]]


def _monthly_lanes(rows: pd.DataFrame, lanes: pd.Categorical, present: list[str]) -> list[dict]:
    """Timeline lanes as one marker per lane and month, sized by count (large selections)."""
    counts = rows.groupby([np.asarray(lanes), rows["event_date"].dt.to_period("M")]).size()
    level = _lane_levels(present)
    traces = []
    for lane in present:
        part = counts.loc[lane]                      # the lane's months with sightings, in time order
        traces.append({
            "type": "scatter", "x": _days(part.index.to_timestamp()), "y": [float(level[lane])] * len(part),
            "mode": "markers", "name": lane, "showlegend": False, "customdata": part.tolist(),
            "hovertemplate": "%{x|%b %Y}: %{customdata:,} sightings<extra></extra>",
            "marker": {"size": (4 + 2 * np.log2(part.to_numpy())).round(1).tolist(), "color": LANE_COLOURS[lane]}})
    return traces


#: The timeline's marker of a sighting without a point (a point's is a circle).
TIMELINE_SYMBOLS = {"area": "square-open", "unlocated": "x-thin-open"}
#: Largest vertical step (in lanes) between sightings of one day fanned out in a lane, and the
#: half-height of a lane they may use: they stay inside their lane.
FAN_STEP, FAN_HALF = 0.18, 0.35


def fan_offsets(lane: pd.Series, day: pd.Series) -> np.ndarray:
    """Vertical offset of each row in its timeline lane: 0 for a day a lane holds once; sightings
    sharing a lane and a day spread evenly about the lane's centre, so hover and click reach each.

    Examples
    --------
    >>> fan_offsets(pd.Series(["Soya", "Soya", "Soya", "Tsugaru"]),
    ...             pd.Series(pd.to_datetime(["2022-03-14"] * 3 + ["2022-03-14"]))).round(2).tolist()
    [-0.18, 0.0, 0.18, 0.0]
    """
    keys = list(zip(lane.tolist(), day.tolist(), strict=True))
    per_key = Counter(keys)                          # each row's count and rank within its lane and day
    seen: Counter = Counter()
    rank = []
    for key in keys:
        rank.append(seen[key])
        seen[key] += 1
    rank, count = np.array(rank, dtype=float), np.array([per_key[key] for key in keys], dtype=float)
    step = np.minimum(FAN_STEP, 2 * FAN_HALF / np.maximum(count - 1, 1))
    return (rank - (count - 1) / 2) * step


def _lane_markers(rows: pd.DataFrame, lanes: pd.Categorical, present: list[str], selected: str | None) -> list[dict]:
    """One marker per sighting, a trace per lane: the arrays made once for all rows, then cut per lane.

    A lane is a number on the y axis (:func:`_lane_axis`); sightings of one day in one lane fan
    out inside it (:func:`fan_offsets`) instead of hiding each other.
    """
    days = np.array(_days(rows["event_date"]))
    offsets = fan_offsets(pd.Series(np.asarray(lanes)), rows["event_date"])
    level = _lane_levels(present)
    ids = rows["id"].to_numpy()
    hover = np.array(hover_text(rows, short=True))
    sizes = marker_size(rows["ships"]).to_numpy()
    symbols = np.array([TIMELINE_SYMBOLS.get(kind, "circle") for kind in rows["position_kind"]])
    widths = np.where(ids == selected, 3, 0.5)
    data = []
    for lane in present:
        part = np.flatnonzero(lanes.codes == lanes.categories.get_loc(lane))
        data.append({
            "type": "scatter", "x": days[part].tolist(), "y": (level[lane] + offsets[part]).round(3).tolist(),
            "mode": "markers",
            "name": lane, "showlegend": False, "customdata": ids[part].tolist(),
            "hovertext": hover[part].tolist(), "hoverinfo": "text",
            "marker": {"size": sizes[part].tolist(), "color": LANE_COLOURS[lane], "symbol": symbols[part].tolist(),
                       "line": {"width": widths[part].tolist(), "color": "#111111"}},
        })
    return data


def _lane_levels(present: list[str]) -> dict[str, int]:
    """Each lane's height on the timeline's y axis: the first lane at the top."""
    return {lane: len(present) - 1 - i for i, lane in enumerate(present)}


def _lane_axis(present: list[str], lang: str = DEFAULT) -> dict:
    """The y axis of the lanes: numbers (so a day's sightings can fan out) labelled with the lanes (in ``lang``)."""
    levels = _lane_levels(present)
    return {"domain": [0.28, 1.0], "tickmode": "array", "tickvals": list(levels.values()),
            "ticktext": [name(lane, lang) for lane in levels],
            "range": [-0.5, max(len(present), 1) - 0.5], "zeroline": False,
            "showgrid": True, "fixedrange": True}


def _days(dates: pd.Series | pd.Index) -> list[str]:
    return pd.DatetimeIndex(dates).strftime("%Y-%m-%d").tolist()


#: The time bar's parts named, not counted: the playback window's band is always its first shape
#: (hidden with no window), so playback patches it without knowing what else is drawn.
PLAYBACK_BAND = 0
BAND_COLOUR = "#0b5cad"


def playback_band(start=None, end=None) -> dict:
    """The time bar's shape for the playback window ``start`` to ``end`` (inclusive days); hidden
    with no window.

    >>> playback_band()["visible"], playback_band("2022-02-07", "2022-03-06")["x1"]
    (False, '2022-03-07')
    """
    if start is None:
        return {"type": "rect", "name": "playback window", "visible": False, "xref": "x", "yref": "paper",
                "x0": None, "x1": None, "y0": 0, "y1": 1}
    after = (pd.Timestamp(end) + pd.Timedelta(days=1)).strftime("%Y-%m-%d")
    return {"type": "rect", "name": "playback window", "visible": True, "xref": "x", "yref": "paper",
            "x0": pd.Timestamp(start).strftime("%Y-%m-%d"), "x1": after, "y0": 0, "y1": 1, "layer": "below",
            "fillcolor": BAND_COLOUR, "opacity": 0.16, "line": {"width": 1.5, "color": BAND_COLOUR}}


def time_range(rows: pd.DataFrame, span: tuple | None = None) -> list[str] | None:
    """The time bar's x range: the date filter's ends where it sets them, else the first and last
    sighting with a small margin; None when neither says anything (no rows, no dates).

    Context events outside it do not stretch it: it is set, not autoranged.

    >>> import datetime as dt
    >>> time_range(pd.DataFrame({"event_date": pd.to_datetime([])}), (dt.date(2022, 1, 1), dt.date(2022, 12, 31)))
    ['2022-01-01', '2023-01-01']
    """
    start, end = span or (None, None)
    dates = rows["event_date"]
    if dates.empty and not (start and end):
        return None
    if not dates.empty:
        margin = max(pd.Timedelta(days=7), (dates.max() - dates.min()) * 0.02)
    low = pd.Timestamp(start) if start else dates.min() - margin
    high = pd.Timestamp(end) + pd.Timedelta(days=1) if end else dates.max() + margin
    return [low.strftime("%Y-%m-%d"), high.strftime("%Y-%m-%d")]


def timeline_figure(rows: pd.DataFrame, selected: str | None, span: tuple | None = None, lang: str = DEFAULT) -> dict:
    """Sightings over time (a figure dict), one lane per strait plus open sea, with a monthly count strip.

    ``span`` is the date filter's (start, end): the x axis shows it (:func:`time_range`). With no
    sightings and no dates the axis is hidden (no empty year 2000 is drawn) and a note says so.
    Its words are in ``lang`` (:mod:`dashboard.i18n`).
    """
    _ = translator(lang)
    lanes = rows["facet:lane"].array if "facet:lane" in rows else pd.Categorical(rows["lane"])
    counted = pd.Series(lanes).value_counts()
    present = [lane for lane in LANES if counted.get(lane, 0) > 0]
    data = _monthly_lanes(rows, lanes, present) if is_aggregated(rows) else _lane_markers(rows, lanes, present, selected)
    per_month = rows["event_date"].dt.to_period("M").value_counts().sort_index()
    if len(per_month) and not is_aggregated(rows):     # every month from the first to the last, months with none too
        per_month = per_month.reindex(pd.period_range(per_month.index[0], per_month.index[-1]), fill_value=0)
    bar_x, bar_y = _days(per_month.index.to_timestamp()), per_month.tolist()
    # xperiod: each bar spans its calendar month (a lone month too), not a width guessed from gaps
    data.append({"type": "bar", "x": bar_x, "y": bar_y, "name": _("per month"),
                 "xperiod": "M1", "xperiodalignment": "middle",
                 "showlegend": False, "marker": {"color": "#6b6b6b"}, "xaxis": "x", "yaxis": "y2",
                 "hovertemplate": _("%{x|%b %Y}: %{y} sightings") + "<extra></extra>"})
    x_range = time_range(rows, span)
    xaxis = {"anchor": "y2", "type": "date"}
    xaxis.update({"range": x_range, "autorange": False} if x_range else {"visible": False})
    layout = {
        "xaxis": xaxis,
        "yaxis": _lane_axis(present, lang),
        "yaxis2": {"domain": [0.0, 0.22], "anchor": "x", "title": {"text": _("per month")}, "rangemode": "tozero"},
        "margin": {"l": 80, "r": 10, "t": 10, "b": 30}, "height": 200, "dragmode": "select",
        "selectdirection": "h", "plot_bgcolor": "#fafafa", "clickmode": "event+select",
        "uirevision": f"timeline:{x_range}", "shapes": [playback_band()],
        **({"font": figure_font(lang)} if figure_font(lang) else {}),
    }
    if rows.empty:
        layout["annotations"] = [{"text": _("No sightings match these filters"), "showarrow": False,
                                  "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.6}]
        if not x_range:
            layout["yaxis"]["visible"] = layout["yaxis2"]["visible"] = False
    return {"data": data, "layout": layout}
