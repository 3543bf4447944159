"""Versioned data: every change to the dataset gets a version and a changelog entry.

Analysts cite numbers; a number is citable only with the version of the data it came from.
Each command that writes ``data/sightings.csv`` (``ingest``, ``import``, ``fetch``,
``curate``) calls :func:`record` right after its write, under the same lock: it compares the
rows before and after by id, gives the dataset the next date-based version (``2026.12.1``,
``2026.12.2``, ... in one month), puts an entry at the top of ``data/CHANGELOG.md`` (date,
version, the command, rows added, changed and removed by id, and why) and writes
``data/datapackage.json`` again with that version and the new file's sha256.

Examples
--------
>>> next_version("## 2026.12.1 (2026-12-07)\\n", dt.date(2026, 12, 8))
'2026.12.2'
>>> next_version("## 2026.11.3 (2026-11-30)\\n", dt.date(2026, 12, 1))
'2026.12.1'
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sightings import datapackage
from sightings.store import DATASET, to_csv_text, write_atomic

CHANGELOG = DATASET.parent / "CHANGELOG.md"
HEADER = ("# Dataset changelog\n\n"
          "Every change to `sightings.csv`, newest first, written by the command that made it. Cite the\n"
          "version with the numbers you take from the record (the app shows it; `datapackage.json` has the\n"
          "file's sha256).\n")
_VERSION = re.compile(r"^## (\d{4})\.(\d{1,2})\.(\d+) \(", re.MULTILINE)


@dataclass(frozen=True)
class Change:
    """Ids added, changed (any cell differs) and removed between two versions of the dataset."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def compare(before: pd.DataFrame, after: pd.DataFrame) -> Change:
    """What changed from ``before`` to ``after`` (validated frames), by id, cells compared as written.

    Examples
    --------
    >>> from sightings.store import load
    >>> rows = load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...     b"source_urls,source_names\\n"
    ...     b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,A\\n"
    ...     b"2022-03-14,2022-03-15,1,Kilo-class submarine,the Soya Strait,Soya,transit,no,https://example.org/b,B\\n")
    >>> after = rows.iloc[[0]].assign(ships=3)
    >>> compare(rows, after)        # one row's ships changed, the other row gone
    Change(added=(), changed=('2022-03-15-0d89a1',), removed=('2022-03-14-81ddda',))
    >>> bool(compare(rows, rows.copy()))
    False
    """
    old, new = _as_written(before), _as_written(after)
    both = old.index.intersection(new.index)
    differs = (old.loc[both] != new.loc[both, old.columns]).any(axis=1)
    return Change(tuple(sorted(new.index.difference(old.index))), tuple(sorted(both[differs.to_numpy()])),
                  tuple(sorted(old.index.difference(new.index))))


def _as_written(frame: pd.DataFrame) -> pd.DataFrame:
    """The cells as the dataset file writes them, by id (so a change is a change in the file)."""
    return pd.read_csv(io.StringIO(to_csv_text(frame)), dtype=str, keep_default_na=False).set_index("id")


def current_version(changelog: str | os.PathLike = CHANGELOG) -> str:
    """The dataset's version: the newest entry of the changelog ('unversioned' before the first).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "CHANGELOG.md"
    >>> current_version(path)
    'unversioned'
    >>> _ = path.write_text(HEADER + "\\n## 2027.01.2 (2027-01-09)\\n\\n## 2027.01.1 (2027-01-02)\\n")
    >>> current_version(path)       # the entry on top; the month without its zero
    '2027.1.2'
    """
    path = Path(changelog)
    match = _VERSION.search(path.read_text(encoding="utf-8")) if path.exists() else None
    return f"{match.group(1)}.{int(match.group(2))}.{match.group(3)}" if match else "unversioned"


def next_version(changelog_text: str, today: dt.date) -> str:
    """The version after the newest in ``changelog_text``: ``YEAR.MONTH.N``, N counting within the month.

    Examples
    --------
    >>> next_version("## 2026.12.1 (2026-12-01)\\n## 2026.11.4 (2026-11-30)\\n", dt.date(2026, 12, 9))
    '2026.12.2'
    >>> next_version(HEADER, dt.date(2026, 12, 9))                 # the first entry of a month
    '2026.12.1'
    """
    same_month = [int(n) for year, month, n in _VERSION.findall(changelog_text)
                  if int(year) == today.year and int(month) == today.month]
    return f"{today.year}.{today.month}.{max(same_month, default=0) + 1}"


