"""The frozen fixture itself (tests/fixtures/sightings.csv): the live dataset's exact schema, obviously
synthetic, every row's purpose in its README, and loaded the way the app loads a dataset."""

import csv
from pathlib import Path

import pandas as pd

from sightings.schema import COLUMNS
from sightings.store import DATASET

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def test_frozen_fixture001_has_the_live_datasets_columns_and_is_obviously_synthetic():
    assert _header(FIXTURES / "sightings.csv") == _header(DATASET) == list(COLUMNS)
    raw = pd.read_csv(FIXTURES / "sightings.csv", dtype=str, keep_default_na=False)
    assert len(raw) == 25 and raw["id"].str.fullmatch(r"fx-\d\d").all() and raw["id"].is_unique
    assert raw["notes"].str.startswith("fixture: ").all()
    urls = raw["source_urls"].str.split(" | ", regex=False).explode()
    assert urls.str.startswith(("https://example.org/fixture/", "https://www.mod.go.jp/js/pdf/fixture/")).all()


def test_frozen_fixture002_the_readme_gives_every_rows_purpose():
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    raw = pd.read_csv(FIXTURES / "sightings.csv", dtype=str, keep_default_na=False)
    assert [row for row in raw["id"] if f"| {row} |" not in readme] == []


def test_frozen_fixture003_validates_and_loads_through_the_pipeline_and_the_app(frozen, frozen_raw, frozen_app):
    """25 rows through schema, positions, join and facets; the app serves them. Positions the pipeline
    fills: fx-02, 04, 05, 12, 13, 14, 17, 18, 21, 23, 24, 16 on their strait's label point (area),
    fx-06 and fx-11 a sea without a point (area), fx-22 nothing (unlocated), fx-10 derived."""
    assert len(frozen_raw) == len(frozen) == 25 and frozen["event_date"].is_monotonic_increasing
    kinds = dict(zip(frozen["id"], frozen["position_kind"], strict=True))
    assert sorted(i for i, kind in kinds.items() if kind == "reported") == [
        "fx-01", "fx-03", "fx-07", "fx-08", "fx-09", "fx-15", "fx-19", "fx-20"]
    assert [i for i, kind in kinds.items() if kind == "derived"] == ["fx-10"]
    assert [i for i, kind in kinds.items() if kind == "unlocated"] == ["fx-22"]
    area = frozen[frozen["position_kind"] == "area"]
    assert sorted(area.loc[area["lat"].isna(), "id"]) == ["fx-06", "fx-11"]
    assert len(area) == 15
    assert frozen_app.server.test_client().get("/download/straitwatch.csv").status_code == 200
