"""Hostile HTTP against the real app: every answer is a short plain message with the headers, never a 5xx."""

import copy
import io
import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import dash_requests as dash_http
from dashboard import ids

UPDATE = "/_dash-update-component"
#: What any exception escaping a callback turns into (logged on the server with its traceback).
CALLBACK_FAILED = "malformed callback request: the callback could not use these values\n"




@pytest.fixture(autouse=True)
def quiet_callback_failures(caplog):
    """The tracebacks of refused callbacks go to the server log, not to the test output."""
    caplog.set_level(logging.CRITICAL, logger="dashboard.security")


def body_for(dependencies, output_id: str, changed: str, values: dict) -> dict:
    return dash_http.callback_body(dependencies, output_id, changed, values)


def views(dependencies, stored) -> dict:
    return body_for(dependencies, ids.SUMMARY, f"{ids.SPEC}.data", {ids.SPEC: stored})


def sync(dependencies, changed: str, value) -> dict:
    component = changed.split(".")[0]
    return body_for(dependencies, ids.SPEC, changed, {ids.CHINESE: "any", ids.SEARCH: "", component: value})


def toggle(dependencies, value) -> dict:
    dependency = next(d for d in dependencies if d["inputs"][0]["id"] == ids.MAP_LAYERS)
    return {"output": dependency["output"], "outputs": dash_http.outputs_of(dependency["output"])[0],
            "inputs": [{"id": ids.MAP_LAYERS, "property": "value", "value": value}], "state": [],
            "changedPropIds": [f"{ids.MAP_LAYERS}.value"]}


def select(dependencies, cell) -> dict:
    return body_for(dependencies, ids.SELECTED, f"{ids.TABLE}.cellClicked", {ids.TABLE: cell})


def upload(dependencies, contents) -> dict:
    return body_for(dependencies, ids.UPLOAD_MESSAGE, f"{ids.UPLOAD}.contents", {ids.UPLOAD: contents})


def assert_safe_error(response, status: int, message: str) -> None:
    """``status`` with ``message`` as a plain-text line, the security headers, and no traceback."""
    assert response.status_code == status, response.data[:300]
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.get_data(as_text=True) == message
    assert_headers(response)


def assert_headers(response) -> None:
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert b"Traceback" not in response.data and b'File "' not in response.data


# (case, body built from the app's dependencies, status, message)
CALLBACK_CASES = [
    ("url.search as a list", lambda d: sync(d, f"{ids.URL}.search", ["?strait=Soya"]), 400,
     "url.search cannot be the JSON array ['?strait=Soya'] (see the Location component's 'search' property)"),
    ("map-layers.value a number", lambda d: toggle(d, 5), 400,
     "map-layers.value cannot be the JSON number 5 (see the Checklist component's 'value' property)"),
    ("table.cellClicked a string", lambda d: select(d, "x"), 400,
     "table.cellClicked cannot be the JSON string 'x' (see the AgGrid component's 'cellClicked' property)"),
    ("cellClicked with an unknown key", lambda d: select(d, {"rowId": "x", "onclick": 1}), 400,
     "table.cellClicked cannot be the JSON object {'onclick': 1, 'rowId': 'x'} "
     "(see the AgGrid component's 'cellClicked' property)"),
    ("dropdown value an object", lambda d: sync(d, f"{ids.STRAITS}.value", {"$gt": ""}), 400,
     "strait.value cannot be the JSON object {'$gt': ''} (see the Dropdown component's 'value' property)"),
    ("n_clicks a string", lambda d: sync(d, f"{ids.PRESET_ALL}.n_clicks", "many"), 400,
     "preset-all.n_clicks cannot be the JSON string 'many' (see the Button component's 'n_clicks' property)"),
    ("start date a list", lambda d: sync(d, f"{ids.DATES}.start_date", [2022]), 400,
     "dates.start_date cannot be the JSON array [2022] (see the DatePickerRange component's 'start_date' property)"),
    ("unknown output", lambda d: {**views(d, {}), "output": "nope.children"}, 400,
     "unknown output 'nope.children'"),
    ("no output", lambda d: {k: v for k, v in views(d, {}).items() if k != "output"}, 400, "unknown output None"),
    ("outputs of another callback", lambda d: {**views(d, {}), "outputs": {"id": ids.MAP, "property": "figure"}}, 400,
     "'outputs' does not match the outputs of this callback"),
    ("no inputs", lambda d: {k: v for k, v in views(d, {}).items() if k != "inputs"}, 400,
     "'inputs' must list filter-spec.data, in that order"),
    ("inputs of another callback", lambda d: {**views(d, {}), "inputs": sync(d, f"{ids.URL}.search", "")["inputs"]},
     400, "'inputs' must list filter-spec.data, in that order"),
    ("input without a property", lambda d: {**views(d, {}), "inputs": [{"id": ids.SPEC, "value": {}}]}, 400,
     "'inputs' must list filter-spec.data, in that order"),
    ("state missing", lambda d: {k: v for k, v in views(d, {}).items() if k != "state"}, 400,
     "'state' must list selected-id.data, focus-id.data, show-events.value, map-size.data, url.href, play-state.data, "
     "page-language.data, in that order"),
    ("changedPropIds not an input", lambda d: {**views(d, {}), "changedPropIds": ["map.figure"]}, 400,
     "'changedPropIds' must name inputs of this callback, got ['map.figure']"),
    ("changedPropIds a string", lambda d: {**views(d, {}), "changedPropIds": "filter-spec.data"}, 400,
     "'changedPropIds' must name inputs of this callback, got 'filter-spec.data'"),
    ("body an array", lambda d: [views(d, {})], 400, "the body is a JSON array, not an object"),
    ("body a string", lambda d: "x", 400, "the body is a JSON string, not an object"),
    ("inputs nested 500 deep", lambda d: {**views(d, {}), "inputs": json.loads("[" * 500 + "]" * 500)}, 400,
     "'inputs' must list filter-spec.data, in that order"),
    ("60,000 values", lambda d: views(d, {"straits": ["Soya"] * 60_000}), 400,
     "the body holds more than 50,000 values"),
]


