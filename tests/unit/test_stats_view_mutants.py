"""The statistics charts' parts on hand-made rows and counts, stated literally (mutants of dashboard/stats_view.py).

ROWS: a and b are one voyage's passage of Soya heading east (2022, 2 + 3 ships, hulls 548 and 011);
c is Tsugaru with no direction and no ship count (2023); d is an announced exercise (never counted).
"""

import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest
from dash import html

from dashboard.briefing import Citation, Period
from dashboard.filters import FilterSpec
from dashboard.stats_view import (
    _count_entry, _count_list, _figure, _month_cut, _month_outside, _partial_years, _without_count, _year_ticks,
    chinese_figure, comparison_table, coverage_years, heading_styles, heatmap_figure, monthly_figure, months_figure,
    passages_figure, sidecar_href, stats_href, tint)
from dashboard.stats_view import section as stats_section

ROWS = pd.DataFrame({
    "id": ["a", "b", "c", "d"],
    "event_date": pd.to_datetime(["2022-12-30", "2022-12-31", "2023-02-01", "2023-02-02"]),
    "strait": ["Soya", "Soya", "Tsugaru", ""],
    "direction": ["east", "east", None, ""],
    "voyage_id": ["v1", "v1", None, "v2"],
    "ships": pd.array([2, 3, None, 1], dtype="Int64"),
    "hull_numbers": [["548"], ["548", "011"], [], []],
    "primary_source": [True, False, True, True],
    "with_chinese_ships": [True, False, False, False],
    "activity": ["transit", "transit", "transit", "exercise (announced by Russian MOD)"],
})
CITED = Citation("s", "2026.12.1", dt.date(2026, 12, 7), current_to=dt.date(2023, 2, 15), start=dt.date(2022, 12, 1))


def test_stats_view_mutant001_links():
    spec = FilterSpec(straits=("Soya",))
    assert stats_href(spec) == "/stats/passages.csv?strait=Soya"
    assert sidecar_href(spec) == "/stats/passages.csv.json?strait=Soya"
    assert sidecar_href(spec, "ja") == "/stats/passages.csv.json?strait=Soya&lang=ja"


def test_stats_view_mutant002_heading_styles_and_tints():
    assert heading_styles(["west", "not stated", "east", "west"]) == {
        "east": {"shape": "", "tint": 0.0}, "west": {"shape": "/", "tint": 0.0},
        "not stated": {"shape": "", "tint": 0.55}}
    names = [f"h{k}" for k in range(9)]
    assert [s["shape"] for s in heading_styles(names).values()] == ["", "/", "x", ".", "\\", "-", "|", "+", ""]
    assert heading_styles(["east"]) == {"east": {"shape": "", "tint": 0.0}}
    assert tint("#0072B2", 0.5) == "#80b8d8"
    assert tint("#0072B2", 0.0) == "#0072b2" and tint("#102030", 1.0) == "#ffffff"


def test_stats_view_mutant003_small_helpers():
    assert [_without_count(n) for n in (0, 1, 2)] == ["", "; 1 sighting without a ship count",
                                                      "; 2 sightings without a ship count"]
    assert _partial_years([2021, 2022, 2023], None) == set()
    assert _partial_years([2022], Citation("s", "v", dt.date(2026, 1, 1), start=dt.date(2022, 1, 1),
                                                       end=dt.date(2022, 12, 31))) == set()
    assert _partial_years([2021, 2022, 2023], CITED) == {2021, 2022, 2023}   # starts 1 Dec 2022, ends 15 Feb 2023
    assert (_month_cut(pd.Timestamp("2023-02-01"), None), _month_outside(pd.Timestamp("2023-03-01"), None)) == (
        False, False)
    assert [_month_cut(pd.Timestamp(m), CITED) for m in ("2022-12-01", "2023-01-01", "2023-02-01")] == [
        False, False, True]
    assert [_month_outside(pd.Timestamp(m), CITED) for m in ("2022-11-01", "2022-12-01", "2023-02-01",
                                                            "2023-03-01")] == [True, False, False, True]
    ended = Citation("s", "v", dt.date(2026, 1, 1), start=dt.date(2022, 1, 1), end=dt.date(2022, 6, 15))
    assert [_month_outside(pd.Timestamp(m), ended) for m in ("2022-06-01", "2022-07-01")] == [False, True]


