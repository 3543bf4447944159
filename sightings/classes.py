"""Ship classes as data: the Japanese class names of the releases, their English names and types.

``data/ship_classes.csv`` maps each class a JSO release writes (ウダロイⅠ級駆逐艦) to its
English name, NATO name, Russian project (or Chinese type) and a ship type, with the page
each comes from; the English spellings news pages use point at the same row. A class the
file does not know is never guessed: :func:`english_name` keeps it verbatim and the caller
reports it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CLASSES = Path(__file__).resolve().parent.parent / "data" / "ship_classes.csv"

#: The ship types a class belongs to, and the generic words news pages use for each
#: ("destroyers (2)", "Pacific Fleet warships") when they name no class.
SHIP_TYPES = {
    "cruiser": ("cruiser", "missile cruiser", "guided-missile cruiser"),
    "destroyer": ("destroyer", "anti-submarine destroyer", "large anti-submarine ship",
                  "destroyer (large anti-submarine ship)"),
    "frigate": ("frigate",),
    "corvette": ("corvette", "small frigate", "small frigates (corvettes)"),
    "patrol craft": ("missile patrol boat",),
    "submarine": ("submarine",),
    "landing ship": ("tank landing ship", "landing ship"),
    "mine warfare": ("minesweeper",),
    "intelligence ship": ("intelligence ship", "intelligence (reconnaissance) ship"),
    "auxiliary": ("replenishment ship", "supply ship", "tanker", "tanker (supply ship)", "rescue tug",
                  "submarine rescue ship", "hospital ship", "icebreaker", "support ship",
                  "missile range instrumentation ship", "missile tracking ship", "ocean tug"),
    "cargo ship": ("cargo ship",),
    "unspecified": ("pacific fleet ship", "pacific fleet vessel", "pacific fleet warship", "other vessel",
                    "other warship", "warships and support vessel",
                    "warships (incl. frigate marshal shaposhnikov)"),
}
_COUNT_SUFFIX = re.compile(r"\s*\(\d{1,3}\)$")


@dataclass(frozen=True)
class ShipClass:
    """One row of ``data/ship_classes.csv``."""

    class_ja: str
    navy: str
    class_en: str
    nato_name: str
    project: str
    ship_type: str
    source_url: str


@functools.lru_cache(maxsize=1)
def ship_classes() -> pd.DataFrame:
    """The class dictionary as read from ``data/ship_classes.csv`` (read once, never mutated)."""
    frame = pd.read_csv(CLASSES, dtype=str, keep_default_na=False)
    unknown = sorted(set(frame["ship_type"]) - set(SHIP_TYPES))
    if unknown:
        raise ValueError(f"{CLASSES}: unknown ship_type(s) {unknown}; expected one of {sorted(SHIP_TYPES)}")
    return frame


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
    """
    key = _key(name)
    if key in _by_english():
        return _by_english()[key].ship_type
    for kind, words in SHIP_TYPES.items():
        if key in {_key(w) for w in words}:
            return kind
    return ""


def _key(name: str) -> str:
    """Lower case, no count in brackets, the plural of the head noun dropped."""
    text = _COUNT_SUFFIX.sub("", name.strip()).lower()
    return re.sub(r"(?<=[a-z])s(?=$|\s\()", "", text)


def _row(row) -> ShipClass:
    return ShipClass(row.class_ja, row.navy, row.class_en, row.nato_name, row.project, row.ship_type,
                     row.source_url)


def class_of(name: str) -> str:
    """The English class name of a ship type as a report writes it ('' when it names no known class).

    "Udaloy I-class destroyers (2)" and the release's spelling lead to the same class row.
    """
    known = _by_english().get(_key(name))
    return known.class_en if known else ""
