"""sightings.corrections on three hand-made rows, for make mutation (issue 20).

test_record.py and test_curate.py apply corrections to the press harvest and the shipped
dataset (seconds a test); here the dataset is the three rows below, so a mutant costs
milliseconds. Every expected cell, note, log line and refusal is written out.
"""

import pandas as pd
import pytest

from sightings.corrections import CORRECTION_COLUMNS, apply_corrections, read_corrections
from sightings.schema import SightingsError
from sightings.store import load

STORED = b"""id,event_date,report_date,ships,ship_types,location_text,strait,sea_area,activity,with_chinese_ships,source_urls,source_names,notes
r1,2022-09-01,2022-09-02,,Udaloy I-class destroyer,about 50 km north of Cape Soya,,,transit,no,https://example.org/news,News,  Seen by a P-3C.  
r2,2022-09-03,2022-09-04,2,frigate,Soya Strait,Soya,,transit,no,https://example.org/a | https://example.org/b,Page A | Page B,
r3,2022-09-05,2022-09-05,1,tug,Sea of Japan,,Sea of Japan,transit,no,https://example.org/blog,Blog,
"""
HEADER = ",".join(CORRECTION_COLUMNS)


@pytest.fixture(scope="module")
def stored():
    return load(STORED)


def fixes(*rows: dict) -> pd.DataFrame:
    base = {"id": "r1", "field": "ships", "old_value": "", "new_value": "3", "source_url": "https://example.org/fix",
            "source_name": "Fix", "reason": "the page says three"}
    return pd.DataFrame([{**base, **row} for row in rows], columns=list(CORRECTION_COLUMNS))


def row(outcome, row_id: str) -> pd.Series:
    return outcome.frame.set_index("id").loc[row_id]


def test_corrections_mutant001_header_checked_and_cells_read_as_text():
    table = read_corrections(f"{HEADER}\nr1,ships,,3,https://example.org/fix,Fix,NA\n".encode())
    assert table.to_dict("records") == [{"id": "r1", "field": "ships", "old_value": "", "new_value": "3",
                                         "source_url": "https://example.org/fix", "source_name": "Fix",
                                         "reason": "NA"}]
    with pytest.raises(SightingsError) as caught:
        read_corrections(b"id,field\nx,y\n")
    assert caught.value.problems == ["corrections header is id, field; expected id, field, old_value, new_value, "
                                     "source_url, source_name, reason"]
    assert read_corrections("id,field,old_value,new_value,source_url,source_name,reason\nr1,notes,,Ü,u,n,r\n"
                            .encode("utf-8"))["new_value"].tolist() == ["Ü"]


def test_corrections_mutant002_a_field_corrected_noted_and_cited(stored):
    outcome = apply_corrections(stored, fixes({}))
    assert outcome.log == ("corrected r1 ships",)
    r1 = row(outcome, "r1")
    assert r1["ships"] == 3
    assert r1["notes"] == "Seen by a P-3C. Corrected ships from 'empty' to '3' (Fix): the page says three"
    assert r1["source_urls"] == ["https://example.org/news", "https://example.org/fix"]
    assert r1["source_names"] == ["News", "Fix"]
    # the other rows are untouched, in their order, on a fresh index
    assert outcome.frame["id"].tolist() == ["r1", "r2", "r3"]
    assert outcome.frame.index.tolist() == [0, 1, 2]
    assert row(outcome, "r2")["notes"] == "" and row(outcome, "r2")["ships"] == 2
    assert row(outcome, "r3")["source_urls"] == ["https://example.org/blog"]


def test_corrections_mutant003_an_old_value_is_quoted_and_an_empty_note_gets_the_sentence_alone(stored):
    outcome = apply_corrections(stored, fixes({"id": "r2", "old_value": "2", "new_value": "4",
                                               "source_url": "https://example.org/c", "source_name": "Page C",
                                               "reason": "four ships"}))
    r2 = row(outcome, "r2")
    assert r2["ships"] == 4
    assert r2["notes"] == "Corrected ships from '2' to '4' (Page C): four ships"
    assert r2["source_urls"] == ["https://example.org/a", "https://example.org/b", "https://example.org/c"]
    assert r2["source_names"] == ["Page A", "Page B", "Page C"]


