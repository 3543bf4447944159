"""Passage statistics of a selection: per strait and year, Russian ships per month, the share with Chinese ships.

Counts of *reports*, not of activity: the record is not equally complete every year (2026
comes from the Joint Staff releases, earlier years from news samples), so every table here
goes out with :func:`rows_by_source`, the number of release rows and news rows behind each
year. Plain functions of the rows :func:`dashboard.filters.apply_filters` selected, so the
statistics follow the filters like every other view.

Each table is counted with ``np.bincount`` over small integer cells (strait code, year,
heading code), not a pandas group-by: a group-by costs milliseconds of set-up even on four
rows, and the statistics are redrawn on every filter change. The ``*_counts`` functions give
the columns as arrays (what the charts read); the tables are those columns as a frame.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.tracks import heading
from sightings.schema import STRAITS

#: The heading of a passage whose direction names no compass point.
NO_HEADING = "not stated"
#: Columns of :func:`passages` (``direction`` only when split by it).
PASSAGE_COLUMNS = ("strait", "year", "sightings", "ships")


def passages(rows: pd.DataFrame, *, by_direction: bool = False) -> pd.DataFrame:
    """Sightings that state a strait passage and their reported ships, per strait and year.

    ``by_direction`` adds a ``direction`` column: the stated heading
    (:func:`geo.tracks.heading`, "not stated" when none). Straits come in the schema's
    order, then years (then headings alphabetically); ships not reported count as none.
    """
    return _table(passage_counts(rows, by_direction=by_direction), {"strait": "str", "direction": "str"})


def passage_counts(rows: pd.DataFrame, *, by_direction: bool = False) -> dict[str, np.ndarray]:
    """The columns of :func:`passages` as arrays."""
    codes = rows["facet:straits"].array
    in_schema = np.array([STRAITS.index(name) if name in STRAITS else -1 for name in codes.categories] + [-1])
    strait = in_schema[codes.codes]                 # the schema's order; -1: no strait
    stated = strait >= 0
    strait, years, ships = strait[stated], _years(rows)[stated], _ships(rows)[stated]
    headings, names = np.zeros(len(strait), dtype=np.int64), np.array([""], dtype=object)
    if by_direction:
        phrasings, uniques = pd.factorize(rows["direction"].array[stated])      # arrow strings: no objects made
        words = [heading(text) or NO_HEADING for text in uniques]            # once per phrasing
        names = np.array(sorted(set(words)), dtype=object)
        headings = np.searchsorted(names, np.array(words, dtype=object)).astype(np.int64)[phrasings] \
            if len(words) else headings
    first = years.min() if len(years) else 0
    span = int(years.max() - first + 1) if len(years) else 1
    cells, sightings, shipped = _count((strait * span + (years - first)) * len(names) + headings,
                                       len(STRAITS) * span * len(names), ships)
    columns = {"strait": np.array(STRAITS, dtype=object)[cells // (span * len(names))],
               "year": (cells // len(names)) % span + first}
    if by_direction:
        columns["direction"] = names[cells % len(names)]
    return {**columns, "sightings": sightings, "ships": shipped}


def ships_per_month(rows: pd.DataFrame) -> pd.DataFrame:
    """Sightings and reported Russian ships per calendar month (``month``: its first day)."""
    counts = ships_per_month_counts(rows)
    return _table({**counts, "month": counts["month"].astype("datetime64[us]")}, {})


def ships_per_month_counts(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    """The columns of :func:`ships_per_month` as arrays (``month``: numpy months)."""
    months = rows["event_date"].to_numpy().astype("datetime64[M]").astype(np.int64)
    first = months.min() if len(months) else 0
    cells, sightings, ships = _count(months - first, int(months.max() - first + 1) if len(months) else 0,
                                     _ships(rows))
    return {"month": (cells + first).astype("datetime64[M]"), "sightings": sightings, "ships": ships}


def chinese_share(rows: pd.DataFrame) -> pd.DataFrame:
    """Per year: sightings, those sailing with Chinese ships, and their share (0 to 1)."""
    return _table(chinese_share_counts(rows), {})


def chinese_share_counts(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    """The columns of :func:`chinese_share` as arrays."""
    year, sightings, with_chinese = _per_year(rows, rows["with_chinese_ships"].to_numpy(dtype=bool))
    return {"year": year, "sightings": sightings, "with_chinese": with_chinese, "share": with_chinese / sightings}


def rows_by_source(rows: pd.DataFrame) -> pd.DataFrame:
    """Per year: how many rows cite a Joint Staff release (``releases``) and how many only news (``news``)."""
    return _table(rows_by_source_counts(rows), {})


def rows_by_source_counts(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    """The columns of :func:`rows_by_source` as arrays."""
    year, total, releases = _per_year(rows, rows["primary_source"].to_numpy(dtype=bool))
    return {"year": year, "releases": releases, "news": total - releases}


def source_note(by_source: pd.DataFrame | dict) -> str:
    """The sentence every chart carries: where each year's rows come from (:func:`rows_by_source`
    or its counts)."""
    years, releases, news = (np.asarray(by_source[column]).tolist() for column in ("year", "releases", "news"))
    if not years:
        return "No rows in this selection."
    listed = "; ".join(f"{year}: {r} from releases, {n} from news" for year, r, n in zip(years, releases, news))
    mostly = [year for year, r, n in zip(years, releases, news) if r > n]
    lead = (f"{', '.join(map(str, mostly))} mostly from Joint Staff releases, other years from news samples"
            if mostly else "all years from news samples")
    return (f"Where each year's rows come from: {lead} ({listed}). The counts compare reports, not activity: "
            "a rise where the source changes is not a rise in activity.")


def _years(rows: pd.DataFrame) -> np.ndarray:
    return rows["event_date"].to_numpy().astype("datetime64[Y]").astype(np.int64) + 1970


def _ships(rows: pd.DataFrame) -> np.ndarray:
    return rows["ships"].to_numpy(dtype=np.int64, na_value=0)


def _per_year(rows: pd.DataFrame, flags: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(years present, rows per year, rows per year with ``flags`` set)."""
    years = _years(rows)
    first = years.min() if len(years) else 0
    cells, total, flagged = _count(years - first, int(years.max() - first + 1) if len(years) else 0,
                                   flags.astype(np.int64))
    return cells + first, total, flagged


def _count(cells: np.ndarray, size: int, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(cells holding a row, rows per such cell, sum of ``weights`` per such cell) of integer
    ``cells`` in ``[0, size)``, cells ascending."""
    rows = np.bincount(cells, minlength=size)
    sums = np.bincount(cells, weights=weights, minlength=size)
    present = np.flatnonzero(rows)
    return present.astype(np.int64), rows[present].astype(np.int64), np.rint(sums[present]).astype(np.int64)


def _table(columns: dict[str, np.ndarray], dtypes: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.array(values, dtype=dtypes[name]) if name in dtypes else values
                         for name, values in columns.items()})
