"""Build ``data/sightings.csv`` from ``data/sources/`` and ``data/jso/``, reproducibly.

The news-reported movements (``reported_sightings.csv`` and ``reported_sightings_more.csv``,
gathered from public news pages) are copied fact for fact: this step only adds a stable
``id`` (:func:`sightings.schema.stable_ids`), fills positions by the rules of
:mod:`sightings.positions` and applies the checked corrections in ``corrections.csv``
(:mod:`sightings.corrections`). Then the Joint Staff Office releases (``data/jso/``: the
corpus of release texts and the release PDFs) are read and merged in, the primary source
first (:mod:`sightings.ingest`); voyages are linked (:mod:`sightings.voyages`), every row
is validated and the file is written atomically.

Run: ``python -m sightings curate [--sources DIR] [--releases DIR] [--output PATH]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from sightings.corrections import apply_corrections, read_corrections
from sightings.ingest import merge_releases, read_releases
from sightings.jso import ReleaseError
from sightings.schema import SightingsError, validate
from sightings.store import DATASET, load, to_csv_text, write_atomic
from sightings.voyages import VOYAGE_COLUMNS, link_voyages

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
#: The releases the dataset is built from: the shared corpus of texts and the original PDFs.
RELEASES = Path(__file__).resolve().parent.parent / "data" / "jso"
RELEASE_INPUTS = ("releases.json", "pdf")
NEWS_FILES = ("reported_sightings.csv", "reported_sightings_more.csv")
CORRECTIONS = "corrections.csv"


def curate(sources: Path = SOURCES, releases: Path | None = RELEASES) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The validated dataset built from ``sources`` and ``releases``, and the build log."""
    news = pd.concat([load((sources / name).read_bytes()) for name in NEWS_FILES], ignore_index=True)
    repeated = news["id"][news["id"].duplicated()].tolist()
    if repeated:
        raise SightingsError([f"id {i!r} comes twice from the news files (the same report listed twice?)"
                              for i in repeated])
    corrected = apply_corrections(news, read_corrections((sources / CORRECTIONS).read_bytes()))
    frame = corrected.frame.sort_values(["event_date", "id"], kind="stable").reset_index(drop=True)
    log = corrected.log
    if releases is not None:
        outcome = merge_releases(frame, read_releases([releases / name for name in RELEASE_INPUTS]))
        frame, log = outcome.frame, log + outcome.lines
    frame[list(VOYAGE_COLUMNS)] = link_voyages(frame)
    return validate(frame), log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sightings.curate", description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of source files (default: %(default)s)")
    parser.add_argument("--releases", type=Path, default=RELEASES,
                        help="folder with releases.json and pdf/ (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=DATASET, help="dataset to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        frame, log = curate(args.sources, args.releases)
    except (SightingsError, ReleaseError, OSError) as exc:
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
