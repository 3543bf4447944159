"""Passage statistics of seven hand-made rows, every table written out (mutants of sightings/stats.py).

a and b are one voyage's passage of Soya heading east, seen on 31 Dec 2022 and 1 Jan 2023: one
passage of 2022 with 2 + 3 ship-sightings and two hulls. c names Tsugaru with no direction, no
voyage and no ship count; d names no strait; e and g are Tsushima rows of no voyage, one with no
compass word (heading "not stated"), one heading north; f is Tsugaru heading northwest in 2024.
"""

import datetime as dt

import pandas as pd
import pytest

from sightings.stats import (PASSAGE_COLUMNS, announcement_mask, busiest_months, chinese_share, month_grid,
                             month_is_outside, month_is_partial, month_totals, passage_rows, passage_table, passages,
                             period_counts, rows_by_source, ships_per_month, source_note, unit_counts, with_partial)

ROWS = pd.DataFrame({
    "id": ["a", "b", "c", "d", "e", "f", "g"],
    "event_date": pd.to_datetime(["2022-12-31", "2023-01-01", "2023-02-01", "2023-02-02", "2023-03-01",
                                  "2024-05-05", "2023-03-02"]),
    "strait": ["Soya", "Soya", "Tsugaru", "", "Tsushima", "Tsugaru", "Tsushima"],
    "direction": ["east", "east, toward the Pacific", None, "west", "toward the Pacific", "northwest", "north"],
    "voyage_id": ["v1", "v1", None, "v2", "", "v3", ""],
    "ships": pd.array([2, 3, None, 1, 4, 1, 2], dtype="Int64"),
    "hull_numbers": [["548"], ["548", "011"], [], ["7"], ["548"], [], []],
})


def line(strait, year, heading, passages_, ship_sightings, hulls, unknown):
    return dict(zip(PASSAGE_COLUMNS, (strait, year, heading, passages_, ship_sightings, hulls, unknown), strict=True))


def test_stats_mutant001_passage_rows_keys_headings_and_years():
    got = passage_rows(ROWS)
    assert got[["id", "strait", "heading", "passage", "year"]].astype({"strait": str, "heading": str}).values.tolist() == [
        ["a", "Soya", "east", "v1|Soya|east", 2022],
        ["b", "Soya", "east", "v1|Soya|east", 2022],               # the passage's year is its first sighting's
        ["c", "Tsugaru", "not stated", "row c|Tsugaru|not stated", 2023],
        ["e", "Tsushima", "not stated", "row e|Tsushima|not stated", 2023],
        ["f", "Tsugaru", "northwest", "v3|Tsugaru|northwest", 2024],
        ["g", "Tsushima", "north", "row g|Tsushima|north", 2023],
    ]
    assert list(got["heading"].cat.categories) == ["east", "north", "northwest", "not stated"]
    assert list(got["strait"].cat.categories)[:3] == ["Soya", "Tsugaru", "Tsushima"]
    assert got["ships"].tolist()[:3] == [2, 3, pd.NA] and got["hull_numbers"].tolist()[1] == ["548", "011"]
    assert got["event_date"].tolist()[0] == pd.Timestamp("2022-12-31")


def test_stats_mutant002_passages_table():
    assert passages(ROWS).to_dict("records") == [
        line("Soya", 2022, "east", 1, 5, 2, 0),
        line("Tsugaru", 2023, "not stated", 1, 0, 0, 1),
        line("Tsugaru", 2024, "northwest", 1, 1, 0, 0),
        line("Tsushima", 2023, "north", 1, 2, 0, 0),
        line("Tsushima", 2023, "not stated", 1, 4, 1, 0),
    ]
    assert {name: str(dtype) for name, dtype in passages(ROWS).dtypes.items()} == {
        "strait": "str", "year": "int64", "heading": "str", "passages": "int64", "ship_sightings": "int64",
        "distinct_hulls": "int64", "unknown_counts": "int64"}


def test_stats_mutant003_passage_table_zero_lines_in_the_straits_order_given():
    assert passage_table(ROWS, ("Tsugaru", "Soya")).to_dict("records") == [
        line("Tsugaru", 2022, "all", 0, 0, 0, 0),
        line("Tsugaru", 2023, "not stated", 1, 0, 0, 1),
        line("Tsugaru", 2024, "northwest", 1, 1, 0, 0),
        line("Soya", 2022, "east", 1, 5, 2, 0),
        line("Soya", 2023, "all", 0, 0, 0, 0),
        line("Soya", 2024, "all", 0, 0, 0, 0),
    ]
    assert passage_table(ROWS, ("Tsushima",)).index.tolist() == [0, 1, 2, 3]
    assert passage_table(ROWS, ()).to_dict("records") == []
    empty = passage_table(ROWS.iloc[0:0])
    assert list(empty.columns) == list(PASSAGE_COLUMNS) and empty.index.tolist() == []


