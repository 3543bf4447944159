"""The gazetteer: named capes, islands, ports and strait points that reports measure from.

Reports spell places many ways ("Cape Shiriya", "Shiriyazaki", "Cape Shiriyazaki",
"Okinotori Island", "Okinotori-shima", "Hokkaido's Nemuro Peninsula"). :func:`name_key`
folds case, macrons, hyphens and possessives so all spellings of a name meet in one key,
and :func:`place_index` maps every key of every name and alias to its gazetteer row.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import pandas as pd

from geo.straits import STRAITS

GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer.csv"
#: The gazetteer label point used for a report that only names a strait (keyed by the schema's strait names).
STRAIT_LABEL_POINTS = {strait.name: strait.label_point for strait in STRAITS.values()}

_ISLAND_SUFFIX = re.compile(r"^(?P<base>.+?)[- ](?:jima|shima|to|tō)$", re.IGNORECASE)
#: A parenthesised aside and the spaces before it. Linear: a run of spaces is tried from its
#: first space only, and an aside holds no parenthesis, so "((((" costs one step per '('.
_PARENTHESIS = re.compile(r"(?<!\s)\s*\([^()]*\)")


def strip_parentheses(text: str) -> str:
    """``text`` without its parenthesised asides: "Smith Island (Sumisu-to)" -> "Smith Island"."""
    return _PARENTHESIS.sub("", text)


def name_key(text: str) -> str:
    """Fold a place name (or a stretch of report text) to its matching key.

    Lower case, macrons and accents dropped, possessive ``'s`` dropped, hyphens and
    apostrophes removed, any other punctuation turned into single spaces.

    Examples
    --------
    >>> name_key("Sōya's Cape-Misaki")
    'soya capemisaki'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[-‐‑–'’]", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=1)
def gazetteer() -> pd.DataFrame:
    """The gazetteer as read from ``data/gazetteer.csv`` (read once, never mutated)."""
    frame = pd.read_csv(GAZETTEER, dtype={"alt_names": str, "notes": str, "source_url": str},
                        keep_default_na=False)
    return frame.set_index("name", drop=False)


def spellings(name: str, alt_names: str) -> set[str]:
    """Every spelling a report may use for one gazetteer row."""
    names = {name, *(a for a in alt_names.split(";") if a.strip())}
    found = set()
    for raw in names:
        plain = strip_parentheses(raw).strip()
        for candidate in {raw.strip(), plain}:
            found.add(candidate)
            if candidate.lower().endswith((" island", " islands")):
                base = candidate.rsplit(" ", 1)[0]
                found.add(base)
            elif match := _ISLAND_SUFFIX.match(candidate):
                base = match.group("base")
            else:
                continue
            found.update({f"{base} Island", f"{base} Islands"})
    return found


@functools.lru_cache(maxsize=1)
def place_index() -> dict[str, str]:
    """Map each folded spelling to its gazetteer name; the first row wins a shared key."""
    index: dict[str, str] = {}
    for row in gazetteer().itertuples(index=False):
        for spelling in spellings(row.name, row.alt_names):
            key = name_key(spelling)
            if key:
                index.setdefault(key, row.name)
    return index


def fold_ja(name: str) -> str:
    """A Japanese place name folded for lookup: NFKC, no spaces, 龍 as 竜 and 埼 as 崎.

    Releases write 龍飛崎 where the gazetteer has 竜飛崎, and capes end in 崎 or 埼 alike
    (犬吠埼, 尻屋埼): both pairs are one name.

    Examples
    --------
    >>> fold_ja("龍飛 埼")
    '竜飛崎'
    """
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    return text.replace("龍", "竜").replace("埼", "崎")


@functools.lru_cache(maxsize=1)
def japanese_index() -> dict[str, str]:
    """Map each folded Japanese spelling in the gazetteer to its gazetteer name."""
    index: dict[str, str] = {}
    for row in gazetteer().itertuples(index=False):
        for spelling in (row.name, *row.alt_names.split(";")):
            plain = strip_parentheses(spelling).strip()
            if plain and not plain.isascii():
                index.setdefault(fold_ja(plain), row.name)
    return index


class UnknownJapanesePlace(LookupError):
    """A Japanese place name the gazetteer does not know; the message names the closest ones."""


def find_place_ja(name: str) -> str:
    """The gazetteer name of a place written in Japanese (宗谷岬 -> Cape Soya).

    Examples
    --------
    >>> find_place_ja("宗谷岬")
    'Cape Soya'
    """
    import difflib

    index = japanese_index()
    found = index.get(fold_ja(name))
    if found:
        return found
    close = difflib.get_close_matches(fold_ja(name), list(index), n=3, cutoff=0.5)
    hint = f"; closest known: {', '.join(close)}" if close else ""
    raise UnknownJapanesePlace(f"unknown place {name!r}{hint}; add it with a sourced coordinate "
                               "to data/gazetteer.csv (alt_names)")


def place_point(name: str) -> tuple[float, float]:
    """(lat, lon) of a gazetteer name.

    Examples
    --------
    >>> place_point("Cape Soya")
    (45.5229, 141.9366)
    """
    row = gazetteer().loc[name]
    return float(row["lat"]), float(row["lon"])
