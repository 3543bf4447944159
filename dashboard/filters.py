"""One filter for every view: the spec, ``apply_filters``, facet counts and the summary sentence.

Map, timeline, table, CSV and GeoJSON all call :func:`apply_filters` with the same
:class:`FilterSpec`, so what a person sees is exactly what they download. Specs come from
the browser (controls or the URL), so :meth:`FilterSpec.clean` drops anything that is not
a known option instead of trusting it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

NO_STRAIT = "none"
OPEN_SEA = "Open sea"
STRAIT_OPTIONS = ("Soya", "Tsugaru", "Tsushima", "Osumi", "Miyako", "Yonaguni", NO_STRAIT)
NOT_STATED = "not stated"
CHINESE_OPTIONS = ("any", "yes", "no")
MAX_SEARCH = 80

#: Ship categories searched for in the reported type names (first pattern that matches wins
#: per name; a report can list several names and so several categories).
SHIP_CATEGORIES = {
    "Cruiser": r"cruiser",
    "Destroyer": r"destroyer",
    "Frigate": r"frigate",
    "Corvette": r"corvette",
    "Landing ship": r"landing",
    "Submarine": r"submarine",
    "Intelligence ship": r"intelligence|reconnaissance|\bagi\b|surveillance",
    "Minesweeper": r"mine",
    "Patrol ship": r"patrol",
    "Tug / rescue": r"\btug|rescue|salvage",
    "Oiler / supply": r"oiler|tanker|supply|replenish|transport|cargo",
    "Icebreaker": r"icebreaker",
    "Survey / research": r"survey|research|hydrographic|oceanographic",
    "Tracking ship": r"instrumentation|tracking",
    "Hospital ship": r"hospital",
}
OTHER_TYPE = "Other / unspecified"
SHIP_CATEGORY_NAMES = (*SHIP_CATEGORIES, OTHER_TYPE)
ACTIVITY_KINDS = ("transit", "detection", "joint patrol with China", "exercise",
                  "joint exercise with China", "intelligence gathering", "contiguous-zone navigation", "other")


@dataclass(frozen=True)
class FilterSpec:
    """What a person has asked to see. Empty tuples mean "all"."""

    start: dt.date | None = None
    end: dt.date | None = None
    straits: tuple[str, ...] = ()
    seas: tuple[str, ...] = ()
    ship_types: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    chinese: str = "any"
    search: str = ""

    @classmethod
    def clean(cls, options: dict[str, tuple[str, ...]], **values) -> "FilterSpec":
        """Build a spec from untrusted values, keeping only known options and real dates."""
        start, end = parse_date(values.get("start")), parse_date(values.get("end"))
        if start and end and start > end:
            start, end = end, start
        chinese = values.get("chinese")
        search = values.get("search")
        return cls(
            start=start, end=end,
            straits=_known(values.get("straits"), STRAIT_OPTIONS),
            seas=_known(values.get("seas"), options.get("seas", ())),
            ship_types=_known(values.get("ship_types"), options.get("ship_types", ())),
            activities=_known(values.get("activities"), ACTIVITY_KINDS),
            chinese=chinese if chinese in CHINESE_OPTIONS else "any",
            search=" ".join(search.split())[:MAX_SEARCH] if isinstance(search, str) else "",
        )

    def replace(self, **changes) -> "FilterSpec":
        return dataclasses.replace(self, **changes)


def parse_date(value) -> dt.date | None:
    """A real calendar date from 'YYYY-MM-DD' (or a longer ISO timestamp), else None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _known(values, allowed) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, (list, tuple)):
        return ()
    allowed = set(allowed)
    return tuple(dict.fromkeys(v for v in values[:len(allowed)] if isinstance(v, str) and v in allowed))


