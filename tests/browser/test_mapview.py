"""Issue 9 in the real app: dates by mouse and by typing, place names and the view, the phone
screen, the table with its details panel, and the app's own CSV as an overlay."""

import os

import pandas as pd
from selenium.webdriver.common.by import By

from dashboard import ids
from dashboard.figures import UPLOAD_TRACE, point_rows
from dashboard.filters import FilterSpec, apply_filters, summary
from dashboard.mapview import REGION_BOUNDS
from sightings.store import DATASET
from tests.browser.conftest import plot, start, viewport, wait_until

MAP = f"{plot(ids.MAP)}._fullLayout.map._subplot.map"
BOUNDS = f"const b = {MAP}.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];"
LABELS = "return Array.from(document.querySelectorAll('#map .map-label')).map(e => e.textContent);"



def last_report(sightings):
    """The record's last report date, as the app states it (issue 25 item 1): max report_date of all rows."""
    return sightings["report_date"].max().date()


def raw_dataset() -> pd.DataFrame:
    """data/sightings.csv as text cells: the expectation, read without the app's code."""
    return pd.read_csv(DATASET, dtype=str, keep_default_na=False)


def downloaded(dash_duo, name) -> pd.DataFrame:
    path = os.path.join(dash_duo.download_path, name)
    wait_until(lambda: os.path.exists(path) and os.path.getsize(path) > 0, message=f"download {path}")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def calendar_day(dash_duo, month: int, day: str):
    """The day cell ``day`` in the ``month``-th month the open calendar shows (0 = the first)."""
    cells = dash_duo.find_elements("td.dash-datepicker-calendar-date-inside")
    return [cell for cell in cells if cell.text == day][month]


def test_mapview001_dates_by_mouse_and_by_typing_reach_the_download(dash_duo, sightings, wait_map):
    start(dash_duo)
    wait_map()
    # typed, then a click elsewhere (no Tab, no Enter): both dates count
    start_field = dash_duo.find_element(f"#{ids.DATES}")
    start_field.send_keys("2022-03-01")
    end_field = dash_duo.find_element(f"#{ids.DATES}-end-date")
    end_field.click()
    end_field.send_keys("2022-03-31")
    dash_duo.find_element("h1").click()
    spec = FilterSpec(start=pd.Timestamp("2022-03-01").date(), end=pd.Timestamp("2022-03-31").date())
    march = apply_filters(sightings, spec)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(march, spec, last_report(sightings)), timeout=15)
    assert "from=2022-03-01&to=2022-03-31" in dash_duo.driver.current_url
    bars = dash_duo.driver.execute_script(f"return {plot(ids.TIMELINE)}.data.filter(t => t.type === 'bar')[0]")
    assert (bars["x"], bars["y"], bars["xperiod"]) == (["2022-03-01"], [len(march)], "M1")   # one whole month

    # by mouse only: a preset, then a day picked in the calendar
    dash_duo.find_element(f"#{ids.PRESET_2022}").click()
    wait_until(lambda: "from=2022-01-01&to=2022-12-31" in dash_duo.driver.current_url, message="the 2022 preset")
    dash_duo.find_element(f"#{ids.DATES}").click()
    headers = [e.text for e in dash_duo.find_elements(".dash-datepicker-calendar-month-header")]
    assert headers[0] == "January 2022"                      # opens on the chosen range, not on today
    on_top = dash_duo.driver.execute_script("""const c = document.querySelector('.dash-datepicker-content')
        .getBoundingClientRect(); return [[0.5, 0.5], [0.9, 0.5], [0.9, 0.9]].every(([x, y]) =>
        document.elementFromPoint(c.left + x * c.width, c.top + y * c.height).closest('.dash-datepicker-content'));""")
    assert on_top                                            # never behind the map
    calendar_day(dash_duo, 1, "28").click()                 # a range is set: the click picks its end
    wait_until(lambda: "from=2022-01-01&to=2022-02-28" in dash_duo.driver.current_url, message="the picked end")
    dash_duo.find_element("h1").click()
    link = dash_duo.find_element(f"#{ids.DOWNLOAD_CSV}")
    wait_until(lambda: "to=2022-02-28" in link.get_attribute("href"), message="the download link for the range")
    link.click()
    got = downloaded(dash_duo, "straitwatch_2022-01-01_2022-02-28.csv")
    raw = raw_dataset()
    want = raw[(raw["event_date"] >= "2022-01-01") & (raw["event_date"] <= "2022-02-28")]
    assert len(want) > 2
    columns = ["id", "event_date", "report_date", "ships", "strait", "location_text", "source_urls"]
    assert (got[columns].sort_values("id").reset_index(drop=True)
            .equals(want[columns].sort_values("id").reset_index(drop=True)))

    assert dash_duo.get_logs() == []


