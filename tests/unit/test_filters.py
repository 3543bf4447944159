"""apply_filters, facet counts, presets, the summary sentence and the URL round trip.

Every expected set of rows is a plain pandas expression over the dataset's own columns
(strait, sea_area, ship_types, hull_numbers, activity, ...), never the facet columns the
filters read, and each is checked to be neither empty nor everything, so a filter that
returns nothing (or all) fails.
"""

import datetime as dt
import re
from collections import Counter

import pandas as pd
import pytest

from dashboard.facets import COUNTED, FACETS, options
from dashboard.figures import LANE_COLOURS
from dashboard.filters import (
    FilterSpec, all_facet_counts, apply_filters, date_span, facet_counts, preset_range, summary,
)
from dashboard.urlstate import spec_from_query, spec_to_query
from sightings import pipeline
from sightings.positions import STRAIT_LABEL_POINTS
from sightings.schema import STRAITS
from tests.expected import is_primary

D = dt.date
RELEASE = "https://www.mod.go.jp/js/pdf/2022/p20220822_02.pdf"      # a real Joint Staff release


def names_match(pattern):
    """Rows with a reported ship type name matching ``pattern`` (case-insensitive)."""
    return lambda f: f["ship_types"].map(lambda names: any(re.search(pattern, n, re.I) for n in names))


def has_hull(*hulls):
    return lambda f: f["hull_numbers"].map(lambda listed: any(h in listed for h in hulls))


def in_2022(f):
    return f["event_date"].dt.year == 2022


def searched(text):
    """Rows whose own text columns hold ``text`` in any case (for words no register name, class
    spelling or place name adds: "udaloy", "548"; dashboard.search's own tests cover those)."""
    def rows(f):
        columns = [f[c] for c in ("location_text", "location_text_ja", "notes")]
        columns += [f[c].map(" ".join) for c in ("ship_types", "hull_numbers", "vessels", "chinese_vessels",
                                                 "source_names")]
        return pd.concat([c.str.lower().str.contains(text.lower(), regex=False) for c in columns], axis=1).any(axis=1)
    return rows


CASES = {
    "Tsugaru": (FilterSpec(straits=("Tsugaru",)), lambda f: f["strait"] == "Tsugaru"),
    "no strait": (FilterSpec(straits=("none",)), lambda f: f["strait"] == ""),
    "Tsugaru or Soya": (FilterSpec(straits=("Tsugaru", "Soya")), lambda f: f["strait"].isin(["Tsugaru", "Soya"])),
    "2022": (FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31)), in_2022),
    # a sea is where the point lies or any sea the report names ("Sea of Japan and the Sea of Okhotsk")
    "Okhotsk": (FilterSpec(seas=("Sea of Okhotsk",)), lambda f: (f["sea_area"] == "Sea of Okhotsk")
                | f["named_seas"].map(lambda named: "Sea of Okhotsk" in named)),
    "sea not stated": (FilterSpec(seas=("not stated",)),
                       lambda f: (f["sea_area"] == "") & (f["named_seas"].map(len) == 0)),
    "amphibious or intelligence": (FilterSpec(ship_types=("Amphibious", "Intelligence")),
                                   names_match("landing|intelligence")),
    "amphibious": (FilterSpec(ship_types=("Amphibious",)), names_match("landing")),
    "exercise or detection": (FilterSpec(activities=("exercise", "detection")),
                              lambda f: f["activity"].str.startswith(("exercise", "detection"))),
    "contiguous zone": (FilterSpec(activities=("contiguous-zone navigation",)), lambda f: f["activity"].isin(
        ["contiguous-zone navigation", "intelligence gathering / contiguous-zone navigation"])),
    "with Chinese ships": (FilterSpec(chinese="yes"), lambda f: f["with_chinese_ships"]),
    "without Chinese ships": (FilterSpec(chinese="no"), lambda f: ~f["with_chinese_ships"]),
    "search UDALOY": (FilterSpec(search="UDALOY"), searched("udaloy")),
    "search Udaloy": (FilterSpec(search="Udaloy"), searched("udaloy")),
    "search 548": (FilterSpec(search="548"), searched("548")),
    "hull 548": (FilterSpec(hulls=("548",)), has_hull("548")),
    "hull 011 or 548": (FilterSpec(hulls=("011", "548")), has_hull("011", "548")),
    "2022 Tsugaru landing ships": (FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31), straits=("Tsugaru",),
                                              ship_types=("Amphibious",)),
                                   lambda f: in_2022(f) & (f["strait"] == "Tsugaru") & names_match("landing")(f)),
    "Chinese in the Sea of Japan": (FilterSpec(chinese="yes", seas=("Sea of Japan",)),
                                    lambda f: f["with_chinese_ships"] & (f["sea_area"] == "Sea of Japan")),
    "Tsushima, hull 011, transit": (FilterSpec(straits=("Tsushima",), hulls=("011",), activities=("transit",)),
                                    lambda f: (f["strait"] == "Tsushima") & has_hull("011")(f)
                                    & f["activity"].str.startswith("transit")),
}


