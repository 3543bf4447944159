"""Voyage links at their edges, reasons written out (mutants of sightings/voyages.py).

Rows carry no position unless stated, so no speed limit applies; hull links are at most 14
days apart; a back-reference's dates are matched with one day's slack either side.
"""

import datetime as dt

import pandas as pd
import pytest

from sightings.voyages import Reference, format_reference, hulls_disjoint, link_voyages, parse_reference

RELEASE = "https://www.mod.go.jp/js/pdf/2026/{}.pdf"


def row(id_, date, time="", strait="", direction="", hulls=(), same_as=(), at=(None, None), ja="", release=""):
    return {"id": id_, "event_date": pd.Timestamp(date), "event_time": time, "strait": strait, "direction": direction,
            "hull_numbers": list(hulls), "same_as": list(same_as), "lat": at[0], "lon": at[1],
            "location_text_ja": ja, "source_urls": [RELEASE.format(release)] if release else ["https://example.org/n"]}


def linked(*rows) -> list[tuple[str, list[str]]]:
    out = link_voyages(pd.DataFrame(list(rows)))
    return list(zip(out["voyage_id"].tolist(), out["voyage_link"].tolist(), strict=True))


def test_voyages_mutant001_hull_links_within_fourteen_days():
    assert linked(row("h1", "2022-01-01", hulls=["548"]), row("h2", "2022-01-15", hulls=["548"]),
                  row("h3", "2022-01-30", hulls=["548"])) == [
        ("v-h1", []), ("v-h1", ["with h1: hull 548 in both"]), ("v-h3", [])]


def test_voyages_mutant002_several_hulls_in_one_reason_and_the_earliest_names_the_voyage():
    assert linked(row("b", "2022-01-01", hulls=["548", "011"]), row("a", "2022-01-01", hulls=["011", "548", "7"])) == [
        ("v-a", ["with a: hulls 011, 548 in both"]), ("v-a", [])]


EARLIER = row("e", "2026-03-05", "10:00", "Tsushima", "southwest, toward the Sea of Japan", release="p20260305_01")


@pytest.mark.parametrize("entry, reason", [
    ("2026-03-06 Tsushima southwest", "p20260307_01 says same as the 6 Mar 2026 Tsushima passage heading southwest"),
    ("2026-03-04 Tsushima southwest", "p20260307_01 says same as the 4 Mar 2026 Tsushima passage heading southwest"),
    ("2026-03-04/2026-03-05 Tsushima southwest",
     "p20260307_01 says same as the 4 Mar 2026 - 5 Mar 2026 Tsushima passage heading southwest"),
    ("2026-03-03 Tsushima southwest", None),                 # two days off: not the same movement
    ("2026-03-07 Tsushima southwest", None),                 # the referring row's own day: no earlier row there
    ("2026-03-05 Tsushima northeast", None),                 # another heading
    ("2026-03-05 Soya southwest", None),                     # another strait
    ("2026-03-05 Tsushima", None),                           # no heading: not read
])
def test_voyages_mutant003_back_reference_dates_and_reason(entry, reason):
    later = row("r", "2026-03-07", "09:00", "", "northeast", same_as=[entry], release="p20260307_01")
    assert linked(EARLIER, later) == ([("v-e", []), ("v-e", [f"with e: {reason}"])] if reason else
                                      [("v-e", []), ("v-r", [])])


def test_voyages_mutant004_reference_to_named_waters_from_a_news_row():
    earlier = row("w", "2026-07-19", "02:00", "", "northeast",
                  ja="沖ノ鳥島（東京都）の南西約３３０ｋｍの海域において、同海域を北東進する")
    later = row("n", "2026-07-21", "06:00", "", "northeast", same_as=["2026-07-19 沖ノ鳥島の南西の海域 northeast"])
    other = row("o", "2026-07-19", "03:00", "", "northeast", ja="与那国島の南の海域")
    assert linked(earlier, other, later) == [
        ("v-w", []), ("v-o", []), ("v-w", ["with w: the report says same as the 19 Jul 2026 movement heading northeast"])]


def test_voyages_mutant005_an_ambiguous_reference_prefers_the_row_sharing_a_hull():
    one = row("a1", "2026-03-05", "", "Tsushima", "southwest", hulls=["111"])
    two = row("a2", "2026-03-05", "", "Tsushima", "southwest", hulls=["222"])
    three = row("a3", "2026-03-05", "", "Tsushima", "southwest")
    later = row("r", "2026-03-06", "", "", "north", hulls=["222"], same_as=["2026-03-05 Tsushima southwest"],
                release="p20260306_01")
    got = linked(one, two, three, later)
    assert got[3] == ("v-a2", ["with a2: p20260306_01 says same as the 5 Mar 2026 Tsushima passage heading southwest",
                               "with a2: hull 222 in both"])         # release links first, then hull links
    assert linked(three, dict(three, id="a4"), dict(later, hull_numbers=[]))[2] == ("v-r", [])   # two match: none