def test_stats_view_mutant004_year_ticks():
    by_source = pd.DataFrame({"year": [2022, 2023], "releases": [1, 2], "news": [3, 0]})
    assert _year_ticks(by_source) == {"type": "linear", "tickmode": "array", "tickvals": [2022, 2023],
                                      "hoverformat": "d",
                                      "ticktext": ["2022<br>1 rel. / 3 news", "2023<br>2 rel. / 0 news"]}
    assert _year_ticks(by_source, Citation("s", "v", dt.date(2026, 1, 1), start=dt.date(2022, 1, 1),
                                           end=dt.date(2023, 6, 30)))["ticktext"] == [
        "2022<br>1 rel. / 3 news", "2023 (partial)<br>2 rel. / 0 news"]


def test_stats_view_mutant005_a_chart_layout():
    note = "Where each year's rows come from: " + "x " * 80 + "<end>"
    figure = _figure([{"type": "bar"}], "Title<br><sub>unit: u</sub>", note, {"type": "linear"},
                     {"yaxis": {"title": {"text": "n"}}, "barmode": "stack", "xaxis": {"hoverformat": "d"}},
                     "; flag", "Filters: f\nUnit: u")
    layout = figure["layout"]
    assert figure["data"] == [{"type": "bar"}]
    assert layout["title"] == {"text": "Title<br><sub>unit: u; flag</sub>", "font": {"size": 14}, "x": 0.01}
    note_lines = ["Where each year's rows come from: " + "x " * 57 + "x", "x " * 21 + "x &lt;end&gt;"]
    assert layout["annotations"] == [
        {"text": "<br>".join(note_lines), "xref": "paper", "yref": "paper", "x": 0, "y": 0, "yshift": -105,
         "yanchor": "top", "xanchor": "left", "showarrow": False, "align": "left",
         "font": {"size": 10, "color": "#555555"}, "name": "sources"},
        {"text": "Filters: f<br>Unit: u", "xref": "paper", "yref": "paper", "x": 0, "y": 0, "yshift": -131,
         "yanchor": "top", "xanchor": "left", "showarrow": False, "align": "left",
         "font": {"size": 10, "color": "#555555"}, "name": "citation"}]
    bottom = 105 + 13 * 4 + 20
    assert layout["margin"] == {"l": 50, "r": 10, "t": 70, "b": bottom} and layout["height"] == 300 + 30 + bottom
    assert (layout["plot_bgcolor"], layout["legend"], layout["showlegend"], layout["uirevision"]) == (
        "#fafafa", {"font": {"size": 10}}, True, "Title<br><sub>unit: u</sub>")
    assert layout["xaxis"] == {"type": "linear", "hoverformat": "d"} and layout["barmode"] == "stack"
    assert layout["yaxis"] == {"title": {"text": "n"}} and "font" not in layout
    plain = _figure([], "Plain", "", None, {}, "; f", plot_height=100, lang="ja")["layout"]
    assert plain["title"]["text"] == "Plain; f" and plain["annotations"] == [] and "xaxis" not in plain
    assert (plain["margin"]["b"], plain["height"]) == (60, 190) and plain["font"]["family"]


def test_stats_view_mutant006_passages_chart():
    figure = passages_figure(ROWS, "note", {"type": "linear"})
    east, unstated = figure["data"]
    assert (east["x"], east["y"], east["name"], east["legendgroup"], east["customdata"]) == (
        [2022], [1], "Soya: east", "Soya", [(5, 2, "")])
    assert east["marker"] == {"color": "#0072b2", "pattern": {"shape": ""}, "line": {"width": 0.5, "color": "#ffffff"}}
    assert east["hovertemplate"] == ("Soya Strait, heading east<br>%{x}: %{y} passages (%{customdata[0]} "
                                     "ship-sightings, %{customdata[1]} distinct hull numbers%{customdata[2]})"
                                     "<extra></extra>")
    assert (unstated["x"], unstated["name"], unstated["customdata"]) == (
        [2023], "Tsugaru: not stated", [(0, 0, "; 1 sighting without a ship count")])
    assert unstated["marker"]["color"] == tint("#D55E00", 0.55)
    assert figure["layout"]["title"]["text"].endswith("; 1 sighting without a ship count</sub>")
    cited = passages_figure(ROWS, "note", {}, Citation("s", "v", dt.date(2026, 1, 1), start=dt.date(2023, 1, 1)))
    assert [t["marker"]["opacity"] for t in cited["data"]] == [[0.4], [1.0]]       # 2022 cut by the start
    assert cited["layout"]["title"]["text"].endswith("; 1 sighting without a ship count; pale: partial year</sub>")
    two = pd.concat([ROWS, ROWS.assign(id=["e", "f", "g", "h"], voyage_id=["v3", "v3", None, "v4"])])
    assert passages_figure(two, "", {})["layout"]["title"]["text"].endswith("; 2 sightings without a ship count</sub>")


