"""Browser round trip: a strait change to map (and timeline) redrawn, Straitwatch beside the plain app.

Both apps get the same input change in the same headless Chromium: the strait dropdown's
value is set through Dash's own ``dash_clientside.set_props`` (what a pick in the dropdown
does, minus drawing the dropdown's menu, in both apps), alternating between one strait and
two. The clock starts just before that call and stops at the last ``plotly_afterplot`` of
the graphs that must redraw (Straitwatch: map and timeline; the plain app: its one map),
read once every graph has redrawn and no callback is pending (so a view patched by a later
callback counts too). Nothing sleeps: each run waits for those events.

    .venv/bin/python bench/browser.py [--data FILE] [--reps 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
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


def driver():
    """Headless Debian chromium with the browser tests' options."""
    from selenium import webdriver

    from tests.browser.conftest import pytest_setup_options
    options = pytest_setup_options()
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options)


def round_trips(browser, port: int, graphs: tuple[str, ...], reps: int) -> dict[str, list[float]]:
    """Seconds from navigation to ``graphs`` drawn (once), and from each strait change to all
    of ``graphs`` redrawn (``reps`` times), for the app on ``port``."""
    from tests.browser.conftest import wait_until

    started = time.perf_counter()
    browser.get(f"http://127.0.0.1:{port}/")
    wait_until(lambda: browser.execute_script(_GRAPHS_READY, list(graphs)), 120, "graphs drawn")
    load = time.perf_counter() - started
    changes = []
    for i in range(reps + 1):                                  # the first change warms up, not counted
        browser.execute_script(_HOOK, list(graphs))
        t0 = browser.execute_script(_CHANGE, ids.STRAITS, CHOICES[i % 2])
        wait_until(lambda: {g for g, t in browser.execute_script("return window.__plotted") if t > t0}
                   >= set(graphs) and browser.execute_script(_IDLE), 60, f"{', '.join(graphs)} redrawn")
        done = max(t for _, t in browser.execute_script("return window.__plotted"))
        if i:
            changes.append((done - t0) / 1000)
    return {"load": [load], "change": changes}


def main(argv: list[str] | None = None) -> None:
    from bench.run import PY, Server
    from sightings.store import DATASET

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATASET)
    parser.add_argument("--reps", type=int, default=10)
    args = parser.parse_args(argv)
    browser = driver()
    try:
        for name, command, graphs in (("Straitwatch", [PY, "app.py"], STRAITWATCH_GRAPHS),
                                      ("plain app", [PY, "bench/baseline_app.py"], PLAIN_GRAPHS)):
            server = Server([*command, "--data", str(args.data)])
            try:
                measured = round_trips(browser, server.port, graphs, args.reps)
            finally:
                server.stop()
            times = measured["change"]
            print(f"{name}: navigation to {' + '.join(graphs)} drawn {measured['load'][0] * 1000:.0f} ms; strait change "
                  f"to {' + '.join(graphs)} redrawn, median {statistics.median(times) * 1000:.0f} ms over "
                  f"{len(times)} changes")
    finally:
        browser.quit()


if __name__ == "__main__":
    main()
