"""sightings.store, the behaviours a mutation run showed no test stated (docs/mutation.md).

Each refusal is checked for its whole message: the message is the fix a person reads.
"""

import codecs
import os
import stat
import time

import pytest

from sightings.schema import COLUMNS, SightingsError
from sightings.store import clean_leftovers, read_file, read_text, write_atomic

HINT = ("save it as UTF-8 (in Excel: CSV UTF-8), or name its encoding, "
        "e.g. --encoding cp932 (Shift-JIS), --encoding euc-jp or --encoding latin-1")


def refused(call, *args, **kwargs) -> list[str]:
    with pytest.raises(SightingsError) as caught:
        call(*args, **kwargs)
    return caught.value.problems


def test_store_mutant001_read_file_limit_is_inclusive(tmp_path):
    path = tmp_path / "ten.csv"
    path.write_bytes(b"x" * 10)
    assert read_file(path, limit=10) == b"x" * 10
    assert refused(read_file, path, limit=9) == [f"{path} is 0.0 MB; the limit is 0 MB (split it into smaller files)"]


def test_store_mutant002_read_file_names_what_it_found(tmp_path):
    assert refused(read_file, tmp_path / "none.csv") == [f"no such file: {tmp_path / 'none.csv'}"]
    assert refused(read_file, tmp_path) == [f"{tmp_path} is a folder (expected a CSV file)"]


@pytest.mark.parametrize(("raw", "encoding", "problems"), [
    (b"  \n", None, ["the file is empty (expected a CSV header and rows)"]),
    (b"a;b\n1;2\n", None, ["the header has no commas: the file looks ';' or tab separated; "
                           "save it as comma-separated CSV"]),
    (b"a,b\n1,2\n1,2,3\n", None, ["row 2 has 3 fields but the header has 2 "
                                  "(a cut line, or a comma in a field that is not quoted?)"]),
    (b'a,b\n1,"x\n', None, ["row 1 (line 3): the file ends inside a quoted field (is it cut short?); "
                            "check that row's quotes"]),
    (b'a,b\n1,"x"y\n', None, ['row 1 (line 2): a quoted field has text after its closing quote '
                              '(write a quote inside a quoted field as "")']),
    (b"a,,a\n1,2,3\n", None, ["header: column 2 has no name (expected one of: " + ", ".join(COLUMNS) + ")",
        "header: column 'a' appears twice (columns 1 and 3); keep one"]),
    (codecs.BOM_UTF16_LE + "a,b\n".encode("utf-16-le"), None,
     ["the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8, or pass --encoding utf-16"]),
    (codecs.BOM_UTF32_BE + "a,b\n".encode("utf-32-be"), None,
     ["the file is UTF-32 text (it starts with a UTF-32 byte-order mark); save it as UTF-8, or pass --encoding utf-32"]),
    ("a,b\n1,2\n".encode("utf-16-le"), None,
     ["the file looks like UTF-16 text without a byte-order mark (every other byte is NUL); save it as UTF-8, "
      "or pass --encoding utf-16-le"]),
    (b"a,b\n1,2\n3,\x00\n", None, ["the file is binary, not CSV text: a NUL byte on line 3 "
                                   "(expected a CSV header and rows)"]),
    (b"a,b\n1,2\n3,\xff\n", None, [f"the file is not UTF-8 text: byte 0xFF on line 3 is not valid UTF-8; {HINT}"]),
    (b"a,b\n1,\x82\xa0\n", "ascii", [f"the file is not ascii text: byte 0x82 on line 2 is not valid ascii; {HINT}"]),
    ("a,b\n1,宗谷\n".encode("utf-8"), "latin-1", ["the file is UTF-8 text: read as iso8859-1 its non-ASCII text "
                                                 "would be garbled; leave out --encoding"]),
    (b"a,b\n1,2\n", "klingon", ["unknown encoding 'klingon' (expected e.g. utf-8, cp932, euc-jp, latin-1)"]),
])
def test_store_mutant003_read_text_refusals(raw, encoding, problems):
    assert refused(read_text, raw, encoding) == problems


def test_store_mutant004_read_text_trims_header_names_and_reads_named_encodings():
    table = read_text(" a , b \n1,宗谷\n".encode("cp932"), "cp932")
    assert list(table.columns) == ["a", "b"] and table.to_dict("records") == [{"a": "1", "b": "宗谷"}]
    assert read_text("\ufeffa,b\n1,2\n".encode("utf-8")).columns.tolist() == ["a", "b"]


def test_store_mutant005_write_atomic_keeps_the_mode_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "sightings.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    write_atomic(path, "new\r\n")
    assert path.read_bytes() == b"new\r\n" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["sightings.csv"]


def test_store_mutant006_leftovers_of_this_file_only_stale_or_dead(tmp_path):
    path = tmp_path / "sightings.csv"
    fresh_live = tmp_path / f".sightings.csv.{os.getpid()}.aaaa.tmp"
    stale_live = tmp_path / f".sightings.csv.{os.getpid()}.bbbb.tmp"
    other = tmp_path / ".other.csv.999999999.cccc.tmp"
    not_tmp = tmp_path / ".sightings.csv.999999999.dddd.lock"
    for leftover in (fresh_live, stale_live, other, not_tmp):
        leftover.write_text("x")
    old = time.time() - 700
    os.utime(stale_live, (old, old))
    assert clean_leftovers(path, stale_seconds=600) == [stale_live]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh_live.name, other.name, not_tmp.name])
