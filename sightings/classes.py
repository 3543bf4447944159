"""Ship classes as data, and the one ship taxonomy: class -> ship type -> category.

``data/ship_classes.csv`` maps each class a JSO release writes (ウダロイⅠ級駆逐艦) to its
English name, NATO name, Russian project (or Chinese type), a ship type and a category
(:data:`CATEGORIES`), with the page each comes from (``category_source``: a page stating the
class's role); the English spellings news pages use point at the same row. A class the file
does not know is never guessed: :func:`english_name` keeps it verbatim and the caller
reports it.

This module is the only home of the taxonomy: merging compares :func:`ship_type`, and the
ship-type filter, its facet counts and the statistics read :func:`category` (through the
``type:`` columns of :mod:`sightings.pipeline`). A report that names no known class is
placed by the type words it states ("destroyers (2)", "Admiral Gorshkov-class frigate":
a frigate) through :data:`SHIP_TYPES` and :data:`TYPE_CATEGORY`; words it does not know
are "Other / unspecified", never a guess from a substring ("submarine rescue ship" is an
auxiliary, not a submarine).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CLASSES = Path(__file__).resolve().parent.parent / "data" / "ship_classes.csv"

#: The ship types a class belongs to, and the generic words news pages use for each
#: ("destroyers (2)", "Pacific Fleet warships") when they name no class. Matched whole
#: (case, a count in brackets and a plural aside), never as a substring.
SHIP_TYPES = {
    "cruiser": ("cruiser", "missile cruiser", "guided-missile cruiser"),
    "destroyer": ("destroyer", "anti-submarine destroyer", "large anti-submarine ship",
                  "destroyer (large anti-submarine ship)"),
    "frigate": ("frigate",),
    "corvette": ("corvette", "small frigate", "small frigates (corvettes)", "light frigate", "missile corvette"),
    "patrol craft": ("missile patrol boat", "missile boat"),
    "submarine": ("submarine",),
    "landing ship": ("tank landing ship", "landing ship", "large landing ship"),
    "mine warfare": ("minesweeper", "coastal minesweeper"),
    "intelligence ship": ("intelligence ship", "intelligence (reconnaissance) ship", "intelligence gathering ship"),
    "auxiliary": ("replenishment ship", "supply ship", "tanker", "tanker (supply ship)", "rescue tug",
                  "submarine rescue ship", "hospital ship", "icebreaker", "support ship",
                  "missile range instrumentation ship", "missile tracking ship", "ocean tug", "tug",
                  "replenishment oiler", "fleet oiler", "large sea tanker", "repair ship", "survey ship"),
    "cargo ship": ("cargo ship",),
    "unspecified": ("pacific fleet ship", "pacific fleet vessel", "pacific fleet warship", "other vessel",
                    "other warship", "warship", "warships and support vessel", "other", "unspecified other",
                    "warships (incl. frigate marshal shaposhnikov)"),
}
#: The categories of the ship-type filter, its counts and the statistics, in display order.
#: "Submarine" holds submarines only; ships that serve submarines are auxiliaries.
CATEGORIES = ("Submarine", "Surface combatant", "Amphibious", "Mine warfare", "Auxiliary", "Intelligence",
              "Other / unspecified")
#: The category of each ship type. A cargo ship the JSO counts under the Russian Navy
#: without stating its status (p20260511_01) is not called an auxiliary: it is "Other".
TYPE_CATEGORY = {
    "cruiser": "Surface combatant", "destroyer": "Surface combatant", "frigate": "Surface combatant",
    "corvette": "Surface combatant", "patrol craft": "Surface combatant",
    "submarine": "Submarine", "landing ship": "Amphibious", "mine warfare": "Mine warfare",
    "intelligence ship": "Intelligence", "auxiliary": "Auxiliary",
    "cargo ship": "Other / unspecified", "unspecified": "Other / unspecified",
}
#: The category of a row that names no ship type, or one no table knows.
OTHER = CATEGORIES[-1]
_COUNT_SUFFIX = re.compile(r"\s*\(\d{1,3}\)$")
_BRACKETED = re.compile(r"\([^()]{0,200}\)")


@dataclass(frozen=True)
class ShipClass:
    """What the taxonomy reads of one row of ``data/ship_classes.csv`` (:func:`ship_classes` has them all)."""

    class_ja: str
    class_en: str
    ship_type: str


@functools.lru_cache(maxsize=1)
def ship_classes() -> pd.DataFrame:
    """The class dictionary as read from ``data/ship_classes.csv`` (read once, never mutated)."""
    frame = pd.read_csv(CLASSES, dtype=str, keep_default_na=False)
    unknown = sorted(set(frame["ship_type"]) - set(SHIP_TYPES))
    if unknown:
        raise ValueError(f"{CLASSES}: unknown ship_type(s) {unknown}; expected one of {sorted(SHIP_TYPES)}")
    check_categories(frame)
    return frame


def check_categories(frame: pd.DataFrame) -> None:
    """Refuse a class dictionary whose category is unknown, unsourced or disagrees with its type.

    The category is stated per class with its source, and :data:`TYPE_CATEGORY` places the
    generic words; the two must agree, or the same ship would count in two categories.

    Examples
    --------
    >>> rows = pd.DataFrame({"class_en": ["Kilo-class submarine"], "ship_type": ["submarine"],
    ...                      "category": ["Auxiliary"], "category_source": ["https://example.org"]})
    >>> check_categories(rows)
    Traceback (most recent call last):
    ...
    ValueError: data/ship_classes.csv: class 'Kilo-class submarine' has category 'Auxiliary' but its ship_type 'submarine' is 'Submarine' (sightings.classes.TYPE_CATEGORY); correct one of them
    """
    for row in frame.itertuples():
        if row.category not in CATEGORIES:
            raise ValueError(f"data/ship_classes.csv: class {row.class_en!r} has unknown category {row.category!r}; "
                             f"expected one of {list(CATEGORIES)}")
        if TYPE_CATEGORY[row.ship_type] != row.category:
            raise ValueError(f"data/ship_classes.csv: class {row.class_en!r} has category {row.category!r} but its "
                             f"ship_type {row.ship_type!r} is {TYPE_CATEGORY[row.ship_type]!r} "
                             "(sightings.classes.TYPE_CATEGORY); correct one of them")
        if not row.category_source.startswith(("http://", "https://")):
            raise ValueError(f"data/ship_classes.csv: class {row.class_en!r} has no category_source; "
                             "give the URL of a page stating the class's role")


@functools.lru_cache(maxsize=1)
def _by_japanese() -> dict[str, ShipClass]:
    return {row.class_ja: _row(row) for row in ship_classes().itertuples(index=False) if row.class_ja}


@functools.lru_cache(maxsize=1)
def _by_english() -> dict[str, ShipClass]:
    index: dict[str, ShipClass] = {}
    for row in ship_classes().itertuples(index=False):
        for spelling in (row.class_en, *row.english_spellings.split(";")):
            if spelling.strip():
                index.setdefault(_key(spelling), _row(row))
    return index


def from_japanese(class_ja: str) -> ShipClass | None:
    """The dictionary row for a class as a release writes it, or None when unknown."""
    return _by_japanese().get(class_ja)


def english_name(class_ja: str) -> str:
    """The English class name, or the Japanese name verbatim when the class is unknown."""
    known = from_japanese(class_ja)
    return known.class_en if known else class_ja


def ship_type(name: str) -> str:
    """The ship type of an English class name or generic word as news pages write it ('' if unknown).

    A count in brackets and a plural are ignored: "Udaloy I-class destroyers (2)" is a destroyer.
    A class the dictionary does not list is placed by the type words the report states after
    "-class", bracketed words aside: "Admiral Gorshkov-class frigate" is a frigate, "cruiser
    (Varyag)" a cruiser; anything else is '' (never a substring guess).

    Examples
    --------
    >>> ship_type("Udaloy I-class destroyers (2)"), ship_type("submarine rescue ship")
    ('destroyer', 'auxiliary')
    >>> ship_type("Kilo-class (Project 877) submarine"), ship_type("Igor Belousov-class ship")
    ('submarine', 'auxiliary')
    >>> ship_type("ship")
    ''
    """
    key = _key(name)
    if key in _by_english():
        return _by_english()[key].ship_type
    if key in _GENERIC_WORDS:
        return _GENERIC_WORDS[key]
    unbracketed = " ".join(_BRACKETED.sub(" ", name[:300].lower()).split())
    stated = _key(unbracketed.rpartition("-class ")[2])
    return _GENERIC_WORDS.get(stated, "")


def category(name: str) -> str:
    """The category (:data:`CATEGORIES`) of a class name or generic word as a report writes it.

    A class's category is its ship type's (:data:`TYPE_CATEGORY`); :func:`check_categories`
    makes ``data/ship_classes.csv`` state the same for every class, with its source.

    Examples
    --------
    >>> category("Improved Kilo-class submarine"), category("Igor Belousov-class submarine rescue ship")
    ('Submarine', 'Auxiliary')
    >>> category("Pacific Fleet warships"), category("something new")
    ('Other / unspecified', 'Other / unspecified')
    """
    return TYPE_CATEGORY.get(ship_type(name), OTHER)


def categories(names: list[str]) -> list[str]:
    """The categories of a row's ship type names, each once, in :data:`CATEGORIES` order;
    ``[OTHER]`` for a row that names none.

    Examples
    --------
    >>> categories(["Udaloy I-class destroyer", "submarine rescue ship", "destroyers (2)"])
    ['Surface combatant', 'Auxiliary']
    >>> categories([])
    ['Other / unspecified']
    """
    found = {category(name) for name in names}
    return [c for c in CATEGORIES if c in found] or [OTHER]


def _key(name: str) -> str:
    """Lower case, no count in brackets, the plural of the head noun dropped."""
    text = _COUNT_SUFFIX.sub("", name.strip()).lower()
    return re.sub(r"(?<=[a-z])s(?=$|\s\()", "", text)


def _row(row) -> ShipClass:
    return ShipClass(row.class_ja, row.class_en, row.ship_type)


#: :data:`SHIP_TYPES`' generic words by their :func:`_key`.
_GENERIC_WORDS = {_key(word): kind for kind, words in SHIP_TYPES.items() for word in words}


def class_of(name: str) -> str:
    """The English class name of a ship type as a report writes it ('' when it names no known class).

    "Udaloy I-class destroyers (2)" and the release's spelling lead to the same class row.
    """
    known = _by_english().get(_key(name))
    return known.class_en if known else ""