@pytest.mark.parametrize(("case", "build", "status", "message"), CALLBACK_CASES, ids=[c[0] for c in CALLBACK_CASES])
def test_hostile001_malformed_callback_gets_400_naming_the_problem(client, dependencies, case, build, status, message):
    response = client.post(UPDATE, json=build(dependencies))
    assert_safe_error(response, status, f"malformed callback request: {message}\n")


# (case, request keyword arguments for the test client's open(), status, message)
RAW_CASES = [
    ("not JSON", dict(method="POST", path=UPDATE, data=b"{not json", content_type="application/json"), 400,
     "malformed callback request: the body is not UTF-8 JSON"),
    ("not UTF-8", dict(method="POST", path=UPDATE, data=b'{"output": "\xff\xfe\xfa"}', content_type="application/json"),
     400, "malformed callback request: the body is not UTF-8 JSON"),
    ("nested 100,000 deep", dict(method="POST", path=UPDATE, data=b"[" * 100_000 + b"]" * 100_000,
                                 content_type="application/json"), 400,
     "malformed callback request: the body is not UTF-8 JSON"),
    ("empty body", dict(method="POST", path=UPDATE, data=b"", content_type="application/json"), 400,
     "malformed callback request: the body is not UTF-8 JSON"),
    ("form instead of JSON", dict(method="POST", path=UPDATE, data={"output": "x"}), 415,
     "Unsupported Media Type: callback requests are application/json"),
    ("GET on the callback route", dict(method="GET", path=UPDATE), 405,
     "Method Not Allowed: The method is not allowed for the requested URL."),
    ("PUT on the page", dict(method="PUT", path="/"), 405,
     "Method Not Allowed: The method is not allowed for the requested URL."),
    ("DELETE a download", dict(method="DELETE", path="/download/straitwatch.csv"), 405,
     "Method Not Allowed: The method is not allowed for the requested URL."),
    ("URL of 10,000 characters", dict(method="GET", path="/?q=" + "x" * 10_000), 414,
     "URI Too Long: keep the path and query under 8,192 characters"),
    ("40 KB of headers", dict(method="GET", path="/", headers={f"X-Pad-{i}": "a" * 1000 for i in range(40)}), 431,
     "Request Header Fields Too Large: keep headers under 32,768 bytes"),
    ("unregistered component suite", dict(method="GET", path="/_dash-component-suites/nonexistent/x.js"), 404,
     "Not Found: no such file"),
    ("unknown file of a registered suite", dict(method="GET", path="/_dash-component-suites/dash/nope.js"), 404,
     "Not Found: no such file"),
    ("asset path climbing out", dict(method="GET", path="/assets/../app.py"), 404,
     "Not Found: The requested URL was not found on the server. If you entered the URL manually please check "
     "your spelling and try again."),
    ("asset path climbing out, encoded", dict(method="GET", path="/assets/%2e%2e/%2e%2e/etc/passwd"), 404,
     "Not Found: The requested URL was not found on the server. If you entered the URL manually please check "
     "your spelling and try again."),
    ("unknown asset", dict(method="GET", path="/assets/nope.js"), 404,
     "Not Found: The requested URL was not found on the server. If you entered the URL manually please check "
     "your spelling and try again."),
    ("download of an unknown format", dict(method="GET", path="/download/straitwatch.exe"), 404,
     "Not Found: The requested URL was not found on the server. If you entered the URL manually please check "
     "your spelling and try again."),
    ("unknown map layer", dict(method="GET", path="/map-layers/0-nope.json"), 404,
     "Not Found: The requested URL was not found on the server. If you entered the URL manually please check "
     "your spelling and try again."),
]