def test_stats_mutant004_ships_per_month():
    assert ships_per_month(ROWS).to_dict("records") == [
        {"month": pd.Timestamp("2022-12-01"), "sightings": 1, "ship_sightings": 2, "unknown_counts": 0},
        {"month": pd.Timestamp("2023-01-01"), "sightings": 1, "ship_sightings": 3, "unknown_counts": 0},
        {"month": pd.Timestamp("2023-02-01"), "sightings": 2, "ship_sightings": 1, "unknown_counts": 1},
        {"month": pd.Timestamp("2023-03-01"), "sightings": 2, "ship_sightings": 6, "unknown_counts": 0},
        {"month": pd.Timestamp("2024-05-01"), "sightings": 1, "ship_sightings": 1, "unknown_counts": 0},
    ]


def test_stats_mutant005_chinese_share_and_rows_by_source():
    rows = pd.DataFrame({"event_date": pd.to_datetime(["2021-10-18", "2021-10-20", "2021-11-01", "2022-05-02"]),
                         "with_chinese_ships": [True, False, True, False],
                         "primary_source": [False, True, True, False]})
    assert chinese_share(rows).to_dict("records") == [
        {"year": 2021, "sightings": 3, "with_chinese": 2, "share": 2 / 3},
        {"year": 2022, "sightings": 1, "with_chinese": 0, "share": 0.0}]
    assert rows_by_source(rows).to_dict("records") == [{"year": 2021, "releases": 2, "news": 1},
                                                       {"year": 2022, "releases": 0, "news": 1}]
    assert str(rows_by_source(rows)["news"].dtype) == "int64"


TAIL = " The counts compare reports, not activity: a rise where the source changes is not a rise in activity."


def by_source(*years):
    return pd.DataFrame(years, columns=["year", "releases", "news"])


def test_stats_mutant006_source_note_every_case():
    assert source_note(by_source((2024, 3, 1), (2025, 2, 2), (2026, 0, 5))) == (
        "Where each year's rows come from: 2024 mostly from Joint Staff releases; 2025 half from releases, half from "
        "news; other years mostly from news samples (2024: 3 from releases, 1 from news; 2025: 2 from releases, "
        "2 from news; 2026: 0 from releases, 5 from news)." + TAIL)
    assert source_note(by_source((2020, 0, 1), (2021, 1, 2))) == (
        "Where each year's rows come from: all years mostly from news samples (2020: 0 from releases, 1 from news; "
        "2021: 1 from releases, 2 from news)." + TAIL)
    assert source_note(by_source((2025, 3, 1), (2026, 4, 0))) == (
        "Where each year's rows come from: 2025, 2026 mostly from Joint Staff releases (2025: 3 from releases, "
        "1 from news; 2026: 4 from releases, 0 from news)." + TAIL)
    assert source_note(by_source((2022, 1, 1), (2023, 2, 2))) == (
        "Where each year's rows come from: 2022, 2023 half from releases, half from news (2022: 1 from releases, "
        "1 from news; 2023: 2 from releases, 2 from news)." + TAIL)
    assert source_note(by_source()) == "No rows in this selection."


def test_stats_mutant007_straits_in_the_schema_order_and_integer_years():
    rows = pd.DataFrame({"id": ["o", "t"], "event_date": pd.to_datetime(["2022-01-01", "2022-02-01"]),
                         "strait": ["Osumi", "Tsugaru"], "direction": ["east", "west"], "voyage_id": ["", ""],
                         "ships": pd.array([1, 1], dtype="Int64"), "hull_numbers": [[], []]})
    assert passages(rows)["strait"].tolist() == ["Tsugaru", "Osumi"]            # not the alphabet's Osumi first
    share = chinese_share(pd.DataFrame({"event_date": pd.to_datetime(["2021-10-18"]), "with_chinese_ships": [True]}))
    assert {name: str(dtype) for name, dtype in share.dtypes.items()} == {
        "year": "int64", "sightings": "int64", "with_chinese": "int64", "share": "float64"}


# -- passage_table's period, partial years and empty selections (survivors of make mutation) ----------

def _tsugaru(*rows):
    """(id, day, heading, ships, hulls) rows through the Tsugaru Strait, each a voyage of its own."""
    return pd.DataFrame({"id": [r[0] for r in rows], "event_date": pd.to_datetime([r[1] for r in rows]),
                         "strait": ["Tsugaru"] * len(rows), "direction": [r[2] for r in rows],
                         "voyage_id": [""] * len(rows), "ships": pd.array([r[3] for r in rows], dtype="Int64"),
                         "hull_numbers": [r[4] for r in rows]})


