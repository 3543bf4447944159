"""Issue 18: honest downloads (point 8), every stacked sighting reachable (point 7), playback to
the last window (point 13). Hand-made rows, expected values written out."""

import datetime as dt
import io
import json

import pandas as pd
import pytest

from dashboard.export import to_geojson
from sightings.export import to_csv


def three_kinds(sightings):
    """A reported point, an area report at its strait's label point, an unlocated report."""
    rows = sightings.head(3).copy()
    rows["id"] = ["reported-row", "area-row", "unlocated-row"]
    rows["position_kind"] = ["reported", "area", "unlocated"]
    rows["lat"], rows["lon"] = [41.5, 41.4992, None], [141.2, 140.6158, None]
    rows["strait"] = ["Tsugaru", "Tsugaru", ""]
    rows["sea_area"] = ["Pacific Ocean", "Sea of Japan", "East China Sea"]
    return rows


def test_truth08_area_and_unlocated_rows_leave_without_a_position(sightings):
    rows = three_kinds(sightings)
    table = pd.read_csv(io.StringIO(to_csv(rows)), dtype=str, keep_default_na=False).set_index("id")
    assert table.loc[:, ["lat", "lon"]].to_dict("index") == {
        "reported-row": {"lat": "41.5", "lon": "141.2"}, "area-row": {"lat": "", "lon": ""},
        "unlocated-row": {"lat": "", "lon": ""}}
    # the strait or sea they name stays
    assert table["strait"].tolist() == ["Tsugaru", "Tsugaru", ""]
    assert table["sea_area"].tolist() == ["Pacific Ocean", "Sea of Japan", "East China Sea"]
    features = {f["id"]: f for f in json.loads(to_geojson(rows))["features"]}
    assert features["reported-row"]["geometry"] == {"type": "Point", "coordinates": [141.2, 41.5]}
    assert features["area-row"]["geometry"] is None and features["unlocated-row"]["geometry"] is None
    assert features["area-row"]["properties"]["strait"] == "Tsugaru"
    assert features["area-row"]["properties"]["lat"] is None


def test_truth08b_no_area_row_of_the_shipped_data_leaves_as_a_point(sightings):
    """Invariant: every feature with a geometry is a reported or derived row."""
    kinds = dict(zip(sightings["id"], sightings["position_kind"], strict=True))
    for feature in json.loads(to_geojson(sightings))["features"]:
        if feature["geometry"] is not None:
            assert kinds[feature["id"]] in ("reported", "derived"), feature["id"]
        else:
            assert kinds[feature["id"]] in ("area", "unlocated") or feature["properties"]["lat"] is None


# -- point 13: playback reaches the window holding the last sighting ----------------------------

def test_truth13_playback_steps_into_the_window_of_the_last_sighting():
    """The last sighting falls on the first day of a window: playback must show that window,
    not stop one window early (it stops only past the last sighting)."""
    from dashboard.playback import transition, window_label
    D = dt.date
    rows = pd.DataFrame({"id": ["a", "b"], "event_date": pd.to_datetime(["2022-01-03", "2022-01-10"])})  # Mondays
    assert transition("step", D(2022, 1, 3), False, rows, "1-week") == (D(2022, 1, 10), False)
    assert transition("tick", D(2022, 1, 3), True, rows, "1-week") == (D(2022, 1, 10), True)
    assert transition("tick", D(2022, 1, 10), True, rows, "1-week") == (D(2022, 1, 10), False)    # then it ends
    assert window_label(rows, D(2022, 1, 10), "1-week") == "1 week, 10 Jan - 16 Jan 2022: 1 sighting"
    month = pd.DataFrame({"id": ["a", "b"], "event_date": pd.to_datetime(["2022-01-20", "2022-03-01"])})
    assert transition("tick", D(2022, 2, 1), True, month, "1-month") == (D(2022, 3, 1), True)


# -- point 7: sightings at the same point all reachable ------------------------------------------

def stacked(sightings):
    """2022-03-14 (1 ship) and 2022-03-15 (4 landing ships) reported at one point, and one elsewhere."""
    rows = sightings.head(3).drop(columns=["facet:kind", "facet:lane"]).copy()
    rows["id"] = ["one-ship", "four-landing-ships", "elsewhere"]
    rows["event_date"] = pd.to_datetime(["2022-03-14", "2022-03-15", "2022-03-15"])
    rows["ships"] = pd.array([1, 4, 2], dtype="Int64")
    rows["ship_types"] = [["weapons transport"], ["Ropucha I-class tank landing ship"], ["frigate"]]
    rows["position_kind"] = ["derived", "derived", "reported"]
    rows["lat"], rows["lon"] = [41.66858, 41.66858, 45.0], [142.23857, 142.23857, 141.0]
    rows["strait"] = rows["lane"] = ["Tsugaru", "Tsugaru", "Soya"]
    return rows.reset_index(drop=True)


def test_truth07_stacked_map_points_list_each_and_a_click_reaches_each(sightings):
    from dashboard.figures import POINTS_TRACE, points_trace, selection_updates
    rows = stacked(sightings)
    trace = points_trace(rows)
    assert trace["lat"] == [41.66858, 45.0] and trace["lon"] == [142.23857, 141.0]   # positions as reported
    head, *listed = trace["text"][0].split("<br>")
    assert head.startswith("<b>2 sightings at this point</b>")
    assert [line[:26] for line in listed] == ["• <b>14 Mar 2022</b> · 1 s", "• <b>15 Mar 2022</b> · 4 s"]
    assert "Ropucha I-class tank landing ship" in listed[1]
    # a click selects the first; with it selected, the same marker's click selects the next, and round
    assert trace["customdata"] == ["one-ship", "elsewhere"]
    assert points_trace(rows, "one-ship")["customdata"] == ["four-landing-ships", "elsewhere"]
    assert points_trace(rows, "four-landing-ships")["customdata"] == ["one-ship", "elsewhere"]
    assert points_trace(rows, "four-landing-ships")["text"][0].split("<br>")[2].startswith("▶ <b>15 Mar 2022")
    updates = dict(selection_updates(rows, "one-ship"))
    assert updates[("data", POINTS_TRACE, "customdata")] == ["four-landing-ships", "elsewhere"]
    assert trace["marker"]["size"][0] == pytest.approx(7 + 2.4 * 2)     # the larger group's size, not 1 + 4 ships


def test_truth07b_same_day_sightings_fan_out_in_their_timeline_lane(sightings):
    from dashboard.figures import timeline_figure
    rows = stacked(sightings)
    rows["event_date"] = pd.to_datetime(["2022-03-15", "2022-03-15", "2022-03-15"])   # one day, lanes apart
    figure = timeline_figure(rows, None)
    lanes = {t["name"]: t for t in figure["data"] if t["type"] == "scatter"}
    tsugaru, soya = lanes["Tsugaru"], lanes["Soya"]
    assert tsugaru["customdata"] == ["one-ship", "four-landing-ships"] and soya["customdata"] == ["elsewhere"]
    axis = figure["layout"]["yaxis"]
    level = dict(zip(axis["ticktext"], axis["tickvals"], strict=True))
    assert tsugaru["y"] == [level["Tsugaru"] - 0.09, level["Tsugaru"] + 0.09]      # apart, inside the lane
    assert soya["y"] == [level["Soya"]] and abs(level["Soya"] - level["Tsugaru"]) == 1
