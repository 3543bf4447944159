"""One search box over everything a reader may remember of a sighting, saying where it matched.

The texts searched are the pipeline's ``search:<field>`` columns (:mod:`sightings.textsearch`:
the phrase, the release sentence, notes, source names, vessels, the register's ship names,
class spellings and place names, folded with NFKC + casefold). :func:`find` folds the query
the same way, cut to :data:`MAX_QUERY` characters first, and tests it as a plain substring
(no pattern from user input, linear time); it reports every field that holds it, which the
table shows as "Matched in". A frame without the columns (a hand-made test frame) has them
built on the fly, with the same code.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sightings.pipeline import classes_of
from sightings.textsearch import FIELDS, PREFIX, fold, search_fields

#: Search field -> the label the table's "Matched in" column shows, in the order shown.
LABELS = {
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
#: Longest query searched (the facet cleans to 80 already; this bounds direct callers too).
MAX_QUERY = 80


def find(frame: pd.DataFrame, query: str) -> pd.Series:
    """Per row, the labels (:data:`LABELS`) of the fields holding ``query``, ", "-joined; "" for none.

    An empty query matches nothing here (the facet treats it as no filter).

    >>> rows = pd.DataFrame({"location_text": ["off Cape Erimo", "Soya"], "location_text_ja": ["", ""],
    ...     "notes": ["", "Nikolai Vilkov named"], "source_names": [[], []], "vessels": [[], []],
    ...     "ship_types": [[], []], "hull_numbers": [[], ["081"]]})
    >>> find(rows, "ＶＩＬＫＯＶ").tolist(), find(rows, "襟裳岬").tolist()
    (['', 'vessel register, notes'], ['place', ''])
    """
    needle = fold(" ".join(str(query)[:MAX_QUERY].split()))
    if not needle:
        return pd.Series("", index=frame.index)
    fields = _fields(frame)
    hits = {LABELS[key]: fields[key].str.contains(needle, regex=False).to_numpy() for key in FIELDS}
    return pd.Series([", ".join(label for label, found in hits.items() if found[i]) for i in range(len(frame))],
                     index=frame.index)


def mask(frame: pd.DataFrame, query: str) -> np.ndarray:
    """Rows of ``frame`` in which any field holds ``query`` (the text facet's mask)."""
    return (find(frame, query) != "").to_numpy()


def matched_in(records: list[dict], rows: pd.DataFrame, query: str) -> list[dict]:
    """The table's records with ``matched_in`` set from ``rows`` (the rows they were made from, by id).

    With no query every record gets "" (the column stays empty).

    >>> rows = pd.DataFrame({"id": ["a"], "location_text": ["Soya"], "location_text_ja": [""], "notes": [""],
    ...     "source_names": [[]], "vessels": [[]], "ship_types": [[]], "hull_numbers": [[]]})
    >>> matched_in([{"id": "a"}], rows, "soya")
    [{'id': 'a', 'matched_in': 'phrase'}]
    """
    found = dict(zip(rows["id"], find(rows, query), strict=True)) if query else {}
    return [{**record, "matched_in": found.get(record["id"], "")} for record in records]


def _fields(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame's stored search fields, or, for a frame without them, the same fields built now."""
    columns = [PREFIX + key for key in FIELDS]
    if all(column in frame for column in columns):
        return frame[columns].rename(columns=lambda c: c[len(PREFIX):])
    empty = [[]] * len(frame)
    row_classes = [classes_of(list(t), list(v), list(c)) for t, v, c in zip(
        *(frame[column] if column in frame else empty for column in ("ship_types", "vessels", "chinese_vessels")),
        strict=True)]
    return search_fields(frame, row_classes)
