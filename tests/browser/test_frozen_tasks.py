"""Issue 25 point 1: the six analyst tasks answered from the UI over the frozen fixture, each in at most
three actions (the URL a person opens is the starting point; every click is an action, numbered in a
comment), each compared with LITERAL numbers worked out by hand from the 25 rows of
tests/fixtures/sightings.csv (their purposes in tests/fixtures/README.md; the unit tests
tests/unit/test_frozen_*.py state the same answers).

What the app over the fixture states, fixed by the fixture itself: data current to 7 Nov 2025 (fx-25's
report date, the last of all rows) and dataset version 2025.11.1 (tests/fixtures/CHANGELOG.md, read
beside the CSV as data/CHANGELOG.md is beside the shipped one). Ship names in the "Copy summary"
paragraph come from the vessel register (data/vessels.csv: 548 Admiral Panteleyev, 564 Admiral
Tributs, 543 Marshal Shaposhnikov, 333 Sovershennyy, 335 Gromkiy, 011 Varyag; 339 unnamed).

The numbers are read where a person reads them: the figure in the page (its title, traces, ticks and
notes), the paragraph's text, the grid's cells, the summary line and the downloaded file.
"""

import datetime as dt

from dashboard import ids
from tests.browser.conftest import exported_svg_text, open_tab, plot, start_frozen, wait_until

#: The fixture's version (tests/fixtures/CHANGELOG.md) and the words every citation carries.
VERSION = "2025.11.1"
SOURCE = "Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch"


def figure(dash_duo, graph: str, expression: str):
    """``expression`` of the Plotly figure ``gd`` drawn in the dcc.Graph ``graph``."""
    return dash_duo.driver.execute_script(f"const gd = {plot(graph)}; return gd && gd.data ? {expression} : null")


def drawn(dash_duo, graph: str) -> None:
    """Wait until the statistics callback has drawn ``graph``: the tab's charts start as empty figures
    (some with an all-zero trace) without the citation lines the callback's figures carry."""
    wait_until(lambda: figure(dash_duo, graph, "(gd.layout.annotations || []).some(a => a.name === 'citation')"),
               30, f"the chart {graph} drawn for the view")


def paragraph(dash_duo, starts: str) -> str:
    """The "Copy summary" paragraph once it is the one for the view (it starts with ``starts``)."""
    wait_until(lambda: (dash_duo.find_element(f"#{ids.STATS_BRIEFING}").text or "").startswith(starts), 30,
               f"the paragraph starting {starts!r}")
    return dash_duo.find_element(f"#{ids.STATS_BRIEFING}").text


