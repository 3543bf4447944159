"""The one definition of a sighting: columns, parsing from CSV text, and the pandera schema.

Every path that reads sightings (the shipped dataset, an import, a browser upload) goes
through :func:`parse` and :data:`SCHEMA`, so a row is judged the same way everywhere and
every problem is reported as ``row N, column: 'value' <what is expected>``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys

import pandas as pd
import pandera.pandas as pa

from geo.columns import ENRICHED
from geo.locate import MAX_DISTANCE_KM, MAX_PHRASE
from geo.seas import NAMES as SEA_AREAS
from geo.straits import NAMES as STRAITS
from sightings.text import control_characters

#: Columns of ``data/sightings.csv``, in file order. A ``derived`` position keeps what it was
#: derived from: the gazetteer ``anchor`` ("Cape Soya"; "A / B" for a midpoint between two
#: places), ``bearing_deg`` and ``distance_km`` (empty for a midpoint); views read these.
COLUMNS = (
    "id", "event_date", "event_time", "report_date", "date_basis", "report_date_basis", "ships", "ship_types", "hull_numbers",
    "vessels", "chinese_vessels", "location_text", "location_text_ja", "lat", "lon",
    "position_kind", "anchor", "bearing_deg", "distance_km",
    "strait", "direction", "sea_area", "activity", "with_chinese_ships",
    "observed_by", "same_as", "voyage_id", "voyage_link", "source_urls", "source_names", "notes",
)
#: Columns the app's downloads add (the join's and ``primary_source``): a file that has them
#: (the app's own CSV) is read without them, as they are recomputed; ``sea_area_reported``,
#: the report's own sea, becomes ``sea_area`` again.
EXPORT_ONLY = ENRICHED + ("primary_source",)
#: Columns an incoming file must have; the rest may be absent and are filled.
REQUIRED = (
    "event_date", "report_date", "ships", "ship_types", "location_text", "strait",
    "activity", "with_chinese_ships", "source_urls", "source_names",
)
#: Columns whose cells hold lists, and the separator used for them in CSV text.
#: ``vessels`` pairs class and hull as written in a release ("Udaloy I-class destroyer (548)");
#: ``chinese_vessels`` keeps the Chinese ships of a joint movement apart from the Russian ones;
#: ``observed_by`` lists the JSDF units a release names; ``same_as`` the earlier movements a
#: release says were the same ships ("2026-03-05/2026-03-06 Tsushima southwest"), which
#: :mod:`sightings.voyages` links into voyages; ``voyage_link`` why a row was linked to its
#: voyage (derived at curate time: "with 2026-07-16-232bf4: hull 343 in both").
LIST_SEPARATORS = {"ship_types": "; ", "hull_numbers": "; ", "vessels": "; ", "chinese_vessels": "; ",
                   "observed_by": "; ", "same_as": "; ", "voyage_link": "; ", "source_urls": " | ",
                   "source_names": " | "}

POSITION_KINDS = ("reported", "derived", "area", "unlocated")
#: The kinds whose lat/lon is a position (reported or derived); an area row's point is only its
#: strait's label point, and no download or map gives it as a fix.
POINT_KINDS = POSITION_KINDS[:2]
#: How ``event_date`` is known: ``stated`` (a release or page gives the day), ``inferred`` (worked
#: out from other pages; ``notes`` give the reasoning, e.g. "year from Wing's article numbering"),
#: ``announcement day`` (only the day the Joint Staff announced it is known: ``event_date`` holds
#: that day, the sighting was that day or earlier). Empty in an import that does not say.
DATE_BASES = ("stated", "inferred", "announcement day")
#: How ``report_date`` (the day the Joint Staff announced the sighting) is known: ``release`` (the
#: release itself), ``press says announced`` (a page says the Joint Staff announced it that day:
#: 「統合幕僚監部は15日、…発表した」), ``page date only`` (only the date of a press page, which may be
#: a day or more after the announcement), ``event date only`` (no page says when it was announced:
#: ``report_date`` holds the sighting day). Empty in an import that does not say.
REPORT_DATE_BASES = ("release", "press says announced", "page date only", "event date only")
#: The earliest event the dataset may hold (the Soviet Navy became Russia's in 1992).
EARLIEST = pd.Timestamp("1992-01-01")
#: The region Straitwatch maps (degrees): a point outside it is a typo ('-0,-0', lat and lon swapped).
REGION = {"lat": (10.0, 65.0), "lon": (110.0, 170.0)}
#: Longest cell (characters) of each text column, checked on the raw cells before any parsing.
MAX_CHARS = {
    "id": 64, "event_date": 32, "event_time": 32, "report_date": 32, "date_basis": 32, "report_date_basis": 32,
    "ships": 32,
    "location_text": MAX_PHRASE, "location_text_ja": 2000, "lat": 32, "lon": 32, "position_kind": 32,
    "anchor": 200, "bearing_deg": 32, "distance_km": 32,
    "strait": 64, "direction": 300, "sea_area": 64, "activity": 300, "with_chinese_ships": 32,
    "voyage_id": 68, "notes": 2000,
}
#: Most items of each list column, and the longest item (characters).
MAX_ITEMS = {
    "ship_types": (100, 200), "hull_numbers": (100, 16), "vessels": (100, 200), "chinese_vessels": (100, 200),
    "observed_by": (50, 200), "same_as": (100, 100), "voyage_link": (100, 300), "source_urls": (20, 2000), "source_names": (20, 300),
}

#: ``source_urls`` of benchmark rows (bench/synth.py): readable by the app, refused by imports.
SYNTHETIC = "synthetic:"
#: A Joint Staff Office page (its releases live under /js/): the primary source of a sighting.
RELEASE_URL = re.compile(r"^https?://www\.mod\.go\.jp/js/", re.IGNORECASE)
_URL = re.compile("^https?://[^\\s<>\"\x00-\x1f\x7f-\x9f]+$", re.IGNORECASE)
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"no", "false", "0", "n", ""}


class SightingsError(ValueError):
    """Raised with every problem found in a sightings table, one message per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:50]
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__("\n".join(shown) + more)


