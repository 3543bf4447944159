"""sightings.importer, the behaviours a mutation run showed no test stated."""

import pandas as pd

from sightings.importer import duplicate_of, plan
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