def test_frozen_task001_passages_per_strait_per_year_unit_in_title_partial_year_marked(dash_duo):
    start_frozen(dash_duo)                                   # start: the whole record, no filter
    open_tab(dash_duo, "Statistics")                         # action 1: open Statistics
    drawn(dash_duo, ids.STATS_PASSAGES)
    traces = figure(dash_duo, ids.STATS_PASSAGES,
                    "gd.data.map(t => [t.name, t.x, t.y, t.customdata, t.marker.opacity])")
    P, W = 0.4, 1                                            # a 2025 bar is pale (partial), the others whole
    NONE = ""
    # One passage = one group through one strait on one heading, in the year of its first sighting.
    # [strait: heading, years, passages, (ship-sightings, distinct hulls, no-count flag), opacity]
    assert traces == [
        # fx-01 east, fx-02 west (2023, one voyage, hulls 333+335); 2025: fx-17 (1 ship) + fx-25 (2) east,
        # fx-18 west (333+335)
        ["Soya: east", [2023, 2025], [1, 2], [[2, 2, NONE], [3, 2, NONE]], [W, P]],
        ["Soya: west", [2023, 2025], [1, 1], [[2, 2, NONE], [2, 2, NONE]], [W, P]],
        # fx-12 (2024, no ship count); fx-03 + fx-04 (2023): one passage seen twice, 2 ship-sightings, hull 548
        ["Tsugaru: east", [2024], [1], [[0, 0, "; 1 sighting without a ship count"]], [W]],
        ["Tsugaru: west", [2023], [1], [[2, 1, NONE]], [W]],
        # 2024: fx-09 (011, 564) and fx-13 + fx-14 (715, 31 Dec 2024 - 1 Jan 2025, counted in 2024); 2025: fx-21
        ["Tsushima: northeast", [2024, 2025], [2, 1], [[4, 3, NONE], [1, 1, NONE]], [W, P]],
        # fx-05 (2023, 543); fx-15 (2025, 2 ships, hull 339 only)
        ["Tsushima: southwest", [2023, 2025], [1, 1], [[1, 1, NONE], [2, 1, NONE]], [W, P]],
        ["Miyako: north", [2024], [1], [[2, 0, NONE]], [W]],                    # fx-23, no hull
        ["Miyako: south", [2025], [1], [[2, 0, NONE]], [P]],                    # fx-16, no hull
        ["Yonaguni: north", [2025], [1], [[1, 1, NONE]], [P]],                  # fx-20 (999)
        ["Yonaguni: not stated", [2023], [1], [[1, 0, NONE]], [W]],             # fx-24, "toward the East China Sea"
    ]
    per_strait_year = {}
    for name, years, counts, _, _ in traces:
        for year, n in zip(years, counts, strict=True):
            strait = name.split(":")[0]
            per_strait_year[strait, year] = per_strait_year.get((strait, year), 0) + n
    assert per_strait_year == {
        ("Soya", 2023): 2, ("Soya", 2025): 3, ("Tsugaru", 2023): 1, ("Tsugaru", 2024): 1,
        ("Tsushima", 2023): 1, ("Tsushima", 2024): 2, ("Tsushima", 2025): 2,
        ("Miyako", 2024): 1, ("Miyako", 2025): 1, ("Yonaguni", 2023): 1, ("Yonaguni", 2025): 1}
    # the unit in the title; fx-12 the one passage row without a ship count; 2025 partial (data to 7 Nov 2025)
    assert figure(dash_duo, ids.STATS_PASSAGES, "gd.layout.title.text") == (
        "Passages per year through each strait<br><sub>unit: passages (one group's transit of one strait on "
        "one heading); colour: strait; pattern: heading; 1 sighting without a ship count; pale: partial year</sub>")
    # under each year its sightings' sources: releases fx-03 (2023), fx-09 (2024), fx-15 + fx-16 (2025), the
    # rest news; fx-11 (2024), an announced exercise, is no sighting: 6 news in 2024
    assert figure(dash_duo, ids.STATS_PASSAGES, "[gd.layout.xaxis.tickvals, gd.layout.xaxis.ticktext]") == [
        [2023, 2024, 2025],
        ["2023<br>1 rel. / 7 news", "2024<br>1 rel. / 6 news", "2025 (partial)<br>2 rel. / 7 news"]]
    assert dash_duo.get_logs() == []


def test_frozen_task002_top_hulls_and_one_hulls_timeline(dash_duo):
    start_frozen(dash_duo)                                   # start: the whole record
    open_tab(dash_duo, "Statistics")                         # action 1: open Statistics
    text = paragraph(dash_duo, "Straitwatch briefing, all dates to 7 Nov 2025")
    # sightings per hull: 548 in fx-03, 04, 17, 25 (4); 333 and 335 in fx-01, 02, 18 (3 each); then the
    # hulls seen twice in hull-number order: 011 (fx-09, 10), 543 (fx-05 as Udaloy I, fx-21 as Udaloy III: its two
    # classes joined by " / ", not by the list's own "; ")
    assert ("Most-seen ships (class as reported, hull number): Admiral Panteleyev, Udaloy I-class destroyer 548 "
            "(4 sightings); Sovershennyy, Steregushchiy-class frigate 333 (3 sightings); Gromkiy, Steregushchiy-class "
            "frigate 335 (3 sightings); Varyag, Slava-class missile cruiser 011 (2 sightings); Marshal Shaposhnikov, "
            "Udaloy I-class destroyer / Udaloy III-class destroyer 543 (2 sightings).") in text
    open_tab(dash_duo, "Vessels")                            # action 2: open Vessels
    cell = f"#{ids.VESSELS} .ag-row[row-id='548'] .ag-cell[col-id='sightings']"
    dash_duo.wait_for_text_to_equal(cell, "4", timeout=20)
    shown = dash_duo.driver.execute_script(f"""
        return [...document.querySelectorAll('#{ids.VESSELS} .ag-center-cols-container .ag-row')]
            .sort((a, b) => +a.getAttribute('row-index') - +b.getAttribute('row-index'))
            .map(r => [r.getAttribute('row-id'), r.querySelector("[col-id='sightings']").textContent])""")
    # every hull with its sightings, in hull-number order (011 is 11, 80 before 208)
    assert shown == [["011", "2"], ["80", "1"], ["208", "1"], ["333", "3"], ["335", "3"], ["339", "1"], ["543", "2"],
                     ["548", "4"], ["564", "2"], ["715", "2"], ["999", "2"]]
    dash_duo.find_element(f"#{ids.VESSELS} .ag-row[row-id='548'] .ag-cell[col-id='hull']").click()  # action 3: 548
    # fx-03 (1 ship), fx-04 (1), fx-17 (1), fx-25 (2)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", "4 sightings, 5 ship-sightings, 14 Jun 2023 - 5 Nov 2025, "
                                    "hull 548, data current to 7 Nov 2025", timeout=20)
    lanes = {"Soya": [["2025-05-05", "fx-17"], ["2025-11-05", "fx-25"]],
             "Tsugaru": [["2023-06-14", "fx-03"], ["2023-06-15", "fx-04"]]}
    wait_until(lambda: figure(dash_duo, ids.TIMELINE, "Object.fromEntries(gd.data.filter(t => t.mode === 'markers')"
                                                      ".map(t => [t.name, t.x.map((x, i) => [x, t.customdata[i]])]))")
               == lanes, 20, "hull 548's four sightings on the time bar, in their straits' lanes")
    # the strip under the lanes: every month from Jun 2023 to Nov 2025 (30), 2 sightings in Jun 2023
    # (fx-03, fx-04), 1 in May 2025 (fx-17), 1 in Nov 2025 (fx-25), none in the 27 others
    months = figure(dash_duo, ids.TIMELINE, "gd.data.filter(t => t.type === 'bar').map(t => [t.x, t.y])[0]")
    assert len(months[0]) == 30 and months[0][0] == "2023-06-01" and months[0][-1] == "2025-11-01"
    assert {x: y for x, y in zip(*months, strict=True) if y} == {"2023-06-01": 2, "2025-05-01": 1, "2025-11-01": 1}
    assert dash_duo.get_logs() == []


