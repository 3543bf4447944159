"""The real app in headless chromium: what a person sees and downloads."""

import datetime as dt
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from sightings.export import EXPORT_COLUMNS
from dashboard.figures import point_rows
from dashboard.filters import FilterSpec, apply_filters, summary
from tests.browser.conftest import plot, start, wait_until
from tests.expected import assert_download_equals

D = dt.date



def last_report(sightings):
    """The record's last report date, as the app states it (issue 25 item 1): max report_date of all rows."""
    return sightings["report_date"].max().date()


def choose(dash_duo, selector, prefix):
    """Pick the dropdown option whose label starts with ``prefix`` (labels carry counts)."""
    dash_duo.find_element(selector).click()
    options = dash_duo.find_elements(".dash-dropdown-option")
    match = [o for o in options if o.text.startswith(prefix)]
    assert match, f"no option starting {prefix!r} in {[o.text for o in options]}"
    match[0].click()
    dash_duo.find_element("h1").click()   # close the menu


def distinct_points(rows) -> int:
    """Markers the map draws for ``rows``: one per distinct reported or derived point."""
    return len(point_rows(rows).drop_duplicates(["lat", "lon"]))


def test_app001_loads_with_map_markers_and_clean_console(dash_duo, sightings, wait_map, markers):
    start(dash_duo)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(sightings, FilterSpec(), last_report(sightings)), timeout=20)
    wait_map()
    expected = len(point_rows(sightings))
    wait_until(lambda: markers() == distinct_points(sightings), message=f"a marker per point of {expected} sightings")
    assert dash_duo.find_element(f"#{ids.MAP_NOTE}").text.startswith(f"{expected} on the map as points")
    assert dash_duo.get_logs() == []


def test_app002_tsugaru_leaves_only_tsugaru_points(dash_duo, sightings, wait_map, markers):
    start(dash_duo)
    wait_map()
    choose(dash_duo, f"#{ids.STRAITS}", "Tsugaru (")
    spec = FilterSpec(straits=("Tsugaru",))
    rows = apply_filters(sightings, spec)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(rows, spec, last_report(sightings)), timeout=15)
    tsugaru_points = point_rows(rows)
    wait_until(lambda: markers() == distinct_points(rows), message="Tsugaru markers only")
    drawn = dash_duo.driver.execute_script(
        f"return {plot(ids.MAP)}.data.slice(1).flatMap(t => t.customdata || [])")
    # a marker per point; where sightings share one, its click first selects the earliest
    assert sorted(drawn) == sorted(tsugaru_points.drop_duplicates(["lat", "lon"])["id"])
    assert "strait=Tsugaru" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_app003_date_range_reduces_the_count(dash_duo, sightings, markers, wait_map):
    start(dash_duo)
    wait_map()
    start_input = dash_duo.find_element(f"#{ids.DATES}")
    start_input.send_keys("2024-01-01", Keys.ENTER)
    spec = FilterSpec(start=D(2024, 1, 1))
    rows = apply_filters(sightings, spec)
    assert 0 < len(rows) < len(sightings)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(rows, spec, last_report(sightings)), timeout=15)
    wait_until(lambda: markers() == distinct_points(rows), message="markers from 2024 on")
    assert dash_duo.get_logs() == []


def test_app004_download_equals_apply_filters_row_for_row(dash_duo, sightings, wait_map):
    start(dash_duo, "/?from=2022-01-01&to=2022-12-31&strait=Tsugaru&strait=Soya")
    spec = FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31), straits=("Tsugaru", "Soya"))
    rows = apply_filters(sightings, spec)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(rows, spec, last_report(sightings)), timeout=20)
    dash_duo.find_element(f"#{ids.DOWNLOAD_CSV}").click()
    path = os.path.join(dash_duo.download_path, "straitwatch_2022-01-01_2022-12-31_tsugaru_soya.csv")
    wait_until(lambda: os.path.exists(path) and os.path.getsize(path) > 0, message=f"download {path}")
    want = sightings[(sightings["event_date"].dt.year == 2022) & sightings["strait"].isin(["Tsugaru", "Soya"])]
    assert len(want) > 0
    with open(path, encoding="utf-8") as downloaded:
        assert_download_equals(downloaded.read(), want, EXPORT_COLUMNS)
    assert dash_duo.get_logs() == []


