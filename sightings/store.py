"""Read and write the sightings CSV: every load validates, every write is atomic.

``data/sightings.csv`` is the project's record; a reader must never see half a file and a
bad row must never reach it. Input is judged before it costs anything: only regular files
of a bounded size are read, bytes must be text in the stated encoding (UTF-8 unless told
otherwise), and the CSV structure (quotes, field counts, header names) is checked row by
row. Writes go to a temporary file beside the target and replace it with ``os.replace``,
keeping the file's mode and a symlink; every caller that writes the dataset (import,
ingest, curate) holds :func:`lock` for its read-check-write, so one writer at a time.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import secrets
import stat
import time
from pathlib import Path

import pandas as pd
from filelock import FileLock

from geo.places import place_point
from sightings.cells import as_cells
from sightings.positions import STRAIT_LABEL_POINTS, fill_positions
from sightings.schema import COLUMNS, SightingsError, parse, validate

DATASET = Path(__file__).resolve().parent.parent / "data" / "sightings.csv"
#: Largest file an import reads (bytes): 100,000 reports fit with room to spare.
MAX_IMPORT_BYTES = 128 * 2**20
#: Largest dataset file read (bytes): 10,000 rows, the headroom the app is sized for, are about 3 MB.
MAX_DATASET_BYTES = 128 * 2**20
#: A temporary file this old (seconds) belongs to a writer that is gone.
STALE_SECONDS = 600
_ENCODING_HINT = ("save it as UTF-8 (in Excel: CSV UTF-8), or name its encoding, "
                  "e.g. --encoding cp932 (Shift-JIS), --encoding euc-jp or --encoding latin-1")
_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def read_file(path: str | os.PathLike, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of the regular file at ``path``, refused unread if it is anything else or too big.

    The file is opened without blocking (a FIFO with no writer does not hang) and judged by
    ``fstat`` of that same descriptor before a byte is read; at most ``limit + 1`` bytes
    are ever read, so a file that grows meanwhile, or ``/dev/zero``, costs no memory.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "a.csv").write_bytes(b"id\\n1\\n")
    5
    >>> read_file(folder / "a.csv")
    b'id\\n1\\n'
    >>> read_file(folder / "b.csv")                   # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: no such file: .../b.csv
    >>> read_file(folder)                             # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: ... is a folder (expected a CSV file)
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise SightingsError([f"no such file: {path}"]) from None
    except OSError as exc:
        raise SightingsError([f"cannot open {path}: {exc.strerror}"]) from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise SightingsError([f"{path} is a folder (expected a CSV file)"])
        if not stat.S_ISREG(info.st_mode):
            raise SightingsError([f"{path} is not a regular file (a device, pipe or socket); "
                                  "save the CSV to a file and give that file"])
        if info.st_size > limit:
            raise SightingsError([_too_big(path, info.st_size, limit)])
    except BaseException:
        os.close(handle)
        raise
    with os.fdopen(handle, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise SightingsError([_too_big(path, len(data), limit)])
    return data


def read_text(raw: bytes, encoding: str | None = None) -> pd.DataFrame:
    """CSV bytes as a table of string cells, or SightingsError saying what is wrong and how to fix it.

    ``encoding`` None means UTF-8 (a BOM is accepted); any other encoding only when named.
    Refused: UTF-16/32 unless named, NUL bytes anywhere, a quote left open at the end of
    the file, a row with more or fewer fields than the header, empty or repeated header
    names. Header names are trimmed of spaces.

    Examples
    --------
    >>> read_text(b"id, ships \\n a ,2\\n").to_dict("records")     # names trimmed, cells kept as text
    [{'id': ' a ', 'ships': '2'}]
    >>> read_text(b"id;ships\\na;2\\n")
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: the header has no commas: the file looks ';' or tab separated; save it as comma-separated CSV
    >>> read_text(b"id,ships\\na,2,3\\n")
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: row 1 has 3 fields but the header has 2 (a cut line, or a comma in a field that is not quoted?)
    """
    if not raw.strip():
        raise SightingsError(["the file is empty (expected a CSV header and rows)"])
    text = _decode(raw, encoding)
    header = [name.strip() for name in _structure(text)]
    del text        # pandas reads the bytes: the text of a big file holds up to 4 bytes per character
    _check_header(header)
    try:
        table = pd.read_csv(io.BytesIO(raw), encoding=encoding or "utf-8-sig", dtype=str, keep_default_na=False,
                            index_col=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise SightingsError([f"not a readable CSV file: {exc}"]) from None
    return table.set_axis(header, axis="columns")


def load(raw: bytes, encoding: str | None = None) -> pd.DataFrame:
    """Parse, position and validate CSV bytes into a sightings frame.

    Examples
    --------
    >>> raw = (b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,source_urls,source_names\\n"
    ...        b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,A\\n")
    >>> row = load(raw).iloc[0]           # id made from the row; an area row gets its strait's label point
    >>> print(row["id"], row["position_kind"], row["lat"], row["ship_types"], row["with_chinese_ships"])
    2022-03-15-0d89a1 area 41.4992 ['destroyers (2)'] False
    """
    return load_table(read_text(raw, encoding))


def load_table(table: pd.DataFrame) -> pd.DataFrame:
    """Parse, position and validate a table of CSV text cells (from :func:`read_text`).

    Examples
    --------
    >>> table = read_text(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,source_urls,source_names\\n"
    ...                   b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,A\\n")
    >>> load_table(table.assign(ships="two"))      # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: row 1, ships: 'two' ...
    """
    frame = parse(table)
    _check_area_points(frame)
    return validate(fill_positions(frame))


def read_sightings(path: str | os.PathLike = DATASET) -> pd.DataFrame:
    """Load and validate a sightings CSV file.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "sightings.csv"
    >>> _ = path.write_bytes(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,source_urls,source_names\\n"
    ...                      b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,A\\n")
    >>> read_sightings(path)[["event_date", "strait", "ships"]].values.tolist()
    [[Timestamp('2022-03-15 00:00:00'), 'Tsugaru', 2]]
    """
    return load(read_dataset(path))


def read_dataset(path: str | os.PathLike = DATASET) -> bytes:
    """The bytes of a sightings CSV file, unparsed (bounded by :data:`MAX_DATASET_BYTES`).

    Examples
    --------
    >>> read_dataset("/nonexistent/sightings.csv")
    Traceback (most recent call last):
    ...
    sightings.schema.SightingsError: no sightings file at /nonexistent/sightings.csv (expected a CSV such as data/sightings.csv)
    """
    path = Path(path)
    if not path.exists():
        raise SightingsError([f"no sightings file at {path} (expected a CSV such as data/sightings.csv)"])
    return read_file(path, MAX_DATASET_BYTES)


def to_csv_text(frame: pd.DataFrame) -> str:
    """Sightings as CSV text in the dataset's own format (lists joined, ISO dates).

    Examples
    --------
    >>> frame = load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,source_urls,source_names\\n"
    ...              b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,A\\n")
    >>> frame.loc[0, "source_urls"] = ["https://example.org/a", "https://example.org/b"]
    >>> to_csv_text(frame).splitlines()[1]     # lists joined with ' | ' or '; ', 5 decimals, 'no' for False
    '2022-03-15-0d89a1,2022-03-15,,2022-03-16,,,2,destroyers (2),,,,the Tsugaru Strait,,41.49920,140.61580,area,,,,Tsugaru,,,transit,no,,,,,https://example.org/a | https://example.org/b,A,'
    """
    return as_cells(frame, COLUMNS).to_csv(index=False, lineterminator="\n", float_format="%.5f")


def write_atomic(path: str | os.PathLike, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` so a reader sees the old file or the new one, never a part.

    ``text`` is written as UTF-8, or as it is when it is bytes (a release PDF).
    A symlink stays a symlink (its target is replaced) and an existing file keeps its
    mode; a new file gets the usual mode for the user's umask. The temporary file is named
    ``.NAME.PID.RANDOM.tmp`` so :func:`clean_leftovers` can tell whose it is.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "sightings.csv"
    >>> write_atomic(path, "id\\n1\\n")
    >>> write_atomic(path, "id\\n2\\n")
    >>> path.read_text(), sorted(p.name for p in path.parent.iterdir())   # replaced, no temporary left
    ('id\\n2\\n', ['sightings.csv'])
    """
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    temporary = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        if mode is not None:
            os.fchmod(handle, mode)
        binary = isinstance(text, bytes)
        with os.fdopen(handle, "wb" if binary else "w", encoding=None if binary else "utf-8",
                       newline=None if binary else "") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def clean_leftovers(path: str | os.PathLike, stale_seconds: float = STALE_SECONDS) -> list[Path]:
    """Remove temporary files a killed write left beside ``path``; returns what was removed.

    A file goes when its writer's process is gone or it is older than ``stale_seconds``;
    a live writer's fresh file stays. Call it holding :func:`lock`.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> path = folder / "sightings.csv"
    >>> for name in (".sightings.csv.999999999.ab12.tmp", f".sightings.csv.{os.getpid()}.cd34.tmp"):
    ...     _ = (folder / name).write_text("part")
    >>> [p.name for p in clean_leftovers(path)]         # that writer is gone; this process's file stays
    ['.sightings.csv.999999999.ab12.tmp']
    """
    target = Path(os.path.realpath(path))
    prefix = f".{target.name}."
    removed = []
    for candidate in target.parent.iterdir():
        name = candidate.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        try:
            age = time.time() - candidate.lstat().st_mtime
        except FileNotFoundError:
            continue
        if age > stale_seconds or (pid.isdigit() and not _process_alive(int(pid))):
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


def lock(path: str | os.PathLike) -> FileLock:
    """The lock that serialises read-merge-write cycles on one dataset file (its real path).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "sightings.csv"
    >>> with lock(path) as held:
    ...     Path(held.lock_file).name, held.is_locked
    ('sightings.csv.lock', True)
    """
    return FileLock(f"{os.path.realpath(path)}.lock", timeout=60)


def _too_big(path, size: int, limit: int) -> str:
    return (f"{path} is {size / 2**20:,.1f} MB; the limit is {limit / 2**20:,.0f} MB "
            "(split it into smaller files)")


def _decode(raw: bytes, encoding: str | None) -> str:
    """Text of ``raw`` in ``encoding`` (UTF-8, BOM accepted, when None), never a silent guess."""
    if encoding is None:
        for bom, name in _BOMS:
            if raw.startswith(bom):
                raise SightingsError([f"the file is {name} text (it starts with a {name} byte-order mark); "
                                      f"save it as UTF-8, or pass --encoding {name.lower()}"])
        if _looks_utf16(raw[:4096]):
            raise SightingsError(["the file looks like UTF-16 text without a byte-order mark "
                                  "(every other byte is NUL); save it as UTF-8, or pass --encoding utf-16-le"])
        if b"\x00" in raw:
            raise SightingsError([_binary(raw.count(b"\n", 0, raw.index(b"\x00")) + 1)])
        encoding = "utf-8-sig"
    else:
        encoding = _text_encoding(encoding)
        if not encoding.startswith("utf") and not raw.isascii() and _is_utf8(raw):
            raise SightingsError([f"the file is UTF-8 text: read as {encoding} its non-ASCII text would be "
                                  "garbled; leave out --encoding"])
    named = "UTF-8" if encoding == "utf-8-sig" else encoding
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        byte = raw[exc.start:exc.start + 1].hex().upper()
        raise SightingsError([f"the file is not {named} text: byte 0x{byte} on line {line} is not valid "
                              f"{named}; {_ENCODING_HINT}"]) from None
    except UnicodeError as exc:            # a codec that fails without a position (e.g. utf-16 of odd length)
        raise SightingsError([f"the file is not {named} text ({exc}); {_ENCODING_HINT}"]) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise SightingsError([_binary(text.count("\n", 0, nul) + 1)])
    return text.removeprefix("\ufeff")


#: Codecs Python calls text encodings that no CSV file is written in: they decode escapes or
#: domain names, so a file "in" them can smuggle any character, or they always fail.
_NOT_FILE_ENCODINGS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"})


def _text_encoding(encoding: str) -> str:
    """The canonical name of ``encoding`` if a text file can be written in it, else SightingsError.

    ``--encoding rot13`` or ``base64`` name codecs that are not text encodings (bytes to
    bytes, str to str); decoding with them raises LookupError, so they are refused here
    with the fix, as are unknown names and names Python cannot look up at all.
    """
    try:
        name = codecs.lookup(encoding).name
    except (LookupError, ValueError):      # ValueError: a name with a NUL in it
        raise SightingsError([f"unknown encoding {encoding!r} (expected e.g. utf-8, cp932, "
                              "euc-jp, latin-1)"]) from None
    try:
        b"a".decode(name)
    except LookupError:
        raise SightingsError([f"--encoding {encoding!r} is not a text encoding (it turns bytes into bytes, "
                              "not into text); name the file's text encoding, e.g. utf-8, cp932, euc-jp, "
                              "latin-1"]) from None
    except UnicodeError:                   # a text encoding that needs more than one byte (utf-16, utf-32)
        pass
    if name in _NOT_FILE_ENCODINGS:
        raise SightingsError([f"--encoding {encoding!r} is not an encoding a file is saved in (it decodes "
                              "escapes or domain names); name the file's text encoding, e.g. utf-8, cp932, "
                              "euc-jp, latin-1"])
    return name


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _binary(line: int) -> str:
    return f"the file is binary, not CSV text: a NUL byte on line {line} (expected a CSV header and rows)"


def _looks_utf16(sample: bytes) -> bool:
    """Plain text in UTF-16 without a BOM: NULs at one parity only, and many of them."""
    even, odd = sample[0::2], sample[1::2]
    return any(a.count(0) > len(a) // 4 and b.count(0) == 0 for a, b in ((even, odd), (odd, even)))


def _structure(text: str) -> list[str]:
    """The header of CSV text after one strict pass over every record (no rows kept).

    pandas is lenient where a cut or misaligned file must be refused: it fills a short row,
    shifts a long first row into an index, and accepts text after a closing quote.
    """
    first_line = text.split("\n", 1)[0]
    if "," not in first_line and (";" in first_line or "\t" in first_line):
        raise SightingsError(["the header has no commas: the file looks ';' or tab separated; "
                              "save it as comma-separated CSV"])
    reader = csv.reader((line + "\n" for line in text.split("\n")), strict=True)
    header: list[str] | None = None
    number = 0
    try:
        for row in reader:
            if not row:
                continue
            if header is None:
                header = row
                continue
            number += 1
            if len(row) != len(header):
                raise SightingsError([f"row {number} has {len(row)} fields but the header has {len(header)} "
                                      "(a cut line, or a comma in a field that is not quoted?)"])
    except csv.Error as exc:
        where = f"row {number + 1}" if header else "the header"
        reason = str(exc)
        if "unexpected end of data" in reason:
            reason = "the file ends inside a quoted field (is it cut short?); check that row's quotes"
        elif "expected after" in reason:
            reason = 'a quoted field has text after its closing quote (write a quote inside a quoted field as "")'
        elif "field larger than field limit" in reason:
            reason = f"a field is longer than {csv.field_size_limit():,} characters (far past any column's limit)"
        raise SightingsError([f"{where} (line {reader.line_num}): {reason}"]) from None
    if header is None:
        raise SightingsError(["the file is empty (expected a CSV header and rows)"])
    return header


def _check_header(header: list[str]) -> None:
    problems = []
    for position, name in enumerate(header, start=1):
        if not name:
            problems.append(f"header: column {position} has no name (expected one of: {', '.join(COLUMNS)})")
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if name and name in seen:
            problems.append(f"header: column {name!r} appears twice (columns {seen[name]} and {position}); "
                            "keep one")
        seen.setdefault(name, position)
    if problems:
        raise SightingsError(problems)


def _check_area_points(frame: pd.DataFrame) -> None:
    """An area row's only point is its strait's label point; an unlocated row has none."""
    problems = []
    given = frame["lat"].notna()
    for index in frame.index[given & frame["position_kind"].isin(("area", "unlocated"))]:
        kind, strait = frame.at[index, "position_kind"], frame.at[index, "strait"]
        point = (frame.at[index, "lat"], frame.at[index, "lon"])
        label = place_point(STRAIT_LABEL_POINTS[strait]) if kind == "area" and strait in STRAIT_LABEL_POINTS \
            else None
        if label is not None and all(abs(a - b) < 1e-4 for a, b in zip(point, label, strict=True)):
            continue
        allowed = f"its strait's label point {label[0]}/{label[1]} or none" if label else "none"
        problems.append(f"row {index + 1}, lat/lon: {point[0]}/{point[1]} given for an {kind} row "
                        f"(its point is {allowed}); leave lat and lon empty, or set position_kind to reported")
    if problems:
        raise SightingsError(problems)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
