"""Every command that writes the dataset records the change (issue 22: versioned data).

Each test runs a real command (``import``, ``ingest``, ``curate``) through
``python -m sightings`` on a copy of the shipped dataset and checks what it left beside the
copy: a new entry at the top of ``CHANGELOG.md`` naming the command, whose ids added,
changed and removed equal what a plain pandas comparison of the file before and after finds,
and a ``datapackage.json`` with that version and the new file's sha256. A dry run, a refused
command and a run that changes nothing add no entry.
"""

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pandas as pd

from sightings.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
NEW_REPORTS = ROOT / "data" / "examples" / "new_reports.csv"
RELEASE = ROOT / "data" / "jso" / "text" / "p20230817_01.txt"
#: The rows of the shipped dataset that new_reports.csv repeats (import finds them duplicates).
IMPORTED_IDS = ["2022-02-16-655c2e", "2022-03-15-046beb", "2022-04-19-27d391", "2022-06-12-229a4e",
                "2025-02-01-03ecbe", "2025-09-24-e4388e"]
#: An older entry already in the copy's changelog: the new one must go above it.
OLD_ENTRY = "## 2020.1.1 (2020-01-01)\n\n`curate`: 1 rows; added 1, changed 0, removed 0.\n- added: `x`\n"
HEADING = re.compile(r"^## (\S+) \((\d{4}-\d{2}-\d{2})\)$")
SUMMARY = re.compile(r"^`([^`]+)`: (\d+) rows; added (\d+), changed (\d+), removed (\d+)\.")


def cells(path):
    """The file's cells as written, by id."""
    return pd.read_csv(path, dtype=str, keep_default_na=False).set_index("id")


def expected_change(before, after):
    """Ids added, changed (any cell differs) and removed, compared row by row."""
    common = before.index.intersection(after.index)
    return {"added": sorted(set(after.index) - set(before.index)),
            "changed": sorted(i for i in common if before.loc[i].to_dict() != after.loc[i].to_dict()),
            "removed": sorted(set(before.index) - set(after.index))}


def seed_changelog(dataset):
    """Put a changelog with one old entry beside ``dataset``; its path."""
    path = dataset.with_name("CHANGELOG.md")
    path.write_text("# Dataset changelog\n\nIntro.\n\n" + OLD_ENTRY, encoding="utf-8")
    return path


def entries(path):
    """The changelog's entries, newest first, as text (each from its '## ' line)."""
    return ["## " + part for part in path.read_text(encoding="utf-8").split("\n## ")[1:]]


def parse(entry):
    """version, date, command, row count and the id lists of one entry."""
    lines = entry.splitlines()
    version, date = HEADING.match(lines[0]).groups()
    command, rows, *counts = SUMMARY.match(lines[2]).groups()
    ids = {"added": [], "changed": [], "removed": []}
    for line in lines[3:]:
        label, _, listed = line.removeprefix("- ").partition(": ")
        ids[label] = re.findall(r"`([^`]+)`", listed)
    assert [int(n) for n in counts] == [len(ids["added"]), len(ids["changed"]), len(ids["removed"])]
    return version, date, command, int(rows), ids


def check_entry(dataset, changelog, before, command, number):
    """The newest entry is the ``number``-th of this month, names ``command`` and lists the real change."""
    after = cells(dataset)
    today = dt.date.today()
    newest = entries(changelog)[0]
    version, date, named, rows, ids = parse(newest)
    assert (version, date, named, rows) == (f"{today.year}.{today.month}.{number}", today.isoformat(), command,
                                            len(after))
    change = expected_change(before, after)
    assert ids == change and any(change.values())
    assert entries(changelog)[-1] == OLD_ENTRY          # the old entry stays, below the new ones
    package = json.loads(dataset.with_name("datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == version
    assert package["resources"][0]["hash"] == "sha256:" + hashlib.sha256(dataset.read_bytes()).hexdigest()
    return version


def test_chlog001_import_appends_the_rows_it_added(dataset, tmp_path):
    cells(dataset).drop(index=IMPORTED_IDS).to_csv(dataset)       # the example's reports are new again
    changelog = seed_changelog(dataset)
    before = cells(dataset)

    preview = tmp_path / "preview.csv"
    assert main(["import", str(NEW_REPORTS), "--data", str(dataset), "--dry-run", "--output", str(preview)]) == 0
    assert entries(changelog) == [OLD_ENTRY] and preview.exists()

    bad = tmp_path / "bad.csv"
    bad.write_text(NEW_REPORTS.read_text(encoding="utf-8").replace("2022-03-15,2022-03-16", "2022-13-15,2022-03-16"),
                   encoding="utf-8")
    assert main(["import", str(bad), "--data", str(dataset)]) == 2
    assert entries(changelog) == [OLD_ENTRY]

    assert main(["import", str(NEW_REPORTS), "--data", str(dataset)]) == 0
    check_entry(dataset, changelog, before, "import new_reports.csv", 1)
    assert parse(entries(changelog)[0])[4]["added"] == IMPORTED_IDS

    assert main(["import", str(NEW_REPORTS), "--data", str(dataset)]) == 0        # all duplicates now
    assert len(entries(changelog)) == 2


def test_chlog002_ingest_appends_the_row_a_release_fills(dataset, tmp_path):
    stored = cells(dataset)
    release_rows = stored.index[stored["source_urls"].str.contains(RELEASE.stem)]
    assert len(release_rows) == 1
    stored.drop(index=release_rows).to_csv(dataset)               # the release is not in the copy yet
    changelog = seed_changelog(dataset)
    before = cells(dataset)

    preview = tmp_path / "preview.csv"
    assert main(["ingest", str(RELEASE), "--data", str(dataset), "--dry-run", "--output", str(preview)]) == 0
    assert entries(changelog) == [OLD_ENTRY] and preview.exists()

    assert main(["ingest", str(RELEASE), "--data", str(dataset), "--output", str(preview)]) == 2   # refused
    assert entries(changelog) == [OLD_ENTRY]

    assert main(["ingest", str(RELEASE), "--data", str(dataset)]) == 0
    check_entry(dataset, changelog, before, f"ingest {RELEASE.name}", 1)

    assert main(["ingest", str(RELEASE), "--data", str(dataset)]) == 0           # read again: no change
    assert len(entries(changelog)) == 2


def test_chlog003_curate_appends_what_the_rebuild_restored(dataset):
    stored = cells(dataset)
    dropped, edited = stored.index[10], stored.index[20]
    stored.loc[edited, "notes"] = "edited by hand, the rebuild restores it"
    stored.drop(index=dropped).to_csv(dataset)
    changelog = seed_changelog(dataset)
    before = cells(dataset)

    assert main(["curate", "--sources", str(dataset.parent / "no-such-folder"), "--output", str(dataset)]) == 2
    assert entries(changelog) == [OLD_ENTRY]

    assert main(["curate", "--output", str(dataset)]) == 0
    check_entry(dataset, changelog, before, "curate", 1)
    ids = parse(entries(changelog)[0])[4]
    assert dropped in ids["added"] and edited in ids["changed"]
