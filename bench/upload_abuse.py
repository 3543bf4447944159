"""Upload abuse: does a normal user's filter change keep its speed while six clients upload large overlays?

Starts ``serve.py`` on 127.0.0.1 and runs three phases, printing numbers (no timed asserts):

1. **idle**: one user makes filter changes (each change is what a browser sends: controls ->
   spec, then every server callback of the spec, one after the other; its latency is the
   whole sequence);
2. **abuse**: the same user, while six clients each upload a maximum-size overlay (a 5 MB CSV
   of 10,000 located rows, the most an overlay accepts; ``--abusers``) again and again, each
   as soon as the last one is answered. Idle and abuse alternate in ``--windows`` windows of
   ``--seconds / --windows`` each, so that both see the same background load on a shared
   machine. Prints the user's p50/p95/max, the ratio of its p95 to the idle p95 (target: at
   most 2), timeouts, the web process's CPU per second, and what the uploads got (drawn,
   refused busy, over time, other);
3. **SIGTERM**: ``--in-flight`` such uploads sent completely, then SIGTERM; counts answers
   drawn, refused in words, and requests cut (no complete answer: silently dropped), with
   the exit status and the seconds to exit (``--rounds`` times).

    .venv/bin/python bench/upload_abuse.py [--seconds 30] [--windows 3] [--abusers 6] [--in-flight 8] [--rounds 2]
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import http.client
import io
import json
import os
import signal
import socket
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import servers  # noqa: E402
from dashboard import ids, overlay  # noqa: E402
from sightings.importer import MAX_UPLOAD_BYTES  # noqa: E402
from tests.dash_requests import callback_body, dependency_body, triggered_by  # noqa: E402

#: Seconds a client waits for an answer before counting a timeout (the reviewer's browser waited 45 s).
ANSWER_SECONDS = 45
#: The filter changes the user makes, in turn: (control id, its new value).
CHANGES = [(ids.STRAITS, ["Tsugaru"]), (ids.STRAITS, ["Tsugaru", "Soya"]), (ids.SEAS, ["Sea of Japan"]),
           (ids.STRAITS, []), (ids.SEAS, [])]
EXAMPLE = ROOT / "data" / "examples" / "new_reports.csv"


def largest_overlay() -> bytes:
    """A CSV just under the upload limit with the most rows an overlay accepts, each a real phrasing.

    The six example reports in turn, a day apart from 1992 on (distinct ids), with their first
    source only and their notes padded so that ``overlay.MAX_ROWS`` rows fill ``MAX_UPLOAD_BYTES``.
    """
    rows = list(csv.reader(io.StringIO(EXAMPLE.read_text(encoding="utf-8"))))
    header, examples = rows[0], rows[1:]
    notes = header.index("notes")
    width = MAX_UPLOAD_BYTES // overlay.MAX_ROWS - 8
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    start = dt.date(1992, 1, 1)
    for i in range(overlay.MAX_ROWS):
        row = list(examples[i % len(examples)])
        day = start + dt.timedelta(days=i)
        row[0], row[1] = day.isoformat(), (day + dt.timedelta(days=1)).isoformat()
        for column in ("source_urls", "source_names"):    # the first source only: room for 10,000 rows
            at = header.index(column)
            row[at] = row[at].split(" | ")[0]
        row[notes] = ""
        bare = len(",".join(f'"{cell}"' for cell in row).encode())
        row[notes] = ("benchmark overlay row " + "x" * width)[:max(0, width - bare)]
        writer.writerow(row)
    raw = out.getvalue().encode()
    assert len(raw) <= MAX_UPLOAD_BYTES, len(raw)
    return raw


def upload_request(dependencies: list[dict], raw: bytes, name: str) -> bytes:
    """The whole HTTP request a browser sends for an overlay upload, ready to write to a socket."""
    body = callback_body(dependencies, ids.UPLOAD_MESSAGE, f"{ids.UPLOAD}.contents", {})
    values = {"contents": "data:text/csv;base64," + base64.b64encode(raw).decode(), "filename": name}
    for item in body["inputs"] + body["state"]:
        item["value"] = values.get(item["property"]) if item["id"] == ids.UPLOAD else None
    data = json.dumps(body).encode()
    return (b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(data) + data)


def outcome(answer: bytes) -> str:
    """What an upload got: drawn, refused (busy, over time, stopping, other), an error status, or cut."""
    head, _, body = answer.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 "):
        return "cut (no answer)"
    if not head.startswith(b"HTTP/1.1 200 "):
        return f"status {head[9:12].decode()}"
    try:
        message = json.loads(body)["response"][ids.UPLOAD_MESSAGE]["children"]
    except (ValueError, KeyError):
        return "cut (incomplete answer)"
    if isinstance(message, str):
        return "drawn"
    problem = message[1]["props"]["children"][0]["props"]["children"]
    for start, kind in (("the server is already reading", "refused: busy"),
                        ("the server was busy", "refused: waited too long"),
                        ("reading the file took longer", "refused: over time"),
                        ("the server is restarting", "refused: stopping")):
        if problem.startswith(start):
            return kind
    return f"refused: {problem[:60]}"


def send_upload(port: int, request: bytes) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", port), timeout=ANSWER_SECONDS)
    connection.sendall(request)
    return connection


def answer_of(connection: socket.socket) -> bytes:
    chunks = []
    try:
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    except OSError:
        pass
    finally:
        connection.close()
    return b"".join(chunks)


def filter_change(port: int, dependencies: list[dict], controls: dict, control: str, value) -> tuple[float, bool]:
    """(seconds, answered) for one filter change: controls -> spec, then each callback of the spec."""
    controls[control] = value
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=ANSWER_SECONDS)
    try:
        answer = post(connection, callback_body(dependencies, ids.SPEC, f"{control}.value", controls))
        spec = answer["response"][ids.SPEC]["data"]
        for dependency in triggered_by(dependencies, f"{ids.SPEC}.data"):
            post(connection, dependency_body(dependency, f"{ids.SPEC}.data", {ids.SPEC: spec}))
        return time.perf_counter() - started, True
    except (OSError, http.client.HTTPException, ValueError, KeyError):
        return time.perf_counter() - started, False
    finally:
        connection.close()


def post(connection: http.client.HTTPConnection, body: dict) -> dict:
    connection.request("POST", "/_dash-update-component", body=json.dumps(body).encode(),
                       headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    raw = response.read()
    if response.status != 200:
        raise ValueError(f"status {response.status}")
    return json.loads(raw) if raw else {}


def user(port: int, dependencies: list[dict], seconds: float) -> tuple[list[float], int]:
    """(latencies of the changes answered, changes not answered) for ``seconds`` of filter changes."""
    controls = {ids.CHINESE: "any", ids.SEARCH: ""}
    latencies, failed = [], 0
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline:
        control, value = CHANGES[i % len(CHANGES)]
        took, ok = filter_change(port, dependencies, controls, control, value)
        if ok:
            latencies.append(took)
        else:
            failed += 1
        i += 1
    return latencies, failed


def describe(latencies: list[float]) -> tuple[float, float, float]:
    """(p50, p95, max) in milliseconds."""
    if len(latencies) < 2:
        return (latencies[0] * 1000,) * 3 if latencies else (float("nan"),) * 3
    q = statistics.quantiles(latencies, n=100)
    return q[49] * 1000, q[94] * 1000, max(latencies) * 1000


def abuse(port: int, request: bytes, abusers: int, stop: threading.Event, outcomes: Counter, lock: threading.Lock):
    def abuser() -> None:
        while not stop.is_set():
            got = outcome(answer_of(send_upload(port, request)))
            with lock:
                outcomes[got] += 1

    threads = [threading.Thread(target=abuser, daemon=True) for _ in range(abusers)]
    for thread in threads:
        thread.start()
    return threads


def sigterm_round(request_for, count: int) -> tuple[Counter, int, float]:
    """(outcomes, exit status, seconds from SIGTERM to exit) with ``count`` uploads sent when SIGTERM comes."""
    port = servers.free_port()
    process = servers.start("waitress", port)
    dependencies = servers.dependencies(port)
    request = request_for(dependencies)
    connections = [send_upload(port, request) for _ in range(count)]
    signalled = time.monotonic()
    process.send_signal(signal.SIGTERM)
    answers: list[bytes] = [b""] * count
    readers = [threading.Thread(target=lambda i=i: answers.__setitem__(i, answer_of(connections[i])))
               for i in range(count)]
    for thread in readers:
        thread.start()
    code = process.wait(120)
    exited = time.monotonic() - signalled
    for thread in readers:
        thread.join(ANSWER_SECONDS)
    return Counter(outcome(answer) for answer in answers), code, exited


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the idle and of the abuse phase")
    parser.add_argument("--windows", type=int, default=3,
                        help="idle and abuse alternate in this many windows each (a shared machine's load drifts)")
    parser.add_argument("--abusers", type=int, default=6, help="clients uploading at once")
    parser.add_argument("--in-flight", type=int, default=8, help="uploads sent when SIGTERM comes")
    parser.add_argument("--rounds", type=int, default=2, help="SIGTERM rounds")
    args = parser.parse_args(argv)
    raw = largest_overlay()
    print(f"serve.py (waitress) on 127.0.0.1, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} "
          f"at the start; overlay: {len(raw) / 2**20:.2f} MB, {overlay.MAX_ROWS:,} rows "
          f"({overlay.SLOTS} read at once, {overlay.DEADLINE_SECONDS} s each)")
    port = servers.free_port()
    process = servers.start("waitress", port)
    idle, idle_failed, loaded, loaded_failed = [], 0, [], 0
    lock, outcomes = threading.Lock(), Counter()
    window = args.seconds / args.windows
    web_cpu = {"idle": 0.0, "abuse": 0.0}
    try:
        dependencies = servers.dependencies(port)
        request = upload_request(dependencies, raw, "largest.csv")
        started = time.perf_counter()
        first = outcome(answer_of(send_upload(port, request)))    # the fork server's start, not measured
        print(f"one upload alone: {first} in {time.perf_counter() - started:.1f} s")
        for _ in range(args.windows):
            before = cpu_seconds(process.pid)
            values, failed = user(port, dependencies, window)
            idle += values
            idle_failed += failed
            web_cpu["idle"] += cpu_seconds(process.pid) - before
            stop = threading.Event()
            threads = abuse(port, request, args.abusers, stop, outcomes, lock)
            time.sleep(1)    # every abuser has an upload on the wire
            before = cpu_seconds(process.pid)
            values, failed = user(port, dependencies, window)
            loaded += values
            loaded_failed += failed
            web_cpu["abuse"] += cpu_seconds(process.pid) - before
            stop.set()
            for thread in threads:    # the uploads in flight are answered before the next idle window
                thread.join(ANSWER_SECONDS + 10)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(120)
    print(f"user filter changes ({args.windows} windows each, alternating)")
    print(f"{'':<28}{'changes':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'timeouts':>10}{'web CPU s/s':>13}")
    for label, values, failed, cpu in (("idle", idle, idle_failed, web_cpu["idle"]),
                                       (f"{args.abusers} clients uploading", loaded, loaded_failed, web_cpu["abuse"])):
        p50, p95, top = describe(values)
        print(f"{label:<28}{len(values):>8}{p50:>9.0f}{p95:>9.0f}{top:>9.0f}{failed:>10}{cpu / args.seconds:>13.2f}")
    print(f"p95 under abuse / p95 idle: {describe(loaded)[1] / describe(idle)[1]:.2f} (target: at most 2)")
    print("uploads during the abuse windows: " + ", ".join(f"{kind} {n}" for kind, n in outcomes.most_common()))
    for round_number in range(1, args.rounds + 1):
        got, code, exited = sigterm_round(lambda deps: upload_request(deps, raw, "largest.csv"), args.in_flight)
        cut = sum(n for kind, n in got.items() if kind.startswith("cut") or kind.startswith("status"))
        print(f"SIGTERM round {round_number}: {args.in_flight} uploads in flight: "
              + ", ".join(f"{kind} {n}" for kind, n in got.most_common())
              + f"; silently dropped {cut}; exit status {code}, {exited:.1f} s after SIGTERM")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