def _today() -> pd.Timestamp:
    return pd.Timestamp(dt.date.today())


def is_release_url(url: str) -> bool:
    """True for a Joint Staff Office URL: a row citing one rests on the primary source.

    Examples
    --------
    >>> is_release_url("https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf"), is_release_url("https://example.org/")
    (True, False)
    """
    return bool(RELEASE_URL.match(url))


def _url_list() -> pa.Check:
    count, size = MAX_ITEMS["source_urls"]
    return pa.Check(lambda v: isinstance(v, list) and (v == [SYNTHETIC] or (
        0 < len(v) <= count and all(len(u) <= size and _URL.match(u) for u in v))),
        element_wise=True, error="at least one http or https URL")


def _str_list(column: str) -> pa.Check:
    """A list of at most :data:`MAX_ITEMS` non-empty texts (one element-wise pass per column)."""
    count, size = MAX_ITEMS[column]
    return pa.Check(lambda v: isinstance(v, list) and len(v) <= count and all(
        isinstance(i, str) and 0 < len(i) <= size for i in v), element_wise=True, name="str_list")


def _bounded(column: str) -> pa.Check:
    """Text of ``column`` within its :data:`MAX_CHARS` (for frames that did not come through :func:`parse`)."""
    return pa.Check.str_length(0, MAX_CHARS[column])


