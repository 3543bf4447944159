"""One filter for every view: the spec, ``apply_filters``, facet counts, presets and the summary sentence.

Map, timeline, table, CSV and GeoJSON all call :func:`apply_filters` with the same
:class:`FilterSpec`, so what a person sees is exactly what they download. Specs come from
the browser (controls or the URL), so :meth:`FilterSpec.clean` drops anything that is not
a known option instead of trusting it. The facets themselves are declared in
:mod:`dashboard.facets`; this module only loops over them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import numpy as np
import pandas as pd

from dashboard.facets import BY_FIELD, COUNTED, FACETS
from dashboard.i18n import N_, language, translator
from sightings.stats import announcement_mask


def _clean(cls, options: dict[str, tuple[str, ...]], **values) -> "FilterSpec":
    """Build a spec from untrusted values, keeping only known options and real dates."""
    start, end = parse_date(values.get("start")), parse_date(values.get("end"))
    if start and end and start > end:
        start, end = end, start
    return cls(start=start, end=end, **{facet.field: facet.kind.clean(facet.rename(values.get(facet.field)),
                                                                       options.get(facet.field, ()))
                                         for facet in FACETS})


def _replace(self, **changes) -> "FilterSpec":
    return dataclasses.replace(self, **changes)


#: What a person has asked to see: a date range plus one field per facet, each at its
#: default ("all") unless chosen. Made from :data:`dashboard.facets.FACETS`, so a new
#: facet is a new field with no edit here.
FilterSpec = dataclasses.make_dataclass(
    "FilterSpec",
    [("start", "dt.date | None", dataclasses.field(default=None)),
     ("end", "dt.date | None", dataclasses.field(default=None)),
     *((facet.field, "object", dataclasses.field(default=facet.kind.default)) for facet in FACETS)],
    frozen=True,
    namespace={"clean": classmethod(_clean), "replace": _replace, "__module__": __name__,
               "__doc__": "What a person has asked to see (see :mod:`dashboard.filters`)."},
)
#: Preset date ranges, by name: what the preset buttons offer.
PRESETS = {"all": N_("All dates"), "2022": N_("2022 (invasion year)"), "last-12-months": N_("Last 12 months")}


def parse_date(value) -> dt.date | None:
    """A real calendar date from 'YYYY-MM-DD' (or a longer ISO timestamp), else None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def preset_range(name: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of the preset ``name`` (:data:`PRESETS`) on the day ``today``.

    "Last 12 months" starts the day after the same date a year ago; on 29 February that
    date does not exist, so it counts from 28 February (the range starts 1 March).
    """
    if name == "all":
        return None, None
    if name == "2022":
        return dt.date(2022, 1, 1), dt.date(2022, 12, 31)
    if name == "last-12-months":
        try:
            year_ago = today.replace(year=today.year - 1)
        except ValueError:                       # 29 February
            year_ago = today.replace(year=today.year - 1, day=28)
        return year_ago + dt.timedelta(days=1), today
    raise ValueError(f"unknown preset {name!r}; expected one of {', '.join(PRESETS)}")


def spec_values(spec: FilterSpec) -> dict:
    """The spec as JSON-ready values (dates ISO, tuples as lists), as the spec store holds it."""
    values = dataclasses.asdict(spec)
    for key in ("start", "end"):
        values[key] = values[key].isoformat() if values[key] else None
    return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}


def apply_filters(frame: pd.DataFrame, spec: FilterSpec, *, skip: str | None = None) -> pd.DataFrame:
    """The rows of ``frame`` (from :mod:`sightings.pipeline`, so in date order) that ``spec`` selects.

    ``skip`` names one facet to leave out. The date range's mask and each facet's mask are
    combined, and the rows taken once: rows are wide (~70 columns), and a copy of the date
    window before the facets' cut took half the filter's time.
    """
    return frame[_keep(frame, _masks(frame, spec), skip, date_mask(frame, spec))]


def _masks(frame: pd.DataFrame, spec: FilterSpec) -> dict[str, np.ndarray]:
    """The bool mask of each facet ``spec`` sets, over the rows of ``frame``."""
    return {facet.field: facet.mask(frame, getattr(spec, facet.field))
            for facet in FACETS if facet.is_set(getattr(spec, facet.field))}


def _keep(frame: pd.DataFrame, masks: dict[str, np.ndarray], skip: str | None = None,
          dates: np.ndarray | None = None) -> np.ndarray:
    """The rows every mask but ``skip``'s keeps, within ``dates`` (a mask; None: every row)."""
    keep = np.ones(len(frame), dtype=bool) if dates is None else dates.copy()
    for field, mask in masks.items():
        if field != skip:
            keep &= mask
    return keep


def date_mask(frame: pd.DataFrame, spec: FilterSpec) -> np.ndarray:
    """Which rows lie inside the spec's date range, both ends included (a bool array).

    >>> frame = pd.DataFrame({"event_date": pd.to_datetime(["2022-01-05", "2022-01-10", "2022-01-07"])})
    >>> date_mask(frame, FilterSpec(start=dt.date(2022, 1, 6), end=dt.date(2022, 1, 8))).tolist()
    [False, False, True]
    """
    days = frame["event_date"].to_numpy()
    keep = np.ones(len(frame), dtype=bool)
    if spec.start:
        keep &= days >= np.datetime64(spec.start)
    if spec.end:
        keep &= days <= np.datetime64(spec.end)
    return keep


def facet_counts(frame: pd.DataFrame, spec: FilterSpec, field: str) -> dict[str, int]:
    """How many sightings each option of facet ``field`` would match, the other filters applied."""
    facet = BY_FIELD.get(field)
    if facet is None or facet.counts is None:
        counted = ", ".join(f.field for f in FACETS if f.counts is not None)
        raise ValueError(f"unknown or uncounted facet {field!r}; expected one of {counted}")
    return all_facet_counts(frame, spec, (facet,))[field]


def all_facet_counts(frame: pd.DataFrame, spec: FilterSpec, facets=COUNTED) -> dict[str, dict[str, int]]:
    """:func:`facet_counts` of each of ``facets``, cutting the dates and computing each mask once."""
    dates, masks = date_mask(frame, spec), _masks(frame, spec)
    return {facet.field: facet.counts(frame, _keep(frame, masks, facet.field, dates)) for facet in facets}


def summary(rows: pd.DataFrame, spec: FilterSpec, current_to: dt.date | None = None, lang: str = "en") -> str:
    """The sentence above the views: '14 sightings, 38 ship-sightings, 1 Jan - 31 Dec 2022, Tsugaru Strait'.

    The ships each sighting reports are summed as *ship-sightings* (one ship seen on three days
    counts three times), and sightings whose source gives no ship count are named beside the
    sum, never counted as none: '3 sightings, 5 ship-sightings (1 sighting without a ship count), ...'.
    An announced exercise (:func:`sightings.stats.announcement_mask`) is not a sighting: it is
    counted apart ('1 announced exercise (not counted as sightings)') and its ships are in no sum.

    ``current_to`` is the last report date of the whole record (:attr:`dashboard.data.AppData.current_to`,
    all rows, not the filtered ones), so a reader knows how current the numbers are. It is stated
    once: a period that runs past it is marked partial beside the dates
    ('1 Jul - 30 Sep 2026 (partial: data to 15 Sep 2026)'), otherwise the sentence ends
    ', data current to 15 Sep 2026'. ``None`` (no record loaded) leaves the clause out.

    ``lang`` is the page's language (:mod:`dashboard.i18n`): the same parts, in Japanese
    '確認14件、艦艇のべ38隻、2022年1月1日～12月31日、津軽海峡、データは2026年9月15日現在'.

    Example: ``summary(rows, FilterSpec(start=date(2026, 7, 1), end=date(2026, 9, 30)), date(2026, 9, 15))``
    is ``'3 sightings, 7 ship-sightings, 1 Jul - 30 Sep 2026 (partial: data to 15 Sep 2026)'``.
    """
    _ = translator(lang)
    if rows.empty:
        return _("No sightings match these filters.") + (
            _(" Data current to {day}.").format(day=_day(current_to, lang)) if current_to else "")
    announced = announcement_mask(rows).to_numpy()        # announced exercises: events, not sightings
    seen = rows[~announced]
    ships = int(seen["ships"].sum(skipna=True))
    unknown = int(seen["ships"].isna().sum())
    first = spec.start or rows["event_date"].min().date()
    last = spec.end or rows["event_date"].max().date()
    counted = (_("{count} ship-sightings") if ships != 1 else _("{count} ship-sighting")).format(count=ships)
    if unknown:
        counted += (_(" ({count} sightings without a ship count)") if unknown != 1
                    else _(" ({count} sighting without a ship count)")).format(count=unknown)
    span = date_span(first, last, lang)
    partial = current_to is not None and last > current_to
    if partial:
        span += _(" (partial: data to {day})").format(day=_day(current_to, lang))
    parts = [(_("{count} sightings") if len(seen) != 1 else _("{count} sighting")).format(count=len(seen)), counted]
    if announced.any():
        n = int(announced.sum())
        parts.append((_("{count} announced exercises (not counted as sightings)") if n != 1
                      else _("{count} announced exercise (not counted as sightings)")).format(count=n))
    parts.append(span)
    for facet in FACETS:
        value = getattr(spec, facet.field)
        if facet.is_set(value):
            parts.append(facet.phrase(value, lang))
    if current_to is not None and not partial:
        parts.append(_("data current to {day}").format(day=_day(current_to, lang)))
    return _(", ").join(parts)


def data_current_to(frame: pd.DataFrame) -> dt.date | None:
    """The date of the last sighting or release in the record: the latest ``report_date`` of all rows.

    Computed once from the whole frame the app loads (never from a filtered selection), so
    every view, download and feed states the same date. ``None`` for an empty record.

    Example: rows reported on 2026-08-16 and 2026-09-15 give ``date(2026, 9, 15)``.
    """
    if frame.empty or frame["report_date"].isna().all():
        return None
    return pd.Timestamp(frame["report_date"].max()).date()


def _day(d: dt.date, lang: str) -> str:
    """'15 Sep 2026'; in Japanese '2026年9月15日'."""
    if language(lang) == "ja":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {d:%b} {d.year}"


def date_span(first: dt.date, last: dt.date, lang: str = "en") -> str:
    """'1 Jan - 31 Dec 2022', '15 Feb - 17 Mar 2022', '3 Nov 2021 - 2 Jan 2022', '5 May 2011';
    in Japanese '2022年1月1日～12月31日', '2021年11月3日～2022年1月2日'.

    >>> date_span(dt.date(2022, 1, 1), dt.date(2022, 12, 31), "ja")
    '2022年1月1日～12月31日'
    """
    if language(lang) == "ja":
        if first == last:
            return _day(first, lang)
        end = _day(last, lang) if first.year != last.year else f"{last.month}月{last.day}日"
        return f"{_day(first, lang)}～{end}"

    def day(d: dt.date, year: bool) -> str:
        return f"{d.day} {d:%b}" + (f" {d.year}" if year else "")
    if first == last:
        return day(first, True)
    return f"{day(first, first.year != last.year)} - {day(last, True)}"
