"""Issue 25, item 1: the summary sentence states how current the record is and marks a partial period.

Hand-made rows with literal expected sentences. ``current_to`` is the last report date of ALL
rows (the frame the app loads), never of the filtered ones.
"""

import datetime as dt

import pandas as pd
import pytest

from dashboard.filters import FilterSpec, apply_filters, data_current_to, summary
from sightings import pipeline

D = dt.date
DEFAULTS = {"ships": 1, "strait": "", "sea_area": "", "named_seas": [], "position_kind": "reported",
            "lat": 40.0, "lon": 140.0, "hull_numbers": [], "ship_types": [], "vessels": [], "chinese_vessels": [],
            "activity": "transit", "with_chinese_ships": False, "source_urls": ["https://example.org/report"],
            "date_basis": "stated"}


def rows(*given: dict) -> pd.DataFrame:
    frame = pd.DataFrame([{**DEFAULTS, **row} for row in given])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["report_date"] = pd.to_datetime(frame["report_date"])
    return pipeline.add_facets(frame)


# The record ends on a release of 16 Aug 2026 (a Soya sighting of the 14th); a Tsugaru
# sighting of 2 Jul 2026 was released on 3 Jul.
ROWS = rows(
    {"id": "a", "event_date": "2025-08-01", "report_date": "2025-08-02", "strait": "Tsugaru", "ships": 2},
    {"id": "b", "event_date": "2026-07-02", "report_date": "2026-07-03", "strait": "Tsugaru", "ships": 3},
    {"id": "c", "event_date": "2026-08-14", "report_date": "2026-08-16", "strait": "Soya", "ships": 1},
)


def test_current001_the_date_is_the_last_report_date_of_all_rows():
    assert data_current_to(ROWS) == D(2026, 8, 16)
    assert data_current_to(ROWS.iloc[0:2]) == D(2026, 7, 3)
    assert data_current_to(ROWS.iloc[0:0]) is None


@pytest.mark.parametrize(("spec", "sentence"), [
    # Q3 2026 runs past the data: partial, and the date is said once, beside the period.
    (FilterSpec(start=D(2026, 7, 1), end=D(2026, 9, 30)),
     "2 sightings, 4 ship-sightings, 1 Jul - 30 Sep 2026 (partial: data to 16 Aug 2026)"),
    # A filter that leaves out the last row still states the whole record's date (not 3 Jul).
    (FilterSpec(start=D(2026, 7, 1), end=D(2026, 9, 30), straits=("Tsugaru",)),
     "1 sighting, 3 ship-sightings, 1 Jul - 30 Sep 2026 (partial: data to 16 Aug 2026), Tsugaru Strait"),
    # A period that ends on the last report date is complete.
    (FilterSpec(start=D(2026, 7, 1), end=D(2026, 8, 16)),
     "2 sightings, 4 ship-sightings, 1 Jul - 16 Aug 2026, data current to 16 Aug 2026"),
    # A closed past period: complete, the date at the end.
    (FilterSpec(start=D(2025, 1, 1), end=D(2025, 12, 31), straits=("Tsugaru",)),
     "1 sighting, 2 ship-sightings, 1 Jan - 31 Dec 2025, Tsugaru Strait, data current to 16 Aug 2026"),
    # No date range: the span is the rows' own, never partial.
    (FilterSpec(), "3 sightings, 6 ship-sightings, 1 Aug 2025 - 14 Aug 2026, data current to 16 Aug 2026"),
    # Nothing selected: the date is still said.
    (FilterSpec(start=D(2026, 10, 1), end=D(2026, 12, 31)),
     "No sightings match these filters. Data current to 16 Aug 2026."),
])
def test_current002_summary_states_the_date_and_marks_a_partial_period(spec, sentence):
    assert summary(apply_filters(ROWS, spec), spec, data_current_to(ROWS)) == sentence


def test_current003_without_a_date_the_sentence_is_unchanged():
    spec = FilterSpec(start=D(2026, 7, 1), end=D(2026, 9, 30))
    assert summary(apply_filters(ROWS, spec), spec) == "2 sightings, 4 ship-sightings, 1 Jul - 30 Sep 2026"


def test_current004_the_app_computes_the_date_once_from_all_rows(app_data):
    """Invariant on the shipped data: AppData holds the max report_date of every loaded row."""
    assert app_data.current_to == app_data.sightings["report_date"].max().date()
