"""Plausibility flags (issue 25 item 6): an implied speed over 32 kn to a linked sighting, a report
more than ten days late with no reason stated, a position naming only an area; filterable with
``?flag=`` and shown as a "Checks" line in the details.

Hand-made rows with literal answers; the shipped data only for invariants.
"""

import pandas as pd
import pytest

from dashboard.details import details_panel
from dashboard.filters import FilterSpec, apply_filters, facet_counts, summary
from dashboard.urlstate import spec_from_query, spec_to_query
from sightings import pipeline
from sightings.plausibility import FLAGS, plausibility

BASE = {"event_time": "", "lat": 40.0, "lon": 140.0, "notes": "", "position_kind": "derived", "voyage_id": "",
        "report_date": None}


def rows(*given: dict) -> pd.DataFrame:
    frame = pd.DataFrame([{**BASE, **row} for row in given])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["report_date"] = pd.to_datetime(frame["report_date"])
    return frame


ROWS = rows(
    # voyage v-a: a and b are 2 hours and about 555 km apart (far beyond 32 kn); c has no point
    {"id": "a", "voyage_id": "v-a", "event_date": "2026-07-01", "event_time": "10:00", "lat": 40.0, "lon": 140.0,
     "report_date": "2026-07-02"},
    {"id": "c", "voyage_id": "v-a", "event_date": "2026-07-01", "event_time": "11:00", "lat": None, "lon": None,
     "report_date": "2026-07-02", "position_kind": "unlocated"},
    {"id": "b", "voyage_id": "v-a", "event_date": "2026-07-01", "event_time": "12:00", "lat": 45.0, "lon": 140.0,
     "report_date": "2026-07-02"},
    # voyage v-d: two days for 1 degree of latitude, slow
    {"id": "d", "voyage_id": "v-d", "event_date": "2026-07-01", "lat": 38.0, "lon": 135.0, "report_date": "2026-07-01"},
    {"id": "e", "voyage_id": "v-d", "event_date": "2026-07-03", "lat": 39.0, "lon": 135.0, "report_date": "2026-07-14"},
    # late reports: 11 days, no reason / with a reason / exactly 10 days / no report date
    {"id": "f", "voyage_id": "v-f", "event_date": "2026-06-01", "report_date": "2026-06-12"},
    {"id": "g", "voyage_id": "v-g", "event_date": "2026-06-01", "report_date": "2026-06-12",
     "notes": "Background in the release of 12 Jun: the same ships went east on 1 Jun."},
    {"id": "h", "voyage_id": "v-h", "event_date": "2026-06-01", "report_date": "2026-06-11"},
    {"id": "i", "voyage_id": "v-i", "event_date": "2026-06-01", "report_date": None},
    # an area only, reported late too
    {"id": "j", "voyage_id": "v-j", "event_date": "2026-05-01", "report_date": "2026-05-31", "position_kind": "area"},
)


def test_plaus01_flag_codes_per_row():
    flags = dict(zip(ROWS["id"], plausibility(ROWS)["check_flags"], strict=True))
    assert flags == {"a": ["fast-link"], "c": [], "b": ["fast-link"], "d": [], "e": ["late-report"],
                     "f": ["late-report"], "g": [], "h": [], "i": [], "j": ["late-report", "area-only"]}


def test_plaus02_sentences_name_the_linked_sighting_and_the_delay():
    checks = dict(zip(ROWS["id"], plausibility(ROWS)["checks"], strict=True))
    # 5 degrees of latitude at 40-45 N is about 555 km; less the 50 km position error, over 2 h:
    # (555 - 50) / 1.852 / 2 = 136 kn
    assert checks["a"] == ["implied speed 136 kn to linked sighting b (over 32 kn)"]
    assert checks["b"] == ["implied speed 136 kn to linked sighting a (over 32 kn)"]
    assert checks["e"] == ["reported 11 days after the event, no reason stated"]
    assert checks["j"] == ["reported 30 days after the event, no reason stated", "position names only an area"]


def test_plaus03_keeps_the_frame_index():
    shuffled = ROWS.set_axis([10 * k for k in range(len(ROWS))]).iloc[::-1]
    got = plausibility(shuffled)
    assert got.index.tolist() == shuffled.index.tolist()
    assert got.loc[0, "check_flags"] == ["fast-link"] and got.loc[90, "check_flags"] == ["late-report", "area-only"]


FACET_DEFAULTS = {"ships": 1, "strait": "", "sea_area": "", "named_seas": [], "hull_numbers": [], "ship_types": [],
                  "vessels": [], "chinese_vessels": [], "activity": "transit", "with_chinese_ships": False,
                  "source_urls": ["https://example.org/report"], "date_basis": "stated"}


@pytest.fixture(scope="module")
def faceted():
    frame = ROWS.assign(**{k: [v] * len(ROWS) for k, v in FACET_DEFAULTS.items()})
    return pipeline.add_facets(pipeline.with_checks(frame))


@pytest.mark.parametrize(("flags", "ids"), [
    (("fast-link",), ["a", "b"]),
    (("late-report",), ["j", "f", "e"]),
    (("area-only",), ["j"]),
    (("area-only", "fast-link"), ["j", "a", "b"]),
])
def test_plaus04_flag_filter_rows(faceted, flags, ids):
    """Rows come out in date order (j in May, f in June, then July)."""
    assert apply_filters(faceted, FilterSpec(flags=flags))["id"].tolist() == ids


def test_plaus05_flag_counts_and_sentence(faceted):
    assert facet_counts(faceted, FilterSpec(), "flags") == {"fast-link": 2, "late-report": 3, "area-only": 1}
    spec = FilterSpec(flags=("area-only",))
    assert summary(apply_filters(faceted, spec), spec).endswith("flagged: position names only an area")


def test_plaus06_flag_in_the_url():
    options = {"flags": tuple(FLAGS)}
    assert spec_from_query("?flag=late-report&flag=bogus", options).flags == ("late-report",)
    assert spec_to_query(FilterSpec(flags=("fast-link", "area-only"))) == "?flag=fast-link&flag=area-only"


def _texts(component) -> list[str]:
    children = getattr(component, "children", None)
    found = [children] if isinstance(children, str) else []
    for child in children if isinstance(children, list) else []:
        found += _texts(child)
    return found


def test_plaus07_details_show_the_checks_line(sightings):
    row = sightings.iloc[0].copy()
    row["checks"] = ["reported 11 days after the event, no reason stated", "position names only an area"]
    shown = [p.children for p in details_panel(row) if getattr(p, "className", "") == "details-checks"]
    assert shown == ["Checks: reported 11 days after the event, no reason stated; position names only an area"]
    row["checks"] = []
    assert [p.children for p in details_panel(row) if getattr(p, "className", "") == "details-checks"] == \
        ["Checks: none raised"]


def test_plaus08_live_invariants(sightings):
    """On the shipped data: every code known, a sentence per flag, every area-only position flagged,
    and no stored voyage leg faster than a ship (the linker refuses such links)."""
    assert sightings["check_flags"].map(lambda codes: set(codes) <= set(FLAGS)).all()
    assert (sightings["checks"].map(len) >= sightings["check_flags"].map(len)).all()
    area = sightings["position_kind"] == "area"
    assert sightings.loc[area, "check_flags"].map(lambda codes: "area-only" in codes).all()
    assert not sightings.loc[~area, "check_flags"].map(lambda codes: "area-only" in codes).any()
    assert not sightings["check_flags"].map(lambda codes: "fast-link" in codes).any()