@pytest.mark.parametrize(("case", "request_args", "status", "message"), RAW_CASES, ids=[c[0] for c in RAW_CASES])
def test_hostile002_raw_request_gets_a_plain_error(client, case, request_args, status, message):
    assert_safe_error(client.open(**request_args), status, message + "\n")


def test_hostile003_405_keeps_its_allow_header(client):
    assert set(client.get(UPDATE).headers["Allow"].split(", ")) == {"OPTIONS", "POST"}


@pytest.mark.parametrize("megabytes", [8, 500])
def test_hostile004_oversized_body_is_413_before_reading(client, dependencies, megabytes):
    class Unreadable(io.BytesIO):
        def read(self, *args):
            raise AssertionError("the server read an oversized body")

        readinto = readline = read

    response = client.post(UPDATE, input_stream=Unreadable(), content_type="application/json",
                           environ_overrides={"CONTENT_LENGTH": str(megabytes * 2**20)})
    assert_safe_error(response, 413, "Request Entity Too Large: The data value transmitted exceeds the capacity "
                                     "limit.\n")


# Values the edge cannot refuse by type (Dash declares a Store's data and a Graph's selection as
# any object): the callback may cope (200) or fail, which the server answers as a short 400.
COPE_OR_REFUSE = [
    ("filter-spec.data a string", lambda d: views(d, "x")),
    ("timeline.selectedData with an empty range", lambda d: sync(d, f"{ids.TIMELINE}.selectedData", {"range": []})),
    ("upload.contents as a list", lambda d: upload(d, ["data:text/csv;base64,eA=="])),
    ("filter-spec.data nested 500 deep", lambda d: views(d, json.loads('{"a":' * 500 + "1" + "}" * 500))),
]


@pytest.mark.parametrize(("case", "build"), COPE_OR_REFUSE, ids=[c[0] for c in COPE_OR_REFUSE])
def test_hostile005_untyped_values_are_answered_or_refused_never_500(client, dependencies, case, build):
    response = client.post(UPDATE, json=build(dependencies))
    if response.status_code == 400:
        assert_safe_error(response, 400, CALLBACK_FAILED)
    else:
        assert response.status_code == 200 and response.is_json
        assert_headers(response)


def test_hostile006_unexpected_error_outside_callbacks_is_a_plain_500():
    from dashboard.factory import create_app
    app = create_app("data/sightings.csv")
    app.server.add_url_rule("/boom", "boom", lambda: 1 / 0)
    response = app.server.test_client().get("/boom")
    assert_safe_error(response, 500, "Internal Server Error: the error was logged on the server\n")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=10)
FIELDS = ("output", "outputs", "inputs", "state", "changedPropIds")


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile007_generated_malformed_callbacks_never_5xx(client, dependencies, data):
    """Valid bodies of every callback with one part replaced, dropped or scrambled, or any JSON at all."""
    dependency = data.draw(st.sampled_from(dependencies))
    outputs = dash_http.outputs_of(dependency["output"])
    body = {"output": dependency["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [{**i, "value": None} for i in dependency["inputs"]],
            "state": [{**s, "value": None} for s in dependency["state"]],
            "changedPropIds": [f"{i['id']}.{i['property']}" for i in dependency["inputs"][:1]]}
    mutation = data.draw(st.sampled_from(["value", "replace", "drop", "whole"]))
    if mutation == "value":
        item = data.draw(st.sampled_from(body["inputs"] + body["state"]))
        item["value"] = data.draw(JSON_VALUES)
    elif mutation == "replace":
        body[data.draw(st.sampled_from(FIELDS))] = data.draw(JSON_VALUES)
    elif mutation == "drop":
        body.pop(data.draw(st.sampled_from(FIELDS)))
    else:
        body = data.draw(JSON_VALUES)
    response = client.post(UPDATE, data=json.dumps(copy.deepcopy(body)), content_type="application/json")
    assert response.status_code < 500, (body, response.data[:300])
    assert_headers(response)
