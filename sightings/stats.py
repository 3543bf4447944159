"""Passage statistics of a selection: passages per strait, year and heading, ship-sightings per month,
the share with Chinese ships.

Three counts that are easy to confuse, kept apart everywhere they are shown:

- a **passage** is an event: one group's transit of one strait on one heading, however many
  times it was sighted. Rows of one voyage (``voyage_id``) that name the same strait and the
  same heading are one passage; a row with no voyage is a passage of its own. A passage
  belongs to the year of its first sighting.
- **ship-sightings** sum the ships each row reports: one ship seen on three days is three
  ship-sightings, never "three ships".
- **distinct hulls** count the hull numbers the rows name, each once.

A row whose source gives no ship count adds nothing to a sum and is counted in
``unknown_counts`` beside it, so a sum with unknown parts says so.

These are counts of *reports*, not of activity: the record is not equally complete every
year (2026 comes from the Joint Staff releases, earlier years from news samples), so every
table here goes out with :func:`rows_by_source`, the number of release rows and news rows
behind each year. Plain functions of the rows :func:`dashboard.filters.apply_filters`
selected, so the statistics follow the filters like every other view; plain pandas
group-bys, sized for the record's hundreds of rows.
"""

from __future__ import annotations

import pandas as pd

from geo.tracks import heading
from sightings.schema import STRAITS

#: The heading of a passage whose direction names no compass point.
NO_HEADING = "not stated"
#: Columns of :func:`passages` (and of ``/stats/passages.csv``).
PASSAGE_COLUMNS = ("strait", "year", "heading", "passages", "ship_sightings", "distinct_hulls", "unknown_counts")
#: Columns of :func:`ships_per_month`.
MONTH_COLUMNS = ("month", "sightings", "ship_sightings", "unknown_counts")


