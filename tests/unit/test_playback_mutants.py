"""Playback's window arithmetic, steps, fragment, label, trace and controls on hand-made dates
(mutants of dashboard/playback.py). 8 Jun 2022 is a Wednesday; its Monday is 6 Jun."""

import datetime as dt

import pandas as pd
import pytest

from dashboard import ids
from dashboard.playback import (aligned, controls, from_fragment, playback_trace, to_fragment, transition,
                                window_end, window_label, window_rows)

D = dt.date


def dated(*days: str) -> pd.DataFrame:
    return pd.DataFrame({"id": [f"r{i}" for i in range(len(days))], "event_date": pd.to_datetime(list(days))})


ROWS = dated("2022-06-08", "2022-06-20")          # first window 6 Jun (Monday); last sighting 20 Jun


@pytest.mark.parametrize("day, size, start", [
    (D(2022, 6, 8), "1-week", D(2022, 6, 6)), (D(2022, 6, 12), "4-weeks", D(2022, 6, 6)),   # Sunday: back to Monday
    (D(2022, 6, 6), "1-week", D(2022, 6, 6)), (D(2022, 6, 8), "1-month", D(2022, 6, 1)),
    (D(2022, 6, 30), "3-months", D(2022, 6, 1)),
])
def test_playback_mutant001_window_starts_on_a_monday_or_the_first(day, size, start):
    assert aligned(day, size) == start


@pytest.mark.parametrize("start, size, end", [
    (D(2022, 6, 6), "1-week", D(2022, 6, 12)), (D(2022, 6, 6), "4-weeks", D(2022, 7, 3)),
    (D(2022, 6, 1), "1-month", D(2022, 6, 30)), (D(2022, 6, 1), "3-months", D(2022, 8, 31)),
])
def test_playback_mutant002_window_end_is_its_last_day(start, size, end):
    assert window_end(start, size) == end


def test_playback_mutant003_window_rows_include_both_ends():
    rows = dated("2022-06-05", "2022-06-06", "2022-06-12", "2022-06-13")
    assert window_rows(rows, D(2022, 6, 6), "1-week")["id"].tolist() == ["r1", "r2"]


@pytest.mark.parametrize("action, start, playing, expected", [
    ("play", None, False, (D(2022, 6, 6), True)),
    ("play", D(2022, 6, 13), False, (D(2022, 6, 13), True)),
    ("step", None, True, (D(2022, 6, 6), False)),
    ("tick", None, True, (D(2022, 6, 6), True)),
    ("tick", None, False, (None, False)),
    ("tick", D(2022, 6, 6), True, (D(2022, 6, 13), True)),
    ("step", D(2022, 6, 6), True, (D(2022, 6, 13), False)),
    ("step", D(2022, 6, 13), False, (D(2022, 6, 20), False)),     # 20 Jun is the last sighting's day: still shown
    ("tick", D(2022, 6, 20), True, (D(2022, 6, 20), False)),      # past the last sighting: stops there
    ("window", D(2022, 6, 15), True, (D(2022, 6, 13), True)),
    ("window", None, True, (None, True)),
    ("filters", D(2022, 6, 13), True, (D(2022, 6, 13), True)),
    ("load", None, False, (None, False)),
    ("stop", D(2022, 6, 13), True, (None, False)),
])
def test_playback_mutant004_transitions(action, start, playing, expected):
    assert transition(action, start, playing, ROWS, "1-week") == expected


def test_playback_mutant005_month_steps_and_no_rows():
    rows = dated("2022-06-08", "2022-09-20")
    assert transition("step", D(2022, 6, 1), False, rows, "3-months") == (D(2022, 7, 1), False)
    assert transition("window", D(2022, 6, 15), False, rows, "1-month") == (D(2022, 6, 1), False)
    assert transition("play", None, False, rows.iloc[0:0], "1-week") == (None, False)


def test_playback_mutant006_fragment_written_and_cut_at_200_characters():
    assert to_fragment(D(2022, 6, 6), "1-month") == "#play=2022-06-06&window=1-month"
    assert from_fragment("play=2022-06-08") == (D(2022, 6, 6), "4-weeks")            # no '#', no window
    assert from_fragment("#window=1-month") == (None, "1-month")
    body = "a=" + "x" * 183 + "&play=2022-06-08"                                    # 201 characters
    assert from_fragment("#" + body) == (None, "4-weeks")                           # the date's last digit is cut
    assert from_fragment("#" + body[1:]) == (D(2022, 6, 6), "4-weeks")              # 200: read


def test_playback_mutant007_window_label_counts_and_names_the_days():
    assert window_label(ROWS, D(2022, 6, 6), "1-week") == "1 week, 6 Jun - 12 Jun 2022: 1 sighting"
    assert window_label(ROWS, D(2022, 6, 6), "4-weeks") == "4 weeks, 6 Jun - 3 Jul 2022: 2 sightings"
    assert window_label(ROWS, D(2022, 7, 4), "1-week") == "1 week, 4 Jul - 10 Jul 2022: 0 sightings"
    assert window_label(ROWS, None, "1-week") == "Playback: press Play or Step to show the selection a window at a time."


def test_playback_mutant008_the_empty_trace():
    assert playback_trace() == {"type": "scattermap", "name": "playback window", "mode": "markers",
                                "hoverinfo": "text", "showlegend": False, "lat": [], "lon": [], "customdata": [],
                                "text": [], "marker": {"size": []}}


def test_playback_mutant009_controls():
    div = controls()
    store, timer, play, step, stop, window_label_, window, speed_label, speed, label = div.children
    assert div.className == "playback" and store.id == ids.PLAY_STATE
    assert (timer.id, timer.interval, timer.disabled) == (ids.PLAY_TIMER, 1000, True)
    assert [(b.children, b.id, b.className) for b in (play, step, stop)] == [
        ("Play", ids.PLAY, "button"), ("Step", ids.PLAY_STEP, "button secondary"),
        ("Show all", ids.PLAY_STOP, "button secondary")]
    assert (window_label_.children, window_label_.htmlFor) == ("Window", ids.PLAY_WINDOW)
    assert (window.id, window.value, window.clearable, window.className) == (
        ids.PLAY_WINDOW, "4-weeks", False, "play-window")
    assert window.options == [{"label": "1 week", "value": "1-week"}, {"label": "4 weeks", "value": "4-weeks"},
                              {"label": "1 month", "value": "1-month"}, {"label": "3 months", "value": "3-months"}]
    assert (speed_label.children, speed_label.htmlFor) == ("Speed", ids.PLAY_SPEED)
    assert (speed.id, speed.value, speed.clearable, speed.className) == (ids.PLAY_SPEED, "normal", False, "play-speed")
    assert speed.options == [{"label": "slow (2 s a step)", "value": "slow"},
                             {"label": "normal (1 s a step)", "value": "normal"},
                             {"label": "fast (0.5 s a step)", "value": "fast"}]
    assert (label.id, label.className, label.role) == (ids.PLAY_LABEL, "play-label", "status")


def test_playback_mutant010_no_window_draws_nothing_on_top(sightings):
    from dashboard.playback import PLAYBACK_TRACE, playback_updates
    updates = dict(playback_updates(sightings, None, "4-weeks"))
    assert updates[("data", PLAYBACK_TRACE, "customdata")] == [] and updates[("data", PLAYBACK_TRACE, "lat")] == []
