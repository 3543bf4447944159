"""The dataset file's own format and its atomic write, stated (mutants of sightings/store.py)."""

import os
import re

import pytest

from sightings import store
from sightings.store import DATASET, read_sightings, to_csv_text, write_atomic


def test_store_text_mutant001_the_shipped_file_is_written_back_byte_for_byte():
    text = DATASET.read_text(encoding="utf-8")
    assert "\r" not in text and re.search(r",\d+\.\d{5},", text)         # \n lines, coordinates to 5 places
    assert to_csv_text(read_sightings()) == text


def test_store_text_mutant002_a_new_file_gets_the_umask_mode_and_a_temporary_of_its_own_name(tmp_path, monkeypatch):
    seen = []
    real_fsync = os.fsync

    def fsync(fd):                       # while the temporary is written: what is in the folder
        seen.extend(path.name for path in tmp_path.iterdir())
        return real_fsync(fd)

    monkeypatch.setattr(store.os, "fsync", fsync)
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.csv", "a,b\r\né\n")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.csv").read_bytes() == "a,b\r\né\n".encode("utf-8")
    assert oct(os.stat(tmp_path / "new.csv").st_mode & 0o777) == oct(0o644)
    assert len(seen) == 1 and re.fullmatch(rf"\.new\.csv\.{os.getpid()}\.[0-9a-f]{{8}}\.tmp", seen[0])


def test_store_text_mutant003_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "old.csv"
    target.write_text("old\n")

    def fail(*_):
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new\n")
    assert [path.name for path in tmp_path.iterdir()] == ["old.csv"] and target.read_text() == "old\n"