def passage_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows that state a strait passage, each with its ``heading``, ``passage`` key and passage ``year``.

    The heading is the first compass word of ``direction`` (:func:`geo.tracks.heading`, "not
    stated" when none); the key joins voyage (or, for a row with no voyage, the row's own id),
    strait and heading; the year is that of the passage's first sighting, so the rows of a
    passage seen on 31 Dec and 1 Jan are counted in one year.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a", "b"], "event_date": pd.to_datetime(["2022-12-31", "2023-01-01"]),
    ...                      "strait": ["Soya", "Soya"], "direction": ["east", "east, toward the Pacific"],
    ...                      "voyage_id": ["v1", "v1"], "ships": pd.array([2, 2], dtype="Int64"),
    ...                      "hull_numbers": [["548"], ["548"]]})
    >>> passage_rows(rows)[["passage", "heading", "year"]].values.tolist()
    [['v1|Soya|east', 'east', 2022], ['v1|Soya|east', 'east', 2022]]
    """
    part = rows[rows["strait"].isin(STRAITS)]
    straits, directions = part["strait"].tolist(), part["direction"].fillna("").tolist()
    headings = [heading(text) or NO_HEADING for text in directions]
    groups = [voyage or f"row {row}" for voyage, row in zip(part["voyage_id"].fillna("").tolist(), part["id"].tolist())]
    out = pd.DataFrame({
        "id": part["id"].to_numpy(), "event_date": part["event_date"].to_numpy(),
        "strait": pd.Categorical(straits, categories=STRAITS),                  # the schema's order
        "heading": pd.Categorical(headings, categories=[*sorted(set(headings) - {NO_HEADING}), NO_HEADING]),
        "passage": pd.Series([f"{g}|{s}|{h}" for g, s, h in zip(groups, straits, headings)], dtype=object),
        "ships": part["ships"].array, "hull_numbers": part["hull_numbers"].to_numpy(),
    })
    return out.assign(year=out.groupby("passage")["event_date"].transform("min").dt.year.astype("int64"))


def passages(rows: pd.DataFrame) -> pd.DataFrame:
    """Passages per strait, year and heading, with their ship-sightings, distinct hulls and unknown counts.

    Straits come in the schema's order, then years ascending, then headings alphabetically
    with "not stated" last. ``unknown_counts``: rows whose ship count the source does not give
    (they add nothing to ``ship_sightings``).

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a", "b", "c"],
    ...                      "event_date": pd.to_datetime(["2022-03-14", "2022-03-15", "2022-06-01"]),
    ...                      "strait": ["Tsugaru", "Tsugaru", "Tsugaru"], "direction": ["west", "west", "west"],
    ...                      "voyage_id": ["v1", "v1", ""], "ships": pd.array([4, 4, None], dtype="Int64"),
    ...                      "hull_numbers": [["011"], ["011"], []]})
    >>> passages(rows).to_dict("records")
    [{'strait': 'Tsugaru', 'year': 2022, 'heading': 'west', 'passages': 2, 'ship_sightings': 8, \
'distinct_hulls': 1, 'unknown_counts': 1}]
    """
    part = passage_rows(rows)
    keys = ["strait", "year", "heading"]                 # categorical strait and heading: sorted in their order
    grouped = part.assign(unknown=part["ships"].isna()).groupby(keys, observed=True)
    table = pd.DataFrame({"passages": grouped["passage"].nunique(), "ship_sightings": grouped["ships"].sum(),
                          "unknown_counts": grouped["unknown"].sum()})
    hulls = part[keys + ["hull_numbers"]].explode("hull_numbers")
    table["distinct_hulls"] = hulls.groupby(keys, observed=True)["hull_numbers"].nunique()
    table = table.reset_index()
    return table.astype({"strait": "str", "heading": "str"} | {name: "int64" for name in PASSAGE_COLUMNS[3:]})[
        list(PASSAGE_COLUMNS)]


#: The heading of a zero row of :func:`passage_table`: no passage that year, so none stated.
ALL_HEADINGS = "all"


def passage_table(rows: pd.DataFrame, straits: tuple[str, ...] = STRAITS, *, start=None, end=None,
                  current_to=None, partial: bool = False) -> pd.DataFrame:
    """:func:`passages` with explicit zeros: a line for every strait of ``straits`` and every year
    from the first to the last year of ``rows`` (all selected rows, with or without a strait).

    A filter's period widens the years to those it names: from ``start``'s year (else the first
    row's) to the year of ``end`` or ``current_to``, whichever is earlier (else the last row's),
    so a year of the period with no row is a zero line too. ``partial=True`` adds the
    ``partial`` column (:func:`with_partial`): the year is cut by the period or by ``current_to``,
    the record's data-current-to date.

    A missing year must not look like a missing line (issue 25): a strait with no passage in a
    year gets ONE zero line with heading ``"all"`` (:data:`ALL_HEADINGS`: no heading is stated
    because there is no passage), every count 0. A strait-year with passages keeps its lines per
    heading exactly as :func:`passages` gives them, and gets no zero line for the headings it
    lacks. ``straits`` is the schema's order (:data:`sightings.schema.STRAITS`) unless a strait
    filter narrows it; the order is that of :func:`passages`. No rows: no lines.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a", "b"], "event_date": pd.to_datetime(["2022-03-14", "2024-06-01"]),
    ...                      "strait": ["Tsugaru", "Tsugaru"], "direction": ["west", "east"],
    ...                      "voyage_id": ["", ""], "ships": pd.array([4, 2], dtype="Int64"),
    ...                      "hull_numbers": [["011"], []]})
    >>> passage_table(rows, ("Tsugaru",))[["strait", "year", "heading", "passages"]].values.tolist()
    [['Tsugaru', 2022, 'west', 1], ['Tsugaru', 2023, 'all', 0], ['Tsugaru', 2024, 'east', 1]]
    """
    table = passages(rows)
    table = table[table["strait"].isin(straits)]
    if not rows.empty:                                   # no rows: no years, so no zero lines
        grid = pd.MultiIndex.from_product([list(straits), year_span(rows, start, end, current_to)],
                                          names=["strait", "year"])
        seen = pd.MultiIndex.from_frame(table[["strait", "year"]])
        missing = grid.difference(seen, sort=False).to_frame(index=False)
        zeros = missing.assign(heading=ALL_HEADINGS, **{name: 0 for name in PASSAGE_COLUMNS[3:]})
        table = pd.concat([table, zeros.astype(table.dtypes.to_dict())], ignore_index=True)
        order = {strait: i for i, strait in enumerate(straits)}
        # stable sort on strait (given order) then year keeps passages()' heading order within a year
        table = table.sort_values(["strait", "year"], key=lambda c: c.map(order) if c.name == "strait" else c,
                                  kind="stable")
    table = table.reset_index(drop=True)[list(PASSAGE_COLUMNS)]
    return with_partial(table, start, end, current_to) if partial else table


def year_span(rows: pd.DataFrame, start=None, end=None, current_to=None) -> range:
    """The years a table of ``rows`` lists: from the first row's year (or ``start``'s, if earlier) to
    the last row's (or, given an ``end``, the year of ``end`` or ``current_to``, whichever is
    earlier, if later), so a year of the chosen period with no row is listed too. No rows: none.

    >>> import datetime as dt
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2025-06-01"])})
    >>> list(year_span(rows, dt.date(2023, 1, 1), dt.date(2027, 12, 31), dt.date(2026, 9, 15)))
    [2023, 2024, 2025, 2026]
    """
    if rows.empty:
        return range(0)
    years = rows["event_date"].dt.year
    first, last = int(years.min()), int(years.max())
    if start is not None:
        first = min(first, pd.Timestamp(start).year)
    if end is not None:
        last = max(last, min(pd.Timestamp(day) for day in (end, current_to) if day is not None).year)
    return range(first, last + 1)


def ships_per_month(rows: pd.DataFrame) -> pd.DataFrame:
    """Per calendar month (``month``: its first day): sightings, ship-sightings and rows of unknown count.

    Examples
    --------
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-14", "2022-03-15", "2022-05-02"]),
    ...                      "ships": pd.array([1, None, 4], dtype="Int64")})
    >>> ships_per_month(rows).to_dict("records")[0]
    {'month': Timestamp('2022-03-01 00:00:00'), 'sightings': 2, 'ship_sightings': 1, 'unknown_counts': 1}
    """
    month = rows["event_date"].dt.to_period("M").dt.to_timestamp().rename("month")
    counts = pd.DataFrame({"sightings": 1, "ship_sightings": rows["ships"], "unknown_counts": rows["ships"].isna()})
    table = counts.groupby(month).sum()
    return table.reset_index().astype({name: "int64" for name in MONTH_COLUMNS[1:]})[list(MONTH_COLUMNS)]


def chinese_share(rows: pd.DataFrame) -> pd.DataFrame:
    """Per year: sightings, those sailing with Chinese ships, and their share (0 to 1).

    Examples
    --------
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2021-10-18", "2021-10-20", "2022-05-02"]),
    ...                      "with_chinese_ships": [True, False, False]})
    >>> chinese_share(rows).to_dict("records")[0]
    {'year': 2021, 'sightings': 2, 'with_chinese': 1, 'share': 0.5}
    """
    year = rows["event_date"].dt.year.rename("year")
    flags = pd.DataFrame({"sightings": 1, "with_chinese": rows["with_chinese_ships"]})
    table = flags.groupby(year).sum()
    table = table.reset_index().astype({"year": "int64", "sightings": "int64", "with_chinese": "int64"})
    return table.assign(share=table["with_chinese"] / table["sightings"])


def rows_by_source(rows: pd.DataFrame) -> pd.DataFrame:
    """Per year: how many rows cite a Joint Staff release (``releases``) and how many only news (``news``).

    Examples
    --------
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2026-01-02", "2026-02-03", "2025-05-02"]),
    ...                      "primary_source": [True, False, False]})
    >>> rows_by_source(rows).to_dict("records")
    [{'year': 2025, 'releases': 0, 'news': 1}, {'year': 2026, 'releases': 1, 'news': 1}]
    """
    year = rows["event_date"].dt.year.rename("year")
    table = pd.DataFrame({"total": 1, "releases": rows["primary_source"]}).groupby(year).sum()
    table = table.reset_index().astype("int64")
    return pd.DataFrame({"year": table["year"], "releases": table["releases"],
                         "news": table["total"] - table["releases"]})


def source_note(by_source: pd.DataFrame) -> str:
    """The sentence every chart carries: where each year's rows come from (:func:`rows_by_source`).

    A year is "mostly" releases or news only when one outnumbers the other; a tie says so.

    Examples
    --------
    >>> note = source_note(pd.DataFrame({"year": [2025, 2026], "releases": [2, 3], "news": [2, 1]}))
    >>> note.split(" (")[0]
    "Where each year's rows come from: 2026 mostly from Joint Staff releases; 2025 half from releases, half from news"
    """
    years = list(zip(*(by_source[column].tolist() for column in ("year", "releases", "news")), strict=True))
    if not years:
        return "No rows in this selection."
    listed = "; ".join(f"{year}: {r} from releases, {n} from news" for year, r, n in years)
    mostly_releases = [str(year) for year, r, n in years if r > n]
    even = [str(year) for year, r, n in years if r == n]
    mostly_news = [str(year) for year, r, n in years if r < n]
    parts = []
    if mostly_releases:
        parts.append(f"{', '.join(mostly_releases)} mostly from Joint Staff releases")
    if even:
        parts.append(f"{', '.join(even)} half from releases, half from news")
    if mostly_news:
        parts.append(("other years" if parts else "all years") + " mostly from news samples")
    return (f"Where each year's rows come from: {'; '.join(parts)} ({listed}). The counts compare reports, not "
            "activity: a rise where the source changes is not a rise in activity.")


# -- briefing-ready statistics (issue 25): partial periods, the units, months, periods compared --

#: An exercise a navy announced (``activity`` "exercise (announced by Russian MOD, ...)", or
#: "exercise (announced)" where the report does not say by whom): an announcement, not a sighting
#: of ships, so its ship numbers (often "about 40") never enter a count of sightings or ships; the
#: views list such rows as events beside the counts.
ANNOUNCED = "(announced"
#: Column of :func:`passage_table` when a period is given: whether the year is cut short.
PARTIAL = "partial"
#: The four units a count may be in, with the words every title and header uses for them.
UNITS = {
    "passages": "passages (one group's transit of one strait on one heading)",
    "ship_groups": "ship groups (voyages: sightings the record links as the same ships)",
    "distinct_ships": "distinct ships (hull numbers named, each once)",
    "sightings": "sightings (reports of ships at one place and time)",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def announcement_mask(rows: pd.DataFrame) -> pd.Series:
    """True for rows that record an announced exercise rather than ships seen (:data:`ANNOUNCED`).

    Examples
    --------
    >>> announcement_mask(pd.DataFrame({"activity": ["transit", "exercise (announced by Russian MOD)",
    ...                                               "exercise (announced)"]})).tolist()
    [False, True, True]
    """
    if "activity" not in rows:
        return pd.Series(False, index=rows.index)
    return rows["activity"].astype(str).str.contains(ANNOUNCED, regex=False)         # a missing activity: False


def ship_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` without announcements (:func:`announcement_mask`): the sightings of ships.

    Examples
    --------
    >>> ship_rows(pd.DataFrame({"id": ["a", "b"], "activity": ["transit", "exercise (announced by Russian MOD)"]}))
      id activity
    0  a  transit
    """
    return rows[~announcement_mask(rows).to_numpy()]


