"""data/sightings.csv: every row valid, sourced, positioned honestly, rebuilt reproducibly."""

import hashlib
import os

import pandas as pd
import pytest

from geo.locate import locate
from sightings.curate import SOURCES, curate
from sightings.positions import STRAIT_LABEL_POINTS
from sightings.store import DATASET, read_sightings, to_csv_text


@pytest.fixture(scope="module")
def dataset():
    return read_sightings()


def test_data001_every_row_validates_and_is_sourced(dataset):
    assert len(dataset) > 0 and dataset["id"].is_unique      # an invariant, never a count of the record
    assert dataset["source_urls"].map(lambda urls: len(urls) >= 1 and all(
        u.startswith(("http://", "https://")) for u in urls)).all()


def test_data002_brief_event_24_warships_15_feb_2022(dataset):
    row = dataset[(dataset["event_date"] == "2022-02-15") & (dataset["ships"] == 24)]
    assert len(row) == 1
    assert row.iloc[0]["position_kind"] == "area"     # "in the waters off Japan": no fake point
    assert pd.isna(row.iloc[0]["lat"])


def test_data003_brief_event_four_landing_ships_tsugaru_march_2022(dataset):
    rows = dataset[(dataset["strait"] == "Tsugaru") & (dataset["ships"] == 4)
                   & dataset["event_date"].between("2022-03-15", "2022-03-17")
                   & dataset["ship_types"].map(lambda types: any("landing" in t.lower() for t in types))]
    assert len(rows) == 1
    assert rows.iloc[0]["report_date"].date().isoformat() in ("2022-03-16", "2022-03-17")


def test_data004_derived_positions_are_what_locate_gives_for_the_kept_phrase(dataset):
    derived = dataset[dataset["position_kind"] == "derived"]
    assert not derived.empty
    for row in derived.itertuples():
        found = locate(row.location_text)
        assert (round(row.lat, 5), round(row.lon, 5)) == (found.lat, found.lon), row.id


def test_data005_strait_only_rows_sit_on_the_strait_label_point(dataset):
    from geo.places import place_point
    area = dataset[(dataset["position_kind"] == "area") & dataset["lat"].notna()]
    assert not area.empty
    for row in area.itertuples():
        assert (row.lat, row.lon) == pytest.approx(place_point(STRAIT_LABEL_POINTS[row.strait]))


def test_data006_rebuild_from_data_sources_is_byte_identical():
    frame, _ = curate(SOURCES)
    assert to_csv_text(frame) == DATASET.read_text(encoding="utf-8")


def test_data007_facts_copied_unchanged_from_the_sources_except_listed_corrections():
    corrections = pd.read_csv(SOURCES / "corrections.csv", dtype=str, keep_default_na=False)
    corrected = set(zip(corrections["id"], corrections["field"]))
    removed = {i for i, field in corrected if field == "(remove)"}
    shipped = pd.read_csv(DATASET, dtype=str, keep_default_na=False).set_index("id")
    for name in ("reported_sightings.csv", "reported_sightings_more.csv"):
        source = pd.read_csv(SOURCES / name, dtype=str, keep_default_na=False)
        keys = source["event_date"] + "|" + source["location_text"] + "|" + source["ship_types"]
        source["id"] = source["event_date"] + "-" + keys.map(lambda k: hashlib.sha1(k.encode()).hexdigest()[:6])
        for row in source.itertuples(index=False):
            if row.id in removed:
                assert row.id not in shipped.index
                continue
            if shipped.at[row.id, "source_urls"].startswith("https://www.mod.go.jp/js/"):
                # merged with a release: the release's facts win, the news pages stay cited and
                # a news fact the release contradicts is kept in the notes
                assert row.source_urls in shipped.at[row.id, "source_urls"], row.id
                for column in ("event_date", "ships", "strait"):
                    if getattr(row, column) and shipped.at[row.id, column] != getattr(row, column):
                        assert f"{column} {getattr(row, column)}" in shipped.at[row.id, "notes"], (row.id, column)
                continue
            for column in ("event_date", "report_date", "ships", "ship_types", "hull_numbers", "strait",
                           "direction", "activity", "with_chinese_ships"):
                if (row.id, column) not in corrected:
                    assert shipped.at[row.id, column] == getattr(row, column), (row.id, column)
            assert shipped.at[row.id, "source_urls"].startswith(row.source_urls), row.id


@pytest.mark.parametrize("name", ["reported_sightings.csv", "reported_sightings_more.csv", "CORRECTIONS.md",
                                  "reported_sightings_harvest.csv", "CORRECTIONS_2.md"])
def test_data008_sources_are_copies_of_the_shared_notes(name):
    shared = SOURCES.parent.parent.parent / "shared" / "data" / name
    if not shared.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{shared} is missing on CI")
        pytest.skip(f"{shared} not beside the repo")
    assert (SOURCES / name).read_bytes() == shared.read_bytes()