def test_stats_view_mutant007_monthly_chart():
    figure = monthly_figure(ROWS, "note", CITED)
    bars, announced = figure["data"]
    assert (bars["x"], bars["y"], bars["width"], bars["offset"]) == (
        ["2022-12-01", "2023-02-01"], [5, 0], [31 * 86_400_000, 28 * 86_400_000], 0)
    assert bars["customdata"] == [(2, ""), (1, "; 1 without a ship count (not in the sum)")]
    assert bars["marker"] == {"color": "#4d4d4d", "pattern": {"shape": ["", "x"]}, "opacity": [1.0, 0.4]}
    assert (announced["x"], announced["y"], announced["text"], announced["mode"], announced["cliponaxis"]) == (
        ["2023-02-02"], [0], ["exercise (announced by Russian MOD)"], "markers", False)
    assert announced["marker"] == {"symbol": "diamond-open", "size": 10, "color": "#D55E00"}
    assert figure["layout"]["title"]["text"].endswith(
        "shown as events; hatched: some sightings give no ship count; pale: partial month</sub>")
    assert figure["layout"]["xaxis"] == {"type": "date"}
    plain = monthly_figure(ROWS.iloc[:2], "note")
    assert plain["data"][0]["marker"] == {"color": "#4d4d4d", "pattern": {"shape": [""]}}
    assert len(plain["data"]) == 1 and plain["layout"]["title"]["text"].endswith("shown as events</sub>")


def test_stats_view_mutant008_chinese_chart():
    figure = chinese_figure(ROWS, "note", {}, CITED)
    (bars,) = figure["data"]
    assert (bars["x"], bars["y"], bars["customdata"]) == ([2022, 2023], [50.0, 0.0], [(1, 2), (0, 2)])
    assert bars["marker"] == {"color": "#CC79A7", "opacity": [0.4, 0.4]}
    assert figure["layout"]["yaxis"] == {"range": [0, 100], "ticksuffix": "%"}
    assert figure["layout"]["title"]["text"].endswith("<sub>unit: sightings; pale: partial year</sub>")
    assert chinese_figure(ROWS, "note", {})["data"][0]["marker"] == {"color": "#CC79A7"}


def test_stats_view_mutant009_heatmap_and_calendar_months():
    figure = heatmap_figure(ROWS, CITED)
    (cells,) = figure["data"]
    assert cells["y"] == ["2022", "2023"]
    assert cells["z"] == [[None] * 11 + [2], [0, 1] + [None] * 10]
    assert cells["text"] == [[""] * 11 + ["2"], ["0", "1*"] + [""] * 10]
    assert figure["layout"]["height"] == 120 + 22 * 2 + 30 + 40 + 20
    assert figure["layout"]["title"]["text"].endswith("; * partial month, blank: outside the period or the record</sub>")
    assert figure["layout"]["yaxis"] == {"type": "category", "autorange": "reversed"}
    plain = heatmap_figure(ROWS)
    assert plain["data"][0]["z"][0][:2] == [0, 0] and not plain["layout"]["title"]["text"].endswith("record</sub>")
    months = months_figure(ROWS)
    (bars,) = months["data"]
    assert {k: v for k, v in bars.items() if k not in ("x", "y", "customdata")} == {
        "type": "bar", "marker": {"color": "#0072B2"}, "name": "sightings, all selected years",
        "hovertemplate": "%{x}: %{y} sightings in %{customdata} year(s)<extra></extra>"}
    assert months["layout"]["yaxis"] == {"title": {"text": "sightings"}} and months["layout"]["annotations"] == []
    assert months["layout"]["title"]["text"].startswith("Sightings per calendar month, all selected years together<br>")
    assert months_figure(ROWS, lang="ja")["layout"]["font"]
    assert (bars["x"], bars["y"], bars["customdata"]) == (
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2], [2] * 12)
    assert months["layout"]["xaxis"]["ticktext"][:2] == ["Jan<br>2 yr", "Feb<br>2 yr"]
    assert months["layout"]["xaxis"]["tickvals"][-1] == "Dec" and months["layout"]["xaxis"]["tickmode"] == "array"
    assert months["layout"]["title"]["text"].endswith("not counted; busiest: Dec (2), Feb (1)</sub>")
    cut = months_figure(ROWS, CITED)           # 1 Dec 2022 to 15 Feb 2023: three months of one year, the rest none
    assert cut["data"][0]["customdata"] == [1, 1] + [0] * 9 + [1]
    assert cut["layout"]["title"]["text"].endswith(
        "; busiest: Dec (2), Feb (1); months sum different numbers of years (under each month)</sub>")
    assert months_figure(ROWS.iloc[3:])["layout"]["title"]["text"].endswith("announced exercises not counted</sub>")