def test_stats_mutant101_no_rows_is_no_lines_even_with_the_partial_column():
    got = passage_table(_tsugaru(("a", "2022-03-14", "west", 4, ["011"])).iloc[0:0], ("Tsugaru",), partial=True)
    assert got.empty and list(got.columns) == ["strait", "year", "heading", "passages", "ship_sightings",
                                                "distinct_hulls", "unknown_counts", "partial"]
    assert passage_table(_tsugaru(("a", "2022-03-14", "west", 4, ["011"])), ()).empty


def test_stats_mutant102_the_period_end_not_the_data_date_bounds_the_years():
    """One 2022 passage; the period ends 31 Dec 2024 and the data run to 2026: zero lines for 2023
    and 2024, none for 2025 or 2026."""
    got = passage_table(_tsugaru(("a", "2022-03-14", "west", 4, ["011"])), ("Tsugaru",),
                        end=dt.date(2024, 12, 31), current_to=dt.date(2026, 1, 1))
    assert got.values.tolist() == [["Tsugaru", 2022, "west", 1, 4, 1, 0], ["Tsugaru", 2023, "all", 0, 0, 0, 0],
                                   ["Tsugaru", 2024, "all", 0, 0, 0, 0]]


def test_stats_mutant103_a_year_cut_by_the_periods_start_is_partial():
    """From 1 Mar 2022: 2022 is cut short (partial), 2023 whole (the data run to 2026)."""
    got = passage_table(_tsugaru(("a", "2022-03-14", "west", 4, ["011"]), ("b", "2023-05-01", "east", 2, [])),
                        ("Tsugaru",), start=dt.date(2022, 3, 1), current_to=dt.date(2026, 1, 1), partial=True)
    assert got.values.tolist() == [["Tsugaru", 2022, "west", 1, 4, 1, 0, True],
                                   ["Tsugaru", 2023, "east", 1, 2, 0, 0, False]]


def test_stats_mutant104_three_busiest_months_by_default_ties_in_calendar_order():
    """Four months with sightings: March 2, then January, June and December 1 each; the default is
    three months, a tie in calendar order (January, June), December left out."""
    rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-12-01", "2022-06-01", "2023-03-14", "2024-03-02",
                                                       "2024-01-20"])})
    assert busiest_months(rows) == [("Mar", 2), ("Jan", 1), ("Jun", 1)]


def test_stats_mutant105_a_year_cut_by_the_periods_end_is_partial_without_a_data_date():
    """To 30 Jun 2023, no data date: 2022 whole, 2023 cut short by the period's end."""
    got = passage_table(_tsugaru(("a", "2022-03-14", "west", 4, ["011"]), ("b", "2023-05-01", "east", 2, [])),
                        ("Tsugaru",), end=dt.date(2023, 6, 30), partial=True)
    assert got["partial"].tolist() == [False, True]
    assert with_partial(pd.DataFrame({"year": [2022, 2023]}), end=dt.date(2023, 6, 30))["partial"].tolist() == [
        False, True]
    assert str(with_partial(pd.DataFrame({"year": pd.Series([], dtype="int64")}))["partial"].dtype) == "bool"


def test_stats_mutant106_no_strait_chosen_is_no_lines_of_the_usual_types():
    got = passage_table(ROWS, ())
    assert got.empty and {name: str(dtype) for name, dtype in got.dtypes.items()} == {
        "strait": "str", "year": "int64", "heading": "str", "passages": "int64", "ship_sightings": "int64",
        "distinct_hulls": "int64", "unknown_counts": "int64"}


SEPTEMBER = pd.Timestamp("2026-09-01")


@pytest.mark.parametrize(("start", "end", "current_to", "partial"), [
    (None, None, None, False),
    (dt.date(2026, 9, 1), None, None, False),            # the period starts on the 1st: the whole month
    (dt.date(2026, 9, 2), None, None, True),
    (None, dt.date(2026, 9, 30), None, False),           # ends on the 30th: the whole month
    (None, dt.date(2026, 9, 29), None, True),
    (None, None, dt.date(2026, 9, 30), False),
    (None, None, dt.date(2026, 9, 15), True),
])
def test_stats_mutant107_a_month_is_partial_when_a_day_of_it_is_cut(start, end, current_to, partial):
    assert month_is_partial(SEPTEMBER, start, end, current_to) is partial


@pytest.mark.parametrize(("start", "end", "current_to", "outside"), [
    (None, None, None, False),
    (dt.date(2026, 9, 30), None, None, False),           # the period holds the month's last day
    (dt.date(2026, 10, 1), None, None, True),
    (None, dt.date(2026, 9, 1), None, False),            # ... or its first day
    (None, dt.date(2026, 8, 31), None, True),
    (None, None, dt.date(2026, 9, 1), False),            # the record reaches its first day
    (None, None, dt.date(2026, 8, 31), True),
])
def test_stats_mutant108_a_month_is_outside_when_no_day_of_it_is_in_the_period_and_record(start, end, current_to,
                                                                                         outside):
    assert month_is_outside(SEPTEMBER, start, end, current_to) is outside


