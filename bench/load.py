"""Load test: the app under its production server (or gunicorn) on loopback, replaying browser sessions.

Each simulated user loads the page (``/``, layout, dependencies), makes five filter changes
(each is the callbacks a browser fires: controls -> spec, then every server callback of the spec) and downloads
the CSV, then starts again until time is up. Prints requests/s, filter changes per second,
p50/p95/p99 and errors per request type (page load, filter callback, download). Loopback
only; bounded in time and clients.

    .venv/bin/python bench/load.py [--server waitress|gunicorn] [--clients 50] [--seconds 60] [--workers 4]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import servers  # noqa: E402
from tests.dash_requests import callback_body, dependency_body, triggered_by  # noqa: E402
from dashboard import ids  # noqa: E402

#: The five filter changes of one session: (control id, its new value).
CHANGES = [(ids.STRAITS, ["Tsugaru"]), (ids.STRAITS, ["Tsugaru", "Soya"]), (ids.SEAS, ["Sea of Japan"]),
           (ids.DATES, "2022-01-01"), (ids.STRAITS, [])]


class Session:
    """One simulated user with a keep-alive connection; records (kind, seconds, ok)."""

    def __init__(self, port: int, dependencies: list[dict], record):
        self.port, self.dependencies, self.record = port, dependencies, record
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, kind: str, method: str, path: str, body: dict | None = None) -> dict | None:
        started = time.perf_counter()
        ok, payload = False, None
        try:
            data = json.dumps(body).encode() if body is not None else None
            headers = {"Content-Type": "application/json"} if data else {}
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
            raw = response.read()
            ok = response.status == 200
            if ok and method == "POST":
                payload = json.loads(raw)
        except (OSError, http.client.HTTPException, ValueError):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        self.record(kind, time.perf_counter() - started, ok)
        return payload

    def run_once(self) -> None:
        for path in ("/", "/_dash-layout", "/_dash-dependencies"):
            self.call("page load", "GET", path)
        controls = {ids.CHINESE: "any", ids.SEARCH: ""}
        spec, href = None, "/download/straitwatch.csv"
        for control, value in CHANGES:
            controls[control] = value
            changed = f"{ids.DATES}.start_date" if control == ids.DATES else f"{control}.value"
            answer = self.call("filter callback", "POST", "/_dash-update-component",
                               callback_body(self.dependencies, ids.SPEC, changed, controls))
            spec = ((answer or {}).get("response", {}).get(ids.SPEC, {}) or {}).get("data", spec)
            for dependency in triggered_by(self.dependencies, f"{ids.SPEC}.data"):
                views = self.call("filter callback", "POST", "/_dash-update-component",
                                  dependency_body(dependency, f"{ids.SPEC}.data", {ids.SPEC: spec}))
                href = ((views or {}).get("response", {}).get(ids.DOWNLOAD_CSV, {}) or {}).get("href", href)
        self.call("download", "GET", href)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=servers.SERVERS, default="waitress")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)
    port = servers.free_port()
    server = servers.start(args.server, port, args.workers)
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()

    def record(kind: str, seconds: float, ok: bool) -> None:
        with lock:
            timings[kind].append(seconds)
            errors[kind] += 0 if ok else 1

    try:
        dependencies = servers.dependencies(port)
        deadline = time.monotonic() + args.seconds

        def user() -> None:
            session = Session(port, dependencies, record)
            while time.monotonic() < deadline:
                session.run_once()

        started = time.monotonic()
        threads = [threading.Thread(target=user, daemon=True) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(args.seconds + 120)
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(60)
    report(timings, errors, elapsed, args, dependencies)


def report(timings, errors, elapsed, args, dependencies) -> None:
    total = sum(len(v) for v in timings.values())
    per_change = 1 + len(triggered_by(dependencies, f"{ids.SPEC}.data"))
    changes = len(timings["filter callback"]) // per_change
    print(f"{args.clients} clients, {args.seconds:.0f} s, {servers.describe(args.server, args.workers)} "
          f"on 127.0.0.1, {os.cpu_count()} cores")
    print(f"{total} requests in {elapsed:.1f} s = {total / elapsed:.1f} requests/s; "
          f"errors: {sum(errors.values())}")
    print(f"filter changes per second: {changes / elapsed:.1f} ({changes} changes of {per_change} callbacks each)")
    print(f"{'request type':<18}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for kind, values in timings.items():
        q = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
        print(f"{kind:<18}{len(values):>7}{q[49] * 1000:>9.0f}{q[94] * 1000:>9.0f}{q[98] * 1000:>9.0f}"
              f"{errors[kind]:>8}")


if __name__ == "__main__":
    main()
