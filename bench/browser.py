"""Browser round trip: a strait change to map (and timeline) redrawn, Straitwatch beside the plain app.

Both apps get the same input change in the same headless Chromium: the strait dropdown's
value is set through Dash's own ``dash_clientside.set_props`` (what a pick in the dropdown
does, minus drawing the dropdown's menu, in both apps), alternating between one strait and
two. The clock starts just before that call and stops at the last ``plotly_afterplot`` of
the graphs that must redraw (Straitwatch: map and timeline; the plain app: its one map),
read once every graph has redrawn and no callback is pending (so a view patched by a later
callback counts too). Nothing sleeps: each run waits for those events.

Each app has its own browser (the same Chromium, the same options) and the changes are
interleaved, one change per app in turn, so load from other work on the machine falls on
every app alike. Beside each change the browser's Resource Timing entries of the callback
requests it fired give their server time (request sent to first byte of the answer, summed
over the requests) and their response bytes (on the wire, gzip, and decoded). After the
browsers close, each change's requests (their bodies as the browser sent them) are posted
again one at a time, interleaved the same way: the server's time per callback without the
browser's requests running in parallel.

``--compare PATH`` adds another checkout (e.g. ``git worktree add /tmp/bench-old 3dd5b58``):
its ``app.py`` runs from PATH (so PATH's packages are imported) on PATH's own
``data/sightings.csv``, with the plain app on that data as its yardstick (when it differs from
this checkout's), all in the same run; give it again for a third checkout.

    .venv/bin/python bench/browser.py [--data FILE] [--reps 10] [--compare PATH ...]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import ids  # noqa: E402

#: The strait selections alternated in both apps (the plain app's dropdown has the same id).
CHOICES = (["Tsugaru"], ["Soya", "Tsushima"])
#: The graphs each app redraws after a strait change.
STRAITWATCH_GRAPHS = (ids.MAP, ids.TIMELINE)
PLAIN_GRAPHS = ("map",)
_HOOK = """
window.__plotted = [];
window.__sent = [];
if (!window.__benchFetch) {            // the callback requests' bodies, replayed one at a time by replay()
  const send = window.fetch;
  window.fetch = function (url, init) {
    if (String(url).includes('/_dash-update-component') && init && init.body) window.__sent.push(init.body);
    return send.apply(this, arguments);
  };
  window.__benchFetch = true;
}
performance.clearResourceTimings();
performance.setResourceTimingBufferSize(10000);
for (const id of arguments[0]) {
  const gd = document.querySelector('#' + id + ' .js-plotly-plot');
  if (gd && !gd.__benchHooked) {
    gd.on('plotly_afterplot', () => window.__plotted.push([id, performance.now()]));
    gd.__benchHooked = true;
  }
}"""
_CHANGE = "const t = performance.now(); window.dash_clientside.set_props(arguments[0], {value: arguments[1]}); return t;"
#: No callback requested, queued or running (dash.testing's own check, ``DashPageMixin.redux_state_rqs``).
_IDLE = """const state = Object.assign({}, window.store.getState().callbacks);
delete state.stored; delete state.completed;
return Object.values(state).every(list => list.length === 0);"""
_GRAPHS_READY = "return arguments[0].every(id => { const gd = document.querySelector('#' + id + ' .js-plotly-plot');" \
                " return gd && gd._fullLayout && gd.data && gd.data.length > 0; });"
#: The callback requests sent since ``arguments[0]`` (Resource Timing, same origin so sizes are given).
_REQUESTS = """return performance.getEntriesByType('resource')
  .filter(e => e.name.includes('/_dash-update-component') && e.startTime >= arguments[0])
  .map(e => [e.responseStart - e.requestStart, e.encodedBodySize, e.decodedBodySize]);"""


def driver():
    """Headless Debian chromium with the browser tests' options."""
    from selenium import webdriver

    from tests.browser.conftest import pytest_setup_options
    options = pytest_setup_options()
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options)


def navigate(browser, port: int, graphs: tuple[str, ...]) -> float:
    """Seconds from navigation to ``graphs`` drawn."""
    from tests.browser.conftest import wait_until

    started = time.perf_counter()
    browser.get(f"http://127.0.0.1:{port}/")
    wait_until(lambda: browser.execute_script(_GRAPHS_READY, list(graphs)), 120, "graphs drawn")
    return time.perf_counter() - started


def strait_change(browser, graphs: tuple[str, ...], choice: list[str]) -> dict:
    """One strait change to all of ``graphs`` redrawn: seconds, and the callback requests it fired
    (their count, server seconds summed, wire and decoded response bytes summed)."""
    from tests.browser.conftest import wait_until

    browser.execute_script(_HOOK, list(graphs))
    t0 = browser.execute_script(_CHANGE, ids.STRAITS, choice)
    wait_until(lambda: {g for g, t in browser.execute_script("return window.__plotted") if t > t0}
               >= set(graphs) and browser.execute_script(_IDLE), 60, f"{', '.join(graphs)} redrawn")
    done = max(t for _, t in browser.execute_script("return window.__plotted"))
    sent = browser.execute_script(_REQUESTS, t0)
    return {"change": (done - t0) / 1000, "requests": len(sent), "server": sum(s for s, _, _ in sent) / 1000,
            "wire": sum(w for _, w, _ in sent), "raw": sum(r for _, _, r in sent),
            "bodies": browser.execute_script("return window.__sent")}


