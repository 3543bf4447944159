"""Give every sighting a position and say how it was obtained.

Reports rarely carry coordinates. The rules, in order, for a row without lat/lon:

1. a "DISTANCE DIRECTION of PLACE" fragment -> that point, ``derived``;
2. a named strait -> the strait's label point, ``area`` (the map highlights the strait);
3. "between A and B" -> the geodesic midpoint, ``derived``;
4. a named sea -> no point, ``area`` (the map highlights the sea);
5. otherwise ``unlocated``: listed in the table, not drawn.

The phrase itself always stays in ``location_text``.
"""

from __future__ import annotations

import pandas as pd

from geo.locate import DistanceError, LocateError, UnknownPlaceError, locate
from geo.places import STRAIT_LABEL_POINTS, place_point
from sightings.schema import SightingsError


def position_for(text: str, strait: str, sea_area: str) -> tuple[float | None, float | None, str]:
    """(lat, lon, position_kind) for one report, by the rules in the module docstring.

    Raises
    ------
    UnknownPlaceError, DistanceError
        When the phrase measures from a place the gazetteer does not know, or gives an
        impossible distance: guessing another position would hide a typo.
    """
    try:
        found = locate(text)
    except (UnknownPlaceError, DistanceError):
        raise
    except LocateError:
        found = None
    if found is not None and found.distance_km is not None:
        return found.lat, found.lon, "derived"
    if strait in STRAIT_LABEL_POINTS:
        lat, lon = place_point(STRAIT_LABEL_POINTS[strait])
        return lat, lon, "area"
    if found is not None:
        return found.lat, found.lon, "derived"
    if sea_area:
        return None, None, "area"
    return None, None, "unlocated"


def fill_positions(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill lat/lon/position_kind where missing; rows with coordinates become ``reported``.

    Returns a new frame; raises SightingsError listing every phrase that names an
    unknown place.
    """
    out = frame.copy()
    problems = []
    has_point = out["lat"].notna() & out["lon"].notna()
    out.loc[has_point & (out["position_kind"] == ""), "position_kind"] = "reported"
    todo = ~has_point & ~out["position_kind"].isin(("area", "unlocated"))
    for index in out.index[todo]:
        try:
            lat, lon, kind = position_for(out.at[index, "location_text"], out.at[index, "strait"],
                                          out.at[index, "sea_area"])
        except (UnknownPlaceError, DistanceError) as exc:
            problems.append(f"row {index + 1}, location_text: {exc}")
            continue
        out.at[index, "lat"], out.at[index, "lon"], out.at[index, "position_kind"] = lat, lon, kind
    if problems:
        raise SightingsError(problems)
    return out
