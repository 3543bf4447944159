"""Importing new reports: every bad file gets a clear message and leaves the dataset byte-identical.

Each case works on a copy of data/sightings.csv in tmp_path; the shipped file's checksum
is compared at the end of the module.
"""

import base64
import hashlib
import io
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sightings.export import to_csv
from sightings.importer import MAX_UPLOAD_BYTES, duplicate_of, merge_into, plan, read_upload
from sightings.schema import SightingsError
from sightings.store import DATASET, read_sightings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "data" / "examples" / "new_reports.csv"
SHIPPED = hashlib.sha256(DATASET.read_bytes()).hexdigest()


def example() -> pd.DataFrame:
    """Six real reports in the shared notes' format (no id, lat, lon, position_kind)."""
    return pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)


def csv_bytes(frame: pd.DataFrame, **options) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n", **options).encode("utf-8")


def one_row(**changes) -> bytes:
    """The first example report with some cells changed."""
    frame = example().head(1).copy()
    for column, value in changes.items():
        frame[column] = value
    return csv_bytes(frame)


@pytest.fixture
def dataset(tmp_path):
    """A copy of the dataset without the example reports, so they import as new."""
    full = read_sightings()
    examples = example()
    keep = ~full["location_text"].isin(examples["location_text"])
    path = tmp_path / "sightings.csv"
    from sightings.store import to_csv_text
    path.write_text(to_csv_text(full[keep]), encoding="utf-8")
    return path


def rejected(path: Path, raw: bytes) -> str:
    """Import ``raw`` expecting rejection; the dataset must not change. Returns the message."""
    before = path.read_bytes()
    with pytest.raises(SightingsError) as caught:
        merge_into(path, raw)
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    return str(caught.value)


BAD = {
    "empty file": (b"", "the file is empty"),
    "blank lines only": (b"\n\n  \n", "the file is empty"),
    "header only": (csv_bytes(example().head(0)), "no rows: the file has a header but no sightings"),
    "missing required column": (csv_bytes(example().drop(columns=["source_urls"])),
                                "missing required column(s): source_urls"),
    "unknown column": (csv_bytes(example().assign(ship_type="x")), "unknown column(s): 'ship_type'"),
    "semicolon delimiter": (csv_bytes(example(), sep=";"), "looks ';' or tab separated"),
    "binary file": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\xfd", "the file is binary, not CSV text"),
    "not UTF-8": (b"event_date,ships\n\x81\x20\x81\x7f", "the file is not UTF-8 text: byte 0x81 on line 2"),
    "lat 999": (one_row(lat="999", lon="140"), "row 1, lat: 999.0 is outside the region"),
    "lon -500": (one_row(lat="40", lon="-500"), "row 1, lon: -500.0 is outside the region"),
    "NaN lat": (one_row(lat="NaN", lon="140"), "row 1, lat: 'NaN' is not a number"),
    "text lat": (one_row(lat="north", lon="140"), "row 1, lat: 'north' is not a number"),
    "lat without lon": (one_row(lat="40"), "row 1, lat/lon: '40'/'' lat and lon go together"),
    "30 February": (one_row(event_date="2022-02-30"), "row 1, event_date: '2022-02-30' is not a date (YYYY-MM-DD)"),
    "future date": (one_row(event_date="2099-01-01", report_date="2099-01-02"),
                    "row 1, event_date: '2099-01-01' is in the future"),
    "before 1992": (one_row(event_date="1985-05-01"), "row 1, event_date: '1985-05-01' is before 1992-01-01"),
    "report before event": (one_row(report_date="2022-03-01"), "report_date is before event_date"),
    "ships 0": (one_row(ships="0"), "row 1, ships: 0 is out of range"),
    "ships -3": (one_row(ships="-3"), "row 1, ships: -3 is out of range"),
    "ships 2.5": (one_row(ships="2.5"), "row 1, ships: '2.5' is not a whole number"),
    "ships ten": (one_row(ships="ten"), "row 1, ships: 'ten' is not a whole number"),
    "javascript URL": (one_row(source_urls="javascript:alert(1)"),
                       "row 1, source_urls: ['javascript:alert(1)'] is not a list of http(s) URLs"),
    "missing URL": (one_row(source_urls=""), "row 1, source_urls: [] is not a list of http(s) URLs"),
    "unknown strait": (one_row(strait="Bosporus"), "row 1, strait: 'Bosporus' is not a known strait"),
    "yes/no": (one_row(with_chinese_ships="maybe"), "row 1, with_chinese_ships: 'maybe' is not yes/no"),
    "empty location": (one_row(location_text=""), "row 1, location_text: '' is empty or too long"),
    "unknown place": (one_row(location_text="about 50 km north of Cape Erimoo"),
                      "row 1, location_text: unknown place 'Cape Erimoo' in 'about 50 km north of Cape Erimoo' "
                      "(did you mean Cape Erimo?)"),
    "synthetic row": (one_row(source_urls="synthetic:"), "row 1, source_urls: 'synthetic:' marks a synthetic"),
    "same row twice": (csv_bytes(pd.concat([example().head(1)] * 2)), "is a duplicate id"),
}


