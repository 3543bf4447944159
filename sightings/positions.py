"""Give every sighting a position and say how it was obtained.

Reports rarely carry coordinates. The rules, in order, for a row without lat/lon:

1. a "DISTANCE DIRECTION of PLACE" fragment -> that point, ``derived``;
2. a named strait -> the strait's label point, ``area`` (the map highlights the strait);
3. "between A and B" -> the geodesic midpoint, ``derived``;
4. a named sea -> no point, ``area`` (the map highlights the sea);
5. otherwise ``unlocated``: listed in the table, not drawn.

The phrase itself always stays in ``location_text``; a derived point keeps its ``anchor``,
``bearing_deg`` and ``distance_km`` beside it, so views describe the point that was stored
even after the gazetteer changes.
"""

from __future__ import annotations

import pandas as pd

from geo.locate import DistanceError, LocateError, UnknownPlaceError, locate
from geo.places import STRAIT_LABEL_POINTS, place_point
from sightings.schema import SightingsError


#: The columns a position fills, in this order.
POSITION = ("lat", "lon", "position_kind", "anchor", "bearing_deg", "distance_km")


def position_for(text: str, strait: str, sea_area: str) -> tuple:
    """The :data:`POSITION` values for one report, by the rules in the module docstring.

    Raises
    ------
    UnknownPlaceError, DistanceError
        When the phrase measures from a place the gazetteer does not know, or gives an
        impossible distance: guessing another position would hide a typo.

    Examples
    --------
    >>> position_for("about 50 km north of Cape Soya", "", "")
    (45.97276, 141.9366, 'derived', 'Cape Soya', 0.0, 50.0)
    >>> position_for("heading east", "", "Sea of Japan")
    (None, None, 'area', '', None, None)
    """
    try:
        found = locate(text)
    except (UnknownPlaceError, DistanceError):
        raise
    except LocateError:
        found = None
    derived = found and (found.lat, found.lon, "derived", found.anchor, found.bearing_deg, found.distance_km)
    if found is not None and found.distance_km is not None:
        return derived
    if strait in STRAIT_LABEL_POINTS:
        lat, lon = place_point(STRAIT_LABEL_POINTS[strait])
        return lat, lon, "area", "", None, None
    if found is not None:
        return derived
    return None, None, "area" if sea_area else "unlocated", "", None, None


def fill_positions(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill lat/lon/position_kind where missing; rows with coordinates become ``reported``.

    Returns a new frame; raises SightingsError listing every phrase that names an
    unknown place. A row that already has its point keeps it and what it was derived from.

    Examples
    --------
    >>> rows = pd.DataFrame({"location_text": ["about 50 km north of Cape Soya"], "strait": "", "sea_area": "",
    ...                      "position_kind": "", "anchor": ""}).assign(lat=None, lon=None, bearing_deg=None,
    ...                                                                 distance_km=None).astype({"lat": float})
    >>> print(*fill_positions(rows).loc[0, ["position_kind", "anchor", "bearing_deg", "distance_km"]])
    derived Cape Soya 0.0 50.0
    """
    out = frame.copy()
    problems = []
    has_point = out["lat"].notna() & out["lon"].notna()
    out.loc[has_point & (out["position_kind"] == ""), "position_kind"] = "reported"
    todo = ~has_point & ~out["position_kind"].isin(("area", "unlocated"))
    for index in out.index[todo]:
        try:
            values = position_for(out.at[index, "location_text"], out.at[index, "strait"], out.at[index, "sea_area"])
        except (UnknownPlaceError, DistanceError) as exc:
            problems.append(f"row {index + 1}, location_text: {exc}")
            continue
        for column, value in zip(POSITION, values, strict=True):
            out.at[index, column] = value
    if problems:
        raise SightingsError(problems)
    return out
