"""How a row's time of day is filled from its own words, stated literally (mutants of sightings/dates.py)."""

import pandas as pd
import pytest

from sightings.dates import fill_event_times, says_announced_on, stated_time


def test_dates_mutant001_blank_times_filled_and_a_differing_time_kept_and_reported():
    frame = pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "event_time": ["", "09:00", "", "10:00", "08:00"],
        "location_text": ["(around 5 a.m.)", "(around 5 a.m.)", "east of Tsushima", "(10 a.m.)", "no time stated"],
    })
    filled, log = fill_event_times(frame)
    assert filled.tolist() == ["05:00", "09:00", "", "10:00", "08:00"]
    assert log == ("event_time b: the row says 09:00, its location_text 05:00",)


@pytest.mark.parametrize("text, expected", [
    ("(around 12 p.m.)", "12:00"),          # 12 p.m. is noon
    ("(around 12 a.m.)", "00:00"),          # 12 a.m. is midnight
    ("(around 1 a.m.)", "01:00"),           # the first hour of the clock
    ("(13 p.m.)", ""),                      # no such hour
    ("(0 a.m.)", ""),
    ("(about 7:45 P.M.)", "19:45"),
    ("5-7 p.m.", "17:00"),
    ("at 23:59", "23:59"),
    ("at 9:05 local time", "09:05"),
    ("Midnight", "00:00"),
    ("NOON", "12:00"),
    ("", ""),
    (None, ""),
])
def test_dates_mutant002_clock_times_at_their_edges(text, expected):
    assert stated_time(text) == expected


@pytest.mark.parametrize("text, day, expected", [
    ("統合幕僚監部は6月9日、…発表した。", "2022-06-09", True),
    ("統合幕僚監部は7月9日、…発表した。", "2022-06-09", False),      # the month named is another
    ("9日、統合幕僚監部は、…発表した。", "2022-06-09", True),
    ("统合幕僚监部5月6日发布", "2022-05-06", True),
    ("统合幕僚监部5月6日发布", "2022-05-07", False),
    ("The Joint Staff announced Monday", "2022-06-06", True),      # a Monday
    ("The Joint Staff announced Monday", "2022-06-07", False),
    ("the Joint Staff release of Sept. 1", "2022-09-01", True),
    ("the Joint Staff release of Sept. 1", "2022-10-01", False),
    ("the Joint Staff release of Sept. 1", "2022-09-02", False),
    ("announced on Dec 31", "2022-12-31", True),
    ("", "2022-12-31", False),
])
def test_dates_mutant003_announcement_days_in_each_language(text, day, expected):
    assert says_announced_on(text, pd.Timestamp(day)) is expected


@pytest.mark.parametrize("text", ["統合幕僚監部は9日、…発表した。", "The Joint Staff announced Monday"])
def test_dates_mutant004_no_day_is_never_announced(text):
    assert says_announced_on(text, pd.NaT) is False
