"""Joint China-Russia events (issue 25 item 2, part): joint legs grouped by their stored voyage or by
the one same-sighting rule, a leg of the same voyage without the flag included and named, and the
recorded ``with_chinese_ships`` values left as the sources state them.

Hand-made rows with literal answers; the shipped data only for invariants.
"""

import pandas as pd

from sightings.joint import EVENT_COLUMNS, joint_events

TS = pd.Timestamp


def rows(*given: tuple) -> pd.DataFrame:
    """(id, date, strait, direction, hulls, chinese, flagged, voyage) -> a frame with the columns read."""
    return pd.DataFrame([{
        "id": i, "event_date": TS(day), "event_time": "", "strait": strait, "direction": direction, "ships": 2,
        "ship_types": ["Steregushchiy-class frigate"], "hull_numbers": hulls, "chinese_vessels": chinese,
        "with_chinese_ships": flagged, "voyage_id": voyage,
    } for i, day, strait, direction, hulls, chinese, flagged, voyage in given])


RENHAI = "Renhai-class destroyer (101)"
FUCHI = "Fuchi-class replenishment ship (902)"
ROWS = rows(
    # voyage v-a: the Russian pair comes west through Soya alone, goes east with Chinese ships, then south
    ("a1", "2022-08-20", "Soya", "west", ["333", "339"], [], False, "v-a1"),
    ("a2", "2022-09-03", "Soya", "east", ["333"], [RENHAI, FUCHI], True, "v-a1"),
    ("a3", "2022-09-05", "", "south", ["339"], [RENHAI], True, "v-a1"),
    # b1 and b2 report the same Osumi passage (same day, strait, count, hull) but were not linked as a voyage
    ("b1", "2023-07-28", "Osumi", "west", ["548"], [], True, "v-b1"),
    ("b2", "2023-07-28", "Osumi", "west, toward the East China Sea", ["548"], [], True, "v-b2"),
    ("b3", "2023-07-30", "Miyako", "northwest", ["548"], [], True, "v-b2"),
    ("b4", "2023-08-01", "Miyako", "northwest, toward the East China Sea", ["548"], [], True, "v-b2"),
    # a joint exercise row with no hulls, a day after b4 in another voyage: kept apart (no rule joins it)
    ("c1", "2023-08-02", "", "", [], [], True, "v-c1"),
    # a Russian-only transit of another voyage: in no event
    ("d1", "2023-07-28", "Tsugaru", "east", ["011"], [], False, "v-d1"),
)


def test_joint01_events_and_their_legs():
    events = joint_events(ROWS)
    assert events.columns.tolist() == list(EVENT_COLUMNS)
    assert events["event"].tolist() == ["j-a1", "j-b1", "j-c1"]
    assert events["legs"].tolist() == [["a1", "a2", "a3"], ["b1", "b2", "b3", "b4"], ["c1"]]
    assert events["unflagged_legs"].tolist() == [["a1"], [], []]


def test_joint02_dates_all_legs_and_joint_legs():
    events = joint_events(ROWS).set_index("event")
    assert events.loc["j-a1", ["first_date", "last_date", "joint_first_date", "joint_last_date"]].tolist() == \
        [TS("2022-08-20"), TS("2022-09-05"), TS("2022-09-03"), TS("2022-09-05")]
    assert events.loc["j-b1", ["first_date", "last_date"]].tolist() == [TS("2023-07-28"), TS("2023-08-01")]


def test_joint03_straits_in_order_a_passage_once_and_route():
    events = joint_events(ROWS).set_index("event")
    # Soya west then Soya east are two passages; Osumi west twice (b1, b2) and Miyako northwest twice are one each
    assert events.loc["j-a1", "straits"] == ["Soya", "Soya"]
    assert events.loc["j-b1", "straits"] == ["Osumi", "Miyako"]
    assert events.loc["j-a1", "route"] == ["2022-08-20 Soya west", "2022-09-03 Soya east", "2022-09-05 south"]


def test_joint04_ships_each_once_as_reported():
    events = joint_events(ROWS).set_index("event")
    assert events.loc["j-a1", "russian_hulls"] == ["333", "339"]
    assert events.loc["j-a1", "chinese_ships"] == [RENHAI, FUCHI]
    assert events.loc["j-a1", "russian_types"] == ["Steregushchiy-class frigate"]


def test_joint05_why_two_voyages_are_one_event():
    events = joint_events(ROWS).set_index("event")
    assert events.loc["j-b1", "voyages"] == ["v-b1", "v-b2"]
    assert events.loc["j-b1", "linked_by"] == ["b2 reports the same sighting as b1"]
    assert events.loc["j-a1", "linked_by"] == []


def test_joint06_recorded_flags_untouched_and_order_free():
    before = ROWS.copy(deep=True)
    shuffled = joint_events(ROWS.sample(frac=1.0, random_state=3))
    pd.testing.assert_frame_equal(ROWS, before)
    assert shuffled["legs"].tolist() == [["a1", "a2", "a3"], ["b1", "b2", "b3", "b4"], ["c1"]]


def test_joint07_no_joint_row_no_event():
    assert joint_events(ROWS[ROWS["id"] == "d1"]).empty
    assert joint_events(ROWS[ROWS["id"] == "d1"]).columns.tolist() == list(EVENT_COLUMNS)


def test_joint08_live_invariants(sightings):
    """Every flagged row is in exactly one event, every event has a flagged leg, an unflagged leg shares a
    voyage with a flagged one or reports the same sighting, and the dates are in order."""
    events = joint_events(sightings)
    legs = [leg for listed in events["legs"] for leg in listed]
    assert len(legs) == len(set(legs))
    flagged = set(sightings.loc[sightings["with_chinese_ships"], "id"])
    assert flagged <= set(legs)
    assert all(set(listed) & flagged for listed in events["legs"])
    unflagged = {leg for listed in events["unflagged_legs"] for leg in listed}
    assert unflagged == set(legs) - flagged
    assert (events["first_date"] <= events["joint_first_date"]).all()
    assert (events["joint_first_date"] <= events["joint_last_date"]).all()
    assert (events["joint_last_date"] <= events["last_date"]).all()
