"""One row per hull number: its class, first and last sighting, how often and through which straits.

A hull's class is only what the reports say: a release's vessel entry names it
("Steregushchiy-class frigate (333)"), or a report lists a single class and so every hull
it gives is of that class. A hull seen under two classes (releases wrote 543 as Udaloy I
and Udaloy III) lists both; a hull no report ties to a class says so. Never guessed.

The table follows every filter change, so it is counted with numpy over one entry per
(row, hull listed), from columns the pipeline makes once per distinct list
(:func:`sightings.pipeline.add_facets`): ``facet:hulls`` (the row's hulls), ``class:types``
(:func:`types_class`) and ``class:vessels`` (:func:`vessel_classes`, as JSON).
"""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd

from sightings.classes import class_of
from sightings.schema import STRAITS

#: "Udaloy I-class destroyer (543)": a class and the hull number in brackets at the end.
_VESSEL = re.compile(r"^(?P<name>.{1,150}?)\s*\((?P<hull>[0-9A-Za-z-]{1,8})\)$")
NO_CLASS = "not stated"
HULL_COLUMNS = ("hull", "class", "first", "last", "sightings", "straits")
#: Delimits the items of ``facet:hulls`` (";548;011;"): the list separator, so never inside an item.
HULL_DELIMITER = ";"


def vessel_classes(vessels: list[str]) -> dict[str, str]:
    """Hull -> class, as a release's vessel entries ("Udaloy I-class destroyer (543)") name them."""
    named = {}
    for vessel in vessels:
        match = _VESSEL.match(vessel.strip()[:200])
        if match and class_of(match.group("name")):
            named[match.group("hull")] = class_of(match.group("name"))
    return named


def types_class(ship_types: list[str]) -> str:
    """The one class a row's ship types name, so every hull it lists is of it ('' for none or several)."""
    classes = {class_of(name) for name in ship_types}
    return classes.pop() if len(classes) == 1 and "" not in classes else ""


def hull_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Each hull number in ``rows`` with its class(es), first and last sighting date, count and straits.

    Hulls shortest first, then as text ("99" before "100"), as the hull filter lists them.
    """
    row_of, hull_of, hulls = _entries(rows)
    class_of_entry, classes = _entry_classes(rows, row_of, hull_of, hulls)
    seen = np.bincount(hull_of, minlength=len(hulls))
    present = sorted(np.flatnonzero(seen).tolist(), key=lambda i: (len(hulls[i]), hulls[i]))
    if not present:
        return pd.DataFrame([], columns=list(HULL_COLUMNS))
    dates = rows["event_date"].to_numpy()
    stamps = dates.view(np.int64)[row_of]
    first, last = np.full(len(hulls), np.iinfo(np.int64).max), np.full(len(hulls), np.iinfo(np.int64).min)
    np.minimum.at(first, hull_of, stamps)
    np.maximum.at(last, hull_of, stamps)
    straits = _strait_index(rows)[row_of]
    used = _pairs(hull_of[straits >= 0], straits[straits >= 0], len(hulls), len(STRAITS))
    named = class_of_entry >= 0
    given = _pairs(hull_of[named], class_of_entry[named], len(hulls), len(classes))
    return pd.DataFrame({
        "hull": [hulls[i] for i in present],
        "class": ["; ".join(sorted(classes[c] for c in np.flatnonzero(given[i]))) or NO_CLASS for i in present],
        "first": first[present].view(dates.dtype), "last": last[present].view(dates.dtype),
        "sightings": seen[present].astype(np.int64),
        "straits": [", ".join(STRAITS[s] for s in np.flatnonzero(used[i])) for i in present],
    }, columns=list(HULL_COLUMNS))


def _entries(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(row position, hull id) of each hull each row lists, and the hull numbers by id."""
    values = rows["facet:hulls"].array
    lists = [listed[1:-1].split(HULL_DELIMITER) if len(listed) > 2 else [] for listed in values.categories]
    ids: dict[str, int] = {}
    flat = np.array([ids.setdefault(hull, len(ids)) for listed in lists for hull in listed], dtype=np.int64)
    lengths = np.array([len(listed) for listed in lists] + [0])          # the last: code -1 (no list)
    starts = np.concatenate([[0], np.cumsum(lengths)])[:len(lengths)]
    per_row = lengths[values.codes]
    row_of = np.repeat(np.arange(len(per_row)), per_row)
    within = np.arange(len(row_of)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    hull_of = flat[np.repeat(starts[values.codes], per_row) + within] if len(row_of) else row_of
    return row_of, hull_of, list(ids)


def _entry_classes(rows: pd.DataFrame, row_of: np.ndarray, hull_of: np.ndarray,
                   hulls: list[str]) -> tuple[np.ndarray, list[str]]:
    """The class id of each entry (-1: none), and the class names by id.

    A row gives a hull it lists the class its vessel entry names, else the one class its ship
    types name (:func:`types_class`), else none.
    """
    ids: dict[str, int] = {}
    by_types = rows["class:types"].array
    type_ids = np.array([ids.setdefault(name, len(ids)) if name else -1 for name in by_types.categories] + [-1])
    out = type_ids[by_types.codes][row_of]
    by_vessels = rows["class:vessels"].array
    named = [json.loads(text) for text in by_vessels.categories] + [{}]
    vessel_codes = by_vessels.codes[row_of]
    for entry in np.flatnonzero(np.array([bool(n) for n in named])[vessel_codes]):   # rows with vessel entries
        name = named[vessel_codes[entry]].get(hulls[hull_of[entry]])
        if name:
            out[entry] = ids.setdefault(name, len(ids))
    return out, list(ids)


def _strait_index(rows: pd.DataFrame) -> np.ndarray:
    """Each row's strait as its index in the schema's STRAITS (-1: none)."""
    codes = rows["facet:straits"].array
    return np.array([STRAITS.index(s) if s in STRAITS else -1 for s in codes.categories] + [-1])[codes.codes]


def _pairs(first: np.ndarray, second: np.ndarray, rows: int, columns: int) -> np.ndarray:
    """A (rows x columns) bool table: which (first, second) pairs occur."""
    return np.bincount(first * columns + second, minlength=rows * columns).reshape(rows, columns) > 0