def test_mapview002_place_names_region_view_fit_to_results_offline(dash_duo, sightings, wait_map):
    viewport(dash_duo, 1400, 1100)       # the map at its full height (640 px): the region view at zoom 3
    start(dash_duo)
    wait_map()
    wait_until(lambda: {"Sea of Japan", "Sea of Okhotsk", "Kuril Islands", "Northern Territories\n(Southern Kurils)",
                        "Sakhalin", "Soya Strait", "Tsugaru Strait"} <= set(dash_duo.driver.execute_script(LABELS)),
               message="seas, Kurils and straits named at the default view")
    labels = dash_duo.driver.execute_script(f"return {plot(ids.MAP)}.layout.meta.labels")
    assert {"Sea of Okhotsk", "Soya Strait", "Etorofu / Iturup", "Cape Soya"} <= {label["en"] for label in labels}
    anchors = {label["en"] for label in labels if label["kind"] == "anchor"}
    assert len(anchors & set(dash_duo.driver.execute_script(LABELS))) >= 3   # places reports measure from
    west, south, east, north = dash_duo.driver.execute_script(BOUNDS)
    assert west <= REGION_BOUNDS[0] and south <= REGION_BOUNDS[1] and east >= REGION_BOUNDS[2] \
        and north >= REGION_BOUNDS[3]                         # Sakhalin and Okhotsk to the Ryukyus
    dash_duo.find_element(f"#{ids.MAP_LANGUAGE} input[value='ja']").click()
    wait_until(lambda: {"日本海", "北方領土\n（南クリル）"} <= set(dash_duo.driver.execute_script(LABELS)),
               message="Japanese place names")

    dash_duo.find_element(f"#{ids.STRAITS}").click()
    next(o for o in dash_duo.find_elements(".dash-dropdown-option") if o.text.startswith("Soya (")).click()
    dash_duo.find_element("h1").click()
    dash_duo.find_element(f"#{ids.PRESET_2022}").click()
    spec = FilterSpec(start=pd.Timestamp("2022-01-01").date(), end=pd.Timestamp("2022-12-31").date(),
                      straits=("Soya",))
    rows = apply_filters(sightings, spec)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(rows, spec, last_report(sightings)), timeout=15)
    points = point_rows(rows)
    assert len(points) > 3

    def all_inside():
        west, south, east, north = dash_duo.driver.execute_script(BOUNDS)
        return bool(((points["lon"] > west) & (points["lon"] < east) & (points["lat"] > south)
                     & (points["lat"] < north)).all()) and (north - south) < 15
    wait_until(all_inside, message="every Soya 2022 point inside the zoomed map")

    layout = dash_duo.driver.execute_script(f"return {plot(ids.MAP)}.layout")
    assert summary(rows, spec, last_report(sightings)) in layout["title"]["text"] and "Natural Earth" in layout["annotations"][0]["text"]
    assert dash_duo.find_elements(".modebar-btn[data-title='Download plot as a PNG']")
    assert not dash_duo.find_elements(".modebar-btn[data-title^='Share']")
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "en"
    assert dash_duo.find_element(f"label[for='{ids.SEARCH}']").text
    assert "The map shows" in dash_duo.find_element(f"#{ids.MAP_SUMMARY}").text
    foreign = dash_duo.driver.execute_script("return performance.getEntriesByType('resource').map(r => r.name)"
                                             ".filter(u => !u.startsWith(location.origin))")
    assert foreign == []
    assert dash_duo.get_logs() == []


