"""How much of what Japan announced the record holds, so that nobody reads a thin year as a quiet one.

The record is gathered from releases and from press pages that retell them; some years are
thinly covered. Pages sometimes state how many movements the Defense Ministry announced in a
period ("27 in 2016", "the 4th Tsugaru passage of the year"). ``data/coverage_counts.csv``
keeps each such count with its page and sentence; this module sets the record beside them:
rows per year from releases and from the press, and for each count the record's rows in the
same scope and the share they make. A share is an estimate: a row is one sighting, and one
announced movement may be two rows (two legs) or two movements one row.

Run: ``python -m sightings.coverage [--output data/COVERAGE.md]`` writes the statement.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from sightings.pipeline import primary_source
from sightings.schema import SightingsError
from sightings.store import DATASET, read_sightings, write_atomic

COUNTS = Path(__file__).resolve().parent.parent / "data" / "coverage_counts.csv"
OUTPUT = Path(__file__).resolve().parent.parent / "data" / "COVERAGE.md"
COUNT_COLUMNS = ("id", "period_start", "period_end", "count", "count_max", "measure", "strait", "what",
                 "source_name", "source_url", "quote")
#: What a count counts, and whether the record can be set beside it. Counts of both navies
#: together, or of aircraft too, cannot: the record holds Russian ships only.
MEASURES = {
    "russian_movements": "Russian movements announced",
    "russian_strait_passages": "Russian strait passages announced",
    "joint_passages": "joint China-Russia strait passages announced",
    "ships_in_one_transit": "Russian ships in one transit",
    "chinese_and_russian_passages": "Chinese and Russian strait passages together (not comparable)",
    "chinese_and_russian_activities": "Chinese and Russian activities, ships and aircraft (not comparable)",
    "chinese_and_russian_reports": "Joint Staff reports on both navies together (not comparable)",
}
COMPARABLE = ("russian_movements", "russian_strait_passages", "joint_passages", "ships_in_one_transit")


def read_counts(path: Path = COUNTS) -> pd.DataFrame:
    """The sourced counts, typed; raise SightingsError naming a wrong header or measure.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "coverage_counts.csv"
    >>> _ = path.write_text(",".join(COUNT_COLUMNS) + "\\nc1,,2022-12-31,27,30,russian_movements,,x,S,https://a.org,q\\n")
    >>> print(*read_counts(path).loc[0, ["period_start", "period_end", "count", "count_max"]])   # no start: from the first
    NaT 2022-12-31 00:00:00 27 30
    >>> _ = path.write_text(",".join(COUNT_COLUMNS) + "\\nc1,,2022-12-31,27,,russian_movments,,x,S,https://a.org,q\\n")
    >>> read_counts(path)                              # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: coverage_counts.csv: measure 'russian_movments' is not known (expected one of russian_movements, ...)
    """
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if tuple(table.columns) != COUNT_COLUMNS:
        raise SightingsError([f"{path.name} header is {', '.join(table.columns)}; "
                              f"expected {', '.join(COUNT_COLUMNS)}"])
    unknown = sorted(set(table["measure"]) - set(MEASURES))
    if unknown:
        raise SightingsError([f"{path.name}: measure {m!r} is not known (expected one of {', '.join(MEASURES)})"
                              for m in unknown])
    table["period_start"] = pd.to_datetime(table["period_start"].replace("", None), format="%Y-%m-%d")
    table["period_end"] = pd.to_datetime(table["period_end"], format="%Y-%m-%d")
    table["count"] = table["count"].astype(int)
    table["count_max"] = pd.to_numeric(table["count_max"].replace("", None)).astype("Int64")
    return table


def per_year(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows per year of ``event_date``: all, from a release, from the press only.

    "From a release" is :func:`sightings.pipeline.primary_source` (the row cites a Joint Staff
    release), as the statistics view counts it.

    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2016-05-30", "2026-03-10", "2026-04-01"]),
    ...                      "source_urls": [["https://flyteam.jp/a"], ["https://www.mod.go.jp/js/p.pdf"],
    ...                                      ["https://jwing.net/b"]]})
    >>> per_year(rows).to_dict("records")
    [{'year': 2016, 'rows': 1, 'from_releases': 0, 'from_press': 1}, {'year': 2026, 'rows': 2, 'from_releases': 1, 'from_press': 1}]
    """
    release = primary_source(frame["source_urls"])
    table = pd.DataFrame({"year": frame["event_date"].dt.year, "release": release})
    out = table.groupby("year").agg(rows=("release", "size"), from_releases=("release", "sum")).reset_index()
    out["from_releases"] = out["from_releases"].astype(int)
    out["from_press"] = out["rows"] - out["from_releases"]
    return out


