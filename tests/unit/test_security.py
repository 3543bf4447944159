"""The server does not trust the client: safe headers, capped bodies, hostile callback inputs."""

import io
import json

import pytest

from tests import dash_requests as dash_http
from dashboard import ids

HOSTILE_STRAITS = ["../../etc/passwd", "<script>alert(1)</script>", "Tsugaru' OR 1=1 --"]


@pytest.fixture
def client(app):
    return app.server.test_client()


def callback_body(app, output_id: str, changed: str, values: dict) -> dict:
    return dash_http.callback_body(app.server.test_client().get("/_dash-dependencies").get_json(),
                                   output_id, changed, values)


@pytest.mark.parametrize("path", ["/", "/_dash-layout", "/_dash-dependencies", "/assets/style.css", "/nope"])
def test_security001_headers_on_every_response(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "'sha256-" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_security002_no_debug_and_no_dev_tools(app, client):
    assert app.server.debug is False
    assert b"_dash-debug" not in client.get("/").data


@pytest.mark.parametrize("megabytes", [10, 200])
def test_security003_oversized_request_refused_before_reading(client, megabytes):
    class Stream(io.BytesIO):
        """A request body that fails the test if the server reads any of it."""
        touched = False

        def read(self, *args):
            Stream.touched = True
            raise AssertionError("the server read an oversized body")

        readinto = readline = read

    response = client.post("/_dash-update-component", input_stream=Stream(),
                           headers={"Content-Type": "application/json"},
                           environ_overrides={"CONTENT_LENGTH": str(megabytes * 2**20)})
    assert response.status_code == 413
    assert not Stream.touched


@pytest.mark.parametrize("search", [
    "?strait=../../etc/passwd", "?from=9999-99-99&to=2022-13-45", "?strait=" + "&strait=".join(["Soya"] * 10_000),
    "?q=" + "x" * 100_000, "?chinese=<script>", "?" + "%ff%fe" * 50,
])
def test_security004_hostile_url_is_ignored_not_500(app, client, search):
    body = callback_body(app, ids.SPEC, f"{ids.URL}.search", {ids.URL: search})
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    spec = response.get_json()["response"][ids.SPEC]["data"]
    assert set(spec["straits"]) <= {"Soya"} and spec["start"] in (None,) and len(spec["search"]) <= 80
    assert spec["chinese"] == "any"


@pytest.mark.parametrize("stored", [
    {"straits": HOSTILE_STRAITS}, {"start": "9999-99-99", "end": "nonsense"}, {"straits": ["Soya"] * 10_000},
    {"ship_types": [{"$gt": ""}]}, {"seas": "Sea of Japan"}, None, {"unknown_field": 1},
])
def test_security005_hostile_spec_store_answers_for_the_default_view(app, client, stored):
    body = callback_body(app, ids.SUMMARY, f"{ids.SPEC}.data", {ids.SPEC: stored})
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    summary = response.get_json()["response"][ids.SUMMARY]["children"]
    assert summary.endswith(("2026", "Soya Strait", "Sea of Japan")) and "passwd" not in summary


def test_security006_malformed_request_gets_no_traceback(client):
    for body in (b"{not json", json.dumps({"output": "nope.children", "inputs": []}).encode()):
        response = client.post("/_dash-update-component", data=body, headers={"Content-Type": "application/json"})
        assert response.status_code in (400, 500)
        assert b"Traceback" not in response.data and b'File "' not in response.data


def test_security007_hostile_upload_is_a_message_not_a_crash(app, client):
    body = callback_body(app, ids.UPLOAD_MESSAGE, f"{ids.UPLOAD}.contents", {})
    for item in body["inputs"] + body["state"]:   # contents and file name share the component id
        item["value"] = {"contents": "data:text/csv;base64,PHNjcmlwdD4=", "filename": "x.csv"}.get(item["property"])
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    assert "was not loaded" in json.dumps(response.get_json())
