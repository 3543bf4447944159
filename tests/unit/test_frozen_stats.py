"""Passage statistics on the frozen fixture (tests/fixtures/README.md), with literal answers.

Every expected line is worked out by hand from the fixture's rows: a passage is one group
(voyage) through one strait on one heading, in the year of its first sighting; a strait-year
with no passage is one zero line, heading "all". Nothing here is computed by the code under test.
"""

import io

import pandas as pd
import pytest

from sightings.stats import chinese_share, passage_table, passages, rows_by_source, ships_per_month


def test_frozen_stats001_passages_per_strait_year_and_heading(frozen):
    """Soya 2023: fx-01 east and fx-02 west, one voyage, two passages (hulls 333, 335 each).
    Soya 2025 east: fx-17 (1 ship, 548) and fx-25 (2 ships, 548 + 564): two passages, 3 ship-sightings,
    2 distinct hulls. Tsugaru 2023 west: fx-03 + fx-04, one voyage seen twice: ONE passage, 2 ship-sightings.
    Tsugaru 2024 east: fx-12, no ship count. Tsushima 2024 northeast: fx-09 (2 ships: 011, 564) and the
    voyage fx-13 (31 Dec 2024) + fx-14 (1 Jan 2025), counted in 2024: 2 passages, 4 ship-sightings,
    hulls 011, 564, 715. Yonaguni 2023: fx-24 names no compass point: "not stated", after the others.
    Rows without a strait (fx-06, 07, 08, 10, 11, 19, 22) are no passage."""
    assert passages(frozen).values.tolist() == [
        ["Soya", 2023, "east", 1, 2, 2, 0],
        ["Soya", 2023, "west", 1, 2, 2, 0],
        ["Soya", 2025, "east", 2, 3, 2, 0],
        ["Soya", 2025, "west", 1, 2, 2, 0],
        ["Tsugaru", 2023, "west", 1, 2, 1, 0],
        ["Tsugaru", 2024, "east", 1, 0, 0, 1],
        ["Tsushima", 2023, "southwest", 1, 1, 1, 0],
        ["Tsushima", 2024, "northeast", 2, 4, 3, 0],
        ["Tsushima", 2025, "northeast", 1, 1, 1, 0],
        ["Tsushima", 2025, "southwest", 1, 2, 1, 0],
        ["Miyako", 2024, "north", 1, 2, 0, 0],
        ["Miyako", 2025, "south", 1, 2, 0, 0],
        ["Yonaguni", 2023, "not stated", 1, 1, 0, 0],
        ["Yonaguni", 2025, "north", 1, 1, 1, 0],
    ]


def test_frozen_stats002_passage_table_has_a_zero_line_for_every_empty_strait_year(frozen):
    """The selection runs 2023-2025 (fx-01 to fx-25), so every strait of the schema gets 2023, 2024
    and 2025: Soya has none in 2024, Tsugaru none in 2025, Miyako none in 2023, Yonaguni none in
    2024, Osumi and Nemuro none at all (one zero line each year, heading "all")."""
    zero = [0, 0, 0, 0]
    assert passage_table(frozen).values.tolist() == [
        ["Soya", 2023, "east", 1, 2, 2, 0],
        ["Soya", 2023, "west", 1, 2, 2, 0],
        ["Soya", 2024, "all", *zero],
        ["Soya", 2025, "east", 2, 3, 2, 0],
        ["Soya", 2025, "west", 1, 2, 2, 0],
        ["Tsugaru", 2023, "west", 1, 2, 1, 0],
        ["Tsugaru", 2024, "east", 1, 0, 0, 1],
        ["Tsugaru", 2025, "all", *zero],
        ["Tsushima", 2023, "southwest", 1, 1, 1, 0],
        ["Tsushima", 2024, "northeast", 2, 4, 3, 0],
        ["Tsushima", 2025, "northeast", 1, 1, 1, 0],
        ["Tsushima", 2025, "southwest", 1, 2, 1, 0],
        ["Osumi", 2023, "all", *zero],
        ["Osumi", 2024, "all", *zero],
        ["Osumi", 2025, "all", *zero],
        ["Miyako", 2023, "all", *zero],
        ["Miyako", 2024, "north", 1, 2, 0, 0],
        ["Miyako", 2025, "south", 1, 2, 0, 0],
        ["Yonaguni", 2023, "not stated", 1, 1, 0, 0],
        ["Yonaguni", 2024, "all", *zero],
        ["Yonaguni", 2025, "north", 1, 1, 1, 0],
        ["Nemuro", 2023, "all", *zero],
        ["Nemuro", 2024, "all", *zero],
        ["Nemuro", 2025, "all", *zero],
    ]


def test_frozen_stats003_a_strait_filter_narrows_the_table_to_its_straits(frozen):
    """Only Soya and Miyako, in the order asked; the years still run over the whole selection."""
    got = passage_table(frozen, ("Miyako", "Soya"))
    assert got[["strait", "year", "heading", "passages"]].values.tolist() == [
        ["Miyako", 2023, "all", 0], ["Miyako", 2024, "north", 1], ["Miyako", 2025, "south", 1],
        ["Soya", 2023, "east", 1], ["Soya", 2023, "west", 1], ["Soya", 2024, "all", 0],
        ["Soya", 2025, "east", 2], ["Soya", 2025, "west", 1],
    ]