@pytest.mark.parametrize("case", CASES)
def test_filter001_exact_rows(sightings, case):
    spec, expected = CASES[case]
    want = sightings[expected(sightings).to_numpy(dtype=bool)]
    assert 0 < len(want) < len(sightings), "the case must select some rows, not all"
    assert apply_filters(sightings, spec)["id"].tolist() == want["id"].tolist()


def test_filter002_or_is_not_and(sightings):
    """Two ship types give rows with either (some rows list a landing ship and no intelligence ship, and back)."""
    both = apply_filters(sightings, FilterSpec(ship_types=("Amphibious", "Intelligence")))
    alone = [set(apply_filters(sightings, FilterSpec(ship_types=(t,)))["id"]) for t in ("Amphibious", "Intelligence")]
    assert alone[0] - alone[1] and alone[1] - alone[0]
    assert set(both["id"]) == alone[0] | alone[1]


def test_filter003_a_date_range_holds_both_of_its_days(sightings):
    """The range is inclusive at both ends (literal cases on the frozen fixture: test_frozen_filters);
    here, for every strait, a day range equals the plain date mask over the record."""
    for strait in STRAITS:
        spec = FilterSpec(start=D(2022, 3, 15), end=D(2022, 3, 17), straits=(strait,))
        want = sightings[(sightings["strait"] == strait)
                         & sightings["event_date"].between(pd.Timestamp("2022-03-15"), pd.Timestamp("2022-03-17"))]
        assert apply_filters(sightings, spec)["id"].tolist() == want["id"].tolist(), strait


def test_filter004_counts_ignore_their_own_selection(sightings):
    """With Tsugaru chosen, the strait options still count every strait (in 2022, Chinese ships aside)."""
    spec = FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31), straits=("Tsugaru",), chinese="no")
    window = sightings[in_2022(sightings) & ~sightings["with_chinese_ships"]]
    want = window["strait"].replace("", "none").value_counts()
    counts = facet_counts(sightings, spec, "straits")
    assert {k: v for k, v in counts.items() if v} == want.to_dict()
    assert len(want) > 1


def test_filter005_ship_type_counts_with_a_type_chosen(sightings):
    spec = FilterSpec(ship_types=("Amphibious",), straits=("Soya",))
    soya = sightings[sightings["strait"] == "Soya"]
    counts = facet_counts(sightings, spec, "ship_types")
    assert counts["Intelligence"] == names_match("intelligence")(soya).sum() > 0
    assert counts["Mine warfare"] == names_match("minesweeper")(soya).sum()


def test_filter006_hull_counts_with_a_hull_chosen(sightings):
    spec = FilterSpec(hulls=("548",), straits=("Tsushima",))
    tsushima = sightings[sightings["strait"] == "Tsushima"]
    want = Counter(h for hulls in tsushima["hull_numbers"] for h in hulls)
    assert facet_counts(sightings, spec, "hulls") == dict(want) and len(want) > 1


def test_filter020_all_counts_at_once_leave_out_only_their_own_facet(sightings):
    """One pass gives every counted control its numbers, each with the other filters applied."""
    spec = FilterSpec(straits=("Tsugaru",), chinese="yes")
    counts = all_facet_counts(sightings, spec)
    tsugaru = sightings[sightings["strait"] == "Tsugaru"]
    joint = sightings[sightings["with_chinese_ships"]]
    both = tsugaru[tsugaru["with_chinese_ships"]]
    assert set(counts) == {facet.field for facet in COUNTED}
    assert counts["chinese"] == {"any": len(tsugaru), "yes": len(both), "no": len(tsugaru) - len(both)}
    assert {k: v for k, v in counts["straits"].items() if v} == joint["strait"].replace("", "none").value_counts().to_dict()
    assert counts["primary"] == {"1": int(both["source_urls"].map(is_primary).sum())}
    assert 0 < len(both) < len(tsugaru) and len(joint["strait"].unique()) > 1


def test_filter007_hull_is_an_exact_item(sightings):
    """"011" is a hull as written; "11" is not an option and selects nothing."""
    assert "011" in options(sightings)["hulls"] and "11" not in options(sightings)["hulls"]
    assert FilterSpec.clean(options(sightings), hulls=["11", "011"]) == FilterSpec(hulls=("011",))
    assert apply_filters(sightings, FilterSpec(hulls=("11",))).empty
    assert spec_from_query("?hull=548&hull=011", options(sightings)) == FilterSpec(hulls=("548", "011"))


