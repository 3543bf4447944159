"""Read and write the sightings CSV: every load validates, every write is atomic.

``data/sightings.csv`` is the project's record; a reader must never see half a file and a
bad row must never reach it. Writes go to a temporary file in the same folder and replace
the dataset with ``os.replace``; callers that merge (the importer) hold :func:`lock`.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pandas as pd
from filelock import FileLock

from sightings.positions import fill_positions
from sightings.schema import COLUMNS, LIST_SEPARATORS, SightingsError, parse, validate

DATASET = Path(__file__).resolve().parent.parent / "data" / "sightings.csv"
#: Encodings tried, in order, for files people export from spreadsheets.
ENCODINGS = ("utf-8-sig", "cp932")


def read_text(raw: bytes) -> pd.DataFrame:
    """Decode CSV bytes (UTF-8 with or without BOM, or Shift-JIS/CP932) into string cells."""
    if not raw.strip():
        raise SightingsError(["the file is empty (expected a CSV header and rows)"])
    if b"\x00" in raw[:4096]:
        raise SightingsError(["the file is binary, not CSV text (expected a CSV header and rows)"])
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SightingsError(["the file is not UTF-8 or Shift-JIS text; save it as UTF-8 CSV"])
    header = text.splitlines()[0]
    del text   # pandas reads the bytes: a StringIO of a big file holds 4 bytes per character
    if "," not in header and (";" in header or "\t" in header):
        raise SightingsError(["the header has no commas: the file looks ';' or tab separated; "
                              "save it as comma-separated CSV"])
    try:
        return pd.read_csv(io.BytesIO(raw), encoding=encoding, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise SightingsError([f"not a readable CSV file: {exc}"]) from None


def load(raw: bytes) -> pd.DataFrame:
    """Parse, position and validate CSV bytes into a sightings frame."""
    return validate(fill_positions(parse(read_text(raw))))


def read_sightings(path: str | os.PathLike = DATASET) -> pd.DataFrame:
    """Load and validate a sightings CSV file."""
    path = Path(path)
    if not path.is_file():
        raise SightingsError([f"no sightings file at {path} (expected a CSV such as data/sightings.csv)"])
    return load(path.read_bytes())


def to_csv_text(frame: pd.DataFrame) -> str:
    """Sightings as CSV text in the dataset's own format (lists joined, ISO dates)."""
    out = frame[list(COLUMNS)].copy()
    for column, separator in LIST_SEPARATORS.items():
        out[column] = out[column].map(separator.join)
    for column in ("event_date", "report_date"):
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    out["with_chinese_ships"] = out["with_chinese_ships"].map({True: "yes", False: "no"})
    return out.to_csv(index=False, lineterminator="\n", float_format="%.5f")


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Replace ``path`` with ``text`` so a reader sees the old file or the new one, never a part."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def lock(path: str | os.PathLike) -> FileLock:
    """The lock that serialises read-merge-write cycles on one dataset file."""
    return FileLock(f"{path}.lock", timeout=60)