def test_frozen_stats004_the_voyage_across_new_year_is_one_passage_in_its_first_year(frozen):
    """fx-13 (31 Dec 2024) and fx-14 (1 Jan 2025) alone: one Tsushima northeast passage in 2024,
    2 ship-sightings of one hull (715); the table still has a 2025 line (the selection reaches 2025)."""
    chosen = frozen[frozen["id"].isin(["fx-13", "fx-14"])]
    assert passages(chosen).values.tolist() == [["Tsushima", 2024, "northeast", 1, 2, 1, 0]]
    assert passage_table(chosen, ("Tsushima",)).values.tolist() == [
        ["Tsushima", 2024, "northeast", 1, 2, 1, 0], ["Tsushima", 2025, "all", 0, 0, 0, 0]]


def test_frozen_stats005_ships_per_month(frozen):
    """Months with rows: Mar 2023 fx-01+02 (4); Jun 2023 fx-03, 04, 22 (3); Sep 2023 fx-05 (1); Nov 2023
    fx-06 (no count); Dec 2023 fx-24 (1); Feb 2024 fx-07+08 (2); Apr 2024 fx-23, 09, 10 (2+2+1);
    Jul 2024 fx-11 (4); Oct 2024 fx-12 (no count); Dec 2024 fx-13 (1); Jan 2025 fx-14 (1); May 2025
    fx-17 (1); Jun 2025 fx-15+16 (4); Aug 2025 fx-18 (2); Sep 2025 fx-19+20 (2); Oct 2025 fx-21 (1);
    Nov 2025 fx-25 (2)."""
    got = ships_per_month(frozen)
    assert got.assign(month=got["month"].dt.strftime("%Y-%m")).values.tolist() == [
        ["2023-03", 2, 4, 0], ["2023-06", 3, 3, 0], ["2023-09", 1, 1, 0], ["2023-11", 1, 0, 1],
        ["2023-12", 1, 1, 0], ["2024-02", 2, 2, 0], ["2024-04", 3, 5, 0], ["2024-07", 1, 4, 0],
        ["2024-10", 1, 0, 1], ["2024-12", 1, 1, 0], ["2025-01", 1, 1, 0], ["2025-05", 1, 1, 0],
        ["2025-06", 2, 4, 0], ["2025-08", 1, 2, 0], ["2025-09", 2, 2, 0], ["2025-10", 1, 1, 0],
        ["2025-11", 1, 2, 0],
    ]


def test_frozen_stats006_chinese_share_and_rows_by_source_per_year(frozen):
    """8 rows in 2023, 8 in 2024, 9 in 2025; with Chinese ships only fx-15, fx-16, fx-25 (2025);
    release rows fx-03 (2023), fx-09 (2024), fx-15 and fx-16 (2025)."""
    assert chinese_share(frozen).values.tolist() == [[2023, 8, 0, 0.0], [2024, 8, 0, 0.0], [2025, 9, 3, 1 / 3]]
    assert rows_by_source(frozen).values.tolist() == [[2023, 1, 7], [2024, 1, 7], [2025, 2, 7]]


def _lines(client, query: str) -> list[list]:
    """The lines of ``/stats/passages.csv`` for ``query``, as lists."""
    text = client.get("/stats/passages.csv" + query).get_data(as_text=True)
    return pd.read_csv(io.StringIO(text), keep_default_na=False).values.tolist()


def test_frozen_stats007_the_apps_passages_csv_is_the_table_with_its_zero_lines(frozen_client):
    """``/stats/passages.csv`` for Soya and Tsugaru in 2024-2025: the selected rows are fx-12 (Tsugaru,
    2024, no count) and fx-17, fx-18, fx-25 (Soya, 2025), so both years get a line for both straits."""
    assert _lines(frozen_client, "?from=2024-01-01&to=2025-12-31&strait=Tsugaru&strait=Soya") == [
        ["Soya", 2024, "all", 0, 0, 0, 0, False], ["Soya", 2025, "east", 2, 3, 2, 0, True], ["Soya", 2025, "west", 1, 2, 2, 0, True],
        ["Tsugaru", 2024, "east", 1, 0, 0, 1, False], ["Tsugaru", 2025, "all", 0, 0, 0, 0, True]]


def test_frozen_stats008_the_stated_dates_filter_reaches_the_statistics(frozen_client):
    """``?stated=1`` leaves out fx-06 (inferred) and fx-11 (announcement day), neither a passage, so
    the Soya lines are those of all rows; ``?chinese=yes`` keeps fx-15, fx-16 and fx-25 only."""
    assert _lines(frozen_client, "?stated=1&strait=Soya") == [
        ["Soya", 2023, "east", 1, 2, 2, 0, False], ["Soya", 2023, "west", 1, 2, 2, 0, False], ["Soya", 2024, "all", 0, 0, 0, 0, False],
        ["Soya", 2025, "east", 2, 3, 2, 0, True], ["Soya", 2025, "west", 1, 2, 2, 0, True]]
    assert _lines(frozen_client, "?chinese=yes&strait=Soya&strait=Tsushima&strait=Miyako") == [
        ["Soya", 2025, "east", 1, 2, 2, 0, True], ["Tsushima", 2025, "southwest", 1, 2, 1, 0, True],
        ["Miyako", 2025, "south", 1, 2, 0, 0, True]]


def test_frozen_stats009_a_period_asked_for_has_a_line_for_each_of_its_years(frozen_client):
    """``?from=2024-01-01&to=2025-12-31&strait=Tsugaru``: fx-12's passage in 2024 and a zero line for 2025,
    the year asked for in which Tsugaru saw none."""
    text = frozen_client.get("/stats/passages.csv?from=2024-01-01&to=2025-12-31&strait=Tsugaru").get_data(as_text=True)
    assert pd.read_csv(io.StringIO(text), keep_default_na=False).values.tolist() == [
        ["Tsugaru", 2024, "east", 1, 0, 0, 1, False], ["Tsugaru", 2025, "all", 0, 0, 0, 0, True]]