def count(**values):
    base = {"id": "c1", "period_start": pd.Timestamp("2016-01-01"), "period_end": pd.Timestamp("2016-12-31"),
            "count": 4, "count_max": pd.NA, "measure": "russian_movements", "what": "movements", "share": 0.25,
            "record_rows": 1, "source_name": "S", "source_url": "https://example.org/s", "quote": "q"}
    return SimpleNamespace(**{**base, **values})


@pytest.mark.parametrize("values, period, number, share, held", [
    ({}, "1 Jan - 31 Dec 2016", "4", "about 25%", 1),
    ({"period_start": pd.NaT, "count_max": 6}, "up to 31 Dec 2016", "4-6", "about 25%", 1),
    ({"measure": "both_navies"}, "1 Jan - 31 Dec 2016", "4",
     "not comparable (both navies, or aircraft too; the record holds Russian ships)", 1),
    ({"measure": "ships_in_one_transit", "share": 1.0}, "1 Jan - 31 Dec 2016", "4", "held", 1),
    ({"measure": "ships_in_one_transit", "share": 0.0}, "1 Jan - 31 Dec 2016", "4", "not held", 1),
    ({"share": None, "record_rows": float("nan")}, "1 Jan - 31 Dec 2016", "4", "no share (none announced)", None),
    ({"share": float("nan")}, "1 Jan - 31 Dec 2016", "4", "no share (none announced)", 1),
    ({"share": 0.0, "record_rows": 0}, "1 Jan - 31 Dec 2016", "4", "none held", 0),
])
def test_stats_view_mutant010_a_sourced_count_as_the_table_states_it(values, period, number, share, held):
    assert _count_entry(count(**values)) == {
        "id": "c1", "period": period, "number": number, "what": "movements", "record_rows": held, "share": share,
        "source_name": "S", "source_url": "https://example.org/s", "quote": "q"}


def test_stats_view_mutant011_the_count_list():
    empty = _count_list([])
    assert (type(empty), empty.children, empty.className) == (html.Span, "no page at hand states a count", "muted")
    entries = [_count_entry(count()), _count_entry(count(record_rows=2)), _count_entry(count(record_rows=float("nan"),
                                                                                              share=None))]
    listing = _count_list(entries)
    assert listing.className == "coverage-counts"
    texts = [item.children[:2] for item in listing.children]
    assert texts == [["1 Jan - 31 Dec 2016: 4 (movements). ", "Record: 1 row, about 25%. "],
                     ["1 Jan - 31 Dec 2016: 4 (movements). ", "Record: 2 rows, about 25%. "],
                     ["1 Jan - 31 Dec 2016: 4 (movements). ", "Record: no share (none announced). "]]
    link = listing.children[0].children[2]
    assert (link.children, link.href, link.title, link.target, link.rel) == (
        "S", "https://example.org/s", "“q”", "_blank", "noopener noreferrer")


