"""The one way a sightings frame is made: load -> validate -> locate -> join -> facet columns.

The app, the import preview and the benchmarks all call :func:`build` (a CSV file) or
:func:`prepare` (rows already loaded), so every consumer sees the same frame. Nothing is
kept between runs: a cold build of the shipped data takes about half a second and of
10,000 synthetic rows about 1.5 s (``bench/build.py``), so a snapshot or a join cache would
save little and could serve a stale frame when its key forgot an input (issue 20).

The facet columns are what the filters read, computed once so filtering is vectorised:
categorical copies of the strait, lane and position kind (tests and counts on small
integer codes), one boolean column per ship category and activity kind, the folded texts the
search box reads (``search:<field>``, :mod:`sightings.textsearch`), each row's hull numbers,
seas and ship classes as one delimited categorical each
(";548;011;"), ``primary_source``, and the classes a row gives its hulls
(``class:types``, ``class:vessels``: what the vessels table counts, :mod:`sightings.hulls`).
"""

from __future__ import annotations

import json
import os
import re

import numpy as np
import pandas as pd

from sightings.classes import class_of
from sightings.hulls import HULL_DELIMITER, types_class, vessel_classes
from sightings.schema import is_release_url
from sightings.store import DATASET, load, read_dataset
from sightings.textsearch import PREFIX as SEARCH_PREFIX, search_fields

#: The strait value of rows in no strait, as the strait filter offers it.
NO_STRAIT = "none"
#: The timeline lane of rows in no strait.
OPEN_SEA = "Open sea"
#: The sea value of rows whose report names no sea and that have no point.
NOT_STATED = "not stated"
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


def build(path: str | os.PathLike = DATASET) -> pd.DataFrame:
    """The app's frame for the sightings CSV at ``path``: validated, located, joined, faceted.

    Built afresh on every call from the files as they are now (the data file, the class
    dictionary, the gazetteer, the layers), so an edit shows at the app's next start.

    Examples
    --------
    >>> frame = build()                                     # doctest: +SKIP
    >>> frame["event_date"].is_monotonic_increasing         # doctest: +SKIP
    True
    """
    return prepare(load(read_dataset(path)))


def prepare(sightings: pd.DataFrame) -> pd.DataFrame:
    """Join validated, located ``sightings`` with the layers and add the facet columns.

    Rows come out in date order, so a date range is a slice.
    """
    from geo.join import enrich

    return add_facets(enrich(sightings))


def type_column(category: str) -> str:
    """The boolean column saying a row lists a ship of ``category``."""
    return f"type:{category}"


def activity_column(kind: str) -> str:
    """The boolean column saying a row's activity is ``kind``."""
    return f"activity:{kind}"


