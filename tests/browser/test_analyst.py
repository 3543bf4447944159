"""Analyst views in the real app: a vessel's history, the statistics CSV, a voyage's track, playback."""

import datetime as dt
import io
import os
import re

import pandas as pd

from dashboard import ids
from sightings.export import EXPORT_COLUMNS
from dashboard.filters import FilterSpec, summary
from dashboard.playback import PLAYBACK_TRACE
from dashboard.tracks_figure import LINE_TRACE
from tests.browser.conftest import open_tab, plot, start, wait_until
from tests.expected import assert_download_equals, assert_passage_sums_match

D = dt.date



def last_report(sightings):
    """The record's last report date, as the app states it (issue 25 item 1): max report_date of all rows."""
    return sightings["report_date"].max().date()


def downloaded(dash_duo, name: str) -> str:
    path = os.path.join(dash_duo.download_path, name)
    wait_until(lambda: os.path.exists(path) and os.path.getsize(path) > 0, message=f"download {path}")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def trace(dash_duo, index: int, key: str):
    return dash_duo.driver.execute_script(f"const gd = {plot(ids.MAP)}; return gd && gd.data ? gd.data[{index}].{key} : null")


def test_analyst001_vessel_row_opens_hull_548_shown_and_downloaded_exactly(dash_duo, sightings):
    start(dash_duo)
    open_tab(dash_duo, "Vessels")
    cell = f"#{ids.VESSELS} .ag-row[row-id='548'] .ag-cell[col-id='hull']"
    dash_duo.wait_for_element(cell, timeout=20).click()
    want = sightings[sightings["hull_numbers"].map(lambda hulls: "548" in hulls)]
    assert len(want) >= 2          # several sightings of hull 548 (the count grows with the record)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(want, FilterSpec(hulls=("548",)), last_report(sightings)), timeout=20)
    wait_until(lambda: "hull=548" in dash_duo.driver.current_url, message="hull=548 in the URL")
    shown = want[want["lat"].notna() & want["position_kind"].isin(["reported", "derived"])]
    wait_until(lambda: sorted(dash_duo.driver.execute_script(
        f"return {plot(ids.MAP)}.data.slice(1).filter(t => t.mode === 'markers').flatMap(t => t.customdata || [])"))
        == sorted(shown.drop_duplicates(["lat", "lon"])["id"]), message="only hull 548's markers (one per point)")
    dash_duo.find_element(f"#{ids.DOWNLOAD_CSV}").click()
    assert_download_equals(downloaded(dash_duo, "straitwatch_hull-548.csv"), want, EXPORT_COLUMNS)
    assert dash_duo.get_logs() == []


def test_analyst002_statistics_csv_equals_a_groupby_of_the_download(dash_duo, sightings):
    start(dash_duo, "/?from=2022-01-01&strait=Soya&strait=Tsushima")
    spec = FilterSpec(start=D(2022, 1, 1), straits=("Soya", "Tsushima"))
    want_rows = sightings[(sightings["event_date"] >= "2022-01-01") & sightings["strait"].isin(["Soya", "Tsushima"])]
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(want_rows, spec, last_report(sightings)), timeout=20)
    open_tab(dash_duo, "Statistics")
    wait_until(lambda: "strait=Soya" in (dash_duo.find_element(f"#{ids.STATS_DOWNLOAD}").get_attribute("href") or ""),
               message="the statistics link carrying the filters")
    dash_duo.find_element(f"#{ids.DOWNLOAD_CSV}").click()
    rows = pd.read_csv(io.StringIO(downloaded(dash_duo, "straitwatch_2022-01-01_end_soya_tsushima.csv")))
    dash_duo.find_element(f"#{ids.STATS_DOWNLOAD}").click()
    stats = pd.read_csv(io.StringIO(downloaded(dash_duo, "straitwatch-passages_2022-01-01_end_soya_tsushima.csv")))
    assert_passage_sums_match(stats, rows)
    note = dash_duo.driver.execute_script(f"return {plot(ids.STATS_PASSAGES)}.layout.annotations[0].text")
    assert note.startswith("Where each year's rows come from: 2026 mostly from Joint Staff releases")
    assert dash_duo.get_logs() == []


def test_analyst003_a_voyage_is_drawn_through_its_sightings_in_time_order(dash_duo, sightings):
    start(dash_duo, "/?from=2024-01-22&to=2024-01-24")
    voyage = sightings[(sightings["voyage_id"] == "v-2024-01-22-846082")
                       & (sightings["event_date"] <= "2024-01-24")].sort_values(["event_date", "event_time"])
    n = len(voyage)                                   # its Tsushima legs, two days apart at sea: the route is drawn
    assert n >= 2 and voyage["lat"].notna().all()
    lats, lons = ([round(v, 4) for v in voyage[key].tolist()] for key in ("lat", "lon"))
    wait_until(lambda: (trace(dash_duo, LINE_TRACE, "lat") or [None])[:n + 1] == lats + [None],
               message="the voyage's line, then its arrows")
    assert trace(dash_duo, LINE_TRACE, "lon")[:n] == lons
    assert "Voyage v-2024-01-22-846082" in trace(dash_duo, LINE_TRACE, "text")[0]
    dash_duo.find_element(f"#{ids.MAP_LAYERS} input[value='tracks']").click()
    wait_until(lambda: trace(dash_duo, LINE_TRACE, "visible") is False, message="the tracks hidden by the toggle")
    assert dash_duo.get_logs() == []


