"""Building the dataset from data/sources: corrections applied by code, voyages linked."""

import datetime as dt

import pandas as pd
import pytest

from sightings.corrections import apply_corrections, read_corrections
from sightings.curate import SOURCES, curate
from sightings.schema import SightingsError
from sightings.store import read_sightings
from sightings.voyages import format_reference, link_voyages, parse_reference


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


def test_curate002_holds_both_news_files_less_the_removed_row(built):
    frame, log = built
    news = sum(len(pd.read_csv(SOURCES / name, dtype=str)) for name in
               ("reported_sightings.csv", "reported_sightings_more.csv"))
    # 126 news rows (one removed) + 1 leg split from a news row (corrections_legs.csv)
    # + 101 harvest rows (102 less the doubtful h098) + 36 release
    # sightings that no news row describes (43 Russian sightings in the 41 releases, 6 merged into
    # news rows, one re-issue merged into its first issue)
    assert (news, len(frame)) == (127, 264)
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


def rows(*specs) -> pd.DataFrame:
    """Minimal frames for the voyage linker: (id, date, strait, hulls, same_as)."""
    return pd.DataFrame([{"id": i, "event_date": pd.Timestamp(d), "strait": s, "hull_numbers": h, "same_as": r}
                         for i, d, s, h, r in specs])


def test_voyage001_hull_seen_again_within_two_weeks_is_one_voyage():
    frame = rows(("a", "2024-01-22", "Tsushima", ["011", "543"], []),
                 ("b", "2024-01-24", "Yonaguni", ["543"], []),
                 ("c", "2024-01-26", "Yonaguni", ["011"], []),
                 ("d", "2024-03-01", "Soya", ["011"], []),
                 ("e", "2024-01-23", "Soya", ["999"], []))
    assert link_voyages(frame).tolist() == ["v-a", "v-a", "v-a", "v-d", "v-e"]


def test_voyage002_back_reference_links_across_a_year_boundary():
    frame = rows(("old", "2025-10-03", "Tsushima", ["543"], []),
                 ("other", "2025-10-03", "Tsushima", ["999"], []),
                 ("new", "2026-03-15", "Yonaguni", ["543"], ["2025-10-03 Tsushima southwest"]))
    assert link_voyages(frame).tolist() == ["v-old", "v-other", "v-old"]


def test_voyage003_back_reference_needs_the_stated_strait():
    frame = rows(("old", "2026-03-05", "Soya", [], []),
                 ("new", "2026-03-09", "Yonaguni", ["335"], ["2026-03-05/2026-03-06 Tsushima southwest"]))
    assert link_voyages(frame).tolist() == ["v-old", "v-new"]


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-05/2026-03-06 Tsushima southwest", (dt.date(2026, 3, 5), dt.date(2026, 3, 6), "Tsushima")),
    ("2025-10-03 Yonaguni southwest", (dt.date(2025, 10, 3), dt.date(2025, 10, 3), "Yonaguni")),
    ("2025-10-03 Izu Islands southwest", (dt.date(2025, 10, 3), dt.date(2025, 10, 3), "")),
])
def test_voyage004_references_parse(text, expected):
    ref = parse_reference(text)
    assert (ref.first, ref.last, ref.strait) == expected


def test_voyage005_reference_round_trip_and_bad_entry():
    assert format_reference(dt.date(2026, 3, 5), dt.date(2026, 3, 6), "Tsushima", "southwest") == \
        "2026-03-05/2026-03-06 Tsushima southwest"
    with pytest.raises(ValueError, match="is not 'YYYY-MM-DD"):
        parse_reference("last Tuesday in Soya")


def test_voyage006_shipped_voyage_of_january_2024(built):
    frame, _ = built
    voyage = frame[frame["voyage_id"] == "v-2024-01-22-846082"]
    assert voyage["id"].tolist() == ["2024-01-22-846082", "2024-01-24-431a2a", "2024-01-24-877333",
                                     "2024-01-26-052f58"]
