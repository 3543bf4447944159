"""Build ``data/sightings.csv`` from ``data/sources/`` and ``data/jso/``, reproducibly.

The news-reported movements (``reported_sightings.csv`` and ``reported_sightings_more.csv``,
gathered from public news pages; the press harvest ``reported_sightings_harvest.csv``, less
the rows its second reader marked doubtful or wrong, with each verdict in the notes, see
:func:`harvest_rows`; ``corrections_legs.csv``, rows a correction split off) are copied fact
for fact: this step only adds a stable
``id`` (:func:`sightings.schema.stable_ids`), fills positions by the rules of
:mod:`sightings.positions` and applies the checked corrections in ``corrections.csv``
(:mod:`sightings.corrections`). Then the Joint Staff Office releases (``data/jso/``: the
corpus of release texts and the release PDFs) are read and merged in, the primary source
first (:mod:`sightings.ingest`); voyages are linked (:mod:`sightings.voyages`), every row
is validated and the file is written atomically, with ``data/COVERAGE.md``
(:mod:`sightings.coverage`) beside it.

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

from sightings import changelog, coverage
from sightings.corrections import apply_corrections, read_corrections
from sightings.dates import fill_event_times, says_announced_on
from sightings.ingest import merge_releases, read_releases
from sightings.jso import ReleaseError
from sightings.schema import SightingsError, is_release_url, validate
from sightings.store import DATASET, load, load_table, lock, read_sightings, read_text, write_atomic
from sightings.text import escape_controls
from sightings.voyages import VOYAGE_COLUMNS, link_voyages

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
#: The releases the dataset is built from: the shared corpus of texts and the original PDFs.
RELEASES = Path(__file__).resolve().parent.parent / "data" / "jso"
RELEASE_INPUTS = ("releases.json", "pdf")
NEWS_FILES = ("reported_sightings.csv", "reported_sightings_more.csv")
#: Rows a correction adds (a row split into its legs), in the news files' columns, each saying
#: in its notes which row it was split from and why.
LEGS = "corrections_legs.csv"
#: The press harvest of 2026-12 (2016-2026): the news columns plus ``check`` (a second reader's
#: verdict), ``quote`` (the decisive sentence) and ``harvest_id``.
HARVEST = "reported_sightings_harvest.csv"
HARVEST_EXTRA = ("check", "quote", "harvest_id")
#: Verdicts imported (``date-inferred`` with the date marked inferred) and left out (``doubtful``:
#: no page states the year and the row may repeat another; ``wrong``: contradicted by a page).
HARVEST_IMPORTED = ("confirmed", "corrected", "date-inferred", "detail-unconfirmed")
HARVEST_LEFT_OUT = ("doubtful", "wrong")
CORRECTIONS = "corrections.csv"
#: Rows named one by one in a refusal; the rest are counted.
SHOWN_ROWS = 20


def curate(sources: Path = SOURCES, releases: Path | None = RELEASES) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The validated dataset built from ``sources`` and ``releases``, and the build log.
    """
    news = pd.concat([load((sources / name).read_bytes()) for name in NEWS_FILES + (LEGS,)], ignore_index=True)
    news = news.assign(date_basis="stated", report_date_basis="")
    harvest, log = harvest_rows(read_text((sources / HARVEST).read_bytes()))
    news = pd.concat([news, load_table(harvest)], ignore_index=True)
    repeated = news["id"][news["id"].duplicated()].tolist()
    if repeated:
        raise SightingsError([f"id {i!r} comes twice from the news files (the same report listed twice?)"
                              for i in repeated])
    corrected = apply_corrections(news, read_corrections((sources / CORRECTIONS).read_bytes()))
    frame = corrected.frame.sort_values(["event_date", "id"], kind="stable").reset_index(drop=True)
    log += corrected.log
    frame["report_date_basis"] = frame["report_date_basis"].where(
        frame["report_date_basis"] != "", frame.apply(_news_report_basis, axis=1))
    if releases is not None:
        outcome = merge_releases(frame, read_releases([releases / name for name in RELEASE_INPUTS]))
        frame, log = outcome.frame, log + outcome.lines
    on_release = frame["source_urls"].map(lambda urls: bool(urls) and is_release_url(urls[0]))
    frame.loc[on_release, ["date_basis", "report_date_basis"]] = ["stated", "release"]
    frame["event_time"], times = fill_event_times(frame)
    frame[list(VOYAGE_COLUMNS)] = link_voyages(frame)
    return validate(frame), log + times


