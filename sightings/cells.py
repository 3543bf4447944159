"""Sightings as CSV text cells: one formatter for the dataset file and for the downloads.

The dataset (:func:`sightings.store.to_csv_text`) and the downloads (dashboard/export.py)
write the same columns the same way: lists joined with their separator, ISO dates, yes/no,
coordinates to 5 decimals. Downloads are opened in spreadsheets, so they also neutralise
text a spreadsheet would run as a formula (OWASP's CSV-injection advice); the dataset keeps
its words as written.
"""

from __future__ import annotations

import re

import pandas as pd

from sightings.schema import LIST_SEPARATORS

#: List columns and their separator: the dataset's, and the join's ``named_seas``.
SEPARATORS = {**LIST_SEPARATORS, "named_seas": "; "}
DATE_COLUMNS = ("event_date", "report_date")
#: Boolean columns written as yes/no (the others, computed ones, stay true/false).
YES_NO_COLUMNS = ("with_chinese_ships",)
COORDINATE_COLUMNS = ("lat", "lon")
#: Numbers written as short as they are (a bearing of 90, not 90.00000), empty when missing.
PLAIN_NUMBER_COLUMNS = ("bearing_deg", "distance_km")
#: A cell a spreadsheet would evaluate: an ASCII or full-width = + - @, tab or CR first,
#: possibly behind invisible characters (zero-width space, BOM, no-break space) that
#: spreadsheets drop. One character class then one character: linear time.
_FORMULA = "[\u200b\ufeff\u00a0]*[=+\\-@\t\r\uff1d\uff0b\uff0d\uff20]"
FORMULA_START = re.compile("^" + _FORMULA)
#: A cell :func:`neutralise` prefixes: a formula start behind any number of apostrophes, so a
#: cell that already starts with ``'=`` gets one more and :func:`restore` is its exact inverse.
_NEUTRALISABLE = re.compile("^'*" + _FORMULA)
_NEUTRALISED = re.compile("^'+" + _FORMULA)


def neutralise(text: str) -> str:
    """Prefix a cell a spreadsheet would evaluate with an apostrophe.

    A cell that already starts with apostrophes before a formula start gets one more, so
    :func:`restore` undoes exactly this and nothing else.

    Examples
    --------
    >>> neutralise("=1+1"), neutralise("'=1+1"), neutralise("Udaloy")
    ("'=1+1", "''=1+1", 'Udaloy')
    """
    return "'" + text if _NEUTRALISABLE.match(text) else text


def restore(text: str) -> str:
    """A cell as it was before :func:`neutralise`: the app's own download reads back as its rows.

    Only the apostrophe :func:`neutralise` adds goes (one, before a formula start); the
    dataset never stores it.

    Examples
    --------
    >>> restore("'=1+1"), restore("''=1+1"), restore("'tis"), restore("=1+1")
    ('=1+1', "'=1+1", "'tis", '=1+1')
    """
    return text[1:] if _NEUTRALISED.match(text) else text


def as_cells(frame: pd.DataFrame, columns: tuple[str, ...], *, spreadsheet_safe: bool = False) -> pd.DataFrame:
    """``columns`` of ``frame`` as the values a CSV holds (numbers stay numbers).

    ``spreadsheet_safe`` neutralises formula-like text (downloads); the dataset file is
    written without it, so its words round-trip unchanged.
    """
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        values = frame[column]
        if column in SEPARATORS:
            values = values.map(SEPARATORS[column].join)
        elif column in DATE_COLUMNS:
            values = values.dt.strftime("%Y-%m-%d")
        elif column in YES_NO_COLUMNS:
            values = values.map({True: "yes", False: "no"})
        elif column in COORDINATE_COLUMNS:
            values = values.round(5)
        elif column in PLAIN_NUMBER_COLUMNS:
            values = values.map(lambda v: "" if pd.isna(v) else f"{v:.5f}".rstrip("0").rstrip("."))
        if spreadsheet_safe and (values.dtype == object or pd.api.types.is_string_dtype(values)):
            values = values.fillna("").astype(str).map(neutralise)
        out[column] = values
    return out