def replay(port: int, bodies: list[str]) -> dict[str, float]:
    """Seconds of each callback request in ``bodies`` (as the browser sent them), posted again one
    at a time over loopback HTTP: the server's time without the browser's parallel requests."""
    from bench.run import UPDATE, request

    seconds: dict[str, float] = {}
    for body in bodies:
        parsed = json.loads(body)
        status, elapsed, *_ = request(port, "POST", UPDATE, parsed, gzip_ok=True)
        if status not in (200, 204):
            raise RuntimeError(f"replaying {parsed['output'][:80]} answered {status}")
        key = parsed["output"].strip(".").split(".")[0]
        seconds[key] = seconds.get(key, 0.0) + elapsed
    return seconds


def round_trips(browser, port: int, graphs: tuple[str, ...], reps: int) -> dict[str, list[float]]:
    """Seconds from navigation to ``graphs`` drawn (once), and from each strait change to all
    of ``graphs`` redrawn (``reps`` times), for the app on ``port``."""
    load = navigate(browser, port, graphs)
    changes = [strait_change(browser, graphs, CHOICES[i % 2])["change"] for i in range(reps + 1)]
    return {"load": [load], "change": changes[1:]}                 # the first change warms up, not counted


@dataclass
class App:
    """One app under test: its command, the folder it runs from, the graphs a change redraws."""

    name: str
    command: list[str]
    cwd: Path
    graphs: tuple[str, ...]
    data: Path
    load: float = 0.0
    runs: list[dict] = field(default_factory=list)


def interleaved(apps: list[App], reps: int) -> None:
    """Start every app and its browser, navigate each once, then ``reps`` rounds of one strait
    change per app (the order turning each round); each app's ``runs`` gets its changes, then
    each change's requests replayed one at a time (:func:`replay`)."""
    from bench.run import Server

    servers, browsers = [], []
    try:
        for app in apps:
            servers.append(Server([*app.command, "--data", str(app.data)], cwd=app.cwd,
                                  env={"PYTHONPATH": str(app.cwd)}))
            browsers.append(driver())
            app.load = navigate(browsers[-1], servers[-1].port, app.graphs)
            strait_change(browsers[-1], app.graphs, CHOICES[1])         # warm-up, not counted
        for i in range(reps):
            for k in order_of(i, len(apps)):
                apps[k].runs.append(strait_change(browsers[k], apps[k].graphs, CHOICES[i % 2]))
        for browser in browsers:
            browser.quit()
        browsers = []
        for i in range(reps):                     # the same changes' requests again, one at a time
            for k in order_of(i, len(apps)):
                apps[k].runs[i]["replayed"] = replay(servers[k].port, apps[k].runs[i]["bodies"])
    finally:
        for browser in browsers:
            browser.quit()
        for server in servers:
            server.stop()


def order_of(i: int, n: int) -> list[int]:
    """The apps' order in round ``i``: turned by one each round, so none is always first."""
    return [(i + k) % n for k in range(n)]


def rows(path: Path) -> int:
    import pandas as pd
    return len(pd.read_csv(path, dtype=str, keep_default_na=False))


def main(argv: list[str] | None = None) -> None:
    from bench.run import PY
    from sightings.store import DATASET

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATASET)
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--compare", type=Path, action="append", default=[],
                        help="another checkout, run from its folder on its own data/sightings.csv beside this one "
                             "(and the plain app on that data when it differs), interleaved; may be given again")
    args = parser.parse_args(argv)
    apps = [App("Straitwatch", [PY, "app.py"], ROOT, STRAITWATCH_GRAPHS, args.data.resolve()),
            App("plain app", [PY, "bench/baseline_app.py"], ROOT, PLAIN_GRAPHS, args.data.resolve())]
    for other in (path.resolve() for path in args.compare):
        data = other / "data" / "sightings.csv"
        apps.insert(len(apps) - sum(app.graphs == PLAIN_GRAPHS for app in apps), App(f"Straitwatch at {other}", [PY, "app.py"], other, STRAITWATCH_GRAPHS, data))
        if all(data.read_bytes() != app.data.read_bytes() for app in apps if app.graphs == PLAIN_GRAPHS):
            apps.append(App(f"plain app on {other}'s data", [PY, str(ROOT / "bench" / "baseline_app.py")], ROOT,
                            PLAIN_GRAPHS, data))
    print(f"load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)", flush=True)
    interleaved(apps, args.reps)
    print(f"load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    med = statistics.median
    plain = {app.data.read_bytes(): med(r["change"] for r in app.runs) for app in apps if app.graphs == PLAIN_GRAPHS}
    for app in apps:
        change = med(r["change"] for r in app.runs)
        print(f"{app.name} ({rows(app.data):,} rows): navigation to {' + '.join(app.graphs)} drawn "
              f"{app.load * 1000:.0f} ms; strait change to {' + '.join(app.graphs)} redrawn, median "
              f"{change * 1000:.0f} ms over {len(app.runs)} changes "
              f"({change / plain[app.data.read_bytes()]:.2f}x the plain app on the same data); callbacks: median {med(r['requests'] for r in app.runs):.0f} requests, "
              f"server {med(r['server'] for r in app.runs) * 1000:.0f} ms summed, "
              f"{med(r['wire'] for r in app.runs):,.0f} B wire / {med(r['raw'] for r in app.runs):,.0f} B decoded; "
              f"posted again one at a time: {med(sum(r['replayed'].values()) for r in app.runs) * 1000:.0f} ms summed")
        for key in dict.fromkeys(k for r in app.runs for k in r["replayed"]):
            print(f"    {key}: {med(r['replayed'].get(key, 0.0) for r in app.runs) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
