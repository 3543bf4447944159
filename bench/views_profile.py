"""In-process timings of one filter change on the server, step by step: where the milliseconds go.

Loads the app as ``app.py`` does (:func:`dashboard.factory.create_app`: the pipeline's frame,
the layout, the callbacks), then for a few specs prints the median over
``--reps`` of each step of the views callback (``update_views`` in dashboard/callbacks.py,
called here as the plain functions it wires) and of every callback a filter change fires,
posted whole through Flask's test client (Dash dispatch and JSON included, no socket). Prints
numbers, never asserts; bench/run.py measures the same change over HTTP.

    .venv/bin/python bench/views_profile.py [--n 0 10000] [--reps 15]     (0 = the shipped data)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import write as write_synthetic  # noqa: E402
from dashboard import ids, stats_view, vessels  # noqa: E402
from dashboard.callbacks import as_patch  # noqa: E402
from dashboard.downloads import download_href  # noqa: E402
from dashboard.events import SHOW, with_events  # noqa: E402
from dashboard.facets import COUNTED  # noqa: E402
from dashboard.data import load_app_data  # noqa: E402
from dashboard.factory import create_app  # noqa: E402
from dashboard.figures import base_layers, map_updates, point_rows, points_trace, table_rows, timeline_figure  # noqa: E402
from dashboard.filters import FilterSpec, all_facet_counts, apply_filters, spec_values, summary  # noqa: E402
from dashboard.mapview import map_summary, view_updates  # noqa: E402
from dashboard.tracks_figure import track_updates  # noqa: E402
from dashboard.urlstate import spec_to_query  # noqa: E402
from sightings.store import DATASET  # noqa: E402
from tests.dash_requests import callback_body, dependency_body, outputs_of, triggered_by  # noqa: E402

UPDATE = "/_dash-update-component"
#: All rows; the benchmark's main change (Tsugaru in 2022); one vessel's history.
SPECS = {"all rows": {}, "Tsugaru 2022": {"start": "2022-01-01", "end": "2022-12-31", "straits": ["Tsugaru"]},
         "hull 548": {"hulls": ["548"]}}
#: What the browser sends with the spec: no selection, events shown (the default), a laptop-sized map.
SHOWN_EVENTS, MAP_SIZE = [SHOW], {"width": 900, "height": 560}


def steps(data, layers, spec: FilterSpec) -> dict:
    """The views callback's work, one named step each, in the callback's order."""
    frame, options = data.sightings, data.options
    out: dict = {}

    def step(name, work):
        out[name] = work
    rows = apply_filters(frame, spec)
    sentence = summary(rows, spec)
    updates, _ = map_updates(layers, rows, None)
    step("filter", lambda: apply_filters(frame, spec))
    step("map_updates", lambda: map_updates(layers, rows, None))
    step("summary", lambda: summary(rows, spec))
    step("view_updates", lambda: view_updates(rows, spec.straits, data.strait_boxes, spec_to_query(spec),
                                              sentence, MAP_SIZE))
    step("tracks", lambda: track_updates(rows))
    step("patch", lambda: as_patch(updates))
    step("map_summary", lambda: map_summary(rows))
    step("timeline", lambda: with_events(timeline_figure(rows, None), data.events, SHOWN_EVENTS))
    step("table", lambda: table_rows(rows))
    step("links", lambda: (download_href(spec, "csv"), download_href(spec, "geojson"), stats_view.stats_href(spec)))
    step("facet_counts", lambda: [facet.labelled_options(options[facet.field], counts[facet.field])
                                  for counts in [all_facet_counts(frame, spec)] for facet in COUNTED])
    step("vessels", lambda: vessels.vessel_rows(rows))
    step("stats_figures", lambda: stats_view.stats_figures(rows))
    return out


def median_ms(work, reps: int) -> float:
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def callbacks_fired(client, dependencies, stored: dict) -> dict:
    """(name, POST body) of each server callback a change of the spec store fires."""
    values = {ids.SPEC: stored, ids.SELECTED: None, ids.SHOW_EVENTS: SHOWN_EVENTS, ids.MAP_SIZE: MAP_SIZE,
              ids.PLAY_WINDOW: "4-weeks", ids.PLAY_SPEED: "normal", ids.URL: ""}
    fired = {}
    for dependency in triggered_by(dependencies, f"{ids.SPEC}.data"):
        body = dependency_body(dependency, f"{ids.SPEC}.data", values)
        name = "views" if ids.SUMMARY in dependency["output"] else outputs_of(dependency["output"])[0]["id"]
        fired[name] = body
    return fired


def controls(dependencies, stored: dict) -> dict:
    """The controls -> spec callback's body for a strait dropdown change to ``stored``."""
    values = {ids.STRAITS: stored["straits"], ids.HULLS: stored["hulls"], ids.CHINESE: "any", ids.SEARCH: "",
              ids.URL: ""}
    body = callback_body(dependencies, ids.SPEC, f"{ids.STRAITS}.value", values)
    for item in body["inputs"]:
        if item["property"] in ("start_date", "end_date"):
            item["value"] = stored["start" if item["property"] == "start_date" else "end"]
    return body


def profile(path: Path, reps: int) -> None:
    started = time.perf_counter()
    app = create_app(path)
    print(f"\n{path.name}: app ready in {time.perf_counter() - started:.1f} s")
    data = load_app_data(path)          # the frame the app holds, built again
    print(f"{len(data.sightings):,} rows; show events {SHOWN_EVENTS}, map {MAP_SIZE}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    points = point_rows(data.sightings)
    print(f"map markers for all rows: {len(points_trace(data.sightings)['lat']):,} "
          f"({len(points.drop_duplicates(['lat', 'lon'])):,} distinct points of {len(points):,} point rows)")
    layers = base_layers(data.layers)
    client = app.server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    table: dict[str, dict[str, float]] = {}
    for label, partial in SPECS.items():
        spec = FilterSpec.clean(data.options, **partial)
        column = table.setdefault(label, {})
        for name, work in steps(data, layers, spec).items():
            column[name] = median_ms(work, reps)
        column["steps summed"] = sum(column.values())
        stored = spec_values(spec)
        posts = {"controls": controls(dependencies, stored), **callbacks_fired(client, dependencies, stored)}
        for name, body in posts.items():
            def post(body=body):
                answer = client.post(UPDATE, json=body)
                if answer.status_code not in (200, 204):
                    raise RuntimeError(f"{name}: {answer.get_data(as_text=True)[:300]}")
            column[f"POST {name}"] = median_ms(post, reps)
        column["POST all summed"] = sum(v for k, v in column.items() if k.startswith("POST "))
        column["rows"] = len(apply_filters(data.sightings, spec))
    names = list(next(iter(table.values())))
    print(f"{'median ms over ' + str(reps):<34}" + "".join(f"{label:>14}" for label in table))
    for name in names:
        cells = "".join(f"{table[label][name]:>14,.0f}" if name == "rows" else f"{table[label][name]:>14.2f}"
                        for label in table)
        print(f"{name:<34}{cells}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[0, 10_000], help="0 = the shipped data")
    parser.add_argument("--reps", type=int, default=15)
    args = parser.parse_args(argv)
    for n in args.n:
        profile(DATASET if n == 0 else write_synthetic(n), args.reps)


if __name__ == "__main__":
    main()