@pytest.fixture(scope="module")
def imported():
    """The dataset as if an import had added a Nemuro row and two Joint Staff releases."""
    from sightings.store import read_sightings
    raw = read_sightings()
    raw.loc[0, "strait"] = "Nemuro"
    raw.at[1, "source_urls"] = [RELEASE, *raw.at[1, "source_urls"]]
    raw.at[2, "source_urls"] = [RELEASE]
    raw.at[2, "source_names"] = ["Joint Staff Office"]
    return raw, pipeline.prepare(raw)


def test_filter008_an_imported_nemuro_row_can_be_selected(imported):
    raw, frame = imported
    nemuro = raw.loc[0, "id"]
    spec = spec_from_query("?strait=Nemuro", options(frame))
    assert spec == FilterSpec(straits=("Nemuro",))
    assert apply_filters(frame, spec)["id"].tolist() == [nemuro]
    assert nemuro not in set(apply_filters(frame, FilterSpec(straits=("none",)))["id"])
    counts = facet_counts(frame, FilterSpec(), "straits")
    assert sum(counts.get(option, 0) for option in options(frame)["straits"]) == len(frame)


def test_filter009_primary_source_only(imported):
    raw, frame = imported
    want = raw.loc[raw["source_urls"].map(is_primary), "id"]
    spec = spec_from_query("?primary=1", options(frame))
    assert spec == FilterSpec(primary=True)
    assert set(apply_filters(frame, spec)["id"]) == set(want)
    assert facet_counts(frame, FilterSpec(straits=("Nemuro",)), "primary") == {"1": 0}
    assert facet_counts(frame, FilterSpec(primary=True), "primary") == {"1": len(want)}


def test_filter010_every_schema_strait_has_an_option_a_colour_and_a_label_point(app_data):
    from geo.layers import load_layer
    layer_straits = set(load_layer("straits", display=True)["strait"])
    for strait in STRAITS:
        assert strait in app_data.options["straits"], strait
        assert strait in LANE_COLOURS, strait
        assert strait in STRAIT_LABEL_POINTS and strait in layer_straits, strait
    assert len(set(LANE_COLOURS.values())) == len(LANE_COLOURS)


@pytest.mark.parametrize(("values", "expected"), [
    ({"straits": ["../../etc/passwd", "Tsugaru"]}, FilterSpec(straits=("Tsugaru",))),
    ({"start": "9999-99-99", "end": "2022-02-30"}, FilterSpec()),
    ({"straits": ["Soya"] * 10_000}, FilterSpec(straits=("Soya",))),
    ({"start": "2023-01-01", "end": "2022-01-01"}, FilterSpec(start=D(2022, 1, 1), end=D(2023, 1, 1))),
    ({"chinese": "maybe", "search": 42}, FilterSpec()),
    ({"seas": {"$ne": 1}}, FilterSpec()),
    ({"primary": ["yes"], "hulls": "548"}, FilterSpec(hulls=("548",))),
    ({"primary": ["1"], "search": "  Udaloy   I " + "x" * 200}, FilterSpec(primary=True, search="Udaloy I " + "x" * 71)),
])
def test_filter011_clean_drops_unknown_values(app_data, values, expected):
    assert FilterSpec.clean(app_data.options, **values) == expected


@pytest.mark.parametrize(("spec", "sentence"), [
    (FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31), straits=("Tsugaru", "Soya")),
     r"^\d+ sightings, \d+ ship-sightings( \(\d+ sightings? without a ship count\))?, 1 Jan - 31 Dec 2022, "
     r"Tsugaru or Soya straits, data current to \d{1,2} [A-Z][a-z]{2} \d{4}$"),
    (FilterSpec(start=D(2022, 3, 15), end=D(2022, 3, 17), straits=("Tsugaru",)),
     r"^\d+ sightings?, \d+ ship-sightings?( \(\d+ sightings? without a ship count\))?, 15 Mar - 17 Mar 2022, "
     r"Tsugaru Strait, data current to \d{1,2} [A-Z][a-z]{2} \d{4}$"),
    (FilterSpec(start=D(2022, 2, 15), end=D(2022, 2, 15), chinese="no"),
     r"^\d+ sightings?, \d+ ship-sightings?( \(\d+ sightings? without a ship count\))?, 15 Feb 2022, "
     r"without Chinese ships, data current to \d{1,2} [A-Z][a-z]{2} \d{4}$"),
    (FilterSpec(straits=("none", "Soya"), hulls=("548",)), r"^\d+ sightings?, .*, Soya Strait or no strait, hull 548, data current to \d{1,2} [A-Z][a-z]{2} \d{4}$"),
    (FilterSpec(hulls=("011", "548"), search="udaloy"), r", matching “udaloy”, hulls 011 or 548, data current to \d{1,2} [A-Z][a-z]{2} \d{4}$"),
    (FilterSpec(start=D(1999, 1, 1), end=D(1999, 12, 31)), r"^No sightings match these filters\. Data current to \d{1,2} [A-Z][a-z]{2} \d{4}\.$"),
])
def test_filter012_summary_sentence(app_data, spec, sentence):
    sightings = app_data.sightings
    assert re.search(sentence, summary(apply_filters(sightings, spec), spec, app_data.current_to))


