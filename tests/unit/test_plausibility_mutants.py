"""sightings.plausibility, each check on hand-made rows with its literal sentence, for make mutation (issue 20).

5 degrees of latitude at 140 E (40-45 N) is about 555 km; less the 50 km position error, over
2 h: (555 - 50) / 1.852 / 2 = 136 kn. Two sightings at the same hour and different places need
a speed no ship has.
"""

from __future__ import annotations

import pandas as pd

from sightings.plausibility import CHECK_COLUMNS, plausibility

BASE = {"event_time": "", "lat": 40.0, "lon": 140.0, "notes": "", "position_kind": "derived", "voyage_id": "",
        "report_date": None}


def rows(*given: dict, index=None) -> pd.DataFrame:
    frame = pd.DataFrame([{**BASE, **row} for row in given], index=index)
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["report_date"] = pd.to_datetime(frame["report_date"])
    return frame


def test_plausibility_mutant001_a_sighting_fast_to_both_neighbours_has_one_code_and_two_sentences():
    frame = rows(
        {"id": "m1", "voyage_id": "v-m", "event_date": "2026-07-01", "event_time": "10:00", "lat": 40.0},
        {"id": "m2", "voyage_id": "v-m", "event_date": "2026-07-01", "event_time": "12:00", "lat": 45.0},
        {"id": "m3", "voyage_id": "v-m", "event_date": "2026-07-01", "event_time": "14:00", "lat": 40.0},
    )
    got = plausibility(frame)
    assert got.columns.tolist() == list(CHECK_COLUMNS) == ["check_flags", "checks"]
    assert got["check_flags"].tolist() == [["fast-link"], ["fast-link"], ["fast-link"]]
    assert got["checks"].tolist() == [
        ["implied speed 136 kn to linked sighting m2 (over 32 kn)"],
        ["implied speed 136 kn to linked sighting m1 (over 32 kn)",
         "implied speed 136 kn to linked sighting m3 (over 32 kn)"],
        ["implied speed 136 kn to linked sighting m2 (over 32 kn)"]]


def test_plausibility_mutant002_no_time_between_two_places_is_beyond_any_ship():
    frame = rows(
        {"id": "z1", "voyage_id": "v-z", "event_date": "2026-07-01", "event_time": "09:00", "lat": 40.0},
        {"id": "z2", "voyage_id": "v-z", "event_date": "2026-07-01", "event_time": "09:00", "lat": 41.0},
    )
    assert plausibility(frame)["checks"].tolist() == [
        ["implied speed beyond any ship (no time between them) to linked sighting z2 (over 32 kn)"],
        ["implied speed beyond any ship (no time between them) to linked sighting z1 (over 32 kn)"]]


def test_plausibility_mutant003_a_slow_voyage_and_rows_of_no_voyage_raise_nothing():
    frame = rows(
        # two days for 1 degree: under 1 kn
        {"id": "s1", "voyage_id": "v-s", "event_date": "2026-07-01", "lat": 38.0},
        {"id": "s2", "voyage_id": "v-s", "event_date": "2026-07-03", "lat": 39.0},
        # no voyage: never linked, however far apart
        {"id": "n1", "event_date": "2026-07-01", "event_time": "09:00", "lat": 30.0},
        {"id": "n2", "event_date": "2026-07-01", "event_time": "09:00", "lat": 45.0},
    )
    got = plausibility(frame)
    assert got["check_flags"].tolist() == [[], [], [], []]
    assert got["checks"].tolist() == [[], [], [], []]


def test_plausibility_mutant004_late_reports_from_eleven_days_unless_the_notes_say_background():
    frame = rows(
        {"id": "late", "event_date": "2026-06-01", "report_date": "2026-06-12"},
        {"id": "ten", "event_date": "2026-06-01", "report_date": "2026-06-11"},
        {"id": "why", "event_date": "2026-06-01", "report_date": "2026-07-12", "notes": "BACKGROUND of a release"},
        {"id": "word", "event_date": "2026-06-01", "report_date": "2026-07-12", "notes": "backgrounder"},
        {"id": "none", "event_date": "2026-06-01", "report_date": None},
        {"id": "year", "event_date": "2025-06-01", "report_date": "2026-06-01", "position_kind": "area"},
    )
    got = plausibility(frame)
    assert dict(zip(frame["id"], got["checks"], strict=True)) == {
        "late": ["reported 11 days after the event, no reason stated"], "ten": [], "why": [],
        "word": ["reported 41 days after the event, no reason stated"], "none": [],
        "year": ["reported 365 days after the event, no reason stated", "position names only an area"]}
    assert got["check_flags"].tolist() == [["late-report"], [], [], ["late-report"], [], ["late-report", "area-only"]]


def test_plausibility_mutant005_the_answer_keeps_the_frames_labels_and_order():
    frame = rows(
        {"id": "p", "event_date": "2026-06-01", "position_kind": "area"},
        {"id": "q", "event_date": "2026-06-01", "report_date": "2026-06-30"},
        {"id": "r", "event_date": "2026-06-01", "position_kind": "reported"},
        index=["x", "b", "a"])
    got = plausibility(frame)
    assert got.index.tolist() == ["x", "b", "a"]
    assert got["check_flags"].tolist() == [["area-only"], ["late-report"], []]
    assert got["checks"].tolist() == [["position names only an area"],
                                      ["reported 29 days after the event, no reason stated"], []]


def test_plausibility_mutant006_an_empty_frame_gives_the_two_empty_columns():
    got = plausibility(rows({"id": "a", "event_date": "2026-06-01"}).iloc[:0])
    assert got.columns.tolist() == ["check_flags", "checks"]
    assert got.empty and got.dtypes.tolist() == [object, object]