SCHEMA = pa.DataFrameSchema(
    {
        "id": pa.Column(str, pa.Check.str_matches(rf"^[A-Za-z0-9_.:-]{{1,{MAX_CHARS['id']}}}$"), unique=True),
        "event_date": pa.Column("datetime64[ns]", [
            pa.Check.ge(EARLIEST), pa.Check(lambda s: s <= _today(), error="not in the future")]),
        "event_time": pa.Column(str, pa.Check.str_matches(r"^(?:(?:[01]\d|2[0-3]):[0-5]\d)?$")),
        "report_date": pa.Column("datetime64[ns]", [
            pa.Check.ge(EARLIEST), pa.Check(lambda s: s <= _today(), error="not in the future")]),
        "date_basis": pa.Column(str, pa.Check.isin(("",) + DATE_BASES)),
        "report_date_basis": pa.Column(str, pa.Check.isin(("",) + REPORT_DATE_BASES)),
        "ships": pa.Column("Int64", pa.Check.in_range(1, 500), nullable=True),
        "ship_types": pa.Column(object, _str_list("ship_types")),
        "hull_numbers": pa.Column(object, _str_list("hull_numbers")),
        "vessels": pa.Column(object, _str_list("vessels")),
        "chinese_vessels": pa.Column(object, _str_list("chinese_vessels")),
        "location_text": pa.Column(str, [pa.Check.str_length(1, MAX_CHARS["location_text"])]),
        "location_text_ja": pa.Column(str, _bounded("location_text_ja")),
        "lat": pa.Column(float, pa.Check.in_range(*REGION["lat"]), nullable=True),
        "lon": pa.Column(float, pa.Check.in_range(*REGION["lon"]), nullable=True),
        "position_kind": pa.Column(str, pa.Check.isin(POSITION_KINDS)),
        "anchor": pa.Column(str, _bounded("anchor")),
        "bearing_deg": pa.Column(float, pa.Check.in_range(0.0, 360.0, include_max=False), nullable=True),
        "distance_km": pa.Column(float, pa.Check.in_range(0.0, MAX_DISTANCE_KM, include_min=False), nullable=True),
        "strait": pa.Column(str, pa.Check.isin(("",) + STRAITS)),
        "direction": pa.Column(str, _bounded("direction")),
        "sea_area": pa.Column(str, pa.Check.isin(("",) + SEA_AREAS)),
        "activity": pa.Column(str, pa.Check.str_length(1, MAX_CHARS["activity"])),
        "with_chinese_ships": pa.Column(bool),
        "observed_by": pa.Column(object, _str_list("observed_by")),
        "same_as": pa.Column(object, _str_list("same_as")),
        "voyage_id": pa.Column(str, pa.Check.str_matches(rf"^[A-Za-z0-9_.:-]{{0,{MAX_CHARS['voyage_id']}}}$")),
        "voyage_link": pa.Column(object, _str_list("voyage_link")),
        "source_urls": pa.Column(object, _url_list()),
        "source_names": pa.Column(object, _str_list("source_names")),
        "notes": pa.Column(str, _bounded("notes")),
    },
    checks=[
        pa.Check(lambda df: df["report_date"] >= df["event_date"],
                 error="report_date is before event_date"),
        pa.Check(lambda df: df["lat"].isna() == df["lon"].isna(), error="lat and lon go together"),
        pa.Check(lambda df: df["lat"].notna() | df["position_kind"].isin(("area", "unlocated")),
                 error="a reported or derived position needs lat and lon"),
        pa.Check(lambda df: df["bearing_deg"].isna() == df["distance_km"].isna(),
                 error="bearing_deg and distance_km go together"),
        pa.Check(lambda df: (df["anchor"] == "") | (df["position_kind"] == "derived"),
                 error="only a derived position has an anchor"),
    ],
    strict=True,
    ordered=True,
    coerce=False,
)


def _load_checks_without_hypothesis() -> None:
    """Load pandera's check backends without importing hypothesis.

    When hypothesis is installed (the dev and bench venvs), pandera imports it for data
    synthesis that Straitwatch never uses: 0.3 s of every start-up. Blocking that one import
    while the backends load leaves validation unchanged. If hypothesis is already imported
    (under pytest) nothing is blocked.
    """
    if "hypothesis" in sys.modules:
        return
    sys.modules["hypothesis"] = None   # type: ignore[assignment]  # `import hypothesis` -> ImportError
    try:
        import pandera.backends.pandas.builtin_checks  # noqa: F401
    finally:
        del sys.modules["hypothesis"]


_load_checks_without_hypothesis()


