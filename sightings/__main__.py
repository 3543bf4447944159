"""Dataset commands: ``python -m sightings import|ingest|curate``.

``import`` checks a CSV of new reports, locates their phrases, and either shows the result
(``--dry-run``: enriched rows to ``--output`` or stdout, the dataset untouched) or merges
the new rows into the dataset. ``ingest`` does the same for Joint Staff Office releases
(PDF or text). ``curate`` rebuilds the dataset from ``data/sources/`` and ``data/jso/``
(the same as ``python -m sightings.curate``). Exit 0 when done, 2 with one line per
problem when not: every error a library raises on hostile input is turned into such a line
where it happens (pypdf's in :func:`sightings.jso.pdf_text`, encodings and dates in the
store and schema), and anything else is still one line, never a traceback. Every line
printed is escaped (:func:`sightings.text.escape_controls`): a release or a file name
cannot retitle or clear the operator's terminal.

Each command is an ``add_*`` function that declares its arguments and a ``run_*``
function that does the work; both share :func:`add_input_options` and :func:`refuse`.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from sightings import curate, fetch
from sightings.ingest import ingest, read_releases
from sightings.jso import RELEASES, ReleaseError
from sightings.importer import merge_into, plan
from sightings.schema import SightingsError
from sightings.store import DATASET, read_file, read_sightings, write_atomic
from sightings.text import escape_controls

EXIT_OK, EXIT_UNFINISHED, EXIT_REFUSED = 0, 1, 2
#: Longest problem printed (a message may quote the input it refuses).
MAX_PROBLEM_CHARS = 500
#: Where ``fetch`` keeps the release PDFs and what it has decided.
PDF_DIR = Path(__file__).resolve().parent.parent / "data" / "jso" / "pdf"
FETCH_STATE = PDF_DIR.parent / "fetch_state.json"


def main(argv: list[str] | None = None, prog: str = "python -m sightings") -> int:
    """Run one dataset command; returns the exit code."""
    parser = argparse.ArgumentParser(prog=prog, description="Straitwatch dataset commands.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (add_import, add_ingest, add_fetch, add_export, add_curate):
        add(commands)
    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "passes_options", False):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.extra = extra
    try:
        return args.run(args)
    except SightingsError as exc:
        return refuse(exc.problems, args)
    except ReleaseError as exc:
        return refuse(str(exc).splitlines(), args)
    except fetch.FetchError as exc:
        return refuse([str(exc)], args)
    except OSError as exc:
        return refuse([str(exc)], args)
    except Exception as exc:       # noqa: BLE001 - the last line of defence: one line, not a traceback
        detail = " ".join(str(exc).split())[:300]
        return refuse([f"unexpected {type(exc).__name__} ({detail}); nothing was written. This is a bug: "
                       "please report it with the command and the input file"], args)


def add_import(commands) -> None:
    cmd = commands.add_parser(
        "import", help="add new reports (CSV) to the dataset",
        description="Validate, locate and merge new sightings. Accepts the dataset's columns (id, lat, lon, "
                    "position_kind optional) or the format of ../shared/data/reported_sightings.csv.")
    cmd.add_argument("file", type=Path, help="CSV of new sightings")
    add_input_options(cmd)
    cmd.add_argument("--replace-changed", action="store_true",
                     help="replace stored rows whose id comes again with other content (default: refuse, "
                          "showing each changed field)")
    cmd.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    check_output(args)
    raw = read_file(args.file)
    if args.dry_run:
        result = plan(raw, read_sightings(args.data), encoding=args.encoding, replace_changed=args.replace_changed)
        write_preview(result.new, args.output)
    else:
        result = merge_into(args.data, raw, encoding=args.encoding, replace_changed=args.replace_changed,
                            source=Path(args.file).name)
    for path in result.cleaned:
        say(f"removed: {path} (left by an import that was killed)")
    for row in result.duplicates.itertuples(index=False):
        say(f"duplicate: {row.event_date:%Y-%m-%d} {row.strait or 'open sea'} repeats {row.duplicate_of}")
    for key in result.replaced["id"]:
        say(f"replacing: {key}")
    add, replace = ("would add", "would replace") if args.dry_run else ("added", "replaced")
    say(f"{add} {len(result.new)}, {replace} {len(result.replaced)}, duplicates {len(result.duplicates)}, "
        "rejected 0")
    return EXIT_OK


def add_ingest(commands) -> None:
    cmd = commands.add_parser(
        "ingest", help="read Joint Staff Office releases (PDF or text) into the dataset",
        description="Read JSO releases (a release .pdf, its .txt, a folder of them, or a corpus .json in the "
                    "shared format), locate them and merge them into the dataset: a release that describes a "
                    "news row fills that row, the rest are added. One line per release says what happened.")
    cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="release files, folders or corpus JSON")
    cmd.add_argument("--dry-run", action="store_true", help="change nothing; with --output, write the rows")
    cmd.add_argument("--output", type=Path,
                     help="with --dry-run: write the rows made from the inputs to this CSV; never the dataset")
    cmd.add_argument("--force", action="store_true", help="with --output: replace an existing file")
    cmd.add_argument("--data", type=Path, default=DATASET, help="dataset to merge into (default: %(default)s)")
    cmd.add_argument("--report-date", type=iso_day, metavar="YYYY-MM-DD",
                     help="the day the Joint Staff announced a release whose text has no date line (a reprint); "
                          "default: the date in the file name")
    cmd.set_defaults(run=run_ingest)


def run_ingest(args: argparse.Namespace) -> int:
    check_output(args)
    releases = [dataclasses.replace(r, report_date=args.report_date) for r in read_releases(args.paths)]
    return ingest_and_report(args, releases)


def ingest_and_report(args: argparse.Namespace, releases) -> int:
    """Merge ``releases`` as ``ingest`` does (``--dry-run``, ``--output``, ``--data``) and say what happened."""
    outcome = ingest(args.data, releases, dry_run=args.dry_run)
    for line in outcome.lines:
        print(escape_controls(line))
    if args.output is not None:
        write_preview(outcome.rows, args.output)
    new = sum(1 for d in outcome.decisions if not d.merged_with)
    verb = ("would add", "would merge") if args.dry_run else ("added", "merged")
    say(f"{verb[0]} {new}, {verb[1]} {len(outcome.decisions) - new}")
    return EXIT_OK


def iso_day(text: str) -> dt.date:
    """A day written YYYY-MM-DD (for --report-date); argparse shows the message on a bad one."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day like 2026-08-21") from None


