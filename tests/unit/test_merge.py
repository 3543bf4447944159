"""Merging release rows into news rows: one row per sighting, the release first, conflicts reported."""

import pandas as pd
import pytest

from sightings.merge import apply_decisions, match, merge_row, plan_merge
from sightings.schema import COLUMNS

RELEASE = "https://www.mod.go.jp/js/pdf/2026/p20260205_01.pdf"


def row(**cells) -> dict:
    """A typed sighting row with empty defaults."""
    base = {column: "" for column in COLUMNS}
    base.update({"ships": pd.NA, "lat": float("nan"), "lon": float("nan"), "with_chinese_ships": False,
                 "position_kind": "unlocated", "activity": "transit"})
    for column in ("ship_types", "hull_numbers", "vessels", "chinese_vessels", "observed_by", "same_as",
                   "source_urls", "source_names"):
        base[column] = []
    base.update(cells)
    for column in ("event_date", "report_date"):
        base[column] = pd.Timestamp(base[column] or base["event_date"])
    return base


NEWS = row(id="news-335", event_date="2026-02-04", report_date="2026-02-05", ships=1, strait="Tsugaru",
           ship_types=["Steregushchiy-class frigate"], hull_numbers=["335"], direction="west",
           location_text="about 50 km northeast of Cape Shiriya, Aomori, heading west; then west through the Tsugaru Strait",
           lat=41.75, lon=141.85, position_kind="derived",
           source_urls=["https://example.org/news"], source_names=["Example news"], notes="News note.")


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(COLUMNS))


def release(**cells) -> dict:
    base = dict(id="rel-1", event_date="2026-02-04", report_date="2026-02-05", ships=1, strait="Tsugaru",
                event_time="10:00", ship_types=["Steregushchiy-class frigate"], hull_numbers=["335"],
                vessels=["Steregushchiy-class frigate (335)"], direction="west, toward the Sea of Japan",
                location_text="about 50 km NE of Cape Shiriya (Aomori)", location_text_ja="…北東約５０ｋｍ…",
                lat=41.7, lon=141.8, position_kind="derived", observed_by=["第２航空群所属「Ｐ－３Ｃ」（八戸）"],
                source_urls=[RELEASE], source_names=["Joint Staff Office release p20260205_01 (Japanese)"])
    base.update(cells)
    return row(**base)


@pytest.mark.parametrize(("incoming", "expected"), [
    (release(), "news-335"),                                           # same passage, same day
    (release(event_date="2026-02-05"), "news-335"),                   # a day later: same passage
    (release(event_date="2026-02-07"), ""),                           # three days: a new sighting
    (release(strait="", event_date="2026-02-06"), "news-335"),        # hull in common within two days
    (release(strait="", event_date="2026-02-07"), ""),                # hull in common, three days apart
    (release(hull_numbers=["999"]), ""),                               # same strait and day, other ships
    (release(hull_numbers=[]), "news-335"),                            # release without hulls: the passage
    (release(strait="Soya", hull_numbers=["999"]), ""),                # other strait, other ships
    (release(strait="Soya", event_date="2026-02-05"), ""),            # hull in common, straits disagree
    (release(strait="", hull_numbers=[], ship_types=["Steregushchiy-class frigate"]),
     "news-335"),                                                      # same day, count and ship type
    (release(strait="", hull_numbers=[], ships=2), ""),                # same type, another count
    (release(strait="", hull_numbers=[], ship_types=["Udaloy I-class destroyer"]), ""),  # another type
])
def test_merge001_match(incoming, expected):
    assert match(pd.Series(incoming), frame(NEWS)) == expected


def test_merge001b_a_release_row_matches_only_its_reissue():
    first = release(id="rel-1")
    assert match(pd.Series(release(id="rel-2", report_date="2026-02-06")), frame(first)) == "rel-1"
    later = release(id="rel-3", event_date="2026-02-05", lat=41.9, strait="Tsugaru")
    assert match(pd.Series(later), frame(first)) == ""                 # same hull next day: a new sighting
    moved = release(id="rel-4", event_time="11:00")
    assert match(pd.Series(moved), frame(first)) == ""


