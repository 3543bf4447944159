"""Hostile input, round 2 (issue 19): the data-loss paths and the inputs accepted wrongly outside the release parser.

Each case runs against a copy of the shipped dataset in tmp_path and states the exit code
(or the exception), the words of the refusal, and that the dataset is byte-identical
afterwards; the lock race states that no row an import reported as added is lost.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from geo.locate import DistanceError, locate
from sightings import curate
from sightings.__main__ import main
from sightings.importer import merge_into, plan, read_upload
from sightings.ingest import Release, merge_releases
from sightings.jso import ReleaseError
from sightings.schema import SightingsError, validate
from sightings.store import DATASET, read_sightings, to_csv_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "jso" / "releases.json"
HEADER = ("event_date,report_date,ships,ship_types,hull_numbers,location_text,strait,direction,sea_area,"
          "activity,with_chinese_ships,source_urls,source_names,notes")


def line(notes: str = "round2", *, date: str = "2026-11-30", ships: str = "2", types: str = "frigate",
         phrase: str = "about 30 km north of Cape Soya", strait: str = "Soya") -> str:
    """One new report (not in the dataset) as a CSV line in the shared format."""
    quoted = '"' + notes.replace('"', '""') + '"'
    return (f'{date},{date},{ships},{types},,"{phrase}",{strait},west,,transit,no,https://example.org/r2,'
            f"Example News,{quoted}")


def csv(*lines: str) -> bytes:
    return ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")


def upload(raw: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(raw).decode()


def corpus_item(**changes) -> dict:
    """Release p20260817_04 of the shipped corpus (already in the dataset), some fields changed."""
    item = dict(next(i for i in json.loads(CORPUS.read_text(encoding="utf-8")) if i["file"] == "p20260817_04.pdf"))
    item.update(changes)
    return item




# --- text is clean before it is stored ------------------------------------------------------------------

# (name, kind, input, words of the refusal). kind "import": CSV bytes merged into the dataset;
# "upload": the browser's upload of those bytes; "cli": argv after "import FILE".
CONTROL_CASES = [
    ("ESC sequence in notes, import", "import", csv(line("seen \x1b]0;pwned\x07 twice")),
     "row 1, notes: 'seen \\x1b]0;pwned\\x07 twice' holds the control character '\\x1b' at character 6 and 1 more "
     "(a NUL, escape, DEL or lone surrogate is never part of a report); remove it"),
    ("DEL in the phrase, upload", "upload", csv(line(phrase="about 30 km north\x7f of Cape Soya")),
     "row 1, location_text: 'about 30 km north\\x7f of Cape Soya' holds the control character '\\x7f' at "
     "character 18"),
    ("C1 NEL at the end of a cell (str.strip would drop it silently)", "import", csv(line("note\x85")),
     "row 1, notes: 'note\\x85' holds the control character '\\x85' at character 5"),
    ("bell in a ship type, command line", "cli", csv(line(types="frig\x07ate")),
     "error: row 1, ship_types: 'frig\\x07ate' holds the control character '\\x07' at character 5"),
    ("form feed in a source URL", "import", csv(line().replace("https://example.org/r2", "https://example.org/\x0cr2")),
     "row 1, source_urls: 'https://example.org/\\x0cr2' holds the control character '\\x0c'"),
]


@pytest.mark.parametrize(("name", "kind", "raw", "message"), CONTROL_CASES, ids=[c[0] for c in CONTROL_CASES])
def test_round2_loss01_control_characters_are_refused_on_every_csv_path(name, kind, raw, message, dataset,
                                                                          tmp_path, capsys):
    before = dataset.read_bytes()
    if kind == "cli":
        path = tmp_path / "new.csv"
        path.write_bytes(raw)
        assert main(["import", str(path), "--data", str(dataset)]) == 2
        shown = capsys.readouterr().err
        assert "\x07" not in shown and "Traceback" not in shown      # printed escaped, not rung
    else:
        with pytest.raises(SightingsError) as caught:
            merge_into(dataset, raw) if kind == "import" else read_upload(upload(raw))
        shown = str(caught.value)
    assert message in shown
    assert dataset.read_bytes() == before


def test_round2_loss02_a_nul_in_a_corpus_url_never_reaches_the_dataset(dataset, tmp_path, capsys):
    corpus = tmp_path / "corpus.json"
    item = corpus_item(url=corpus_item()["url"] + "\x00")
    corpus.write_text(json.dumps([item]), encoding="utf-8")
    before = dataset.read_bytes()
    assert main(["ingest", str(corpus), "--data", str(dataset)]) == 2
    err = capsys.readouterr().err
    # refused where the corpus is read (naming the item), or at the latest by validation (naming the cell)
    assert "p20260817_04.pdf\\x00' holds " in err and "control character" in err
    assert dataset.read_bytes() == before
    read_sightings(dataset)                                   # still readable


def test_round2_loss03_the_last_guard_refuses_every_control_and_a_list_separator_in_an_item():
    frame = read_sightings().head(3).copy()
    frame.loc[0, "location_text_ja"] = "対馬\x00の南西"
    frame.at[1, "ship_types"] = ["Kilo; improved class"]
    frame["notes"] = frame["notes"].astype(object)      # Arrow strings cannot hold a lone surrogate at all
    frame.loc[2, "notes"] = "lone \ud800 surrogate"
    with pytest.raises(SightingsError) as caught:
        validate(frame)
    assert caught.value.problems == [
        "row 1, location_text_ja: '対馬\\x00の南西' holds the control character '\\x00' at character 3 (a NUL, "
        "escape, DEL or lone surrogate is never part of a report); remove it",
        "row 2, ship_types: item 'Kilo; improved class' holds ';', the list's separator (it would be read back as "
        "two items); write it without ';'",
        "row 3, notes: 'lone \\ud800 surrogate' holds the control character '\\ud800' at character 6 (a NUL, "
        "escape, DEL or lone surrogate is never part of a report); remove it"]


def test_round2_wrong01_a_class_name_holding_the_separator_is_refused_not_split(dataset):
    item = corpus_item()
    text = item["text"].replace("ロシア海軍キロ改級潜水艦", "ロシア海軍キロ; 改級潜水艦", 1)
    with pytest.raises(ReleaseError) as caught:
        merge_releases(read_sightings(dataset), [Release(item["file"], item["url"], text)])
    assert "ship_types: item 'キロ;改級潜水艦' holds ';', the list's separator (it would be read back as two " \
           "items)" in str(caught.value)


def test_round2_wrong02_text_printed_to_the_terminal_is_escaped(tmp_path, capsys):
    name = tmp_path / "new\x1b]0;pwned\x07\x1b[2J.csv"
    assert main(["import", str(name)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "no such file: " in err and "new\\x1b]0;pwned\\x07\\x1b[2J.csv" in err


# --- one writer at a time --------------------------------------------------------------------------------

def test_round2_loss04_curate_refuses_to_drop_rows_an_import_added(dataset, tmp_path, capsys):
    new = tmp_path / "new.csv"
    new.write_bytes(csv(line("added by an import")))
    assert main(["import", str(new), "--data", str(dataset)]) == 0
    added = read_sightings(dataset).query("notes == 'added by an import'")["id"].tolist()
    assert len(added) == 1
    before = dataset.read_bytes()
    capsys.readouterr()
    assert curate.main(["--output", str(dataset)]) == 2
    err = capsys.readouterr().err
    assert err == (f"error: {dataset} holds 1 row(s) the sources do not (added by an import?): {added[0]} "
                   "(2026-11-30 Soya); add them to data/sources/reported_sightings_more.csv so the rebuild keeps "
                   "them, or pass --drop-unsourced to drop them (nothing written)\n")
    assert dataset.read_bytes() == before
    assert curate.main(["--output", str(dataset), "--drop-unsourced"]) == 0       # asked for: dropped
    assert dataset.read_bytes() == DATASET.read_bytes()


def test_round2_loss05_curate_over_an_unreadable_file_asks_before_replacing_it(tmp_path, capsys):
    broken = tmp_path / "sightings.csv"
    broken.write_bytes(b"not,a,dataset\n1,2,3\n")
    assert curate.main(["--output", str(broken)]) == 2
    assert "cannot read " + str(broken) + " to check that the rebuild keeps its rows: missing required column(s)" \
        in capsys.readouterr().err
    assert broken.read_bytes() == b"not,a,dataset\n1,2,3\n"


def _racing_round(folder: Path, number: int) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    data = folder / "sightings.csv"
    data.write_bytes(DATASET.read_bytes())
    new = folder / "new.csv"
    new.write_bytes(csv(line(f"race round {number}")))
    run = {"cwd": ROOT, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    rebuild = subprocess.Popen([sys.executable, "-m", "sightings", "curate", "--output", str(data)], **run)
    adding = subprocess.Popen([sys.executable, "-m", "sightings", "import", str(new), "--data", str(data)], **run)
    results = []
    for process in (rebuild, adding):
        out, err = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results[0], results[1]


def test_round2_loss06_curate_and_import_racing_lose_no_row(tmp_path):
    """Three rounds of curate and import started together on a fresh copy: a row reported added is there."""
    for number in range(3):
        folder = tmp_path / f"round{number}"
        folder.mkdir()
        rebuild, adding = _racing_round(folder, number)
        assert adding.returncode == 0 and "added 1," in adding.stderr, adding.stderr
        stored = read_sightings(folder / "sightings.csv")
        assert (stored["notes"] == f"race round {number}").sum() == 1, (rebuild.stderr, adding.stderr)
        # curate either wrote before the import, or refused naming the imported row
        assert rebuild.returncode == 0 or "holds 1 row(s) the sources do not" in rebuild.stderr
        assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- the app's own download and the previews ----------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","y")', "-50 km claimed by one paper", "+81 3 1234", "@mention",
            "'=already quoted"]


@pytest.fixture
def formula_dataset(dataset):
    """The dataset copy with formula-like notes on five rows."""
    frame = read_sightings(dataset)
    frame.loc[:4, "notes"] = FORMULAS
    dataset.write_text(to_csv_text(frame), encoding="utf-8")
    return dataset


def download(path: Path) -> bytes:
    from sightings.export import to_csv
    from sightings.pipeline import prepare
    return to_csv(prepare(read_sightings(path))).encode("utf-8")


def test_round2_loss07_the_apps_download_reimports_as_duplicates(formula_dataset, tmp_path, capsys):
    raw = download(formula_dataset)
    assert b"'=HYPERLINK" in raw and b"'-50 km" in raw and b"''=already quoted" in raw
    before = formula_dataset.read_bytes()
    rows = len(read_sightings(formula_dataset))
    file = tmp_path / "download.csv"
    file.write_bytes(raw)
    assert main(["import", str(file), "--data", str(formula_dataset)]) == 0
    assert f"added 0, replaced 0, duplicates {rows}, rejected 0" in capsys.readouterr().err
    assert formula_dataset.read_bytes() == before


def test_round2_loss08_replace_changed_never_writes_a_neutralising_apostrophe(formula_dataset, tmp_path, capsys):
    before = formula_dataset.read_bytes()
    file = tmp_path / "download.csv"
    file.write_bytes(download(formula_dataset))
    assert main(["import", str(file), "--data", str(formula_dataset), "--replace-changed"]) == 0
    assert "replaced 0" in capsys.readouterr().err
    assert formula_dataset.read_bytes() == before
    assert read_sightings(formula_dataset)["notes"].head(5).tolist() == FORMULAS


def test_round2_loss09_an_imported_apostrophe_before_a_formula_is_not_stored(dataset):
    merge_into(dataset, csv(line("'=SUM(1)")))
    assert "=SUM(1)" in read_sightings(dataset)["notes"].tolist()
    assert "'=SUM(1)" not in read_sightings(dataset)["notes"].tolist()


def test_round2_wrong03_ingest_preview_neutralises_formulas(dataset, tmp_path, capsys):
    item = corpus_item()
    item["text"] = item["text"].replace("海上自衛隊の第３機雷戦隊所属「たかしま」（佐世保）", '海上自衛隊の=HYPERLINK("http://x")', 1)
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps([item]), encoding="utf-8")
    preview = tmp_path / "preview.csv"
    before = dataset.read_bytes()
    assert main(["ingest", str(corpus), "--data", str(dataset), "--dry-run", "--output", str(preview)]) == 0
    cells = pd.read_csv(preview, dtype=str, keep_default_na=False)
    assert cells["observed_by"].tolist() == ['\'=HYPERLINK("http://x"); 第４航空群所属「Ｐ－１」（厚木）']
    assert dataset.read_bytes() == before


@pytest.mark.parametrize("command", ["import", "ingest"])
def test_round2_wrong04_output_may_not_be_the_datasets_lock_file(command, dataset, tmp_path, capsys):
    lock = Path(f"{dataset}.lock")
    lock.write_bytes(b"")
    source = str(ROOT / "data" / "examples" / "new_reports.csv") if command == "import" else str(CORPUS)
    argv = [command, source, "--data", str(dataset), "--dry-run", "--output", str(lock), "--force"]
    assert main(argv) == 2
    assert f"error: --output {lock} is a lock file (the dataset's is its name + '.lock'); write the preview to a " \
           ".csv file" in capsys.readouterr().err
    assert lock.read_bytes() == b""


def test_round2_wrong05_curate_output_may_not_be_a_lock_file(dataset, capsys):
    lock = Path(f"{dataset}.lock")
    assert curate.main(["--output", str(lock)]) == 2
    assert f"--output {lock} is a lock file" in capsys.readouterr().err
    assert not lock.exists()


# --- two rows of one file, one sighting ----------------------------------------------------------------------

def test_round2_wrong06_two_rows_of_one_file_reporting_one_sighting_are_refused_naming_both(dataset):
    raw = csv(line("first paper"), line("second paper", phrase="about 31 km north of Cape Soya"),
              line("another day", date="2026-11-29"))
    before = dataset.read_bytes()
    ids = plan(csv(line("first paper"), line("another day", date="2026-11-29")), read_sightings(dataset)).new["id"]
    with pytest.raises(SightingsError) as caught:
        merge_into(dataset, raw)
    assert caught.value.problems[0].startswith(f"rows 1 and 2 report the same sighting (2026-11-30 Soya, ids "
                                               f"{ids[0]!r} and ")
    assert caught.value.problems[0].endswith("); keep one row, with what the other adds")
    assert len(caught.value.problems) == 1
    assert dataset.read_bytes() == before


def test_round2_wrong07_rows_of_one_file_with_other_ships_are_all_added(dataset):
    """Same day, strait and count, but another kind of ship, or hulls listed on both and none shared."""
    raw = csv(line("destroyers", types="destroyer"),
              line("frigate 1").replace(",frigate,,", ",frigate,1,"),
              line("frigate 2", phrase="about 32 km north of Cape Soya").replace(",frigate,,", ",frigate,2,"))
    result = merge_into(dataset, raw)
    assert result.new["notes"].tolist() == ["destroyers", "frigate 1", "frigate 2"]
    assert result.duplicates.empty


# --- distances --------------------------------------------------------------------------------------------

DISTANCES = [
    ("about 9,999,999.999999 km north of Cape Soya",
     "distance '9,999,999.999999 km' in 'about 9,999,999.999999 km north of Cape Soya' is too far: a position is "
     "from more than 0 to 5,000 km from its place (a typo in the figure or its unit?)"),
    ("1e308 km north of Cape Soya",
     "distance '1e308' in '1e308 km north of Cape Soya' is not a plain positive number (no sign, no exponent)"),
    ("about 2.5E3 kilometres north of Cape Soya", "distance '2.5E3' in"),
    ("-50 km north of Cape Soya", "distance '-50' in '-50 km north of Cape Soya' is not a plain positive number"),
    ("about \u221250 km north of Cape Soya", "distance '\u221250' in"),
    ("about 0 km north of Cape Soya", "distance '0 km' in 'about 0 km north of Cape Soya' is zero"),
    ("about 3,200 miles north of Cape Soya", "distance '3,200 miles' in 'about 3,200 miles north of Cape Soya' "
                                             "is too far"),
]


@pytest.mark.parametrize(("phrase", "message"), DISTANCES, ids=[d[0] for d in DISTANCES])
def test_round2_wrong08_distances_are_plain_positive_and_at_most_5000_km(phrase, message, dataset):
    with pytest.raises(DistanceError) as caught:
        locate(phrase)
    assert message in str(caught.value)
    before = dataset.read_bytes()
    with pytest.raises(SightingsError) as refused:       # an import refuses it; never the strait's point instead
        merge_into(dataset, csv(line(phrase=phrase)))
    assert refused.value.problems == [f"row 1, location_text: {caught.value}"]
    assert dataset.read_bytes() == before


@pytest.mark.parametrize(("phrase", "km"), [("about 5,000 km east of Cape Soya", 5000.0),
                                            ("40-50 km north of Cape Soya", 50.0),
                                            ("about 50 km north of Cape Soya, -5 minutes later", 50.0)])
def test_round2_wrong09_plain_distances_still_read(phrase, km):
    assert locate(phrase).distance_km == km


def test_round2_wrong10_locate_refusal_reaches_the_command_line(dataset, tmp_path, capsys):
    new = tmp_path / "new.csv"
    new.write_bytes(csv(line(phrase="about 9,999,999.999999 km north of Cape Soya")))
    assert main(["import", str(new), "--data", str(dataset)]) == 2
    assert "error: row 1, location_text: distance '9,999,999.999999 km'" in capsys.readouterr().err


@pytest.mark.parametrize(("cell", "download"), [
    ("=1+1", "'=1+1"), ("'=1+1", "''=1+1"), ("''-2", "'''-2"), ("\u200b@SUM(1)", "'\u200b@SUM(1)"),
    ("'tis the season", "'tis the season"), ("O'Brien", "O'Brien"), ("Udaloy", "Udaloy"), ("", ""),
])
def test_round2_loss10_restore_undoes_exactly_what_neutralise_adds(cell, download):
    from sightings.cells import neutralise, restore
    assert neutralise(cell) == download
    assert restore(download) == cell


@pytest.mark.parametrize(("text", "found", "shown"), [
    ("Soya\x00 Strait", [(4, "'\\x00'")], "Soya\\x00 Strait"),
    ("\x1b[2J\x9b", [(0, "'\\x1b'"), (4, "'\\x9b'")], "\\x1b[2J\\x9b"),
    ("tab\tnew\nline\r", [], "tab\tnew\nline\r"),
    ("DEL\x7f", [(3, "'\\x7f'")], "DEL\\x7f"),
    ("宗谷海峡", [], "宗谷海峡"),
])
def test_round2_wrong11_control_characters_are_found_and_printed_as_escapes(text, found, shown):
    from sightings.text import control_characters, escape_controls
    assert control_characters(text) == found
    assert escape_controls(text) == shown


@pytest.mark.parametrize("control", ["\x00", "\x1b[2J\x07", "\x7f", "\x85"])
def test_round2_loss11_a_control_in_a_release_txt_never_reaches_the_dataset(control, dataset, tmp_path, capsys):
    """Refused (exit 2) or removed with a note (exit 0): either way the stored file stays readable and clean."""
    item = corpus_item()
    release = tmp_path / item["file"].replace(".pdf", ".txt")
    release.write_text(item["text"].replace("所属「たかしま」", f"所属「たか{control}しま」", 1), encoding="utf-8")
    before = dataset.read_bytes()
    code = main(["ingest", str(release), "--data", str(dataset)])
    shown = capsys.readouterr()
    assert code in (0, 2) and "Traceback" not in shown.err
    raw = [c for c in control if c not in "[2J"]
    assert not [c for c in shown.out + shown.err if c in raw]              # nothing raw on the terminal
    if code == 2:
        assert dataset.read_bytes() == before
        assert "observed_by: '第３機雷戦隊所属「たか\\x" in shown.err and "holds the control character" in shown.err
    stored = dataset.read_text(encoding="utf-8")
    assert not [c for c in stored if c in raw]
    read_sightings(dataset)


def test_round2_wrong12_match_prefers_the_plain_repeat_of_the_one_rule_over_a_hull_only_candidate():
    """merge.match calls merge.same_report: a same-day row with the same count and kind beats a hull-only one."""
    from sightings.merge import match
    from tests.unit.test_merge import frame, release, row

    hull_only = row(id="a-hull-only", event_date="2026-02-04", ships=3, hull_numbers=["335"],
                    ship_types=["Steregushchiy-class frigate"], source_urls=["https://example.org/a"])
    repeat = row(id="b-repeat", event_date="2026-02-04", ships=1, ship_types=["frigate"],
                 source_urls=["https://example.org/b"])
    assert match(pd.Series(release(strait="")), frame(hull_only, repeat)) == "b-repeat"
    assert match(pd.Series(release(strait="")), frame(hull_only)) == "a-hull-only"