def test_stats_mutant109_month_grid_widens_to_the_periods_years_and_names_its_axes():
    """Two sightings in 2022 and an announcement; the period runs to 2024: 2023 and 2024 are zero lines."""
    rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-14", "2022-03-15", "2022-05-01"]),
                         "activity": ["transit", "transit", "exercise (announced)"]})
    grid = month_grid(rows, end=dt.date(2024, 12, 31))
    assert grid.index.tolist() == [2022, 2023, 2024] and grid.columns.tolist() == list(range(1, 13))
    assert (grid.index.name, grid.columns.name) == ("year", "month")
    assert grid.loc[2022].tolist() == [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert grid.loc[[2023, 2024]].to_numpy().sum() == 0 and set(map(str, grid.dtypes)) == {"int64"}


def test_stats_mutant110_month_totals_count_the_years_each_month_is_inside_the_period():
    """Sightings on 14 Mar 2022 and 1 Mar 2023; the period 1 Mar 2022 - 1 Mar 2024 holds January
    and February of 2023 and 2024 (2022's are before it), March of all three years (its last day is
    1 Mar 2024), April to December of 2022 and 2023. Data to 15 Feb 2024 leave March 2024 out."""
    rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-14", "2023-03-01"])})
    got = month_totals(rows, dt.date(2022, 3, 1), dt.date(2024, 3, 1))
    assert got["years"].tolist() == [2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2]
    assert got["sightings"].tolist() == [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert month_totals(rows, dt.date(2022, 3, 1), dt.date(2024, 3, 1), dt.date(2024, 2, 15))["years"].tolist() == [
        2] * 12
    from_july = month_totals(rows, dt.date(2021, 7, 1))                # the period widens the span back to 2021
    assert from_july["years"].tolist() == [2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3]
    till_march = month_totals(rows, None, dt.date(2023, 3, 1))          # no data date: the end alone cuts
    assert till_march["years"].tolist() == [2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    none = month_totals(rows.iloc[0:0])
    assert none["sightings"].tolist() == [0] * 12 and none["years"].tolist() == [0] * 12
    assert none["month"].tolist() == list(range(1, 13))


def test_stats_mutant111_announcements_are_found_by_their_words_a_missing_activity_is_none():
    rows = pd.DataFrame({"activity": [None, "exercise (announced by Russian MOD)", "transit", "announced"]})
    assert announcement_mask(rows).tolist() == [False, True, False, False]
    assert announcement_mask(pd.DataFrame({"id": ["a"]})).tolist() == [False]


def test_stats_mutant112_unit_counts_a_row_of_no_voyage_is_a_group_of_its_own():
    """Rows a and b share voyage v1; c and e (None) and d ("") have no voyage: four groups."""
    rows = pd.DataFrame({"id": ["a", "b", "c", "d", "e"], "event_date": pd.to_datetime(["2026-01-05"] * 5),
                         "strait": [""] * 5, "direction": [""] * 5,
                         "voyage_id": ["v1", "v1", None, "", None], "ships": pd.array([1, 1, 2, None, 1], dtype="Int64"),
                         "hull_numbers": [["333"], [], [], [], []], "activity": ["transit"] * 5})
    assert unit_counts(rows) == {"passages": 0, "ship_groups": 4, "distinct_ships": 1, "sightings": 5,
                                 "ship_sightings": 5, "announcements": 0}


def test_stats_mutant113_period_counts_every_strait_and_every_type_asked_for():
    """One Soya passage seen twice (voyage v1), one Tsugaru row, an announcement through Soya."""
    rows = pd.DataFrame({"id": ["a", "b", "c", "d"], "event_date": pd.to_datetime(["2026-01-05"] * 4),
                         "strait": ["Soya", "Soya", "Tsugaru", "Soya"], "direction": ["east", "east", "west", "east"],
                         "voyage_id": ["v1", "v1", "", ""], "ships": pd.array([2, 2, 1, 9], dtype="Int64"),
                         "hull_numbers": [[], [], [], []], "destroyer": [True, True, False, True],
                         "activity": ["transit", "transit", "transit", "exercise (announced)"]})
    got = period_counts(rows, {"Destroyer": "destroyer", "Frigate": "frigate"})
    assert got == {"passages: Soya": 1, "passages: Tsugaru": 1, "passages: Tsushima": 0, "passages: Osumi": 0,
                   "passages: Miyako": 0, "passages: Yonaguni": 0, "passages: Nemuro": 0,
                   "sightings: Destroyer": 2, "sightings: Frigate": 0}
