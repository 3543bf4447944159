"""One search box over everything a reader may remember of a sighting, saying where it matched.

A reader looks for "Vilkov", "Cape Erimo", "襟裳岬" or "Admiral Panteleyev": a ship name the
register gives a hull, a place in English or Japanese, a class in any spelling, a phrase of
the release. :func:`search_fields` gathers, per row, the texts of :data:`FIELDS` (the row's
own columns, the register's names of its hulls, the dictionary's spellings of its classes,
the gazetteer's names of the places its text names) folded with :func:`fold` (NFKC, so
full-width "Ｖｉｌｋｏｖ" and half-width ｶﾀｶﾅ match, then casefold); :func:`find` says which
fields hold the folded query, as plain substring tests (no pattern from user input, linear
time), the query cut to :data:`MAX_QUERY` characters first.

The fields are built once per frame (:func:`with_search_fields`, at app start); a frame
without them (a hand-made test frame) has them built on the fly, with the same code.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from geo.places import gazetteer, spellings
from sightings.classes import ship_classes
from sightings.pipeline import classes_of
from sightings.vessels import hull_names, register

#: Search-field key -> the label the table's "matched in" column shows, in the order shown.
FIELDS = {
    "vessel_names": "vessel register",
    "vessels": "vessels",
    "classes": "class",
    "types": "ship types / hulls",
    "places": "place",
    "location_text": "phrase",
    "location_text_ja": "Japanese sentence",
    "notes": "notes",
    "source_names": "source names",
}
PREFIX = "search:"
#: Longest query searched (the facet cleans to 80 already; this bounds direct callers too).
MAX_QUERY = 80
#: Longest text per field folded and searched (bounds work per row whatever the input).
MAX_FIELD = 20_000


def fold(text: str) -> str:
    """``text`` as the search compares it: NFKC (full/half width, Ⅰ -> I) then casefold.

    >>> fold("Ｖｉｌｋｏｖ"), fold("ｳﾀﾞﾛｲⅠ級"), fold("Cape ERIMO")
    ('vilkov', 'ウダロイi級', 'cape erimo')
    """
    return unicodedata.normalize("NFKC", text[:MAX_FIELD]).casefold()


def search_fields(frame: pd.DataFrame, vessel_register: pd.DataFrame | None = None,
                  classes: pd.DataFrame | None = None, places: pd.DataFrame | None = None) -> pd.DataFrame:
    """The folded text of each :data:`FIELDS` key per row of ``frame`` (same index).

    ``vessel_register`` (data/vessels.csv), ``classes`` (data/ship_classes.csv) and ``places``
    (data/gazetteer.csv) default to the shipped files. ``frame`` needs ``location_text``,
    ``location_text_ja``, ``notes``, ``source_names``, ``vessels``, ``ship_types`` and
    ``hull_numbers`` (lists as lists).

    Examples
    --------
    >>> rows = pd.DataFrame({"location_text": ["off Cape Erimo"], "location_text_ja": [""], "notes": [""],
    ...     "source_names": [["FlyTeam"]], "vessels": [[]], "ship_types": [["Udaloy I-class destroyer"]],
    ...     "hull_numbers": [["548"]]})
    >>> fields = search_fields(rows)
    >>> fields.loc[0, "vessel_names"], "襟裳岬" in fields.loc[0, "places"], "ウダロイi級駆逐艦" in fields.loc[0, "classes"]
    ('admiral panteleyev | アドミラル・パンテレーエフ', True, True)
    """
    names = _register_names(frame, register() if vessel_register is None else vessel_register)
    spelled = _class_spellings(ship_classes() if classes is None else classes)
    place_names = _place_spellings(gazetteer() if places is None else places)
    lists = {column: frame[column] if column in frame else pd.Series([[]] * len(frame), index=frame.index)
             for column in ("source_names", "vessels", "chinese_vessels", "ship_types", "hull_numbers")}
    row_classes = [classes_of(list(types), list(vessels), list(chinese)) for types, vessels, chinese
                   in zip(lists["ship_types"], lists["vessels"], lists["chinese_vessels"], strict=True)]
    english, japanese, notes = (frame[column].map(fold) for column in ("location_text", "location_text_ja", "notes"))
    return pd.DataFrame({
        "vessel_names": [fold(" | ".join(n for hull in hulls for n in known.get(hull, ())))
                         for hulls, known in zip(lists["hull_numbers"], names, strict=True)],
        "vessels": (lists["vessels"] + lists["chinese_vessels"]).map(lambda v: fold(" | ".join(v))),
        "classes": [fold(" | ".join(s for name in found for s in spelled.get(name, ()))) for found in row_classes],
        "types": [fold(" | ".join([*types, *hulls])) for types, hulls in zip(lists["ship_types"],
                                                                            lists["hull_numbers"], strict=True)],
        "places": [" | ".join(_places_in(f"{en} | {ja} | {note}", place_names))
                   for en, ja, note in zip(english, japanese, notes, strict=True)],
        "location_text": english,
        "location_text_ja": japanese,
        "notes": notes,
        "source_names": lists["source_names"].map(lambda v: fold(" | ".join(v))),
    }, index=frame.index)


def with_search_fields(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the ``search:<field>`` columns added (built once, at load)."""
    fields = search_fields(frame)
    return pd.concat([frame, fields.add_prefix(PREFIX)], axis=1)


