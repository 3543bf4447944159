"""Start the app under a real server on 127.0.0.1 for the HTTP benchmarks, and talk to it.

``waitress`` is the production way (``serve.py``, ``make serve``); ``gunicorn`` is the sync
worker command the README used to give, kept for comparison.
"""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVERS = ("waitress", "gunicorn")
#: Seconds a server gets to answer its first request.
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def command(server: str, port: int, workers: int) -> list[str]:
    """The command line that serves ``app:server`` on 127.0.0.1:``port``."""
    if server == "waitress":
        return [sys.executable, "serve.py", "--host", "127.0.0.1", "--port", str(port)]
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return [str(gunicorn), "app:server", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--timeout", "60",
            "--log-level", "warning"]


def describe(server: str, workers: int) -> str:
    return "waitress (serve.py)" if server == "waitress" else f"gunicorn -w {workers} (sync workers)"


def start(server: str, port: int, workers: int = 4) -> subprocess.Popen:
    """The server, once it answers ``/`` with 200 (killed if it does not within ``START_SECONDS``)."""
    process = subprocess.Popen(command(server, port, workers), cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            if get(port, "/")[0] == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{server} did not answer within {START_SECONDS} s")


def get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    """(status, body) of one GET on a fresh connection."""
    return request(port, "GET", path, None, timeout)


def request(port: int, method: str, path: str, body: dict | None, timeout: float = 10) -> tuple[int, bytes]:
    """(status, body) of one request on a fresh connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None else None
        connection.request(method, path, body=data, headers={"Content-Type": "application/json"} if data else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def dependencies(port: int) -> list[dict]:
    return json.loads(get(port, "/_dash-dependencies")[1])
