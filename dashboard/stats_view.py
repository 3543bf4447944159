"""The statistics view: passages per strait and year, ship-sightings per month, the share with Chinese ships.

Figures are plain dicts (as in :mod:`dashboard.figures`) of :mod:`sightings.stats` tables.
The pictures keep the invariants of the numbers: years in order on a numeric axis (a category
axis would take the order in which traces first name them), a month's bar exactly one month
wide, each heading its own legend entry and fill pattern, passages counted as events with
their ship-sightings, distinct hulls and rows of unknown ship count beside them.
Every chart carries the same note of where each year's rows come from
(:func:`sightings.stats.source_note`), and the yearly charts name it under each year, so
that a rise in counts is never read as a rise in activity. The numbers download at
``/stats/passages.csv`` with the page's query. Below the charts, "How complete each year is"
sets the whole record beside every count of announcements a page states
(:mod:`sightings.coverage`, as ``data/COVERAGE.md`` does), so a thin year reads as a thin
record, not a quiet year.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.figures import GRAPH_CONFIG, LANE_COLOURS, escape_markup
from dashboard.filters import date_span
from dashboard.i18n import N_, figure_font, name, translator
from dashboard.urlstate import spec_to_query
from sightings.coverage import COMPARABLE, compare, per_year
from sightings.schema import STRAITS
from sightings.stats import NO_HEADING, chinese_share, passages, rows_by_source, ships_per_month, source_note

STATS_PATH = "/stats/passages.csv"
#: Fill patterns that tell the stated headings apart (in the legend too), given to the headings
#: present in alphabetical order; "not stated" is drawn plain in a pale tint of the strait's colour
#: (a legend draws no opacity, so a tint, not transparency).
HEADING_PATTERNS = ("", "/", "x", ".", "\\", "-", "|", "+")
NO_HEADING_TINT = 0.55
#: A month's bar is hatched when some of its sightings give no ship count.
UNKNOWN_PATTERN = "x"
NOTE_FONT = {"size": 10, "color": "#555555"}


def stats_href(spec) -> str:
    """The statistics CSV's link for the filters of ``spec``."""
    return STATS_PATH + spec_to_query(spec)


def stats_figures(rows: pd.DataFrame, lang: str = "en") -> tuple[dict, dict, dict]:
    """(passages per strait and year by heading, ship-sightings per month, share with Chinese ships);
    titles, axes and legend in ``lang`` (the sources note and hovers stay English)."""
    by_source = rows_by_source(rows)
    note = source_note(by_source)
    ticks = _year_ticks(by_source)
    return (passages_figure(rows, note, ticks, lang), monthly_figure(rows, note, lang),
            chinese_figure(rows, note, ticks, lang))


def heading_styles(headings) -> dict[str, dict]:
    """Each heading's fill pattern and how much of the strait's colour gives way to white (``tint``).

    >>> heading_styles(["west", "not stated", "east"])
    {'east': {'shape': '', 'tint': 0.0}, 'west': {'shape': '/', 'tint': 0.0}, 'not stated': {'shape': '', 'tint': 0.55}}
    """
    stated = sorted(set(headings) - {NO_HEADING})
    styles = {name: {"shape": HEADING_PATTERNS[i % len(HEADING_PATTERNS)], "tint": 0.0} for i, name in enumerate(stated)}
    return styles | ({NO_HEADING: {"shape": "", "tint": NO_HEADING_TINT}} if NO_HEADING in set(headings) else {})


def tint(colour: str, share: float) -> str:
    """``colour`` ("#rrggbb") with ``share`` of it turned to white.

    >>> tint("#0072B2", 0.5)
    '#80b8d8'
    """
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * share):02x}" for c in channels)


