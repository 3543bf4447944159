"""The analyst's workspace (issue 21, issue 20's views): lazy tabs, a link per sighting, a time bar
that follows. Hand-made rows with the answers written out."""

import datetime as dt

import pandas as pd
import pytest
from dash import no_update

from dashboard.callbacks import TAB_OUTPUTS, tab_callback
from dashboard.facets import options
from dashboard.figures import AREA_HIGHLIGHT, PLAYBACK_BAND, playback_band, time_range, timeline_figure
from dashboard.filters import FilterSpec
from dashboard.playback import band_updates, playback_updates, transition
from dashboard.urlstate import ignored_params, selected_from_query, with_selected
from dashboard.views import voyage_rows
from sightings import pipeline

D = dt.date
DEFAULTS = {"event_date": "2022-01-01", "ships": 1, "strait": "", "sea_area": "", "named_seas": [],
            "position_kind": "reported", "lat": 40.0, "lon": 140.0, "hull_numbers": [], "ship_types": [],
            "vessels": [], "chinese_vessels": [], "activity": "transit", "with_chinese_ships": False,
            "source_urls": ["https://example.org/report"], "source_names": ["Example"], "voyage_link": [],
            "location_text": "", "location_text_ja": "", "direction": "", "notes": "", "date_basis": "stated",
            "report_date": "2022-01-02", "report_date_basis": "release", "distance_to_japan_km": 50.0,
            "primary_source": True}


def rows(*given: dict) -> pd.DataFrame:
    """Hand-made rows (every unnamed column at its default) with the pipeline's facet columns."""
    frame = pd.DataFrame([{**DEFAULTS, **row} for row in given])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["report_date"] = pd.to_datetime(frame["report_date"])
    frame["ships"] = frame["ships"].astype("Int64")
    return pipeline.add_facets(frame)


@pytest.fixture
def three():
    return rows({"id": "a", "voyage_id": "v-a", "event_date": "2022-03-01", "strait": "Tsugaru", "ships": 2,
                 "hull_numbers": ["548"]},
                {"id": "b", "voyage_id": "v-a", "event_date": "2022-03-04", "strait": "Soya", "ships": 3,
                 "hull_numbers": ["548", "564"], "voyage_link": ["with a: hull 548 in both"]},
                {"id": "c", "voyage_id": "v-c", "event_date": "2022-05-10", "strait": "", "ships": None})


def spec_of_for(frame):
    return lambda stored: FilterSpec.clean(options(frame), **(stored or {}))


@pytest.mark.parametrize("tab", list(TAB_OUTPUTS))
def test_workspace101_a_hidden_tab_computes_and_sends_nothing(three, tab):
    other = next(name for name in TAB_OUTPUTS if name != tab)
    outputs = len(TAB_OUTPUTS[tab])
    got = tab_callback(tab, three, spec_of_for(three), outputs)({}, other)
    assert got is no_update if outputs == 1 else got == (no_update,) * outputs


def test_workspace102_a_shown_tab_computes_its_view_for_the_filters(three):
    vessels = tab_callback("vessels", three, spec_of_for(three), 1)
    assert {r["hull"]: r["sightings"] for r in vessels({}, "vessels")} == {"548": 2, "564": 1}
    assert {r["hull"]: r["sightings"] for r in vessels({"straits": ["Soya"]}, "vessels")} == {"548": 1, "564": 1}
    table = tab_callback("table", three, spec_of_for(three), 1)
    assert [r["id"] for r in table({}, None)] == ["c", "b", "a"]          # the table is the tab shown first
    assert [r["id"] for r in table({"straits": ["Tsugaru"]}, "table")] == ["a"]
    outputs = [f"{component}.{prop}" for component, prop in TAB_OUTPUTS["statistics"]]
    stats = tab_callback("statistics", three, spec_of_for(three), len(outputs))({"straits": ["Soya"]}, "statistics")
    assert len(stats) == len(outputs)
    assert stats[outputs.index("stats-download.href")] == "/stats/passages.csv?strait=Soya"


def test_workspace103_voyages_list_straits_in_order_ships_and_link_reasons(three):
    assert voyage_rows(three) == [
        {"voyage_id": "v-c", "first": "2022-05-10", "last": "2022-05-10", "sightings": 1, "straits": "",
         "ships": None, "hulls": "", "links": ""},
        {"voyage_id": "v-a", "first": "2022-03-01", "last": "2022-03-04", "sightings": 2, "straits": "Tsugaru, Soya",
         "ships": 3, "hulls": "548, 564", "links": "with a: hull 548 in both"},
    ]