def test_stats_view_mutant012_every_year_of_the_record_and_its_counts():
    record = pd.DataFrame({"event_date": pd.to_datetime(["2016-06-19", "2018-02-01", "2018-03-01"]),
                           "strait": ["Soya", "Tsugaru", "Soya"],
                           "source_urls": [["https://www.mod.go.jp/js/b.pdf"], ["https://news.example/a"],
                                           ["https://www.mod.go.jp/js/c.pdf"]],
                           "with_chinese_ships": [False, False, False], "ships": pd.array([2, 1, 1], dtype="Int64")})
    counts = pd.DataFrame([{"id": "c04", "period_start": pd.NaT, "period_end": pd.Timestamp("2019-12-31"), "count": 4,
                            "count_max": pd.NA, "measure": "russian_movements", "strait": "", "what": "movements",
                            "source_name": "S", "source_url": "https://example.org", "quote": "q"}])
    years = coverage_years(record, counts)
    assert [(y["year"], y["rows"], y["from_releases"], y["from_press"], len(y["counts"])) for y in years] == [
        (2016, 1, 1, 0, 0), (2017, 0, 0, 0, 0), (2018, 2, 1, 1, 0), (2019, 0, 0, 0, 1)]
    assert years[3]["counts"][0]["period"] == "up to 31 Dec 2019"
    assert coverage_years(record.iloc[0:0], counts.iloc[0:0]) == []


def test_stats_view_mutant013_the_periods_compared():
    comparison = {"periods": [Period("This period", dt.date(2026, 8, 1), dt.date(2026, 8, 30), "to 15 Aug only"),
                              Period("A year earlier", dt.date(2025, 8, 1), dt.date(2025, 8, 30))],
                  "lines": [{"what": "Soya", "unit": "passages", "counts": [1, 0]}]}
    table = comparison_table(comparison)
    title, hint, scroll = table.children
    assert (title.children, title.className, hint.className) == ("This period compared", "section-title", "hint")
    assert hint.children == (
        "The current filters over this period, the same dates a year earlier and the period of equal length just "
        "before. Passages per strait (every strait, zeros included) and sightings per ship type (types seen in any "
        "of the three periods). Counts are not normalised per day; a partial period holds fewer days of data "
        "than its dates say. The record is not equally complete every year (see the sources "
        "under each chart): a rise where the source changes is not a rise in activity.")
    assert (scroll.className, scroll.children.className) == ("coverage-scroll", "coverage-table compare-table")
    head, body = scroll.children.children
    assert [c.scope for c in head.children.children] == ["col", "col", "col"]
    japanese = comparison_table(comparison, "ja").children[2].children.children
    assert japanese[0].children.children[1].children[2] == "2026年8月1日～8月30日"
    assert japanese[1].children[0].children[0].children.startswith("宗谷海峡")
    first, this, earlier = head.children.children
    assert first.children == "Count (unit)" and first.scope == "col"
    assert [c if isinstance(c, str) else type(c).__name__ for c in this.children] == [
        "This period", "Br", "1 Aug - 30 Aug 2026", "Br", "30 days", "Br", "Span"]
    assert this.children[6].children == "to 15 Aug only" and this.children[6].className == "muted"
    assert len(earlier.children) == 5
    (line,) = body.children
    assert [c.children for c in line.children] == ["Soya (passages)", "1", "0"] and line.children[0].scope == "row"
    whole = comparison_table({**comparison, "periods": comparison["periods"][1:]})
    assert "per day. The record" in whole.children[1].children


def test_stats_view_mutant014_headings_of_a_strait_in_their_pattern_order_and_shares_to_a_tenth():
    rows = pd.DataFrame({"id": ["a", "b", "c"], "event_date": pd.to_datetime(["2022-03-01", "2023-03-01", "2023-04-01"]),
                         "strait": ["Soya", "Soya", "Soya"], "direction": ["west", "east", "east"],
                         "voyage_id": ["v1", "v2", "v3"], "ships": pd.array([1, 1, 1], dtype="Int64"),
                         "hull_numbers": [[], [], []], "primary_source": [True, True, True],
                         "with_chinese_ships": [False, True, False], "activity": ["", "", ""]})
    data = passages_figure(rows, "", {})["data"]
    assert [(t["name"], t["x"], t["y"], t["marker"]["pattern"]["shape"]) for t in data] == [
        ("Soya: east", [2023], [2], ""), ("Soya: west", [2022], [1], "/")]
    assert chinese_figure(rows.assign(with_chinese_ships=[False, True, False], event_date=pd.to_datetime(
        ["2023-01-01", "2023-03-01", "2023-04-01"])), "", {})["data"][0]["y"] == [33.3]


