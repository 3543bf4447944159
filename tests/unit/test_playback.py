"""Playback windows: alignment, steps, the end of the selection, the URL fragment."""

import datetime as dt

import pytest

from dashboard.playback import (
    FADED, PLAYBACK_TRACE, from_fragment, playback_updates, to_fragment, transition, window_end, window_label,
    window_rows,
)
from dashboard.filters import FilterSpec, apply_filters

D = dt.date


@pytest.fixture(scope="module")
def year_2022(sightings):
    return apply_filters(sightings, FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31)))


def test_play001_play_starts_on_the_monday_of_the_first_sighting_and_steps_a_week(year_2022):
    first_day = year_2022["event_date"].min().date()
    start, playing = transition("play", None, False, year_2022, "4-weeks")
    assert playing and start == first_day - dt.timedelta(days=first_day.weekday()) and start.weekday() == 0
    assert transition("tick", start, True, year_2022, "4-weeks") == (start + dt.timedelta(days=7), True)
    assert transition("step", start, True, year_2022, "4-weeks") == (start + dt.timedelta(days=7), False)
    assert transition("play", start, True, year_2022, "4-weeks") == (start, True)        # pause is the browser's
    assert transition("tick", start, False, year_2022, "4-weeks") == (start, False)      # a late tick after pause
    assert transition("stop", start, True, year_2022, "4-weeks") == (None, False)


def test_play002_month_windows_and_the_last_step(year_2022):
    first = year_2022["event_date"].min()                   # the record's first sighting of 2022
    start, _ = transition("step", None, False, year_2022, "3-months")
    assert start == D(first.year, first.month, 1) and window_end(D(2022, 1, 1), "3-months") == D(2022, 3, 31)
    assert transition("tick", D(2022, 12, 1), True, year_2022, "1-month") == (D(2022, 12, 1), False)   # ends
    assert transition("window", D(2022, 6, 15), False, year_2022, "1-month") == (D(2022, 6, 1), False)


def test_play003_window_rows_and_label_match_a_date_mask(year_2022):
    dates = year_2022["event_date"]
    want = year_2022[(dates >= "2022-02-14") & (dates <= "2022-03-13")]
    assert window_rows(year_2022, D(2022, 2, 14), "4-weeks")["id"].tolist() == want["id"].tolist()
    assert window_label(year_2022, D(2022, 2, 14), "4-weeks") == f"4 weeks, 14 Feb - 13 Mar 2022: {len(want)} sightings"
    updates = dict(playback_updates(year_2022, D(2022, 2, 14), "4-weeks"))
    drawn = updates[("data", PLAYBACK_TRACE, "customdata")]
    located = want[want["lat"].notna() & want["position_kind"].isin(["reported", "derived"])]
    assert drawn == located.drop_duplicates(["lat", "lon"])["id"].tolist()      # one marker per point
    assert updates[("data", 1, "opacity")] == FADED
    assert dict(playback_updates(year_2022, None, "4-weeks"))[("data", 1, "opacity")] == 1.0


@pytest.mark.parametrize("fragment, expected", [
    ("#play=2022-06-08&window=4-weeks", (D(2022, 6, 6), "4-weeks")),
    ("#play=2022-06-08&window=1-month", (D(2022, 6, 1), "1-month")),
    ("#play=2022-02-30&window=4-weeks", (None, "4-weeks")),
    ("#play=2022-06-08&window=forever", (D(2022, 6, 6), "4-weeks")),
    ("", (None, "4-weeks")),
    (None, (None, "4-weeks")),
    ("#" + "x" * 100_000, (None, "4-weeks")),
])
def test_play004_fragment_is_read_defensively(fragment, expected):
    assert from_fragment(fragment) == expected


def test_play005_fragment_round_trip():
    assert to_fragment(D(2022, 6, 6), "4-weeks") == "#play=2022-06-06&window=4-weeks"
    assert from_fragment(to_fragment(D(2022, 6, 6), "4-weeks")) == (D(2022, 6, 6), "4-weeks")
    assert to_fragment(None, "4-weeks") == ""
