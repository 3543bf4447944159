"""The cold build of the app's frame, step by step, at the shipped data and at 10,000 synthetic rows.

Issue 20 keeps a snapshot or join cache only if one measurably matters at 10,000 rows (about
100 years of this record): this prints what a start spends on each step of
:mod:`sightings.pipeline` (read -> parse/validate/locate -> join -> facet columns), in a fresh
process per run so nothing is warm but the imports. Synthetic rows are labelled as such
(bench/synth.py). Prints numbers, never asserts.

    .venv/bin/python bench/build.py [--n 0 10000] [--reps 5]      (0 = the shipped data)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: One cold build in a new interpreter: imports timed apart, then each pipeline step.
_RUN = """
import json, sys, time
started = time.perf_counter()
from geo.join import enrich
from sightings.pipeline import add_facets
from sightings.store import load, read_dataset
times = {"imports": time.perf_counter() - started}
def step(name, function, *args):
    begun = time.perf_counter()
    value = function(*args)
    times[name] = time.perf_counter() - begun
    return value
raw = step("read", read_dataset, sys.argv[1])
rows = step("parse, validate, locate", load, raw)
joined = step("join", enrich, rows)
frame = step("facet columns", add_facets, joined)
times["build (no imports)"] = sum(v for k, v in times.items() if k != "imports")
times["rows"] = len(frame)
print(json.dumps(times))
"""


def cold_build(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _RUN, str(path)], capture_output=True, text=True, cwd=ROOT,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[0, 10_000])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    from bench.synth import write
    from sightings.store import DATASET
    for n in args.n:
        path = DATASET if n == 0 else write(n)
        runs = [cold_build(path) for _ in range(args.reps)]
        label = "shipped data" if n == 0 else f"{n:,} SYNTHETIC rows (bench/synth.py)"
        print(f"\n{label}: {runs[0]['rows']:,} rows, median of {args.reps} cold builds (max)")
        for name in runs[0]:
            if name != "rows":
                values = [run[name] for run in runs]
                print(f"  {name:<26} {statistics.median(values) * 1000:8.0f} ms  ({max(values) * 1000:.0f})")


if __name__ == "__main__":
    main()