def add_facets(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns the filters and views read, computed once at load so filtering is vectorised.

    Adds the timeline ``lane``, ``sea_facet``, a lower-case ``search_text``, one boolean
    column per ship category (``type:<category>``) and activity kind (``activity:<kind>``),
    and categorical copies of the strait, sea, lane and position kind (``facet:straits``,
    ``facet:seas``, ``facet:lane``, ``facet:kind``: tests and counts on small integer codes). Rows come out in date order, so a date range
    is a slice found by binary search and filtering never has to sort.
    """
    out = frame.sort_values(["event_date", "id"], kind="stable").reset_index(drop=True)
    out["lane"] = out["strait"].where(out["strait"] != "", OPEN_SEA)
    out["sea_facet"] = out["sea_area"].where(out["sea_area"] != "", NOT_STATED)
    out["facet:straits"] = pd.Categorical(out["strait"].where(out["strait"] != "", NO_STRAIT))
    out["facet:seas"] = pd.Categorical(out["sea_facet"])
    out["facet:lane"] = pd.Categorical(out["lane"])
    out["facet:kind"] = pd.Categorical(out["position_kind"])
    types = out["ship_types"].map("; ".join)
    out["search_text"] = (types + " " + out["hull_numbers"].map(" ".join)).str.lower()
    indicators = {f"type:{c}": v for c, v in _per_unique(types, ship_categories_of, SHIP_CATEGORY_NAMES).items()}
    indicators |= {f"activity:{k}": v for k, v in _per_unique(out["activity"], activity_kinds, ACTIVITY_KINDS).items()}
    return pd.concat([out, pd.DataFrame(indicators, index=out.index)], axis=1)


def _per_unique(values: pd.Series, classify, names) -> dict[str, np.ndarray]:
    """Boolean column per name, classifying each distinct value once (fast at a million rows)."""
    codes, uniques = pd.factorize(values)
    table = pd.DataFrame([[name in classify(v) for name in names] for v in uniques], columns=list(names),
                         dtype=bool).reindex(range(len(uniques)), fill_value=False)
    return {name: table[name].to_numpy()[codes] for name in names}


def ship_categories_of(joined_types: str) -> list[str]:
    """Categories of a row's '; '-joined ship type names (Other when none matches)."""
    return ship_categories([t for t in joined_types.split("; ") if t])


def ship_categories(types: list[str]) -> list[str]:
    found = []
    for name in types:
        category = next((c for c, p in SHIP_CATEGORIES.items() if re.search(p, name, re.I)), OTHER_TYPE)
        if category not in found:
            found.append(category)
    return found or [OTHER_TYPE]


def activity_kinds(activity: str) -> list[str]:
    """The dataset's activity words in the main clause: 'transit (exercise)' is a transit."""
    clauses = [part.strip() for part in activity.split("(")[0].lower().split("/")]
    return [kind for kind in ACTIVITY_KINDS if kind.lower() in clauses] or ["other"]


def options(frame: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """The choices each control offers, from the loaded data."""
    seas = sorted(set(frame["sea_facet"]) - {NOT_STATED}) + [NOT_STATED]
    types = [c for c in SHIP_CATEGORY_NAMES if frame[f"type:{c}"].any()]
    return {"straits": STRAIT_OPTIONS, "seas": tuple(seas), "ship_types": tuple(types),
            "activities": ACTIVITY_KINDS, "chinese": CHINESE_OPTIONS}


def apply_filters(frame: pd.DataFrame, spec: FilterSpec, *, skip: str | None = None) -> pd.DataFrame:
    """The rows of ``frame`` (from :func:`add_facets`, so in date order) that ``spec`` selects.

    ``skip`` names one facet to leave out (for facet counts). The date range is cut first
    (a binary search when the rows are in date order), so the other tests only read the
    rows inside it.
    """
    window = date_window(frame, spec)
    return window[_window_selection(window, spec, skip)]


def date_window(frame: pd.DataFrame, spec: FilterSpec) -> pd.DataFrame:
    """The rows inside the spec's date range: a slice when ``frame`` is in date order."""
    if not (spec.start or spec.end):
        return frame
    dates = frame["event_date"]
    if dates.is_monotonic_increasing:
        values = dates.to_numpy()
        first = np.searchsorted(values, np.datetime64(spec.start), "left") if spec.start else 0
        last = np.searchsorted(values, np.datetime64(spec.end), "right") if spec.end else len(values)
        return frame.iloc[first:last]
    keep = pd.Series(True, index=frame.index)
    if spec.start:
        keep &= dates >= pd.Timestamp(spec.start)
    if spec.end:
        keep &= dates <= pd.Timestamp(spec.end)
    return frame[keep]


def selection(frame: pd.DataFrame, spec: FilterSpec, *, skip: str | None = None) -> pd.Series:
    """Boolean mask over ``frame`` of the rows ``spec`` selects."""
    keep = pd.Series(False, index=frame.index)
    window = date_window(frame, spec)
    keep[window.index[_window_selection(window, spec, skip).to_numpy()]] = True
    return keep


def _window_selection(frame: pd.DataFrame, spec: FilterSpec, skip: str | None) -> pd.Series:
    """Boolean mask of the rows ``spec`` selects, dates aside: vectorised column tests only."""
    keep = pd.Series(True, index=frame.index)
    if spec.straits and skip != "straits":
        keep &= frame["facet:straits"].isin(spec.straits)
    if spec.seas and skip != "seas":
        keep &= frame["facet:seas"].isin(spec.seas)
    if spec.ship_types and skip != "ship_types":
        keep &= frame[[f"type:{t}" for t in spec.ship_types]].any(axis=1)
    if spec.activities and skip != "activities":
        keep &= frame[[f"activity:{a}" for a in spec.activities]].any(axis=1)
    if spec.chinese != "any" and skip != "chinese":
        keep &= frame["with_chinese_ships"] == (spec.chinese == "yes")
    if spec.search:
        keep &= frame["search_text"].str.contains(spec.search.lower(), regex=False)
    return keep


def facet_counts(frame: pd.DataFrame, spec: FilterSpec, facet: str) -> dict[str, int]:
    """How many sightings each option of ``facet`` would match, other filters applied."""
    rows = apply_filters(frame, spec, skip=facet)
    if facet in ("straits", "seas"):
        counts = rows[f"facet:{facet}"].value_counts()
        return counts[counts > 0].to_dict()
    if facet == "ship_types":
        return {t: int(rows[f"type:{t}"].sum()) for t in SHIP_CATEGORY_NAMES}
    if facet == "activities":
        return {a: int(rows[f"activity:{a}"].sum()) for a in ACTIVITY_KINDS}
    if facet == "chinese":
        yes = int(rows["with_chinese_ships"].sum())
        return {"any": len(rows), "yes": yes, "no": len(rows) - yes}
    raise ValueError(f"unknown facet {facet!r}; expected one of straits, seas, ship_types, activities, chinese")


def summary(rows: pd.DataFrame, spec: FilterSpec) -> str:
    """The sentence above the views: '14 sightings, 38 ships, 1 Jan - 31 Dec 2022, Tsugaru or Soya Strait'."""
    if rows.empty:
        return "No sightings match these filters."
    count = f"{len(rows)} sighting{'s' if len(rows) != 1 else ''}"
    ships = int(rows["ships"].sum(skipna=True))
    parts = [count, f"{ships} ship{'s' if ships != 1 else ''} reported"]
    first = spec.start or rows["event_date"].min().date()
    last = spec.end or rows["event_date"].max().date()
    parts.append(date_span(first, last))
    if spec.straits:
        names = [s for s in spec.straits if s != NO_STRAIT]
        text = " or ".join(names) + (" Strait" if len(names) == 1 else " straits") if names else ""
        if NO_STRAIT in spec.straits:
            text = f"{text} or no strait" if text else "no strait"
        parts.append(text)
    parts.extend(" or ".join(chosen) for chosen in (spec.seas, spec.ship_types, spec.activities) if chosen)
    if spec.chinese != "any":
        parts.append("with Chinese ships" if spec.chinese == "yes" else "without Chinese ships")
    if spec.search:
        parts.append(f"types matching “{spec.search}”")
    return ", ".join(parts)


def date_span(first: dt.date, last: dt.date) -> str:
    """'1 Jan - 31 Dec 2022', '15 Feb - 17 Mar 2022', '3 Nov 2021 - 2 Jan 2022', '5 May 2011'."""
    def day(d: dt.date, year: bool) -> str:
        return f"{d.day} {d:%b}" + (f" {d.year}" if year else "")
    if first == last:
        return day(first, True)
    return f"{day(first, first.year != last.year)} - {day(last, True)}"
