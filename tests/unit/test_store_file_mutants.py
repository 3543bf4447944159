"""sightings.store on tiny hand-made files, for make mutation: what test_hostile_import.py and
test_schema.py state through whole imports (seconds a mutant), stated here in milliseconds.

Each refusal is checked for its whole message: the message is the fix a person reads.
"""

import codecs
import os
import stat
import time

import pytest

from sightings import store
from sightings.schema import SightingsError
from sightings.store import (
    MAX_DATASET_BYTES, MAX_IMPORT_BYTES, STALE_SECONDS, clean_leftovers, load, lock, read_dataset, read_file,
    read_text, to_csv_text, write_atomic,
)

HINT = ("save it as UTF-8 (in Excel: CSV UTF-8), or name its encoding, "
        "e.g. --encoding cp932 (Shift-JIS), --encoding euc-jp or --encoding latin-1")
EXAMPLES = "(expected e.g. utf-8, cp932, euc-jp, latin-1)"


def refused(call, *args, **kwargs) -> list[str]:
    with pytest.raises(SightingsError) as caught:
        call(*args, **kwargs)
    return caught.value.problems


def test_store_file_mutant001_limits_stated():
    assert (MAX_IMPORT_BYTES, MAX_DATASET_BYTES, STALE_SECONDS) == (134_217_728, 134_217_728, 600)


def test_store_file_mutant002_only_regular_files_of_a_bounded_size(tmp_path):
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert refused(read_file, pipe) == [f"{pipe} is not a regular file (a device, pipe or socket); "
                                        "save the CSV to a file and give that file"]
    sparse = tmp_path / "huge.csv"
    with sparse.open("wb") as out:
        out.truncate(3 * 2**20 + 2**19)                     # 3.5 MB, no disk space
    assert refused(read_file, sparse, limit=2**20) == [
        f"{sparse} is 3.5 MB; the limit is 1 MB (split it into smaller files)"]
    long = tmp_path / ("x" * 300)
    assert refused(read_file, long) == [f"cannot open {long}: File name too long"]
    small = tmp_path / "small.csv"
    small.write_bytes(b"a,b\n")
    assert read_file(small) == b"a,b\n"


def test_store_file_mutant003_read_dataset(tmp_path):
    missing = tmp_path / "none.csv"
    assert refused(read_dataset, missing) == [
        f"no sightings file at {missing} (expected a CSV such as data/sightings.csv)"]
    given = tmp_path / "s.csv"
    given.write_bytes(b"x,y\n1,2\n")
    assert read_dataset(str(given)) == b"x,y\n1,2\n"


@pytest.mark.parametrize(("raw", "encoding", "problems"), [
    (codecs.BOM_UTF16_BE + "a,b\n".encode("utf-16-be"), None,
     ["the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8, or pass --encoding utf-16"]),
    (codecs.BOM_UTF32_LE + "a,b\n".encode("utf-32-le"), None,
     ["the file is UTF-32 text (it starts with a UTF-32 byte-order mark); save it as UTF-8, or pass --encoding utf-32"]),
    ("a,b\n1,2\n".encode("utf-16-be"), None,
     ["the file looks like UTF-16 text without a byte-order mark (every other byte is NUL); save it as UTF-8, "
      "or pass --encoding utf-16-le"]),
    (b"abc,def\n\x00\n", None, ["the file is binary, not CSV text: a NUL byte on line 2 (expected a CSV header and rows)"]),
    (b"a,b\n1,2\n", "rot13", ["--encoding 'rot13' is not a text encoding (it turns bytes into bytes, not into text); "
                              "name the file's text encoding, e.g. utf-8, cp932, euc-jp, latin-1"]),
    (b"a,b\n1,2\n", "idna", ["--encoding 'idna' is not an encoding a file is saved in (it decodes escapes or domain "
                             "names); name the file's text encoding, e.g. utf-8, cp932, euc-jp, latin-1"]),
    (b"a,b\n1,2\n", "utf-8\x00", [f"unknown encoding 'utf-8\\x00' {EXAMPLES}"]),
    ("a,b\n1,2\n".encode("utf-16-le") + b"\x00", "utf-16-le",
     [f"the file is not utf-16-le text: byte 0x00 on line 3 is not valid utf-16-le; {HINT}"]),
    ("a,b\n1,\x00\n".encode("latin-1"), "latin-1",
     ["the file is binary, not CSV text: a NUL byte on line 2 (expected a CSV header and rows)"]),
    (b"a\tb\n1\t2\n", None, ["the header has no commas: the file looks ';' or tab separated; "
                             "save it as comma-separated CSV"]),
    (b'"a,b\n1,2\n', None, ["the header (line 3): the file ends inside a quoted field (is it cut short?); "
                            "check that row's quotes"]),
    (b'a,b\n1,"' + b"x" * 131_073 + b'"\n', None,
     ["row 1 (line 2): a field is longer than 131,072 characters (far past any column's limit)"]),
    (b"a,b,c\n1,2\n", None, ["row 1 has 2 fields but the header has 3 "
                             "(a cut line, or a comma in a field that is not quoted?)"]),
    (b" a ,a\n1,2\n", None, ["header: column 'a' appears twice (columns 1 and 2); keep one"]),
])
def test_store_file_mutant004_read_text_refusals(raw, encoding, problems):
    assert refused(read_text, raw, encoding) == problems


