"""sightings.importer, the behaviours a mutation run showed no test stated."""

import pandas as pd
import pytest

from sightings.importer import MAX_UPLOAD_BYTES, duplicate_of, plan, read_upload
from sightings.schema import SightingsError
from sightings.store import read_sightings, to_csv_text

# A stored row with no ship type and no hull number: only its id can mark a re-import as a repeat.
BARE_ID = "2022-06-17-357588"


def test_importer_mutant001_an_id_already_stored_is_a_repeat():
    existing = read_sightings()
    row = existing[existing["id"] == BARE_ID].copy()
    assert duplicate_of(row, existing).tolist() == [BARE_ID]
    moved = row.assign(event_date=row["event_date"] + pd.Timedelta(days=400), strait="Tsugaru")
    assert duplicate_of(moved, existing).tolist() == [BARE_ID]         # same id, other content


def test_importer_mutant002_a_stored_row_imported_again_is_a_duplicate_not_new():
    existing = read_sightings()
    raw = to_csv_text(existing[existing["id"] == BARE_ID]).encode("utf-8")
    result = plan(raw, existing)
    assert result.new.empty and result.replaced.empty
    assert result.duplicates["duplicate_of"].tolist() == [BARE_ID]


DERIVED_ID = "2011-05-05-58e004"      # Udaloy I + Baklazhan, 2 ships, a derived point
AGAIN = "give the row a new id, or pass --replace-changed to replace the stored row"


def test_importer_mutant003_every_changed_field_is_shown_as_written():
    existing = read_sightings()
    changed = existing[existing["id"] == DERIVED_ID].copy()
    changed["event_date"] += pd.Timedelta(days=1)
    changed["ships"] = pd.array([pd.NA], dtype="Int64")
    changed["ship_types"] = [["Kilo-class submarine", "Udaloy I-class destroyer"]]
    with pytest.raises(SightingsError) as caught:
        plan(to_csv_text(changed).encode("utf-8"), existing)
    assert caught.value.problems == [
        f"row 1, event_date: '2011-05-06' differs from the stored row '{DERIVED_ID}' ('2011-05-05'); {AGAIN}",
        f"row 1, ships: empty differs from the stored row '{DERIVED_ID}' (2); {AGAIN}",
        f"row 1, ship_types: 'Kilo-class submarine; Udaloy I-class destroyer' differs from the stored row "
        f"'{DERIVED_ID}' ('Udaloy I-class missile destroyer; Baklazhan-class rescue tug'); {AGAIN}"]


def test_importer_mutant004_coordinates_equal_to_five_decimals_are_the_same():
    existing = read_sightings()
    row = existing[existing["id"] == DERIVED_ID].copy()
    text = to_csv_text(row).replace("34.64901", "34.649012")
    assert "34.649012" in text
    result = plan(text.encode("utf-8"), existing)
    assert result.new.empty and result.replaced.empty and result.duplicates["duplicate_of"].tolist() == [DERIVED_ID]


def upload(payload: str, header: str = "data:text/csv;base64") -> str:
    return f"{header},{payload}"


@pytest.mark.parametrize("contents", [None, 42, "", "abc", upload("YSxi", "data:text/csv"),
                                      upload("YSxi", "text/csv;base64")])
def test_importer_mutant005_no_file_received(contents):
    with pytest.raises(SightingsError) as caught:
        read_upload(contents)
    assert caught.value.problems == ["no file received (expected a CSV file)"]


def test_importer_mutant006_upload_size_limit_and_damage():
    limit = 4 * -(-MAX_UPLOAD_BYTES // 3)              # base64 characters of the largest upload
    with pytest.raises(SightingsError) as big:
        read_upload(upload("A" * (limit + 4)))
    assert big.value.problems == ["the file is larger than 5 MB; split it or import it with `python -m sightings import`"]
    with pytest.raises(SightingsError) as at_limit:
        read_upload(upload("A" * limit))               # decoded: NUL bytes, refused as binary, not as too big
    assert at_limit.value.problems[0].startswith("the file is binary, not CSV text")
    with pytest.raises(SightingsError) as damaged:
        read_upload(upload("YSxi!"))
    assert damaged.value.problems == ["the upload is damaged (not valid base64); try again"]