def add_facets(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` in date order with the facet columns (module docstring) added."""
    out = frame.sort_values(["event_date", "id"], kind="stable").reset_index(drop=True)
    out["lane"] = out["strait"].where(out["strait"] != "", OPEN_SEA)
    out["facet:straits"] = pd.Categorical(out["strait"].where(out["strait"] != "", NO_STRAIT))
    out["facet:seas"] = pd.Categorical(_delimited(_each_distinct(
        seas_of, out["sea_area"], _lists(out, "named_seas").map(tuple))))
    row_classes = _each_distinct(
        classes_of, *(_lists(out, column).map(tuple) for column in ("ship_types", "vessels", "chinese_vessels")))
    out["facet:classes"] = pd.Categorical(_delimited(row_classes))
    out["facet:lane"] = pd.Categorical(out["lane"])
    out["facet:kind"] = pd.Categorical(out["position_kind"])
    out["facet:hulls"] = pd.Categorical(_delimited(out["hull_numbers"]))
    out["primary_source"] = primary_source(out["source_urls"])
    out["class:types"] = pd.Categorical(_map_unique(out["ship_types"], types_class))
    out["class:vessels"] = pd.Categorical(_map_unique(out["vessels"], lambda vessels: json.dumps(
        vessel_classes(vessels), ensure_ascii=False)))
    types = out["ship_types"].map("; ".join)
    searched = search_fields(out, row_classes.tolist()).add_prefix(SEARCH_PREFIX)
    indicators = {type_column(c): v for c, v in _per_unique(types, ship_categories_of, SHIP_CATEGORY_NAMES).items()}
    indicators |= {activity_column(k): v
                   for k, v in _per_unique(out["activity"], activity_kinds, ACTIVITY_KINDS).items()}
    return pd.concat([out, searched, pd.DataFrame(indicators, index=out.index)], axis=1)


def seas_of(sea_area: str, named: list[str]) -> list[str]:
    """Every sea a row is in or names: where its point lies (or the reported sea), then each
    sea its phrase names ("Sea of Japan and the southern Sea of Okhotsk": both), each once;
    ``[NOT_STATED]`` when there is none.

    Examples
    --------
    >>> seas_of("Sea of Japan", ["Sea of Japan", "Sea of Okhotsk"])
    ['Sea of Japan', 'Sea of Okhotsk']
    >>> seas_of("", [])
    ['not stated']
    """
    return list(dict.fromkeys(sea for sea in (sea_area, *named) if sea)) or [NOT_STATED]


def classes_of(ship_types: list[str], vessels: list[str], chinese_vessels: list[str] = ()) -> list[str]:
    """The dictionary classes (``class_en`` of data/ship_classes.csv) a row's ship types or
    vessel entries name, in any spelling the dictionary lists; never guessed.

    Examples
    --------
    >>> classes_of(["Udaloy I-class missile destroyer"], [])
    ['Udaloy I-class destroyer']
    >>> classes_of(["destroyers"], ["Slava-class cruiser (011)"])
    ['Slava-class missile cruiser']
    """
    named = [class_of(name) for name in ship_types]
    named += [*vessel_classes(list(vessels)).values(), *vessel_classes(list(chinese_vessels)).values()]
    return [name for name in dict.fromkeys(named) if name]


def _each_distinct(function, *columns: pd.Series) -> pd.Series:
    """``function`` of each row's values of ``columns`` (hashable), called once per distinct
    combination: rows repeat a few hundred combinations of types and seas."""
    answers: dict = {}
    keys = zip(*columns, strict=True)
    return pd.Series([answers[key] if key in answers else answers.setdefault(key, function(*key)) for key in keys],
                     index=columns[0].index, dtype=object)


def _lists(frame: pd.DataFrame, column: str) -> pd.Series:
    """A list column of ``frame``, or empty lists where a hand-made frame leaves it out."""
    return frame[column] if column in frame else pd.Series([[] for _ in range(len(frame))], index=frame.index)


def _delimited(lists: pd.Series) -> pd.Series:
    """Each row's list as one text, every item between delimiters (";548;011;"), so a facet
    tests and counts items on the distinct lists (:mod:`dashboard.facets`)."""
    return HULL_DELIMITER + lists.map(HULL_DELIMITER.join) + HULL_DELIMITER


def primary_source(source_urls: pd.Series) -> np.ndarray:
    """For each row, whether its sources include a Joint Staff release (the primary source)."""
    joined = source_urls.map(" ".join)            # a URL holds no space (schema)
    return _each_unique(joined, lambda urls: bool(release_urls(urls.split())))


def release_urls(urls: list[str]) -> list[str]:
    """The Joint Staff release links among a row's ``source_urls``."""
    return [url for url in urls if is_release_url(url)]


def ship_categories_of(joined_types: str) -> list[str]:
    """Categories of a row's '; '-joined ship type names (Other when none matches)."""
    return ship_categories([t for t in joined_types.split("; ") if t])


def ship_categories(types: list[str]) -> list[str]:
    """The categories of these type names, each once, in first-seen order."""
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


def _each_unique(values: pd.Series, predicate) -> np.ndarray:
    """``predicate`` of each value, evaluated once per distinct value."""
    codes, uniques = pd.factorize(values)
    return np.array([predicate(value) for value in uniques] + [False], dtype=bool)[codes]


def _map_unique(lists: pd.Series, function) -> list:
    """``function`` of each row's list, called once per distinct list (a million rows hold a few thousand)."""
    codes, uniques = pd.factorize(lists.map(tuple))
    answers = [function(list(value)) for value in uniques]
    return [answers[code] for code in codes]


def _per_unique(values: pd.Series, classify, names) -> dict[str, np.ndarray]:
    """Boolean column per name, classifying each distinct value once (fast at a million rows)."""
    codes, uniques = pd.factorize(values)
    table = pd.DataFrame([[name in classify(v) for name in names] for v in uniques], columns=list(names),
                         dtype=bool).reindex(range(len(uniques)), fill_value=False)
    return {name: table[name].to_numpy()[codes] for name in names}