def test_corrections_mutant004_applying_again_changes_nothing(stored):
    once = apply_corrections(stored, fixes({})).frame
    twice = apply_corrections(once, fixes({}))
    assert twice.log == ("already applied r1 ships",)
    assert row(twice, "r1")["notes"] == "Seen by a P-3C. Corrected ships from 'empty' to '3' (Fix): the page says three"
    assert row(twice, "r1")["source_urls"] == ["https://example.org/news", "https://example.org/fix"]


def test_corrections_mutant005_a_changed_row_is_refused_by_name(stored):
    with pytest.raises(SightingsError) as caught:
        apply_corrections(stored, fixes({"id": "r2", "old_value": "5", "new_value": "6"}))
    assert caught.value.problems == ["corrections line 2, r2 ships: the row holds '2', not '5'; check the correction "
                                     "against the row before applying it"]


def test_corrections_mutant006_every_bad_line_is_named_then_nothing_applies(stored):
    with pytest.raises(SightingsError) as caught:
        apply_corrections(stored, fixes({"id": "r2", "old_value": "9"}, {"id": "nope"}, {"field": "colour"},
                                         {"field": "id"}, {}, {"id": "r3", "field": "(remove)"}))
    columns = ("event_date, event_time, report_date, date_basis, report_date_basis, ships, ship_types, hull_numbers, "
               "vessels, chinese_vessels, location_text, location_text_ja, lat, lon, position_kind, anchor, "
               "bearing_deg, distance_km, strait, direction, sea_area, activity, with_chinese_ships, observed_by, "
               "same_as, voyage_id, voyage_link, source_urls, source_names, notes")
    assert caught.value.problems == [
        "corrections line 2, r2 ships: the row holds '2', not '9'; check the correction against the row before "
        "applying it",
        "corrections line 3, id: 'nope' is not in the dataset (expected an existing row id)",
        f"corrections line 4, field: 'colour' is not a correctable column (expected one of {columns}, (remove) "
        "or (note))",
        f"corrections line 5, field: 'id' is not a correctable column (expected one of {columns}, (remove) or (note))",
    ]


def test_corrections_mutant013_every_line_of_a_file_is_applied_in_turn(stored):
    outcome = apply_corrections(stored, fixes(
        {"id": "r3", "field": "(remove)", "reason": "a blog's recap"},
        {"field": "(note)", "new_value": "Seen from the air."},
        {"id": "r2", "old_value": "1", "new_value": "2"},
        {"field": "ships"}))
    assert outcome.log == ("removed r3: a blog's recap", "noted r1", "already applied r2 ships", "corrected r1 ships")
    assert outcome.frame["id"].tolist() == ["r1", "r2"]
    assert row(outcome, "r1")["ships"] == 3
    assert row(outcome, "r1")["notes"] == ("Seen by a P-3C. Seen from the air. Corrected ships from 'empty' to '3' "
                                           "(Fix): the page says three")


def test_corrections_mutant007_remove_drops_the_row(stored):
    outcome = apply_corrections(stored, fixes({"id": "r2", "field": "(remove)", "reason": "a blog's recap"}))
    assert outcome.log == ("removed r2: a blog's recap",)
    assert outcome.frame["id"].tolist() == ["r1", "r3"]
    assert outcome.frame.index.tolist() == [0, 1]
    assert row(outcome, "r1")["notes"] == "Seen by a P-3C."


