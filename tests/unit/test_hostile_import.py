"""Hostile input (issue 11): every bad file, upload, phrase or command line is refused with a clear message.

One table, one row per attack: the kind of entry point, how the input is made, and the
words the refusal must contain. Where a dataset is involved it is a copy in tmp_path,
and it must be byte-identical (same mode, no temporary file left) afterwards.
"""

from __future__ import annotations

import base64
import codecs
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from geo.locate import LocateError, locate
from sightings.__main__ import main
from sightings.importer import merge_into, read_upload
from sightings.schema import REQUIRED, SightingsError
from sightings.store import MAX_IMPORT_BYTES, read_file, read_sightings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "data" / "examples" / "new_reports.csv"
NOT_UTF8 = "is not valid UTF-8; save it as UTF-8 (in Excel: CSV UTF-8), or name its encoding, e.g. --encoding cp932"


def example() -> pd.DataFrame:
    return pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)


def report(**changes) -> bytes:
    """The first example report (already in the dataset) as UTF-8 CSV, with some cells changed or added."""
    frame = example().head(1).copy()
    for column, value in changes.items():
        frame[column] = value
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def text_report(**changes) -> str:
    return report(**changes).decode("utf-8")


def upload(raw: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(raw).decode()


def written(tmp: Path, raw: bytes, name: str = "new.csv") -> Path:
    path = tmp / name
    path.write_bytes(raw)
    return path


def fifo(tmp: Path) -> Path:
    path = tmp / "pipe.csv"
    os.mkfifo(path)
    return path


def sparse(tmp: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (refused by its size before a byte is read)."""
    path = tmp / "huge.csv"
    with path.open("wb") as out:
        out.truncate(size)
    return path


def symlink(tmp: Path, target: Path, name: str = "link.csv") -> Path:
    path = tmp / name
    path.symlink_to(target)
    return path


def hard_link(tmp: Path, target: Path) -> Path:
    path = tmp / "other-name.csv"
    os.link(target, path)
    return path


def after_header(line: str) -> bytes:
    """The example's header and one hand-written data line."""
    return (EXAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n" + line).encode("utf-8")


FIRST = EXAMPLE.read_text(encoding="utf-8").splitlines()[1]     # the first example report's CSV line
NUL_LATE = report(notes="x" * 5000 + "\x00")                   # a NUL past the first 4 KB
LATIN1 = text_report(location_text="about 40 km west of La Pérouse Strait").encode("latin-1")
EUC_JP = text_report(notes="宗谷海峡を西進").encode("euc-jp")
CHANGED = report(notes="a different account", ships="11")

# (name, kind, make, message). Kinds and what ``make`` gets and returns:
#   import: (tmp, dataset) -> bytes, or (bytes, options for merge_into)
#   cli:    (tmp, dataset) -> argv after "import" ("--data DATASET" is added); exit code 2 expected
#   upload: () -> the browser's ``contents`` value
#   locate: () -> phrase
#   read:   (tmp, dataset) -> path for sightings.store.read_file
CASES = [
    # 1. quadratic patterns and unbounded phrases
    ("60,000-digit phrase, import", "import", lambda t, d: report(location_text="1" * 60_000),
     "row 1, location_text: '1111111111111111111111111111111111111111'... is 60,000 characters long "
     "(expected at most 2,000)"),
    ("60,000-digit phrase, upload", "upload", lambda: upload(report(location_text="1" * 60_000)),
     "is 60,000 characters long (expected at most 2,000)"),
    ("60,000-digit phrase, locate", "locate", lambda: "1" * 60_000,
     "the phrase is 60,000 characters long; a position phrase may have at most 2,000"),
    ("30 KB digits then km, upload", "upload", lambda: upload(report(location_text="9" * 30_000 + " km north of Cape Soya")),
     "is 30,022 characters long (expected at most 2,000)"),
    ("'between' and 100,000 spaces, locate", "locate", lambda: "between Cape Soya" + " " * 100_000,
     "the phrase is 100,017 characters long"),
    ("200,000 open parentheses, locate", "locate", lambda: "(" * 200_000, "the phrase is 200,000 characters long"),
    ("1 MB phrase cell, import", "import", lambda t, d: report(location_text="1" * 2**20),
     "row 1 (line 2): a field is longer than 131,072 characters (far past any column's limit)"),
    # 2. NUL bytes
    ("NUL after 4 KB, import", "import", lambda t, d: NUL_LATE,
     "the file is binary, not CSV text: a NUL byte on line 2"),
    ("NUL after 4 KB, upload", "upload", lambda: upload(NUL_LATE), "a NUL byte on line 2"),
    ("NUL after 4 KB, command line", "cli", lambda t, d: [written(t, NUL_LATE)], "a NUL byte on line 2"),
    ("NUL as the first byte", "import", lambda t, d: b"\x00" + report(), "a NUL byte on line 1"),
    ("NUL in a named encoding", "import", lambda t, d: (report(notes="a\x00b"), {"encoding": "cp932"}),
     "a NUL byte on line 2"),
    ("PNG image", "import", lambda t, d: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the file is binary, not CSV text"),
    # 3. --output aimed at the dataset or other files
    ("--output is the dataset", "cli", lambda t, d: [EXAMPLE, "--dry-run", "--output", d],
     "is the dataset; write the preview to another file"),
    ("--output is the dataset by a symlink", "cli", lambda t, d: [EXAMPLE, "--dry-run", "--output", symlink(t, d)],
     "is the dataset; write the preview to another file"),
    ("--output is the dataset by a hard link", "cli",
     lambda t, d: [EXAMPLE, "--dry-run", "--output", hard_link(t, d)], "is the dataset"),
    ("--output is the dataset by a dotted path", "cli",
     lambda t, d: [EXAMPLE, "--dry-run", "--output", d.parent / "." / ".." / d.parent.name / d.name],
     "is the dataset"),
    ("--output is the dataset, even with --force", "cli", lambda t, d: [EXAMPLE, "--dry-run", "--output", d, "--force"],
     "is the dataset"),
    ("--output is the input", "cli", lambda t, d: [written(t, report()), "--dry-run", "--output", t / "new.csv",
                                                    "--force"], "is an input file"),
    ("--output exists", "cli", lambda t, d: [EXAMPLE, "--dry-run", "--output", written(t, b"keep me", "old.csv")],
     "exists; pass --force to replace it"),
    ("--output is a folder", "cli", lambda t, d: [EXAMPLE, "--dry-run", "--output", t], "is a folder"),
    ("--output in a missing folder", "cli", lambda t, d: [EXAMPLE, "--dry-run", "--output", t / "no" / "p.csv"],
     "p.csv: no folder"),
    ("--output without --dry-run", "cli", lambda t, d: [EXAMPLE, "--output", t / "p.csv"],
     "--output goes with --dry-run (an import writes only the dataset)"),
    ("--force without --output", "cli", lambda t, d: [EXAMPLE, "--dry-run", "--force"], "--force goes with --output"),
    # 4. an id already stored, with other content
    ("stored id, other content", "import", lambda t, d: CHANGED,
     "row 1, ships: 11 differs from the stored row '2022-03-15-046beb' (4); give the row a new id, or pass "
     "--replace-changed to replace the stored row"),
    ("stored id, other content, dry run", "cli", lambda t, d: [written(t, CHANGED), "--dry-run"],
     "row 1, notes: 'a different account' differs from the stored row '2022-03-15-046beb'"),
    ("stored id, other content, command line", "cli", lambda t, d: [written(t, CHANGED)],
     "pass --replace-changed to replace the stored row"),
    ("explicit stored id, other phrase", "import",
     lambda t, d: report(id="2022-03-15-046beb", location_text="about 10 km north of Cape Soya"),
     "row 1, location_text: 'about 10 km north of Cape Soya' differs from the stored row '2022-03-15-046beb'"),
    # 6. encodings and headers
    ("Latin-1 La Pérouse", "import", lambda t, d: LATIN1, f"the file is not UTF-8 text: byte 0xE9 on line 2 {NOT_UTF8}"),
    ("Latin-1, command line", "cli", lambda t, d: [written(t, LATIN1)], "--encoding latin-1"),
    ("EUC-JP", "import", lambda t, d: EUC_JP, f"the file is not UTF-8 text: byte 0xBD on line 2 {NOT_UTF8}"),
    ("EUC-JP, upload", "upload", lambda: upload(EUC_JP), "the file is not UTF-8 text"),
    ("UTF-16 LE with BOM", "import", lambda t, d: codecs.BOM_UTF16_LE + text_report().encode("utf-16-le"),
     "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8, or pass --encoding utf-16"),
    ("UTF-16 BE with BOM", "import", lambda t, d: codecs.BOM_UTF16_BE + text_report().encode("utf-16-be"),
     "the file is UTF-16 text"),
    ("UTF-16 without BOM", "import", lambda t, d: text_report().encode("utf-16-le"),
     "looks like UTF-16 text without a byte-order mark (every other byte is NUL); save it as UTF-8"),
    ("UTF-32 with BOM", "upload", lambda: upload(text_report().encode("utf-32")), "the file is UTF-32 text"),
    ("UTF-8 file read as cp932", "import", lambda t, d: (report(notes="宗谷海峡を西進"), {"encoding": "cp932"}),
     "the file is UTF-8 text: read as cp932 its non-ASCII text would be garbled; leave out --encoding"),
    ("Shift-JIS file read as EUC-JP", "import",
     lambda t, d: (text_report(notes="宗谷海峡を西進").encode("cp932"), {"encoding": "euc-jp"}),
     "the file is not euc_jp text: byte 0x"),
    ("unknown encoding name", "cli", lambda t, d: [EXAMPLE, "--encoding", "klingon"],
     "unknown encoding 'klingon' (expected e.g. utf-8, cp932, euc-jp, latin-1)"),
    ("Latin-1 read as ascii", "import", lambda t, d: (LATIN1, {"encoding": "ascii"}),
     "the file is not ascii text: byte 0xE9 on line 2"),
    ("duplicate header", "import", lambda t, d: after_header(FIRST + ",x\n").replace(b",notes\n", b",notes,notes\n", 1),
     "header: column 'notes' appears twice (columns 14 and 15); keep one"),
    ("duplicate header after trimming", "import",
     lambda t, d: after_header(FIRST + ",x\n").replace(b",notes\n", b",notes, notes \n", 1),
     "header: column 'notes' appears twice (columns 14 and 15)"),
    ("empty header name", "import", lambda t, d: after_header(FIRST + ",x\n").replace(b",notes\n", b",notes,\n", 1),
     "header: column 15 has no name"),
    ("misspelt header", "import", lambda t, d: report().replace(b"ships,", b"shipz,", 1),
     "missing required column(s): ships"),
    ("10,000 unknown columns", "upload", lambda: upload(",".join(list(REQUIRED) + [f"c{i}" for i in range(10_000)])
                                                        .encode() + b"\n"),
     "unknown column(s): 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9' and 9,990 more"),
    ("semicolon separated", "import", lambda t, d: example().head(1).to_csv(index=False, sep=";").encode(),
     "looks ';' or tab separated"),
    ("tab separated", "upload", lambda: upload(example().head(1).to_csv(index=False, sep="\t").encode()),
     "looks ';' or tab separated"),
    # 7. lengths, counts, coordinates, cut files
    ("1 MB hull_numbers", "import", lambda t, d: report(hull_numbers="1" * 2**20), "a field is longer than 131,072"),
    ("20 KB hull_numbers", "import", lambda t, d: report(hull_numbers="1" * 20_000),
     "row 1, hull_numbers: '1111111111111111111111111111111111111111'... is 20,000 characters long "
     "(expected at most 100 items of at most 16 characters)"),
    ("101 hull numbers", "import", lambda t, d: report(hull_numbers="; ".join(["1"] * 101)),
     "row 1, hull_numbers: 101 items (expected at most 100)"),
    ("17-character hull number", "import", lambda t, d: report(hull_numbers="12345678901234567"),
     "row 1, hull_numbers: item '12345678901234567' is 17 characters long (expected at most 16)"),
    ("1 MB ship_types", "upload", lambda: upload(report(ship_types="destroyer; " * 90_000)),
     "a field is longer than 131,072"),
    ("201-character ship type", "import", lambda t, d: report(ship_types="d" * 201),
     "row 1, ship_types: item 'dddddddddddddddddddddddddddddddddddddddd'... is 201 characters long "
     "(expected at most 200)"),
    ("101 ship types", "import", lambda t, d: report(ship_types="; ".join(f"type {i}" for i in range(101))),
     "row 1, ship_types: 101 items (expected at most 100)"),
    ("21 source URLs", "import", lambda t, d: report(source_urls=" | ".join(f"https://example.org/{i}" for i in range(21))),
     "row 1, source_urls: 21 items (expected at most 20)"),
    ("2,001-character notes", "import", lambda t, d: report(notes="n" * 2001),
     "row 1, notes: 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn'... is 2,001 characters long (expected at most 2,000)"),
    ("301-character activity", "import", lambda t, d: report(activity="a" * 301), "row 1, activity:"),
    ("65-character id", "import", lambda t, d: report(id="i" * 65), "row 1, id: 'iiiii"),
    ("id with a path", "import", lambda t, d: report(id="../../etc/passwd"),
     "row 1, id: '../../etc/passwd' is not a valid id"),
    ("-0,-0", "import", lambda t, d: report(lat="-0", lon="-0"),
     "row 1, lat: 0.0 is outside the region Straitwatch maps (expected a latitude from 10 to 65 around Japan; "
     "a lost sign, or lat and lon swapped?)"),
    ("lat and lon swapped", "import", lambda t, d: report(lat="141.9", lon="41.5"),
     "row 1, lon: 41.5 is outside the region Straitwatch maps (expected a longitude from 110 to 170"),
    ("lat 5", "upload", lambda: upload(report(lat="5", lon="140")), "row 1, lat: 5.0 is outside the region"),
    ("infinite lat", "import", lambda t, d: report(lat="inf", lon="140"), "row 1, lat: inf is outside the region"),
    ("phrase 5,000 km south of Cape Soya", "import", lambda t, d: report(location_text="5,000 km south of Cape Soya"),
     "row 1, lat: 0.3894 is outside the region"),
    ("area row with coordinates", "import", lambda t, d: report(position_kind="area", strait="", lat="40", lon="140"),
     "row 1, lat/lon: 40.0/140.0 given for an area row (its point is none); leave lat and lon empty, or set "
     "position_kind to reported"),
    ("area row, not its strait's point", "import",
     lambda t, d: report(position_kind="area", lat="40", lon="140"),
     "row 1, lat/lon: 40.0/140.0 given for an area row (its point is its strait's label point 41.4992/140.6158 "
     "or none)"),
    ("unlocated row with coordinates", "upload",
     lambda: upload(report(position_kind="unlocated", lat="40", lon="140")),
     "row 1, lat/lon: 40.0/140.0 given for an unlocated row (its point is none)"),
    ("file cut inside its last field", "import", lambda t, d: report()[:-40],
     "row 1 (line 2): the file ends inside a quoted field (is it cut short?); check that row's quotes"),
    ("cut file, second row", "import", lambda t, d: EXAMPLE.read_bytes()[:-30],
     "row 6 (line 7): the file ends inside a quoted field"),
    ("text after a closing quote", "import", lambda t, d: after_header(FIRST.replace(',"two', ',"x"y"two', 1) + "\n"),
     'row 1 (line 2): a quoted field has text after its closing quote (write a quote inside a quoted field as "")'),
    ("row with an extra field", "import", lambda t, d: after_header(FIRST + ",extra\n"),
     "row 1 has 15 fields but the header has 14 (a cut line, or a comma in a field that is not quoted?)"),
    ("row cut short", "upload",
     lambda: upload(after_header("2022-03-10,2022-03-11,10,destroyer,,10 km E of Cape Soya,Soya,west,,transit,no\n")),
     "row 1 has 11 fields but the header has 14"),
    ("synthetic marker", "import", lambda t, d: report(source_urls="synthetic:"), "marks a synthetic benchmark row"),
    ("javascript URL", "upload", lambda: upload(report(source_urls="javascript:alert(1)")),
     "row 1, source_urls: ['javascript:alert(1)'] is not a list of http(s) URLs (expected 1 to 20, each at most 2000"),
    ("empty file", "cli", lambda t, d: [written(t, b"")], "the file is empty"),
    ("a BOM only", "upload", lambda: upload(codecs.BOM_UTF8 + b"\r\n"), "the file is empty"),
    # 8. files that are not files, or too big
    ("/dev/zero", "cli", lambda t, d: ["/dev/zero"],
     "/dev/zero is not a regular file (a device, pipe or socket); save the CSV to a file and give that file"),
    ("/dev/zero, read", "read", lambda t, d: Path("/dev/zero"), "is not a regular file"),
    ("a symlink to /dev/zero", "cli", lambda t, d: [symlink(t, Path("/dev/zero"))], "is not a regular file"),
    ("a FIFO with no writer", "cli", lambda t, d: [fifo(t)], "pipe.csv is not a regular file"),
    ("a folder", "cli", lambda t, d: [t], "is a folder (expected a CSV file)"),
    ("a missing file", "cli", lambda t, d: [t / "nope.csv"], "no such file:"),
    ("a file past the size limit", "cli", lambda t, d: [sparse(t, MAX_IMPORT_BYTES + 1)],
     "huge.csv is 128.0 MB; the limit is 128 MB (split it into smaller files)"),
    ("a path through a file", "read", lambda t, d: written(t, report()).parent / "new.csv/x", "cannot open"),
    ("the dataset is /dev/zero", "cli", lambda t, d: [EXAMPLE, "--dry-run", "--data", "/dev/zero"],
     "/dev/zero is not a regular file"),
    ("the dataset is a FIFO", "cli", lambda t, d: [EXAMPLE, "--data", fifo(t)], "is not a regular file"),
    # the browser's upload component, sent anything
    ("upload as a list", "upload", lambda: [upload(report())], "no file received (expected a CSV file)"),
    ("upload as a number", "upload", lambda: 5, "no file received"),
    ("upload not a data URL", "upload", lambda: "hello", "no file received"),
    ("upload not base64", "upload", lambda: "data:text/csv;base64,@@@@", "the upload is damaged (not valid base64)"),
    ("upload over 5 MB", "upload", lambda: "data:text/csv;base64," + "A" * (7 * 2**20), "the file is larger than 5 MB"),
]




def unchanged(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert not [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(("name", "kind", "make", "message"), CASES, ids=[c[0] for c in CASES])
def test_hostile001_refused_with_a_clear_message(name, kind, make, message, dataset, tmp_path, capsys):
    before = dataset.read_bytes()
    if kind == "locate":
        with pytest.raises(LocateError) as caught:
            locate(make())
        shown = str(caught.value)
    elif kind == "upload":
        with pytest.raises(SightingsError) as caught:
            read_upload(make())
        shown = str(caught.value)
    elif kind == "read":
        with pytest.raises(SightingsError) as caught:
            read_file(make(tmp_path, dataset))
        shown = str(caught.value)
    elif kind == "import":
        made = make(tmp_path, dataset)
        raw, options = made if isinstance(made, tuple) else (made, {})
        with pytest.raises(SightingsError) as caught:
            merge_into(dataset, raw, **options)
        shown = str(caught.value)
    else:
        argv = [str(a) for a in make(tmp_path, dataset)]
        code = main(["import", *argv, *([] if "--data" in argv else ["--data", str(dataset)])])
        shown = capsys.readouterr().err
        assert code == 2 and "Traceback" not in shown
        assert shown.splitlines()[-1].startswith("rejected: ") and shown.splitlines()[-1].endswith("(nothing written)")
    assert message in shown
    unchanged(dataset, before)


def test_hostile002_at_least_sixty_cases_covering_every_entry_point():
    kinds = pd.Series([c[1] for c in CASES]).value_counts()
    assert len(CASES) >= 60 and set(kinds.index) == {"import", "cli", "upload", "locate", "read"}


def test_hostile003_a_fifo_never_hangs_the_command(tmp_path):
    """Run as a separate process with a deadline: a blocking open would hang this test, not the suite."""
    pipe = fifo(tmp_path)
    done = subprocess.run([sys.executable, "-m", "sightings", "import", str(pipe), "--dry-run"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and f"error: {pipe} is not a regular file" in done.stderr


def test_hostile004_the_geo_command_refuses_a_huge_phrase_with_a_message(capsys):
    """The command's own function in this process (tests/unit/test_locate.py runs the command line)."""
    from geo.__main__ import main
    assert main(["locate", "1" * 60_000]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "the phrase is 60,000 characters long; a position phrase may have at most 2,000" in err


def new_rows() -> bytes:
    """Two real example reports with the dataset's ids removed from it (see :func:`without_examples`)."""
    return example().head(2).to_csv(index=False, lineterminator="\n").encode("utf-8")


def without_examples(path: Path) -> None:
    from sightings.store import to_csv_text
    full = read_sightings(path)
    path.write_text(to_csv_text(full[~full["location_text"].isin(example()["location_text"])]), encoding="utf-8")


def test_hostile005_an_import_keeps_the_mode_and_the_symlink(dataset, tmp_path):
    without_examples(dataset)
    dataset.chmod(0o640)
    link = symlink(tmp_path, dataset, "sightings-link.csv")
    result = merge_into(link, new_rows())
    assert len(result.new) == 2
    assert link.is_symlink() and link.resolve() == dataset.resolve()
    assert stat.S_IMODE(dataset.stat().st_mode) == 0o640
    assert len(read_sightings(dataset)) == len(read_sightings()) - len(example()) + 2
    assert not [p for p in dataset.parent.iterdir() if p.name.endswith(".tmp")]


def test_hostile006_leftovers_of_killed_imports_are_cleaned_but_a_live_writers_file_stays(dataset, capsys):
    without_examples(dataset)
    folder = dataset.parent
    dead = folder / ".sightings.csv.999999999.0badcafe.tmp"      # no such process
    old = folder / ".sightings.csv.k3j2h1g0.tmp"                  # older naming, 20 minutes old
    live = folder / f".sightings.csv.{os.getppid()}.feedbeef.tmp"   # a live process, just written
    other = folder / ".other.csv.999999999.0badcafe.tmp"          # another file's: not ours to judge
    for path in (dead, old, live, other):
        path.write_bytes(b"x" * 1000)
    stale = time.time() - 20 * 60
    os.utime(old, (stale, stale))
    code = main(["import", str(EXAMPLE), "--data", str(dataset)])
    err = capsys.readouterr().err
    assert code == 0
    assert f"removed: {dead} (left by an import that was killed)" in err and f"removed: {old}" in err
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")) == sorted([live.name, other.name])


def test_hostile007_replace_changed_replaces_in_place_and_says_so(dataset, tmp_path, capsys):
    before = read_sightings(dataset)
    changed = written(tmp_path, CHANGED)
    assert main(["import", str(changed), "--data", str(dataset), "--replace-changed", "--dry-run"]) == 0
    assert "would add 0, would replace 1, duplicates 0, rejected 0" in capsys.readouterr().err
    assert main(["import", str(changed), "--data", str(dataset), "--replace-changed"]) == 0
    assert "replacing: 2022-03-15-046beb\nadded 0, replaced 1, duplicates 0" in capsys.readouterr().err
    after = read_sightings(dataset)
    row = after.set_index("id").loc["2022-03-15-046beb"]
    assert (row["ships"], row["notes"]) == (11, "a different account")
    assert list(after["id"]) == list(before["id"])


def test_hostile008_trimmed_headers_crlf_and_named_encodings_are_accepted(dataset, tmp_path):
    without_examples(dataset)
    spaced = new_rows().replace(b"ships,", b" ships ,", 1).replace(b"\n", b"\r\n")
    assert len(merge_into(dataset, spaced).new) == 2
    latin = example().iloc[[2]].assign(notes="La Pérouse").to_csv(index=False).encode("latin-1")
    assert len(merge_into(dataset, latin, encoding="latin-1").new) == 1
    euc = example().iloc[[3]].assign(notes="宗谷海峡を西進").to_csv(index=False).encode("euc-jp")
    assert len(merge_into(dataset, euc, encoding="euc-jp").new) == 1
    utf16 = example().iloc[[4]].to_csv(index=False).encode("utf-16")
    assert len(merge_into(dataset, utf16, encoding="utf-16").new) == 1
    notes = set(read_sightings(dataset)["notes"])
    assert {"La Pérouse", "宗谷海峡を西進"} <= notes


def test_hostile009_a_forced_preview_replaces_the_file_atomically_and_keeps_its_mode(dataset, tmp_path, capsys):
    out = written(tmp_path, b"old preview", "preview.csv")
    out.chmod(0o604)
    assert main(["import", str(EXAMPLE), "--dry-run", "--output", str(out), "--force", "--data", str(dataset)]) == 0
    assert out.read_text(encoding="utf-8").startswith("id,event_date,")
    assert stat.S_IMODE(out.stat().st_mode) == 0o604
    assert "would add 0, would replace 0, duplicates 6, rejected 0" in capsys.readouterr().err