def find(frame: pd.DataFrame, query: str) -> pd.Series:
    """Per row, the labels (:data:`FIELDS`) of the fields holding ``query``, ", "-joined; "" for none.

    An empty query matches nothing here (the facet treats it as no filter).

    >>> rows = pd.DataFrame({"location_text": ["off Cape Erimo", "Soya"], "location_text_ja": ["", ""],
    ...     "notes": ["", "Nikolai Vilkov named"], "source_names": [[], []], "vessels": [[], []],
    ...     "ship_types": [[], []], "hull_numbers": [[], ["081"]]})
    >>> find(rows, "ＶＩＬＫＯＶ").tolist(), find(rows, "襟裳岬").tolist()
    (['', 'vessel register, notes'], ['place', ''])
    """
    needle = fold(" ".join(str(query)[:MAX_QUERY].split()))
    fields = _fields(frame)
    if not needle:
        return pd.Series("", index=frame.index, dtype=object)
    hits = {label: fields[key].str.contains(needle, regex=False).to_numpy(dtype=bool)
            for key, label in FIELDS.items()}
    return pd.Series([", ".join(label for label, found in hits.items() if found[i]) for i in range(len(frame))],
                     index=frame.index, dtype=object)


def mask(frame: pd.DataFrame, query: str) -> np.ndarray:
    """Rows of ``frame`` in which any field holds ``query`` (the text facet's mask)."""
    return (find(frame, query) != "").to_numpy(dtype=bool)


def matched_in(records: list[dict], rows: pd.DataFrame, query: str) -> list[dict]:
    """The table's records with ``matched_in`` set from ``rows`` (the rows they were made from, by id).

    With no query every record gets "" (the column stays empty).
    """
    found = dict(zip(rows["id"], find(rows, query), strict=True)) if query else {}
    return [{**record, "matched_in": found.get(record["id"], "")} for record in records]


def _fields(frame: pd.DataFrame) -> pd.DataFrame:
    columns = [PREFIX + key for key in FIELDS]
    if all(column in frame for column in columns):
        return frame[columns].rename(columns=lambda c: c[len(PREFIX):])
    return search_fields(frame)


def _register_names(frame: pd.DataFrame, table: pd.DataFrame) -> list[dict[str, list[str]]]:
    """Per row, hull -> the register's names for it on the row's day (undated names hold every day)."""
    undated = (table["carried_from"] == "") & (table["carried_to"] == "")
    always = hull_names(table[undated])
    dated = table[~undated]
    if dated.empty or "event_date" not in frame:
        return [always] * len(frame)
    merged = []
    for day in frame["event_date"]:
        names = {hull: list(found) for hull, found in always.items()}
        for hull, found in hull_names(dated, day).items():
            names.setdefault(hull, []).extend(found)
        merged.append(names)
    return merged


def _class_spellings(classes: pd.DataFrame) -> dict[str, list[str]]:
    """class_en -> every spelling the dictionary gives it (English, Japanese, NATO name)."""
    found: dict[str, list[str]] = {}
    for row in classes.itertuples(index=False):
        names = (row.class_en, *row.english_spellings.split(";"), row.class_ja, row.nato_name)
        found.setdefault(row.class_en, []).extend(n.strip() for n in names if n.strip())
    return found


def _place_spellings(places: pd.DataFrame) -> list[tuple[list[str], str]]:
    """Per gazetteer place: its folded spellings to look for, and the text added when one is found."""
    out = []
    for name, alt in zip(places["name"], places["alt_names"], strict=True):
        every = sorted({name, *spellings(name, alt)})
        out.append(([fold(s) for s in every if len(s.strip()) > 1], fold(" | ".join(every))))
    return out


def _places_in(text: str, places: list[tuple[list[str], str]]) -> list[str]:
    """The spelling lists of the places ``text`` (folded) names: Latin spellings as whole words."""
    return [found for names, found in places if any(_names(text, name) for name in names)]


def _names(text: str, name: str) -> bool:
    """Whether ``text`` holds ``name``; a name ending or starting in a letter or digit must not be
    part of a longer word ("oki" is not in "okinawa"). Literal ``str.find``, at most len(text) steps."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (_wordy(before) and _wordy(name[0])) and not (_wordy(after) and _wordy(name[-1])):
            return True
        start = text.find(name, start + 1)
    return False


def _wordy(char: str) -> bool:
    """A Latin letter or digit (Japanese text has no spaces, so CJK characters never join words)."""
    return char.isascii() and char.isalnum()
