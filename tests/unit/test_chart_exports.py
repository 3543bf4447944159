"""Issue 25 items 1, 2 and 5 on hand-made rows: every statistics chart names its unit, draws a
partial year or month differently, and carries (inside the figure, so Plotly's own SVG/PNG download
holds it) the filter sentence, the source line, the dataset version and the access date; the
modebar download is an SVG with a file name saying what it holds."""

import datetime as dt
import re

import pandas as pd
import pytest

from dashboard import ids
from dashboard.briefing import Citation, caption, graph_config
from dashboard.figures import GRAPH_CONFIG
from dashboard.filters import FilterSpec
from dashboard.stats_view import (CHARTS, PARTIAL_OPACITY, STATS_OUTPUTS, heatmap_figure, make_citation,
                                  month_figures, stats_figures, stats_update)
from tests.stats_rows import stats_rows

SOURCE = "Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch"
SENTENCE = "5 sightings, 12 ship-sightings, 1 Mar 2025 - 31 Dec 2026 (partial: data to 15 Sep 2026)"
CITATION = Citation(SENTENCE, "2026.12.1", dt.date(2026, 12, 7), dt.date(2026, 9, 15),
                    stem="straitwatch_2025-03-01_2026-12-31", link="https://sw.example/?from=2025-03-01&to=2026-12-31",
                    start=dt.date(2025, 3, 1), end=dt.date(2026, 12, 31))


_rows = stats_rows


ROWS = _rows(
    ("b1", "2025-06-01", "Soya", "east", "v1", 2, ["333"], "transit", False),
    ("b2", "2025-06-20", "Soya", "west", "v1", 2, ["333"], "transit", False),
    ("b3", "2025-06-18", "", "", "", 40, [], "exercise (announced by Russian MOD)", False),
    ("b4", "2026-03-05", "Tsugaru", "east", "", 1, ["548"], "transit", True),
    ("b5", "2026-03-30", "Tsugaru", "west", "", 3, [], "transit", True),
    ("b6", "2026-09-10", "Tsushima", "north", "", 4, ["011"], "transit", False),
)


def _texts(figure: dict) -> str:
    """All the text a figure draws (title, annotations, ticks, legend names), as its SVG export would hold it."""
    layout = figure["layout"]
    parts = [layout["title"]["text"], *(a["text"] for a in layout.get("annotations", []))]
    parts += layout.get("xaxis", {}).get("ticktext", [])
    parts += [trace.get("name", "") for trace in figure["data"]]
    return "\n".join(parts).replace("&amp;", "&").replace("<br>", " ")       # a wrapped line read whole


def _figures():
    return (*stats_figures(ROWS, CITATION), *month_figures(ROWS, CITATION))


def test_export001_every_chart_carries_filters_source_version_and_date():
    figures = _figures()
    assert len(figures) == len(CHARTS) == 5
    for figure in figures:
        text = _texts(figure)
        assert f"Filters: {SENTENCE}" in text
        assert SOURCE in text
        assert "Dataset version 2026.12.1" in text and "accessed 2026-12-07" in text
        assert "View: https://sw.example/?from=2025-03-01&to=2026-12-31" in text
        assert figure["layout"]["showlegend"] is True


@pytest.mark.parametrize(("index", "unit"), [
    (0, "unit: passages (one group's transit of one strait on one heading)"),
    (1, "unit: ship-sightings"),
    (2, "unit: sightings"),
    (3, "unit: sightings"),
    (4, "unit: sightings"),
])
def test_export002_every_chart_title_names_its_unit(index, unit):
    figure = _figures()[index]
    assert unit in figure["layout"]["title"]["text"]
    assert "Unit: " in _texts(figure)                    # and the caption says it again


def test_export003_modebar_downloads_an_svg_with_a_meaningful_name():
    config = graph_config(GRAPH_CONFIG, CITATION, "passages-per-year")
    assert config["toImageButtonOptions"] == {
        "format": "svg", "scale": 1,
        "filename": "straitwatch-passages-per-year_2025-03-01_2026-12-31_v2026.12.1_accessed-2026-12-07"}
    assert config["displaylogo"] is False                # the page's own settings kept
    assert GRAPH_CONFIG.get("toImageButtonOptions") is None


def test_export004_caption_literal():
    assert caption(CITATION, "passages") == (
        f"Filters: {SENTENCE}\n"
        "Unit: passages\n"
        f"Source: {SOURCE}\n"
        "Dataset version 2026.12.1, accessed 2026-12-07. View: https://sw.example/?from=2025-03-01&to=2026-12-31")


