"""SIGTERM drain: how many of N in-flight requests complete when the server is told to stop?

Sends ``--requests`` filter callbacks (spec -> map, timeline, table, all rows) and CSV
downloads at once, each on its own connection, sends SIGTERM to the server as soon as every
request is on the wire, and counts the answers that arrive complete with status 200. Also
prints how long the server took to exit and its exit code. Loopback only, bounded in time.

    .venv/bin/python bench/drain.py [--server waitress|gunicorn] [--requests 50] [--rounds 3]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import servers  # noqa: E402
from tests.dash_requests import callback_body  # noqa: E402
from dashboard import ids  # noqa: E402

#: Seconds a client waits for its answer before counting the request as lost.
ANSWER_SECONDS = 60


def in_flight(port: int, method: str, path: str, body: dict | None, sent: threading.Barrier,
              results: list[bool]) -> None:
    """Send one request, wait at ``sent`` with the others, then record whether a full 200 came back."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=ANSWER_SECONDS)
    ok = False
    try:
        data = json.dumps(body).encode() if body is not None else None
        connection.request(method, path, body=data, headers={"Content-Type": "application/json"} if data else {})
        sent.wait()
        response = connection.getresponse()
        ok = response.status == 200 and bool(response.read())   # a cut body raises IncompleteRead
    except (OSError, http.client.HTTPException, threading.BrokenBarrierError):
        ok = False
    finally:
        connection.close()
        results.append(ok)


def one_round(server: str, workers: int, count: int) -> tuple[int, float, int]:
    """(requests completed, seconds from SIGTERM to exit, exit code) for one server run."""
    port = servers.free_port()
    process = servers.start(server, port, workers)
    views = callback_body(servers.dependencies(port), ids.SUMMARY, f"{ids.SPEC}.data", {ids.SPEC: {}})
    sent = threading.Barrier(count + 1, timeout=ANSWER_SECONDS)
    results: list[bool] = []
    kinds = [("POST", "/_dash-update-component", views), ("GET", "/download/straitwatch.csv", None)]
    threads = [threading.Thread(target=in_flight, args=(port, *kinds[i % 2], sent, results)) for i in range(count)]
    for thread in threads:
        thread.start()
    sent.wait()
    stopped = time.monotonic()
    process.send_signal(signal.SIGTERM)
    code = process.wait(ANSWER_SECONDS)
    exit_seconds = time.monotonic() - stopped
    for thread in threads:
        thread.join(ANSWER_SECONDS)
    return sum(results), exit_seconds, code


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=servers.SERVERS, default="waitress")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default: %(default)s)")
    parser.add_argument("--requests", type=int, default=50, help="requests in flight at SIGTERM")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{servers.describe(args.server, args.workers)} on 127.0.0.1, {os.cpu_count()} cores; "
          f"SIGTERM with {args.requests} requests in flight (half filter callbacks, half CSV downloads)")
    for round_number in range(1, args.rounds + 1):
        completed, seconds, code = one_round(args.server, args.workers, args.requests)
        print(f"round {round_number}: {completed} of {args.requests} completed; "
              f"server exited {seconds:.1f} s after SIGTERM with code {code}")


if __name__ == "__main__":
    main()
