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
(";548;011;"), the plausibility flags as one (``facet:flags``; :func:`with_checks` adds
``check_flags`` and ``checks`` before), ``primary_source``, and the classes a row gives its hulls
(``class:types``, ``class:vessels``: what the vessels table counts, :mod:`sightings.hulls`).
"""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd

from sightings.classes import CATEGORIES, OTHER, categories, class_of
from sightings.hulls import HULL_DELIMITER, types_class, vessel_classes
from sightings.plausibility import plausibility
from sightings.schema import POINT_KINDS, is_release_url
from sightings.store import DATASET, load, read_dataset
from sightings.textsearch import PREFIX as SEARCH_PREFIX, search_fields

#: The strait value of rows in no strait, as the strait filter offers it.
NO_STRAIT = "none"
#: The timeline lane of rows in no strait.
OPEN_SEA = "Open sea"
#: The sea value of rows whose report names no sea and that have no point.
NOT_STATED = "not stated"
#: The ship-type filter's categories: the one taxonomy of :mod:`sightings.classes`
#: (data/ship_classes.csv), named here for the facet columns.
SHIP_CATEGORY_NAMES = CATEGORIES
OTHER_TYPE = OTHER
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

    Examples
    --------
    >>> rows = load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,source_urls,source_names\\n"
    ...     b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,"
    ...     b"https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf,Joint Staff\\n")
    >>> row = prepare(rows).iloc[0]
    >>> print(repr(row["sea_area"]), repr(row["in_strait"]), row["lane"], row["checks"])   # no sea is made up
    '' '' Tsugaru ['position names only an area']
    """
    from geo.join import enrich

    return add_facets(with_checks(enrich(sightings, located=located_mask(sightings))))


def with_checks(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the plausibility columns ``check_flags`` and ``checks`` (:mod:`sightings.plausibility`).

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a"], "voyage_id": [""], "event_date": pd.to_datetime(["2022-03-15"]),
    ...     "event_time": [""], "lat": [41.4992], "lon": [140.6158], "report_date": pd.to_datetime(["2022-03-16"]),
    ...     "notes": [""], "position_kind": ["area"]})
    >>> with_checks(rows)[["id", "check_flags", "checks"]].values.tolist()     # an area row: flagged, not dropped
    [['a', ['area-only'], ['position names only an area']]]
    """
    return frame.join(plausibility(frame))


def type_column(category: str) -> str:
    """The boolean column saying a row lists a ship of ``category``.

    Examples
    --------
    >>> type_column("Submarine")
    'type:Submarine'
    """
    return f"type:{category}"


def activity_column(kind: str) -> str:
    """The boolean column saying a row's activity is ``kind``.

    Examples
    --------
    >>> activity_column("transit")
    'activity:transit'
    """
    return f"activity:{kind}"


def add_facets(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` in date order with the facet columns (module docstring) added.

    Examples
    --------
    >>> rows = load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,source_urls,source_names\\n"
    ...     b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit (exercise),no,https://example.org/a,A\\n"
    ...     b"2022-03-14,2022-03-15,1,Kilo-class submarine,about 50 km north of Cape Soya,,detection,no,https://example.org/b,B\\n")
    >>> facets = add_facets(rows)
    >>> facets[["event_date", "lane", "facet:straits", "type:Submarine", "activity:transit"]].values.tolist()
    [[Timestamp('2022-03-14 00:00:00'), 'Open sea', 'none', True, False], [Timestamp('2022-03-15 00:00:00'), 'Tsugaru', 'Tsugaru', False, True]]
    """
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
    out["facet:flags"] = pd.Categorical(_delimited(_lists(out, "check_flags")))
    out["primary_source"] = primary_source(out["source_urls"])
    out["class:types"] = pd.Categorical(_each_distinct(lambda types: types_class(list(types)),
                                                       out["ship_types"].map(tuple)))
    out["class:vessels"] = pd.Categorical(_each_distinct(lambda vessels: json.dumps(
        vessel_classes(list(vessels)), ensure_ascii=False), out["vessels"].map(tuple)))
    types = out["ship_types"].map("; ".join)
    searched = search_fields(out, row_classes.tolist()).add_prefix(SEARCH_PREFIX)
    kinds = _indicators(_each_distinct(ship_categories_of, types), SHIP_CATEGORY_NAMES).rename(columns=type_column)
    acts = _indicators(_each_distinct(activity_kinds, out["activity"]), ACTIVITY_KINDS).rename(columns=activity_column)
    return pd.concat([out, searched, kinds, acts], axis=1)


