"""Command line for maintainers: ``python -m dashboard import FILE [--dry-run] ...``.

``import`` checks a CSV of new reports, locates their phrases, and either shows the result
(``--dry-run``: enriched rows to ``--output`` or stdout, nothing else touched) or merges the
new rows into the dataset. Exit 0 when done, 2 with one line per problem when not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sightings.importer import merge_into, plan
from sightings.schema import SightingsError
from sightings.store import DATASET, read_sightings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Straitwatch maintenance commands.")
    commands = parser.add_subparsers(dest="command", required=True)
    cmd = commands.add_parser("import", help="add new reports (CSV) to the dataset",
                              description="Validate, locate and merge new sightings. Accepts the dataset's "
                                          "columns (id, lat, lon, position_kind optional) or the format of "
                                          "../shared/data/reported_sightings.csv.")
    cmd.add_argument("file", type=Path, help="CSV of new sightings")
    cmd.add_argument("--dry-run", action="store_true", help="write the enriched rows and change nothing")
    cmd.add_argument("--output", type=Path, help="with --dry-run: where to write the rows (default: stdout)")
    cmd.add_argument("--data", type=Path, default=DATASET, help="dataset to merge into (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        raw = args.file.read_bytes()
        if args.dry_run:
            result = plan(raw, read_sightings(args.data))
            _write_preview(result.new, args.output)
        else:
            result = merge_into(args.data, raw)
    except SightingsError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"rejected: {args.file} (nothing written)", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for row in result.duplicates.itertuples(index=False):
        print(f"duplicate: {row.event_date:%Y-%m-%d} {row.strait or 'open sea'} repeats {row.duplicate_of}",
              file=sys.stderr)
    action = "would add" if args.dry_run else "added"
    print(f"{action} {len(result.new)}, duplicates {len(result.duplicates)}, rejected 0", file=sys.stderr)
    return 0


def _write_preview(rows, output: Path | None) -> None:
    """The rows as the download would hold them: enriched, formulas neutralised."""
    from dashboard.export import to_csv
    from geo.join import enrich

    text = to_csv(enrich(rows))
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