def test_frozen_task003_joint_movements_as_events(dash_duo):
    start_frozen(dash_duo, "/?chinese=yes")                  # start: the rows with Chinese ships
    # three rows: fx-15 (10 Jun 2025, Tsushima southwest, 2 ships), fx-16 (12 Jun 2025, Miyako south, 2 ships,
    # the release says it is the fx-15 group), fx-25 (5 Nov 2025, Soya east, 2 ships)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", "3 sightings, 6 ship-sightings, 10 Jun - 5 Nov 2025, "
                                    "with Chinese ships, data current to 7 Nov 2025", timeout=20)
    open_tab(dash_duo, "Statistics")                         # action 1: open Statistics
    text = paragraph(dash_duo, "Straitwatch briefing, all dates to 7 Nov 2025")
    # two voyages (v-fx-15: fx-15 + fx-16; v-fx-25), so two events, not three: the fx-15 group's legs are one
    # movement through two straits in order; fx-25 one movement through Soya
    assert ("Joint movements with Chinese ships: 2 (10 Jun - 12 Jun 2025, Tsushima and Miyako straits; "
            "5 Nov 2025, Soya Strait).") in text
    # the rows counted in the units beside it: 3 sightings, 2 ship groups, hulls 339 (fx-15), 548 and 564
    # (fx-25), 2 + 2 + 2 ship-sightings; one passage each through Soya, Tsushima and Miyako
    assert ("Strait passages (one group's transit of one strait on one heading): Soya 1, Tsugaru 0, Tsushima 1, "
            "Osumi 0, Miyako 1, Yonaguni 0, Nemuro 0. 3 sightings of 2 ship groups (voyages), 3 distinct ships by "
            "hull number, 6 ship-sightings (a ship seen twice counts twice).") in text
    assert dash_duo.get_logs() == []


def test_frozen_task004_thirty_day_summary_paragraph(dash_duo):
    query = "?from=2025-10-09&to=2025-11-07"                # the last 30 days of the record (9 Oct - 7 Nov 2025)
    start_frozen(dash_duo, "/" + query)                      # start: the 30 days
    open_tab(dash_duo, "Statistics")                         # action 1: open Statistics
    # the rows: fx-21 (20 Oct 2025, Tsushima northeast, 1 ship, 543 written Udaloy III, voyage v-fx-21) and
    # fx-25 (5 Nov 2025, Soya east, 2 ships, Udaloy I 548 and 564, joint patrol with China, voyage v-fx-25)
    expected = (
        "Straitwatch briefing, 9 Oct - 7 Nov 2025 (data current to 7 Nov 2025). "
        "Strait passages (one group's transit of one strait on one heading): Soya 1, Tsugaru 0, Tsushima 1, "
        "Osumi 0, Miyako 0, Yonaguni 0, Nemuro 0. "
        "2 sightings of 2 ship groups (voyages), 3 distinct ships by hull number, 3 ship-sightings "
        "(a ship seen twice counts twice). "
        "Most-seen ships (class as reported, hull number): Marshal Shaposhnikov, Udaloy III-class destroyer 543 "
        "(1 sighting); Admiral Panteleyev, Udaloy I-class destroyer 548 (1 sighting); Admiral Tributs, "
        "Udaloy I-class destroyer 564 (1 sighting). "
        "Joint movements with Chinese ships: 1 (5 Nov 2025, Soya Strait). "
        f"Source: {SOURCE}; dataset version {VERSION}, accessed {dt.date.today().isoformat()}. "
        f"View: {dash_duo.server_url}/{query}")
    assert paragraph(dash_duo, "Straitwatch briefing, 9 Oct - 7 Nov 2025") == expected
    assert dash_duo.get_logs() == []


