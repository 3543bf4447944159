"""sightings.merge, the behaviours a mutation run showed no test stated (docs/mutation.md)."""

import pandas as pd
import pytest

from sightings.merge import apply_decisions, match, merge_row, plan_merge
from sightings.schema import COLUMNS
from tests.unit.test_merge import NEWS, RELEASE, frame, release, row

# a news report of three destroyers outside the straits, without hull numbers
GROUP = row(id="news-group", event_date="2026-02-04", report_date="2026-02-05", ships=3,
            ship_types=["Udaloy I-class destroyer"], source_urls=["https://example.org/group"],
            source_names=["Example group"])


@pytest.mark.parametrize(("news", "incoming", "expected"), [
    # the news row names no strait: a shared hull within two days still matches
    ({**NEWS, "strait": ""}, release(event_date="2026-02-06"), "news-335"),
    # neither names a strait, no hulls, other counts: not one passage
    ({**NEWS, "strait": "", "hull_numbers": []}, release(strait="", hull_numbers=[], ships=5), ""),
    # one day apart: the same group of ships
    (GROUP, release(strait="", hull_numbers=[], ships=3, ship_types=["Udaloy I-class destroyer"],
                    event_date="2026-02-05"), "news-group"),
    # a news row without a count is not the same group
    ({**GROUP, "ships": pd.NA}, release(strait="", hull_numbers=[], ships=3,
                                        ship_types=["Udaloy I-class destroyer"]), ""),
    # "unspecified" is no ship type in common
    ({**GROUP, "ship_types": ["warship"]}, release(strait="", hull_numbers=[], ships=3, ship_types=["warship"]), ""),
])
def test_merge_mutant001_match(news, incoming, expected):
    assert match(pd.Series(incoming), frame(news)) == expected


def test_merge_mutant002_the_same_passage_wins_over_a_hull_only_match():
    hull_only = {**NEWS, "id": "a-hull-only", "strait": ""}
    passage = {**NEWS, "id": "z-passage", "hull_numbers": []}
    assert match(pd.Series(release()), frame(hull_only, passage)) == "z-passage"


def test_merge_mutant003_the_nearest_day_wins():
    farther = {**NEWS, "id": "a-day-before", "event_date": pd.Timestamp("2026-02-03")}
    nearer = {**NEWS, "id": "z-same-day"}
    assert match(pd.Series(release()), frame(farther, nearer)) == "z-same-day"


def test_merge_mutant004_merged_notes_sources_and_report_date():
    news = {**NEWS, "report_date": pd.Timestamp("2026-02-06"), "source_urls": ["https://example.org/a",
                                                                               "https://example.org/b"],
            "source_names": ["A"]}
    decision = merge_row(news, release(ships=2, notes="Release note."))
    merged = decision.row
    assert merged["source_urls"] == [RELEASE, "https://example.org/a", "https://example.org/b"]
    assert merged["source_names"] == ["Joint Staff Office release p20260205_01 (Japanese)", "A", ""]
    assert merged["report_date"] == pd.Timestamp("2026-02-05")
    assert merged["notes"] == ("News note. Before the release, news reports said: ships 1; phrase 'about 50 km "
                               "northeast of Cape Shiriya, Aomori, heading west; then west through the Tsugaru "
                               "Strait'. Release note.")
    again = merge_row(merged, release(ships=2, notes="Release note.")).row     # the same release once more
    assert again["notes"] == merged["notes"]


def test_merge_mutant005_same_phrase_adds_no_note():
    same = merge_row({**NEWS, "location_text": "about 50 km NE of Cape Shiriya (Aomori)", "notes": ""}, release())
    assert same.row["notes"] == "" and same.conflicts == ()


def test_merge_mutant006_rows_of_one_batch_merge_with_each_other():
    first = release(id="rel-1", event_date="2026-02-04", hull_numbers=["335"])
    second = release(id="rel-2", event_date="2026-02-04", report_date="2026-02-06",
                     source_urls=["https://www.mod.go.jp/js/pdf/2026/p20260206_01.pdf"], source_names=["R2"])
    third = release(id="rel-3", event_date="2026-03-01", strait="Soya", hull_numbers=["548"])
    decisions = plan_merge(frame(NEWS), pd.DataFrame([third, second, first], columns=list(COLUMNS)))
    assert [(d.row["id"], d.merged_with) for d in decisions] == [
        ("news-335", "news-335"), ("news-335", "news-335"), ("rel-3", "")]
    result = apply_decisions(frame(NEWS), decisions)
    assert result["id"].tolist() == ["news-335", "rel-3"] and result.index.tolist() == [0, 1]
    assert list(result.columns) == list(COLUMNS) and str(result["ships"].dtype) == "Int64"
    assert result.loc[0, "source_urls"] == [RELEASE, "https://www.mod.go.jp/js/pdf/2026/p20260206_01.pdf",
                                            "https://example.org/news"]