def test_stats_view_mutant015_the_section_its_links_charts_and_coverage():
    from dash import dcc
    section = stats_section(ROWS)
    assert section.className == "stats"
    head, hint, briefing, *graphs, compare = section.children
    title, download, sidecar = head.children
    assert (head.className, title.children, title.className) == ("table-head", "Passage statistics", "section-title")
    assert (download.children, download.id, download.href, download.className) == (
        "Download passages CSV", "stats-download", "/stats/passages.csv", "button secondary")
    assert (sidecar.children, sidecar.id, sidecar.href, sidecar.className) == (
        "About this file (version, licence)", "stats-sidecar", "/stats/passages.csv.json", "button secondary")
    assert hint.className == "hint" and hint.children == (
        "Counts of reports in the current selection, each chart naming its unit: passages (one group's transit of one "
        "strait on one heading, however often it was sighted), ship groups (voyages), distinct ships (hull numbers) "
        "and sightings; ship-sightings add up the ships of each sighting, so a ship seen twice counts twice. Announced "
        "exercises are events, not sightings, and no count includes them. Under each year: how many rows come from "
        "Joint Staff releases and how many from news. A year or month cut short by the dates chosen or by the "
        "data-current-to date is drawn paler and marked partial. A chart's download (camera button) is an SVG that "
        "carries the filters, unit, source, dataset version and access date.")
    heading, copy = briefing.children
    assert (briefing.className, heading.children, heading.className, copy.className) == (
        "briefing", "Summary to paste", "section-title", "briefing-copy")
    paragraph, clip = copy.children
    assert (paragraph.id, paragraph.className) == ("stats-briefing", "briefing-text")
    assert (clip.id, clip.target_id, clip.title, clip.className) == (
        "stats-copy", "stats-briefing", "Copy summary", "button secondary")
    assert [(g.id, g.className, g.config["toImageButtonOptions"]["filename"]) for g in graphs] == [
        ("stats-passages", "stats-chart", "straitwatch-passages-per-year"),
        ("stats-monthly", "stats-chart", "straitwatch-ship-sightings-per-month"),
        ("stats-chinese", "stats-chart", "straitwatch-share-with-chinese-ships"),
        ("stats-heatmap", "stats-chart", "straitwatch-sightings-per-year-and-month"),
        ("stats-months", "stats-chart", "straitwatch-sightings-per-calendar-month")]
    assert all(isinstance(g, dcc.Graph) for g in graphs)
    assert graphs[0].figure["data"][0]["name"] == "Soya: east" and graphs[4].figure["data"][0]["y"][-1] == 2
    assert (compare.id, compare.className) == ("stats-compare", "stats-compare")
    counts = pd.DataFrame(columns=["id", "period_start", "period_end", "count", "count_max", "measure", "strait",
                                   "what", "source_name", "source_url", "quote"])
    record = ROWS.assign(source_urls=[["https://www.mod.go.jp/js/a.pdf"]] * 4)
    full = stats_section(ROWS, record, counts.astype({"period_start": "datetime64[ns]", "period_end": "datetime64[ns]"}))
    assert full.children[-1].id == "stats-coverage" and len(full.children) == len(section.children) + 1
    assert stats_section(ROWS, record, counts.astype({"period_start": "datetime64[ns]", "period_end": "datetime64[ns]"}),
                         lang="ja").children[-1].children[0].children != "How complete each year is"
    assert len(stats_section(ROWS, record).children) == len(section.children)          # no counts: no table
    assert stats_section(ROWS, lang="ja").children[0].children[0].children == "海峡通過の統計"
    japanese = stats_section(ROWS, citation=CITED, lang="ja").children[3]
    assert not japanese.figure["layout"]["title"]["text"].startswith("Passages per year")
    assert [a["name"] for a in japanese.figure["layout"]["annotations"]] == ["sources", "citation"]
    assert japanese.config["toImageButtonOptions"]["filename"].endswith("_v2026.12.1_accessed-2026-12-07")
    heatmap = stats_section(ROWS, citation=CITED, lang="ja").children[6]           # the month charts too
    assert not heatmap.figure["layout"]["title"]["text"].startswith("Sightings per month and year")
    assert [a["name"] for a in heatmap.figure["layout"]["annotations"]] == ["citation"]


