"""sightings.joint, the grouping rules at their edges on hand-made rows, for make mutation (issue 20)."""

from __future__ import annotations

import pandas as pd

from sightings.joint import EVENT_COLUMNS, joint_events

TS = pd.Timestamp


def rows(*given: tuple) -> pd.DataFrame:
    """(id, date, time, strait, direction, ships, hulls, flagged, voyage) -> a frame with the columns read."""
    return pd.DataFrame([{
        "id": i, "event_date": TS(day), "event_time": time, "strait": strait, "direction": direction, "ships": ships,
        "ship_types": ["Udaloy I-class destroyer"], "hull_numbers": hulls,
        "chinese_vessels": ["Renhai"] if flagged else [],
        "with_chinese_ships": flagged, "voyage_id": voyage,
    } for i, day, time, strait, direction, ships, hulls, flagged, voyage in given])


def test_joint_mutant001_rows_of_no_stored_voyage_are_not_one_voyage():
    frame = rows(("x1", "2024-01-05", "", "Soya", "east", 1, ["548"], True, ""),
                 ("x2", "2024-03-01", "", "Tsugaru", "west", 2, ["011"], True, ""),
                 ("x3", "2024-03-09", "", "", "", 1, [], False, ""))
    events = joint_events(frame)
    assert events["legs"].tolist() == [["x1"], ["x2"]]
    assert events["voyages"].tolist() == [[""], [""]]


def test_joint_mutant002_one_passage_a_heading_none_and_the_same_passage_twice():
    frame = rows(("s1", "2024-05-01", "", "Soya", "east", 1, ["548"], True, "v-s"),
                 ("t1", "2024-06-01", "08:00", "Tsugaru", "toward the Pacific", 1, ["011"], True, "v-t"),
                 ("t2", "2024-06-01", "14:00", "Tsugaru", "into the Pacific", 1, ["011"], True, "v-t"),
                 ("t3", "2024-06-02", "", "Tsugaru", "east", 1, ["011"], False, "v-t"))
    events = joint_events(frame).set_index("event")
    assert events.loc["j-s1", "straits"] == ["Soya"]
    # no heading twice (None, None) is one passage; then east, another
    assert events.loc["j-t1", "straits"] == ["Tsugaru", "Tsugaru"]
    assert events.loc["j-t1", "route"] == [
        "2024-06-01 Tsugaru toward the Pacific", "2024-06-01 Tsugaru into the Pacific", "2024-06-02 Tsugaru east"]
    assert events.loc["j-t1", ["joint_first_date", "joint_last_date", "last_date"]].tolist() == [
        TS("2024-06-01"), TS("2024-06-01"), TS("2024-06-02")]


def test_joint_mutant003_the_same_report_joins_voyages_once_each_reason_said_once():
    # r1, r2 and r3 all report the same Osumi passage; r3's voyage has a later leg r4
    frame = rows(("r4", "2024-07-09", "", "Miyako", "east", 1, ["548"], False, "v-r3"),
                 ("r3", "2024-07-08", "", "Osumi", "west", 1, ["548"], False, "v-r3"),
                 ("r2", "2024-07-08", "", "Osumi", "west", 1, ["548"], True, "v-r2"),
                 ("r1", "2024-07-08", "", "Osumi", "west", 1, ["548"], True, "v-r1"))
    events = joint_events(frame)
    assert events.columns.tolist() == list(EVENT_COLUMNS)
    assert events.to_dict("records") == [{
        "event": "j-r1", "first_date": TS("2024-07-08"), "last_date": TS("2024-07-09"),
        "joint_first_date": TS("2024-07-08"), "joint_last_date": TS("2024-07-08"),
        "legs": ["r1", "r2", "r3", "r4"], "unflagged_legs": ["r3", "r4"], "straits": ["Osumi", "Miyako"],
        "route": ["2024-07-08 Osumi west", "2024-07-08 Osumi west", "2024-07-08 Osumi west", "2024-07-09 Miyako east"],
        "russian_hulls": ["548"], "russian_types": ["Udaloy I-class destroyer"], "chinese_ships": ["Renhai"],
        "voyages": ["v-r1", "v-r2", "v-r3"],
        "linked_by": ["r2 reports the same sighting as r1", "r3 reports the same sighting as r1",
                      "r3 reports the same sighting as r2"]}]


def test_joint_mutant004_an_empty_frame_has_no_event():
    events = joint_events(rows(("a", "2024-01-01", "", "", "", 1, [], True, "v-a")).iloc[:0])
    assert events.empty and events.columns.tolist() == list(EVENT_COLUMNS)