def add_fetch(commands) -> None:
    cmd = commands.add_parser(
        "fetch", help="download new Joint Staff Office releases and ingest them",
        description="For each day from --since to --until, ask the JSO site for pYYYYMMDD_01.pdf, _02, ... until a "
                    "run of misses; keep the navy movement releases with Russian ships in the PDF folder, say why "
                    "the others are skipped, then ingest what was kept exactly as 'ingest' does. A state file "
                    "remembers what was decided, so a re-run asks for nothing twice; a day that could not be "
                    "finished is reported (exit 1) and walked again next run.")
    cmd.add_argument("--since", required=True, type=iso_day, metavar="YYYY-MM-DD", help="first day to walk")
    cmd.add_argument("--until", type=iso_day, metavar="YYYY-MM-DD", help="last day to walk (default: today in Japan)")
    cmd.add_argument("--base-url", default=RELEASES, help="where the releases are (default: %(default)s)")
    cmd.add_argument("--dry-run", action="store_true",
                     help="write nothing (no PDF, no state, no dataset); with --output, write the rows")
    cmd.add_argument("--output", type=Path, help="with --dry-run: write the rows made from the new releases here")
    cmd.add_argument("--force", action="store_true", help="with --output: replace an existing file")
    cmd.add_argument("--data", type=Path, default=DATASET, help="dataset to merge into (default: %(default)s)")
    cmd.add_argument("--pdf-dir", type=Path, default=PDF_DIR, help="where kept PDFs go (default: %(default)s)")
    cmd.add_argument("--state", type=Path, default=FETCH_STATE, help="state file (default: %(default)s)")
    cmd.add_argument("--delay", type=float, default=fetch.DELAY, help="seconds between requests (default: %(default)s)")
    cmd.set_defaults(run=run_fetch, paths=[])


def run_fetch(args: argparse.Namespace) -> int:
    check_output(args)
    until = args.until or dt.datetime.now(fetch.JAPAN).date()
    if until < args.since:
        raise SightingsError([f"--until {until} is before --since {args.since}"])
    if args.delay < 0:
        raise SightingsError([f"--delay {args.delay} is negative; give seconds between requests, e.g. 1"])
    state = fetch.State.read(args.state)
    with tempfile.TemporaryDirectory() as scratch:
        pdf_dir = Path(scratch) if args.dry_run else args.pdf_dir
        report = fetch.fetch(args.since, until, pdf_dir, state, base_url=args.base_url, delay=args.delay)
        for line in report.lines:
            say(line)
        code = ingest_and_report(args, read_releases(report.kept)) if report.kept else EXIT_OK
    if not args.dry_run:
        state.write(args.state)
    if not report.kept:
        say("no new movement release")
    if report.unfinished:
        say(f"not finished: {', '.join(report.unfinished)} (walked again next run)")
        return EXIT_UNFINISHED
    return code