def parse(raw: pd.DataFrame) -> pd.DataFrame:
    """Turn a table of CSV text cells into typed sighting columns, or raise SightingsError.

    ``raw`` holds strings (read with ``dtype=str, keep_default_na=False``). Columns not in
    :data:`REQUIRED` may be missing (they are filled empty).
    The result still needs :func:`validate` and, for rows without a position, locating.
    """
    problems: list[str] = []
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        raise SightingsError([f"missing required column(s): {', '.join(missing)}; "
                              f"expected columns: {', '.join(COLUMNS)}"])
    if "sea_area_reported" in raw.columns:
        raw = raw.assign(sea_area=raw["sea_area_reported"])
    raw = raw.drop(columns=[c for c in EXPORT_ONLY if c in raw.columns])
    unknown = [c for c in raw.columns if c not in COLUMNS]
    if unknown:
        more = f" and {len(unknown) - 10:,} more" if len(unknown) > 10 else ""
        raise SightingsError([f"unknown column(s): {', '.join(preview(c) for c in unknown[:10])}{more}; "
                              f"expected only: {', '.join(COLUMNS)}"])
    if raw.empty:
        raise SightingsError(["no rows: the file has a header but no sightings"])
    text = raw.reindex(columns=COLUMNS).fillna("").astype(str)
    controls = text_problems(text)      # before stripping: str.strip() would drop some controls silently
    if controls:
        raise SightingsError(controls)
    text = text.apply(lambda col: col.str.strip())
    rows = pd.RangeIndex(1, len(text) + 1)
    text.index = rows
    _check_lengths(text)
    out = pd.DataFrame(index=rows)
    for col in ("event_date", "report_date"):
        out[col] = _parse_dates(text[col], col, problems)
    out["ships"] = _parse_ships(text["ships"], problems)
    for col in ("lat", "lon", "bearing_deg", "distance_km"):
        out[col] = _parse_floats(text[col], col, problems)
    out["with_chinese_ships"] = _parse_bools(text["with_chinese_ships"], problems)
    for col, sep in LIST_SEPARATORS.items():
        out[col] = text[col].map(lambda v, s=sep.strip(): [p.strip() for p in v.split(s) if p.strip()])
        problems.extend(_item_problems(out[col], col))
    for col in ("id", "event_time", "date_basis", "report_date_basis", "location_text", "location_text_ja", "position_kind",
                "anchor", "strait", "direction", "sea_area", "activity", "voyage_id", "notes"):
        out[col] = text[col]
    for row in rows[out["lat"].isna() != out["lon"].isna()]:
        problems.append(f"row {row}, lat/lon: {text.at[row, 'lat']!r}/{text.at[row, 'lon']!r} "
                        "lat and lon go together (give both or neither)")
    if problems:
        raise SightingsError(sorted(problems, key=_row_number))
    out = out[list(COLUMNS)]
    out.index = pd.RangeIndex(len(out))
    missing_id = out["id"] == ""
    out.loc[missing_id, "id"] = stable_ids(out[missing_id])
    return out


def _check_lengths(text: pd.DataFrame) -> None:
    """Refuse over-long cells before anything parses them, without echoing the whole cell."""
    limits = {**MAX_CHARS, **{column: count * (size + len(LIST_SEPARATORS[column]))
                              for column, (count, size) in MAX_ITEMS.items()}}
    problems = []
    for column, limit in limits.items():
        lengths = text[column].str.len()
        for row in text.index[lengths > limit]:
            what = (f"expected at most {MAX_ITEMS[column][0]} items of at most {MAX_ITEMS[column][1]} characters"
                    if column in MAX_ITEMS else f"expected at most {limit:,}")
            problems.append(f"row {row}, {column}: {preview(text.at[row, column])} is {lengths[row]:,} "
                            f"characters long ({what})")
    if problems:
        raise SightingsError(sorted(problems, key=_row_number))


def _item_problems(lists: pd.Series, column: str) -> list[str]:
    count, size = MAX_ITEMS[column]
    problems = [f"row {row}, {column}: {len(lists[row])} items (expected at most {count})"
                for row in lists.index[lists.map(len) > count]]
    for row in lists.index[lists.map(lambda items: max(map(len, items), default=0)) > size]:
        problems.extend(f"row {row}, {column}: item {preview(item)} is {len(item):,} characters long "
                        f"(expected at most {size})" for item in lists[row] if len(item) > size)
    return problems


def preview(text: str, width: int = 40) -> str:
    """A cell as a message shows it: quoted, cut to ``width`` characters.

    Examples
    --------
    >>> print(preview("about 180 km east-northeast of Cape Erimo", 10))
    'about 180 '...
    """
    return repr(text) if len(text) <= width else repr(text[:width]) + "..."


def stable_ids(frame: pd.DataFrame) -> pd.Series:
    """``YYYY-MM-DD-xxxxxx`` from the date and the report's own words: a row keeps its id.

    Examples
    --------
    >>> stable_ids(pd.DataFrame({"event_date": [pd.Timestamp("2022-03-15")], "location_text": ["Tsugaru Strait"],
    ...                         "ship_types": [["landing ship"]]})).tolist()
    ['2022-03-15-a1cf4d']
    """
    day = frame["event_date"].dt.strftime("%Y-%m-%d")
    keys = day + "|" + frame["location_text"] + "|" + frame["ship_types"].map("; ".join)
    return day + "-" + keys.map(lambda k: hashlib.sha1(k.encode()).hexdigest()[:6])


def validate(frame: pd.DataFrame) -> pd.DataFrame:
    """Check a typed frame against :data:`SCHEMA`; raise SightingsError naming every bad cell.

    Every path that writes the dataset validates first, so the text checks here are the
    last guard: no control character (a NUL would make the file unreadable, ESC would
    reach the operator's terminal) and no list item holding its list's separator (it would
    be read back as two items).
    """
    problems = text_problems(frame)
    if problems:
        raise SightingsError(problems)
    try:
        return SCHEMA.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise SightingsError(_describe(exc.failure_cases, frame)) from None