def test_app005_url_filters_survive_a_reload(dash_duo, sightings):
    start(dash_duo, "/?strait=Tsushima&chinese=yes")
    spec = FilterSpec(straits=("Tsushima",), chinese="yes")
    expected = summary(apply_filters(sightings, spec), spec, last_report(sightings))
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", expected, timeout=20)
    dash_duo.driver.refresh()
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", expected, timeout=20)
    chosen = dash_duo.find_element(f"#{ids.STRAITS}").text
    assert "Tsushima" in chosen
    assert dash_duo.find_element(f"#{ids.CHINESE} input[value='yes']").is_selected()
    assert dash_duo.get_logs() == []


def test_app006_clicking_a_table_row_selects_it_on_the_map(dash_duo, sightings, wait_map):
    start(dash_duo, "/?strait=Tsugaru")
    wait_map()
    rows = point_rows(apply_filters(sightings, FilterSpec(straits=("Tsugaru",))))
    dash_duo.wait_for_element(".ag-row .ag-cell", timeout=15)
    first = dash_duo.find_elements(".ag-center-cols-container .ag-row")[0]
    row_id = first.get_attribute("row-id")
    first.find_element(By.CSS_SELECTOR, ".ag-cell").click()
    halo = f"return {plot(ids.MAP)}.data[0].lat"
    expected = rows.set_index("id").loc[row_id, "lat"] if row_id in set(rows["id"]) else None
    wait_until(lambda: dash_duo.driver.execute_script(halo) == ([expected] if expected is not None else []),
               message="the selection halo on the clicked sighting")
    links = dash_duo.find_elements(".source-link")
    assert links and all(link.get_attribute("rel") == "noopener noreferrer" and link.get_attribute("target") == "_blank"
                         and link.get_attribute("href").startswith(("http://", "https://")) for link in links)
    assert dash_duo.get_logs() == []


def test_app007_brushing_the_timeline_filters_every_view(dash_duo, sightings):
    start(dash_duo)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(sightings, FilterSpec(), last_report(sightings)), timeout=20)
    dash_duo.driver.execute_script(f"const gd = {plot(ids.TIMELINE)};" + """
        gd.emit('plotly_selected', {points: [], range: {x: ['2022-01-01 00:00', '2022-06-30 00:00'], y: [0, 6]}});
    """)
    spec = FilterSpec(start=D(2022, 1, 1), end=D(2022, 6, 30))
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(apply_filters(sightings, spec), spec, last_report(sightings)), timeout=15)
    assert "from=2022-01-01" in dash_duo.driver.current_url and "to=2022-06-30" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_app008_clicking_a_map_marker_selects_its_table_row(dash_duo, sightings, wait_map):
    start(dash_duo, "/?strait=Soya")
    wait_map()
    target = point_rows(apply_filters(sightings, FilterSpec(straits=("Soya",)))).iloc[0]
    dash_duo.driver.execute_script(f"const gd = {plot(ids.MAP)};" + """
        const curve = gd.data.findIndex(t => (t.customdata || []).includes(arguments[0]));
        const index = gd.data[curve].customdata.indexOf(arguments[0]);
        gd.emit('plotly_click', {points: [{curveNumber: curve, pointNumber: index, pointIndex: index,
                 customdata: arguments[0], lat: gd.data[curve].lat[index], lon: gd.data[curve].lon[index],
                 data: gd.data[curve], fullData: gd._fullData[curve]}]});
    """, target["id"])
    wait_until(lambda: dash_duo.find_elements(f".ag-row-selected[row-id='{target['id']}']"),
               message="the clicked sighting's table row selected")
    halo = dash_duo.driver.execute_script(f"return {plot(ids.MAP)}.data[0].lat")
    assert halo == [target["lat"]]
    assert dash_duo.get_logs() == []


def test_app009_hull_link_and_the_2022_preset(dash_duo, sightings):
    """``?hull=548`` selects the rows listing hull 548; the 2022 preset keeps it and sets the dates."""
    start(dash_duo, "/?hull=548")
    want = sightings[sightings["hull_numbers"].map(lambda hulls: "548" in hulls)]
    spec = FilterSpec(hulls=("548",))
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(want, spec, last_report(sightings)), timeout=20)
    assert summary(want, spec, last_report(sightings)).startswith(f"{len(want)} sightings") and len(want) > 1
    dash_duo.find_element(f"#{ids.PRESET_2022}").click()
    in_2022 = want[want["event_date"].dt.year == 2022]
    spec = spec.replace(start=D(2022, 1, 1), end=D(2022, 12, 31))
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(in_2022, spec, last_report(sightings)), timeout=15)
    wait_until(lambda: "from=2022-01-01&to=2022-12-31&hull=548" in dash_duo.driver.current_url,
               message="the preset's dates in the URL")
    assert dash_duo.get_logs() == []