@pytest.mark.parametrize("text, expected", [
    ("2026-03-05/2026-03-06 Tsushima southwest",
     Reference(dt.date(2026, 3, 5), dt.date(2026, 3, 6), "Tsushima", "2026-03-05/2026-03-06 Tsushima southwest",
               "Tsushima", "southwest")),
    ("  2026-03-05 Tsushima Strait east ",
     Reference(dt.date(2026, 3, 5), dt.date(2026, 3, 5), "Tsushima", "  2026-03-05 Tsushima Strait east ",
               "Tsushima Strait", "east")),
    ("2026-03-05 Tsushima", Reference(dt.date(2026, 3, 5), dt.date(2026, 3, 5), "Tsushima", "2026-03-05 Tsushima",
                                      "Tsushima", None)),
    ("2026-03-05 Soyamaru toward", Reference(dt.date(2026, 3, 5), dt.date(2026, 3, 5), "",
                                             "2026-03-05 Soyamaru toward", "Soyamaru toward", None)),
])
def test_voyages_mutant006_parse_reference(text, expected):
    assert parse_reference(text) == expected


def test_voyages_mutant007_format_reference_and_disjoint_hulls():
    day, next_day = dt.date(2026, 3, 5), dt.date(2026, 3, 6)
    assert format_reference(day, None, "Tsushima", "southwest") == "2026-03-05 Tsushima southwest"
    assert format_reference(day, day, "Tsushima", "") == "2026-03-05 Tsushima"
    assert format_reference(day, next_day, "", "east") == "2026-03-05/2026-03-06 east"
    assert hulls_disjoint({"1"}, {"2"}) is True and hulls_disjoint(set(), {"2"}) is False
    assert hulls_disjoint({"1"}, set()) is False and hulls_disjoint({"1", "2"}, {"2"}) is False


def north(km: float) -> tuple[float, float]:
    """A point ``km`` north of (30, 140) along the meridian (1 degree of latitude is about 110.9 km there)."""
    return 30.0 + km / 110.9, 140.0


def test_voyages_mutant008_a_link_faster_than_a_ship_is_refused_and_gives_no_reason():
    early = row("x", "2026-03-05", "10:00", hulls=["548"], at=north(0))
    late = row("y", "2026-03-05", "12:00", hulls=["548"], at=north(200))      # 150 km over 2 hours: 40 knots
    assert linked(early, late) == [("v-x", []), ("v-y", [])]
    slow = row("y", "2026-03-05", "20:00", hulls=["548"], at=north(200))      # over 10 hours: 8 knots
    assert linked(early, slow) == [("v-x", []), ("v-x", ["with x: hull 548 in both"])]


def test_voyages_mutant009_speeds_are_checked_in_time_order_not_row_order():
    a = row("a", "2026-03-01", hulls=["548"], at=north(0))
    b = row("b", "2026-03-03", hulls=["548"], at=north(220))
    c = row("c", "2026-03-02", hulls=["548"], at=north(110))
    assert [voyage for voyage, _ in linked(a, b, c)] == ["v-a", "v-a", "v-a"]


def test_voyages_mutant010_named_waters_read_without_asides_and_a_voyage_keeps_the_index():
    earlier = row("w", "2026-07-19", "02:00", "", "northeast", ja="沖ノ鳥島の南西の海域において")
    later = row("n", "2026-07-21", "06:00", "", "northeast", same_as=["2026-07-19 沖ノ鳥島（東京都）の南西の海域 northeast"])
    out = link_voyages(pd.DataFrame([earlier, later], index=[10, 11]))
    assert out.index.tolist() == [10, 11] and out["voyage_id"].tolist() == ["v-w", "v-w"]


@pytest.mark.parametrize("text, place, heading", [
    ("2026-03-05 east", "east", None),                       # one word: a place, never read as a heading
    ("2026-03-05 Tsushima\tsouthwest", "Tsushima\tsouthwest", None),   # only a space parts the heading
])
def test_voyages_mutant011_the_heading_is_the_last_space_parted_word(text, place, heading):
    reference = parse_reference(text)
    assert (reference.place, reference.heading) == (place, heading)


@pytest.mark.parametrize("urls, name", [
    (["https://example.org/n", "https://www.mod.go.jp/js/pdf/2026/p20260307_01.pdf"], "p20260307_01"),
    (["https://www.mod.go.jp/js/pdf/2026/p20260307_01/"], "p20260307_01"),          # a trailing slash
    (["https://www.mod.go.jp/js/pdf/2026/p2026.0307.pdf"], "p2026.0307"),           # only the last dot parts
    (["https://example.org/n"], "the report"),
])
def test_voyages_mutant012_a_release_is_named_by_its_file(urls, name):
    from sightings.voyages import _release_name
    assert _release_name(urls) == name


def test_voyages_mutant013_an_entry_without_heading_does_not_stop_the_next():
    later = row("r", "2026-03-07", "09:00", "", "northeast", release="p20260307_01",
                same_as=["2026-03-06 Tsushima", "2026-03-06 Tsushima southwest"])
    assert linked(EARLIER, later)[1][0] == "v-e"


def test_voyages_mutant014_a_candidate_of_other_ships_does_not_make_a_reference_ambiguous():
    other_ships = row("a1", "2026-03-05", "", "Tsushima", "southwest", hulls=["111"])
    unnamed = row("a3", "2026-03-05", "", "Tsushima", "southwest")
    later = row("r", "2026-03-06", "", "", "north", hulls=["222"], same_as=["2026-03-05 Tsushima southwest"])
    assert [voyage for voyage, _ in linked(other_ships, unnamed, later)] == ["v-a1", "v-a3", "v-a3"]