def test_export005_partial_year_drawn_paler_and_named():
    """2025 is cut by the period (from 1 Mar) and 2026 by the data-current-to date (15 Sep)."""
    passages_chart, _, chinese_chart = stats_figures(ROWS, CITATION)
    assert passages_chart["layout"]["xaxis"]["ticktext"][0].startswith("2025 (partial)")
    assert passages_chart["layout"]["xaxis"]["ticktext"][1].startswith("2026 (partial)")
    for trace in passages_chart["data"]:
        assert trace["marker"]["opacity"] == [PARTIAL_OPACITY] * len(trace["x"])
    assert "pale: partial year" in passages_chart["layout"]["title"]["text"]
    whole = Citation("s", "1", dt.date(2026, 12, 7), dt.date(2026, 12, 31), start=dt.date(2025, 1, 1),
                     end=dt.date(2026, 12, 31))
    passages_chart, _, chinese_chart = stats_figures(ROWS, whole)
    assert all("opacity" not in trace["marker"] for trace in passages_chart["data"])
    assert not any("partial" in tick for tick in passages_chart["layout"]["xaxis"]["ticktext"])
    cut = Citation("s", "1", dt.date(2026, 12, 7), dt.date(2026, 9, 15))
    _, _, chinese_chart = stats_figures(ROWS, cut)
    assert chinese_chart["data"][0]["marker"]["opacity"] == [1.0, PARTIAL_OPACITY]        # 2025 whole, 2026 cut


def test_export006_partial_month_paler_and_announcements_are_events_not_counts():
    _, monthly, _ = stats_figures(ROWS, CITATION)
    bars, events = monthly["data"]
    assert bars["x"] == ["2025-06-01", "2026-03-01", "2026-09-01"]
    assert bars["y"] == [4, 4, 4]                         # the announced "40 ships" is not in June's sum
    assert bars["marker"]["opacity"] == [1.0, 1.0, PARTIAL_OPACITY]       # September 2026: data to the 15th
    assert events["type"] == "scatter" and events["x"] == ["2025-06-18"]
    assert "not a sighting" in events["name"]


def test_export007_heatmap_blank_outside_zero_inside_star_partial():
    heatmap = heatmap_figure(ROWS, CITATION)["data"][0]
    assert heatmap["y"] == ["2025", "2026"]
    assert heatmap["z"][0] == [None, None, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]       # the period starts 1 Mar 2025
    assert heatmap["z"][1] == [0, 0, 2, 0, 0, 0, 0, 0, 1, None, None, None]     # the record stops 15 Sep 2026
    assert heatmap["text"][1][8] == "1*" and heatmap["text"][1][7] == "0" and heatmap["text"][1][9] == ""


def test_export008_month_totals_name_the_busiest_months():
    _, months = month_figures(ROWS, CITATION)
    assert months["data"][0]["y"] == [0, 0, 2, 0, 0, 2, 0, 0, 1, 0, 0, 0]
    assert "busiest: Mar (2), Jun (2), Sep (1)" in months["layout"]["title"]["text"]
    # 2025 from 1 Mar, 2026 to 15 Sep: Jan, Feb and Oct to Dec lie in one year, Mar to Sep in two
    assert months["layout"]["xaxis"]["ticktext"][:3] == ["Jan<br>1 yr", "Feb<br>1 yr", "Mar<br>2 yr"]
    assert "months sum different numbers of years" in months["layout"]["title"]["text"]


def test_export009_stats_update_returns_every_declared_output():
    """What the callback wires (STATS_OUTPUTS) and what stats_update returns line up."""
    frame = ROWS.assign(**{"facet:straits": ROWS["strait"].where(ROWS["strait"] != "", "none")})
    spec = FilterSpec(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
    out = stats_update(frame, spec, version="2026.12.1", current_to=dt.date(2026, 9, 15),
                       page_href="https://sw.example/", today=dt.date(2026, 12, 7))
    assert len(out) == len(STATS_OUTPUTS)
    got = dict(zip(STATS_OUTPUTS, out, strict=True))
    assert got[(ids.STATS_DOWNLOAD, "href")] == "/stats/passages.csv?from=2026-03-01&to=2026-03-31"
    assert got[(ids.STATS_SIDECAR, "href")] == "/stats/passages.csv.json?from=2026-03-01&to=2026-03-31"
    assert got[(ids.STATS_PASSAGES, "config")]["toImageButtonOptions"]["filename"] == (
        "straitwatch-passages-per-year_2026-03-01_2026-03-31_v2026.12.1_accessed-2026-12-07")
    assert got[(ids.STATS_BRIEFING, "children")].startswith("Straitwatch briefing, 1 Mar - 31 Mar 2026")
    citation = make_citation(frame.iloc[3:5], spec, "2026.12.1", dt.date(2026, 9, 15), "https://sw.example/",
                             dt.date(2026, 12, 7))
    assert citation.sentence == "2 sightings, 4 ship-sightings, 1 Mar - 31 Mar 2026, data current to 15 Sep 2026"
    assert re.search(r"Filters: 2 sightings", _texts(got[(ids.STATS_PASSAGES, "figure")]))