def text_problems(frame: pd.DataFrame) -> list[str]:
    """Cells of ``frame`` (text or lists of text) that hold a control character or a list separator.

    Rows are numbered from 1 by position. Example: a ``notes`` cell ``'a\\x00b'`` in the
    first row gives ``row 1, notes: 'a\\x00b' holds the control character '\\x00' at
    character 2 (...)``.
    """
    problems = []
    for column in frame.columns:
        values = frame[column]
        if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
            continue
        for row in _rows_with_controls(values):
            problems.extend(_control_lines(row + 1, column, values.iloc[row]))
        if column not in LIST_SEPARATORS:
            continue
        mark = LIST_SEPARATORS[column].strip()
        for row, items in enumerate(values, start=1):
            for item in items if isinstance(items, list) else ():
                if not isinstance(item, str):
                    continue
                if item.isprintable() is False:           # fast pass: most items are plain text
                    problems.extend(_control_lines(row, column, item))
                if mark in item:
                    problems.append(f"row {row}, {column}: item {preview(item)} holds {mark!r}, the list's "
                                    f"separator (it would be read back as two items); write it without {mark!r}")
    return sorted(problems, key=_row_number)


def _rows_with_controls(values: pd.Series) -> list[int]:
    """Positions of the text cells of ``values`` holding a control character (most text is printable)."""
    return [row for row, value in enumerate(values.tolist())
            if isinstance(value, str) and not value.isprintable() and control_characters(value)]


def _control_lines(row: int, column: str, text: str) -> list[str]:
    found = control_characters(text)
    if not found:
        return []
    position, shown = found[0]
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    start = max(0, position - 20) if len(text) > 40 else 0       # show the cell around the character
    cell = ("..." if start else "") + preview(text[start:])
    return [f"row {row}, {column}: {cell} holds the control character {shown} at character "
            f"{position + 1}{more} (a NUL, escape, DEL or lone surrogate is never part of a report); remove it"]


def _describe(cases: pd.DataFrame, frame: pd.DataFrame) -> list[str]:
    """Rewrite pandera's failure cases as 'row N, column: value ...' sentences."""
    problems = []
    for case in cases.itertuples():
        index = case.index
        row = f"row {int(index) + 1}, " if isinstance(index, (int, float)) and pd.notna(index) else ""
        if row and case.schema_context == "DataFrameSchema":     # a check across columns fails once per column
            problems.append(f"{row}{case.check}")
            continue
        column = case.column if isinstance(case.column, str) and case.column in frame.columns else None
        value = case.failure_case
        if column and row:
            value = frame.at[int(index), column]
            if isinstance(value, pd.Timestamp):
                value = value.date().isoformat()
            elif hasattr(value, "item"):     # numpy scalar -> plain Python for the message
                value = value.item()
        what = _EXPECTED.get((column, str(case.check).split("(")[0])) or str(case.check)
        target = f"{column}: " if column else ""
        shown = preview(value) if isinstance(value, str) else preview(repr(value), 80)[1:-1]
        problems.append(f"{row}{target}{shown} {what}".strip())
    return sorted(set(problems), key=_row_number)


def _row_number(message: str) -> tuple[int, str]:
    match = re.match(r"row (\d+)", message)
    return (int(match.group(1)) if match else 0, message)