@pytest.mark.parametrize("case", BAD)
def test_import001_bad_input_is_rejected_clearly_and_changes_nothing(dataset, case):
    raw, message = BAD[case]
    assert message in rejected(dataset, raw)


def test_import002_every_problem_is_reported_with_its_row(dataset):
    frame = example().head(3).copy()
    frame.loc[0, "event_date"] = "2022-02-30"
    frame.loc[2, "ships"] = "ten"
    message = rejected(dataset, csv_bytes(frame))
    assert message.splitlines() == [
        "row 1, event_date: '2022-02-30' is not a date (YYYY-MM-DD)",
        "row 3, ships: 'ten' is not a whole number (expected a count of Russian ships from 1 to 500, or empty)"]


def test_import003_new_reports_are_located_and_merged(dataset):
    before = read_sightings(dataset)
    result = merge_into(dataset, EXAMPLE.read_bytes())
    after = read_sightings(dataset)
    assert len(result.new) == 6 and result.duplicates.empty
    assert len(after) == len(before) + 6
    added = after[~after["id"].isin(before["id"])]
    assert (added["position_kind"] == "derived").all() and added["lat"].notna().all()
    assert set(added["location_text"]) == set(example()["location_text"])   # the phrase is kept
    assert after["event_date"].is_monotonic_increasing
    full = read_sightings().set_index("id")
    for row in added.itertuples():           # same point as the shipped dataset derived
        assert (row.lat, row.lon) == pytest.approx((full.loc[row.id, "lat"], full.loc[row.id, "lon"]), abs=1e-5)


def test_import004_repeats_are_reported_not_added(dataset):
    merge_into(dataset, EXAMPLE.read_bytes())
    before = dataset.read_bytes()
    ids = read_sightings(dataset).set_index("location_text").loc[example()["location_text"].head(2), "id"]
    again = merge_into(dataset, csv_bytes(example().head(2)))                  # the same rows again
    assert again.new.empty and list(again.duplicates["duplicate_of"]) == list(ids)
    other = example().head(1).copy()
    other["location_text"] += " (as reported by another paper)"                # other words, same sighting
    other["notes"] = "reported again by another paper"
    elsewhere = merge_into(dataset, csv_bytes(other))
    assert elsewhere.new.empty and list(elsewhere.duplicates["duplicate_of"]) == [ids.iloc[0]]
    assert dataset.read_bytes() == before