def passages_figure(rows: pd.DataFrame, note: str, ticks: dict, lang: str = "en") -> dict:
    """Stacked bars of passages per year, one colour per strait, one fill pattern per stated heading."""
    _ = translator(lang)
    table = passages(rows)              # straits in the schema's order, then years
    styles = heading_styles(table["heading"])
    bars: dict[tuple[str, str], list[tuple]] = {}        # (strait, heading) -> its bars, in year order
    for row in table.itertuples(index=False):
        bars.setdefault((row.strait, row.heading), []).append(row)
    data = []
    for strait, direction in sorted(bars, key=lambda pair: (STRAITS.index(pair[0]), list(styles).index(pair[1]))):
        part = bars[(strait, direction)]
        data.append({"type": "bar", "x": [r.year for r in part], "y": [r.passages for r in part],
                     "name": _("{strait}: {heading}").format(strait=name(strait, lang), heading=name(direction, lang)),
                     "legendgroup": strait,
                     "customdata": [(r.ship_sightings, r.distinct_hulls, _without_count(r.unknown_counts))
                                    for r in part],
                     "marker": {"color": tint(LANE_COLOURS.get(strait, "#999999"), styles[direction]["tint"]),
                                "pattern": {"shape": styles[direction]["shape"]},
                                "line": {"width": 0.5, "color": "#ffffff"}},
                     "hovertemplate": f"{escape_markup(strait)} Strait, heading {escape_markup(direction)}<br>"
                                      "%{x}: %{y} passages (%{customdata[0]} ship-sightings, "
                                      "%{customdata[1]} distinct hull numbers%{customdata[2]})<extra></extra>"})
    unknown = int(table["unknown_counts"].sum())
    flag = (_("; {count} sightings without a ship count") if unknown != 1
            else _("; {count} sighting without a ship count")).format(count=unknown) if unknown else ""
    return _figure(data, _("Strait passages per year (colour: strait; pattern: heading)"), note, ticks,
                   {"barmode": "stack", "yaxis": {"title": {"text": _("passages")}}}, flag, lang)


def monthly_figure(rows: pd.DataFrame, note: str, lang: str = "en") -> dict:
    """Ship-sightings per month, each bar from the month's first day to the next month's."""
    _ = translator(lang)
    table = ships_per_month(rows)
    starts = table["month"]
    widths = ((starts + pd.offsets.MonthBegin(1)) - starts) // pd.Timedelta(milliseconds=1)
    unknown = table["unknown_counts"].tolist()
    data = [{"type": "bar", "x": starts.dt.strftime("%Y-%m-%d").tolist(), "y": table["ship_sightings"].tolist(),
             "width": [int(w) for w in widths.tolist()], "offset": 0, "name": _("ship-sightings"),
             "customdata": list(zip(table["sightings"].tolist(),
                                    [f"; {n} without a ship count (not in the sum)" if n else "" for n in unknown],
                                    strict=True)),
             "marker": {"color": "#4d4d4d", "pattern": {"shape": [UNKNOWN_PATTERN if n else "" for n in unknown]}},
             "hovertemplate": "%{x|%b %Y}: %{y} ship-sightings in %{customdata[0]} sightings%{customdata[1]}"
                              "<extra></extra>"}]
    flag = _("; hatched: some sightings give no ship count") if sum(unknown) else ""
    return _figure(data, _("Ship-sightings per month (a ship seen twice counts twice)"), note, None,
                   {"xaxis": {"type": "date"}, "yaxis": {"title": {"text": _("ship-sightings")}}}, flag, lang)


def chinese_figure(rows: pd.DataFrame, note: str, ticks: dict, lang: str = "en") -> dict:
    """Per year, the share of sightings sailing with Chinese ships."""
    _ = translator(lang)
    table = chinese_share(rows)
    data = [{"type": "bar", "x": table["year"].tolist(), "y": (table["share"] * 100).round(1).tolist(),
             "customdata": list(zip(table["with_chinese"].tolist(), table["sightings"].tolist())),
             "marker": {"color": "#CC79A7"}, "name": _("with Chinese ships"),
             "hovertemplate": "%{x}: %{y}% (%{customdata[0]} of %{customdata[1]} sightings)<extra></extra>"}]
    return _figure(data, _("Share of sightings sailing with Chinese ships (%)"), note, ticks,
                   {"yaxis": {"range": [0, 100], "ticksuffix": "%"}}, lang=lang)


def _without_count(n: int) -> str:
    """The hover's flag of ``n`` sightings whose source gives no ship count ('' for none)."""
    return f"; {n} sighting{'s' if n != 1 else ''} without a ship count" if n else ""


def _year_ticks(by_source: pd.DataFrame) -> dict:
    """A numeric year axis (years in order, gaps where no row falls), each tick naming its rows' sources."""
    years = by_source["year"].tolist()
    return {"type": "linear", "tickmode": "array", "tickvals": years, "hoverformat": "d",
            "ticktext": [f"{year}<br>{releases} rel. / {news} news" for year, releases, news
                         in zip(years, by_source["releases"].tolist(), by_source["news"].tolist(), strict=True)]}


