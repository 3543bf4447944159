"""Issue 25 item 5 in the real app: the passages chart's own modebar download is an SVG whose text
holds the source line, the dataset version and the filter sentence, under a file name saying what
it is; the "Copy summary" paragraph follows the filters. Invariants of the shipped data only."""

import datetime as dt

from dashboard import ids
from dashboard.feeds import SOURCE_LINE
from dashboard.filters import FilterSpec, apply_filters, summary
from tests.browser.conftest import exported_svg_text, open_tab, plot, start, wait_until

D = dt.date


def test_briefing001_passages_chart_downloads_an_svg_that_cites_itself(dash_duo, sightings, app_data):
    start(dash_duo, "/?from=2026-08-17&to=2026-09-15")
    open_tab(dash_duo, "Statistics")
    spec = FilterSpec(start=D(2026, 8, 17), end=D(2026, 9, 15))
    sentence = summary(apply_filters(sightings, spec), spec, app_data.current_to)
    wait_until(lambda: (dash_duo.find_element(f"#{ids.STATS_BRIEFING}").text or "").startswith(
        "Straitwatch briefing, 17 Aug - 15 Sep 2026"), 20, "the paragraph for the chosen period")
    paragraph = dash_duo.find_element(f"#{ids.STATS_BRIEFING}").text
    assert f"dataset version {app_data.version}" in paragraph and "from=2026-08-17&to=2026-09-15" in paragraph
    wait_until(lambda: sentence in (dash_duo.driver.execute_script(
        f"return {plot(ids.STATS_PASSAGES)}.layout.annotations.map(a => a.text).join(' ')") or "")
        .replace("<br>", " "), 20, "the filter sentence inside the passages chart")
    name = f"straitwatch-passages-per-year_2026-08-17_2026-09-15_v{app_data.version}_accessed-{dt.date.today()}.svg"
    text = exported_svg_text(dash_duo, ids.STATS_PASSAGES, name)
    assert SOURCE_LINE in text
    assert f"Dataset version {app_data.version}" in text
    assert sentence in text
    assert "unit: passages" in text
    assert dash_duo.get_logs() == []