def entry(version: str, today: dt.date, command: str, change: Change, why: str, rows: int) -> str:
    """One changelog entry in Markdown.

    Examples
    --------
    >>> print(entry("2026.12.2", dt.date(2026, 12, 7), "ingest", Change(("2022-03-14-7d6ec1",), (), ()),
    ...             "Two releases read.", 318))
    ## 2026.12.2 (2026-12-07)
    <BLANKLINE>
    `ingest`: 318 rows; added 1, changed 0, removed 0. Two releases read.
    - added: `2022-03-14-7d6ec1`
    <BLANKLINE>
    """
    lines = [f"## {version} ({today.isoformat()})", "",
             f"`{command}`: {rows} rows; added {len(change.added)}, changed {len(change.changed)}, "
             f"removed {len(change.removed)}. {why}".rstrip()]
    for label, ids in (("added", change.added), ("changed", change.changed), ("removed", change.removed)):
        if ids:
            lines.append(f"- {label}: " + ", ".join(f"`{i}`" for i in ids))
    return "\n".join(lines) + "\n"


def write(path: str | os.PathLike, before: pd.DataFrame | None, after: pd.DataFrame, command: str,
          why: str = "") -> str | None:
    """Write ``after`` as the dataset at ``path`` (atomically) and record the change; the new version.

    The one way a command replaces the dataset: call it holding the dataset's lock.

    Examples
    --------
    >>> from sightings.store import load
    >>> rows = load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...     b"source_urls,source_names\\n"
    ...     b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,A\\n"
    ...     b"2022-03-14,2022-03-15,1,Kilo-class submarine,the Soya Strait,Soya,transit,no,https://example.org/b,B\\n")
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "sightings.csv"
    >>> version = write(path, None, rows, "curate")          # today's version: YEAR.MONTH.1
    >>> version == current_version(path.with_name("CHANGELOG.md")), version.endswith(".1")
    (True, True)
    >>> sorted(p.name for p in path.parent.iterdir() if not p.name.startswith("."))
    ['CHANGELOG.md', 'datapackage.json', 'sightings.csv']
    >>> write(path, rows, rows, "curate") is None            # same rows: file rewritten, no new version
    True
    """
    write_atomic(path, to_csv_text(after))
    return record(before, after, command, why, dataset=path)


def record(before: pd.DataFrame | None, after: pd.DataFrame, command: str, why: str = "", *,
           dataset: str | os.PathLike = DATASET, changelog: str | os.PathLike | None = None,
           today: dt.date | None = None) -> str | None:
    """Add the entry for a write of ``dataset`` from ``before`` (None: no file before) to ``after``;
    the new version (None: no change).

    Call it holding the dataset's lock, right after the write. The changelog and the data
    package live beside the dataset unless ``changelog`` names another file.

    Examples
    --------
    >>> from sightings.store import load
    >>> rows = load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...     b"source_urls,source_names\\n"
    ...     b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,https://example.org/a,A\\n"
    ...     b"2022-03-14,2022-03-15,1,Kilo-class submarine,the Soya Strait,Soya,transit,no,https://example.org/b,B\\n")
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "sightings.csv"
    >>> _ = path.write_text(to_csv_text(rows))
    >>> record(rows.iloc[[0]], rows, "import", "One news page.", dataset=path, today=dt.date(2026, 12, 7))
    '2026.12.1'
    >>> print((path.parent / "CHANGELOG.md").read_text().split("\\n## ")[1])
    2026.12.1 (2026-12-07)
    <BLANKLINE>
    `import`: 2 rows; added 1, changed 0, removed 0. One news page.
    - added: `2022-03-14-81ddda`
    <BLANKLINE>
    >>> record(rows, rows, "import", dataset=path) is None     # nothing changed: no entry
    True
    """
    change = compare(before, after) if before is not None else Change(tuple(sorted(after["id"])), (), ())
    if not change:
        return None
    today = today or dt.date.today()
    path = Path(changelog) if changelog is not None else Path(dataset).with_name(CHANGELOG.name)
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    version = next_version(text, today)
    head, _, rest = text.partition("\n## ")
    body = entry(version, today, command, change, why, len(after))
    write_atomic(path, head.rstrip("\n") + "\n\n" + body + ("\n## " + rest if rest else ""))
    datapackage.write(version, dataset, Path(dataset).with_name(datapackage.PACKAGE.name))
    return version
