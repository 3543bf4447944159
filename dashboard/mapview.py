"""Where the map looks and what it names: place labels, the view to fit, and the map in words.

Map text drawn by MapLibre needs glyphs from a font server (TECH_NOTES), so the labels
travel as data in the figure (``layout.meta.labels``) and ``assets/maplabels.js`` draws
them as HTML over the map, placed by the map's own projection: no request, no console
error, and Japanese names in the browser's own fonts. The same script reports the map's
size, from which :func:`view_updates` frames each filter change's results in the figure
itself (the script fits ``layout.meta.fit`` only while the size is not yet known, and on
"Zoom to results"). The functions here
are plain: they take rows and layers and return values the tests can state.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.figures import Update, area_ids, point_mask
from dashboard.i18n import N_, figure_font, name, translator
from geo.layers import LAYERS_DIR
from sightings.pipeline import OPEN_SEA

#: Hand-placed labels of seas and regions (data/SOURCES.md, "map_labels.csv").
MAP_LABELS = LAYERS_DIR.parent / "map_labels.csv"
PLACES = LAYERS_DIR / "places.geojson"
#: The whole region (west, south, east, north): Sakhalin and the Sea of Okhotsk to the
#: Ryukyus, the Kuril chain to Kamchatka's tip.
REGION_BOUNDS = (122.0, 24.0, 158.0, 54.5)
#: Smallest box fitted around results (degrees): one sighting is not shown at street level.
MIN_SPAN = 3.0
#: Draw order (and who wins where labels collide): seas first, then regions, straits, places.
RANKS = {"sea": 0, "region": 1, "strait_point": 2, "anchor": 3, "cape": 4, "island": 4}
#: Zoom from which each kind shows; places reports measure from show at the region view.
MIN_ZOOM = {"strait_point": 3.0, "anchor": 3.0, "cape": 5.5, "island": 5.5}
#: Padding (px) and zoom cap of a fitted view, the same as assets/maplabels.js's "Zoom to results".
FIT_PADDING = 28.0
FIT_MAX_ZOOM = 7.5
#: Map sizes (px) believed when the browser reports one; anything else frames in the browser.
MIN_MAP_PX, MAX_MAP_PX = 50, 20_000
ATTRIBUTION = N_("Sightings: Japan Joint Staff Office releases and press reports (processed by Straitwatch) · "
                 "Map: Natural Earth (public domain), IHO S-23 limits")


def anchors_used(frame: pd.DataFrame) -> set[str]:
    """Gazetteer names the derived positions measure from ("Cape Soya", both ends of a 'between'), as stored."""
    return {name for anchor in frame["anchor"] if anchor for name in anchor.split(" / ")}


def place_labels(anchors: set[str], places_path: Path = PLACES, labels_path: Path = MAP_LABELS) -> list[dict]:
    """Every label the map may show, in draw order: ``en``, ``ja``, ``lon``, ``lat``, ``kind``, ``minzoom``.

    Seas and regions come from data/map_labels.csv; straits, capes and islands from the
    gazetteer's places layer (ports and cities are left to the hover text).
    """
    with labels_path.open(encoding="utf-8", newline="") as handle:
        labels = [{"en": row["name_en"], "ja": row["name_ja"], "lon": float(row["lon"]), "lat": float(row["lat"]),
                   "kind": row["kind"], "minzoom": float(row["minzoom"])} for row in csv.DictReader(handle)]
    for feature in json.loads(places_path.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        kind = "anchor" if props["name_en"] in anchors else props["kind"]
        if kind not in MIN_ZOOM:
            continue
        lon, lat = feature["geometry"]["coordinates"]
        name = props["name_en"].replace(" (label point)", "").replace(" (centre)", "")
        labels.append({"en": name, "ja": props["name_ja"] or name, "lon": lon, "lat": lat, "kind": kind,
                       "minzoom": MIN_ZOOM[kind]})
    return sorted(labels, key=lambda label: RANKS[label["kind"]])


def strait_bounds(straits: dict) -> dict[str, tuple[float, float, float, float]]:
    """(west, south, east, north) of each strait's polygons in the straits layer."""
    boxes: dict[str, list[np.ndarray]] = {}
    for feature in straits["features"]:
        coordinates = np.array(_flatten(feature["geometry"]["coordinates"]))
        boxes.setdefault(feature["properties"]["strait"], []).append(coordinates)
    return {name: _box(np.vstack(parts)) for name, parts in boxes.items()}


def view_bounds(rows: pd.DataFrame, straits: tuple[str, ...], boxes: dict[str, tuple]) -> tuple:
    """The box the map fits after a filter change: the drawn points, the chosen straits and the
    highlighted straits; the whole region when nothing narrows it (or nothing is drawn)."""
    drawn = point_mask(rows)
    parts = [np.column_stack([rows["lon"].to_numpy(float)[drawn], rows["lat"].to_numpy(float)[drawn]])]
    highlighted = {key.split(":", 1)[1] for key in area_ids(rows) if key.startswith("strait:")}
    for strait in sorted(set(straits) | highlighted):
        if strait in boxes:
            west, south, east, north = boxes[strait]
            parts.append(np.array([[west, south], [east, north]]))
    stacked = np.vstack(parts)
    if not len(stacked):
        return REGION_BOUNDS
    west, south, east, north = _box(stacked)
    grow_x, grow_y = max(0.0, MIN_SPAN - (east - west)) / 2, max(0.0, MIN_SPAN - (north - south)) / 2
    # rounded outwards, so no point falls just outside the box
    low = np.floor(np.array([west - grow_x, south - grow_y]) * 1000) / 1000
    high = np.ceil(np.array([east + grow_x, north + grow_y]) * 1000) / 1000
    return (float(low[0]), float(low[1]), float(high[0]), float(high[1]))


