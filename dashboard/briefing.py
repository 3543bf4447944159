"""Briefing-ready statistics: periods compared, the "Copy summary" paragraph, and charts that cite themselves.

A number pasted into a briefing travels without the page it came from. Each piece here carries
what a reader needs to check it: the period and the date the data runs to, the unit counted,
the filters in words, the source, the dataset version, the day it was read and the view's
link (issue 25 items 3 and 5). Plain functions of the filtered rows (or of the whole frame and
the spec, for the other periods of a comparison), so the callbacks only pass them in.

The paragraph speaks the page's language (``lang``; a language it has no words for is refused).
Its sentences go through the one message catalogue (:mod:`dashboard.i18n`) as whole sentences
with named placeholders, not through a table of sentences kept here: the catalogue already holds
the summary sentence's counts ('確認3件', '艦艇のべ7隻') and the same words must not be written
twice, ``make messages`` and ``tests/unit/test_i18n_catalogue.py`` keep every sentence translated,
and a whole-sentence message lets Japanese order it its own way and put the counter word in the
count ('{strait} {count}' is '{strait}{count}件'). English plurals are two messages with the same
Japanese. What a catalogue cannot say is in two small tables below: the space between sentences
(none in Japanese) and the source line, which in Japanese is the credit the JSO asks for
(:data:`sightings.jso.CREDIT_JA`). Names come from their homes: straits from :mod:`geo.straits`
and classes from ``data/ship_classes.csv`` through :func:`dashboard.i18n.name` (a class that file
lacks stays as the record writes it); ship names and hull numbers are never translated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from dashboard.cite import version_line
from dashboard.feeds import SOURCE_LINE
from dashboard.filters import FilterSpec, apply_filters, date_span, summary
from dashboard.i18n import name, translator
from dashboard.urlstate import spec_to_query
from sightings.datapackage import LICENSES, SOURCES
from sightings.hulls import hull_table
from sightings.jso import CREDIT_JA
from sightings.joint import joint_events
from sightings.pipeline import SHIP_CATEGORY_NAMES, type_column
from sightings.schema import STRAITS
from sightings.stats import ship_rows, period_counts, passage_rows, unit_counts

#: The source line of the paragraph in each language: in Japanese the credit the JSO asks for, in its words.
SOURCE_LINES = {"en": SOURCE_LINE, "ja": CREDIT_JA}
#: Between two sentences: a space in English, nothing after a Japanese 。.
BETWEEN_SENTENCES = {"en": " ", "ja": ""}
#: Languages the paragraph builder has words for (their sentences are the i18n catalogue's).
LANGUAGES = tuple(SOURCE_LINES)
#: How many of the most-seen hulls the paragraph names.
NOTABLE_SHIPS = 5


@dataclasses.dataclass(frozen=True)
class Citation:
    """What every exported chart and pasted paragraph carries besides its numbers.

    ``sentence`` is the filter sentence (:func:`dashboard.filters.summary`), ``stem`` the file
    name without extension (:func:`dashboard.export.filename`), ``link`` the view's permalink.
    """

    sentence: str
    version: str
    accessed: dt.date
    current_to: dt.date | None = None
    stem: str = "straitwatch"
    link: str = "/"
    start: dt.date | None = None
    end: dt.date | None = None


def caption(citation: Citation, unit: str, lang: str = "en") -> str:
    """The lines an exported chart carries under its plot: filters, unit, source, version, access date, link.

    ``unit`` is a message id (:data:`sightings.stats.UNITS`, in the catalogue through
    :func:`dashboard.i18n.vocabulary`); in Japanese (``lang``) the lines are the catalogue's, the
    source the JSO's own credit and the access date written out, as in :func:`briefing_text`.

    >>> print(caption(Citation("3 sightings, 1 Sep - 30 Sep 2026", "2026.12.1", dt.date(2026, 12, 7)), "passages"))
    Filters: 3 sightings, 1 Sep - 30 Sep 2026
    Unit: passages
    Source: Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch
    Dataset version 2026.12.1, accessed 2026-12-07. View: /
    >>> print(caption(Citation("確認3件、2026年9月1日～9月30日", "2026.12.1", dt.date(2026, 12, 7), link="/?lang=ja"),
    ...               "sightings (reports of ships at one place and time)", "ja"))
    条件：確認3件、2026年9月1日～9月30日
    単位：確認（ある場所・時点の艦艇についての報告）
    出典：統合幕僚監部ウェブサイトを加工して作成
    データセット版 2026.12.1、2026年12月7日閲覧。この表示のリンク：/?lang=ja
    """
    _ = translator(lang)
    return "\n".join((_("Filters: {sentence}").format(sentence=citation.sentence),
                      _("Unit: {unit}").format(unit=_(unit)),
                      _("Source: {source}").format(source=SOURCE_LINES[lang]),
                      _("{version}, accessed {accessed}. View: {link}").format(
                          version=version_line(citation.version, lang), accessed=_accessed(citation.accessed, lang),
                          link=citation.link)))


def graph_config(base: dict, citation: Citation | None, chart: str, fmt: str = "svg") -> dict:
    """``base`` (:data:`dashboard.figures.GRAPH_CONFIG`) with the modebar's download set to ``fmt``
    and a file name saying what the chart is and which filters made it (``straitwatch-<chart>``
    before the page's first callback, when there is no ``citation`` yet).

    >>> graph_config({}, Citation("s", "1", dt.date(2026, 12, 7), stem="straitwatch_2022-01-01_2022-12-31"),
    ...              "passages-per-year")["toImageButtonOptions"]["filename"]
    'straitwatch-passages-per-year_2022-01-01_2022-12-31_v1_accessed-2026-12-07'
    """
    if citation is None:
        return {**base, "toImageButtonOptions": {"format": fmt, "filename": f"straitwatch-{chart}", "scale": 1}}
    stem = citation.stem.replace("straitwatch", f"straitwatch-{chart}", 1)
    name = f"{stem}_v{citation.version}_accessed-{citation.accessed.isoformat()}"
    return {**base, "toImageButtonOptions": {"format": fmt, "filename": name, "scale": 1}}


# -- periods compared (issue 25 item 3) ---------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Period:
    """One period of a comparison: its label, first and last day, and why it is incomplete ('' if whole)."""

    label: str
    start: dt.date
    end: dt.date
    partial: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def comparison_periods(start: dt.date, end: dt.date, current_to: dt.date | None,
                       record_start: dt.date | None) -> tuple[Period, Period, Period]:
    """This period, the same period a year earlier, and the previous period of equal length.

    A period running past ``current_to`` (the record's last report) is marked partial, and so is a
    period starting before the record's first row (``record_start``): a count there is not a
    quiet time. 29 February a year earlier is 28 February.

    Examples
    --------
    >>> [(p.start.isoformat(), p.end.isoformat()) for p in comparison_periods(
    ...     dt.date(2026, 8, 1), dt.date(2026, 8, 30), None, None)]
    [('2026-08-01', '2026-08-30'), ('2025-08-01', '2025-08-30'), ('2026-07-02', '2026-07-31')]
    """
    length = end - start
    earlier = (_year_before(start), _year_before(end))
    previous = (start - length - dt.timedelta(days=1), start - dt.timedelta(days=1))
    periods = []
    for label, (first, last) in (("This period", (start, end)), ("A year earlier", earlier),
                                 ("Previous period of equal length", previous)):
        notes = []
        if current_to is not None and last > current_to:
            notes.append(f"partial: data to {date_span(current_to, current_to)}")
        if record_start is not None and first < record_start:
            notes.append(f"partial: the record starts {date_span(record_start, record_start)}")
        periods.append(Period(label, first, last, "; ".join(notes)))
    return tuple(periods)


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:                                   # 29 February
        return day.replace(year=day.year - 1, day=28)


def compare_periods(frame: pd.DataFrame, spec: FilterSpec, current_to: dt.date | None) -> dict:
    """The current filters over three periods (:func:`comparison_periods`): passages per strait
    (every strait, zeros included) and sightings per ship type (types seen in any of the periods),
    each period filtered exactly as the page is, only its dates moved.

    With no date range the period is the record's first day (or the range's start) to
    ``current_to``. Returns ``{"periods": [Period, ...], "lines": [{"what", "unit", "counts"}]}``.

    Examples
    --------
    >>> compare_periods(frame, FilterSpec(start=dt.date(2026, 8, 1), end=dt.date(2026, 8, 30)),
    ...                 dt.date(2026, 9, 15))["lines"][0]              # doctest: +SKIP
    {'what': 'Soya', 'unit': 'passages', 'counts': [1, 0, 2]}
    """
    record_start = frame["event_date"].min().date() if len(frame) else None
    start = spec.start or record_start or current_to or dt.date.today()
    end = spec.end or current_to or (frame["event_date"].max().date() if len(frame) else start)
    periods = comparison_periods(start, max(start, end), current_to, record_start)
    types = {name: type_column(name) for name in SHIP_CATEGORY_NAMES}
    counts = [period_counts(apply_filters(frame, spec.replace(start=p.start, end=p.end)), types) for p in periods]
    lines = [{"what": strait, "unit": "passages", "counts": [c[f"passages: {strait}"] for c in counts]}
             for strait in STRAITS]
    lines += [{"what": name, "unit": "sightings", "counts": [c[f"sightings: {name}"] for c in counts]}
              for name in SHIP_CATEGORY_NAMES if any(c[f"sightings: {name}"] for c in counts)]
    return {"periods": list(periods), "lines": lines}


# -- joint movements ------------------------------------------------------------------------------

def joint_movements(rows: pd.DataFrame) -> pd.DataFrame:
    """The joint China-Russia events of ``rows`` (:func:`sightings.joint.joint_events`, announced
    exercises left out) as the three columns :func:`briefing_text` reads: ``first`` and ``last``
    day (all legs) and the ``straits`` passed, in order.

    >>> rows = pd.DataFrame({"id": ["a", "b"], "event_date": pd.to_datetime(["2026-08-10", "2026-08-12"]),
    ...     "event_time": ["", ""], "direction": ["east", ""], "ships": [2, 2], "activity": ["transit", ""],
    ...     "ship_types": [["destroyer"], ["destroyer"]], "hull_numbers": [["548"], ["548"]],
    ...     "chinese_vessels": [["Type 055"], []], "voyage_id": ["v1", "v1"],
    ...     "strait": ["Tsugaru", ""], "with_chinese_ships": [True, False]})
    >>> joint_movements(rows).to_dict("records")
    [{'first': datetime.date(2026, 8, 10), 'last': datetime.date(2026, 8, 12), 'straits': ['Tsugaru']}]
    """
    events = joint_events(ship_rows(rows))
    return pd.DataFrame({"first": [pd.Timestamp(d).date() for d in events["first_date"]],
                         "last": [pd.Timestamp(d).date() for d in events["last_date"]],
                         "straits": [list(s) for s in events["straits"]]})


# -- "Copy summary" (issue 25 item 5) ------------------------------------------------------------

def briefing_text(rows: pd.DataFrame, spec: FilterSpec, citation: Citation, joint: pd.DataFrame,
                  names: dict[str, str] | None = None, lang: str = "en") -> str:
    """A paste-ready paragraph for the view: period and data-to date, passages by strait (the unit
    named), the selection in each unit, the most-seen ships by class and hull (and name, given
    ``names``: hull -> ship name), joint movements (``joint``: :func:`joint_movements`'s
    columns), announced exercises kept apart, then source, version, access date and permalink.

    Every strait the view covers is listed, zeros too; hulls are as the reports give them,
    classes "as reported". ``lang`` is the page's language: in Japanese the sentences come from
    the catalogue, straits and classes by their Japanese names (:func:`dashboard.i18n.name`),
    dates as 2026年9月15日 and the source as the JSO asks (:data:`sightings.jso.CREDIT_JA`); ship
    names stay as the register writes them. Raises ValueError for a ``lang`` with no words here.

    Examples
    --------
    >>> empty = pd.DataFrame({"id": [], "event_date": pd.to_datetime([]), "strait": [], "direction": [],
    ...     "voyage_id": [], "ships": pd.array([], dtype="Int64"), "hull_numbers": [], "ship_types": [],
    ...     "vessels": [], "activity": []})
    >>> joint = joint_movements(empty.assign(with_chinese_ships=[]))
    >>> citation = Citation("s", "2026.12.1", dt.date(2026, 12, 7), dt.date(2026, 9, 15),
    ...                     link="https://x.example/?strait=Soya")
    >>> print(briefing_text(empty, FilterSpec(straits=("Soya",)), citation, joint))
    Straitwatch briefing, all dates to 15 Sep 2026 (data current to 15 Sep 2026). No sightings match these filters. Source: Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch; dataset version 2026.12.1, accessed 2026-12-07. View: https://x.example/?strait=Soya
    >>> print(briefing_text(empty, FilterSpec(straits=("Soya",)), citation, joint, lang="ja"))
    Straitwatch要約：2026年9月15日までの全期間（データは2026年9月15日現在）。この条件に合う確認はありません。出典：統合幕僚監部ウェブサイトを加工して作成。データセット版 2026.12.1、2026年12月7日閲覧。この表示のリンク：https://x.example/?strait=Soya
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no briefing words for language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    _ = translator(lang)
    parts = [_("Straitwatch briefing, {period}.").format(period=_period(spec, citation.current_to, lang))]
    counts = unit_counts(rows)
    if counts["sightings"] == 0 and counts["announcements"] == 0:
        parts.append(_("No sightings match these filters."))
    else:
        parts.append(_strait_sentence(rows, spec, lang))
        parts.append(_("{sightings} of {groups} (voyages), {ships} by hull number, {ship_sightings} "
                       "(a ship seen twice counts twice).").format(
            sightings=_n(counts["sightings"], _("{count} sighting"), _("{count} sightings")),
            groups=_n(counts["ship_groups"], _("{count} ship group"), _("{count} ship groups")),
            ships=_n(counts["distinct_ships"], _("{count} distinct ship"), _("{count} distinct ships")),
            ship_sightings=_n(counts["ship_sightings"], _("{count} ship-sighting"), _("{count} ship-sightings"))))
        notable = _notable(rows, names or {}, lang)
        if notable:
            parts.append(_("Most-seen ships (class as reported, hull number): {ships}.").format(ships=notable))
        parts.append(_joint_sentence(joint, lang))
        if counts["announcements"]:
            parts.append(_n(counts["announcements"], _("{count} announced exercise (not counted as sightings)"),
                            _("{count} announced exercises (not counted as sightings)")) + _("."))
    # the Japanese source is the JSO's own credit, which starts 出典：, so its sentence adds no word for "Source"
    parts.append(_("Source: {source}; dataset version {version}, accessed {accessed}. View: {link}").format(
        source=SOURCE_LINES[lang], version=citation.version, accessed=_accessed(citation.accessed, lang),
        link=citation.link))
    return BETWEEN_SENTENCES[lang].join(parts)


def _n(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (catalogue messages with a ``{count}``) for ``count``: '1 sighting', '確認3件'."""
    return (one if count == 1 else many).format(count=count)


def _accessed(day: dt.date, lang: str) -> str:
    """The access date: ISO in English (as the charts' captions write it), written out in Japanese."""
    return date_span(day, day, lang) if lang == "ja" else day.isoformat()


def _period(spec: FilterSpec, current_to: dt.date | None, lang: str) -> str:
    """'8 Aug - 6 Sep 2026 (data current to 15 Sep 2026)', or '(partial: data to ...)' when it runs past it."""
    _ = translator(lang)
    last = spec.end or current_to
    if spec.start and last:
        span = date_span(spec.start, last, lang)
    elif last:
        span = _("all dates to {day}").format(day=date_span(last, last, lang))
    else:
        span = _("all dates")
    if current_to is None:
        return span
    to = date_span(current_to, current_to, lang)
    if spec.end and spec.end > current_to:
        return span + _(" (partial: data to {day})").format(day=to)
    return span + _(" (data current to {day})").format(day=to)


def _strait_sentence(rows: pd.DataFrame, spec: FilterSpec, lang: str) -> str:
    """'Strait passages (one group's transit of one strait on one heading): Tsugaru 2, Soya 1, ...'."""
    _ = translator(lang)
    chosen = set(spec.straits or ())
    straits = [s for s in STRAITS if s in chosen] or list(STRAITS)      # those the filter names, else all
    part = passage_rows(ship_rows(rows))
    per = part.groupby("strait", observed=False)["passage"].nunique()            # every strait (a category)
    listed = _(", ").join(_("{strait} {count}").format(strait=name(strait, lang), count=int(per[strait]))
                          for strait in straits)
    return _("Strait passages (one group's transit of one strait on one heading): {straits}.").format(straits=listed)


def _notable(rows: pd.DataFrame, names: dict[str, str], lang: str) -> str:
    """The most-seen hulls: 'Udaloy I-class destroyer 548 (3 sightings)', a name first when known;
    in Japanese the class as the releases name it (``data/ship_classes.csv``), where that file has it.
    A hull reported in two classes reads 'Udaloy I-class destroyer / Udaloy III-class destroyer 543'
    (the table's "; " would read as two items of this "; "-separated list)."""
    _ = translator(lang)
    table = hull_table(ship_rows(rows))
    if table.empty:
        return ""
    top = table.sort_values("sightings", ascending=False, kind="stable").head(NOTABLE_SHIPS)
    items = []
    for hull, klass, seen in zip(top["hull"], top["class"], top["sightings"], strict=True):
        classes = " / ".join(name(one, lang) for one in klass.split("; "))
        times = _n(int(seen), _("{count} sighting"), _("{count} sightings"))
        if hull in names:
            items.append(_("{name}, {klass} {hull} ({seen})").format(name=names[hull], klass=classes, hull=hull,
                                                                    seen=times))
        else:
            items.append(_("{klass} {hull} ({seen})").format(klass=classes, hull=hull, seen=times))
    return _("; ").join(items)


def _joint_sentence(joint: pd.DataFrame, lang: str) -> str:
    """'Joint movements with Chinese ships: 1 (10 - 12 Aug 2026, Tsugaru Strait).' or 'none'."""
    _ = translator(lang)
    if joint.empty:
        return _("Joint movements with Chinese ships: none.")
    items = []
    for first, last, straits in zip(joint["first"], joint["last"], joint["straits"], strict=True):
        dates = date_span(first, last, lang)
        named = _(" and ").join(name(strait, lang) for strait in straits)
        if not straits:
            items.append(dates)
        elif len(straits) == 1:
            items.append(_("{dates}, {straits} Strait").format(dates=dates, straits=named))
        else:
            items.append(_("{dates}, {straits} straits").format(dates=dates, straits=named))
    return _("Joint movements with Chinese ships: {count} ({movements}).").format(
        count=len(joint), movements=_("; ").join(items))


# -- downloads that describe themselves (issue 25 item 5) -----------------------------------------

def download_description(file: str, href: str, rows: pd.DataFrame, spec: FilterSpec, version: str,
                         current_to: dt.date | None, exported: dt.date, lang: str = "en") -> dict:
    """The JSON sidecar of a download (``<file>.json``): what the file holds, the dataset version,
    licence, sources, the data-current-to date and the day it was exported.

    A sidecar rather than a comment line, so every CSV and GeoJSON reader still reads the file.
    Its keys and dates are the same in every language; ``lang`` (the page's, sent as ``?lang=``)
    writes the title, the filter sentence and the source line (in Japanese the JSO's own credit).

    Examples
    --------
    >>> rows = pd.DataFrame({"event_date": pd.to_datetime(["2026-09-01"]), "ships": pd.array([2], dtype="Int64")})
    >>> d = download_description("straitwatch.csv", "/download/straitwatch.csv", rows, FilterSpec(), "2026.12.1",
    ...                          dt.date(2026, 9, 15), dt.date(2026, 12, 7))
    >>> d["dataset_version"], d["exported"], d["licenses"][0]["name"], d["filters"]
    ('2026.12.1', '2026-12-07', 'GJSTU-2.0', '1 sighting, 2 ship-sightings, 1 Sep 2026, data current to 15 Sep 2026')
    """
    _ = translator(lang)
    return {"file": file, "href": href, "title": _("Straitwatch: Russian Navy movements around Japan"),
            "filters": summary(rows, spec, current_to, lang), "query": spec_to_query(spec),
            "dataset_version": version, "data_current_to": current_to.isoformat() if current_to else None,
            "exported": exported.isoformat(), "source": SOURCE_LINES[lang], "licenses": LICENSES, "sources": SOURCES,
            "rows_selected": len(rows)}
