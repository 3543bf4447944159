"""Hostile input against the site (issue 19): overlays bounded and refused in words, serve.py's exits, no dev routes.

Each point of the issue's "site" part has a table: the request or the command, the status or
exit code expected, and the message the user or operator reads.
"""

import base64
import http.client
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from flask import Flask

import serve
from dashboard import ids, overlay
from dashboard.figures import UPLOAD_TRACE
from dashboard.overlay import OverlayReader
from tests import dash_requests as dash_http

ROOT = Path(__file__).resolve().parents[2]
UPDATE = "/_dash-update-component"
EXAMPLE = ROOT / "data" / "examples" / "new_reports.csv"
#: Seconds any single step may take before the test gives up (a hang, not a speed goal).
PATIENCE = 60
HEADER = EXAMPLE.read_text(encoding="utf-8").splitlines()[0]


def data_url(raw: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(raw).decode()


def rows_csv(n: int) -> bytes:
    """``n`` valid, distinct one-line sightings (a day apart from 1992 on), ~100 bytes each."""
    day = 8035   # 1992-01-01 as days since 1970-01-01
    lines = [HEADER]
    for i in range(n):
        date = time.strftime("%Y-%m-%d", time.gmtime((day + i // 5) * 86400))
        lines.append(f"{date},{date},1,destroyer type{i % 5},,Tsugaru Strait,Tsugaru,,,transit,no,"
                     "https://example.org/a,Example,")
    return ("\n".join(lines) + "\n").encode()




def upload_body(dependencies, contents, name, too_large=None, changed=f"{ids.UPLOAD}.contents") -> dict:
    """The overlay callback's request as the browser sends it: the file's contents and name, or its size."""
    body = dash_http.callback_body(dependencies, ids.UPLOAD_MESSAGE, changed, {})
    values = {(ids.UPLOAD, "contents"): contents, (ids.UPLOAD, "filename"): name, (ids.UPLOAD_REFUSED, "data"): too_large}
    for item in body["inputs"] + body["state"]:
        item["value"] = values[(item["id"], item["property"])]
    return body


def shown(response) -> tuple[str, list]:
    """(the message's text, the overlay trace's latitudes) from a callback answer."""
    answer = response.get_json()["response"]
    message = answer[ids.UPLOAD_MESSAGE]["children"]
    text = message if isinstance(message, str) else " ".join(
        part["props"]["children"] if part["type"] == "Strong" else
        " | ".join(item["props"]["children"] for item in part["props"]["children"]) for part in message)
    operations = answer[ids.MAP]["figure"]["operations"]
    lat = next(op["params"]["value"] for op in operations if op["location"] == ["data", UPLOAD_TRACE, "lat"])
    return text, lat


TOO_MANY = rows_csv(overlay.MAX_ROWS + 1)
LATIN1 = EXAMPLE.read_text(encoding="utf-8").replace("Udaloy", "Udal\u00f6y").encode("latin-1")
#: (case, contents, file name, what the browser reports instead of sending, message expected)
REFUSED = [
    ("a .pdf", "data:application/pdf;base64,JVBERi0xLjQK", "report.pdf", None,
     "report.pdf was not loaded: 'report.pdf' is not a .csv file; save the sightings as CSV (UTF-8) with "
     "the download's columns"),
    ("a .txt", data_url(EXAMPLE.read_bytes()), "notes.txt", None,
     "notes.txt was not loaded: 'notes.txt' is not a .csv file; save the sightings as CSV (UTF-8) with "
     "the download's columns"),
    ("no file name", data_url(EXAMPLE.read_bytes()), None, None,
     "The file was not loaded: no file name was received; choose a .csv file"),
    ("over 5 MB, sent anyway", "data:text/csv;base64," + "A" * (7 * 2**20 - 1024), "big.csv", None,
     "big.csv was not loaded: the file is larger than 5 MB; split it, or add it to the dataset with "
     "`python -m sightings import`"),
    ("over 5 MB, stopped by the browser", None, None, {"name": "huge.csv", "size": 12 * 2**20, "at": 1},
     "huge.csv was not loaded: the file is 12.0 MB, larger than 5 MB; split it, or add it to the dataset "
     "with `python -m sightings import`"),
    ("more rows than an overlay holds", data_url(TOO_MANY), "many.csv", None,
     f"many.csv was not loaded: the file has {overlay.MAX_ROWS + 2:,} lines; an overlay holds at most "
     f"{overlay.MAX_ROWS:,} sightings (one a line after the header): split it, or add it to the dataset with "
     "`python -m sightings import`"),
    ("not UTF-8", data_url(LATIN1), "latin.csv", None,
     "latin.csv was not loaded: the file is not UTF-8 text: byte 0xF6 on line "
     f"{next(n for n, line in enumerate(EXAMPLE.read_text(encoding='utf-8').splitlines(), 1) if 'Udaloy' in line)} "
     "is not valid UTF-8"),
    ("UTF-16", data_url(EXAMPLE.read_text(encoding="utf-8").encode("utf-16")), "wide.csv", None,
     "wide.csv was not loaded: the file is UTF-16 text"),
]


@pytest.mark.parametrize(("case", "contents", "name", "too_large", "message"), REFUSED, ids=[c[0] for c in REFUSED])
def test_site001_refused_overlay_says_why_and_clears_the_last_one(client, dependencies, case, contents, name,
                                                                   too_large, message):
    good = client.post(UPDATE, json=upload_body(dependencies, data_url(EXAMPLE.read_bytes()), "mine.csv"))
    assert shown(good)[0].startswith("6 sightings from mine.csv overlaid in black (6 with a position)")
    changed = f"{ids.UPLOAD_REFUSED}.data" if too_large else f"{ids.UPLOAD}.contents"
    response = client.post(UPDATE, json=upload_body(dependencies, contents, name, too_large, changed))
    assert response.status_code == 200
    text, lat = shown(response)
    assert text.startswith(message)
    assert lat == []   # the earlier overlay is cleared with its message


def occupied(reader: OverlayReader, rows: int) -> tuple[threading.Thread, list]:
    """A read of ``rows`` rows running in ``reader`` (its thread and, once done, its result)."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(reader.read(data_url(rows_csv(rows)), "first.csv")))
    thread.start()
    for _ in range(PATIENCE * 100):
        if reader.busy:
            break
        time.sleep(0.01)
    return thread, result


#: (case, reader settings, what happens while the first read runs, the second upload's problems or rows)
BUSY = [
    ("no room to wait: refused at once", {"slots": 1, "waiting": 0}, None,
     ("the server is already reading 1 overlays with 0 more waiting; choose the file again in a minute",)),
    ("waited too long", {"slots": 1, "waiting": 1, "wait": 0.3}, None,
     ("the server was busy reading other overlays for 0.3 s; choose the file again in a minute",)),
    ("waits, then is read", {"slots": 1, "waiting": 1, "wait": PATIENCE}, None, 6),
    ("server stops while it waits", {"slots": 1, "waiting": 1, "wait": PATIENCE}, "close",
     ("the server is restarting; choose the file again in a minute",)),
]


@pytest.mark.parametrize(("case", "settings", "meanwhile", "expected"), BUSY, ids=[c[0] for c in BUSY])
def test_site002_a_busy_reader_queues_a_few_and_refuses_the_rest_in_words(case, settings, meanwhile, expected):
    reader = OverlayReader(seconds=PATIENCE, **settings)
    first, result = occupied(reader, overlay.MAX_ROWS)
    if meanwhile == "close":
        threading.Timer(0.3, reader.close).start()
    second = reader.read(data_url(EXAMPLE.read_bytes()), "second.csv")
    assert (second.rows if isinstance(expected, int) else second.problems) == expected
    first.join(PATIENCE)
    assert result[0].rows == overlay.MAX_ROWS and not result[0].refused   # the read begun always finishes


def test_site002b_over_time_is_refused_and_its_process_ended():
    slow = OverlayReader(slots=1, seconds=0.2)
    assert slow.read(data_url(rows_csv(overlay.MAX_ROWS)), "slow.csv").problems == (
        f"reading the file took longer than 0.2 s; split it into smaller files (an overlay holds up to "
        f"{overlay.MAX_ROWS:,} sightings)",)
    assert slow.busy == 0   # its process was ended, not left running
    slow.close()
    assert slow.read(data_url(EXAMPLE.read_bytes()), "late.csv").problems == (
        "the server is restarting; choose the file again in a minute",)


def test_site003_an_overlay_is_read_outside_the_web_process():
    """A large overlay costs the web process (this one) almost no CPU: the reading happens elsewhere."""
    reader = OverlayReader(slots=1, seconds=PATIENCE)
    reader.read(data_url(EXAMPLE.read_bytes()), "warm.csv")   # the fork server's start is not the point
    big = data_url(rows_csv(overlay.MAX_ROWS))
    before = time.process_time()
    result = reader.read(big, "big.csv")
    spent = time.process_time() - before
    assert result.rows == overlay.MAX_ROWS
    assert spent < 0.5, f"the web process spent {spent:.2f} s of CPU on an overlay read elsewhere"


def test_site004_a_begun_read_always_finishes_within_the_sigterm_grace():
    assert overlay.DEADLINE_SECONDS + 5 <= serve.GRACE_SECONDS


def occupied_port() -> tuple[socket.socket, int]:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    return holder, holder.getsockname()[1]


#: (case, arguments; PORT is replaced by a port in use, message expected on stderr)
LISTEN = [
    ("port in use", ["--port", "PORT"],
     "error: cannot listen on 127.0.0.1:PORT: the port is in use (is Straitwatch already running?); stop that "
     "server, or choose a free port with --port"),
    ("address not of this machine", ["--host", "192.0.2.1", "--port", "8050"],
     "error: cannot listen on 192.0.2.1:8050: the address is not one of this machine's; use --host 127.0.0.1 "
     "(this machine only) or one of its own addresses"),
    ("port out of range", ["--port", "70000"],
     "error: port 70000 is not a TCP port; give --port a number from 1 to 65535 (8050 by default)"),
    ("negative port", ["--port", "-1"],
     "error: port -1 is not a TCP port; give --port a number from 1 to 65535 (8050 by default)"),
]


@pytest.mark.parametrize(("case", "argv", "message"), LISTEN, ids=[c[0] for c in LISTEN])
def test_site005_cannot_listen_is_exit_2_and_one_line(case, argv, message, monkeypatch, capsys):
    monkeypatch.setattr(serve, "create_app_or_exit", lambda _path: type("App", (), {"server": Flask("tiny")}))
    holder, port = occupied_port()
    with holder:
        code = serve.main([a.replace("PORT", str(port)) for a in argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err == message.replace("PORT", str(port)) + "\n"


def test_site006_serve_py_on_a_port_in_use_exits_2_without_a_traceback():
    holder, port = occupied_port()
    with holder:
        done = subprocess.run([sys.executable, "serve.py", "--port", str(port)], cwd=ROOT, capture_output=True,
                              text=True, timeout=PATIENCE * 2)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        f"error: cannot listen on 127.0.0.1:{port}: the port is in use (is Straitwatch already running?); stop "
        "that server, or choose a free port with --port")
    assert "Traceback" not in done.stderr


#: (case, dev tools, status, body starts with)
RELOAD = [
    ("production (no dev tools)", None, 404, b"Not Found: no such file\n"),
    ("debug without hot reload", {"debug": True, "dev_tools_hot_reload": False}, 404, b"Not Found: no such file\n"),
    ("development server's hot reload", {"debug": True}, 200, b'{"files":'),
]


@pytest.mark.parametrize(("case", "dev_tools", "status", "body"), RELOAD, ids=[c[0] for c in RELOAD])
def test_site007_reload_hash_answers_only_while_hot_reloading(case, dev_tools, status, body):
    from dashboard.factory import create_app
    app = create_app("data/sightings.csv")
    if dev_tools is not None:
        app.enable_dev_tools(**dev_tools)
    response = app.server.test_client().get("/_reload-hash")
    assert response.status_code == status
    assert response.data.startswith(body)


def sleepy(seconds: float):
    def application(environ, start_response):
        time.sleep(seconds)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"done"]
    return application


#: (case, seconds the request takes, grace on SIGTERM, requests dropped, answer the client gets)
DRAIN = [
    ("finished within the grace", 0.5, 10, 0, b"done"),
    ("still running when the grace ends", 12, 0.5, 1, None),
]


@pytest.mark.parametrize(("case", "takes", "grace", "dropped", "answer"), DRAIN, ids=[c[0] for c in DRAIN])
def test_site008_stop_counts_the_requests_it_had_to_drop(case, takes, grace, dropped, answer):
    server = serve.build_server(sleepy(takes), "127.0.0.1", 0)
    stop = threading.Event()
    result: list[int] = []
    loop = threading.Thread(target=lambda: result.append(serve.serve(server, stop, grace=grace)))
    loop.start()
    connection = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=PATIENCE)
    connection.request("GET", "/")
    time.sleep(0.2)   # the request is with a worker thread before the stop
    stop.set()
    try:
        got = connection.getresponse().read()
    except (OSError, http.client.HTTPException):
        got = None
    loop.join(PATIENCE)
    assert result == [dropped]
    assert got == answer


def big_upload_request(dependencies: list[dict], name: str, raw: bytes) -> bytes:
    body = dash_http.callback_body(dependencies, ids.UPLOAD_MESSAGE, f"{ids.UPLOAD}.contents", {})
    for item in body["inputs"] + body["state"]:
        item["value"] = {"contents": data_url(raw), "filename": name}.get(item["property"])
    data = json.dumps(body).encode()
    return (b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(data) + data)


def test_site009_sigterm_with_uploads_in_flight_answers_every_one_and_exits_0():
    """Eight large uploads, SIGTERM once all are sent: the reads begun finish (drawn, or over time on a
    loaded machine), every other upload is refused in words at once; none is cut; exit 0."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "serve.py", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(PATIENCE * 10):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PATIENCE)
        connection.request("GET", "/_dash-dependencies")
        dependencies = json.loads(connection.getresponse().read())
        raw = rows_csv(3000)
        uploads = []
        for i in range(8):
            connection = socket.create_connection(("127.0.0.1", port), timeout=PATIENCE)
            connection.sendall(big_upload_request(dependencies, f"upload{i}.csv", raw))
            uploads.append(connection)
        process.send_signal(signal.SIGTERM)
        answers = []
        for connection in uploads:
            with connection:
                chunks = []
                while chunk := connection.recv(65536):
                    chunks.append(chunk)
            answers.append(b"".join(chunks))
        assert process.wait(PATIENCE) == 0
    finally:
        if process.poll() is None:
            process.kill()
    begun, refused = [], []
    for answer in answers:
        assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]
        message = json.loads(answer.split(b"\r\n\r\n", 1)[1])["response"][ids.UPLOAD_MESSAGE]["children"]
        if isinstance(message, str):
            assert message.startswith("3,000 sightings from upload"), message
            begun.append(message)
            continue
        assert message[0]["props"]["children"].endswith(".csv was not loaded:"), message
        problem = message[1]["props"]["children"][0]["props"]["children"]
        (begun if problem.startswith("reading the file took longer") else refused).append(problem)
    assert len(begun) <= overlay.SLOTS, begun
    assert all(p.startswith(("the server is restarting", "the server is already reading")) for p in refused), refused


def test_site010_a_forgotten_file_changes_nothing_but_a_size_refusal_with_it_shows(client, dependencies):
    """upload.js clears the last contents before each new file; alone that is no upload (no output),
    but when it arrives in one request with a size refusal, the refusal is what shows."""
    forgotten = client.post(UPDATE, json=upload_body(dependencies, None, None))
    assert forgotten.status_code == 200 and forgotten.get_json()["response"] == {}   # nothing changes
    both = upload_body(dependencies, None, None, {"name": "huge.csv", "size": 6 * 2**20},
                       f"{ids.UPLOAD}.contents")
    both["changedPropIds"].append(f"{ids.UPLOAD_REFUSED}.data")
    text, lat = shown(client.post(UPDATE, json=both))
    assert text.startswith("huge.csv was not loaded: the file is 6.0 MB, larger than 5 MB")
    assert lat == []


@pytest.mark.parametrize(("dropped", "status"), [(0, 0), (2, serve.EXIT_DROPPED)])
def test_site008b_exit_status_says_whether_requests_were_dropped(dropped, status, monkeypatch):
    assert serve.EXIT_DROPPED != 0
    monkeypatch.setattr(serve, "create_app_or_exit", lambda _path: type("App", (), {"server": Flask("tiny")}))
    monkeypatch.setattr(serve.signal, "signal", lambda *_: None)
    monkeypatch.setattr(serve, "serve", lambda server, stop, reader=None: dropped)
    assert serve.main(["--port", "0"]) == status
