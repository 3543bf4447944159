"""Versioned data: the changelog entry each write adds, and the data package that describes the file."""

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import frictionless
import pytest

from sightings import changelog, datapackage
from sightings.schema import COLUMNS
from sightings.store import load, to_csv_text

ROOT = Path(__file__).resolve().parents[2]
HEADER = "id,event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,source_urls,source_names\n"
A = "a1,2022-03-15,2022-03-16,4,Ropucha-class landing ship,through the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,Example\n"
B = "b2,2022-02-15,2022-02-15,24,warships,in the Sea of Japan,,exercise,no,https://example.org/b,Example\n"
B_CHANGED = B.replace(",24,", ",23,")
C = "c3,2022-03-14,2022-03-15,1,Ropucha-class landing ship,through the Tsugaru Strait,Tsugaru,transit,no,https://example.org/c,Example\n"


def frame(*rows):
    return load((HEADER + "".join(rows)).encode())


def test_versioned001_each_write_gets_the_next_version_and_an_entry(tmp_path):
    data = tmp_path / "sightings.csv"
    before, after = frame(A, B), frame(B_CHANGED, C)
    data.write_text(to_csv_text(after), encoding="utf-8")
    version = changelog.record(before, after, "ingest p20220316_01.pdf", "One release read.", dataset=data,
                               today=dt.date(2026, 12, 7))
    assert version == "2026.12.1"
    assert (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8") == changelog.HEADER + (
        "\n## 2026.12.1 (2026-12-07)\n\n"
        "`ingest p20220316_01.pdf`: 2 rows; added 1, changed 1, removed 1. One release read.\n"
        "- added: `c3`\n- changed: `b2`\n- removed: `a1`\n")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == "2026.12.1"
    assert package["resources"][0]["hash"] == "sha256:" + hashlib.sha256(data.read_bytes()).hexdigest()

    assert changelog.record(after, after, "curate", dataset=data, today=dt.date(2026, 12, 8)) is None
    assert changelog.record(after, frame(C), "curate", "Rebuilt.", dataset=data, today=dt.date(2026, 12, 8)) \
        == "2026.12.2"
    text = (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.index("## 2026.12.2 (2026-12-08)") < text.index("## 2026.12.1 (2026-12-07)")
    assert changelog.current_version(tmp_path / "CHANGELOG.md") == "2026.12.2"
    assert changelog.record(frame(C), frame(A, C), "import", dataset=data, today=dt.date(2027, 1, 2)) == "2027.1.1"


def test_versioned002_no_changelog_yet_reads_unversioned(tmp_path):
    assert changelog.current_version(tmp_path / "CHANGELOG.md") == "unversioned"


def test_versioned003_the_package_describes_every_column_and_validates(tmp_path):
    shutil.copyfile(ROOT / "data" / "sightings.csv", tmp_path / "sightings.csv")
    package = datapackage.write("2026.12.1", tmp_path / "sightings.csv", tmp_path / "datapackage.json")
    fields = package["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == list(COLUMNS)
    assert all(f["description"] for f in fields)
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid


@pytest.mark.parametrize("edit, error", [
    (lambda text: text.replace(",Tsugaru,", ",Atlantis,", 1), "constraint-error"),
    (lambda text: text + text.rstrip("\n").rsplit("\n", 1)[-1] + "\n", "primary-key"),
])
def test_versioned004_a_file_that_breaks_its_package_fails_validation(tmp_path, edit, error):
    path = tmp_path / "sightings.csv"
    shutil.copyfile(ROOT / "data" / "sightings.csv", path)
    datapackage.write("2026.12.1", path, tmp_path / "datapackage.json")
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    if error:
        assert error in {e.type for task in report.tasks for e in task.errors}
