"""Accessibility of the real app (issue 9): keyboard use of the table, labelled inputs, AA contrast,
unreadable typed dates flagged in the field, and the loading note."""

import datetime as dt
import pathlib

from selenium.webdriver.common.keys import Keys

from dashboard import ids
from dashboard.facets import FACETS
from dashboard.filters import FilterSpec, apply_filters, summary
from tests.browser.conftest import start, viewport, wait_until

D = dt.date



def last_report(sightings):
    """The record's last report date, as the app states it (issue 25 item 1): max report_date of all rows."""
    return sightings["report_date"].max().date()


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
    # the last link of the table's head (the GeoJSON API link, after the downloads)
    dash_duo.driver.execute_script(f"document.getElementById('{ids.FEED_GEOJSON}').focus()")
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


#: Every element a person can type into or choose with (popover inputs included when open).
CONTROLS = "input, select, textarea, [role=listbox], [role=combobox], button[aria-haspopup=listbox]"

MARK_CONTROLS = f"""
const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
const marked = [];
document.querySelectorAll('[data-ax-check]').forEach(e => e.removeAttribute('data-ax-check'));
document.querySelectorAll('{CONTROLS}').forEach((e, i) => {{
  if (!shown(e) || e.closest('[aria-hidden=true]')) {{ return; }}
  e.setAttribute('data-ax-check', i);
  marked.push([i, e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className]);
}});
return marked;
"""
HIDDEN_INPUTS = """return [...document.querySelectorAll('input')].filter(e => e.closest('[aria-hidden=true]'))
  .map(e => [e.className, e.nextElementSibling && e.nextElementSibling.matches('button.dash-dropdown[id]')]);"""