_EXPECTED = {
    ("event_date", "greater_than_or_equal_to"): f"is before {EARLIEST.date()} (expected a later date)",
    ("report_date", "greater_than_or_equal_to"): f"is before {EARLIEST.date()} (expected a later date)",
    ("event_date", "not in the future"): "is in the future (expected today or earlier)",
    ("report_date", "not in the future"): "is in the future (expected today or earlier)",
    ("ships", "in_range"): "is out of range (expected a whole number from 1 to 500, or empty)",
    **{(axis, "in_range"): f"is outside the region Straitwatch maps (expected a {name} from {low:g} to "
                           f"{high:g} around Japan; a lost sign, or lat and lon swapped?)"
       for (axis, (low, high)), name in zip(REGION.items(), ("latitude", "longitude"), strict=True)},
    ("bearing_deg", "in_range"): "is not a bearing (expected degrees from 0 up to 360, or empty)",
    ("distance_km", "in_range"): f"is not a distance (expected km above 0 up to {MAX_DISTANCE_KM:,.0f}, or empty)",
    ("date_basis", "isin"): f"is not a date basis (expected one of {', '.join(DATE_BASES)}, or empty)",
    ("report_date_basis", "isin"): f"is not a report-date basis (expected one of {', '.join(REPORT_DATE_BASES)}, "
                                   "or empty)",
    ("position_kind", "isin"): f"is not a position kind (expected one of {', '.join(POSITION_KINDS)})",
    ("strait", "isin"): f"is not a known strait (expected one of {', '.join(STRAITS)}, or empty)",
    ("sea_area", "isin"): f"is not a known sea area (expected one of {', '.join(SEA_AREAS)}, or empty)",
    ("source_urls", "at least one http or https URL"): f"is not a list of http(s) URLs (expected 1 to "
                                                        f"{MAX_ITEMS['source_urls'][0]}, each at most "
                                                        f"{MAX_ITEMS['source_urls'][1]} characters)",
    ("id", "str_matches"): f"is not a valid id (letters, digits, '_.:-', at most {MAX_CHARS['id']})",
    ("event_time", "str_matches"): "is not a time of day (expected HH:MM, 24-hour, or empty)",
    ("voyage_id", "str_matches"): f"is not a valid voyage id (letters, digits, '_.:-', at most "
                                  f"{MAX_CHARS['voyage_id']}, or empty)",
    ("id", "field_uniqueness"): "is a duplicate id (expected unique ids)",
    **{(column, "str_length"): f"is too long (expected at most {limit} characters)"
       for column, limit in MAX_CHARS.items()},
    ("location_text", "str_length"): f"is empty or too long (expected 1 to {MAX_CHARS['location_text']} characters)",
    ("activity", "str_length"): f"is empty or too long (expected 1 to {MAX_CHARS['activity']} characters)",
    **{(column, "str_list"): f"is not a list of texts (expected at most {count} items of 1 to {size} "
                             "characters)" for column, (count, size) in MAX_ITEMS.items()},
}


def _parse_dates(cells: pd.Series, column: str, problems: list[str]) -> pd.Series:
    """Dates of ``YYYY-MM-DD`` cells; a real date pandas cannot hold (after 2262-04-11) is refused too.

    pandas reads ``2263-01-01`` at a coarser unit; the dataset's columns are nanosecond
    dates, so such a date is named as out of range here instead of raising OutOfBoundsDatetime.
    """
    parsed = pd.to_datetime(cells, format="%Y-%m-%d", errors="coerce")
    outside = parsed.notna() & ((parsed < pd.Timestamp.min) | (parsed > pd.Timestamp.max))
    for row in cells.index[outside]:
        problems.append(f"row {row}, {column}: {cells[row]!r} is out of range "
                        f"(expected a date from {EARLIEST.date()} to today)")
    parsed = parsed.where(~outside).astype("datetime64[ns]")
    for row in cells.index[parsed.isna() & ~outside]:
        problems.append(f"row {row}, {column}: {cells[row]!r} is not a date (YYYY-MM-DD)")
    return parsed


def _parse_ships(cells: pd.Series, problems: list[str]) -> pd.Series:
    numbers = pd.to_numeric(cells, errors="coerce").astype(float)        # an empty cell is NaN
    bad = (cells != "") & (numbers.isna() | (numbers % 1 != 0) | (numbers.abs() > 1e6))
    for row in cells.index[bad]:
        problems.append(f"row {row}, ships: {cells[row]!r} is not a whole number "
                        "(expected a count of Russian ships from 1 to 500, or empty)")
    return numbers.where(~bad).astype("Int64")


def _parse_floats(cells: pd.Series, column: str, problems: list[str]) -> pd.Series:
    numbers = pd.to_numeric(cells, errors="coerce").astype(float)        # an empty cell is NaN
    for row in cells.index[(cells != "") & numbers.isna()]:
        problems.append(f"row {row}, {column}: {cells[row]!r} is not a number (expected "
                        f"{'decimal degrees' if column in ('lat', 'lon') else 'a plain number'})")
    return numbers


def _parse_bools(cells: pd.Series, problems: list[str]) -> pd.Series:
    lowered = cells.str.lower()
    bad = ~lowered.isin(_TRUE | _FALSE)
    for row in cells.index[bad]:
        problems.append(f"row {row}, with_chinese_ships: {cells[row]!r} is not yes/no")
    return lowered.isin(_TRUE)
