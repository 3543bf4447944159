"""The base map as drawn: area highlight and layer toggles on the map's own style, and one
redraw per filter change."""


from dashboard import ids
from dashboard.figures import AREA_HIGHLIGHT, SEA_FILL, base_layers
from tests.browser.conftest import MAP_READY, plot, start, wait_until

MAP = f"{plot(ids.MAP)}._fullLayout.map._subplot.map"
#: [style layer id, fill colour, visibility] of every base layer MapLibre is drawing.
BASE_LAYERS = f"""return {MAP}.getStyle().layers.filter(l => l.id.startsWith('base-'))
  .map(l => [l.id, {MAP}.getPaintProperty(l.id, l.type === 'fill' ? 'fill-color' : 'line-color'),
             {MAP}.getLayoutProperty(l.id, 'visibility') || 'visible']);"""
COUNT_REDRAWS = f"""window.__redraws = 0;
const gd = {plot(ids.MAP)};
if (!gd.__counted) {{
  gd.on('plotly_afterplot', () => {{ window.__redraws += 1; window.__lastRedraw = performance.now(); }});
  gd.__counted = true; window.__lastRedraw = performance.now();
}}"""
#: Milliseconds since the map was last redrawn.
SINCE_REDRAW = "return performance.now() - window.__lastRedraw;"
#: No Dash callback requested, queued or running (dash.testing's own check).
IDLE = """const state = Object.assign({}, window.store.getState().callbacks);
delete state.stored; delete state.completed;
return Object.values(state).every(list => list.length === 0);"""


def drawn(dash_duo) -> dict[str, tuple[str, str]]:
    return {layer: (colour, shown) for layer, colour, shown in dash_duo.driver.execute_script(BASE_LAYERS)}


def map_ready(dash_duo) -> None:
    wait_until(lambda: dash_duo.driver.execute_script(MAP_READY), 30, "the map to finish drawing")


def test_basemap001_area_reports_are_highlighted_and_toggles_hide_layers(dash_duo, app_data):
    """15 Feb 2022 (the Defense Minister's 24 warships): two area-only reports, the Sea of Japan
    and the Sea of Okhotsk; those two seas are painted in the highlight, the other seas plain."""
    seas = {f"base-{index}-seas": key.removeprefix("sea:")
            for index, (group, key, _) in enumerate(base_layers(app_data.layers)) if group == "seas"}
    start(dash_duo, "/?from=2022-02-15&to=2022-02-15")
    map_ready(dash_duo)
    wait_until(lambda: {seas[layer] for layer in seas if drawn(dash_duo)[layer][0] == AREA_HIGHLIGHT}
               == {"Sea of Japan", "Sea of Okhotsk"}, message="exactly the two seas highlighted")
    plain = [layer for layer, name in seas.items() if name not in ("Sea of Japan", "Sea of Okhotsk")]
    assert len(plain) >= 3 and all(drawn(dash_duo)[layer][0] == SEA_FILL for layer in plain)
    dash_duo.find_element(f"#{ids.MAP_LAYERS} input[value='seas']").click()
    wait_until(lambda: all(drawn(dash_duo)[layer][1] == "none" for layer in seas), message="the seas hidden")
    assert all(shown == "visible" for layer, (_, shown) in drawn(dash_duo).items() if layer not in seas)
    assert dash_duo.get_logs() == []


def test_basemap002_a_filter_change_redraws_the_map_once(dash_duo):
    """One redraw per filter change: markers, areas and the new view in the same one (the view
    framed by the server, so the browser does not move the map and redraw again)."""
    start(dash_duo)
    map_ready(dash_duo)
    # the first view is fitted in the browser (no size was known yet): let that settle first, until
    # no redraw has come for a second (a late redraw of the first view once counted as the change's)
    dash_duo.driver.execute_script(COUNT_REDRAWS)
    wait_until(lambda: dash_duo.driver.execute_script(f"return {MAP}.__straitwatchFit === 'region'")
               and dash_duo.driver.execute_script(IDLE) and dash_duo.driver.execute_script(MAP_READY)
               and dash_duo.driver.execute_script(SINCE_REDRAW) > 1000, 30, "the first view fitted")
    for choice in (["Tsugaru"], ["Soya", "Tsushima"]):
        dash_duo.driver.execute_script(COUNT_REDRAWS)
        dash_duo.driver.execute_script("window.dash_clientside.set_props(arguments[0], {value: arguments[1]});",
                                       ids.STRAITS, choice)
        wait_until(lambda: dash_duo.driver.execute_script("return window.__redraws") >= 1
                   and dash_duo.driver.execute_script(IDLE) and dash_duo.driver.execute_script(MAP_READY),
                   30, "the map redrawn and settled")
        fit = dash_duo.driver.execute_script(f"return {plot(ids.MAP)}.layout.meta.fit")
        assert fit["camera"] is True and "strait=" in fit["key"]
        redraws = dash_duo.driver.execute_script("return window.__redraws")
        assert redraws == 1, f"{redraws} map redraws after choosing {choice}"
    assert dash_duo.get_logs() == []
