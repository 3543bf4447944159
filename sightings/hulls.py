"""One row per hull number: its class, first and last sighting, how often and through which straits.

A hull's class is only what the reports say: a release's vessel entry names it
("Steregushchiy-class frigate (333)"), or a report lists a single class and so every hull
it gives is of that class. A report whose vessel entries name a class its ship types do not
is not a single-class report: its other hulls stay untied. A hull seen under two classes
(releases wrote 543 as Udaloy I and Udaloy III) lists both; a hull no report ties to a class
says so. Never guessed.

The table counts the rows it is given (the selection), one entry per (row, hull listed), with
plain pandas group-bys sized for the record's hundreds of rows.
"""

from __future__ import annotations

import re

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
    """Hull -> class, as a release's vessel entries ("Udaloy I-class destroyer (543)") name them.

    >>> vessel_classes(["Udaloy I-class destroyer (543)", "Admiral Panteleyev"])
    {'543': 'Udaloy I-class destroyer'}
    """
    named = {}
    for vessel in vessels:
        match = _VESSEL.match(vessel.strip()[:200])
        if match and class_of(match.group("name")):
            named[match.group("hull")] = class_of(match.group("name"))
    return named


def types_class(ship_types: list[str]) -> str:
    """The one class a row's ship types name, so every hull it lists is of it ('' for none or several).

    A generic word beside a class ("Udaloy I-class destroyer", "rescue tug") is a second,
    unnamed class: the row names no single class.

    >>> types_class(["Udaloy I-class destroyers (2)"]), types_class(["Udaloy I-class destroyer", "rescue tug"])
    ('Udaloy I-class destroyer', '')
    """
    classes = {class_of(name) for name in ship_types}
    return classes.pop() if len(classes) == 1 else ""


def hull_classes(ship_types: list[str], vessels: list[str], hulls: list[str]) -> list[str]:
    """The class one row gives each hull it lists ('' where it gives none).

    A vessel entry names its hull's class; the row's single class (:func:`types_class`) gives
    the others theirs, unless a vessel entry names a class beside it (then the row has two).

    >>> hull_classes(["Udaloy I-class destroyer"], ["Udaloy III-class destroyer (543)"], ["543", "333"])
    ['Udaloy III-class destroyer', '']
    """
    named = vessel_classes(vessels)
    single = types_class(ship_types)
    if any(name != single for name in named.values()):
        single = ""
    return [named.get(hull, single) for hull in hulls]


def hull_sort_key(hull: str) -> tuple:
    """Hull numbers as numbers ("011" is 11, before "80"), letters after, the text breaking ties.

    >>> sorted(["80", "543", "011", "A1", "11"], key=hull_sort_key)
    ['011', '11', '80', '543', 'A1']
    """
    return (0, int(hull), hull) if hull.isdigit() else (1, 0, hull)


def hull_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Each hull number in ``rows`` with its class(es), first and last sighting date, count and straits.

    Hulls sorted as numbers (:func:`hull_sort_key`), their text kept ("011"); straits in the
    schema's order; classes alphabetically, "; "-joined.

    Examples
    --------
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-01", "2023-07-09"]),
    ...                      "strait": ["Tsugaru", "Soya"], "hull_numbers": [["548"], ["80", "548"]],
    ...                      "ship_types": [["Udaloy I-class destroyer"], ["destroyers (2)"]], "vessels": [[], []]})
    >>> hull_table(rows)[["hull", "class", "sightings", "straits"]].values.tolist()
    [['80', 'not stated', 1, 'Soya'], ['548', 'Udaloy I-class destroyer', 2, 'Soya, Tsugaru']]
    """
    entries = _entries(rows)
    if entries.empty:
        return pd.DataFrame({name: pd.Series([], dtype="datetime64[ns]" if name in ("first", "last") else object)
                             for name in HULL_COLUMNS})
    by_hull = entries.groupby("hull")
    table = by_hull["event_date"].agg(first="min", last="max", sightings="size")
    table["class"] = entries[entries["class"] != ""].groupby("hull")["class"].agg(
        lambda names: "; ".join(sorted(set(names))))
    table["straits"] = entries[entries["strait"].isin(STRAITS)].groupby("hull")["strait"].agg(
        lambda names: ", ".join(sorted(set(names), key=STRAITS.index)))
    table = table.fillna({"class": NO_CLASS, "straits": ""})
    order = sorted(table.index, key=hull_sort_key)
    return table.loc[order].reset_index().astype({"sightings": "int64"})[list(HULL_COLUMNS)]


def _entries(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (sighting, hull it lists): date, strait, hull and the class the sighting gives it."""
    columns = (rows[name].tolist() for name in ("event_date", "strait", "ship_types", "vessels", "hull_numbers"))
    return pd.DataFrame([(date, strait, hull, name)
                         for date, strait, types, vessels, hulls in zip(*columns, strict=True)
                         for hull, name in zip(hulls, hull_classes(types, vessels, hulls), strict=True)],
                        columns=["event_date", "strait", "hull", "class"])
