"""The enriched sightings frame kept on disk as Parquet, so a restart skips parsing, validating and joining.

Building the frame from a million CSV rows costs tens of seconds (text parsing, validation,
regexes, the join); reading it back from a snapshot costs a few. A snapshot is named by a key
over everything the frame depends on (:func:`key`): the data file's bytes, the layer
checksums, the source of every module of the ``sightings`` and ``geo`` packages and the
pandas and pyarrow versions, so a new row, a rebuilt layer or a code change builds afresh.
Writes are atomic (several workers start at once) and skipped when the folder cannot be
written (a read-only checkout).

List columns (ship types, hull numbers, sources...) are stored as integer codes into the
column's distinct lists, which the file's metadata holds as JSON: exact, and on reading each
distinct list is made once and shared by every row holding it (a million synthetic rows hold
about a thousand distinct lists per column), which keeps memory down. The frame is
read-only once loaded, so the sharing is safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

#: Bump when the snapshot's layout changes.
FORMAT = "1"
#: The packages whose code makes the frame: any change to their source invalidates a snapshot.
PACKAGES = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "geo")
_LISTS_KEY = b"straitwatch.lists"


def key(raw: bytes, layer_sums: Path) -> str:
    """Hex key of a frame built from the CSV bytes ``raw`` with the layers of ``layer_sums``."""
    import pyarrow

    digest = hashlib.sha256(f"{FORMAT} pandas {pd.__version__} pyarrow {pyarrow.__version__}".encode())
    digest.update(hashlib.sha256(raw).digest())
    digest.update(layer_sums.read_bytes())
    for source in sorted(path for package in PACKAGES for path in package.glob("*.py")):
        digest.update(f"{source.parent.name}/{source.name}".encode())
        digest.update(hashlib.sha256(source.read_bytes()).digest())
    return digest.hexdigest()[:32]


def load(path: Path) -> pd.DataFrame | None:
    """The frame saved at ``path``, or None when there is none (or it cannot be read)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
        lists = json.loads(table.schema.metadata[_LISTS_KEY])
    except (OSError, pa.ArrowException, KeyError, TypeError, ValueError):
        return None
    frame = table.to_pandas()
    for name, distinct in lists.items():
        shared = np.empty(len(distinct), dtype=object)
        shared[:] = [list(items) for items in distinct]
        frame[name] = pd.Series(shared[frame[name].to_numpy()], index=frame.index, dtype=object)
    return frame


def save(frame: pd.DataFrame, path: Path) -> bool:
    """Write ``frame`` to ``path`` atomically; False when the folder is not writable.

    Every object column must hold lists of strings (the schema's list columns): they are
    stored as codes into their distinct lists (module docstring).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    coded, lists = frame.copy(deep=False), {}
    for name in frame.columns[frame.dtypes == object]:
        if not all(isinstance(items, list) for items in frame[name]):
            raise TypeError(f"column {name!r} holds values other than lists; a snapshot stores object "
                            "columns as lists of strings only")
        codes, distinct = pd.factorize(frame[name].map(tuple))
        coded[name], lists[name] = codes.astype(np.int32), [list(items) for items in distinct]
    table = pa.Table.from_pandas(coded, preserve_index=True)
    table = table.replace_schema_metadata({**table.schema.metadata, _LISTS_KEY: json.dumps(lists).encode()})
    return write_atomic(path, lambda out: pq.write_table(table, out))


def write_atomic(path: Path, write: Callable[[Path], None]) -> bool:
    """Run ``write(temporary)`` beside ``path``, then move the result into place in one step.

    A reader sees the old file or the whole new one, never a part (several workers start at
    once). Returns False, leaving nothing behind, when the folder cannot be written.
    """
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, suffix=f"{path.suffix}.tmp")
        os.close(handle)
        temporary = Path(name)
        write(temporary)
        os.replace(temporary, path)
        return True
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return False
