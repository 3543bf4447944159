"""Accessibility of the real app (issue 9): keyboard use of the table, labelled inputs, AA contrast,
unreadable typed dates flagged in the field, and the loading note."""

from dash.testing.application_runners import import_app
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from dashboard.filters import FilterSpec, apply_filters
from tests.browser.conftest import wait_until


def start(dash_duo, path=""):
    app = import_app("app")
    dash_duo.start_server(app)
    if path:
        dash_duo.wait_for_page(url=dash_duo.server_url + path)
    return app


def focused_row_id(dash_duo):
    return dash_duo.driver.execute_script(
        "const cell = document.activeElement.closest('.ag-row'); return cell && cell.getAttribute('row-id');")


def test_access001_keyboard_selects_a_table_row_and_opens_its_details(dash_duo, sightings):
    """Tab into the grid, arrow down to the second sighting, Space: the details panel shows that row
    (ids stated from an independent pandas sort: newest first)."""
    start(dash_duo, "/?strait=Tsugaru")
    rows = apply_filters(sightings, FilterSpec(straits=("Tsugaru",)))
    newest = rows.sort_values("event_date", ascending=False, kind="stable")
    assert newest["event_date"].iloc[1] not in (newest["event_date"].iloc[0], newest["event_date"].iloc[2])
    second = newest.iloc[1]
    dash_duo.wait_for_element(f".ag-row[row-id='{newest['id'].iloc[0]}']", timeout=20)
    dash_duo.driver.execute_script(f"document.getElementById('{ids.DOWNLOAD_GEOJSON}').focus()")
    focused = dash_duo.driver.switch_to.active_element
    focused.send_keys(Keys.TAB)                      # into the grid: its first header cell
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    wait_until(lambda: focused_row_id(dash_duo) == second["id"], message="focus on the second row")
    dash_duo.driver.switch_to.active_element.send_keys(Keys.SPACE)
    title = f"#{ids.DETAILS} .details-title"
    dash_duo.wait_for_text_to_equal(title, f"{second['event_date']:%d %b %Y} · {second['id']}", timeout=15)
    assert dash_duo.find_elements(f".ag-row-selected[row-id='{second['id']}']")
    assert dash_duo.find_element(f"#{ids.DETAILS} blockquote").text == second["location_text"]
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ARROW_UP, Keys.SPACE)   # and back to the first
    first = newest.iloc[0]
    dash_duo.wait_for_text_to_equal(title, f"{first['event_date']:%d %b %Y} · {first['id']}", timeout=15)
    assert dash_duo.get_logs() == []