def test_stats_view_mutant016_the_callback_passes_language_date_page_and_names_to_every_part(frozen):
    """The frozen fixture (2023 to 2025) on a Japanese page, the record current to 15 Sep 2025."""
    from dashboard import ids
    from dashboard.i18n import translate
    from dashboard.stats_view import STATS_OUTPUTS, stats_update
    out = dict(zip(STATS_OUTPUTS, stats_update(
        frozen, FilterSpec(), version="2026.12.1", current_to=dt.date(2025, 9, 15), page_href="https://sw.example/?x=1",
        today=dt.date(2026, 12, 7), names={"548": "Admiral Vinogradov"}, lang="ja"), strict=True))
    figures = [out[(graph, "figure")] for graph in (ids.STATS_PASSAGES, ids.STATS_MONTHLY, ids.STATS_CHINESE,
                                                   ids.STATS_HEATMAP, ids.STATS_MONTHS)]
    titles = ["Passages per year through each strait", "Ship-sightings per month",
              "Share of sightings sailing with Chinese ships (%)", "Sightings per month and year",
              "Sightings per calendar month, all selected years together"]
    for figure, title in zip(figures, titles, strict=True):
        assert not figure["layout"]["title"]["text"].startswith(title)              # every chart in Japanese
        citation = next(a["text"] for a in figure["layout"]["annotations"] if a["name"] == "citation")
        assert "https://sw.example/?lang=ja" in citation                            # the cited page, in Japanese
    assert figures[3]["layout"]["title"]["text"].startswith(translate(
        "Sightings per month and year<br><sub>unit: sightings; announced exercises not counted</sub>", "ja")[:8])
    assert figures[2]["data"][0]["marker"]["opacity"] == [1.0, 1.0, 0.4]            # 2025 cut at 15 Sep
    assert "*" in "".join(w for line in figures[3]["data"][0]["text"] for w in line)    # September 2025 partial
    assert out[(ids.STATS_SIDECAR, "href")] == "/stats/passages.csv.json?lang=ja"
    assert out[(ids.STATS_COMPARE, "children")].children[0].children == translate("This period compared", "ja")
    assert "2025年9月15日" in str(out[(ids.STATS_COMPARE, "children")])     # the period runs to the data's date
    assert "Admiral Vinogradov" in out[(ids.STATS_BRIEFING, "children")]
    assert not out[(ids.STATS_BRIEFING, "children")].startswith("Straitwatch briefing")     # in Japanese too


def test_stats_view_mutant017_the_citation_of_a_view(frozen):
    from dashboard.stats_view import make_citation
    spec = FilterSpec(start=dt.date(2024, 3, 1), end=dt.date(2024, 6, 30))
    citation = make_citation(frozen, spec, "2026.12.1", dt.date(2025, 9, 15), "https://sw.example/?x=1#stats",
                             dt.date(2026, 12, 7), "ja")
    assert (citation.version, citation.accessed, citation.current_to, citation.stem, citation.link, citation.start,
            citation.end) == ("2026.12.1", dt.date(2026, 12, 7), dt.date(2025, 9, 15), "straitwatch_2024-03-01_2024-06-30",
                              "https://sw.example/?from=2024-03-01&to=2024-06-30&lang=ja", dt.date(2024, 3, 1),
                              dt.date(2024, 6, 30))
    assert "2024" in citation.sentence and "sighting" not in citation.sentence                # in Japanese


def test_stats_view_mutant018_the_coverage_table_words_and_classes():
    from dashboard.stats_view import coverage_table
    years = [{"year": 2016, "rows": 1, "from_releases": 1, "from_press": 0, "counts": []}]
    table = coverage_table(years)
    title, hint, scroll = table.children
    assert (table.id, table.className, title.children, title.className, hint.className) == (
        "stats-coverage", "coverage", "How complete each year is", "section-title", "hint")
    assert hint.children == (
        "Over the whole record, whatever the filters. The Defense Ministry announces most passages but not all, and "
        "keeps no yearly totals; the counts below are the ones pages state, each linked. A share is an estimate: one "
        "announced movement can be two rows (two straits, two days) and one row two groups. A thin year in the record "
        "is a thin record, not a quiet year.")
    assert (scroll.className, scroll.children.className) == ("coverage-scroll", "coverage-table")
    head, body = scroll.children.children
    assert [(c.children, c.scope) for c in head.children.children] == [
        ("Year", "col"), ("Rows in the record", "col"), ("from Joint Staff releases", "col"), ("from the press", "col"),
        ("Counts of announcements pages state: record rows in the same scope, estimated share covered", "col")]
    (line,) = body.children
    year, *cells = line.children
    assert (year.children, year.scope) == ("2016", "row")
    assert [c.children for c in cells[:3]] == [1, 1, 0] and cells[3].children.children == "no page at hand states a count"
    assert coverage_table(years, "ja").children[0].children != "How complete each year is"