def test_corrections_mutant008_a_note_is_added_once_and_cited(stored):
    note = fixes({"field": "(note)", "new_value": "The page says 'more than 3'.", "source_url": "https://example.org/n",
                  "source_name": "Note page"})
    once = apply_corrections(stored, note)
    assert once.log == ("noted r1",)
    r1 = row(once, "r1")
    assert r1["notes"] == "Seen by a P-3C. The page says 'more than 3'."
    assert r1["ships"] is pd.NA
    assert r1["source_urls"] == ["https://example.org/news", "https://example.org/n"]
    assert r1["source_names"] == ["News", "Note page"]
    twice = apply_corrections(once.frame, note.assign(source_url="https://example.org/other"))
    assert twice.log == ("noted r1",)
    assert row(twice, "r1")["notes"] == "Seen by a P-3C. The page says 'more than 3'."
    assert row(twice, "r1")["source_urls"] == ["https://example.org/news", "https://example.org/n"]
    # on a row without notes the note is the whole cell
    alone = apply_corrections(stored, note.assign(id="r3"))
    assert row(alone, "r3")["notes"] == "The page says 'more than 3'."


def test_corrections_mutant009_a_corrected_phrase_is_located_again(stored):
    # r2 names the Soya Strait only (its label point, an area); the corrected phrase measures from Cape Soya
    assert stored.set_index("id").at["r2", "position_kind"] == "area"
    outcome = apply_corrections(stored, fixes({"id": "r2", "field": "location_text", "old_value": "Soya Strait",
                                               "new_value": "about 30 km north of Cape Soya"}))
    r2 = row(outcome, "r2")
    assert (r2["position_kind"], r2["anchor"], r2["bearing_deg"], r2["distance_km"]) == ("derived", "Cape Soya",
                                                                                         0.0, 30.0)
    assert r2["lon"] == pytest.approx(141.9366, abs=1e-4)       # due north of Cape Soya (45.5229 N, 141.9366 E)
    assert r2["lat"] == pytest.approx(45.5229 + 30 / 111.15, abs=2e-3)
    assert r2["notes"] == ("Corrected location_text from 'Soya Strait' to 'about 30 km north of Cape Soya' (Fix): "
                           "the page says three")


@pytest.mark.parametrize(("field", "old", "new", "kind", "lat"), [
    # a derived row whose strait is corrected: the strait's label point is not taken over the phrase
    ("strait", "", "Soya", "derived", 45.5229 + 50 / 111.15),
    # a sea named instead: the phrase still measures from Cape Soya
    ("sea_area", "", "Sea of Japan", "derived", 45.5229 + 50 / 111.15),
])
def test_corrections_mutant010_position_inputs_derive_the_point_again(stored, field, old, new, kind, lat):
    outcome = apply_corrections(stored, fixes({"field": field, "old_value": old, "new_value": new}))
    r1 = row(outcome, "r1")
    assert (r1[field], r1["position_kind"], r1["anchor"], r1["distance_km"]) == (new, kind, "Cape Soya", 50.0)
    assert r1["lat"] == pytest.approx(lat, abs=2e-3)


def test_corrections_mutant011_a_position_input_clears_the_stored_point(stored):
    # the area row r2 corrected to a strait-less, place-less phrase: its old label point must go
    outcome = apply_corrections(stored, fixes({"id": "r2", "field": "strait", "old_value": "Soya", "new_value": ""}))
    r2 = row(outcome, "r2")
    assert r2["position_kind"] == "unlocated"
    assert pd.isna(r2["lat"]) and pd.isna(r2["lon"])
    assert r2["notes"] == "Corrected strait from 'Soya' to '' (Fix): the page says three"


def test_corrections_mutant012_pages_cited_once_each_with_their_names(stored):
    outcome = apply_corrections(stored, fixes({"source_url": "https://example.org/news | https://example.org/x | "
                                                             "https://example.org/y",
                                               "source_name": "News | Page X | Page Y"}))
    r1 = row(outcome, "r1")
    assert r1["source_urls"] == ["https://example.org/news", "https://example.org/x", "https://example.org/y"]
    assert r1["source_names"] == ["News", "Page X", "Page Y"]
    assert r1["notes"].endswith("(News | Page X | Page Y): the page says three")
    # one name for several pages names each of them
    shared = apply_corrections(stored, fixes({"source_url": "https://example.org/x |https://example.org/y| ",
                                              "source_name": "Wire"}))
    assert row(shared, "r1")["source_urls"] == ["https://example.org/news", "https://example.org/x",
                                                "https://example.org/y"]
    assert row(shared, "r1")["source_names"] == ["News", "Wire", "Wire"]
