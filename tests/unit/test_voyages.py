"""Voyages that hold up (issue 18, point 1): links only where the record says so, never between
different ships, never faster than a ship, each with its reason; and the shipped voyages obey it."""

import datetime as dt

import pandas as pd
import pytest
from pyproj import Geod

from sightings.curate import SOURCES, curate
from sightings.voyages import format_reference, hulls_disjoint, link_voyages, parse_reference

GEOD = Geod(ellps="WGS84")
RELEASE = "https://www.mod.go.jp/js/pdf/2026/{}.pdf"


def row(id_, date, time="", strait="", direction="", hulls=(), same_as=(), at=(None, None), ja="", release=""):
    """One hand-made sighting with only what the linker reads."""
    return {"id": id_, "event_date": pd.Timestamp(date), "event_time": time, "strait": strait, "direction": direction,
            "hull_numbers": list(hulls), "same_as": list(same_as), "lat": at[0], "lon": at[1],
            "location_text_ja": ja, "source_urls": [RELEASE.format(release)] if release else ["https://example.org/n"]}


def voyages(*rows) -> list[str]:
    return link_voyages(pd.DataFrame(list(rows)))["voyage_id"].tolist()


def links(*rows) -> list[list[str]]:
    return link_voyages(pd.DataFrame(list(rows)))["voyage_link"].tolist()


def north_of(start: tuple[float, float], km: float) -> tuple[float, float]:
    lon, lat, _ = GEOD.fwd(start[1], start[0], 0.0, km * 1000)
    return lat, lon


# The July 2026 case of the issue: frigate 343 south through Miyako, then south-west of
# Okinotorishima; a Kilo and a Belousov the same day off Iriomote, through the Yonaguni gap.
F1 = row("f1", "2026-07-16", "02:00", "Miyako", "south, toward the Pacific Ocean", ["343"], at=(25.774, 126.149),
         release="p20260716_02")
KILO = row("kilo", "2026-07-19", "09:00", "Yonaguni", "southwest, toward the Pacific Ocean", [], at=(24.791, 123.810),
           ja="西表島（沖縄県）の北約５０ｋｍの海域において、同海域を南進するロシア海軍キロ改級潜水艦",
           release="p20260721_04")
F2 = row("f2", "2026-07-19", "02:00", "", "northeast", ["343"], at=(18.301, 133.883),
         ja="沖ノ鳥島（東京都）の南西約３３０ｋｍの海域において、同海域を北東進する", release="p20260720_01")
F3 = row("f3", "2026-07-21", "06:00", "", "northeast", ["343"],
         ["2026-07-16 Miyako south", "2026-07-19 沖ノ鳥島の南西の海域 northeast"], at=(23.145, 142.636),
         release="p20260721_06")


def test_truth01_a_reference_naming_no_strait_links_only_the_waters_it_names():
    # main linked f3's "2026-07-19 <waters SW of Okinotorishima>" to any row of that day: the Kilo too
    assert voyages(F1, KILO, F2, F3) == ["v-f1", "v-kilo", "v-f1", "v-f1"]


def test_truth01_a_reference_to_named_waters_matches_those_waters_only():
    okinotori = row("o1", "2026-07-19", "02:00", "", "northeast", ja="沖ノ鳥島（東京都）の南西約３３０ｋｍの海域において")
    daito = row("o2", "2026-07-19", "05:00", "", "northeast", ja="南大東島（沖縄県）の東約１００ｋｍの海域において")
    new = row("n", "2026-07-21", "06:00", "", "northeast", same_as=["2026-07-19 沖ノ鳥島の南西の海域 northeast"])
    assert voyages(okinotori, daito, new) == ["v-o1", "v-o2", "v-o1"]


def test_truth01_each_link_keeps_its_reason():
    assert links(F1, KILO, F2, F3) == [
        [], [],
        ["with f1: hull 343 in both"],
        ["with f1: p20260721_06 says same as the 16 Jul 2026 Miyako passage heading south",
         "with f2: p20260721_06 says same as the 19 Jul 2026 movement heading northeast",
         "with f2: hull 343 in both"],
    ]


