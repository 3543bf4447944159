"""A voyage whose route is unknown (issue 18, point 10): drawn faint and dotted, and its hover,
reached on the dotted leg, says so and says why its sightings were linked (point 1)."""

from selenium.webdriver.common.actions.action_builder import ActionBuilder

from dashboard import ids
from dashboard.tracks_figure import INFERRED_TRACE, LINE_TRACE
from tests.browser.conftest import plot, start, wait_until

# Hull 335's group: 190 km W of Cape Kamui on 3 Sep 2022, 160 km E of Cape Inubo on 27 Sep.
WEST_OF_HOKKAIDO = (43.30971, 138.00398)
OFF_INUBO = (35.69492, 142.63646)
MIDDLE = ((WEST_OF_HOKKAIDO[0] + OFF_INUBO[0]) / 2, (WEST_OF_HOKKAIDO[1] + OFF_INUBO[1]) / 2)


def test_voyages001_a_route_over_honshu_is_dotted_and_its_hover_names_it(dash_duo, wait_map, sightings):
    start(dash_duo, "/?from=2022-09-01&to=2022-09-30")
    wait_map()
    gd = plot(ids.MAP)
    line_lats = dash_duo.driver.execute_script(f"return {gd}.data[{LINE_TRACE}].lat")
    assert round(WEST_OF_HOKKAIDO[0], 4) not in line_lats                 # no solid line from there
    faint = dash_duo.driver.execute_script(f"return {gd}.data[{INFERRED_TRACE}]")
    assert faint["opacity"] < 1 and len(faint["lat"]) > 40                 # the dots of the unknown route
    x, y = dash_duo.driver.execute_script(f"""
        const m = {gd}._fullLayout.map._subplot.map;
        const p = m.project([{MIDDLE[1]}, {MIDDLE[0]}]); const r = m.getCanvas().getBoundingClientRect();
        return [p.x + r.left, p.y + r.top];""")
    for dx in (0, 1, 2):                                                   # a move, then a nudge: hover fires
        action = ActionBuilder(dash_duo.driver)
        action.pointer_action.move_to_location(int(x) + dx, int(y))
        action.perform()
    hover = f"return Array.from({gd}.querySelectorAll('.hoverlayer .hovertext')).map(e => e.textContent).join(' ')"
    wait_until(lambda: "Route unknown" in dash_duo.driver.execute_script(hover), message="the voyage's hover")
    text = dash_duo.driver.execute_script(hover)
    voyage = sightings.set_index("id").at["2022-09-27-f5fb56", "voyage_id"]      # the record may add earlier legs
    assert f"Voyage {voyage}" in text and "2022-09-27-f5fb56 with 2022-09-03-a2dde1" in text
    assert dash_duo.get_logs() == []