def test_store_file_mutant005_read_text_reads():
    assert read_text(b"a,b\n\n1,2\n\n3,4\n").to_dict("records") == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]
    assert read_text("a,b\n1,\x00x\n".encode("utf-16-le")[:0] + b"a,b\r\n1,2\r\n").to_dict("records") == [
        {"a": "1", "b": "2"}]
    assert read_text("a,b\n1,é\n".encode("utf-16"), "utf-16").to_dict("records") == [{"a": "1", "b": "é"}]
    assert read_text("a,b\n1,é\n".encode("latin-1"), "latin-1").to_dict("records") == [{"a": "1", "b": "é"}]
    assert read_text(b"a,b\n1,NA\n").to_dict("records") == [{"a": "1", "b": "NA"}]          # no NA guessing
    assert read_text(b"a,b\n1,2\n", "UTF8").to_dict("records") == [{"a": "1", "b": "2"}]
    # a BOM is part of the text when UTF-8 is named: the header name keeps no BOM either way
    assert list(read_text(codecs.BOM_UTF8 + b"a,b\n1,2\n").columns) == ["a", "b"]
    assert list(read_text(b"a,b\n1;2,3\n").columns) == ["a", "b"]           # a ';' in a row, commas in the header


def test_store_file_mutant006_utf16_guess_needs_many_nuls_at_one_parity():
    # a quarter of the bytes or fewer being NUL is not UTF-16: refused as binary instead
    assert refused(read_text, b"ab\x00d,ab\x00d\n") == [
        "the file is binary, not CSV text: a NUL byte on line 1 (expected a CSV header and rows)"]
    assert refused(read_text, b"a\x00b\x00c\x00d\x00\n\x00") == [
        "the file looks like UTF-16 text without a byte-order mark (every other byte is NUL); save it as UTF-8, "
        "or pass --encoding utf-16-le"]
    # NULs at both parities: binary
    assert refused(read_text, b"a\x00\x00b\x00\x00c\x00\x00\n") == [
        "the file is binary, not CSV text: a NUL byte on line 1 (expected a CSV header and rows)"]


def test_store_file_mutant007_write_atomic_bytes_and_symlinks(tmp_path):
    real = tmp_path / "real.csv"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_atomic(link, b"%PDF-\r\n\xff")
    assert link.is_symlink() and real.read_bytes() == b"%PDF-\r\n\xff"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "real.csv"]
    write_atomic(real, "宗谷\r\n")
    assert real.read_bytes() == "宗谷\r\n".encode("utf-8")


