"""A release's passages and ship entries in English, written out (mutants of sightings/ingest.py)."""

import pytest

from sightings.ingest import _passage, _vessels
from sightings.jso import Ship


@pytest.mark.parametrize("passage_ja, expected", [
    ("", ("", "")),
    ("対馬海峡", ("Tsushima", "through the Tsushima Strait")),
    ("宗谷海峡", ("Soya", "through the Soya Strait")),
    ("与那国島と西表島の間", ("Yonaguni", "between Yonaguni Island and Iriomote Island")),
    ("沖縄本島と宮古島の間", ("Miyako", "between Okinawa Island and Miyako Island")),
    ("トカラ海峡", ("", "through a passage named in the release (see location_text_ja)")),
])
def test_ingest_rows_mutant001_passages_in_english(passage_ja, expected):
    assert _passage(passage_ja) == expected


def test_ingest_rows_mutant002_ship_entries_keep_class_and_hull_paired():
    ships = [Ship("russia", "ウダロイⅠ級駆逐艦", 3, ("548",)), Ship("russia", "ウダロイⅠ級駆逐艦", 1, ()),
             Ship("russia", "ステレグシチー級フリゲート", 2, ("333", "335"))]
    assert _vessels(ships) == ["Udaloy I-class destroyer (548)", "Udaloy I-class destroyer x2",
                               "Udaloy I-class destroyer", "Steregushchiy-class frigate (333)",
                               "Steregushchiy-class frigate (335)"]