def year_is_partial(year: int, start=None, end=None, current_to=None) -> bool:
    """Whether calendar ``year`` is cut short: the period starts after 1 January or ends before
    31 December of it, or the record runs only to ``current_to`` inside it (dates or None).

    Examples
    --------
    >>> import datetime as dt
    >>> year_is_partial(2026, current_to=dt.date(2026, 9, 15)), year_is_partial(2025, current_to=dt.date(2026, 9, 15))
    (True, False)
    >>> year_is_partial(2022, start=dt.date(2022, 3, 1)), year_is_partial(2023, start=dt.date(2022, 3, 1))
    (True, False)
    """
    first, last = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    return bool((start is not None and pd.Timestamp(start) > first)
                or (end is not None and pd.Timestamp(end) < last)
                or (current_to is not None and pd.Timestamp(current_to) < last))


def month_is_partial(month: pd.Timestamp, start=None, end=None, current_to=None) -> bool:
    """Whether the calendar month starting ``month`` is cut short by the period or by ``current_to``.

    >>> import datetime as dt
    >>> month_is_partial(pd.Timestamp("2026-09-01"), current_to=dt.date(2026, 9, 15))
    True
    """
    first = pd.Timestamp(month)
    last = first + pd.offsets.MonthEnd()
    return bool((start is not None and pd.Timestamp(start) > first)
                or (end is not None and pd.Timestamp(end) < last)
                or (current_to is not None and pd.Timestamp(current_to) < last))