def view_updates(rows: pd.DataFrame, straits: tuple[str, ...], boxes: dict, key: str, title: str,
                 size: dict | None = None) -> list[Update]:
    """Figure changes for a new filter: the box to fit (``key`` says it is new) and the title
    an exported image carries (the filter sentence).

    With the map's ``size`` known (``{"width": px, "height": px}``, sent by the browser) the
    view itself travels in the same patch: centre, zoom and the map's ``uirevision`` set to
    ``key``, so Plotly moves to the new view in the one redraw of the filter change and keeps
    a person's own pan and zoom until the filters change again. (Fitting in the browser after
    the redraw made ``dcc.Graph`` copy the moved view into its figure and redraw a second time.)
    """
    bounds = REGION_BOUNDS if not key else view_bounds(rows, straits, boxes)
    framed = camera(bounds, size)
    fit = {"key": key or "region", "bounds": list(bounds), "camera": framed is not None}
    updates = [(("layout", "meta", "fit"), fit), (("layout", "title", "text"), _title(title))]
    if framed is not None:
        center, zoom = framed
        updates += [(("layout", "map", "center"), center), (("layout", "map", "zoom"), zoom),
                    (("layout", "map", "uirevision"), fit["key"])]
    return updates


def camera(bounds: tuple, size: dict | None) -> tuple[dict, float] | None:
    """Centre and zoom that show ``bounds`` (west, south, east, north) in a map of ``size``,
    as MapLibre's ``fitBounds`` would (Web Mercator, 512-px world at zoom 0, the same padding
    and zoom cap as assets/maplabels.js); None when the size is unknown or unusable."""
    try:
        width, height = float(size["width"]), float(size["height"])
    except (TypeError, KeyError, ValueError):
        return None
    if not (MIN_MAP_PX <= width <= MAX_MAP_PX and MIN_MAP_PX <= height <= MAX_MAP_PX):
        return None
    west, south, east, north = bounds
    pad = max(0.0, min(FIT_PADDING, width / 6, height / 6))
    x0, x1 = _mercator_x(west), _mercator_x(east)
    y0, y1 = _mercator_y(north), _mercator_y(south)
    span_x, span_y = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    zoom = float(np.log2(min((width - 2 * pad) / (span_x * 512), (height - 2 * pad) / (span_y * 512))))
    centre_lat = float(np.degrees(np.arctan(np.sinh(np.pi * (1 - (y0 + y1))))))
    return {"lon": round((west + east) / 2, 5), "lat": round(centre_lat, 5)}, round(min(zoom, FIT_MAX_ZOOM), 3)


def _mercator_x(lon: float) -> float:
    return (lon + 180.0) / 360.0


def _mercator_y(lat: float) -> float:
    """0 at the north edge of the Web Mercator world, 1 at the south."""
    phi = np.radians(lat)
    return float((1 - np.log(np.tan(phi) + 1 / np.cos(phi)) / np.pi) / 2)


def view_layout(labels: list[dict], title: str, lang: str = "en") -> dict:
    """The map figure's layout parts owned here: labels, first fit, title and attribution (in ``lang``)."""
    return {
        **({"font": figure_font(lang)} if figure_font(lang) else {}),
        "meta": {"labels": labels, "lang": lang, "fit": {"key": "region", "bounds": list(REGION_BOUNDS)}},
        "title": {"text": _title(title), "x": 0.005, "xanchor": "left", "y": 0.985, "yanchor": "top",
                  "font": {"size": 13}},
        "annotations": [{"text": translator(lang)(ATTRIBUTION), "xref": "paper", "yref": "paper", "x": 1, "y": 0, "xanchor": "right",
                         "yanchor": "top", "yshift": -3, "showarrow": False, "font": {"size": 10, "color": "#4a5560"}}],
    }


def map_summary(rows: pd.DataFrame, lang: str = "en") -> str:
    """The map in one paragraph, for people who cannot see it (and a check for those who can), in ``lang``."""
    _ = translator(lang)
    if rows.empty:
        return _("The map shows no sightings: none match these filters.")
    drawn = rows["lane"][point_mask(rows)]            # the lane of each marker's sighting
    by_lane = drawn.value_counts()
    lanes = _(", ").join((_("{count} in open sea") if lane == OPEN_SEA else _("{count} in the {strait} Strait"))
                         .format(count=count, strait=name(lane, lang)) for lane, count in by_lane.items())
    areas = area_ids(rows)
    highlighted = _(", ").join(
        (_("{strait} Strait ({count})") if key.startswith("strait:") else _("{sea} ({count})")).format(
            strait=name(key.split(":", 1)[1], lang), sea=name(key.split(":", 1)[1], lang), count=count)
        for key, count in sorted(areas.items(), key=lambda item: -item[1]))
    text = (_("The map shows {count} sightings as points: {lanes}.") if lanes
            else _("The map shows {count} sightings as points.")).format(count=len(drawn), lanes=lanes)
    if highlighted:
        text += _(" Areas highlighted for reports that name only an area: {areas}.").format(areas=highlighted)
    unlocated = int((rows["position_kind"] == "unlocated").sum())
    if unlocated:
        text += _(" {count} without a position are listed in the table only.").format(count=unlocated)
    return text



def _title(sentence: str) -> str:
    return f"<b>Straitwatch</b> · {sentence}"


def _flatten(coordinates) -> list:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [coordinates[:2]]
    return [point for part in coordinates for point in _flatten(part)]


def _box(points: np.ndarray) -> tuple[float, float, float, float]:
    return (float(points[:, 0].min()), float(points[:, 1].min()), float(points[:, 0].max()), float(points[:, 1].max()))