@pytest.mark.parametrize("query, expected", [
    ("?id=2022-03-14-abc123", "2022-03-14-abc123"),
    ("?strait=Soya&id=a&id=b", "a"),
    ("?id=", None),
    ("?strait=Soya", None),
    ("?id=" + "x" * 500, "x" * 80),
])
def test_workspace104_the_id_of_a_link_is_read_with_bounds(query, expected):
    assert selected_from_query(query) == expected


def test_workspace105_the_id_joins_the_filters_in_the_url():
    assert with_selected("?strait=Soya", "b") == "?strait=Soya&id=b"
    assert with_selected("?strait=Soya&id=a", "b") == "?strait=Soya&id=b"
    assert with_selected("?id=a&strait=Soya", None) == "?strait=Soya"
    assert with_selected("", None) == ""


def test_workspace106_ignored_parameters_are_named(three):
    known = options(three)
    assert ignored_params("?strait=Atlantis&strait=Soya&colour=red&id=zzz&from=2022-13-01", known) == [
        "strait=Atlantis", "colour=red", "from=2022-13-01"]
    assert ignored_params("?strait=Soya&from=2022-01-01", known) == []


def test_workspace107_the_time_bar_follows_the_date_filter(three):
    assert time_range(three, (D(2022, 1, 1), D(2022, 12, 31))) == ["2022-01-01", "2023-01-01"]
    # no dates: the first and last sighting with a week's margin (a span under a year)
    assert time_range(three, (None, None)) == ["2022-02-22", "2022-05-17"]
    figure = timeline_figure(three, None, (D(2022, 1, 1), D(2022, 12, 31)))
    assert figure["layout"]["xaxis"]["range"] == ["2022-01-01", "2023-01-01"]
    assert figure["layout"]["xaxis"]["autorange"] is False


def test_workspace108_an_empty_time_bar_draws_no_year_2000(three):
    empty = timeline_figure(three.iloc[0:0], None)
    assert empty["layout"]["xaxis"]["visible"] is False
    assert all(trace["x"] == [] for trace in empty["data"])
    assert "No sightings match" in empty["layout"]["annotations"][0]["text"]
    dated = timeline_figure(three.iloc[0:0], None, (D(2024, 1, 1), D(2024, 6, 30)))
    assert dated["layout"]["xaxis"]["range"] == ["2024-01-01", "2024-07-01"]


def test_workspace109_the_playback_window_is_a_band_on_the_time_bar():
    assert timeline_figure(rows({"id": "a", "voyage_id": "v-a"}), None)["layout"]["shapes"][PLAYBACK_BAND] == \
        playback_band()
    [(path, band)] = band_updates(D(2022, 2, 7), "4-weeks")
    assert path == ("layout", "shapes", PLAYBACK_BAND)
    assert (band["visible"], band["x0"], band["x1"]) == (True, "2022-02-07", "2022-03-07")
    assert band_updates(None, "4-weeks")[0][1]["visible"] is False


def test_workspace110_play_at_the_end_starts_again():
    frame = pd.DataFrame({"id": ["a", "b"], "event_date": pd.to_datetime(["2022-01-03", "2022-01-10"])})  # Mondays
    assert transition("play", D(2022, 1, 10), False, frame, "1-week") == (D(2022, 1, 3), True)
    assert transition("play", D(2022, 1, 3), False, frame, "1-week") == (D(2022, 1, 3), True)   # not at the end


def test_workspace111_area_highlights_follow_the_playback_window():
    frame = rows({"id": "p", "voyage_id": "v-p", "event_date": "2022-01-03"},
                 {"id": "t", "voyage_id": "v-t", "event_date": "2022-03-07", "strait": "Tsugaru",
                  "position_kind": "area", "lat": None, "lon": None})
    layers = [("straits", "strait:Tsugaru", {})]
    inside = dict(playback_updates(frame, D(2022, 3, 7), "1-week", layers))[("layout", "meta", "areas")]
    before = dict(playback_updates(frame, D(2022, 1, 3), "1-week", layers))[("layout", "meta", "areas")]
    assert inside[0][1] == AREA_HIGHLIGHT and before[0][1] != AREA_HIGHLIGHT
    assert dict(playback_updates(frame, None, "1-week", layers))[("layout", "meta", "areas")][0][1] == AREA_HIGHLIGHT