def located_mask(rows: pd.DataFrame) -> pd.Series:
    """Rows whose point was reported or derived (:data:`sightings.schema.POINT_KINDS`): the only
    ones a download gives a position, and the only ones the layers are asked about (:func:`prepare`).

    Examples
    --------
    >>> located_mask(pd.DataFrame({"position_kind": ["reported", "derived", "area", "derived"],
    ...                            "lat": [45.6, 45.9, 41.5, None], "lon": [141.3, 141.9, 140.6, None]})).tolist()
    [True, True, False, False]
    """
    return rows["position_kind"].astype(str).isin(POINT_KINDS) & rows["lat"].notna() & rows["lon"].notna()


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
    """For each row, whether its sources include a Joint Staff release (the primary source).

    Examples
    --------
    >>> primary_source(pd.Series([["https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf", "https://example.org/a"],
    ...                           ["https://example.org/a"]]))
    array([ True, False])
    """
    joined = source_urls.map(" ".join)            # a URL holds no space (schema)
    return _each_distinct(lambda urls: bool(release_urls(urls.split())), joined).to_numpy(dtype=bool)


def release_urls(urls: list[str]) -> list[str]:
    """The Joint Staff release links among a row's ``source_urls``.

    Examples
    --------
    >>> release_urls(["https://example.org/news", "https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf"])
    ['https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf']
    """
    return [url for url in urls if is_release_url(url)]


def ship_categories_of(joined_types: str) -> list[str]:
    """Categories of a row's '; '-joined ship type names (Other when none is known).

    Examples
    --------
    >>> ship_categories_of("Kilo-class submarine; destroyers (2)"), ship_categories_of("")
    (['Submarine', 'Surface combatant'], ['Other / unspecified'])
    """
    return ship_categories([t for t in joined_types.split("; ") if t])


def ship_categories(types: list[str]) -> list[str]:
    """The categories of these type names (:func:`sightings.classes.categories`).

    Examples
    --------
    >>> ship_categories(["Udaloy I-class destroyer", "submarine rescue ship"])
    ['Surface combatant', 'Auxiliary']
    """
    return categories(types)


def activity_kinds(activity: str) -> list[str]:
    """The dataset's activity words in the main clause: 'transit (exercise)' is a transit.

    Examples
    --------
    >>> activity_kinds("transit (exercise)"), activity_kinds("joint patrol with China / exercise")
    (['transit'], ['joint patrol with China', 'exercise'])
    >>> activity_kinds("shadowing")       # a word the filter does not list
    ['other']
    """
    clauses = [part.strip() for part in activity.split("(")[0].lower().split("/")]
    return [kind for kind in ACTIVITY_KINDS if kind.lower() in clauses] or ["other"]


def _indicators(found: pd.Series, names: tuple[str, ...]) -> pd.DataFrame:
    """One boolean column per name: whether the row's list (``found``) holds it.

    Examples
    --------
    >>> _indicators(pd.Series([["a"], [], ["a", "b"]]), ("a", "b", "c")).to_dict("list")
    {'a': [True, False, True], 'b': [False, False, True], 'c': [False, False, False]}
    """
    held = pd.get_dummies(found.explode(), dtype=bool).groupby(level=0).any()
    return held.reindex(index=found.index, columns=list(names), fill_value=False)
