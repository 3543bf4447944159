"""Callbacks through Dash's HTTP endpoint: presets and "today" answered per request, hull and primary controls."""

import datetime as dt

import pytest

from dashboard import ids
from tests.dash_requests import callback_body


@pytest.fixture(scope="module")
def app():
    from dashboard.factory import create_app
    return create_app("data/sightings.csv")


def answer(app, output_id, changed, values):
    client = app.server.test_client()
    body = callback_body(client.get("/_dash-dependencies").get_json(), output_id, changed, values)
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    return response.get_json()["response"]


def test_callback001_the_page_holds_no_date_of_its_own(app):
    """The date picker's last day comes from a callback on each page load, not from start-up."""
    layout = app.server.test_client().get("/_dash-layout").get_data(as_text=True)
    assert '"max_date_allowed"' not in layout and '"initial_visible_month"' not in layout
    got = answer(app, ids.DATES, f"{ids.URL}.pathname", {ids.URL: "/"})[ids.DATES]
    assert got["max_date_allowed"] == dt.date.today().isoformat()


def test_callback002_the_2022_preset_keeps_the_other_filters(app):
    got = answer(app, ids.SPEC, f"{ids.PRESET_2022}.n_clicks",
                 {ids.PRESET_2022: 1, ids.STRAITS: ["Soya"], ids.HULLS: ["548"], ids.PRIMARY: ["1"]})
    spec = got[ids.SPEC]["data"]
    assert (spec["start"], spec["end"]) == ("2022-01-01", "2022-12-31")
    assert (spec["straits"], spec["hulls"], spec["primary"]) == (["Soya"], ["548"], True)
    assert got[ids.URL]["search"] == "?from=2022-01-01&to=2022-12-31&strait=Soya&hull=548&primary=1"


def test_callback003_last_12_months_ends_today(app):
    spec = answer(app, ids.SPEC, f"{ids.PRESET_LAST_12_MONTHS}.n_clicks",
                  {ids.PRESET_LAST_12_MONTHS: 1})[ids.SPEC]["data"]
    today = dt.date.today()
    assert spec["end"] == today.isoformat()
    assert 365 <= (today - dt.date.fromisoformat(spec["start"])).days + 1 <= 366


def test_callback004_url_sets_the_hull_and_primary_controls(app):
    got = answer(app, ids.SPEC, f"{ids.URL}.search", {ids.URL: "?hull=011&hull=11&primary=1"})
    assert got[ids.HULLS]["value"] == ["011"] and got[ids.PRIMARY]["value"] == ["1"]
