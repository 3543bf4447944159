"""The "Copy summary" paragraph (dashboard.briefing.briefing_text) on the frozen fixture, with literal answers
worked out by hand from tests/fixtures/README.md."""

import datetime as dt

from dashboard.briefing import Citation, briefing_text, joint_movements
from dashboard.filters import FilterSpec


def test_frozen_briefing001_a_two_class_hull_reads_as_one_item_of_the_most_seen_list(frozen):
    """Hull 543 is written Udaloy I in fx-05 and Udaloy III in fx-21: its two classes must not be joined
    with "; ", the list's own separator, which would read as six ships where five are named.
    Sightings: 548 in fx-03, 04, 17, 25 (4); 333 and 335 in fx-01, 02, 18 (3); 011 (fx-09, 10) and 543
    (fx-05, 21), the first two hulls seen twice in hull-number order."""
    citation = Citation("s", "2025.11.1", dt.date(2026, 12, 7), dt.date(2025, 11, 7))
    text = briefing_text(frozen, FilterSpec(), citation, joint_movements(frozen))
    assert ("Most-seen ships (class as reported, hull number): Udaloy I-class destroyer 548 (4 sightings); "
            "Steregushchiy-class frigate 333 (3 sightings); Steregushchiy-class frigate 335 (3 sightings); "
            "Slava-class missile cruiser 011 (2 sightings); "
            "Udaloy I-class destroyer / Udaloy III-class destroyer 543 (2 sightings).") in text
