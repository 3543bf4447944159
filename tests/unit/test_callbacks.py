"""Callbacks through Dash's HTTP endpoint: presets and "today" answered per request, hull and primary controls."""

import datetime as dt

import pytest

from dashboard import ids
from tests.dash_requests import callback_body


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


def vessel_click(app, cell):
    from tests.dash_requests import dependency_body, triggered_by
    client = app.server.test_client()
    dependency, = triggered_by(client.get("/_dash-dependencies").get_json(), f"{ids.VESSELS}.cellClicked")
    response = client.post("/_dash-update-component",
                           json=dependency_body(dependency, f"{ids.VESSELS}.cellClicked", {ids.VESSELS: cell}))
    assert response.status_code == 200, response.data[:300]
    return response.get_json()["response"]


@pytest.mark.parametrize(("cell", "hulls", "classes"), [
    # issue 18 point 13: a two-class cell ("A; B") filters on both classes, never on the text "A; B"
    ({"rowId": "543", "colId": "class", "value": "Udaloy I-class destroyer; Udaloy III-class destroyer"},
     [], ["Udaloy I-class destroyer", "Udaloy III-class destroyer"]),
    ({"rowId": "548", "colId": "class", "value": "Udaloy I-class destroyer"}, [], ["Udaloy I-class destroyer"]),
    ({"rowId": "548", "colId": "hull", "value": "548"}, ["548"], None),
    ({"rowId": "999", "colId": "class", "value": "not stated"}, ["999"], None),
])
def test_callback_truth13_a_vessel_class_click_sets_the_class_filter(app, cell, hulls, classes):
    got = vessel_click(app, cell)
    assert got[ids.HULLS]["value"] == hulls
    assert got.get(ids.CLASSES, {}).get("value") == classes


def test_callback005_as_patch_is_the_patch_json_orjson_writes():
    """A figure patch leaves the callback as Dash's JSON form of a Patch (what the browser applies),
    a plain value orjson writes as it is."""
    import orjson

    from dashboard.callbacks import as_patch
    patch = as_patch([(("data", 1, "lat"), [41.5, 45.2]), (("layout", "meta", "fit"), {"key": "strait=Soya"})])
    assert patch == {"__dash_patch_update": "__dash_patch_update", "operations": [
        {"operation": "Assign", "location": ["data", 1, "lat"], "params": {"value": [41.5, 45.2]}},
        {"operation": "Assign", "location": ["layout", "meta", "fit"], "params": {"value": {"key": "strait=Soya"}}}]}
    assert orjson.loads(orjson.dumps(patch)) == patch


def test_callback006_a_filter_change_is_written_without_plotlys_python_walk(app, monkeypatch):
    """Every answer a strait change fires is written by orjson directly: plotly's pure-Python
    cleaning pass (15-20 ms over a filter change's response) is never needed (issue 20)."""
    import plotly.io._json
    from tests.dash_requests import dependency_body, triggered_by

    def refused(*_args, **_kwargs):
        raise AssertionError("a callback answer held a value orjson cannot write")
    monkeypatch.setattr(plotly.io._json, "clean_to_json_compatible", refused)
    client = app.server.test_client()
    values = {ids.SPEC: {"straits": ["Tsugaru"]}, ids.SHOW_EVENTS: ["events"], ids.URL: "http://127.0.0.1/",
              ids.MAP_SIZE: {"width": 900, "height": 560}, ids.VIEW_TABS: "table"}
    fired = triggered_by(client.get("/_dash-dependencies").get_json(), f"{ids.SPEC}.data")
    answers = [client.post("/_dash-update-component", json=dependency_body(d, f"{ids.SPEC}.data", values))
               for d in fired]
    assert [a.status_code for a in answers if a.status_code not in (200, 204)] == []
    views = next(a.get_json()["response"] for a in answers if a.status_code == 200
                 and ids.SUMMARY in a.get_json()["response"])
    assert views[ids.MAP]["figure"]["__dash_patch_update"] == "__dash_patch_update"


@pytest.mark.parametrize(("shown", "written"), [("table", {ids.TABLE}), ("vessels", {ids.VESSELS}),
                                                 ("voyages", {ids.VOYAGES})])
def test_callback007_one_request_answers_the_tab_shown_and_leaves_the_others(app, shown, written):
    """A filter change fires one callback for the four tabs (issue 20: one each cost three
    requests that answered nothing); it answers the shown tab only, the others untouched."""
    from tests.dash_requests import dependency_body, outputs_of, triggered_by
    tab_outputs = {ids.TABLE, ids.VESSELS, ids.VOYAGES, ids.STATS_PASSAGES}
    client = app.server.test_client()
    fired = triggered_by(client.get("/_dash-dependencies").get_json(), f"{ids.SPEC}.data")
    tabs = [d for d in fired if {o["id"] for o in outputs_of(d["output"])} & tab_outputs]
    assert len(tabs) == 1 and tab_outputs <= {o["id"] for o in outputs_of(tabs[0]["output"])}
    body = dependency_body(tabs[0], f"{ids.SPEC}.data", {ids.SPEC: {"straits": ["Tsugaru"]}, ids.VIEW_TABS: shown})
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200 and set(response.get_json()["response"]) == written