def test_merge002_release_first_news_kept_gaps_filled():
    merged = merge_row(NEWS, release()).row
    assert merged["id"] == "news-335"
    assert merged["source_urls"] == [RELEASE, "https://example.org/news"]
    assert merged["source_names"] == ["Joint Staff Office release p20260205_01 (Japanese)", "Example news"]
    assert merged["event_time"] == "10:00"
    assert merged["vessels"] == ["Steregushchiy-class frigate (335)"]
    assert merged["location_text"] == "about 50 km NE of Cape Shiriya (Aomori)"
    assert merged["location_text_ja"] == "…北東約５０ｋｍ…"
    assert "News note." in merged["notes"] and "about 50 km northeast of Cape Shiriya, Aomori" in merged["notes"]


def test_merge003_conflicting_count_is_reported_and_kept_in_notes():
    decision = merge_row(NEWS, release(ships=2))
    assert decision.conflicts == ("ships: news 1, release 2",)
    assert decision.row["ships"] == 2
    assert "ships 1" in decision.row["notes"]


def test_merge004_news_without_a_count_is_filled_without_conflict():
    decision = merge_row({**NEWS, "ships": pd.NA}, release(ships=3))
    assert decision.conflicts == () and decision.row["ships"] == 3


def test_merge005_reissued_release_adds_only_its_url():
    reissue = release(id="rel-2", report_date="2026-02-06",
                      source_urls=["https://www.mod.go.jp/js/pdf/2026/p20260206_01.pdf"],
                      source_names=["Joint Staff Office release p20260206_01 (Japanese)"])
    decisions = plan_merge(frame(), pd.DataFrame([release(), reissue], columns=list(COLUMNS)))
    assert [d.merged_with for d in decisions] == ["", "rel-1"]
    result = apply_decisions(frame(), decisions)
    assert result["id"].tolist() == ["rel-1"]
    assert result.loc[0, "source_urls"] == [RELEASE, "https://www.mod.go.jp/js/pdf/2026/p20260206_01.pdf"]
    assert result.loc[0, "report_date"] == pd.Timestamp("2026-02-05")


def test_merge006_new_sighting_is_added_in_date_order():
    later = release(id="rel-9", event_date="2026-03-01", hull_numbers=["548"], strait="Soya")
    result = apply_decisions(frame(NEWS), plan_merge(frame(NEWS), pd.DataFrame([later], columns=list(COLUMNS))))
    assert result["id"].tolist() == ["news-335", "rel-9"]


def test_merge013_a_corrected_news_value_the_release_replaces_is_history_not_the_row():
    """A correction changed the news row's ship types; the release then names more. The note
    must say the corrected value was the news reports', so it does not contradict the row."""
    corrected = row(id="news-543", event_date="2022-09-27", ships=4, ship_types=["Udaloy I-class destroyer"],
                    notes="Corrected ship_types from 'Udaloy I-class destroyer; frigates' to "
                          "'Udaloy I-class destroyer' (Taiwan News): 'frigates' is not in the cited pages.")
    incoming = release(event_date="2022-09-27", ships=4, strait="", location_text=corrected["location_text"],
                       ship_types=["Udaloy I-class destroyer", "Steregushchiy-class frigate"])
    merged = merge_row(corrected, incoming).row
    assert merged["ship_types"] == ["Udaloy I-class destroyer", "Steregushchiy-class frigate"]
    assert merged["notes"].endswith("Before the release, news reports said: "
                                    "ship_types 'Udaloy I-class destroyer' (as corrected above).")
    untouched = merge_row(row(id="news-1", event_date="2022-09-27", ships=4, ship_types=["Udaloy I-class destroyer"]),
                          incoming).row
    assert "as corrected above" not in untouched["notes"]


def test_merge014_sightings_worded_alike_keep_their_own_ids():
    """Two releases of one day told apart only by hull numbers hash to one stable id: each must stay a
    row of its own (the second used to replace the first in apply_decisions, or crash plan_merge)."""
    stored = release(id="2026-06-28-d2f6fb", event_date="2026-06-28", hull_numbers=["508"])
    incoming = pd.DataFrame([release(id="2026-06-28-d2f6fb", event_date="2026-06-28", hull_numbers=[hull])
                             for hull in ("518", "528")])
    existing = pd.DataFrame([stored], columns=list(COLUMNS))
    decisions = plan_merge(existing, incoming)
    assert [d.row["id"] for d in decisions] == ["2026-06-28-d2f6fb-2", "2026-06-28-d2f6fb-3"]
    merged = apply_decisions(existing, decisions)
    assert sorted(map(tuple, merged["hull_numbers"])) == [("508",), ("518",), ("528",)]
    assert merged["id"].tolist() == ["2026-06-28-d2f6fb", "2026-06-28-d2f6fb-2", "2026-06-28-d2f6fb-3"]
