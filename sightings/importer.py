"""Add newly reported sightings to the dataset without ever losing or corrupting it.

New rows come as CSV in the dataset's own columns (id, lat, lon and position_kind may be
left out) or in the shared notes' format, which is the same columns without those four.
Every row is validated and positioned exactly as the dataset is (:func:`store.load`);
rows that repeat a sighting already in the dataset are reported and left out; the merge
happens under a file lock and lands with one atomic replace.

Unknown columns are rejected, not ignored: a misspelt column (``ship_type``) would
otherwise drop its data silently.
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sightings.schema import SYNTHETIC, SightingsError, validate
from sightings.store import load, lock, read_sightings, to_csv_text, write_atomic

#: Largest file accepted from a browser upload (the server's request cap is a little above).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: rows to add, and incoming rows that repeat existing ones."""

    new: pd.DataFrame
    duplicates: pd.DataFrame   # incoming rows, with ``duplicate_of`` = the existing row's id


def plan(raw: bytes, existing: pd.DataFrame) -> ImportPlan:
    """Validate and position ``raw`` CSV bytes and split them into new rows and duplicates.

    Raises :class:`sightings.schema.SightingsError` listing every problem in the file.
    """
    incoming = load(raw)
    synthetic = incoming.index[incoming["source_urls"].map(lambda urls: SYNTHETIC in urls)]
    if len(synthetic):
        raise SightingsError([f"row {i + 1}, source_urls: {SYNTHETIC!r} marks a synthetic benchmark row "
                              "(expected the report's http(s) URLs); synthetic rows never enter the dataset"
                              for i in synthetic])
    match = duplicate_of(incoming, existing)
    repeated = match != ""
    return ImportPlan(new=incoming[~repeated].reset_index(drop=True),
                      duplicates=incoming[repeated].assign(duplicate_of=match[repeated]).reset_index(drop=True))


def duplicate_of(incoming: pd.DataFrame, existing: pd.DataFrame) -> pd.Series:
    """For each incoming row, the id of the existing row it repeats ('' for none).

    A repeat has the same id, or the same event date, strait and ship count (both unknown
    counts as the same) and at least one ship type or hull number in common.
    """
    def keyed(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(_count=frame["ships"].astype("Float64").fillna(-1),
                            _names=[{n.lower() for n in types + hulls} for types, hulls
                                    in zip(frame["ship_types"], frame["hull_numbers"], strict=True)],
                            _row=range(len(frame)))

    left, right = keyed(incoming), keyed(existing)
    pairs = left.merge(right, on=["event_date", "strait", "_count"], suffixes=("", "_old"))
    shares = [bool(a & b) for a, b in zip(pairs["_names"], pairs["_names_old"], strict=True)]
    same = pairs.loc[shares].drop_duplicates("_row")
    found = pd.Series("", index=range(len(incoming)), dtype=object)
    found[same["_row"].to_numpy()] = same["id_old"].to_numpy()
    by_id = incoming["id"].isin(set(existing["id"])).to_numpy()
    found[by_id] = incoming.loc[by_id, "id"].to_numpy()
    return found


def read_upload(contents: str | None) -> pd.DataFrame:
    """Validate a browser upload (``data:...;base64,...``) without decoding an oversized one.

    The size is judged from the encoded length, so a huge upload is refused before it is
    decoded or parsed.
    """
    header, _, payload = (contents or "").partition(",")
    if not header.startswith("data:") or not header.endswith(";base64"):
        raise SightingsError(["no file received (expected a CSV file)"])
    if len(payload) > 4 * -(-MAX_UPLOAD_BYTES // 3):
        raise SightingsError([f"the file is larger than {MAX_UPLOAD_BYTES // 2**20} MB; "
                              "split it or import it with `python -m dashboard import`"])
    try:
        raw = base64.b64decode(payload, validate=True)
    except binascii.Error:
        raise SightingsError(["the upload is damaged (not valid base64); try again"]) from None
    return load(raw)


def merge_into(path: str | os.PathLike, raw: bytes) -> ImportPlan:
    """Add the new rows of ``raw`` to the dataset at ``path``; the file is untouched on error.

    Reading, merging and replacing happen under the dataset's lock, so two imports at once
    both land; the replace is atomic, so a crash leaves the old file or the new one.
    """
    path = Path(path)
    with lock(path):
        existing = read_sightings(path)
        result = plan(raw, existing)
        if len(result.new):
            merged = pd.concat([existing, result.new], ignore_index=True)
            merged = validate(merged.sort_values("event_date", kind="stable").reset_index(drop=True))
            write_atomic(path, to_csv_text(merged))
    return result
