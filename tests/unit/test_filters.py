"""apply_filters, facet counts, the summary sentence and the URL round trip."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.filters import FilterSpec, apply_filters, date_span, facet_counts, summary
from dashboard.urlstate import spec_from_query, spec_to_query

D = dt.date


@pytest.mark.parametrize(("spec", "check"), [
    (FilterSpec(), lambda rows, all_: len(rows) == len(all_)),
    (FilterSpec(straits=("Tsugaru",)), lambda rows, all_: set(rows["strait"]) == {"Tsugaru"}),
    (FilterSpec(straits=("none",)), lambda rows, all_: set(rows["strait"]) == {""}),
    (FilterSpec(straits=("Tsugaru", "Soya")), lambda rows, all_: set(rows["strait"]) == {"Tsugaru", "Soya"}),
    (FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31)),
     lambda rows, all_: rows["event_date"].dt.year.eq(2022).all() and len(rows) == (all_["event_date"].dt.year == 2022).sum()),
    (FilterSpec(chinese="yes"), lambda rows, all_: rows["with_chinese_ships"].all() and len(rows) > 0),
    (FilterSpec(ship_types=("Landing ship",)), lambda rows, all_: rows["ship_types"].map(
        lambda t: any("landing" in x.lower() for x in t)).all()),
    (FilterSpec(search="548"), lambda rows, all_: rows["hull_numbers"].map(lambda h: "548" in h).all() and len(rows) > 0),
    (FilterSpec(seas=("Sea of Okhotsk",)), lambda rows, all_: set(rows["sea_area"]) == {"Sea of Okhotsk"}),
    (FilterSpec(activities=("exercise",)), lambda rows, all_: rows["activity"].str.startswith("exercise").all()),
])
def test_filter001_apply_filters(sightings, spec, check):
    rows = apply_filters(sightings, spec)
    assert check(rows, sightings)
    assert rows["event_date"].is_monotonic_increasing


def test_filter002_brief_tsugaru_event_is_in_march_2022_tsugaru(sightings):
    rows = apply_filters(sightings, FilterSpec(start=D(2022, 3, 15), end=D(2022, 3, 17), straits=("Tsugaru",)))
    assert rows["ships"].tolist() == [4]


def test_filter003_facet_counts_match_filtering_each_option(sightings):
    spec = FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31))
    counts = facet_counts(sightings, spec, "straits")
    for strait, count in counts.items():
        assert len(apply_filters(sightings, spec.replace(straits=(strait,)))) == count
    assert sum(counts.values()) == len(apply_filters(sightings, spec))


@pytest.mark.parametrize(("values", "expected"), [
    ({"straits": ["../../etc/passwd", "Tsugaru"]}, FilterSpec(straits=("Tsugaru",))),
    ({"start": "9999-99-99", "end": "2022-02-30"}, FilterSpec()),
    ({"straits": ["Soya"] * 10_000}, FilterSpec(straits=("Soya",))),
    ({"start": "2023-01-01", "end": "2022-01-01"}, FilterSpec(start=D(2022, 1, 1), end=D(2023, 1, 1))),
    ({"chinese": "maybe", "search": 42}, FilterSpec()),
    ({"seas": {"$ne": 1}}, FilterSpec()),
])
def test_filter004_clean_drops_unknown_values(app_data, values, expected):
    assert FilterSpec.clean(app_data.options, **values) == expected


@pytest.mark.parametrize(("spec", "sentence"), [
    (FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31), straits=("Tsugaru", "Soya")),
     r"^\d+ sightings, \d+ ships reported, 1 Jan - 31 Dec 2022, Tsugaru or Soya straits$"),
    (FilterSpec(start=D(2022, 3, 15), end=D(2022, 3, 17), straits=("Tsugaru",)),
     r"^1 sighting, 4 ships reported, 15 Mar - 17 Mar 2022, Tsugaru Strait$"),
    (FilterSpec(start=D(2022, 2, 15), end=D(2022, 2, 15), chinese="no"),
     r"^1 sighting, 24 ships reported, 15 Feb 2022, without Chinese ships$"),
    (FilterSpec(start=D(1999, 1, 1), end=D(1999, 12, 31)), r"^No sightings match these filters\.$"),
])
def test_filter005_summary_sentence(sightings, spec, sentence):
    assert __import__("re").match(sentence, summary(apply_filters(sightings, spec), spec))


def test_filter006_date_span_across_years():
    assert date_span(D(2021, 11, 3), D(2022, 1, 2)) == "3 Nov 2021 - 2 Jan 2022"


@pytest.mark.parametrize("spec", [
    FilterSpec(),
    FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31), straits=("Tsugaru", "none")),
    FilterSpec(seas=("Sea of Japan",), ship_types=("Destroyer", "Frigate"), activities=("transit",),
               chinese="yes", search="Udaloy & <b>"),
])
def test_filter007_url_round_trip(app_data, spec):
    query = spec_to_query(spec)
    assert spec_from_query(query, app_data.options) == spec
    assert (query == "") == (spec == FilterSpec())


@pytest.mark.parametrize("spec", [
    FilterSpec(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31), straits=("Tsugaru",)),
    FilterSpec(start=dt.date(2021, 6, 1)), FilterSpec(end=dt.date(2019, 12, 31), straits=("none",)),
    FilterSpec(start=dt.date(2030, 1, 1)),
])
def test_filter_window_binary_search_equals_a_full_scan(sightings, spec):
    """Date-ordered rows are cut by binary search; shuffled rows by comparing every date: same rows."""
    shuffled = sightings.sample(frac=1.0, random_state=4)
    assert not shuffled["event_date"].is_monotonic_increasing
    assert set(apply_filters(sightings, spec)["id"]) == set(apply_filters(shuffled, spec)["id"])
    expected = sightings[(sightings["event_date"] >= pd.Timestamp(spec.start or "1900-01-01"))
                         & (sightings["event_date"] <= pd.Timestamp(spec.end or "2100-01-01"))]
    if spec.straits:
        expected = expected[expected["strait"].replace("", "none").isin(spec.straits)]
    assert list(apply_filters(sightings, spec)["id"]) == list(expected["id"])