def test_truth01_a_reference_must_match_the_heading():
    # the release says "the ships that went south-west through Tsushima": not the ones going north-east
    old = row("old", "2026-03-05", "", "Tsushima", "northeast, toward the Sea of Japan")
    new = row("new", "2026-03-09", "16:00", "Yonaguni", "southwest", ["335"], ["2026-03-05/2026-03-06 Tsushima southwest"])
    assert voyages(old, new) == ["v-old", "v-new"]
    went_southwest = {**old, "direction": "southwest, toward the East China Sea"}
    assert voyages(went_southwest, new) == ["v-old", "v-old"]


def test_truth01_a_hull_less_row_never_joins_two_different_ships():
    a = row("a", "2026-07-01", "13:00", "Tsushima", "southwest", ["333"], at=(34.862, 129.874))
    middle = row("m", "2026-07-05", "", "Yonaguni", "southwest", [], ["2026-07-01 Tsushima southwest"], at=(24.791, 123.810))
    b = row("b", "2026-07-08", "", "Yonaguni", "northeast", ["343"], ["2026-07-05 Yonaguni southwest"], at=(23.914, 122.989))
    assert voyages(a, middle, b) == ["v-a", "v-a", "v-b"]
    assert hulls_disjoint(["333"], ["343"]) and not hulls_disjoint([], ["343"]) and not hulls_disjoint(["1", "2"], ["2"])


def test_truth01_hull_numbers_link_within_two_weeks_and_never_disjoint_ones():
    # 543 leaves the 22 Jan group for Yonaguni on the 24th; 011 is seen on the 26th: two ships, two voyages
    frame = [row("a", "2024-01-22", strait="Tsushima", hulls=["011", "543"]), row("b", "2024-01-24", hulls=["543"]),
             row("c", "2024-01-26", hulls=["011"]), row("d", "2024-03-01", hulls=["011"]),
             row("e", "2024-01-23", hulls=["999"])]
    assert voyages(*frame) == ["v-a", "v-a", "v-c", "v-d", "v-e"]


def test_truth01_an_ambiguous_reference_links_only_the_row_sharing_a_hull_or_nothing():
    # two groups went south-west through Tsushima on 1 Jul; a release naming that passage
    cruiser = row("c", "2026-07-01", "13:00", "Tsushima", "southwest", ["011"])
    rescue = row("r", "2026-07-01", "16:00", "Tsushima", "southwest", [])
    back = row("x", "2026-07-15", "00:00", "Tsushima", "northeast", ["011"], ["2026-07-01/2026-07-02 Tsushima southwest"])
    unnamed = row("y", "2026-07-19", "09:00", "Yonaguni", "southwest", [], ["2026-07-01/2026-07-02 Tsushima southwest"])
    assert voyages(cruiser, rescue, back, unnamed) == ["v-c", "v-r", "v-c", "v-y"]


@pytest.mark.parametrize(("km", "linked"), [(1450.0, True), (1500.0, False)])
def test_truth01_no_link_faster_than_32_knots(km, linked):
    # both on one day, hour unknown: 24 h at most; (1450 - 50) km / 24 h = 31.5 kn, (1500 - 50) km / 24 h = 32.6 kn
    start = (30.0, 135.0)
    a = row("a", "2026-05-01", hulls=["335"], at=start)
    b = row("b", "2026-05-01", hulls=["335"], at=north_of(start, km))
    assert voyages(a, b) == (["v-a", "v-a"] if linked else ["v-a", "v-b"])


def test_truth01_a_reference_is_refused_when_the_ships_would_outrun_32_knots():
    a = row("a", "2026-03-09", "16:00", "Yonaguni", "southwest", ["335"], at=(24.659, 123.461))
    b = row("b", "2026-03-10", "", "Soya", "west", ["335"], ["2026-03-09 Yonaguni southwest"], at=(45.966, 142.575))
    assert voyages(a, b) == ["v-a", "v-b"]