def test_import004b_a_stored_id_with_other_content_is_refused_or_replaced_when_asked(dataset):
    merge_into(dataset, EXAMPLE.read_bytes())
    before = read_sightings(dataset)
    changed = example().head(1).copy()
    changed["notes"], changed["ships"] = "corrected count", "3"
    stored = before.set_index("location_text").loc[changed.at[0, "location_text"]]
    message = rejected(dataset, csv_bytes(changed))
    assert len(stored["notes"]) > 80                                          # shown cut to 80 characters
    assert message.splitlines() == [
        f"row 1, ships: 3 differs from the stored row {stored['id']!r} ({stored['ships']}); give the row a new id, "
        "or pass --replace-changed to replace the stored row",
        f"row 1, notes: 'corrected count' differs from the stored row {stored['id']!r} ({stored['notes'][:80]!r}...); "
        "give the row a new id, or pass --replace-changed to replace the stored row"]
    result = merge_into(dataset, csv_bytes(changed), replace_changed=True)
    assert result.new.empty and result.duplicates.empty and list(result.replaced["id"]) == [stored["id"]]
    after = read_sightings(dataset)
    assert list(after["id"]) == list(before["id"])                           # replaced in place
    row = after.set_index("id").loc[stored["id"]]
    assert (row["notes"], row["ships"], row["lat"]) == ("corrected count", 3, stored["lat"])
    untouched = after[after["id"] != stored["id"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(untouched, before[before["id"] != stored["id"]].reset_index(drop=True))


def test_import005_duplicate_needs_a_shared_type_or_hull():
    existing = read_sightings()
    row = existing.head(1).copy()
    row["id"] = "other-id"
    assert duplicate_of(row, existing).tolist() == [existing.iloc[0]["id"]]
    row["ship_types"] = [["Kilo-class submarine (new name)"]]
    row["hull_numbers"] = [[]]
    assert duplicate_of(row, existing).tolist() == [""]


def test_import006_utf8_bom_and_named_cp932_are_accepted(dataset):
    frame = example().head(2).copy()
    frame["notes"] = ["防衛省統合幕僚監部の発表", "宗谷海峡を西進"]
    with_bom = b"\xef\xbb\xbf" + csv_bytes(frame.head(1))
    assert len(merge_into(dataset, with_bom).new) == 1
    shift_jis = frame.tail(1).to_csv(index=False, lineterminator="\n").encode("cp932")
    assert len(merge_into(dataset, shift_jis, encoding="cp932").new) == 1
    notes = set(read_sightings(dataset)["notes"])
    assert {"防衛省統合幕僚監部の発表", "宗谷海峡を西進"} <= notes
    dataset.read_bytes().decode("utf-8")                   # stored as UTF-8 whatever came in


def test_import007_formulas_and_markup_are_kept_as_text_and_neutralised_on_export(dataset):
    frame = example().head(3).copy()
    frame["notes"] = ['=HYPERLINK("http://x","y")', "+cmd", "@SUM(1)"]
    frame["direction"] = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "west"]
    merge_into(dataset, csv_bytes(frame))
    stored = read_sightings(dataset)
    assert '=HYPERLINK("http://x","y")' in set(stored["notes"])      # the record keeps what was reported
    from geo.join import enrich
    exported = pd.read_csv(io.StringIO(to_csv(enrich(stored))), dtype=str, keep_default_na=False)
    assert {"'=HYPERLINK(\"http://x\",\"y\")", "'+cmd", "'@SUM(1)"} <= set(exported["notes"])
    from dashboard.figures import hover_text
    labels = " ".join(hover_text(stored[stored["direction"].str.startswith("<")]))
    assert "<script>" not in labels and "<img" not in labels and "&lt;script&gt;" in labels


def _import_in_child(path: str, raw: bytes) -> None:
    merge_into(path, raw)


def test_import009_two_imports_racing_both_land_once(dataset):
    first, second = example().head(3), example().tail(3)
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_import_in_child, args=(str(dataset), csv_bytes(part)))
               for part in (first, second)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    texts = read_sightings(dataset)["location_text"]
    for text in example()["location_text"]:
        assert (texts == text).sum() == 1


@pytest.mark.parametrize("failing", ["os.replace", "os.fsync"])
def test_import010_crash_mid_write_leaves_the_old_file(dataset, monkeypatch, failing):
    before = dataset.read_bytes()

    def crash(*args, **kwargs):
        raise OSError("simulated power cut")

    module, name = failing.split(".")
    monkeypatch.setattr(f"sightings.store.{module}.{name}", crash)
    with pytest.raises(OSError, match="simulated power cut"):
        merge_into(dataset, EXAMPLE.read_bytes())
    assert dataset.read_bytes() == before
    assert not [p.name for p in dataset.parent.iterdir() if p.suffix == ".tmp"]   # temp file cleaned up


