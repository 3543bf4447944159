"""Slow clients: are normal requests answered while 100 connections send their headers a byte at a time?

Opens ``--slow`` connections to the server on 127.0.0.1 that each send a request line and
then one header byte per connection every ``--drip`` seconds, never finishing (slowloris).
While they are held, one normal client makes page loads and filter callbacks (spec -> map, timeline, table) in turn, each
with a ``--timeout`` second limit. Prints how many were answered and their latency
(median, p95), then how many slow connections the server had closed. Loopback only,
bounded in time.

    .venv/bin/python bench/slow_clients.py [--server waitress|gunicorn] [--slow 100] [--seconds 30]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import servers  # noqa: E402
from tests.dash_requests import callback_body  # noqa: E402
from dashboard import ids  # noqa: E402


def hold_slow(port: int, count: int, drip: float, stop: threading.Event) -> list[socket.socket]:
    """``count`` connections that each dribble one header byte every ``drip`` seconds until ``stop``."""
    sockets = []
    for _ in range(count):
        connection = socket.create_connection(("127.0.0.1", port), timeout=5)
        connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        sockets.append(connection)

    def dribble() -> None:
        while not stop.wait(drip):
            for connection in sockets:
                try:
                    connection.send(b"a")
                except OSError:
                    pass   # closed by the server: counted at the end

    threading.Thread(target=dribble, daemon=True).start()
    return sockets


def still_open(connection: socket.socket) -> bool:
    """Whether the server has neither closed nor answered ``connection``."""
    connection.setblocking(False)
    try:
        connection.recv(1)   # b"" (closed) or the start of an answer: either way no longer held
        return False
    except BlockingIOError:
        return True
    except OSError:
        return False


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=servers.SERVERS, default="waitress")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default: %(default)s)")
    parser.add_argument("--slow", type=int, default=100, help="slow connections held (default: %(default)s)")
    parser.add_argument("--drip", type=float, default=2.0, help="seconds between their bytes (default: %(default)s)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long normal requests are made")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a normal request may take")
    args = parser.parse_args(argv)
    port = servers.free_port()
    process = servers.start(args.server, port, args.workers)
    stop = threading.Event()
    timings: dict[str, list[float]] = {"page /": [], "filter callback": []}
    failed: dict[str, int] = {kind: 0 for kind in timings}
    try:
        deps = servers.dependencies(port)
        filter_body = callback_body(deps, ids.SUMMARY, f"{ids.SPEC}.data", {ids.SPEC: {"straits": ["Tsugaru"]}})
        slow = hold_slow(port, args.slow, args.drip, stop)
        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline:
            for kind, method, path, body in (("page /", "GET", "/", None),
                                             ("filter callback", "POST", "/_dash-update-component", filter_body)):
                started = time.perf_counter()
                try:
                    ok = servers.request(port, method, path, body, timeout=args.timeout)[0] == 200
                except OSError:
                    ok = False
                if ok:
                    timings[kind].append(time.perf_counter() - started)
                else:
                    failed[kind] += 1
        held = sum(still_open(connection) for connection in slow)
    finally:
        stop.set()
        process.terminate()
        process.wait(60)
    print(f"{servers.describe(args.server, args.workers)} on 127.0.0.1, {os.cpu_count()} cores; "
          f"{args.slow} slow connections (one header byte each every {args.drip:g} s) for {args.seconds:.0f} s")
    print(f"{'request':<18}{'answered':>10}{'failed':>8}{'median ms':>11}{'p95 ms':>8}")
    for kind, values in timings.items():
        tried = len(values) + failed[kind]
        median = f"{statistics.median(values) * 1000:.0f}" if values else "-"
        p95 = f"{statistics.quantiles(values, n=20)[18] * 1000:.0f}" if len(values) > 1 else median
        print(f"{kind:<18}{len(values):>5} of {tried:<3}{failed[kind]:>7}{median:>11}{p95:>8}")
    print(f"slow connections still held by the server at the end: {held} of {args.slow}")


if __name__ == "__main__":
    main()