def test_app_truth07_a_stacked_marker_reaches_each_of_its_sightings(dash_duo, sightings, wait_map):
    """Issue 18 point 7: 2022-03-14 (1 ship) and 2022-03-15 (four landing ships) share a point;
    its hover lists both and successive clicks select one, then the other."""
    start(dash_duo, "/?from=2022-03-14&to=2022-03-15&strait=Tsugaru")
    wait_map()
    rows = point_rows(apply_filters(sightings, FilterSpec(start=D(2022, 3, 14), end=D(2022, 3, 15),
                                                          straits=("Tsugaru",))))
    shared = rows[rows.duplicated(["lat", "lon"], keep=False)]
    assert len(shared) == 2 and shared["lat"].nunique() == 1
    click = f"const gd = {plot(ids.MAP)};" + """
        const curve = gd.data.findIndex(t => t.name === 'sightings');
        const index = gd.data[curve].lat.indexOf(arguments[0]);
        const id = gd.data[curve].customdata[index];
        gd.emit('plotly_click', {points: [{curveNumber: curve, pointNumber: index, pointIndex: index,
                 customdata: id, lat: gd.data[curve].lat[index], lon: gd.data[curve].lon[index],
                 data: gd.data[curve], fullData: gd._fullData[curve]}]});
        return gd.data[curve].text[index];
    """
    hover = dash_duo.driver.execute_script(click, float(shared["lat"].iloc[0]))
    assert hover.startswith("<b>2 sightings at this point</b>") and "14 Mar 2022" in hover and "15 Mar 2022" in hover
    for expected in (shared["id"].iloc[0], shared["id"].iloc[1]):
        wait_until(lambda: dash_duo.find_elements(f".ag-row-selected[row-id='{expected}']"),
                   message=f"{expected} selected by a click on the shared marker")
        if expected == shared["id"].iloc[0]:
            wait_until(lambda: dash_duo.driver.execute_script(
                f"const t = {plot(ids.MAP)}.data.find(t => t.name === 'sightings'); return t.customdata;")
                .count(shared["id"].iloc[1]) == 1, message="the marker's next click pointed at the other sighting")
            dash_duo.driver.execute_script(click, float(shared["lat"].iloc[0]))
    assert dash_duo.get_logs() == []


def test_app010_stated_dates_checkbox_follows_the_url_and_the_click(dash_duo, sightings):
    """``?stated=1`` ticks "Stated dates only" and keeps the rows whose date a source states; unticking
    it shows every row and drops the parameter (issue 24, item 2)."""
    start(dash_duo, "/?stated=1")
    stated = sightings[sightings["date_basis"] == "stated"]
    assert 0 < len(stated) < len(sightings)
    spec = FilterSpec(stated=True)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(stated, spec, last_report(sightings)), timeout=20)
    box = dash_duo.find_element(f"#{ids.STATED_DATES} input[type='checkbox']")
    assert box.is_selected()
    assert dash_duo.find_element(f"#{ids.STATED_DATES}").text.startswith("Stated dates only (")
    box.click()
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(sightings, FilterSpec(), last_report(sightings)), timeout=15)
    wait_until(lambda: "stated=1" not in dash_duo.driver.current_url, message="the parameter left the URL")
    assert dash_duo.get_logs() == []


def test_app011_version_citation_and_feed_links_follow_the_filters(dash_duo, sightings):
    """Issue 22: the dataset version, "Cite this view" and the feed/API links carry the view's query."""
    start(dash_duo, "/?strait=Tsushima&chinese=yes")
    spec = FilterSpec(straits=("Tsushima",), chinese="yes")
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(apply_filters(sightings, spec), spec, last_report(sightings)), timeout=20)
    assert dash_duo.find_element(f"#{ids.DATASET_VERSION}").text.startswith("Dataset version 20")
    dash_duo.find_element(".cite summary").click()
    view = f"View: {dash_duo.server_url}/?strait=Tsushima&chinese=yes"
    wait_until(lambda: view in dash_duo.find_element(f"#{ids.CITE}").text, message=f"citation with {view!r}")
    cited = dash_duo.find_element(f"#{ids.CITE}").text
    assert f"Accessed: {D.today().isoformat()}" in cited and "processed by Straitwatch" in cited
    hrefs = [dash_duo.find_element(f"#{link}").get_attribute("href")
             for link in (ids.FEED_ATOM, ids.FEED_JSON, ids.FEED_GEOJSON)]
    assert hrefs == [f"{dash_duo.server_url}{path}?strait=Tsushima&chinese=yes"
                     for path in ("/feed.atom", "/api/sightings.json", "/api/sightings.geojson")]
    assert dash_duo.get_logs() == []
