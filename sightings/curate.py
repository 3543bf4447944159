"""Build ``data/sightings.csv`` from ``data/sources/`` and ``data/jso/``, reproducibly.

The news-reported movements (``reported_sightings.csv`` and ``reported_sightings_more.csv``,
gathered from public news pages) are copied fact for fact: this step only adds a stable
``id`` (:func:`sightings.schema.stable_ids`), fills positions by the rules of
:mod:`sightings.positions` and applies the checked corrections in ``corrections.csv``
(:mod:`sightings.corrections`). Then the Joint Staff Office releases (``data/jso/``: the
corpus of release texts and the release PDFs) are read and merged in, the primary source
first (:mod:`sightings.ingest`); voyages are linked (:mod:`sightings.voyages`), every row
is validated and the file is written atomically.

The rebuild is made without the lock (reading PDFs takes a while); the check and the write
happen under the dataset's lock (:func:`sightings.store.lock`), like every other writer's,
and the write is refused when the file to be replaced holds rows the sources do not (rows
added by ``import``): they are named, and only ``--drop-unsourced`` lets them go.

Run: ``python -m sightings curate [--sources DIR] [--releases DIR] [--output PATH] [--drop-unsourced]``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from sightings.corrections import apply_corrections, read_corrections
from sightings.ingest import merge_releases, read_releases
from sightings.jso import ReleaseError
from sightings.schema import SightingsError, validate
from sightings.store import DATASET, load, lock, read_sightings, to_csv_text, write_atomic
from sightings.text import escape_controls
from sightings.voyages import VOYAGE_COLUMNS, link_voyages

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
#: The releases the dataset is built from: the shared corpus of texts and the original PDFs.
RELEASES = Path(__file__).resolve().parent.parent / "data" / "jso"
RELEASE_INPUTS = ("releases.json", "pdf")
NEWS_FILES = ("reported_sightings.csv", "reported_sightings_more.csv")
CORRECTIONS = "corrections.csv"
#: Rows named one by one in a refusal; the rest are counted.
SHOWN_ROWS = 20


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
    parser.add_argument("--drop-unsourced", action="store_true",
                        help="replace the output even when it holds rows the sources do not (they are lost)")
    args = parser.parse_args(argv)
    try:
        if args.output.name.endswith(".lock"):
            raise SightingsError([f"--output {args.output} is a lock file (a dataset's is its name + '.lock'); "
                                  "write the dataset to a .csv file"])
        frame, log = curate(args.sources, args.releases)
        with lock(args.output):
            if not args.drop_unsourced:
                check_nothing_dropped(args.output, frame)
            write_atomic(args.output, to_csv_text(frame))
    except (SightingsError, ReleaseError, OSError) as exc:
        for line in str(exc).splitlines():
            print(escape_controls(f"error: {line}"), file=sys.stderr)
        return 2
    for line in log:
        print(escape_controls(line))
    kinds = frame["position_kind"].value_counts().to_dict()
    print(f"wrote {len(frame)} sightings to {args.output} ({kinds})")
    return 0


def check_nothing_dropped(output: Path, frame: pd.DataFrame) -> None:
    """Refuse to replace ``output`` when it holds rows (by id) that the rebuilt ``frame`` does not.

    Rows added by ``import`` live only in the dataset: a rebuild from the sources would
    drop them silently. Call it holding the dataset's lock, so no import lands between
    this check and the write.

    Example: after ``python -m sightings import new.csv``, ``check_nothing_dropped(DATASET,
    curate()[0])`` raises naming the imported rows' ids, dates and straits.
    """
    if not os.path.lexists(output):
        return
    try:
        stored = read_sightings(output)
    except SightingsError as exc:
        raise SightingsError([f"cannot read {output} to check that the rebuild keeps its rows: {exc.problems[0]}; "
                              "repair it, choose another --output, or pass --drop-unsourced to replace it"]) from None
    lost = stored[~stored["id"].isin(set(frame["id"]))]
    if lost.empty:
        return
    shown = [f"{row.id} ({row.event_date:%Y-%m-%d} {row.strait or 'open sea'})"
             for row in lost.head(SHOWN_ROWS).itertuples(index=False)]
    more = f" and {len(lost) - SHOWN_ROWS} more" if len(lost) > SHOWN_ROWS else ""
    raise SightingsError([f"{output} holds {len(lost)} row(s) the sources do not (added by an import?): "
                          f"{', '.join(shown)}{more}; add them to data/sources/{NEWS_FILES[1]} so the rebuild "
                          "keeps them, or pass --drop-unsourced to drop them (nothing written)"])


if __name__ == "__main__":
    sys.exit(main())