def test_analyst004_playback_steps_and_plays_the_window_forward(dash_duo, sightings):
    start(dash_duo, "/?from=2022-01-01&to=2022-12-31#play=2022-02-07&window=4-weeks")
    year = sightings[sightings["event_date"].dt.year == 2022]

    def expect(first: D):
        last = first + dt.timedelta(days=27)
        part = year[(year["event_date"] >= pd.Timestamp(first)) & (year["event_date"] <= pd.Timestamp(last))]
        span = (f"{first.day} {first:%b} - {last.day} {last:%b} {last.year}" if first.month != last.month
                else f"{first.day} - {last.day} {last:%b} {last.year}")
        label = f"4 weeks, {span}: {len(part)} sighting{'s' if len(part) != 1 else ''}"
        located = part[part["lat"].notna() & part["position_kind"].isin(["reported", "derived"])]
        drawn = located.drop_duplicates(["lat", "lon"])["id"].tolist()          # one marker per point
        dash_duo.wait_for_text_to_equal(f"#{ids.PLAY_LABEL}", label, timeout=15)
        wait_until(lambda: trace(dash_duo, PLAYBACK_TRACE, "customdata") == drawn,
                   message=f"the map redrawn for the window from {first}: {drawn} != "
                           f"{trace(dash_duo, PLAYBACK_TRACE, 'customdata')} {dash_duo.find_element('#' + ids.PLAY_LABEL).text}")

    expect(D(2022, 2, 7))
    for step in range(1, 4):
        dash_duo.find_element(f"#{ids.PLAY_STEP}").click()
        expect(D(2022, 2, 7) + dt.timedelta(weeks=step))
    wait_until(lambda: dash_duo.driver.current_url.endswith("#play=2022-02-28&window=4-weeks"),
               message="the stepped window in the URL")
    dash_duo.find_element(f"#{ids.PLAY}").click()                      # plays on from 28 Feb, a week a second
    dash_duo.wait_for_text_to_equal(f"#{ids.PLAY}", "Pause", timeout=10)
    wait_until(lambda: not dash_duo.find_element(f"#{ids.PLAY_LABEL}").text.startswith("4 weeks, 28 Feb"),
               message="the window moving on by itself")
    dash_duo.find_element(f"#{ids.PLAY}").click()                      # pause: the URL says where it stopped
    dash_duo.wait_for_text_to_equal(f"#{ids.PLAY}", "Play", timeout=10)
    wait_until(lambda: "#play=" in dash_duo.driver.current_url and not dash_duo.driver.current_url.endswith(
        "#play=2022-02-28&window=4-weeks"), message="the paused window in the URL")
    paused_at = D.fromisoformat(dash_duo.driver.current_url.split("#play=")[1][:10])
    assert paused_at > D(2022, 2, 28) and paused_at.weekday() == 0
    expect(paused_at)
    dash_duo.find_element(f"#{ids.SHOW_EVENTS} input").click()         # hide the context events
    # the events' bands go; the playback window's band (always the first shape) stays
    wait_until(lambda: dash_duo.driver.execute_script(f"return {plot(ids.TIMELINE)}.layout.shapes.length") == 1,
               message="the events hidden from the timeline")
    assert dash_duo.get_logs() == []


def test_analyst_truth05_a_class_click_filters_the_class_in_every_spelling(dash_duo, sightings):
    """Issue 18 point 5: hull 548's class cell sets ``?class=Udaloy I-class destroyer``, which keeps the
    rows written "Udaloy I-class missile destroyer" as well as those written as the class."""
    start(dash_duo)
    open_tab(dash_duo, "Vessels")
    cell = f"#{ids.VESSELS} .ag-row[row-id='548'] .ag-cell[col-id='class']"
    dash_duo.wait_for_element(cell, timeout=20).click()
    # the spellings data/ship_classes.csv lists for the class, singular or plural, with or without a count
    spelling = re.compile(r"^Udaloy I-class (missile )?destroyers?( \(\d+\))?$|^Udaloy-class destroyers \(large")
    want = sightings[sightings["ship_types"].map(lambda types: any(spelling.match(t) for t in types))
                     | sightings["vessels"].map(lambda vessels: any(v.startswith("Udaloy I-class destroyer (")
                                                                    for v in vessels))]
    assert (want["ship_types"].map(lambda t: "Udaloy I-class missile destroyer" in t)).any()
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(want, FilterSpec(classes=("Udaloy I-class destroyer",)), last_report(sightings)),
                                    timeout=20)
    wait_until(lambda: "class=Udaloy+I-class+destroyer" in dash_duo.driver.current_url, message="the class in the URL")
    assert dash_duo.get_logs() == []