def test_mapview003_phone_map_first_filters_in_a_drawer(dash_duo, wait_map):
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    start(dash_duo)
    wait_map()
    box = dash_duo.driver.execute_script(f"return {plot(ids.MAP)}.getBoundingClientRect().toJSON()")
    assert box["top"] >= 0 and box["bottom"] <= 844 and box["width"] >= 350     # the map on the first screen
    legend = dash_duo.driver.execute_script(f"return document.getElementById('{ids.MAP_LEGEND}')"
                                            ".getBoundingClientRect().toJSON()")
    assert legend["top"] >= box["bottom"] - 1                                     # the legend is below, not over it
    assert not dash_duo.find_element("#filters").is_displayed()
    dash_duo.find_element(f"#{ids.FILTERS_TOGGLE}").click()
    wait_until(lambda: dash_duo.find_element("#filters").is_displayed(), message="the filter drawer open")
    dash_duo.find_element(f"#{ids.FILTERS_CLOSE}").click()
    wait_until(lambda: not dash_duo.find_element("#filters").is_displayed(), message="the drawer closed")
    assert dash_duo.get_logs() == []


def test_mapview004_table_details_and_the_apps_own_csv_as_overlay(dash_duo, sightings, wait_map):
    start(dash_duo)
    wait_map()
    dash_duo.wait_for_element(".ag-row .ag-cell", timeout=15)
    visible = dash_duo.driver.execute_script("""const grid = document.querySelector('#table .ag-body-viewport')
        .getBoundingClientRect(); return Array.from(document.querySelectorAll('#table .ag-center-cols-container .ag-row'))
        .filter(r => { const b = r.getBoundingClientRect(); return b.top >= grid.top && b.bottom <= grid.bottom; }).length;""")
    assert visible >= 10
    first = dash_duo.find_elements(".ag-center-cols-container .ag-row[row-index='0']")[0]
    newest = sightings.sort_values("event_date").iloc[-1]
    assert first.find_element(By.CSS_SELECTOR, "[col-id='event_date']").text == f"{newest['event_date']:%Y-%m-%d}"
    release_rows = sightings[sightings["location_text_ja"] != ""]
    target = release_rows[release_rows["position_kind"] == "derived"].iloc[-1]
    dash_duo.driver.get(dash_duo.server_url + "/?primary=1")
    wait_map()
    dash_duo.wait_for_element(f".ag-row[row-id='{target['id']}'] .ag-cell", timeout=15).click()
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", target["location_text_ja"][:20], timeout=15)
    details = dash_duo.find_element(f"#{ids.DETAILS}").text
    assert target["location_text"] in details and "Derived:" in details and " km " in details
    links = dash_duo.find_elements(f"#{ids.DETAILS} a.source-link")
    assert [a.get_attribute("href") for a in links] == list(target["source_urls"])

    dash_duo.driver.get(dash_duo.server_url + "/")
    wait_map()
    dash_duo.find_element(f"#{ids.DOWNLOAD_CSV}").click()
    exported = downloaded(dash_duo, "straitwatch.csv")
    assert len(exported) == len(sightings)
    path = os.path.join(dash_duo.download_path, "straitwatch.csv")
    dash_duo.find_element(f"#{ids.UPLOAD} input[type=file]").send_keys(path)
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_MESSAGE}", f"{len(sightings)} sightings from straitwatch.csv",
                                    timeout=20)
    drawn = f"return {plot(ids.MAP)}.data[{UPLOAD_TRACE}].lat.length"
    wait_until(lambda: dash_duo.driver.execute_script(drawn) == len(point_rows(sightings)),
               message="every exported row with a position drawn")
    assert dash_duo.get_logs() == []