def add_export(commands) -> None:
    cmd = commands.add_parser(
        "export", help="write the record as a SQLite file (Datasette, DuckDB)",
        description="Write the dataset, the ship class dictionary and the gazetteer as SQLite tables with a "
                    "full-text index over the sightings, and a Datasette metadata file (licence, sources) beside "
                    "it: datasette FILE --metadata FILE_STEM.metadata.json")
    cmd.add_argument("--sqlite", type=Path, required=True, metavar="FILE", help="the SQLite file to write")
    cmd.add_argument("--force", action="store_true", help="replace an existing file")
    cmd.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from sightings.sqlite import export, metadata_path

    if args.sqlite.exists() and not args.force:
        raise SightingsError([f"--sqlite {args.sqlite} exists; pass --force to replace it"])
    if not args.sqlite.parent.is_dir():
        raise SightingsError([f"--sqlite {args.sqlite}: no folder {args.sqlite.parent}"])
    counts = export(args.sqlite)
    say(f"wrote {args.sqlite}: " + ", ".join(f"{name} {n} rows" for name, n in counts.items())
        + f"; Datasette metadata in {metadata_path(args.sqlite)}")
    return EXIT_OK


def add_curate(commands) -> None:
    cmd = commands.add_parser("curate", add_help=False, help="rebuild the dataset from data/sources/ (maintainers)")
    cmd.set_defaults(run=run_curate, passes_options=True)


def run_curate(args: argparse.Namespace) -> int:
    """``python -m sightings.curate`` with the options that follow ``curate`` (its own --help too)."""
    return curate.main(args.extra)


def add_input_options(cmd: argparse.ArgumentParser) -> None:
    """Options every command that reads a file of reports shares."""
    cmd.add_argument("--dry-run", action="store_true", help="show the enriched rows and change nothing")
    cmd.add_argument("--output", type=Path,
                     help="with --dry-run: write the rows to this file (default: stdout); never the dataset")
    cmd.add_argument("--force", action="store_true", help="with --output: replace an existing file")
    cmd.add_argument("--encoding", help="the file's text encoding when it is not UTF-8, e.g. cp932 (Shift-JIS), "
                                        "euc-jp, latin-1 (default: UTF-8, with or without BOM)")
    cmd.add_argument("--data", type=Path, default=DATASET, help="dataset to merge into (default: %(default)s)")


def check_output(args: argparse.Namespace) -> None:
    """Refuse an ``--output`` that is the dataset or the input (by any path), or exists without --force."""
    if args.output is None:
        if args.force:
            raise SightingsError(["--force goes with --output (it allows replacing an existing preview file)"])
        return
    if not args.dry_run:
        raise SightingsError(["--output goes with --dry-run (an import writes only the dataset)"])
    inputs = [args.file] if hasattr(args, "file") else args.paths
    for protected, what in ((args.data, "the dataset"), *((p, "an input file") for p in inputs)):
        if _same_file(args.output, protected):
            raise SightingsError([f"--output {args.output} is {what}; write the preview to another file"])
    if args.output.name.endswith(".lock") or _same_file(args.output, Path(f"{os.path.realpath(args.data)}.lock")):
        raise SightingsError([f"--output {args.output} is a lock file (the dataset's is its name + '.lock'); "
                              "write the preview to a .csv file"])
    if args.output.is_dir():
        raise SightingsError([f"--output {args.output} is a folder (expected a file name)"])
    if not args.output.parent.is_dir():
        raise SightingsError([f"--output {args.output}: no folder {args.output.parent}"])
    if args.output.exists() and not args.force:
        raise SightingsError([f"--output {args.output} exists; pass --force to replace it"])


def write_preview(rows, output: Path | None) -> None:
    """Rows as the download would hold them (enriched, formulas neutralised), written atomically.

    The same format for ``import`` and ``ingest``: a preview opened in a spreadsheet runs
    no formula, and imported again it reads back as the same rows.
    """
    from sightings.export import to_csv   # the download's format
    from sightings.pipeline import prepare

    text = to_csv(prepare(rows))
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


def refuse(problems: list[str], args: argparse.Namespace) -> int:
    """Print one ``error:`` line per problem and what was not done; the exit code for a refusal."""
    for problem in problems:
        if len(problem) > MAX_PROBLEM_CHARS:      # a message quoting a 2 MB entry is cut, not printed whole
            problem = f"{problem[:MAX_PROBLEM_CHARS]}... ({len(problem):,} characters)"
        say(f"error: {problem}")
    subject = getattr(args, "file", None) or " ".join(map(str, getattr(args, "paths", [])))
    if subject:
        say(f"rejected: {subject} (nothing written)")
    return EXIT_REFUSED


def say(line: str) -> None:
    print(escape_controls(line), file=sys.stderr)


def _same_file(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


if __name__ == "__main__":
    for stream in (sys.stdout, sys.stderr):    # a terminal that cannot show a character gets its escape
        stream.reconfigure(errors="backslashreplace")
    sys.exit(main())