def _figure(data: list[dict], title: str, note: str, ticks: dict | None, extra: dict, flag: str = "",
            lang: str = "en") -> dict:
    """A chart's layout: ``title`` (``flag`` after it, e.g. unknown counts), the sources ``note`` below the
    axis (clear of the two-line year ticks), zoom kept across filter changes; Japanese in the bundled font."""
    below = 105 if ticks else 40                         # the year ticks are two lines, turned
    layout = {"title": {"text": title + flag, "font": {"size": 14}, "x": 0.01}, "height": 300 + below,
              "margin": {"l": 50, "r": 10, "t": 40, "b": below + 100}, "plot_bgcolor": "#fafafa",
              "legend": {"font": {"size": 10}}, "uirevision": title,
              "annotations": [{"text": "<br>".join(textwrap.wrap(escape_markup(note), 150)), "xref": "paper", "yref": "paper",
                               "x": 0, "y": 0, "yshift": -below, "yanchor": "top", "xanchor": "left", "showarrow": False,
                               "align": "left", "font": NOTE_FONT}]}
    if figure_font(lang):
        layout["font"] = figure_font(lang)
    if ticks:
        layout["xaxis"] = ticks
    for key, value in extra.items():
        layout[key] = {**layout.get(key, {}), **value} if isinstance(value, dict) else value
    return {"data": data, "layout": layout}


def section(rows: pd.DataFrame, record: pd.DataFrame | None = None, counts: pd.DataFrame | None = None,
            lang: str = "en") -> html.Section:
    """The statistics heading, its download link, the three charts (for the first rows shown) and,
    given the whole ``record`` and the sourced ``counts``, how complete each year is (in ``lang``)."""
    _ = translator(lang)
    figures = stats_figures(rows, lang)
    return html.Section(className="stats", children=[
        html.Div(className="table-head", children=[
            html.H2(_("Passage statistics"), className="section-title"),
            html.A(_("Download passages CSV"), id=ids.STATS_DOWNLOAD, className="button secondary", href=STATS_PATH),
        ]),
        html.P(_("Counts of reports in the current selection. A passage is one group's transit of one strait on "
                 "one heading, however often it was sighted; ship-sightings add up the ships of each sighting, so "
                 "a ship seen twice counts twice. Under each year: how many rows come from Joint Staff releases "
                 "and how many from news."), className="hint"),
        *(dcc.Graph(id=graph, figure=figure, className="stats-chart", config=GRAPH_CONFIG)
          for graph, figure in zip((ids.STATS_PASSAGES, ids.STATS_MONTHLY, ids.STATS_CHINESE), figures, strict=True)),
        *([coverage_table(coverage_years(record, counts), lang)] if record is not None and counts is not None else []),
    ])


# -- how complete each year is (issue 24, item 6) --------------------------------------------

COVERAGE_TITLE = N_("How complete each year is")
NO_COUNT = "no page at hand states a count"


