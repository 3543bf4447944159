"""A large import: N rows (default 100,000) merged into a copy of the dataset, seconds printed.

The rows are the first example report repeated with synthetic dates, phrases and types
(generated here, never shipped, written only to a temporary folder). The importer refuses
rows marked ``synthetic:`` in ``source_urls``, so these keep the example's real URL and say
they are synthetic in ``location_text`` and ``ship_types``.

    .venv/bin/python bench/import_large.py [--n 100000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sightings.importer import merge_into  # noqa: E402
from sightings.store import DATASET, read_sightings  # noqa: E402

EXAMPLE = ROOT / "data" / "examples" / "new_reports.csv"


def synthetic_rows(n: int) -> bytes:
    """``n`` rows of CSV in the shared format, ten per day from 1993 on, each its own sighting."""
    base = pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False).head(1)
    rows = pd.concat([base] * n, ignore_index=True)
    days = pd.date_range("1993-01-01", periods=n // 10 + 1, freq="D").strftime("%Y-%m-%d")
    rows["event_date"] = rows["report_date"] = [days[i // 10] for i in range(n)]
    rows["location_text"] = [f"synthetic benchmark row {i}" for i in range(n)]
    rows["lat"], rows["lon"], rows["strait"] = "41.5", "141.9", ""
    rows["ship_types"] = "synthetic benchmark vessel"
    return rows.to_csv(index=False, lineterminator="\n").encode("utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args(argv)
    raw = synthetic_rows(args.n)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sightings.csv"
        path.write_bytes(DATASET.read_bytes())
        started = time.perf_counter()
        result = merge_into(path, raw)
        elapsed = time.perf_counter() - started
        total = len(read_sightings(path))
    print(f"imported {len(result.new):,} of {args.n:,} rows ({len(raw) / 2**20:.1f} MB) in {elapsed:.1f} s; "
          f"dataset now {total:,} rows")


if __name__ == "__main__":
    main()