def test_truth01_back_reference_links_across_a_year_boundary():
    old = row("old", "2025-10-03", "", "Tsushima", "southwest", ["543"])
    other = row("other", "2025-10-03", "", "Tsushima", "southwest", ["999"])
    new = row("new", "2026-03-15", "15:00", "Yonaguni", "northeast", ["543"], ["2025-10-03 Tsushima southwest"])
    assert voyages(old, other, new) == ["v-old", "v-other", "v-old"]


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-05/2026-03-06 Tsushima southwest",
     (dt.date(2026, 3, 5), dt.date(2026, 3, 6), "Tsushima", "Tsushima", "southwest")),
    ("2025-10-03 Yonaguni southwest", (dt.date(2025, 10, 3), dt.date(2025, 10, 3), "Yonaguni", "Yonaguni", "southwest")),
    ("2025-10-03 Izu Islands southwest", (dt.date(2025, 10, 3), dt.date(2025, 10, 3), "", "Izu Islands", "southwest")),
    ("2026-07-19 沖ノ鳥島の南西の海域 northeast",
     (dt.date(2026, 7, 19), dt.date(2026, 7, 19), "", "沖ノ鳥島の南西の海域", "northeast")),
    ("2026-07-19 Soya", (dt.date(2026, 7, 19), dt.date(2026, 7, 19), "Soya", "Soya", None)),
])
def test_voyage004_references_parse(text, expected):
    ref = parse_reference(text)
    assert (ref.first, ref.last, ref.strait, ref.place, ref.heading) == expected


def test_voyage005_reference_round_trip_and_bad_entry():
    assert format_reference(dt.date(2026, 3, 5), dt.date(2026, 3, 6), "Tsushima", "southwest") == \
        "2026-03-05/2026-03-06 Tsushima southwest"
    with pytest.raises(ValueError, match="is not 'YYYY-MM-DD"):
        parse_reference("last Tuesday in Soya")


@pytest.fixture(scope="module")
def built():
    return curate(SOURCES)[0]


def consecutive_knots(voyage: pd.DataFrame) -> list[tuple[str, str, float]]:
    """(earlier id, later id, knots) for each pair of consecutive located sightings, computed here:
    geodesic km less 50, over the start of the earlier day (or its hour) to the end of the later day
    (or its hour)."""
    seen = voyage[voyage["lat"].notna()].sort_values(["event_date", "event_time", "id"])
    hour = pd.to_timedelta(seen["event_time"].where(seen["event_time"] != "", "00:00") + ":00")
    start = seen["event_date"] + hour
    end = seen["event_date"] + hour.where(seen["event_time"] != "", pd.Timedelta(days=1))
    out = []
    for k in range(len(seen) - 1):
        a, b = seen.iloc[k], seen.iloc[k + 1]
        km = GEOD.inv(a["lon"], a["lat"], b["lon"], b["lat"])[2] / 1000 - 50
        hours = (end.iloc[k + 1] - start.iloc[k]).total_seconds() / 3600
        out.append((a["id"], b["id"], max(km, 0) / 1.852 / hours if hours > 0 else float("inf") if km > 0 else 0.0))
    return out


@pytest.mark.parametrize("source", ["shipped", "built"])
def test_truth01_every_voyage_is_possible(source, sightings, built):
    frame = sightings if source == "shipped" else built
    for voyage_id, voyage in frame.groupby("voyage_id"):
        hulls = [set(h) for h in voyage["hull_numbers"] if len(h)]
        apart = [(a, b) for k, a in enumerate(hulls) for b in hulls[k + 1:] if not a & b]
        assert not apart, f"{voyage_id} joins rows with disjoint hull lists {apart}"
        fast = [leg for leg in consecutive_knots(voyage) if leg[2] > 32]
        assert not fast, f"{voyage_id} implies more than 32 knots: {fast}"


def test_truth01_every_sighting_of_a_voyage_is_tied_to_it_by_a_stated_link(built):
    voyage_of = dict(zip(built["id"], built["voyage_id"], strict=True))
    first = built["voyage_id"] == "v-" + built["id"]
    assert (built.loc[first, "voyage_link"].map(len) == 0).all()
    named = set()
    for row_id, voyage_id, reasons in zip(built["id"], built["voyage_id"], built["voyage_link"], strict=True):
        for reason in reasons:
            other = reason.removeprefix("with ").split(":", 1)[0]
            assert voyage_of[other] == voyage_id, f"{row_id}: {reason!r} names a row of another voyage"
            named.add(other)
    silent = built[~first & (built["voyage_link"].map(len) == 0)]
    assert set(silent["id"]) <= named, "a sighting in a voyage with no link of its own and none naming it"