def test_store_file_mutant008_leftovers_of_dead_writers_go_live_ones_stay(tmp_path):
    path = tmp_path / "sightings.csv"
    dead = tmp_path / ".sightings.csv.999999999.aaaa.tmp"
    unnamed = tmp_path / ".sightings.csv.writer.bbbb.tmp"
    young = tmp_path / f".sightings.csv.{os.getpid()}.cccc.tmp"
    for leftover in (dead, unnamed, young):
        leftover.write_text("x")
    recent = time.time() - 590
    os.utime(young, (recent, recent))
    assert clean_leftovers(path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([unnamed.name, young.name])
    old = time.time() - 610
    os.utime(unnamed, (old, old))
    assert clean_leftovers(path) == [unnamed]
    link = tmp_path / "link.csv"
    link.symlink_to(path)
    gone = tmp_path / ".sightings.csv.999999999.dddd.tmp"
    gone.write_text("x")
    assert clean_leftovers(link) == [gone]                    # the real file's leftovers, through a symlink


def test_store_file_mutant009_lock_beside_the_real_file(tmp_path):
    path = tmp_path / "sightings.csv"
    link = tmp_path / "link.csv"
    link.symlink_to(path)
    held = lock(link)
    assert (held.lock_file, held.timeout) == (f"{path}.lock", 60)


HEADER = ("event_date,report_date,ships,ship_types,hull_numbers,location_text,strait,direction,"
          "sea_area,activity,with_chinese_ships,source_urls,source_names,notes,lat,lon,position_kind")


def row(location: str, strait: str, lat: str, lon: str, kind: str) -> bytes:
    cells = ["2022-03-10", "2022-03-11", "2", "Udaloy-class destroyer", "", location, strait, "east", "",
             "transit", "no", "https://example.org/r", "Example", "", lat, lon, kind]
    return (HEADER + "\n" + ",".join(f'"{c}"' for c in cells) + "\n").encode()


def test_store_file_mutant010_an_area_row_has_its_straits_label_point_or_none():
    # Tsugaru's label point in data/places.csv ("Tsugaru Strait (label point)"): 41.4992 N, 140.6158 E
    assert len(load(row("Tsugaru Strait", "Tsugaru", "", "", "area"))) == 1
    assert len(load(row("Tsugaru Strait", "Tsugaru", "41.49925", "140.61575", "area"))) == 1     # within 1e-4
    assert refused(load, row("Tsugaru Strait", "Tsugaru", "41.49940", "140.6158", "area")) == [
        "row 1, lat/lon: 41.4994/140.6158 given for an area row (its point is its strait's label point "
        "41.4992/140.6158 or none); leave lat and lon empty, or set position_kind to reported"]
    assert refused(load, row("Tsugaru Strait", "Tsugaru", "41.4992", "140.6160", "area")) == [
        "row 1, lat/lon: 41.4992/140.616 given for an area row (its point is its strait's label point "
        "41.4992/140.6158 or none); leave lat and lon empty, or set position_kind to reported"]
    assert refused(load, row("somewhere at sea", "", "40.00000", "140.00000", "unlocated")) == [
        "row 1, lat/lon: 40.0/140.0 given for an unlocated row (its point is none); leave lat and lon empty, "
        "or set position_kind to reported"]


def test_store_file_mutant011_csv_text_of_a_small_frame():
    frame = load(row("Tsugaru Strait", "Tsugaru", "41.123456", "140.5", "reported"))
    text = to_csv_text(frame)
    assert "\r" not in text and text.count("\n") == 2
    assert ",41.12346,140.50000," in text


def test_store_file_mutant012_a_file_that_grows_after_it_is_judged_is_read_no_further(tmp_path, monkeypatch):
    path = tmp_path / "growing.csv"
    path.write_bytes(b"x" * (3 * 2**20))
    real = os.fstat

    class Small:                                   # what fstat said before the file grew to 3 MB
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(store.os, "fstat", lambda fd: Small(real(fd)))
    assert refused(read_file, path, limit=2**20) == [f"{path} is 1.0 MB; the limit is 1 MB (split it into smaller files)"]


def test_store_file_mutant013_a_writer_of_another_user_is_alive(tmp_path, monkeypatch):
    path = tmp_path / "sightings.csv"
    other = tmp_path / ".sightings.csv.4242.aaaa.tmp"
    other.write_text("x")

    def not_yours(pid, signal):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(store.os, "kill", not_yours)
    assert clean_leftovers(path) == [] and other.exists()


def test_store_file_mutant014_every_leftover_among_other_files(tmp_path):
    path = tmp_path / "sightings.csv"
    for n in range(30):
        (tmp_path / f"other{n:02d}.csv").write_text("x")
    dead = tmp_path / ".sightings.csv.999999999.aaaa.tmp"
    dead.write_text("x")
    assert clean_leftovers(path) == [dead]


def test_store_file_mutant015_leftovers_found_wherever_they_are_listed(tmp_path):
    path = tmp_path / "sightings.csv"
    dead = [tmp_path / f".sightings.csv.99999999{n}.aaaa.tmp" for n in range(3)]
    for n in range(15):                     # other files made before and after (a folder may list either first)
        (tmp_path / f"other{n:02d}.csv").write_text("x")
    for leftover in dead:
        leftover.write_text("x")
    for n in range(15, 30):
        (tmp_path / f"other{n:02d}.csv").write_text("x")
    assert sorted(clean_leftovers(path)) == dead


def test_store_file_mutant016_load_reads_the_named_encoding():
    noted = row("about 100 km west of Cape Soya", "Soya", "", "", "").decode("utf-8").replace(
        '"Example","",', '"Example","宗谷の沖",')
    assert load(noted.encode("cp932"), "cp932").at[0, "notes"] == "宗谷の沖"


BINARY = "the file is binary, not CSV text: a NUL byte on line {} (expected a CSV header and rows)"


@pytest.mark.parametrize(("raw", "encoding", "problems"), [
    (b"\na,b\n1,2\n3,4\n\x00\n", None, [BINARY.format(5)]),                   # lines counted from the first byte
    (b"a,b\n1,2\n3,4\n5,6\n\x00\n7,8\n\x00\n", None, [BINARY.format(5)]),                 # the first NUL
    (b"\na,b\n\xff\n", None, [f"the file is not UTF-8 text: byte 0xFF on line 3 is not valid UTF-8; {HINT}"]),
    ("a,b\n1,2\n\x00\n\x00\n".encode("latin-1"), "latin-1", [BINARY.format(3)]),     # the first NUL
    ("\x00a,b\n".encode("latin-1"), "latin-1", [BINARY.format(1)]),
    ("\na,b\n\x00".encode("latin-1"), "latin-1", [BINARY.format(3)]),
    # NULs at one parity only, but a quarter of the sample or fewer: binary, not UTF-16
    (bytes(x for pair in zip(b"ab\x00cd\x00ef", b"xxxxxxxx") for x in pair), None, [BINARY.format(1)]),
    (b"a;b\n1,2\n", None, ["the header has no commas: the file looks ';' or tab separated; "
                           "save it as comma-separated CSV"]),                   # the header line decides
    (b"a,b\n\n1,2,3\n", None, ["row 1 has 3 fields but the header has 2 "
                               "(a cut line, or a comma in a field that is not quoted?)"]),   # blank lines skipped
    (codecs.BOM_UTF8 + b"\n\n", None, ["the file is empty (expected a CSV header and rows)"]),
])
def test_store_file_mutant017_where_the_problem_is(raw, encoding, problems):
    assert refused(read_text, raw, encoding) == problems


def test_store_file_mutant018_headers_read():
    assert list(read_text(b"a\n1\n").columns) == ["a"]                     # one column needs no comma
    assert list(read_text(b"a,b;c\n1,2\n").columns) == ["a", "b;c"]
    assert list(read_text(codecs.BOM_UTF8 + b"a,b\n1,2\n", "utf-8").columns) == ["a", "b"]   # BOM of named UTF-8
    # text that is UTF-8 and also reads as UTF-16: read as the UTF-16 it is said to be
    assert list(read_text("é,é\n".encode("utf-8"), "utf-16-le").columns) == ["\ua9c3\uc32c\u0aa9"]


def test_store_file_mutant019_an_area_point_only_for_an_area_row_of_a_strait():
    assert refused(load, row("Tsugaru Strait", "Tsugaru", "41.4992", "140.6158", "unlocated")) == [
        "row 1, lat/lon: 41.4992/140.6158 given for an unlocated row (its point is none); leave lat and lon empty, "
        "or set position_kind to reported"]
    two = row("Tsugaru Strait", "Tsugaru", "41.4992", "140.6158", "area") + \
        row("Tsugaru Strait", "Tsugaru", "41.5", "140.6158", "area").split(b"\n", 1)[1]
    assert refused(load, two) == [
        "row 2, lat/lon: 41.5/140.6158 given for an area row (its point is its strait's label point "
        "41.4992/140.6158 or none); leave lat and lon empty, or set position_kind to reported"]
