"""The vessel register: which ship a hull number names, only where a page says so.

Releases give hull numbers ("548"), rarely names. ``data/vessels.csv`` keeps, per hull
number, the names pages state beside it, one row per page (its URL and the words it uses),
so a dossier can say "548: Admiral Panteleyev (per FlyTeam, 2018)" and link the page. A
hull no page names is not in the file: never guessed.

Russian hull numbers change hands (a ship renumbered, a number given to another ship). A row
may say over which dates a page gives the number as carried (``carried_from``/``carried_to``);
``stated_for`` is the day the page ties the name to (a sighting's date, or the page's own),
which is all most pages give. Two different names for one hull must both carry dates that do
not overlap, else the file is refused: the register would otherwise have to guess.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from sightings.classes import ship_classes
from sightings.schema import SightingsError

REGISTER = Path(__file__).resolve().parent.parent / "data" / "vessels.csv"
REGISTER_COLUMNS = ("hull_number", "name", "name_ja", "class", "carried_from", "carried_to", "stated_for",
                    "source_name", "source_url", "source_note")
#: Bounds before parsing: the register holds tens of rows; a file past these is not ours.
MAX_BYTES = 1_000_000
MAX_ROWS = 5_000
_DATE = r"^(\d{4}-\d{2}-\d{2})?$"

SCHEMA = pa.DataFrameSchema(
    {
        "hull_number": pa.Column(str, pa.Check.str_matches(r"^[0-9]{1,4}$")),
        "name": pa.Column(str, pa.Check.str_length(1, 100)),
        "name_ja": pa.Column(str, pa.Check.str_length(0, 100)),
        "class": pa.Column(str, pa.Check.str_length(0, 100)),
        "carried_from": pa.Column(str, pa.Check.str_matches(_DATE)),
        "carried_to": pa.Column(str, pa.Check.str_matches(_DATE)),
        "stated_for": pa.Column(str, pa.Check.str_matches(_DATE)),
        "source_name": pa.Column(str, pa.Check.str_length(1, 200)),
        "source_url": pa.Column(str, pa.Check.str_matches(r"^https?://\S{1,500}$")),
        "source_note": pa.Column(str, pa.Check.str_length(1, 1000)),
    },
    strict=True, ordered=True,
)


def read_register(path: str | Path = REGISTER) -> pd.DataFrame:
    """The register at ``path``, validated; raise SightingsError naming each bad row and the fix.

    Every row needs a hull number of digits ("011" kept as written), a name and the page that
    states it (a class should be a ``class_en`` of data/ship_classes.csv: :func:`unknown_classes`).

    Examples
    --------
    >>> register = read_register()
    >>> register.loc[register["hull_number"] == "548", "name"].iloc[0]
    'Admiral Panteleyev'
    """
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise SightingsError([f"{path.name} is {path.stat().st_size} bytes; the register is capped at {MAX_BYTES}"])
    table = pd.read_csv(path, dtype=str, keep_default_na=False, nrows=MAX_ROWS + 1)
    return check_register(table, path.name)


def check_register(table: pd.DataFrame, label: str = "register") -> pd.DataFrame:
    """``table`` validated as a register (see :func:`read_register`); returns it unchanged.

    >>> check_register(pd.DataFrame([{"hull_number": "54x"}]))    # doctest: +ELLIPSIS
    Traceback (most recent call last):
    sightings.schema.SightingsError: register header is hull_number; expected hull_number, name, ...
    """
    if tuple(table.columns) != REGISTER_COLUMNS:
        raise SightingsError([f"{label} header is {', '.join(table.columns)}; expected {', '.join(REGISTER_COLUMNS)}"])
    if len(table) > MAX_ROWS:
        raise SightingsError([f"{label} has more than {MAX_ROWS} rows; split it or raise MAX_ROWS"])
    try:
        SCHEMA.validate(table, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        raise SightingsError([f"{label} row {index}: {column} {value!r} fails {check}"
                              for index, column, value, check in zip(cases["index"], cases["column"],
                                                                     cases["failure_case"], cases["check"],
                                                                     strict=True)]) from None
    problems = _clashes(table, label)
    if problems:
        raise SightingsError(problems)
    return table


@functools.lru_cache(maxsize=1)
def register() -> pd.DataFrame:
    """The register as read from ``data/vessels.csv`` (read once, never mutated)."""
    return read_register(REGISTER)


def names_of(table: pd.DataFrame, hull: str) -> pd.DataFrame:
    """The register rows for ``hull`` (as written: "011" is not "11"), by name then date stated.

    Examples
    --------
    >>> table = pd.DataFrame({"hull_number": ["011", "11", "011"], "name": ["Varyag", "Other", "Varyag"],
    ...                       "stated_for": ["2024-05-01", "2020-01-01", "2019-09-01"]})
    >>> names_of(table, "011")[["name", "stated_for"]].values.tolist()
    [['Varyag', '2019-09-01'], ['Varyag', '2024-05-01']]
    """
    rows = table[table["hull_number"] == hull]
    return rows.sort_values(["name", "stated_for"])


def carried_on(table: pd.DataFrame, day) -> pd.DataFrame:
    """The register rows whose carried dates (where given) include ``day`` (a date or Timestamp).

    An undated row holds for any day: the loader allows it only when its hull has no other name.

    >>> rows = pd.DataFrame({"carried_from": ["", "2000-01-01", "2010-01-01"], "carried_to": ["", "2009-12-31", ""]})
    >>> carried_on(rows, pd.Timestamp("2012-05-01")).index.tolist()
    [0, 2]
    """
    iso = f"{pd.Timestamp(day):%Y-%m-%d}"
    # an empty carried_from sorts before every date; an empty carried_to must be asked for
    held = (table["carried_from"] <= iso) & ((table["carried_to"] == "") | (table["carried_to"] >= iso))
    return table[held]


def hull_names(table: pd.DataFrame, day=None) -> dict[str, list[str]]:
    """Hull number -> the distinct names (English, then Japanese where stated) the register gives
    it (on ``day``, when given: see :func:`carried_on`).

    >>> hull_names(pd.DataFrame({"hull_number": ["548", "548"], "name": ["Admiral Panteleyev"] * 2,
    ...                          "name_ja": ["", "アドミラル・パンテレーエフ"]}))
    {'548': ['Admiral Panteleyev', 'アドミラル・パンテレーエフ']}
    """
    rows = table if day is None else carried_on(table, day)
    found: dict[str, list[str]] = {}
    for hull, name, name_ja in zip(rows["hull_number"], rows["name"], rows["name_ja"], strict=True):
        for text in (name, name_ja):
            if text and text not in found.setdefault(hull, []):
                found[hull].append(text)
    return found


def sole_names(table: pd.DataFrame) -> dict[str, str]:
    """Hull number -> its English name, for the hulls the register gives exactly one English name
    (a number carried by two ships is left out: which one a sighting saw needs its date).

    >>> sole_names(pd.DataFrame({"hull_number": ["548", "548", "011", "011"],
    ...     "name": ["Admiral Panteleyev", "Admiral Panteleyev", "Varyag", "Other"]}))
    {'548': 'Admiral Panteleyev'}
    """
    names = table.groupby("hull_number")["name"].unique()
    return {hull: found[0] for hull, found in names.items() if len(found) == 1 and found[0]}


def unknown_classes(table: pd.DataFrame, classes: pd.DataFrame | None = None) -> list[str]:
    """Problems for register classes that are no ``class_en`` of the class dictionary.

    Checked by the tests, not at load: renaming a class in data/ship_classes.csv must not stop
    the app; the dossier then shows the register's class as written, without a project.

    >>> unknown_classes(pd.DataFrame({"class": ["Udaloy I-class destroyer", "", "Udaloy IV-class destroyer"]}))
    ["row 2: class 'Udaloy IV-class destroyer' is not a class_en of data/ship_classes.csv; use its spelling there or leave the class empty"]
    """
    known = set((ship_classes() if classes is None else classes)["class_en"])
    return [f"row {i}: class {name!r} is not a class_en of data/ship_classes.csv; "
            "use its spelling there or leave the class empty"
            for i, name in table["class"].items() if name and name not in known]


def _clashes(table: pd.DataFrame, label: str) -> list[str]:
    """A hull with two names whose carried dates are missing or overlap: the register would have to guess."""
    problems = []
    for hull, rows in table.groupby("hull_number"):
        spans = rows.drop_duplicates("name")
        if len(spans) < 2:
            continue
        if (spans["carried_from"] == "").any() or (spans["carried_to"] == "").any():
            problems.append(f"{label}: hull {hull} has names {', '.join(spans['name'])} without carried_from and "
                            "carried_to on each; add the dates a page gives, or drop the name no page dates")
            continue
        ordered = spans.sort_values("carried_from")
        for (_, a), (_, b) in itertools.pairwise(ordered.iterrows()):
            if b["carried_from"] <= a["carried_to"]:
                problems.append(f"{label}: hull {hull} is {a['name']} to {a['carried_to']} and {b['name']} from "
                                f"{b['carried_from']}: the dates overlap")
    return problems