@pytest.mark.parametrize("megabytes", [10, 200])
def test_import011_oversized_upload_is_refused_before_decoding(megabytes, monkeypatch):
    monkeypatch.setattr("base64.b64decode", lambda *a, **k: pytest.fail("decoded an oversized upload"))
    encoded = "data:text/csv;base64," + "A" * (4 * megabytes * 2**20 // 3)
    with pytest.raises(SightingsError, match="larger than 5 MB"):
        read_upload(encoded)


def test_import012_upload_within_the_limit_is_read():
    encoded = "data:text/csv;base64," + base64.b64encode(EXAMPLE.read_bytes()).decode()
    assert len(read_upload(encoded)) == 6
    with pytest.raises(SightingsError, match="no file received"):
        read_upload(None)
    with pytest.raises(SightingsError, match="not valid base64"):
        read_upload("data:text/csv;base64,@@@@")
    assert MAX_UPLOAD_BYTES == 5 * 2**20


def test_import013_dry_run_plans_without_touching(dataset):
    before = dataset.read_bytes()
    result = plan(EXAMPLE.read_bytes(), read_sightings(dataset))
    assert len(result.new) == 6 and dataset.read_bytes() == before


def run_cli(*args, module="sightings"):
    return subprocess.run([sys.executable, "-m", module, "import", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_import014_cli_dry_run_writes_only_the_output(dataset, tmp_path):
    before = dataset.read_bytes()
    out = tmp_path / "preview.csv"
    done = run_cli(EXAMPLE, "--dry-run", "--output", out, "--data", dataset)
    assert done.returncode == 0, done.stderr
    assert "would add 6, would replace 0, duplicates 0, rejected 0" in done.stderr
    preview = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert len(preview) == 6 and {"sea_area_reported", "in_strait", "distance_to_japan_km"} <= set(preview)
    assert (preview["position_kind"] == "derived").all()
    assert dataset.read_bytes() == before


def test_import015_cli_merges_then_reports_duplicates(dataset):
    done = run_cli(EXAMPLE, "--data", dataset)
    assert done.returncode == 0 and "added 6, replaced 0, duplicates 0, rejected 0" in done.stderr
    again = run_cli(EXAMPLE, "--data", dataset, module="dashboard")          # the old name is an alias
    assert again.returncode == 0 and "added 0, replaced 0, duplicates 6, rejected 0" in again.stderr
    assert again.stderr.count("duplicate: ") == 6


def test_import016_cli_errors_exit_2_one_line_each(dataset, tmp_path, capsys):
    """The command's own function in this process (test_import014/015 run the command line)."""
    from sightings.__main__ import main
    bad = tmp_path / "bad.csv"
    bad.write_bytes(BAD["30 February"][0])
    before = dataset.read_bytes()
    assert main(["import", str(bad), "--data", str(dataset)]) == 2
    stderr = capsys.readouterr().err
    assert stderr.splitlines()[0] == "error: row 1, event_date: '2022-02-30' is not a date (YYYY-MM-DD)"
    assert "nothing written" in stderr and "Traceback" not in stderr
    assert dataset.read_bytes() == before
    assert main(["import", str(tmp_path / "nope.csv"), "--data", str(dataset)]) == 2
    assert f"error: no such file: {tmp_path / 'nope.csv'}" in capsys.readouterr().err


def test_import017_shipped_dataset_untouched_by_this_module():
    assert hashlib.sha256(DATASET.read_bytes()).hexdigest() == SHIPPED
    # no half-written file; the empty ``sightings.csv.lock`` a writer (curate, import) leaves is git-ignored
    # and harmless (filelock keeps it so two writers never race on its creation)
    assert not any(p.name.endswith(".tmp") for p in DATASET.parent.iterdir())


def test_import013_the_apps_own_download_reads_back_as_an_upload(sightings):
    """The download's extra columns are recognised and recomputed; the report's sea comes back."""
    exported = to_csv(sightings).encode("utf-8")
    rows = read_upload("data:text/csv;base64," + base64.b64encode(exported).decode())
    assert rows["id"].tolist() == sightings["id"].tolist()
    assert rows["sea_area"].tolist() == sightings["sea_area_reported"].tolist()
    # a position comes back where one was reported or derived; area rows leave without one (issue 18)
    located = sightings["lat"].where(sightings["position_kind"].isin(["reported", "derived"]))
    assert rows["lat"].round(5).equals(located.round(5).reset_index(drop=True))
    unknown = exported.replace(b"primary_source", b"colour", 1)
    with pytest.raises(SightingsError, match="unknown column\\(s\\): 'colour'"):
        read_upload("data:text/csv;base64," + base64.b64encode(unknown).decode())
