"""The taxonomy and plausibility checks in the real app: ``?flag=`` filters every view and the details
panel says the selected row's checks; an old ``?type=`` value of the same ships still works."""

from dashboard import ids
from dashboard.filters import FilterSpec, apply_filters, summary
from tests.browser.conftest import start, wait_until


def last_report(sightings):
    return sightings["report_date"].max().date()


def test_checks001_flag_in_the_url_filters_and_details_say_why(dash_duo, sightings):
    start(dash_duo, "/?flag=area-only&strait=Tsushima")
    spec = FilterSpec(flags=("area-only",), straits=("Tsushima",))
    rows = apply_filters(sightings, spec)
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(rows, spec, last_report(sightings)), timeout=20)
    dash_duo.wait_for_element(".ag-center-cols-container .ag-row .ag-cell", timeout=15)
    dash_duo.find_elements(".ag-center-cols-container .ag-row")[0].find_element("css selector", ".ag-cell").click()
    wait_until(lambda: "position names only an area" in dash_duo.find_element(".details-checks").text,
               message="the details' Checks line")
    assert dash_duo.find_element(".details-checks").text.startswith("Checks: ")
    assert dash_duo.get_logs() == []


def test_checks002_old_landing_ship_link_shows_amphibious(dash_duo, sightings):
    start(dash_duo, "/?type=Landing+ship")
    spec = FilterSpec(ship_types=("Amphibious",))
    dash_duo.wait_for_text_to_equal(f"#{ids.SUMMARY}", summary(apply_filters(sightings, spec), spec,
                                                              last_report(sightings)), timeout=20)
    assert "Amphibious" in dash_duo.find_element(f"#{ids.SHIP_TYPES}").text
    assert dash_duo.get_logs() == []
