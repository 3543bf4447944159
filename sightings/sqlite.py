"""The record as one SQLite file, for SQL users: Datasette, DuckDB, the sqlite3 shell.

``python -m sightings export --sqlite FILE`` writes the dataset and its reference tables
(the ship class dictionary, the gazetteer) as tables with the CSVs' own columns, plus a
full-text index over the sightings' words (phrases, the releases' Japanese sentences, ship
types, names, notes, sources) that Datasette finds by itself. Beside the file goes a
Datasette metadata file carrying the licence and the source attribution, so whoever serves
it cites the sources as the licence asks.

Examples
--------
>>> import tempfile, sqlite3
>>> path = Path(tempfile.mkdtemp()) / "straitwatch.db"
>>> export(path)["sightings"] > 0
True
>>> sqlite3.connect(path).execute(
...     "select count(*) from sightings_fts where sightings_fts match 'Tsugaru'").fetchone()[0] > 0
True
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pandas as pd

from sightings.jso import CREDIT_JA
from sightings.store import DATASET, write_atomic

DATA = DATASET.parent
#: Table name -> the CSV it holds (read as pandas reads it, so numbers stay numbers).
TABLES = {"sightings": DATASET, "ship_classes": DATA / "ship_classes.csv", "gazetteer": DATA / "gazetteer.csv"}
#: The sightings' columns the full-text index covers.
SEARCHED = ("location_text", "location_text_ja", "ship_types", "hull_numbers", "vessels", "chinese_vessels",
            "notes", "source_names", "direction", "activity", "strait", "sea_area")
ATTRIBUTION = (f"Joint Staff Office, Ministry of Defense of Japan ({CREDIT_JA}), "
               "processed by Straitwatch; news facts from the pages each row links")
LICENSE = "Government of Japan Standard Terms of Use 2.0 (release facts); each row cites its pages"


def read_tables(tables: dict[str, Path] = TABLES) -> dict[str, pd.DataFrame]:
    """Each CSV as pandas reads it (the frames the SQLite tables must equal).

    Examples
    --------
    >>> import tempfile
    >>> csv = Path(tempfile.mkdtemp()) / "sightings.csv"
    >>> _ = csv.write_text("id,ships,hull_numbers\\na,2,333; 335\\nb,,\\n")
    >>> read_tables({"sightings": csv})["sightings"]["ships"].tolist()   # a number column: empty is NaN
    [2.0, nan]
    """
    return {name: pd.read_csv(path, encoding="utf-8") for name, path in tables.items()}


def export(path: str | os.PathLike, tables: dict[str, Path] = TABLES) -> dict[str, int]:
    """Write ``tables`` and the full-text index to a new SQLite file at ``path``; rows per table.

    The database is built in memory and written with :func:`sightings.store.write_atomic`
    (a reader never sees half of it); so is the Datasette metadata, to
    ``<path without suffix>.metadata.json``.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> rows = pd.DataFrame({"id": ["a", "b"], **{column: ["", ""] for column in SEARCHED}})
    >>> rows["location_text"] = ["the Tsugaru Strait", "off Cape Soya"]
    >>> rows.to_csv(folder / "sightings.csv", index=False)
    >>> export(folder / "x.db", {"sightings": folder / "sightings.csv"})
    {'sightings': 2}
    >>> sqlite3.connect(folder / "x.db").execute("select s.id from sightings_fts f join sightings s "
    ...     "on s.rowid = f.rowid where sightings_fts match 'tsugaru'").fetchall()   # any case, part of a word
    [('a',)]
    >>> sorted(p.name for p in folder.iterdir())
    ['sightings.csv', 'x.db', 'x.metadata.json']
    """
    frames = read_tables(tables)
    db = sqlite3.connect(":memory:")
    try:
        for name, frame in frames.items():
            frame.to_sql(name, db, index=False)
        columns = ", ".join(SEARCHED)
        db.execute(f"create virtual table sightings_fts using fts5({columns}, content='sightings', "
                   "content_rowid='rowid', tokenize='trigram')")
        db.execute("insert into sightings_fts(sightings_fts) values ('rebuild')")
        db.commit()
        write_atomic(path, db.serialize())
    finally:
        db.close()
    write_atomic(metadata_path(Path(path)), json.dumps(metadata(), ensure_ascii=False, indent=2) + "\n")
    return {name: len(frame) for name, frame in frames.items()}


def metadata_path(path: Path) -> Path:
    """Where the Datasette metadata of the SQLite file at ``path`` goes.

    Examples
    --------
    >>> metadata_path(Path("out/straitwatch.db")).as_posix()
    'out/straitwatch.metadata.json'
    """
    return path.with_name(f"{path.stem}.metadata.json")


def metadata() -> dict:
    """Datasette metadata: title, licence, source and what each table holds.

    Examples
    --------
    >>> meta = metadata()
    >>> meta["license"]
    'Government of Japan Standard Terms of Use 2.0 (release facts); each row cites its pages'
    >>> meta["databases"]["*"]["tables"]["sightings"]["fts_table"]
    'sightings_fts'
    """
    return {
        "title": "Straitwatch: Russian Navy movements around Japan",
        "license": LICENSE,
        "source": ATTRIBUTION,
        "source_url": "https://www.mod.go.jp/js/",
        "databases": {"*": {"tables": {
            "sightings": {"description": "One row per sighting; derived positions are marked in position_kind.",
                          "fts_table": "sightings_fts", "fts_pk": "rowid"},
            "ship_classes": {"description": "Japanese class names, English class, NATO name, project, type."},
            "gazetteer": {"description": "Places reports measure from, with the page each coordinate came from."},
        }}},
    }