def accessible_names(dash_duo) -> dict[str, str]:
    """Chrome's computed accessible name of every shown control, keyed by a readable selector."""
    described = dict(dash_duo.driver.execute_script(MARK_CONTROLS))
    cdp = dash_duo.driver.execute_cdp_cmd
    root = cdp("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    names = {}
    for node in cdp("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-ax-check]"})["nodeIds"]:
        mark = cdp("DOM.getAttributes", {"nodeId": node})["attributes"]
        index = int(mark[mark.index("data-ax-check") + 1])
        ax = cdp("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
        names[f"{index}:{described[index]}"] = ax.get("name", {}).get("value", "")
    return names


def test_access002_every_control_has_a_meaningful_accessible_name(dash_duo, sightings):
    """Chrome's own accessible name (CDP Accessibility.getPartialAXTree) of every shown input,
    select, textarea, listbox (radio and check lists) and dropdown button is not empty, and the
    labelled ones start with their label: "Strait Tsugaru (n)", "Dates from", "Dates to", each
    facet's control its facet label, the map's place-name and layer lists, the playback
    dropdowns. The dropdowns' hidden focus inputs (aria-hidden, Dash's Safari workaround) are
    left out: they only pass focus to the named button beside them, which this checks. An open
    dropdown's search box is checked too."""
    start(dash_duo, "/?strait=Tsugaru")
    tsugaru = int((sightings["strait"] == "Tsugaru").sum())
    dash_duo.wait_for_text_to_equal(f"#{ids.STRAITS} .dash-dropdown-value", f"Tsugaru ({tsugaru})", timeout=20)
    wait_until(lambda: (dash_duo.driver.execute_script(
        f"return document.getElementById('{ids.PLAY_SPEED}').getAttribute('aria-labelledby')") or "").startswith(
        f"{ids.PLAY_SPEED}-label"), message="the dropdowns named by their labels")
    names = accessible_names(dash_duo)
    assert len(names) > 20, names
    assert all(name.strip() for name in names.values()), {k: v for k, v in names.items() if not v.strip()}
    by_id = {key.split(":", 1)[1].split(".")[0].split("#")[1]: name for key, name in names.items() if "#" in key}
    for facet in FACETS:
        assert by_id[facet.control].startswith(facet.label), (facet.control, by_id[facet.control])
    assert by_id[ids.STRAITS] == f"Strait Tsugaru ({tsugaru})"
    assert (by_id[ids.DATES], by_id[f"{ids.DATES}-end-date"]) == ("Dates from", "Dates to")
    assert by_id[ids.MAP_LANGUAGE] == "Place names:" and by_id[ids.MAP_LAYERS] == "Map layers"
    assert by_id[ids.SHOW_EVENTS] == "Timeline events"
    assert by_id[ids.PLAY_WINDOW].startswith("Window") and by_id[ids.PLAY_SPEED].startswith("Speed")
    files = [name for key, name in names.items() if key.endswith(":input.")]   # the upload's file input
    assert len(files) == 1 and files[0].startswith("Overlay your own sightings CSV"), names
    hidden = dash_duo.driver.execute_script(HIDDEN_INPUTS)
    assert hidden and all(cls == "dash-dropdown-focus-target" and beside for cls, beside in hidden), hidden
    dash_duo.find_element(f"#{ids.SEAS}").click()
    dash_duo.wait_for_element(".dash-dropdown-search")
    wait_until(lambda: "Search the Sea area options" in accessible_names(dash_duo).values(),
               message="the open dropdown's search box named")
    assert dash_duo.get_logs() == []


def retype(dash_duo, selector, text, *keys):
    field = dash_duo.find_element(selector)
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(text, *keys)
    return field


def test_access003_an_unreadable_typed_date_is_flagged_and_changes_nothing(dash_duo, sightings):
    """"2022-13-45" typed into "from" then a click elsewhere, and "yesterday" + Enter into "to":
    each is named in a visible message with the form YYYY-MM-DD, the field is aria-invalid and
    shows the date still in use, and the URL and summary keep the old range. A readable date
    typed next takes effect and the message goes away."""
    path = "/?from=2022-01-01&to=2022-12-31"
    start(dash_duo, path)
    spec = FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31))
    before = summary(apply_filters(sightings, spec), spec, last_report(sightings))
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", before, timeout=20)
    message = f"#{ids.DATES_MESSAGE}"
    assert not dash_duo.find_element(message).is_displayed()

    start_field = retype(dash_duo, f"#{ids.DATES}", "2022-13-45")
    dash_duo.find_element("h1").click()
    dash_duo.wait_for_contains_text(message, "“2022-13-45” is not a date", timeout=10)
    assert "YYYY-MM-DD" in dash_duo.find_element(message).text and dash_duo.find_element(message).is_displayed()
    assert "The filter still uses 2022-01-01" in dash_duo.find_element(message).text
    assert start_field.get_attribute("aria-invalid") == "true"
    assert start_field.get_attribute("aria-describedby") == ids.DATES_MESSAGE
    assert start_field.get_attribute("value") == "2022-01-01"

    end_field = retype(dash_duo, f"#{ids.DATES}-end-date", "yesterday", Keys.ENTER)
    dash_duo.wait_for_contains_text(message, "“yesterday” is not a date", timeout=10)
    assert "“2022-13-45”" in dash_duo.find_element(message).text          # both refusals stay listed
    assert end_field.get_attribute("aria-invalid") == "true" and end_field.get_attribute("value") == "2022-12-31"
    dash_duo.find_element("h1").click()
    assert dash_duo.driver.current_url == dash_duo.server_url + path
    assert dash_duo.find_element(f"#{ids.SUMMARY}").text == before

    retype(dash_duo, f"#{ids.DATES}", "2022-03-01")
    retype(dash_duo, f"#{ids.DATES}-end-date", "2022-03-31")
    dash_duo.find_element("h1").click()
    march = FilterSpec(start=D(2022, 3, 1), end=D(2022, 3, 31))
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(apply_filters(sightings, march), march, last_report(sightings)), timeout=15)
    assert "from=2022-03-01&to=2022-03-31" in dash_duo.driver.current_url
    assert not dash_duo.find_element(message).is_displayed() and dash_duo.find_element(message).text == ""
    assert start_field.get_attribute("aria-invalid") == "false" and end_field.get_attribute("aria-invalid") == "false"
    assert dash_duo.get_logs() == []


