"""Issue 25 items 1-3 on hand-made rows with literal answers: partial years and months, the
statistics CSV's ``partial`` column and zero lines, the year x month grid, month-of-year totals,
the busiest months, each unit's count against an independent pandas expression, and the period
comparison (this period, a year earlier, the previous period of equal length)."""

import datetime as dt

import pandas as pd
import pytest

from sightings.stats import (announcement_mask, busiest_months, month_grid, month_is_partial, month_totals,
                             passage_table, unit_counts, year_is_partial)
from tests.stats_rows import stats_rows

D = dt.date
NA = None


_rows = stats_rows


#: 2024 to 2026: a voyage through Soya east and back west (three rows), two Tsugaru passages with
#: no voyage, a Tsushima passage in 2024, an open-sea detection, and an announced exercise of
#: "40 ships" that is not a sighting.
ROWS = _rows(
    ("a1", "2024-03-10", "Tsushima", "north", "", 3, ["011"], "transit", False, "destroyer"),
    ("a2", "2025-06-01", "Soya", "east", "v1", 2, ["333"], "transit", False, "frigate"),
    ("a3", "2025-06-02", "Soya", "east", "v1", 2, ["333", "343"], "transit", False, "frigate"),
    ("a4", "2025-06-20", "Soya", "west", "v1", 2, ["343"], "transit", False, "frigate"),
    ("a5", "2025-06-18", "", "", "", 40, [], "exercise (announced by Russian MOD)", False, ""),
    ("a6", "2026-03-05", "Tsugaru", "east", "", 1, ["548"], "transit", True, "destroyer"),
    ("a7", "2026-03-30", "Tsugaru", "west", "", NA, [], "transit", True, "destroyer"),
    ("a8", "2026-08-01", "", "", "v9", 4, ["548", "564"], "detection", False, "destroyer"),
)


@pytest.mark.parametrize(("year", "start", "end", "current_to", "want"), [
    (2025, None, None, D(2026, 9, 15), False),
    (2026, None, None, D(2026, 9, 15), True),            # the record stops inside 2026
    (2026, None, None, D(2026, 12, 31), False),
    (2022, D(2022, 1, 1), D(2022, 12, 31), None, False),
    (2022, D(2022, 1, 2), None, None, True),               # the period starts after 1 Jan
    (2023, None, D(2023, 12, 30), None, True),             # the period ends before 31 Dec
    (2024, D(2022, 3, 1), D(2026, 5, 1), None, False),     # a middle year of the period is whole
])
def test_period001_year_is_partial(year, start, end, current_to, want):
    assert year_is_partial(year, start, end, current_to) is want


def test_period002_month_is_partial():
    assert month_is_partial(pd.Timestamp("2026-09-01"), current_to=D(2026, 9, 15)) is True
    assert month_is_partial(pd.Timestamp("2026-08-01"), current_to=D(2026, 9, 15)) is False
    assert month_is_partial(pd.Timestamp("2026-08-01"), current_to=D(2026, 8, 31)) is False
    assert month_is_partial(pd.Timestamp("2026-02-01"), start=D(2026, 2, 2)) is True
    assert month_is_partial(pd.Timestamp("2026-02-01"), end=D(2026, 2, 27)) is True
    assert month_is_partial(pd.Timestamp("2026-02-01"), end=D(2026, 2, 28)) is False


def test_period003_passage_table_marks_partial_years_and_lists_every_strait_year():
    """The statistics CSV's table: one line per strait x year of the period (zeros with heading
    "all"), the ``partial`` column true for 2026 (data to 15 Sep) and 2024 (period from 1 Mar)."""
    got = passage_table(ROWS, ("Soya", "Tsugaru"), start=D(2024, 3, 1), end=D(2026, 12, 31),
                        current_to=D(2026, 9, 15), partial=True)
    assert got[["strait", "year", "heading", "passages", "partial"]].values.tolist() == [
        ["Soya", 2024, "all", 0, True],
        ["Soya", 2025, "east", 1, False],
        ["Soya", 2025, "west", 1, False],
        ["Soya", 2026, "all", 0, True],
        ["Tsugaru", 2024, "all", 0, True],
        ["Tsugaru", 2025, "all", 0, False],
        ["Tsugaru", 2026, "east", 1, True],
        ["Tsugaru", 2026, "west", 1, True],
    ]