def test_frozen_task005_busiest_months(dash_duo):
    start_frozen(dash_duo)                                   # start: the whole record
    open_tab(dash_duo, "Statistics")                         # action 1: open Statistics
    drawn(dash_duo, ids.STATS_MONTHS)
    # sightings per calendar month, 2023-2025 together (fx-11, "exercise (announced)", is an announced
    # exercise, not a sighting): Jan fx-14; Feb fx-07, 08; Mar fx-01, 02; Apr fx-23, 09, 10; May fx-17;
    # Jun fx-03, 04, 22, 15, 16; Jul none; Aug fx-18; Sep fx-05, 19, 20; Oct fx-12, 21; Nov fx-06, 25;
    # Dec fx-24, 13 (24 in all). Dec 2025 is after the data (7 Nov 2025): Dec sums two years.
    assert figure(dash_duo, ids.STATS_MONTHS, "[gd.data[0].x, gd.data[0].y, gd.layout.xaxis.ticktext]") == [
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        [1, 2, 2, 3, 1, 5, 0, 1, 3, 2, 2, 2],
        [*(f"{m}<br>3 yr" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov")),
         "Dec<br>2 yr"]]
    # the three busiest, ties in calendar order: Jun 5, then Apr and Sep 3
    assert figure(dash_duo, ids.STATS_MONTHS, "gd.layout.title.text") == (
        "Sightings per calendar month, all selected years together<br><sub>unit: sightings; announced exercises "
        "not counted; busiest: Jun (5), Apr (3), Sep (3); months sum different numbers of years (under each "
        "month)</sub>")
    # and per year: Jun 2023 (fx-03, 04, 22) and Apr 2024 (fx-23, 09, 10) the busiest months; Nov 2025 is cut
    # by the data-current-to date (starred), Dec 2025 not reached (blank)
    drawn(dash_duo, ids.STATS_HEATMAP)
    assert figure(dash_duo, ids.STATS_HEATMAP, "[gd.data[0].y, gd.data[0].text]") == [
        ["2023", "2024", "2025"],
        [["0", "0", "2", "0", "0", "3", "0", "0", "1", "0", "1", "1"],
         ["0", "2", "0", "3", "0", "0", "0", "0", "0", "1", "0", "1"],
         ["1", "0", "0", "0", "1", "2", "0", "1", "2", "1", "1*", ""]]]
    assert dash_duo.get_logs() == []


def test_frozen_task006_passages_chart_exported_as_svg_cites_source_version_and_filters(dash_duo):
    start_frozen(dash_duo, "/?strait=Soya")                  # start: the Soya Strait
    # fx-01 (2 ships), fx-02 (2), fx-17 (1), fx-18 (2), fx-25 (2)
    sentence = "5 sightings, 9 ship-sightings, 6 Mar 2023 - 5 Nov 2025, Soya Strait, data current to 7 Nov 2025"
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", sentence, timeout=20)
    open_tab(dash_duo, "Statistics")                         # action 1: open Statistics
    wait_until(lambda: sentence in (figure(dash_duo, ids.STATS_PASSAGES, "gd.layout.annotations.map(a => a.text)"
                                                                         ".join(' ')") or "").replace("<br>", " "),
               30, "the filter sentence under the passages chart")
    today = dt.date.today().isoformat()
    name = f"straitwatch-passages-per-year_soya_v{VERSION}_accessed-{today}.svg"
    wait_until(lambda: figure(dash_duo, ids.STATS_PASSAGES, "gd._context.toImageButtonOptions.filename")
               == name[:-len(".svg")], 20, "the export named for the view")
    text = exported_svg_text(dash_duo, ids.STATS_PASSAGES, name)   # action 2: the chart's camera button
    assert f"Filters: {sentence}" in text
    assert f"Source: {SOURCE}" in text
    assert f"Dataset version {VERSION}, accessed {today}." in text
    assert "unit: passages (one group's transit of one strait on one heading)" in text
    assert dash_duo.get_logs() == []
