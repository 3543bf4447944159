"""dashboard.filters, the behaviours a mutation run showed no test stated (docs/mutation.md).

Expected rows are plain pandas expressions over the dataset's own columns.
"""

import datetime as dt

import pandas as pd
import pytest

from dashboard.filters import FilterSpec, apply_filters, facet_counts, parse_date, spec_values, summary

D = dt.date


def ids(frame: pd.DataFrame) -> list[str]:
    return frame["id"].tolist()


@pytest.mark.parametrize("order", ["date order", "shuffled"])
def test_filter_mutant001_an_open_start_keeps_the_first_rows(sightings, order):
    frame = sightings if order == "date order" else sightings.sample(frac=1.0, random_state=7)
    want = frame[frame["event_date"] <= pd.Timestamp("2021-12-31")]
    assert 0 < len(want) < len(frame)
    assert ids(apply_filters(frame, FilterSpec(end=D(2021, 12, 31)))) == ids(want)


@pytest.mark.parametrize("order", ["date order", "shuffled"])
def test_filter_mutant002_both_ends_of_the_range_are_included(sightings, order):
    frame = sightings if order == "date order" else sightings.sample(frac=1.0, random_state=7)
    # 2011-05-05 and 2018-08-29 each have two sightings in the dataset
    rows = apply_filters(frame, FilterSpec(start=D(2011, 5, 5), end=D(2018, 8, 29)))
    want = frame[frame["event_date"].between(pd.Timestamp("2011-05-05"), pd.Timestamp("2018-08-29"))]
    assert ids(rows) == ids(want)
    assert (rows["event_date"] == pd.Timestamp("2011-05-05")).sum() == 2
    assert (rows["event_date"] == pd.Timestamp("2018-08-29")).sum() == 2
    one_day = apply_filters(frame, FilterSpec(start=D(2018, 8, 29), end=D(2018, 8, 29)))
    assert sorted(ids(one_day)) == sorted(ids(frame[frame["event_date"] == pd.Timestamp("2018-08-29")]))


def test_filter_mutant003_clean_with_no_options_keeps_no_choice():
    spec = FilterSpec.clean({}, straits=["Tsugaru"], seas=["Sea of Japan"], chinese="yes", search=" Udaloy ")
    assert spec == FilterSpec(search="Udaloy")


def test_filter_mutant004_replace_changes_one_field_and_keeps_the_original():
    spec = FilterSpec(start=D(2022, 1, 1), straits=("Tsugaru",))
    assert spec.replace(straits=("Soya",)) == FilterSpec(start=D(2022, 1, 1), straits=("Soya",))
    assert spec == FilterSpec(start=D(2022, 1, 1), straits=("Tsugaru",))


def test_filter_mutant005_spec_values_are_json_ready():
    values = spec_values(FilterSpec(start=D(2022, 2, 15), straits=("Tsugaru", "Soya"), search="udaloy"))
    assert values == {"start": "2022-02-15", "end": None, "straits": ["Tsugaru", "Soya"], "seas": [],
                      "ship_types": [], "classes": [], "search": "udaloy", "hulls": [], "activities": [], "chinese": "any",
                      "primary": False, "stated": False, "flags": []}