def test_filter013_summary_says_primary_source(imported):
    _, frame = imported
    assert summary(apply_filters(frame, FilterSpec(primary=True)), FilterSpec(primary=True)).endswith(
        ", from Joint Staff releases")


def test_filter014_date_span_across_years():
    assert date_span(D(2021, 11, 3), D(2022, 1, 2)) == "3 Nov 2021 - 2 Jan 2022"


@pytest.mark.parametrize(("spec", "query"), [
    (FilterSpec(), ""),
    (FilterSpec(start=D(2022, 1, 1), end=D(2022, 12, 31), straits=("Tsugaru", "none")),
     "?from=2022-01-01&to=2022-12-31&strait=Tsugaru&strait=none"),
    (FilterSpec(seas=("Sea of Japan",), ship_types=("Amphibious", "Intelligence"), activities=("transit",),
                chinese="yes", search="Udaloy & <b>"),
     "?sea=Sea+of+Japan&type=Amphibious&type=Intelligence&q=Udaloy+%26+%3Cb%3E&activity=transit&chinese=yes"),
    (FilterSpec(hulls=("548", "011"), primary=True), "?hull=548&hull=011&primary=1"),
])
def test_filter015_url_round_trip(app_data, spec, query):
    assert spec_to_query(spec) == query
    assert spec_from_query(query, app_data.options) == spec


@pytest.mark.parametrize("spec", [
    FilterSpec(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31), straits=("Tsugaru",)),
    FilterSpec(start=dt.date(2021, 6, 1)), FilterSpec(end=dt.date(2019, 12, 31), straits=("none",)),
    FilterSpec(start=dt.date(2030, 1, 1)),
])
def test_filter016_window_binary_search_equals_a_full_scan(sightings, spec):
    """Date-ordered rows are cut by binary search; shuffled rows by comparing every date: same rows."""
    shuffled = sightings.sample(frac=1.0, random_state=4)
    assert not shuffled["event_date"].is_monotonic_increasing
    assert set(apply_filters(sightings, spec)["id"]) == set(apply_filters(shuffled, spec)["id"])
    expected = sightings[(sightings["event_date"] >= pd.Timestamp(spec.start or "1900-01-01"))
                         & (sightings["event_date"] <= pd.Timestamp(spec.end or "2100-01-01"))]
    if spec.straits:
        expected = expected[expected["strait"].replace("", "none").isin(spec.straits)]
    assert list(apply_filters(sightings, spec)["id"]) == list(expected["id"])


@pytest.mark.parametrize(("name", "today", "expected"), [
    ("last-12-months", D(2024, 2, 29), (D(2023, 3, 1), D(2024, 2, 29))),     # no 29 Feb 2023
    ("last-12-months", D(2025, 2, 28), (D(2024, 2, 29), D(2025, 2, 28))),
    ("last-12-months", D(2023, 12, 31), (D(2023, 1, 1), D(2023, 12, 31))),
    ("last-12-months", D(2024, 1, 1), (D(2023, 1, 2), D(2024, 1, 1))),
    ("last-12-months", D(2024, 3, 1), (D(2023, 3, 2), D(2024, 3, 1))),
    ("2022", D(2024, 2, 29), (D(2022, 1, 1), D(2022, 12, 31))),
    ("2022", D(2031, 12, 31), (D(2022, 1, 1), D(2022, 12, 31))),
    ("all", D(2024, 2, 29), (None, None)),
])
def test_filter017_preset_range(name, today, expected):
    assert preset_range(name, today) == expected


def test_filter018_unknown_preset_names_the_choices():
    with pytest.raises(ValueError, match="unknown preset 'last-week'; expected one of all, 2022, last-12-months"):
        preset_range("last-week", D(2024, 2, 29))


def test_filter019_every_facet_has_its_own_parameter_and_control():
    assert len({f.param for f in FACETS} | {"from", "to"}) == len(FACETS) + 2
    assert len({f.control for f in FACETS}) == len({f.field for f in FACETS}) == len(FACETS)
