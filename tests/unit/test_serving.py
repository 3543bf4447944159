"""Production serving (serve.py): configured as the README says, unmoved by slow clients, drains on SIGTERM."""

import http.client
import json
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import serve
from tests import dash_requests as dash_http
from dashboard import ids
from dashboard.security import MAX_REQUEST_BYTES

ROOT = Path(__file__).resolve().parents[2]
#: Seconds any single step may take before the test gives up (a hang, not a speed goal).
PATIENCE = 60


def readme_serving_table() -> dict[str, str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Serving in production", 1)[1]
    section = section.split("\n## ", 1)[0]
    return dict(re.findall(r"^\| `(\w+)` \| `([^`]+)` \|", section, flags=re.MULTILINE))


def test_serving001_readme_lists_the_waitress_settings_in_use():
    documented = readme_serving_table()
    assert documented == {name: str(value) for name, value in serve.OPTIONS.items()} | {
        "GRACE_SECONDS": str(serve.GRACE_SECONDS)}
    assert serve.OPTIONS["max_request_body_size"] == MAX_REQUEST_BYTES == 7 * 1024 * 1024
    assert serve.OPTIONS["connection_limit"] >= 1000 and serve.OPTIONS["expose_tracebacks"] is False


def poll(process: subprocess.Popen) -> None:
    """Wait a tenth of a second for ``process`` to exit: the interval of the loops below, each bounded."""
    try:
        process.wait(0.1)
    except subprocess.TimeoutExpired:
        pass


@pytest.fixture
def server():
    """serve.py on a free loopback port (it binds once the app is built), stopped after the test."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "serve.py", "--port", str(port)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(PATIENCE * 10):
        if process.poll() is not None or accepts(port):
            break
        poll(process)
    assert process.poll() is None and accepts(port), "serve.py did not start"
    yield process, port
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(PATIENCE)
        except subprocess.TimeoutExpired:
            process.kill()


def accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def views_body(port: int) -> bytes:
    dependencies = json.loads(get(port, "/_dash-dependencies").read())
    return json.dumps(dash_http.callback_body(dependencies, ids.SUMMARY, f"{ids.SPEC}.data",
                                              {ids.SPEC: {"straits": ["Tsugaru"]}})).encode()


def get(port: int, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PATIENCE)
    connection.request("GET", path)
    return connection.getresponse()


def raw_response(connection: socket.socket) -> bytes:
    """Everything the server sends on ``connection`` until it closes it."""
    connection.settimeout(PATIENCE)
    chunks = []
    while chunk := connection.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_serving002_answers_while_100_slow_clients_hold_connections(server):
    _, port = server
    slow = []
    for _ in range(100):
        connection = socket.create_connection(("127.0.0.1", port), timeout=PATIENCE)
        connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
        slow.append(connection)
    assert get(port, "/").status == 200
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PATIENCE)
    connection.request("POST", "/_dash-update-component", body=views_body(port),
                       headers={"Content-Type": "application/json"})
    answer = connection.getresponse()
    assert answer.status == 200
    assert json.loads(answer.read())["response"][ids.SUMMARY]["children"].rsplit(", data current to ", 1)[0].endswith(
        "Tsugaru Strait")
    for connection in slow:
        connection.setblocking(False)
        with pytest.raises(BlockingIOError):   # still open, unanswered: the server is waiting for the headers
            connection.recv(1)
        connection.close()


def test_serving003_sigterm_finishes_requests_in_flight_then_exits_0(server):
    process, port = server
    body = views_body(port)
    half = len(body) // 2
    uploading = socket.create_connection(("127.0.0.1", port), timeout=PATIENCE)
    uploading.sendall(b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                      b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body[:half])
    downloading = socket.create_connection(("127.0.0.1", port), timeout=PATIENCE)
    downloading.sendall(b"GET /download/straitwatch.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    process.send_signal(signal.SIGTERM)
    for _ in range(PATIENCE * 10):
        if not accepts(port):
            break
        poll(process)
    assert not accepts(port), "the server still accepts connections after SIGTERM"
    uploading.sendall(body[half:])
    answered = raw_response(uploading)
    assert answered.startswith(b"HTTP/1.1 200 ")
    assert json.loads(answered.split(b"\r\n\r\n", 1)[1])["response"][ids.SUMMARY]["children"].rsplit(
        ", data current to ", 1)[0].endswith("Tsugaru Strait")
    downloaded = raw_response(downloading)
    assert downloaded.startswith(b"HTTP/1.1 200 ") and downloaded.endswith(b"0\r\n\r\n")   # the last chunk
    assert process.wait(PATIENCE) == 0


def test_serving004_the_servers_own_error_pages_carry_the_headers(server):
    _, port = server
    connection = socket.create_connection(("127.0.0.1", port), timeout=PATIENCE)
    connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\na header line without a colon\r\n\r\n")
    head, body = raw_response(connection).decode().split("\r\n\r\n", 1)
    assert head.startswith("HTTP/1.0 400 Bad Request") and body.startswith("Bad Request\r\n\r\nInvalid header")
    assert "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'" in head
    assert "X-Content-Type-Options: nosniff" in head and "Referrer-Policy: no-referrer" in head
    assert "Content-Type: text/plain; charset=utf-8" in head