def record_rows(frame: pd.DataFrame, count: pd.Series) -> pd.DataFrame:
    """The record's rows in the scope of one sourced ``count`` (empty for a count not comparable).

    Examples
    --------
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-14", "2022-06-20", "2023-01-05"]),
    ...                      "strait": ["Tsugaru", "", "Tsugaru"], "with_chinese_ships": [False, False, True],
    ...                      "ships": [2, 5, 10], "source_urls": [["https://www.mod.go.jp/js/p.pdf"],
    ...                                                           ["https://jwing.net/b"], ["https://jwing.net/c"]]})
    >>> joint = pd.Series({"measure": "joint_passages", "period_start": pd.NaT,
    ...                    "period_end": pd.Timestamp("2023-12-31"), "strait": "Tsugaru", "count": 1})
    >>> record_rows(rows, joint)["event_date"].dt.date.tolist()   # no start: from the record's first row
    [datetime.date(2023, 1, 5)]
    >>> len(record_rows(rows, joint.replace("joint_passages", "chinese_and_russian_passages")))   # not comparable
    0
    """
    if count["measure"] not in COMPARABLE:
        return frame.iloc[0:0]
    start = count["period_start"] if pd.notna(count["period_start"]) else frame["event_date"].min()
    rows = frame[frame["event_date"].between(start, count["period_end"])]
    if count["measure"] != "russian_movements":
        rows = rows[rows["strait"] == count["strait"]] if count["strait"] else rows[rows["strait"] != ""]
    if count["measure"] == "joint_passages":
        rows = rows[rows["with_chinese_ships"]]
    if count["measure"] == "ships_in_one_transit":
        rows = rows[rows["ships"] == count["count"]]
    return rows


