"""Expectations computed apart from the code under test: plain pandas over the dataset's own columns.

Tests compare the app's answers with these, never with a second run of the app's code.
"""

from __future__ import annotations

import io

import pandas as pd

#: The Joint Staff Office's pages, written out here rather than taken from the schema.
RELEASE_PREFIXES = ("https://www.mod.go.jp/js/", "http://www.mod.go.jp/js/")
SPREADSHEET_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
PIPE_LISTS = ("source_urls", "source_names")
SEMICOLON_LISTS = ("ship_types", "hull_numbers", "vessels", "chinese_vessels", "observed_by", "same_as", "voyage_link",
                   "named_seas")
FLOATS = ("lat", "lon", "distance_to_japan_km")


def is_primary(urls: list[str]) -> bool:
    return any(url.startswith(RELEASE_PREFIXES) for url in urls)


def download_table(rows: pd.DataFrame, columns) -> pd.DataFrame:
    """What a download of ``rows`` should hold, cell by cell, as text (floats compared apart)."""
    out = pd.DataFrame(index=rows.index)
    for column in columns:
        if column == "primary_source":
            values = rows["source_urls"].map(lambda urls: str(is_primary(urls)))
        elif column in PIPE_LISTS:
            values = rows[column].map(" | ".join)
        elif column in SEMICOLON_LISTS:
            values = rows[column].map("; ".join)
        elif column in ("event_date", "report_date"):
            values = rows[column].dt.strftime("%Y-%m-%d")
        elif column == "with_chinese_ships":
            values = rows[column].map({True: "yes", False: "no"})
        elif column == "ships":
            values = rows[column].map(lambda n: "" if pd.isna(n) else str(int(n)))
        elif column == "in_japan_territorial_sea":
            values = rows[column].map(str)
        elif column in ("lat", "lon"):          # a position only where one was reported or derived
            values = rows[column].where(rows["position_kind"].isin(["reported", "derived"]))
        elif column in FLOATS:
            values = rows[column]
        elif column in ("bearing_deg", "distance_km"):     # what a derived position was measured by
            values = rows[column].map(lambda v: "" if pd.isna(v) else f"{v:g}")
        else:
            # behind any apostrophes too: "'=x" gets one more, so an import can take exactly one off
            values = rows[column].map(
                lambda text: "'" + text if text.lstrip("'").startswith(SPREADSHEET_FORMULA_STARTS) else text)
        out[column] = values
    return out.reset_index(drop=True)


def assert_download_equals(csv_text: str, rows: pd.DataFrame, columns) -> None:
    """The CSV text holds exactly ``rows`` (in order), every column as :func:`download_table` says."""
    got = pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False)
    want = download_table(rows, columns)
    assert list(got.columns) == list(columns)
    assert got["id"].tolist() == want["id"].tolist()
    for column in FLOATS:
        pd.testing.assert_series_equal(pd.to_numeric(got[column].replace("", None)).astype(float),
                                       want[column].astype(float).reset_index(drop=True), atol=1e-5,
                                       check_names=False)
    text = [c for c in columns if c not in FLOATS]
    pd.testing.assert_frame_equal(got[text], want[text])


def coverage_rows() -> pd.DataFrame:
    """Six hand-made sightings: 2016 (three, one from a release), 2022 (three, two from releases)."""
    return pd.DataFrame({
        "event_date": pd.to_datetime(["2016-03-01", "2016-06-19", "2016-06-19", "2022-02-16", "2022-03-10",
                                      "2022-06-09"]),
        "source_urls": [["https://flyteam.jp/a"], ["https://www.mod.go.jp/js/b.pdf"], ["https://jwing.net/c"],
                        ["https://jwing.net/d", "https://www.mod.go.jp/js/e.pdf"], ["https://www.mod.go.jp/js/f.pdf"],
                        ["https://trafficnews.jp/g"]],
        "strait": ["Tsushima", "Soya", "Soya", "Soya", "Tsugaru", "Tsugaru"],
        "with_chinese_ships": [False, False, True, False, False, False],
        "ships": pd.array([3, 2, 1, 9, 10, 1], dtype="Int64"),
    })


#: The columns of ``/stats/passages.csv``, written out here.
PASSAGE_COLUMNS = ["strait", "year", "heading", "passages", "ship_sightings", "distinct_hulls", "unknown_counts",
                   "partial"]


def assert_passage_sums_match(stats: pd.DataFrame, rows: pd.DataFrame) -> None:
    """The passages CSV (``stats``) sums, per strait, the ships and the shipless rows of the CSV
    download of the same query (``rows``): plain pandas group-bys of the download."""
    assert list(stats.columns) == PASSAGE_COLUMNS
    got = stats.groupby("strait")[["ship_sightings", "unknown_counts"]].sum()
    want = rows.assign(unknown=rows["ships"].isna()).groupby("strait").agg(
        ship_sightings=("ships", "sum"), unknown_counts=("unknown", "sum"))
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