def month_is_outside(month: pd.Timestamp, start=None, end=None, current_to=None) -> bool:
    """Whether no day of the month starting ``month`` lies in the period and on or before ``current_to``:
    a count there is unknown, not zero.

    >>> import datetime as dt
    >>> month_is_outside(pd.Timestamp("2026-10-01"), current_to=dt.date(2026, 9, 15))
    True
    """
    first = pd.Timestamp(month)
    last = first + pd.offsets.MonthEnd()
    return bool((start is not None and pd.Timestamp(start) > last)
                or (end is not None and pd.Timestamp(end) < first)
                or (current_to is not None and pd.Timestamp(current_to) < first))


def with_partial(table: pd.DataFrame, start=None, end=None, current_to=None) -> pd.DataFrame:
    """``table`` (with a ``year`` column) and a ``partial`` column: :func:`year_is_partial` of each year.

    The statistics CSV says which years are cut by the filter's period or by the record's
    data-current-to date, so a low count in a cut year is not read as a quiet year.

    >>> import datetime as dt
    >>> with_partial(pd.DataFrame({"year": [2025, 2026]}), current_to=dt.date(2026, 9, 15))["partial"].tolist()
    [False, True]
    """
    flags = {year: year_is_partial(year, start, end, current_to) for year in set(table["year"].tolist())}
    return table.assign(**{PARTIAL: table["year"].map(flags).astype(bool)})


