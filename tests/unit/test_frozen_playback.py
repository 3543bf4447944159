"""Playback windows on the frozen fixture (tests/fixtures/README.md), with literal answers.

The fixture's edges: fx-23 on Monday 1 Apr 2024, fx-09 on Sunday 7 Apr, fx-10 on Monday 8 Apr; the
voyage fx-13 / fx-14 across New Year; fx-07 and fx-08 at one point on 5 Feb 2024; the first row on
Monday 6 Mar 2023 and the last on Wednesday 5 Nov 2025.
"""

import datetime as dt

import pytest

from dashboard.figures import POINTS_TRACE
from dashboard.playback import (
    FADED, PLAYBACK_TRACE, aligned, playback_updates, transition, window_end, window_label, window_rows,
)

D = dt.date


@pytest.mark.parametrize(("start", "size", "expected"), [
    (D(2024, 4, 1), "1-week", ["fx-23", "fx-09"]),            # Monday to Sunday, both ends inside
    (D(2024, 4, 8), "1-week", ["fx-10"]),                     # the next Monday opens the next week
    (D(2024, 3, 11), "4-weeks", ["fx-23", "fx-09"]),          # 11 Mar - 7 Apr
    (D(2024, 3, 18), "4-weeks", ["fx-23", "fx-09", "fx-10"]),  # 18 Mar - 14 Apr
    (D(2024, 4, 1), "1-month", ["fx-23", "fx-09", "fx-10"]),  # 1 - 30 Apr
    (D(2024, 12, 30), "1-week", ["fx-13", "fx-14"]),          # 30 Dec 2024 - 5 Jan 2025
    (D(2024, 11, 1), "3-months", ["fx-13", "fx-14"]),        # 1 Nov - 31 Jan: fx-12 (10 Oct) is out
    (D(2024, 10, 1), "1-month", ["fx-12"]),
])
def test_frozen_playback001_window_rows_include_both_ends(frozen, start, size, expected):
    assert window_rows(frozen, start, size)["id"].tolist() == expected


@pytest.mark.parametrize(("start", "size", "label"), [
    (D(2024, 4, 1), "1-week", "1 week, 1 Apr - 7 Apr 2024: 2 sightings"),
    (D(2024, 4, 8), "1-week", "1 week, 8 Apr - 14 Apr 2024: 1 sighting"),
    (D(2024, 12, 30), "1-week", "1 week, 30 Dec 2024 - 5 Jan 2025: 2 sightings"),
    (D(2024, 5, 6), "4-weeks", "4 weeks, 6 May - 2 Jun 2024: 0 sightings"),
    (None, "4-weeks", "Playback: press Play or Step to show the selection a window at a time."),
])
def test_frozen_playback002_window_label(frozen, start, size, label):
    assert window_label(frozen, start, size) == label


def test_frozen_playback003_alignment_and_window_ends():
    assert aligned(D(2024, 4, 7), "1-week") == D(2024, 4, 1)          # a Sunday belongs to the Monday before
    assert aligned(D(2024, 4, 8), "1-week") == D(2024, 4, 8)
    assert aligned(D(2024, 12, 31), "4-weeks") == D(2024, 12, 30)
    assert aligned(D(2024, 4, 30), "3-months") == D(2024, 4, 1)
    assert window_end(D(2024, 4, 1), "1-week") == D(2024, 4, 7)
    assert window_end(D(2024, 12, 1), "3-months") == D(2025, 2, 28)
    assert window_end(D(2024, 2, 1), "1-month") == D(2024, 2, 29)     # a leap February


def test_frozen_playback004_play_starts_at_the_first_sighting_and_stops_at_the_last(frozen):
    """6 Mar 2023 is a Monday (the first row, fx-01); the last row is 5 Nov 2025 (fx-25), in the week
    of Monday 3 Nov: a tick from there would pass it, so playback stops on that week."""
    assert transition("play", None, False, frozen, "1-week") == (D(2023, 3, 6), True)
    assert transition("step", None, False, frozen, "1-month") == (D(2023, 3, 1), False)
    assert transition("tick", D(2025, 10, 27), True, frozen, "1-week") == (D(2025, 11, 3), True)
    assert transition("tick", D(2025, 11, 3), True, frozen, "1-week") == (D(2025, 11, 3), False)
    assert transition("step", D(2025, 11, 1), False, frozen, "1-month") == (D(2025, 11, 1), False)
    assert transition("step", D(2025, 10, 1), False, frozen, "1-month") == (D(2025, 11, 1), False)
    # a step to a window starting on the last sighting's own day (5 Nov) still shows it
    assert transition("step", D(2025, 10, 29), False, frozen, "1-week") == (D(2025, 11, 5), False)
    assert transition("window", D(2024, 4, 7), True, frozen, "1-week") == (D(2024, 4, 1), True)
    assert transition("stop", D(2024, 4, 1), True, frozen, "1-week") == (None, False)


def test_frozen_playback005_two_sightings_at_one_point_are_one_marker_listing_both(frozen):
    """The week of 5 Feb 2024: fx-07 (08:00) and fx-08 (16:00) at 38N 134E: one marker whose click
    selects fx-07 first; the other markers fade."""
    updates = dict(playback_updates(frozen, D(2024, 2, 5), "1-week"))
    assert updates[("data", PLAYBACK_TRACE, "customdata")] == ["fx-07"]
    assert updates[("data", PLAYBACK_TRACE, "lat")] == [38.0] and updates[("data", PLAYBACK_TRACE, "lon")] == [134.0]
    assert updates[("data", PLAYBACK_TRACE, "text")][0].startswith("<b>2 sightings at this point</b>")
    assert updates[("data", POINTS_TRACE, "opacity")] == FADED


def test_frozen_playback006_only_reported_or_derived_points_are_drawn(frozen):
    """1 - 30 Apr 2024: fx-23 (Miyako, area only: no marker), fx-09 (stated point), fx-10 (derived)."""
    updates = dict(playback_updates(frozen, D(2024, 4, 1), "1-month"))
    assert updates[("data", PLAYBACK_TRACE, "customdata")] == ["fx-09", "fx-10"]
    assert dict(playback_updates(frozen, None, "1-month"))[("data", POINTS_TRACE, "opacity")] == 1.0
