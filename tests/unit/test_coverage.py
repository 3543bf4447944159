"""data/COVERAGE.md and data/coverage_counts.csv: the record set beside the counts pages state."""

import pandas as pd
import pytest

from sightings.coverage import COUNTS, MEASURES, OUTPUT, compare, coverage_markdown, per_year, read_counts
from sightings.schema import SightingsError
from sightings.store import read_sightings
from tests.expected import coverage_rows as rows


def counts(*specs) -> pd.DataFrame:
    """(id, start, end, count, measure, strait) -> a typed counts table."""
    return pd.DataFrame([{"id": i, "period_start": pd.Timestamp(s) if s else pd.NaT, "period_end": pd.Timestamp(e),
                          "count": n, "count_max": pd.NA, "measure": m, "strait": st, "what": "w",
                          "source_name": "S", "source_url": "https://example.org", "quote": "q"}
                         for i, s, e, n, m, st in specs])


def test_coverage001_rows_per_year_split_by_release_and_press():
    got = per_year(rows())
    assert got.to_dict("records") == [{"year": 2016, "rows": 3, "from_releases": 1, "from_press": 2},
                                      {"year": 2022, "rows": 3, "from_releases": 2, "from_press": 1}]


def test_coverage002_each_count_beside_the_rows_in_its_scope():
    table = counts(("a", "2016-01-01", "2016-12-31", 27, "russian_movements", ""),
                   ("b", "2022-01-01", "2022-04-30", 10, "russian_strait_passages", ""),
                   ("c", "2022-01-01", "2022-06-09", 4, "russian_strait_passages", "Tsugaru"),
                   ("d", "", "2024-09-23", 4, "joint_passages", "Soya"),
                   ("e", "2022-03-10", "2022-03-11", 10, "ships_in_one_transit", "Tsugaru"),
                   ("f", "2022-03-10", "2022-03-11", 12, "ships_in_one_transit", "Tsugaru"),
                   ("g", "2020-02-01", "2020-02-29", 3, "chinese_and_russian_activities", ""))
    got = compare(rows(), table)
    assert got["record_rows"].tolist() == [3, 2, 2, 1, 1, 0, pd.NA]
    assert got["share"].tolist()[:6] == [3 / 27, 0.2, 0.5, 0.25, 1.0, 0.0]
    assert pd.isna(got["share"].tolist()[6])


def test_coverage003_statement_names_every_count_and_its_page():
    table = counts(("c04", "2016-01-01", "2016-12-31", 27, "russian_movements", ""),
                   ("c14", "2022-01-01", "2022-04-30", 10, "russian_strait_passages", ""))
    text = coverage_markdown(rows(), table)
    assert "| 2016 | 3 | 1 | 2 | 27 (c04) | about 11% |" in text
    assert "| 2019 | 0 | 0 | 0 | not stated by a page at hand |  |" in text      # a year without rows is shown
    assert "| c14 | 2022-01-01 to 2022-04-30 | w | 10 | 2 | about 20% | [S](https://example.org): “q” |" in text
    assert "a thin record, not a quiet year" in text


def test_coverage004_a_wrong_measure_is_refused_by_name(tmp_path):
    path = tmp_path / "counts.csv"
    pd.read_csv(COUNTS, dtype=str, keep_default_na=False).head(1).assign(measure="vibes").to_csv(path, index=False)
    with pytest.raises(SightingsError, match="measure 'vibes' is not known"):
        read_counts(path)


def test_coverage005_every_sourced_count_has_its_page_and_sentence():
    table = read_counts()
    assert table["id"].is_unique
    assert table["source_url"].str.match(r"^https?://").all()
    assert (table["source_name"] != "").all() and (table["quote"] != "").all()
    assert set(table["measure"]) <= set(MEASURES)
    assert (table["period_start"].isna() | (table["period_start"] <= table["period_end"])).all()


def test_coverage006_shipped_statement_is_what_the_data_give():
    assert OUTPUT.read_text(encoding="utf-8") == coverage_markdown(read_sightings(), read_counts())
