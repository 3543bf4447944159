"""Build ``data/sightings.csv`` from the reported-sightings notes, reproducibly.

The source (``../shared/data/reported_sightings.csv``, gathered from public news pages)
is copied fact for fact: nothing is reworded, counted or moved. This step only adds a
stable ``id`` (see :func:`sightings.schema.stable_ids`), fills positions by the rules of :mod:`sightings.positions`, validates
every row, and writes the file atomically.

Run: ``python -m sightings.curate [--source PATH] [--output PATH]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from sightings.schema import SightingsError
from sightings.store import DATASET, load, to_csv_text, write_atomic

SOURCE = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "reported_sightings.csv"


def curate(source: Path) -> pd.DataFrame:
    """The validated, positioned dataset (with stable ids) built from the source notes."""
    return load(source.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sightings.curate", description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="reported sightings CSV (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=DATASET, help="dataset to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        frame = curate(args.source)
    except (SightingsError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_atomic(args.output, to_csv_text(frame))
    kinds = frame["position_kind"].value_counts().to_dict()
    print(f"wrote {len(frame)} sightings to {args.output} ({kinds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