def test_stats_view_mutant019_the_month_charts_cite_their_unit():
    from dashboard.stats_view import month_figures
    heatmap, months = month_figures(ROWS, CITED)
    for figure in (heatmap, months):
        (note,) = figure["layout"]["annotations"]
        assert note["name"] == "citation" and "<br>Unit: sightings (" in note["text"]
    assert [f["layout"]["annotations"] for f in month_figures(ROWS)] == [[], []]      # no citation: no lines
    japanese = month_figures(ROWS, CITED, "ja")[0]["layout"]["annotations"][0]["text"]
    assert "Unit:" not in japanese and "Filters:" not in japanese


def test_stats_view_mutant020_every_trace_and_axis_of_the_charts_literally():
    (cells,) = heatmap_figure(ROWS)["data"]
    assert {k: v for k, v in cells.items() if k not in ("y", "z", "text")} == {
        "type": "heatmap", "x": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "texttemplate": "%{text}", "colorscale": "Blues", "reversescale": True, "zmin": 0, "name": "sightings",
        "xgap": 1, "ygap": 1, "colorbar": {"title": {"text": "sightings"}},
        "hovertemplate": "%{x} %{y}: %{text} sightings<extra></extra>"}
    assert heatmap_figure(ROWS)["layout"]["title"]["text"] == (
        "Sightings per month and year<br><sub>unit: sightings; announced exercises not counted</sub>")
    (share,) = chinese_figure(ROWS, "note", {})["data"]
    assert (share["type"], share["name"], share["hovertemplate"]) == (
        "bar", "share of sightings with Chinese ships",
        "%{x}: %{y}% (%{customdata[0]} of %{customdata[1]} sightings)<extra></extra>")
    assert chinese_figure(ROWS, "note", {})["layout"]["title"]["text"] == (
        "Share of sightings sailing with Chinese ships (%)<br><sub>unit: sightings</sub>")
    monthly = monthly_figure(ROWS, "note")
    bars, announced = monthly["data"]
    assert (bars["type"], bars["name"], bars["hovertemplate"]) == (
        "bar", "ship-sightings", "%{x|%b %Y}: %{y} ship-sightings in %{customdata[0]} sightings%{customdata[1]}"
        "<extra></extra>")
    assert (announced["type"], announced["name"], announced["hovertemplate"]) == (
        "scatter", "announced exercise (an event, not a sighting)", "%{x|%d %b %Y}: %{text} (not counted)<extra></extra>")
    assert monthly["layout"]["yaxis"] == {"title": {"text": "ship-sightings"}}
    assert monthly["layout"]["title"]["text"].startswith(
        "Ship-sightings per month<br><sub>unit: ship-sightings (a ship seen twice counts twice); announced exercises "
        "not counted, shown as events")
    passages = passages_figure(ROWS, "note", {})
    assert (passages["data"][0]["type"], passages["layout"]["barmode"], passages["layout"]["yaxis"]) == (
        "bar", "stack", {"title": {"text": "passages"}})
    assert passages["layout"]["title"]["text"].startswith(
        "Passages per year through each strait<br><sub>unit: passages (one group's transit of one strait on one "
        "heading); colour: strait; pattern: heading")
    assert [a["text"] for a in passages["layout"]["annotations"]] == ["note"]
    for figure in (heatmap_figure(ROWS, None, "", "ja"), chinese_figure(ROWS, "n", {}, lang="ja"),
                   monthly_figure(ROWS, "n", lang="ja"), passages_figure(ROWS, "n", {}, lang="ja")):
        assert figure["layout"]["font"] and not figure["layout"]["title"]["text"].startswith(("Sightings", "Share",
                                                                                               "Ship", "Passages"))