@pytest.mark.parametrize(("text", "expected"), [
    ("2022-03-15T09:30:00", D(2022, 3, 15)), ("2022-03-15", D(2022, 3, 15)), ("2022-02-30", None),
    ("15/03/2022", None), (None, None),
])
def test_filter_mutant006_parse_date_reads_the_date_of_a_timestamp(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("field", ["search", "nope"])
def test_filter_mutant007_uncounted_facet_names_the_counted_ones(sightings, field):
    with pytest.raises(ValueError) as caught:
        facet_counts(sightings, FilterSpec(), field)
    assert str(caught.value) == (f"unknown or uncounted facet {field!r}; expected one of straits, seas, "
                                 "ship_types, classes, hulls, activities, chinese, primary, stated, flags")


@pytest.mark.parametrize(("row_id", "sentence"), [
    ("2018-08-29-53577c", "1 sighting, 1 ship-sighting, 29 Aug 2018"),
    ("2011-05-05-58e004", "1 sighting, 2 ship-sightings, 5 May 2011"),
])
def test_filter_mutant008_summary_counts_one_ship_and_two(sightings, row_id, sentence):
    assert summary(sightings[sightings["id"] == row_id], FilterSpec()) == sentence


def _dated(dates, ships, reported=None):
    return pd.DataFrame({"event_date": pd.to_datetime(dates), "ships": pd.array(ships, dtype="Int64"),
                         "report_date": pd.to_datetime(reported if reported is not None else dates)})


def test_filter_mutant009_summary_counts_unknown_ships_and_the_partial_period():
    from dashboard.filters import summary
    rows = _dated(["2022-03-01", "2022-03-02", "2022-03-03"], [2, None, None])
    assert summary(rows, FilterSpec()) == \
        "3 sightings, 2 ship-sightings (2 sightings without a ship count), 1 Mar - 3 Mar 2022"
    one = _dated(["2022-03-01"], [None])
    assert summary(one, FilterSpec()) == "1 sighting, 0 ship-sightings (1 sighting without a ship count), 1 Mar 2022"
    assert summary(rows, FilterSpec(), dt.date(2022, 3, 3)) == (
        "3 sightings, 2 ship-sightings (2 sightings without a ship count), 1 Mar - 3 Mar 2022, "
        "data current to 3 Mar 2022")
    assert summary(rows, FilterSpec(), dt.date(2022, 3, 2)) == (
        "3 sightings, 2 ship-sightings (2 sightings without a ship count), 1 Mar - 3 Mar 2022 "
        "(partial: data to 2 Mar 2022)")
    assert summary(rows.iloc[0:0], FilterSpec(), dt.date(2022, 3, 2)) == \
        "No sightings match these filters. Data current to 2 Mar 2022."
    assert summary(rows.iloc[0:0], FilterSpec()) == "No sightings match these filters."


def test_filter_mutant010_data_current_to_is_the_last_report_date():
    from dashboard.filters import data_current_to
    assert data_current_to(_dated(["2022-03-01", "2022-03-09"], [1, 1], [None, "2022-03-10"])) == dt.date(2022, 3, 10)
    assert data_current_to(_dated(["2022-03-01"], [1], [None])) is None
    assert data_current_to(_dated([], [])) is None


def test_filter_mutant011_an_unsorted_frame_is_cut_by_its_dates_not_its_order():
    frame = pd.DataFrame({"id": ["a", "b", "c"], "event_date": pd.to_datetime(["2022-01-05", "2022-01-10", "2022-01-07"])})
    got = apply_filters(frame, FilterSpec(start=dt.date(2022, 1, 6), end=dt.date(2022, 1, 8)))
    assert got["id"].tolist() == ["c"]


def test_filter_mutant012_skip_leaves_out_only_the_named_facet(sightings):
    spec = FilterSpec(straits=("Tsugaru",), seas=("Sea of Japan",))
    got = apply_filters(sightings, spec, skip="straits")
    want = sightings[sightings["facet:seas"].astype(str).str.contains(";Sea of Japan;", regex=False)]
    assert got["id"].tolist() == want["id"].tolist() and (got["strait"] != "Tsugaru").any()


def _with_announcements(n):
    """Two sightings (one without a ship count) in July 2026, then ``n`` announced exercises in August."""
    return pd.DataFrame({
        "event_date": pd.to_datetime(["2026-07-02", "2026-07-03", "2026-08-01", "2026-08-02"][:2 + n]),
        "ships": pd.array([2, None, 40, 10][:2 + n], dtype="Int64"),
        "activity": ["transit", "transit", "exercise (announced by Russian MOD)", "exercise (announced)"][:2 + n]})


def test_filter_mutant013_announced_exercises_are_counted_apart_one_and_several():
    assert summary(_with_announcements(2), FilterSpec(), dt.date(2026, 9, 15)) == (
        "2 sightings, 2 ship-sightings (1 sighting without a ship count), 2 announced exercises (not counted as "
        "sightings), 2 Jul - 2 Aug 2026, data current to 15 Sep 2026")
    assert summary(_with_announcements(1), FilterSpec()) == (
        "2 sightings, 2 ship-sightings (1 sighting without a ship count), 1 announced exercise (not counted as "
        "sightings), 2 Jul - 1 Aug 2026")


def test_filter_mutant014_summary_in_japanese():
    assert summary(_with_announcements(2), FilterSpec(straits=("Tsugaru",)), dt.date(2026, 9, 15), "ja") == (
        "確認2件、艦艇のべ2隻（隻数の記載がない確認1件）、発表された演習2件（確認には数えない）、2026年7月2日～8月2日、"
        "津軽海峡、データは2026年9月15日現在")
    assert summary(_with_announcements(2), FilterSpec(start=D(2026, 7, 1), end=D(2026, 9, 30), hulls=("548",)),
                   dt.date(2026, 9, 15), "ja") == (
        "確認2件、艦艇のべ2隻（隻数の記載がない確認1件）、発表された演習2件（確認には数えない）、"
        "2026年7月1日～9月30日（一部：データは2026年9月15日まで）、艦番号548")
    assert summary(_with_announcements(2).iloc[0:0], FilterSpec(), dt.date(2026, 9, 15), "ja") == (
        "この条件に合う確認はありません。データは2026年9月15日現在。")


@pytest.mark.parametrize(("first", "last", "span"), [
    (D(2022, 3, 1), D(2022, 3, 1), "2022年3月1日"),
    (D(2022, 1, 1), D(2022, 12, 31), "2022年1月1日～12月31日"),            # one year: said once
    (D(2021, 11, 3), D(2022, 1, 2), "2021年11月3日～2022年1月2日"),
])
def test_filter_mutant015_date_span_in_japanese(first, last, span):
    from dashboard.filters import date_span
    assert date_span(first, last, "ja") == span


def test_filter_mutant016_every_facet_count_keeps_the_date_range_and_the_other_filters():
    """The counts share one date mask: each facet's numbers still hold only the rows inside the
    dates that every other set filter keeps (no facet's cut leaks into the next one's counts)."""
    from dashboard.filters import all_facet_counts
    from sightings import pipeline
    base = {"ships": 1, "sea_area": "", "named_seas": [], "position_kind": "reported", "lat": 40.0, "lon": 140.0,
            "hull_numbers": [], "ship_types": [], "vessels": [], "chinese_vessels": [], "activity": "transit",
            "source_urls": ["https://example.org/report"], "date_basis": "stated"}
    given = [("in-tsugaru-joint", "2022-03-01", "Tsugaru", True), ("in-tsugaru", "2022-04-01", "Tsugaru", False),
             ("in-soya-joint", "2022-05-01", "Soya", True), ("in-soya", "2022-06-01", "Soya", False),
             ("early-tsugaru-joint", "2021-03-01", "Tsugaru", True), ("late-soya-joint", "2023-03-01", "Soya", True)]
    frame = pd.DataFrame([{**base, "id": i, "event_date": day, "strait": strait, "with_chinese_ships": joint}
                          for i, day, strait, joint in given])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame = pipeline.add_facets(frame)
    counts = all_facet_counts(frame, FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31), straits=("Tsugaru",),
                                                chinese="yes"))
    assert counts["chinese"] == {"any": 2, "yes": 1, "no": 1}                # Tsugaru rows in 2022
    assert {k: v for k, v in counts["straits"].items() if v} == {"Tsugaru": 1, "Soya": 1}   # joint rows in 2022
    assert counts["primary"] == {"1": 0}                                     # joint Tsugaru rows in 2022, none primary
    assert ids(apply_filters(frame, FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31), straits=("Tsugaru",),
                                               chinese="yes"))) == ["in-tsugaru-joint"]