def unit_counts(rows: pd.DataFrame) -> dict[str, int]:
    """The selection counted in each unit (:data:`UNITS`), announcements kept apart.

    ``passages``: :func:`passages`' events; ``ship_groups``: voyages (a row with no voyage is a
    group of its own); ``distinct_ships``: hull numbers named, each once (ships with no hull
    number given are not in it); ``sightings``: rows that report ships; ``ship_sightings``: their
    ships summed; ``announcements``: announced exercises (:func:`announcement_mask`), in none of
    the others.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a", "b", "c"], "event_date": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-02-01"]),
    ...     "strait": ["Soya", "Soya", ""], "direction": ["east", "east", ""], "voyage_id": ["v1", "v1", "v2"],
    ...     "ships": pd.array([2, 2, 40], dtype="Int64"), "hull_numbers": [["333"], ["333", "343"], []],
    ...     "activity": ["transit", "transit", "exercise (announced by Russian MOD)"]})
    >>> unit_counts(rows)
    {'passages': 1, 'ship_groups': 1, 'distinct_ships': 2, 'sightings': 2, 'ship_sightings': 4, 'announcements': 1}
    """
    ships = ship_rows(rows)
    voyages = ships["voyage_id"].fillna("")
    no_voyage = voyages == ""                              # each such row is a group of its own
    ship_groups = voyages[~no_voyage].nunique() + int(no_voyage.sum())
    hulls = {hull for listed in ships["hull_numbers"] for hull in listed}
    return {"passages": int(passage_rows(ships)["passage"].nunique()), "ship_groups": ship_groups,
            "distinct_ships": len(hulls), "sightings": len(ships),
            "ship_sightings": int(ships["ships"].sum(skipna=True)), "announcements": int(len(rows) - len(ships))}