def harvest_rows(table: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The harvest's rows to import, as news-format text cells, and a line per row left out.

    The second reader's verdict and the page's decisive sentence go into ``notes``; a row
    with only an announcement day keeps that day as ``event_date`` (``date_basis``
    ``announcement day``); a ``date-inferred`` row is marked ``inferred`` (its notes give the
    reasoning); a row with no announcement day holds its event day as ``report_date``
    (``event date only``).

    Examples
    --------
    >>> raw = pd.DataFrame([{"event_date": "", "report_date": "2016-01-25", "notes": "N.",
    ...                      "check": "confirmed", "quote": "Q", "harvest_id": "h001"}])
    >>> rows, _ = harvest_rows(raw)
    >>> rows.loc[0, ["event_date", "date_basis"]].tolist()
    ['2016-01-25', 'announcement day']
    """
    unknown = sorted(set(table["check"]) - set(HARVEST_IMPORTED) - set(HARVEST_LEFT_OUT))
    if unknown:
        raise SightingsError([f"harvest check {v!r} is not a known verdict (expected one of "
                              f"{', '.join(HARVEST_IMPORTED + HARVEST_LEFT_OUT)})" for v in unknown])
    out = table[~table["check"].isin(HARVEST_LEFT_OUT)].copy()
    log = tuple(f"left out harvest {r.harvest_id} ({r.check}): {r.event_date or r.report_date} "
                f"{r.location_text[:60]}" for r in table[table["check"].isin(HARVEST_LEFT_OUT)].itertuples())
    announced_only = out["event_date"] == ""
    no_report_day = out["report_date"] == ""
    out["event_date"] = out["event_date"].where(~announced_only, out["report_date"])
    out["report_date"] = out["report_date"].where(~no_report_day, out["event_date"])
    out["date_basis"] = "stated"
    out.loc[out["check"] == "date-inferred", "date_basis"] = "inferred"
    out.loc[announced_only, "date_basis"] = "announcement day"
    out["report_date_basis"] = ""           # said after the corrections, from the notes (the quote is in them)
    out.loc[no_report_day, "report_date_basis"] = "event date only"
    out["notes"] = [" ".join(part for part in (
        "event_date is the Joint Staff's announcement day; no page gives the day of the sighting." if a else "",
        notes.strip(),
        "report_date holds the day of the sighting: no page says when the Joint Staff announced it." if r else "",
        f"Press harvest {h}; checked against its pages by a second reader: {c}.",
        f"Page: {q.strip()}" if q.strip() else "") if part)
        for a, r, notes, h, c, q in zip(announced_only, no_report_day, out["notes"], out["harvest_id"],
                                        out["check"], out["quote"], strict=True)]
    return out.drop(columns=list(HARVEST_EXTRA)).reset_index(drop=True), log


def _news_report_basis(row: pd.Series) -> str:
    """``press says announced`` when a news row's notes say the Joint Staff announced it on its report day.

    The notes hold what the pages say (a harvest row's decisive sentence, a correction's
    quoted sentence); otherwise only a page's date is known.
    """
    return "press says announced" if says_announced_on(row["notes"], row["report_date"]) else "page date only"


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
            before = read_sightings(args.output) if args.output.exists() else None
            changelog.write(args.output, before, frame, "curate",
                            "Rebuilt from data/sources/ (news, harvest, corrections) and data/jso/ (releases).")
            if args.output == DATASET:      # the shipped dataset: its coverage statement follows it
                write_atomic(coverage.OUTPUT, coverage.coverage_markdown(frame, coverage.read_counts()))
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

    Examples
    --------
    >>> import tempfile
    >>> output = Path(tempfile.mkdtemp()) / "sightings.csv"
    >>> _ = output.write_text("event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...     "source_urls,source_names\\n"
    ...     "2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,https://a.org/1,A\\n"
    ...     "2022-04-09,2022-04-10,1,corvette,the Soya Strait,Soya,transit,no,https://a.org/3,A\\n")
    >>> rebuilt = pd.DataFrame({"id": ["2022-03-15-0d89a1"]})     # the rebuild lacks the imported Soya row
    >>> check_nothing_dropped(output, rebuilt)     # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: .../sightings.csv holds 1 row(s) the sources do not (added by an import?): 2022-04-09-28397d (2022-04-09 Soya); add them to data/sources/reported_sightings_more.csv so the rebuild keeps them, or pass --drop-unsourced to drop them (nothing written)
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