def test_access004_a_loading_note_shows_while_the_views_update(dash_duo, sightings):
    """With every request held back 1.5 s (CDP network emulation, after the page has loaded), a
    filter change shows the "Updating ..." note (role=status) over the map until the views
    have the new rows, then the note goes away."""
    start(dash_duo)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(sightings, FilterSpec(), last_report(sightings)), timeout=20)
    assert not dash_duo.find_elements(".loading-note")
    cdp = dash_duo.driver.execute_cdp_cmd
    cdp("Network.enable", {})
    cdp("Network.emulateNetworkConditions", {"offline": False, "latency": 1500, "downloadThroughput": -1,
                                             "uploadThroughput": -1})
    dash_duo.find_element(f"#{ids.PRESET_2022}").click()
    note = dash_duo.wait_for_element(".loading-note", timeout=10)
    wait_until(note.is_displayed, message="the loading note shown")
    assert note.text == "Updating the map and time bar…" and note.get_attribute("role") == "status"
    spec = FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31))
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(apply_filters(sightings, spec), spec, last_report(sightings)), timeout=20)
    dash_duo.wait_for_no_elements(".loading-note", timeout=20)
    cdp("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                             "uploadThroughput": -1})
    assert dash_duo.get_logs() == []


CONTRAST = (pathlib.Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")


def contrast_failures(dash_duo) -> tuple[list[dict], list[dict]]:
    """(every text record of tests/browser/contrast.js, those below WCAG AA)."""
    records = dash_duo.driver.execute_script(CONTRAST)
    return records, [(r["text"], r["cls"], round(r["ratio"], 2)) for r in records
                     if r["ratio"] < (3 if r["large"] else 4.5)]


def test_access005_every_visible_text_meets_wcag_aa_contrast(dash_duo, wait_map):
    """At 1400x1000, every visible text (tests/browser/contrast.js) against its effective
    background reaches WCAG AA: 4.5:1, or 3:1 for large text (>= 24 px, or >= 18.66 px bold).

    Checked: each element holding a non-blank text node, shown (a box over 1 px, visible, not
    transparent through an ancestor's opacity), not disabled: HTML text by its CSS colour,
    Plotly's SVG text by its fill and fill-opacity; the colour's alpha and the ancestors'
    opacity blended in; the background is every ancestor's background-color composited down to
    the first opaque one (white below), and for SVG text inside a Plotly plot area that plot's
    background rect; input placeholders (::placeholder) of empty fields. Passes: the page as
    loaded, with a sighting selected (the details panel), and with the calendar open.
    The map canvas is separate: the place names over it (.map-labels) are checked against
    their text-shadow halo, the colour they are drawn on; Plotly's own text in the map figure
    (title, attribution) must lie outside the canvas, on the figure's paper. Left out: the
    markers' hover cards, which only appear under the pointer.
    """
    viewport(dash_duo, 1400, 1000)
    start(dash_duo)
    dash_duo.wait_for_element(".ag-center-cols-container .ag-row", timeout=20)
    wait_map()
    records, failing = contrast_failures(dash_duo)
    assert len(records) > 300 and sum(r["overMap"] for r in records) > 10, len(records)
    assert not [r for r in records if r["onCanvas"]], "Plotly text drawn over the map canvas"
    assert failing == []

    dash_duo.find_element(".ag-center-cols-container .ag-row .ag-cell").click()
    dash_duo.wait_for_element(f"#{ids.DETAILS} .details-fields")
    _, failing = contrast_failures(dash_duo)
    assert failing == []

    dash_duo.find_element(f"#{ids.DATES}").click()
    dash_duo.wait_for_element("td.dash-datepicker-calendar-date-inside")
    records, failing = contrast_failures(dash_duo)
    assert any(r["cls"].startswith("dash-datepicker-calendar") or r["tag"] == "td" for r in records)
    assert failing == []
    assert dash_duo.get_logs() == []