def month_grid(rows: pd.DataFrame, start=None, end=None, current_to=None) -> pd.DataFrame:
    """Sightings (announcements left out) per year (index) and month (columns 1 to 12), zeros explicit.

    Every year of :func:`year_span` is a line (from the first to the last row, widened to the
    chosen period), a year with no sighting too.

    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-14", "2022-03-15", "2024-12-02"])})
    >>> month_grid(rows).loc[[2022, 2023], [3, 12]].values.tolist()
    [[2, 0], [0, 0]]
    """
    ships = ship_rows(rows)
    dates = ships["event_date"]
    counts = pd.crosstab(dates.dt.year, dates.dt.month)
    return counts.reindex(index=pd.Index(year_span(rows, start, end, current_to), name="year"),
                          columns=pd.Index(range(1, 13), name="month"), fill_value=0)


def month_totals(rows: pd.DataFrame, start=None, end=None, current_to=None) -> pd.DataFrame:
    """Month-of-year totals: per calendar month (1 to 12, every month listed), the sightings of all
    years together and ``years``: how many years of the selection's span hold that month inside the
    period and the record (:func:`month_is_outside`), so a month summed over two years is not read
    as twice as busy as one summed over one.

    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-14", "2023-03-15", "2024-12-02"])})
    >>> month_totals(rows, current_to=pd.Timestamp("2024-12-10")).loc[[2, 11]].to_dict("records")
    [{'month': 3, 'name': 'Mar', 'sightings': 2, 'years': 3}, {'month': 12, 'name': 'Dec', 'sightings': 1, 'years': 3}]
    """
    grid = month_grid(rows, start, end, current_to)
    totals = grid.sum(axis=0)                              # no years: 0 for every month
    years = {m: sum(not month_is_outside(pd.Timestamp(y, m, 1), start, end, current_to) for y in grid.index)
             for m in range(1, 13)}
    return pd.DataFrame({"month": range(1, 13), "name": list(MONTHS),
                         "sightings": [int(totals[m]) for m in range(1, 13)],
                         "years": [int(years[m]) for m in range(1, 13)]})


def busiest_months(rows: pd.DataFrame, n: int = 3) -> list[tuple[str, int]]:
    """The ``n`` months of the year with the most sightings (ties: calendar order), none with zero.

    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2022-03-14", "2023-03-15", "2024-12-02"])})
    >>> busiest_months(rows)
    [('Mar', 2), ('Dec', 1)]
    """
    totals = month_totals(rows)
    ranked = totals[totals["sightings"] > 0].sort_values(["sightings", "month"], ascending=[False, True])
    return list(zip(ranked["name"].head(n).tolist(), ranked["sightings"].head(n).tolist(), strict=True))


def period_counts(rows: pd.DataFrame, types: dict[str, str] | None = None) -> dict[str, int]:
    """Counts of one period's rows for a comparison: passages per strait (every strait, zeros
    included) under ``"passages: <strait>"``, and sightings listing each ship type under
    ``"sightings: <type>"`` (``types``: type name -> its boolean column), announcements left out.

    >>> rows = pd.DataFrame({"id": ["a"], "event_date": pd.to_datetime(["2026-01-05"]), "strait": ["Soya"],
    ...     "direction": ["east"], "voyage_id": [""], "ships": pd.array([2], dtype="Int64"), "hull_numbers": [[]]})
    >>> period_counts(rows)["passages: Soya"], period_counts(rows)["passages: Tsugaru"]
    (1, 0)
    """
    ships = ship_rows(rows)
    part = passage_rows(ships)
    per_strait = part.groupby("strait", observed=False)["passage"].nunique()
    counts = {f"passages: {strait}": int(per_strait[strait]) for strait in STRAITS}   # every strait: a category
    for name, column in (types or {}).items():
        counts[f"sightings: {name}"] = int(ships[column].sum()) if column in ships else 0
    return counts
