"""One row per hull number: its class, first and last sighting, how often and through which straits.

A hull's class is only what the reports say: a release's vessel entry names it
("Steregushchiy-class frigate (333)"), or a report lists a single class and so every hull
it gives is of that class. A hull seen under two classes (releases wrote 543 as Udaloy I
and Udaloy III) lists both; a hull no report ties to a class says so. Never guessed.
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


def hull_classes(ship_types: list[str], hulls: list[str], vessels: list[str]) -> dict[str, str]:
    """The class each of a row's ``hulls`` is given by that row (hulls it does not tie are left out)."""
    named = {}
    for vessel in vessels:
        match = _VESSEL.match(vessel.strip()[:200])
        if match and class_of(match.group("name")):
            named[match.group("hull")] = class_of(match.group("name"))
    classes = {class_of(name) for name in ship_types}
    if len(classes) == 1 and "" not in classes:
        only = classes.pop()
        named = {hull: named.get(hull, only) for hull in hulls}
    return {hull: name for hull, name in named.items() if hull in hulls}


def hull_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Each hull number in ``rows`` with its class(es), first and last sighting date, count and straits.

    Hulls shortest first, then as text ("99" before "100"), as the hull filter lists them.
    """
    found: dict[str, dict] = {}
    for row in rows[["event_date", "ship_types", "hull_numbers", "vessels", "strait"]].itertuples(index=False):
        classes = hull_classes(row.ship_types, row.hull_numbers, row.vessels)
        for hull in row.hull_numbers:
            entry = found.setdefault(hull, {"classes": set(), "dates": [], "straits": set()})
            entry["dates"].append(row.event_date)
            entry["classes"].update([classes[hull]] if hull in classes else [])
            entry["straits"].update([row.strait] if row.strait else [])
    order = sorted(found, key=lambda hull: (len(hull), hull))
    return pd.DataFrame([{
        "hull": hull, "class": "; ".join(sorted(found[hull]["classes"])) or NO_CLASS,
        "first": min(found[hull]["dates"]), "last": max(found[hull]["dates"]),
        "sightings": len(found[hull]["dates"]),
        "straits": ", ".join(s for s in STRAITS if s in found[hull]["straits"]),
    } for hull in order], columns=list(HULL_COLUMNS))
