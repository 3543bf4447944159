"""Build ``data/sightings.csv`` from the sources in ``data/sources/``, reproducibly.

The news-reported movements (``reported_sightings.csv`` and ``reported_sightings_more.csv``,
gathered from public news pages) are copied fact for fact: this step only adds a stable
``id`` (:func:`sightings.schema.stable_ids`), fills positions by the rules of
:mod:`sightings.positions`, applies the checked corrections in ``corrections.csv``
(:mod:`sightings.corrections`), links voyages (:mod:`sightings.voyages`), validates every
row and writes the file atomically.

Run: ``python -m sightings.curate [--sources DIR] [--output PATH]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from sightings.corrections import apply_corrections, read_corrections
from sightings.schema import SightingsError, validate
from sightings.store import DATASET, load, to_csv_text, write_atomic
from sightings.voyages import link_voyages

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
NEWS_FILES = ("reported_sightings.csv", "reported_sightings_more.csv")
CORRECTIONS = "corrections.csv"


def curate(sources: Path = SOURCES) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The validated dataset built from ``sources``, and the corrections log."""
    news = pd.concat([load((sources / name).read_bytes()) for name in NEWS_FILES], ignore_index=True)
    repeated = news["id"][news["id"].duplicated()].tolist()
    if repeated:
        raise SightingsError([f"id {i!r} comes twice from the news files (the same report listed twice?)"
                              for i in repeated])
    corrected = apply_corrections(news, read_corrections((sources / CORRECTIONS).read_bytes()))
    frame = corrected.frame.sort_values(["event_date", "id"], kind="stable").reset_index(drop=True)
    frame["voyage_id"] = link_voyages(frame)
    return validate(frame), corrected.log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sightings.curate", description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of source files (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=DATASET, help="dataset to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        frame, log = curate(args.sources)
    except (SightingsError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_atomic(args.output, to_csv_text(frame))
    for line in log:
        print(line)
    kinds = frame["position_kind"].value_counts().to_dict()
    print(f"wrote {len(frame)} sightings to {args.output} ({kinds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