def coverage_years(record: pd.DataFrame, counts: pd.DataFrame) -> list[dict]:
    """Per year, the record's rows (from releases, from the press) and each sourced count of
    announcements beside the record's rows in its scope, with the estimated share covered.

    Every year from the first row or count to the last is listed, a year with no row too (a gap
    is the most important thing to see). A count stands under the year its period starts (the
    year of its end when a page gives no start). The rows and shares are
    :func:`sightings.coverage.per_year` and :func:`sightings.coverage.compare`, the same numbers
    ``data/COVERAGE.md`` states; ``record`` is the whole record, never the filtered rows (a share of
    a selection would not be a share of what was announced).

    Examples
    --------
    >>> record = pd.DataFrame({"event_date": pd.to_datetime(["2016-06-19"]), "strait": ["Soya"],
    ...     "source_urls": [["https://www.mod.go.jp/js/b.pdf"]], "with_chinese_ships": [False],
    ...     "ships": pd.array([2], dtype="Int64")})
    >>> counts = pd.DataFrame([{"id": "c04", "period_start": pd.Timestamp("2016-01-01"),
    ...     "period_end": pd.Timestamp("2016-12-31"), "count": 4, "count_max": pd.NA,
    ...     "measure": "russian_movements", "strait": "", "what": "movements", "source_name": "S",
    ...     "source_url": "https://example.org", "quote": "q"}])
    >>> coverage_years(record, counts)[0]["counts"][0]["share"]
    'about 25%'
    """
    yearly = per_year(record).set_index("year")
    compared = compare(record, counts)
    starts = compared["period_start"].fillna(compared["period_end"])
    entries: dict[int, list[dict]] = {}
    for year, count in zip(starts.dt.year.tolist(), compared.itertuples(index=False), strict=True):
        entries.setdefault(int(year), []).append(_count_entry(count))
    known = sorted({int(y) for y in yearly.index} | set(entries))
    years = []
    for year in range(known[0], known[-1] + 1) if known else ():
        held = yearly.loc[year] if year in yearly.index else None
        years.append({"year": year, "rows": int(held["rows"]) if held is not None else 0,
                      "from_releases": int(held["from_releases"]) if held is not None else 0,
                      "from_press": int(held["from_press"]) if held is not None else 0,
                      "counts": entries.get(year, [])})
    return years


def _count_entry(count) -> dict:
    """One sourced count as the table states it: its period, number, what it counts, the record's
    rows in its scope and the share (text: an estimate, or why there is none)."""
    period = (date_span(count.period_start.date(), count.period_end.date()) if pd.notna(count.period_start)
              else f"up to {date_span(count.period_end.date(), count.period_end.date())}")
    number = f"{count.count}-{count.count_max}" if pd.notna(count.count_max) else f"{count.count}"
    if count.measure not in COMPARABLE:
        share = "not comparable (both navies, or aircraft too; the record holds Russian ships)"
    elif count.measure == "ships_in_one_transit":
        share = "held" if count.share else "not held"
    elif count.share is None or pd.isna(count.share):
        share = "no share (none announced)"
    elif count.share == 0:
        share = "none held"
    else:
        share = f"about {count.share:.0%}"
    held = None if pd.isna(count.record_rows) else int(count.record_rows)
    return {"id": count.id, "period": period, "number": number, "what": count.what, "record_rows": held,
            "share": share, "source_name": count.source_name, "source_url": count.source_url, "quote": count.quote}


def coverage_table(years: list[dict], lang: str = "en") -> html.Div:
    """The "How complete each year is" table of :func:`coverage_years`, each count linking its page
    (headings in ``lang``; the counts quote their pages in English)."""
    _ = translator(lang)
    head = html.Tr([html.Th(text, scope="col") for text in (
        _("Year"), _("Rows in the record"), _("from Joint Staff releases"), _("from the press"),
        _("Counts of announcements pages state: record rows in the same scope, estimated share covered"))])
    body = [html.Tr([html.Th(str(y["year"]), scope="row"), html.Td(y["rows"]), html.Td(y["from_releases"]),
                     html.Td(y["from_press"]), html.Td(_count_list(y["counts"]))]) for y in years]
    return html.Div(id=ids.STATS_COVERAGE, className="coverage", children=[
        html.H3(_(COVERAGE_TITLE), className="section-title"),
        html.P(_("Over the whole record, whatever the filters. The Defense Ministry announces most passages but "
                 "not all, and keeps no yearly totals; the counts below are the ones pages state, each linked. A "
                 "share is an estimate: one announced movement can be two rows (two straits, two days) and one "
                 "row two groups. A thin year in the record is a thin record, not a quiet year."), className="hint"),
        html.Div(className="coverage-scroll", children=html.Table(className="coverage-table", children=[
            html.Thead(head), html.Tbody(body)])),
    ])


def _count_list(counts: list[dict]):
    if not counts:
        return html.Span(NO_COUNT, className="muted")
    return html.Ul(className="coverage-counts", children=[html.Li([
        f"{c['period']}: {c['number']} ({c['what']}). ",
        f"Record: {c['record_rows']} row{'s' if c['record_rows'] != 1 else ''}, {c['share']}. "
        if c["record_rows"] is not None else f"Record: {c['share']}. ",
        html.A(c["source_name"], href=c["source_url"], title=f"“{c['quote']}”", target="_blank",
               rel="noopener noreferrer"),
    ]) for c in counts])