def test_period004_period_years_without_rows_are_zero_lines():
    """A period from 2023 to 2027 with rows only in 2025: 2023 and 2024 are zero lines, and the years
    stop at the data-current-to date's year (2026), not the period's end (2027)."""
    rows = ROWS[ROWS["id"].isin(["a2"])]
    got = passage_table(rows, ("Soya",), start=D(2023, 1, 1), end=D(2027, 12, 31), current_to=D(2026, 9, 15),
                        partial=True)
    assert got[["year", "passages", "partial"]].values.tolist() == [
        [2023, 0, False], [2024, 0, False], [2025, 1, False], [2026, 0, True]]


def test_period005_month_grid_has_every_year_and_month_with_zeros():
    grid = month_grid(ROWS)
    assert list(grid.index) == [2024, 2025, 2026] and list(grid.columns) == list(range(1, 13))
    assert grid.loc[2025].tolist() == [0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0]      # the announcement is not in it
    assert grid.loc[2026].tolist() == [0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0]
    assert grid.loc[2024].tolist() == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert int(grid.to_numpy().sum()) == 7


def test_period006_month_totals_and_busiest_months():
    totals = month_totals(ROWS)
    assert totals["sightings"].tolist() == [0, 0, 3, 0, 0, 3, 0, 1, 0, 0, 0, 0]
    assert totals["name"].tolist()[:3] == ["Jan", "Feb", "Mar"]
    assert busiest_months(ROWS) == [("Mar", 3), ("Jun", 3), ("Aug", 1)]
    assert busiest_months(ROWS, 1) == [("Mar", 3)]
    assert busiest_months(ROWS.iloc[0:0]) == []


def test_units001_each_unit_against_an_independent_pandas_expression():
    """Each unit's count equals a plain pandas expression written here, announcements left out."""
    got = unit_counts(ROWS)
    ships = ROWS[~ROWS["activity"].str.contains("announced by")]
    keys = ships.assign(key=ships["voyage_id"].where(ships["voyage_id"] != "", ships["id"]))
    heading = ships["direction"].str.split(",").str[0]
    passages = keys[keys["strait"] != ""].assign(h=heading)[["key", "strait", "h"]].drop_duplicates()
    want = {"passages": len(passages), "ship_groups": keys["key"].nunique(),
            "distinct_ships": ships["hull_numbers"].explode().dropna().nunique(), "sightings": len(ships),
            "ship_sightings": int(ships["ships"].sum()), "announcements": len(ROWS) - len(ships)}
    assert got == want
    assert got == {"passages": 5, "ship_groups": 5, "distinct_ships": 5, "sightings": 7, "ship_sightings": 14,
                   "announcements": 1}


def test_units002_announcements_are_not_sightings():
    assert announcement_mask(ROWS).tolist() == [False, False, False, False, True, False, False, False]
    assert announcement_mask(ROWS.drop(columns="activity")).tolist() == [False] * 8


def test_period007_month_totals_say_how_many_years_each_month_sums():
    """2024-2026 with data to 15 Sep 2026 and a period from 1 Mar 2024: Jan and Feb lie in two years
    (2025, 2026), Mar to Sep in three, Oct to Dec in two (2024, 2025)."""
    totals = month_totals(ROWS, start=D(2024, 3, 1), current_to=D(2026, 9, 15))
    assert totals["years"].tolist() == [2, 2, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2]
    assert month_totals(ROWS)["years"].tolist() == [3] * 12


def test_period008_month_grid_widens_to_the_chosen_period():
    """One row in 2025, a period 2024 to 2027 and data to 15 Sep 2026: 2024 and 2026 are lines of zeros."""
    grid = month_grid(ROWS[ROWS["id"] == "a2"], D(2024, 1, 1), D(2027, 12, 31), D(2026, 9, 15))
    assert list(grid.index) == [2024, 2025, 2026]
    assert grid.sum(axis=1).tolist() == [0, 1, 0]
