"""The server's side of make bench's filter change, in process and like for like across checkouts.

``make bench`` (bench/run.py ``filter_change``) times a strait change over HTTP: the controls ->
spec callback, then every server callback the spec store feeds, summed. Over a socket on a
shared machine that wall time carries the load. This posts the same bodies (built the same
way, from each app's ``/_dash-dependencies``) through Flask's test client in one worker process
per checkout, each on its own shipped data, and measures each change's CPU time
(``time.process_time``) and wall time; the changes alternate between make bench's two specs
(Tsugaru in 2022; Soya + Tsushima in 2020-24) and between the checkouts, one change per
checkout in turn, the order turning each round. Prints medians; never asserts.

    .venv/bin/python bench/filter_cpu.py [--reps 30] [--compare /tmp/bench-old ...] [--http]

``--http`` times make bench's own measurement instead: each checkout's ``app.py`` served on
loopback (bench/run.py ``Server``), the change posted by bench/run.py ``filter_change`` (wall time
over HTTP, summed; gzip asked), the checkouts interleaved the same way.

``--compare PATH`` (repeatable) adds another checkout, e.g. ``git worktree add /tmp/bench-old
3dd5b58``; it runs from its own folder with its own code and data (the worker only needs
``dashboard.factory.create_app``, ``dashboard.ids``, ``dashboard.filters.spec_values`` and
``tests/dash_requests.py``, which every checkout since 2 Dec has).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UPDATE = "/_dash-update-component"
#: bench/run.py's SPECS: the two strait changes make bench alternates.
SPECS = [{"start": "2022-01-01", "end": "2022-12-31", "straits": ["Tsugaru"]},
         {"start": "2020-01-01", "end": "2024-12-31", "straits": ["Soya", "Tsushima"]}]
LABELS = ["Tsugaru 2022", "Soya+Tsushima 2020-24"]


def worker(checkout: Path) -> None:
    """Serve change requests read from stdin (a spec index per line) with ``checkout``'s app;
    write one JSON line per change: CPU and wall seconds, summed and per callback."""
    sys.path.insert(0, str(checkout))
    os.chdir(checkout)
    from dashboard import ids
    from dashboard.factory import create_app
    from dashboard.filters import FilterSpec, spec_values
    from tests.dash_requests import callback_body, dependency_body, triggered_by

    app = create_app(checkout / "data" / "sightings.csv")
    client = app.server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    headers = {"Accept-Encoding": "gzip"}                    # as make bench asks

    def controls_body(spec: dict) -> dict:                   # bench/run.py controls_body
        values = {ids.STRAITS: spec.get("straits", []), ids.CHINESE: "any", ids.SEARCH: ""}
        body = callback_body(dependencies, ids.SPEC, f"{ids.STRAITS}.value", values)
        for item in body["inputs"]:
            if item["property"] in ("start_date", "end_date"):
                item["value"] = spec.get("start" if item["property"] == "start_date" else "end")
        return body

    def post(body: dict):
        answer = client.post(UPDATE, json=body, headers=headers)
        if answer.status_code not in (200, 204):
            raise RuntimeError(answer.get_data(as_text=True)[:300])
        return answer

    def change(spec: dict) -> dict:                          # bench/run.py filter_change
        parts: dict[str, list[float]] = {}
        cpu, wall = time.process_time(), time.perf_counter()
        answer = post(controls_body({**spec_values(FilterSpec()), **spec}))
        parts["controls"] = [time.process_time() - cpu, time.perf_counter() - wall]
        raw = answer.get_data()
        raw = gzip.decompress(raw) if answer.headers.get("Content-Encoding") == "gzip" else raw
        stored = json.loads(raw)["response"][ids.SPEC]["data"]
        for dependency in triggered_by(dependencies, f"{ids.SPEC}.data"):
            body = dependency_body(dependency, f"{ids.SPEC}.data", {ids.SPEC: stored})
            name = "views" if ids.SUMMARY in dependency["output"] else dependency["output"].strip(".").split(".")[0]
            started = time.process_time(), time.perf_counter()
            post(body)
            parts[name] = [time.process_time() - started[0], time.perf_counter() - started[1]]
        return {"cpu": sum(p[0] for p in parts.values()), "wall": sum(p[1] for p in parts.values()),
                "parts": parts}

    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        print(json.dumps(change(SPECS[int(line)])), flush=True)


class Served:
    """One checkout's ``app.py`` on a loopback port, changed through make bench's ``filter_change``."""

    def __init__(self, path: Path) -> None:
        sys.path.insert(0, str(ROOT))
        from bench.run import Server, request

        self.path = path
        self.commit = subprocess.run(["git", "-C", str(path), "rev-parse", "--short", "HEAD"],
                                     capture_output=True, text=True).stdout.strip()
        self.server = Server([sys.executable, "app.py", "--data", str(path / "data" / "sightings.csv")], cwd=path,
                             env={"PYTHONPATH": str(path)})
        self.dependencies = request(self.server.port, "GET", "/_dash-dependencies")[4]
        self.runs: list[list[dict]] = [[], []]

    def change(self, i: int) -> dict:
        from bench.run import filter_change

        got = filter_change(self.server.port, self.dependencies, SPECS[i])
        return {"cpu": float("nan"), "wall": got["total"], "parts": {"controls": [float("nan"), got["controls"]],
                                                                     "spec callbacks": [float("nan"), got["views"]]}}

    def stop(self) -> None:
        self.server.stop()


class Checkout:
    """One worker process over one checkout, and the changes it has answered."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.commit = subprocess.run(["git", "-C", str(path), "rev-parse", "--short", "HEAD"],
                                     capture_output=True, text=True).stdout.strip()
        self.process = subprocess.Popen([sys.executable, __file__, "--worker", str(path)], cwd=path,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env={**os.environ, "PYTHONPATH": str(path)})
        json.loads(self.process.stdout.readline())
        self.runs: list[list[dict]] = [[], []]

    def change(self, i: int) -> dict:
        self.process.stdin.write(f"{i}\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(30)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=30, help="changes per spec and checkout")
    parser.add_argument("--compare", type=Path, action="append", default=[], help="another checkout")
    parser.add_argument("--http", action="store_true", help="make bench's HTTP timing (wall only) instead")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker.resolve())
        return
    print(f"load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    checkouts = [(Served if args.http else Checkout)(path.resolve()) for path in [*args.compare, ROOT]]
    try:
        for checkout in checkouts:                           # warm-up, not counted
            checkout.change(0), checkout.change(1)
        for i in range(2 * args.reps):
            for k in [(i // 2 + j) % len(checkouts) for j in range(len(checkouts))]:
                checkouts[k].runs[i % 2].append(checkouts[k].change(i % 2))
    finally:
        for checkout in checkouts:
            checkout.stop()
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    print(f"median ms over {args.reps} changes each, CPU / wall")
    print(f"{'checkout':<40}" + "".join(f"{label:>24}" for label in LABELS))
    for checkout in checkouts:
        name = f"{checkout.path.name} ({checkout.commit})"
        cells = "".join(f"{_ms(runs, 'cpu'):>11.1f} / {_ms(runs, 'wall'):>8.1f}  " for runs in checkout.runs)
        print(f"{name:<40}{cells}")
        for part in checkout.runs[0][0]["parts"]:
            cells = "".join(f"{_ms([r['parts'][part] for r in runs], 0):>11.1f} / "
                            f"{_ms([r['parts'][part] for r in runs], 1):>8.1f}  " for runs in checkout.runs)
            print(f"{'  ' + part:<40}{cells}")


def _ms(runs: list, key) -> float:
    return statistics.median(run[key] for run in runs) * 1000


if __name__ == "__main__":
    main()
