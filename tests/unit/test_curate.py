"""Building the dataset from data/sources: corrections applied by code (voyages: test_voyages.py)."""

import pandas as pd
import pytest

from sightings.corrections import apply_corrections, read_corrections
from sightings.curate import SOURCES, curate
from sightings.schema import SightingsError
from sightings.store import read_sightings


@pytest.fixture(scope="module")
def built():
    return curate(SOURCES)


@pytest.fixture(scope="module")
def news_only():
    """The news rows with their corrections, before any release is merged in."""
    return curate(SOURCES, releases=None)


def test_curate001_shipped_dataset_is_what_the_sources_build(built):
    frame, _ = built
    shipped = read_sightings()
    pd.testing.assert_frame_equal(frame.reset_index(drop=True), shipped.reset_index(drop=True))


def test_curate002_every_source_row_is_accounted_for(built):
    """Rows = news rows less the removed one + split legs + imported harvest rows + release sightings
    the build reports as new (the others fill a news row): an invariant, whatever the sources hold."""
    frame, log = built
    read = lambda name: pd.read_csv(SOURCES / name, dtype=str, keep_default_na=False)   # noqa: E731
    news = sum(len(read(name)) for name in ("reported_sightings.csv", "reported_sightings_more.csv"))
    harvest = read("reported_sightings_harvest.csv")
    imported = (~harvest["check"].isin(["doubtful", "wrong"])).sum()
    new_from_releases = sum(1 for line in log if line.startswith("new "))
    assert len(frame) == news - 1 + len(read("corrections_legs.csv")) + imported + new_from_releases
    assert "2024-01-23-3dc9dd" not in set(frame["id"])
    assert any(line.startswith("removed 2024-01-23-3dc9dd") for line in log)


def test_curate003_tsugaru_blog_row_is_gone_and_tsushima_leg_explains_why(built):
    frame, _ = built
    january = frame[(frame["event_date"] >= "2024-01-20") & (frame["event_date"] <= "2024-01-31")]
    assert "Tsugaru" not in set(january["strait"])
    leg = frame.set_index("id").loc["2024-01-22-846082"]
    assert leg["strait"] == "Tsushima" and leg["hull_numbers"] == ["011", "543"]
    assert "wuwenjie.xyz" in leg["notes"] and "https://jwing.net/news/74578" in leg["source_urls"]


@pytest.mark.parametrize(("row", "column", "expected"), [
    ("2022-09-01-f8ed69", "ships", 50),
    ("2022-09-27-f5fb56", "ship_types", ["Udaloy I-class destroyer"]),
    ("2024-11-11-dbfbee", "hull_numbers", ["543", "331"]),
    ("2025-10-03-511496", "hull_numbers", ["543", "337"]),
    ("2025-09-16-e41dbe", "event_time", "11:00"),
    ("2025-09-16-e41dbe", "position_kind", "derived"),
])
def test_curate004_each_correction_lands(news_only, row, column, expected):
    frame, _ = news_only
    assert frame.set_index("id").at[row, column] == expected


def test_curate005_corrected_position_is_30_km_north_of_cape_soya(built):
    frame, _ = built
    row = frame.set_index("id").loc["2025-09-16-e41dbe"]
    # 30 km due north of Cape Soya (45.5229 N, 141.9366 E): same longitude, +0.2701 deg latitude.
    assert row["lon"] == pytest.approx(141.9366, abs=1e-4)
    assert row["lat"] == pytest.approx(45.7930, abs=2e-3)
    assert "https://feedman.me/posts/2FGjC" in row["source_urls"]


def correction(**cells) -> pd.DataFrame:
    base = {"id": "2022-09-01-f8ed69", "field": "ships", "old_value": "", "new_value": "50",
            "source_url": "https://example.org/a", "source_name": "Example", "reason": "test"}
    return pd.DataFrame([{**base, **cells}])


def test_curate006_correction_refuses_a_row_that_changed(sightings_news):
    with pytest.raises(SightingsError, match=r"the row holds '', not '49'"):
        apply_corrections(sightings_news, correction(old_value="49", new_value="50"))


def test_curate007_correction_is_idempotent_and_cites_its_page(sightings_news):
    once = apply_corrections(sightings_news, correction()).frame
    twice = apply_corrections(once, correction())
    assert twice.log == ("already applied 2022-09-01-f8ed69 ships",)
    row = twice.frame.set_index("id").loc["2022-09-01-f8ed69"]
    assert row["ships"] == 50 and row["source_urls"][-1] == "https://example.org/a"
    assert row["source_names"][-1] == "Example"


@pytest.mark.parametrize(("cells", "message"), [
    ({"id": "nope"}, "id: 'nope' is not in the dataset"),
    ({"field": "colour"}, "field: 'colour' is not a correctable column"),
    ({"field": "id"}, "field: 'id' is not a correctable column"),
])
def test_curate008_bad_corrections_name_the_line(sightings_news, cells, message):
    with pytest.raises(SightingsError, match="corrections line 2") as caught:
        apply_corrections(sightings_news, correction(**cells))
    assert message in str(caught.value)


def test_curate009_corrections_header_is_checked():
    with pytest.raises(SightingsError, match="expected id, field, old_value"):
        read_corrections(b"id,field\nx,y\n")


@pytest.fixture(scope="module")
def sightings_news():
    from sightings.store import load
    return load((SOURCES / "reported_sightings.csv").read_bytes())