def compare(frame: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Each sourced count with the record's rows in its scope and the share (None where not comparable).

    For ``ships_in_one_transit`` the share is 1 when the record holds a row of that many ships
    in the period and strait, else 0.

    Examples
    --------
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-14", "2022-06-20", "2023-01-05"]),
    ...                      "strait": ["Tsugaru", "", "Tsugaru"], "with_chinese_ships": [False, False, True],
    ...                      "ships": [2, 5, 10], "source_urls": [["https://www.mod.go.jp/js/p.pdf"],
    ...                                                           ["https://jwing.net/b"], ["https://jwing.net/c"]]})
    >>> counts = pd.DataFrame({"id": ["c1", "c2"], "measure": ["russian_movements", "chinese_and_russian_passages"],
    ...                        "period_start": pd.to_datetime(["2022-01-01"] * 2),
    ...                        "period_end": pd.to_datetime(["2022-12-31"] * 2), "count": [4, 9], "strait": ["", ""]})
    >>> compare(rows, counts)[["id", "record_rows", "share"]].to_dict("records")   # 2 rows of 4 announced
    [{'id': 'c1', 'record_rows': 2, 'share': 0.5}, {'id': 'c2', 'record_rows': None, 'share': nan}]
    """
    held, share = [], []
    for _, count in counts.iterrows():
        rows = record_rows(frame, count)
        comparable = count["measure"] in COMPARABLE
        held.append(len(rows) if comparable else None)
        if not comparable:
            share.append(None)
        elif count["measure"] == "ships_in_one_transit":
            share.append(1.0 if len(rows) else 0.0)
        else:
            share.append(len(rows) / count["count"] if count["count"] else None)
    return counts.assign(record_rows=pd.array(held, dtype="Int64"), share=share)


def coverage_markdown(frame: pd.DataFrame, counts: pd.DataFrame) -> str:
    """``data/COVERAGE.md``: rows per year and every sourced count beside the record.

    Examples
    --------
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-14", "2022-06-20", "2023-01-05"]),
    ...                      "strait": ["Tsugaru", "", "Tsugaru"], "with_chinese_ships": [False, False, True],
    ...                      "ships": [2, 5, 10], "source_urls": [["https://www.mod.go.jp/js/p.pdf"],
    ...                                                           ["https://jwing.net/b"], ["https://jwing.net/c"]]})
    >>> counts = pd.DataFrame({"id": ["c1"], "period_start": pd.to_datetime(["2022-01-01"]),
    ...     "period_end": pd.to_datetime(["2022-12-31"]), "count": [4], "count_max": pd.array([None], dtype="Int64"),
    ...     "measure": ["russian_movements"], "strait": [""], "what": ["movements"], "source_name": ["Page"],
    ...     "source_url": ["https://example.org/p"], "quote": ["4 in 2022"]})
    >>> print(*[line for line in coverage_markdown(rows, counts).splitlines() if line.startswith("| 202")], sep="\\n")
    | 2022 | 2 | 1 | 1 | 4 (c1) | about 50% |
    | 2023 | 1 | 0 | 1 | not stated by a page at hand |  |
    """
    compared = compare(frame, counts)
    yearly = per_year(frame)
    year_counts = compared[(compared["measure"] == "russian_movements")
                           & (compared["period_start"].dt.day_of_year == 1)
                           & (compared["period_end"].dt.month == 12) & (compared["period_end"].dt.day == 31)]
    by_year = {int(c.period_start.year): c for c in year_counts.itertuples()}
    known = sorted(set(yearly["year"]) | set(by_year))
    years = range(known[0], known[-1] + 1)
    lines = [
        "# Coverage of the record",
        "",
        "Generated by `python -m sightings.coverage` from `data/sightings.csv` and the sourced counts in",
        "`data/coverage_counts.csv` (each with its page and sentence). Do not edit by hand.",
        "",
        "The record holds what a Joint Staff release or a press page that retells one says. The Defense",
        "Ministry announces Chinese and Russian strait passages as a rule, but not every case, and keeps no",
        "yearly totals ([Sankei, 5 May 2022](https://blog.goo.ne.jp/aa4975/d/20220506): 基本的に公表する。",
        "ただ、公表しないケースもあり年間の回数などはまとめていない); the counts below are the ones pages",
        "state. **A thin year in the record is a thin record, not a quiet year.**",
        "",
        "A row is one sighting: one announced movement can be two rows (two straits, two days) and one row",
        "can hold two groups, so a share is an estimate, not a measurement. Releases are the primary",
        "source (a row citing one counts as from a release); press rows retell them (see `report_date_basis`).",
        "",
        "## Rows per year",
        "",
        "| year | rows | from releases | from the press | Russian movements announced (sourced) | rows / announced |",
        "|---|---|---|---|---|---|",
    ]
    indexed = yearly.set_index("year")
    for year in years:
        row = indexed.loc[year] if year in indexed.index else pd.Series({"rows": 0, "from_releases": 0, "from_press": 0})
        count = by_year.get(year)
        announced = f"{count.count} ({count.id})" if count is not None else "not stated by a page at hand"
        share = f"about {count.share:.0%}" if count is not None and count.share is not None else ""
        lines.append(f"| {year} | {row['rows']} | {row['from_releases']} | {row['from_press']} | {announced} | {share} |")
    lines += ["", "Counts for part of a year, for one strait, or for both navies together are in the next table.",
              "", "## Every sourced count beside the record", "",
              "| id | period | what was counted | count | record rows in the same scope | share | source |",
              "|---|---|---|---|---|---|---|"]
    for c in compared.itertuples():
        period = (f"{c.period_start:%Y-%m-%d} to {c.period_end:%Y-%m-%d}" if pd.notna(c.period_start)
                  else f"up to {c.period_end:%Y-%m-%d}")
        number = f"{c.count}-{c.count_max}" if pd.notna(c.count_max) else f"{c.count}"
        held = "not comparable" if pd.isna(c.record_rows) else f"{c.record_rows}"
        if c.measure == "ships_in_one_transit":
            share = "held" if c.share else "not held"
        else:
            share = "" if c.share is None or pd.isna(c.share) else f"about {c.share:.0%}"
        lines.append(f"| {c.id} | {period} | {c.what} | {number} | {held} | {share} | "
                     f"[{c.source_name}]({c.source_url}): “{c.quote}” |")
    lines += ["", "Measures: " + "; ".join(f"`{k}` = {v}" for k, v in MEASURES.items()) + ".", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sightings.coverage", description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, default=DATASET, help="sightings CSV (default: %(default)s)")
    parser.add_argument("--counts", type=Path, default=COUNTS, help="sourced counts (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="statement to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        text = coverage_markdown(read_sightings(args.dataset), read_counts(args.counts))
    except (SightingsError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_atomic(args.output, text)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
