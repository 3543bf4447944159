"""The analyst's workspace (issue 21): one screen, lazy tabs, a link to every sighting, a time bar that follows."""

from selenium.webdriver.common.keys import Keys

from dashboard import ids
from dashboard.figures import point_rows
from dashboard.filters import FilterSpec, apply_filters
from tests.browser.conftest import open_tab, plot, start, viewport, wait_until

INSIDE = """
const r = document.getElementById(arguments[0]).getBoundingClientRect();
return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
       && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
"""
CLICK_MARKER = f"const gd = {plot(ids.MAP)};" + """
const curve = gd.data.findIndex(t => (t.customdata || []).includes(arguments[0]));
const index = gd.data[curve].customdata.indexOf(arguments[0]);
gd.emit('plotly_click', {points: [{curveNumber: curve, pointNumber: index, pointIndex: index,
         customdata: arguments[0], lat: gd.data[curve].lat[index], lon: gd.data[curve].lon[index],
         data: gd.data[curve], fullData: gd._fullData[curve]}]});
"""


def click_marker_shows_details_on_screen(dash_duo, sightings, wait_map):
    start(dash_duo, "/?strait=Soya")
    wait_map()
    target = point_rows(apply_filters(sightings, FilterSpec(straits=("Soya",)))).iloc[0]
    dash_duo.driver.execute_script(CLICK_MARKER, target["id"])
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS} .details-title", target["id"], timeout=15)
    wait_until(lambda: dash_duo.driver.execute_script(INSIDE, ids.DETAILS),
               message="the details inside the viewport")
    assert f"id={target['id']}" in dash_duo.driver.current_url       # a shared link carries the selection
    assert dash_duo.get_logs() == []


def test_workspace001_a_marker_click_shows_its_details_on_one_screen(dash_duo, sightings, wait_map):
    viewport(dash_duo, 1400, 1000)
    click_marker_shows_details_on_screen(dash_duo, sightings, wait_map)
    for part in (ids.MAP, ids.TIMELINE, ids.PLAY):                   # map, time bar and playback on screen
        assert dash_duo.driver.execute_script(INSIDE, part), part


def test_workspace002_on_a_phone_the_details_open_as_a_drawer(dash_duo, sightings, wait_map):
    viewport(dash_duo, 390, 844)
    click_marker_shows_details_on_screen(dash_duo, sightings, wait_map)
    dash_duo.find_element(f"#{ids.DETAILS_CLOSE}").click()
    wait_until(lambda: not dash_duo.driver.execute_script(INSIDE, ids.DETAILS), message="the drawer closed")


def test_workspace003_a_link_opens_its_sighting(dash_duo, sightings, wait_map):
    target = point_rows(sightings).iloc[-1]
    start(dash_duo, f"/?id={target['id']}")
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS} .details-title", target["id"], timeout=20)
    assert f"{target['event_date']:%d %b %Y}" in dash_duo.find_element(f"#{ids.DETAILS} .details-title").text
    link = dash_duo.find_element(f"#{ids.DETAILS} .permalink-link")
    assert link.get_attribute("href").endswith(f"?id={target['id']}")
    wait_map()
    wait_until(lambda: dash_duo.driver.execute_script(f"return {plot(ids.MAP)}.data[0].lat") == [target["lat"]],
               message="the selection halo on the linked sighting")
    centre = dash_duo.driver.execute_script(f"return {plot(ids.MAP)}.layout.map.center")
    assert abs(centre["lat"] - target["lat"]) < 2 and abs(centre["lon"] - target["lon"]) < 2   # framed on it
    assert dash_duo.get_logs() == []


def test_workspace004_an_unknown_id_and_an_unknown_strait_are_named(dash_duo):
    start(dash_duo, "/?id=no-such-sighting&strait=Atlantis")
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS}", "No sighting has the id “no-such-sighting”", timeout=20)
    dash_duo.wait_for_text_to_equal(f"#{ids.URL_NOTE}", "ignored: strait=Atlantis", timeout=10)
    assert dash_duo.get_logs() == []


def test_workspace005_a_tab_is_computed_when_it_is_opened(dash_duo, wait_map):
    start(dash_duo, "/?hull=548")
    wait_map()
    rows = f"return (dash_ag_grid.getApi('{ids.VESSELS}') || {{getDisplayedRowCount: () => -1}}).getDisplayedRowCount()"
    assert not dash_duo.find_elements(f"#{ids.VESSELS} .ag-row")      # not shown, not drawn
    open_tab(dash_duo, "Vessels")
    wait_until(lambda: dash_duo.find_elements(f"#{ids.VESSELS} .ag-row"), message="the vessels computed")
    assert dash_duo.driver.execute_script(rows) > 0
    assert dash_duo.find_element(f"#{ids.VESSELS} .ag-row[row-id='548']")
    assert dash_duo.get_logs() == []


def test_workspace006_the_playback_window_is_a_band_on_the_time_bar(dash_duo):
    start(dash_duo, "/?from=2022-01-01&to=2022-12-31#play=2022-02-07&window=4-weeks")
    band = f"const gd = {plot(ids.TIMELINE)}; return gd && gd.layout && gd.layout.shapes ? gd.layout.shapes[0] : null"
    wait_until(lambda: (dash_duo.driver.execute_script(band) or {}).get("visible") is True,
               message="the band drawn")
    shape = dash_duo.driver.execute_script(band)
    assert (shape["x0"], shape["x1"]) == ("2022-02-07", "2022-03-07")
    axis = dash_duo.driver.execute_script(f"return {plot(ids.TIMELINE)}.layout.xaxis.range")
    assert [a[:10] for a in axis] == ["2022-01-01", "2023-01-01"]     # the date filter, not the events
    dash_duo.find_element(f"#{ids.PLAY_STOP}").click()
    wait_until(lambda: (dash_duo.driver.execute_script(band) or {}).get("visible") is False, message="the band gone")
    assert dash_duo.get_logs() == []


def test_workspace007_enter_on_a_table_row_opens_its_details(dash_duo, sightings):
    """Arrow keys to the second row (newest first, from an independent pandas sort), Enter: its details."""
    start(dash_duo, "/?strait=Tsugaru")
    newest = apply_filters(sightings, FilterSpec(straits=("Tsugaru",))).sort_values(
        "event_date", ascending=False, kind="stable")
    second = newest.iloc[1]
    dash_duo.wait_for_element(f".ag-row[row-id='{newest['id'].iloc[0]}'] .ag-cell", timeout=20).click()
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS} .details-title", newest["id"].iloc[0], timeout=15)
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS} .details-title", second["id"], timeout=15)
    assert dash_duo.find_elements(f".ag-row-selected[row-id='{second['id']}']")
    assert dash_duo.get_logs() == []


def test_workspace008_an_end_date_after_today_is_refused_with_a_message(dash_duo):
    start(dash_duo, "/?from=2022-01-01&to=2022-12-31")
    dash_duo.wait_for_contains_text(f"#{ids.SUMMARY}", "2022", timeout=20)
    field = dash_duo.find_element(f"#{ids.DATES}-end-date")
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("2999-01-01", Keys.ENTER)
    dash_duo.wait_for_contains_text(f"#{ids.DATES_MESSAGE}", "“2999-01-01” is after today", timeout=10)
    assert "The filter still uses 2022-12-31" in dash_duo.find_element(f"#{ids.DATES_MESSAGE}").text
    assert field.get_attribute("value") == "2022-12-31" and "to=2022-12-31" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []
