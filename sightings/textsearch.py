"""The texts the search box reads, per sighting: its own words and the names the data files give it.

A reader looks for "Vilkov", "Cape Erimo", "襟裳岬" or "Admiral Panteleyev": a ship name the
register gives a hull, a place in English or Japanese, a class in any spelling, a phrase of
the release. :func:`search_fields` gathers, per row, the texts of :data:`FIELDS` (the row's
own columns, the register's names of its hulls, the dictionary's spellings of its classes,
the gazetteer's names of the places its phrase or release sentence names) folded with :func:`fold` (NFKC, so
full-width "Ｖｉｌｋｏｖ" and half-width ｶﾀｶﾅ match, then casefold). The pipeline
(:func:`sightings.pipeline.add_facets`) stores them as ``search:<field>`` columns, built once
per frame; :mod:`dashboard.search` matches a query against them.
"""

from __future__ import annotations

import unicodedata

import pandas as pd

from geo.places import gazetteer, spellings
from sightings.classes import ship_classes
from sightings.vessels import hull_names, register

#: The search fields, in the order a match is reported.
FIELDS = ("vessel_names", "vessels", "classes", "types", "places", "location_text", "location_text_ja", "notes",
          "source_names")
#: Column prefix of the stored fields ("search:notes").
PREFIX = "search:"
#: Longest text per field folded and searched (bounds work per row whatever the input).
MAX_FIELD = 20_000


def fold(text: str) -> str:
    """``text`` as the search compares it: NFKC (full/half width, Ⅰ -> I) then casefold.

    >>> fold("Ｖｉｌｋｏｖ"), fold("ｳﾀﾞﾛｲⅠ級"), fold("Cape ERIMO")
    ('vilkov', 'ウダロイi級', 'cape erimo')
    """
    return unicodedata.normalize("NFKC", text[:MAX_FIELD]).casefold()


def search_fields(frame: pd.DataFrame, row_classes: list[list[str]], vessel_register: pd.DataFrame | None = None,
                  classes: pd.DataFrame | None = None, places: pd.DataFrame | None = None) -> pd.DataFrame:
    """The folded text of each :data:`FIELDS` key per row of ``frame`` (same index).

    ``row_classes`` are each row's dictionary classes (:func:`sightings.pipeline.classes_of`);
    ``vessel_register`` (data/vessels.csv), ``classes`` (data/ship_classes.csv) and ``places``
    (data/gazetteer.csv) default to the shipped files. ``frame`` holds ``location_text``,
    ``location_text_ja``, ``notes``, ``source_names``, ``vessels``, ``ship_types`` and
    ``hull_numbers`` (lists as lists; a hand-made frame may leave any out: empty);
    ``event_date`` picks the register's dated names.

    Examples
    --------
    >>> rows = pd.DataFrame({"location_text": ["off Cape Erimo"], "location_text_ja": [""], "notes": [""],
    ...     "source_names": [["FlyTeam"]], "vessels": [[]], "ship_types": [["Udaloy I-class destroyer"]],
    ...     "hull_numbers": [["548"]]})
    >>> fields = search_fields(rows, [["Udaloy I-class destroyer"]])
    >>> fields.loc[0, "vessel_names"], "襟裳岬" in fields.loc[0, "places"], "ウダロイi級駆逐艦" in fields.loc[0, "classes"]
    ('admiral panteleyev | アドミラル・パンテレーエフ', True, True)
    """
    names = _register_names(frame, register() if vessel_register is None else vessel_register)
    spelled = _class_spellings(ship_classes() if classes is None else classes)
    lists = {column: frame[column] if column in frame else pd.Series([[]] * len(frame), index=frame.index)
             for column in ("source_names", "vessels", "chinese_vessels", "ship_types", "hull_numbers")}
    english, japanese, notes = (frame[column].map(fold) if column in frame else pd.Series("", index=frame.index)
                                for column in ("location_text", "location_text_ja", "notes"))
    return pd.DataFrame({
        "vessel_names": [fold(" | ".join(n for hull in hulls for n in known.get(hull, ())))
                         for hulls, known in zip(lists["hull_numbers"], names, strict=True)],
        "vessels": (lists["vessels"] + lists["chinese_vessels"]).map(lambda v: fold(" | ".join(v))),
        "classes": [fold(" | ".join(s for name in found for s in spelled.get(name, ()))) for found in row_classes],
        "types": [fold(" | ".join([*types, *hulls])) for types, hulls in zip(lists["ship_types"],
                                                                            lists["hull_numbers"], strict=True)],
        "places": _places(english + " | " + japanese, gazetteer() if places is None else places),
        "location_text": english,
        "location_text_ja": japanese,
        "notes": notes,
        "source_names": lists["source_names"].map(lambda v: fold(" | ".join(v))),
    }, index=frame.index)


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
    columns = ["class_en", "english_spellings", "class_ja", "nato_name"]
    for class_en, english, class_ja, nato in classes[columns].itertuples(index=False):
        names = (class_en, *english.split(";"), class_ja, nato)
        found.setdefault(class_en, []).extend(n.strip() for n in names if n.strip())
    return found


def _places(text: pd.Series, places: pd.DataFrame) -> pd.Series:
    """Per row of the folded ``text``, every spelling of each gazetteer place it names, " | "-joined.

    One pass over each distinct text: every position is looked up by its first two characters
    in an index of the spellings (:func:`_place_index`), and a candidate is checked with
    ``startswith`` and, for Latin names, as a whole word (:func:`_names`); linear in the text.
    """
    index, texts = _place_index(places)
    found = {value: " | ".join(texts[k] for k in _places_in(value, index)) for value in dict.fromkeys(text)}
    return text.map(found).astype(object)


def _place_index(places: pd.DataFrame) -> tuple[dict[str, list[tuple[str, int]]], list[str]]:
    """(first two folded characters -> [(folded spelling, place number)], the text each place adds)."""
    index: dict[str, list[tuple[str, int]]] = {}
    texts = []
    for number, (name, alt) in enumerate(zip(places["name"], places["alt_names"], strict=True)):
        every = sorted({name, *spellings(name, alt)})
        texts.append(fold(" | ".join(every)))
        for spelling in {fold(s.strip()) for s in every if len(s.strip()) > 1}:
            index.setdefault(spelling[:2], []).append((spelling, number))
    return index, texts


def _places_in(text: str, index: dict[str, list[tuple[str, int]]]) -> list[int]:
    """The place numbers whose spellings ``text`` holds (Latin names as whole words), in order found.

    >>> index, _ = _place_index(pd.DataFrame({"name": ["Oki Islands"], "alt_names": ["隠岐"]}))
    >>> _places_in("near the oki islands", index), _places_in("off okinawa", index), _places_in("隠岐の北", index)
    ([0], [], [0])
    """
    found: list[int] = []
    for start in range(len(text) - 1):
        for spelling, number in index.get(text[start:start + 2], ()):
            if number not in found and text.startswith(spelling, start) and _whole(text, start, spelling):
                found.append(number)
    return found


def _whole(text: str, start: int, name: str) -> bool:
    """Whether ``name`` at ``start`` of ``text`` is not part of a longer Latin word."""
    end = start + len(name)
    joins_before = start > 0 and _wordy(text[start - 1]) and _wordy(name[0])
    joins_after = end < len(text) and _wordy(text[end]) and _wordy(name[-1])
    return not (joins_before or joins_after)


def _wordy(char: str) -> bool:
    """A Latin letter or digit (Japanese text has no spaces, so CJK characters never join words)."""
    return char.isascii() and char.isalnum()
