"""Passage statistics of a selection: per strait and year, Russian ships per month, the share with Chinese ships.

Counts of *reports*, not of activity: the record is not equally complete every year (2026
comes from the Joint Staff releases, earlier years from news samples), so every table here
goes out with :func:`rows_by_source`, the number of release rows and news rows behind each
year. Plain functions of the rows :func:`dashboard.filters.apply_filters` selected, so the
statistics follow the filters like every other view.
"""

from __future__ import annotations

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
    order, then years; ships not reported count as none.
    """
    part = rows[rows["strait"] != ""]
    keys = ["strait", "year"] + (["direction"] if by_direction else [])
    table = pd.DataFrame({
        "strait": part["strait"].astype(str), "year": part["event_date"].dt.year.astype(int),
        "ships": part["ships"].fillna(0).astype(int),
    })
    if by_direction:
        headings = {text: heading(text) or NO_HEADING for text in part["direction"].unique()}   # once per phrasing
        table["direction"] = part["direction"].map(headings)
    out = table.groupby(keys, sort=False).agg(sightings=("ships", "size"), ships=("ships", "sum")).reset_index()
    order = {strait: i for i, strait in enumerate(STRAITS)}
    out = out.sort_values(keys, key=lambda column: column.map(order) if column.name == "strait" else column)
    columns = ["strait", "year"] + (["direction"] if by_direction else []) + ["sightings", "ships"]
    return out[columns].reset_index(drop=True).astype({"sightings": int, "ships": int})


def ships_per_month(rows: pd.DataFrame) -> pd.DataFrame:
    """Sightings and reported Russian ships per calendar month (``month``: its first day)."""
    months = rows["event_date"].dt.to_period("M").dt.to_timestamp()
    table = pd.DataFrame({"month": months, "ships": rows["ships"].fillna(0).astype(int)})
    out = table.groupby("month").agg(sightings=("ships", "size"), ships=("ships", "sum")).reset_index()
    return out.astype({"sightings": int, "ships": int})


def chinese_share(rows: pd.DataFrame) -> pd.DataFrame:
    """Per year: sightings, those sailing with Chinese ships, and their share (0 to 1)."""
    table = pd.DataFrame({"year": rows["event_date"].dt.year.astype(int),
                          "with_chinese": rows["with_chinese_ships"].astype(bool)})
    out = table.groupby("year").agg(sightings=("with_chinese", "size"), with_chinese=("with_chinese", "sum"))
    out = out.reset_index().astype({"sightings": int, "with_chinese": int})
    out["share"] = out["with_chinese"] / out["sightings"]
    return out


def rows_by_source(rows: pd.DataFrame) -> pd.DataFrame:
    """Per year: how many rows cite a Joint Staff release (``releases``) and how many only news (``news``)."""
    table = pd.DataFrame({"year": rows["event_date"].dt.year.astype(int),
                          "primary": rows["primary_source"].astype(bool)})
    out = table.groupby("year").agg(releases=("primary", "sum"), rows=("primary", "size")).reset_index()
    out["news"] = out["rows"] - out["releases"]
    return out[["year", "releases", "news"]].astype(int)


def source_note(by_source: pd.DataFrame) -> str:
    """The sentence every chart carries: where each year's rows come from (:func:`rows_by_source`)."""
    if by_source.empty:
        return "No rows in this selection."
    years = "; ".join(f"{row.year}: {row.releases} from releases, {row.news} from news"
                      for row in by_source.itertuples())
    mostly = by_source[by_source["releases"] > by_source["news"]]["year"].tolist()
    lead = (f"{', '.join(map(str, mostly))} mostly from Joint Staff releases, other years from news samples"
            if mostly else "all years from news samples")
    return (f"Where each year's rows come from: {lead} ({years}). The counts compare reports, not activity: "
            "a rise where the source changes is not a rise in activity.")
