"""Issue 24, item 6: "How complete each year is" in the statistics view.

Hand-made rows and counts with the table's every value written out; the shipped dataset is read
only for invariants (the per-year rows are what an independent pandas expression over the CSV
file gives; the page holds the table).
"""

import pandas as pd

from dashboard import ids
from dashboard.stats_view import COVERAGE_TITLE, NO_COUNT, coverage_table, coverage_years
from sightings.store import DATASET
from tests.expected import coverage_rows as rows, is_primary

NOT_COMPARABLE = "not comparable (both navies, or aircraft too; the record holds Russian ships)"


def counts(*specs) -> pd.DataFrame:
    """(id, start, end, count, count_max, measure, strait) -> a typed counts table (as read_counts gives)."""
    return pd.DataFrame([{"id": i, "period_start": pd.Timestamp(s) if s else pd.NaT, "period_end": pd.Timestamp(e),
                          "count": n, "count_max": top, "measure": m, "strait": st, "what": f"what {i}",
                          "source_name": f"Source {i}", "source_url": f"https://example.org/{i}", "quote": f"quote {i}"}
                         for i, s, e, n, top, m, st in specs])


COUNTS = counts(
    ("h", "2014-01-01", "2014-12-31", 19, pd.NA, "russian_movements", ""),            # a year with no row
    ("a", "2016-01-01", "2016-12-31", 27, pd.NA, "russian_movements", ""),
    ("n", "2019-01-01", "2021-04-30", 9, 12, "chinese_and_russian_passages", ""),     # both navies: no share
    ("b", "2022-01-01", "2022-04-30", 10, pd.NA, "russian_strait_passages", ""),
    ("e", "2022-03-10", "2022-03-11", 10, pd.NA, "ships_in_one_transit", "Tsugaru"),
    ("d", "", "2024-09-23", 4, pd.NA, "joint_passages", "Soya"),                        # no start: its end's year
)


def entry(i, period, number, held, share):
    return {"id": i, "period": period, "number": number, "what": f"what {i}", "record_rows": held, "share": share,
            "source_name": f"Source {i}", "source_url": f"https://example.org/{i}", "quote": f"quote {i}"}


def year(y, rows_, releases, press, *entries):
    return {"year": y, "rows": rows_, "from_releases": releases, "from_press": press, "counts": list(entries)}


def test_coverage_view001_every_year_its_rows_and_each_count_with_its_share():
    assert coverage_years(rows(), COUNTS) == [
        year(2014, 0, 0, 0, entry("h", "1 Jan - 31 Dec 2014", "19", 0, "none held")),
        year(2015, 0, 0, 0),
        year(2016, 3, 1, 2, entry("a", "1 Jan - 31 Dec 2016", "27", 3, "about 11%")),
        year(2017, 0, 0, 0),
        year(2018, 0, 0, 0),
        year(2019, 0, 0, 0, entry("n", "1 Jan 2019 - 30 Apr 2021", "9-12", None, NOT_COMPARABLE)),
        year(2020, 0, 0, 0),
        year(2021, 0, 0, 0),
        year(2022, 3, 2, 1, entry("b", "1 Jan - 30 Apr 2022", "10", 2, "about 20%"),
             entry("e", "10 Mar - 11 Mar 2022", "10", 1, "held")),
        year(2023, 0, 0, 0),
        year(2024, 0, 0, 0, entry("d", "up to 23 Sep 2024", "4", 1, "about 25%")),
    ]


def test_coverage_view002_a_count_of_none_announced_has_no_share():
    table = counts(("z", "2022-01-01", "2022-01-31", 0, pd.NA, "russian_strait_passages", "Miyako"))
    assert {y["year"]: y["counts"] for y in coverage_years(rows(), table)}[2022] == [
        entry("z", "1 Jan - 31 Jan 2022", "0", 0, "no share (none announced)")]


def text_of(node) -> str:
    """The text a person reads in a Dash component tree."""
    if isinstance(node, (str, int)):
        return str(node)
    children = getattr(node, "children", None)
    if children is None:
        return ""
    return " ".join(text_of(child) for child in (children if isinstance(children, (list, tuple)) else [children]))


def links_of(node) -> list[tuple[str, str, str]]:
    found = [(node.href, node.title, text_of(node))] if type(node).__name__ == "A" else []
    children = getattr(node, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int)):
            found += links_of(child)
    return found


def test_coverage_view003_the_table_says_each_count_and_links_its_page():
    table = coverage_table(coverage_years(rows(), COUNTS))
    text = " ".join(text_of(table).split())
    assert table.id == ids.STATS_COVERAGE and COVERAGE_TITLE in text
    assert "a thin record, not a quiet year" in text
    assert "2016 3 1 2 1 Jan - 31 Dec 2016: 27 (what a). Record: 3 rows, about 11%. Source a" in text
    assert "2022 3 2 1 1 Jan - 30 Apr 2022: 10 (what b). Record: 2 rows, about 20%. Source b" in text
    assert "10 Mar - 11 Mar 2022: 10 (what e). Record: 1 row, held. Source e" in text
    assert f"1 Jan 2019 - 30 Apr 2021: 9-12 (what n). Record: {NOT_COMPARABLE}. Source n" in text
    assert f"2015 0 0 0 {NO_COUNT}" in text
    assert links_of(table) == [(f"https://example.org/{i}", f"“quote {i}”", f"Source {i}") for i in "hanbed"]


# -- invariants of the shipped dataset ----------------------------------------------------------

def test_coverage_view004_shipped_years_are_the_csv_rows_per_year(app_data):
    """Every year's rows, from releases and from the press, as a plain pandas count over the CSV file."""
    raw = pd.read_csv(DATASET, dtype=str, keep_default_na=False)
    year_of = raw["event_date"].str[:4].astype(int)
    release = raw["source_urls"].str.split(" | ").map(is_primary)
    shown = {y["year"]: (y["rows"], y["from_releases"], y["from_press"])
             for y in coverage_years(app_data.sightings, app_data.coverage_counts)}
    for y in range(year_of.min(), year_of.max() + 1):
        here = year_of == y
        assert shown[y] == (int(here.sum()), int((here & release).sum()), int((here & ~release).sum())), y
    assert sorted(shown) == list(range(min(shown), max(shown) + 1))      # no year left out
    assert sum(len(y["counts"]) for y in coverage_years(app_data.sightings, app_data.coverage_counts)) == \
        len(app_data.coverage_counts)                                      # every sourced count shown once


def test_coverage_view005_the_statistics_view_holds_the_table(client):
    page = client.get("/_dash-layout").get_data(as_text=True)
    assert f'"id": "{ids.STATS_COVERAGE}"' in page or f'"id":"{ids.STATS_COVERAGE}"' in page
    assert COVERAGE_TITLE in page
