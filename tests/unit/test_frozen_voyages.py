"""Voyage links on the frozen fixture (tests/fixtures/README.md), with literal answers.

The voyages below are worked out by hand from the rules of :mod:`sightings.voyages`: a shared
hull at most 14 days apart links two sightings, a release's back-reference links it to the one
earlier passage it names, and a link that would need more than 32 knots is refused.
"""

import pytest
from pyproj import Geod

from sightings.voyages import link_voyages

#: Each row's voyage, by hand: fx-01+02 (hulls 333, 335, 6 days), fx-03+04 (548, 1 day), fx-09+10
#: (011, 1 day), fx-13+14 (715, across New Year), fx-15+16 (fx-16's release names the 10 Jun 2025
#: Tsushima southwest passage); 548 in 2023 and 2025, 333/335 in 2023 and 2025 and 543 in 2023 and
#: 2025 are too far apart in time; fx-19/fx-20 (999) too far apart in space; the rest alone.
VOYAGES = {
    "fx-01": "v-fx-01", "fx-02": "v-fx-01", "fx-03": "v-fx-03", "fx-04": "v-fx-03", "fx-22": "v-fx-22",
    "fx-05": "v-fx-05", "fx-06": "v-fx-06", "fx-24": "v-fx-24", "fx-07": "v-fx-07", "fx-08": "v-fx-08",
    "fx-23": "v-fx-23", "fx-09": "v-fx-09", "fx-10": "v-fx-09", "fx-11": "v-fx-11", "fx-12": "v-fx-12",
    "fx-13": "v-fx-13", "fx-14": "v-fx-13", "fx-17": "v-fx-17", "fx-15": "v-fx-15", "fx-16": "v-fx-15",
    "fx-18": "v-fx-18", "fx-19": "v-fx-19", "fx-20": "v-fx-20", "fx-21": "v-fx-21", "fx-25": "v-fx-25",
}
#: Each link's reason, on its later row ("hulls" when two hulls are shared, sorted as text).
LINKS = {
    "fx-02": ["with fx-01: hulls 333, 335 in both"],
    "fx-04": ["with fx-03: hull 548 in both"],
    "fx-10": ["with fx-09: hull 011 in both"],
    "fx-14": ["with fx-13: hull 715 in both"],
    "fx-16": ["with fx-15: p20250612_01 says same as the 10 Jun 2025 Tsushima passage heading southwest"],
}


def _linked(frame):
    got = link_voyages(frame)
    return dict(zip(frame["id"], got["voyage_id"], strict=True)), dict(zip(frame["id"], got["voyage_link"], strict=True))


def test_frozen_voyages001_links_by_hull_and_by_release_reference(frozen_raw):
    voyages, links = _linked(frozen_raw)
    assert voyages == VOYAGES
    assert {row: reasons for row, reasons in links.items() if reasons} == LINKS


def test_frozen_voyages002_the_stored_voyages_are_the_hand_worked_ones(frozen):
    """The fixture's own voyage_id / voyage_link columns (what curate would store) say the same."""
    assert dict(zip(frozen["id"], frozen["voyage_id"], strict=True)) == VOYAGES
    assert {row: list(reasons) for row, reasons in zip(frozen["id"], frozen["voyage_link"], strict=True)
            if len(reasons)} == LINKS


def test_frozen_voyages003_a_link_faster_than_a_warship_is_refused_and_far_apart_hulls_stay_apart(frozen_raw):
    """fx-19 (45.70N 141.00E, 1 Sep 2025 12:00) and fx-20 (24.30N 123.20E, 2 Sep 12:00) share hull 999
    a day apart, but the geodesic is about 2,890 km: (2,890 - 50) km / 1.852 / 24 h is about 64 knots,
    over the 32-knot limit, so they stay two voyages (the distance below is pyproj's, not the code's)."""
    km = Geod(ellps="WGS84").inv(141.0, 45.7, 123.2, 24.3)[2] / 1000
    assert (km - 50) / 1.852 / 24 == pytest.approx(64, abs=1)               # the fixture's premise
    voyages, links = _linked(frozen_raw)
    assert voyages["fx-19"] != voyages["fx-20"] and links["fx-20"] == []
    assert len({voyages[i] for i in ("fx-03", "fx-17", "fx-25")}) == 3          # hull 548: 2023, May and Nov 2025
    assert voyages["fx-05"] != voyages["fx-21"]                                # hull 543: 2023 and 2025


def test_frozen_voyages004_a_back_reference_needs_its_heading_to_match(frozen_raw):
    """fx-16 names "2025-06-10 Tsushima southwest"; written "northeast" it names no earlier row
    (fx-15 went southwest) and, with no hull in common, fx-16 stays alone."""
    changed = frozen_raw.copy()
    row = changed.index[changed["id"] == "fx-16"][0]
    changed.at[row, "same_as"] = ["2025-06-10 Tsushima northeast"]
    voyages, links = _linked(changed)
    assert voyages["fx-16"] == "v-fx-16" and links["fx-16"] == []
    assert voyages["fx-15"] == "v-fx-15"


def test_frozen_voyages005_a_shared_hull_more_than_14_days_apart_is_no_link(frozen_raw):
    """Move fx-02 to 21 Mar 2023, 15 days after fx-01: the hulls no longer link them."""
    import pandas as pd
    changed = frozen_raw.copy()
    row = changed.index[changed["id"] == "fx-02"][0]
    changed.at[row, "event_date"] = pd.Timestamp("2023-03-21")
    voyages, _ = _linked(changed)
    assert voyages["fx-02"] == "v-fx-02"
    changed.at[row, "event_date"] = pd.Timestamp("2023-03-20")                 # 14 days: still linked
    voyages, _ = _linked(changed)
    assert voyages["fx-02"] == "v-fx-01"
