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

import datetime as dt
import textwrap

import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.briefing import Citation, briefing_text, caption, compare_periods, graph_config, joint_movements
from dashboard.cite import view_link
from dashboard.export import filename
from dashboard.figures import GRAPH_CONFIG, LANE_COLOURS, escape_markup
from dashboard.filters import FilterSpec, apply_filters, date_span, summary
from dashboard.i18n import DEFAULT, N_, figure_font, name, translator, with_language
from dashboard.urlstate import spec_to_query
from sightings.coverage import COMPARABLE, compare, per_year
from sightings.schema import STRAITS
from sightings.stats import (MONTHS, NO_HEADING, UNITS, announcement_mask, busiest_months, chinese_share,
                             month_grid, month_is_outside, month_is_partial, month_totals, passages, rows_by_source, ship_rows,
                             ships_per_month, source_note, year_is_partial)

STATS_PATH = "/stats/passages.csv"
#: Fill patterns that tell the stated headings apart (in the legend too), given to the headings
#: present in alphabetical order; "not stated" is drawn plain in a pale tint of the strait's colour
#: (a legend draws no opacity, so a tint, not transparency).
HEADING_PATTERNS = ("", "/", "x", ".", "\\", "-", "|", "+")
NO_HEADING_TINT = 0.55
#: A month's bar is hatched when some of its sightings give no ship count.
UNKNOWN_PATTERN = "x"
NOTE_FONT = {"size": 10, "color": "#555555"}
#: A partial year or month (cut by the period or by the data-current-to date) is drawn paler.
PARTIAL_OPACITY = 0.4
#: Each chart: (graph id, the file-name part of its export, the unit it counts).
CHARTS = ((ids.STATS_PASSAGES, "passages-per-year", UNITS["passages"]),
          (ids.STATS_MONTHLY, "ship-sightings-per-month",
           N_("ship-sightings (the ships each sighting reports, summed; a ship seen twice counts twice)")),
          (ids.STATS_CHINESE, "share-with-chinese-ships", UNITS["sightings"]),
          (ids.STATS_HEATMAP, "sightings-per-year-and-month", UNITS["sightings"]),
          (ids.STATS_MONTHS, "sightings-per-calendar-month", UNITS["sightings"]))
#: What the statistics callback returns, in :func:`stats_update`'s order.
STATS_OUTPUTS = (*((graph, "figure") for graph, _, _ in CHARTS), *((graph, "config") for graph, _, _ in CHARTS),
                 (ids.STATS_DOWNLOAD, "href"), (ids.STATS_SIDECAR, "href"), (ids.STATS_COMPARE, "children"),
                 (ids.STATS_BRIEFING, "children"))


def stats_href(spec) -> str:
    """The statistics CSV's link for the filters of ``spec``."""
    return STATS_PATH + spec_to_query(spec)


def sidecar_href(spec, lang: str = DEFAULT) -> str:
    """The link of the statistics CSV's description (version, licence, export date, filters) for ``spec``,
    written in ``lang``."""
    return STATS_PATH + ".json" + with_language(spec_to_query(spec), lang)


def stats_figures(rows: pd.DataFrame, citation: Citation | None = None, lang: str = DEFAULT) -> tuple[dict, dict, dict]:
    """(passages per strait and year by heading, ship-sightings per month, share with Chinese ships).

    Each carries ``citation`` (filters, unit, source, version, access date, link) under its plot,
    so a chart downloaded from its modebar cites itself; years and months cut short by the
    citation's period or data-current-to date are drawn paler and named partial. Announced
    exercises (:func:`sightings.stats.announcement_mask`) are kept out of every count and shown as
    events on the monthly chart. Titles, axes, legend and citation are in ``lang`` (the sources
    note and the hovers stay English).
    """
    ships = ship_rows(rows)
    by_source = rows_by_source(ships)
    note = source_note(by_source)
    ticks = _year_ticks(by_source, citation)
    captions = {graph: caption(citation, unit, lang) if citation else "" for graph, _, unit in CHARTS}
    return (passages_figure(ships, note, ticks, citation, captions[ids.STATS_PASSAGES], lang),
            monthly_figure(rows, note, citation, captions[ids.STATS_MONTHLY], lang),
            chinese_figure(ships, note, ticks, citation, captions[ids.STATS_CHINESE], lang))


def month_figures(rows: pd.DataFrame, citation: Citation | None = None, lang: str = DEFAULT) -> tuple[dict, dict]:
    """(sightings per year and month, sightings per calendar month), each carrying ``citation``; words in ``lang``."""
    cite = caption(citation, UNITS["sightings"], lang) if citation else ""
    return heatmap_figure(rows, citation, cite, lang), months_figure(rows, citation, cite, lang)


def stats_update(frame: pd.DataFrame, spec: FilterSpec, *, version: str, current_to: dt.date | None,
                 page_href: str | None, today: dt.date, names: dict[str, str] | None = None,
                 lang: str = DEFAULT) -> tuple:
    """Everything the statistics callback returns (:data:`STATS_OUTPUTS`, in order) for the filters ``spec``.

    ``frame`` is the whole record (the period comparison moves the dates); the charts, table and
    paragraph are of ``apply_filters(frame, spec)``; ``names`` (hull -> ship name, from the vessel
    register) names the paragraph's most-seen ships. ``lang`` is the page's language: the charts',
    the comparison's, the charts' citation's and the "Copy summary" paragraph's words follow it, and
    the cited link opens the page in ``lang``.
    """
    rows = apply_filters(frame, spec)
    citation = make_citation(rows, spec, version, current_to, page_href, today, lang)
    configs = tuple(graph_config(GRAPH_CONFIG, citation, chart) for _, chart, _ in CHARTS)
    paragraph = briefing_text(rows, spec, citation, joint_movements(rows), names=names, lang=lang)
    return (*stats_figures(rows, citation, lang), *month_figures(rows, citation, lang), *configs, stats_href(spec),
            sidecar_href(spec, lang), comparison_table(compare_periods(frame, spec, current_to), lang), paragraph)


def make_citation(rows: pd.DataFrame, spec: FilterSpec, version: str, current_to: dt.date | None,
                  page_href: str | None, today: dt.date, lang: str = DEFAULT) -> Citation:
    """The :class:`dashboard.briefing.Citation` of the view ``spec`` over the selected ``rows`` (its filter
    sentence in ``lang``, its link to the page in ``lang``)."""
    return Citation(sentence=summary(rows, spec, current_to, lang), version=version, accessed=today, current_to=current_to,
                    stem=filename(spec, "x").removesuffix(".x"), link=view_link(page_href, spec, lang),
                    start=spec.start, end=spec.end)


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


def passages_figure(rows: pd.DataFrame, note: str, ticks: dict, citation: Citation | None = None,
                    cite: str = "", lang: str = DEFAULT) -> dict:
    """Stacked bars of passages per year, one colour per strait, one fill pattern per stated heading;
    a year cut short (:func:`sightings.stats.year_is_partial` of ``citation``'s period) drawn paler;
    titles and legend in ``lang``."""
    _ = translator(lang)
    table = passages(rows)              # straits in the schema's order, then years
    cut = _partial_years(table["year"].tolist(), citation)
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
                                **({"opacity": [PARTIAL_OPACITY if r.year in cut else 1.0 for r in part]}
                                   if cut else {}),
                                "line": {"width": 0.5, "color": "#ffffff"}},
                     "hovertemplate": f"{escape_markup(strait)} Strait, heading {escape_markup(direction)}<br>"
                                      "%{x}: %{y} passages (%{customdata[0]} ship-sightings, "
                                      "%{customdata[1]} distinct hull numbers%{customdata[2]})<extra></extra>"})
    unknown = int(table["unknown_counts"].sum())
    flag = (_("; {count} sightings without a ship count") if unknown != 1
            else _("; {count} sighting without a ship count")).format(count=unknown) if unknown else ""
    flag += _("; pale: partial year") if cut else ""
    return _figure(data, _("Passages per year through each strait<br><sub>unit: passages (one group's transit of "
                           "one strait on one heading); colour: strait; pattern: heading</sub>"), note, ticks,
                   {"barmode": "stack", "yaxis": {"title": {"text": _("passages")}}}, flag, cite, lang=lang)


def monthly_figure(rows: pd.DataFrame, note: str, citation: Citation | None = None, cite: str = "",
                   lang: str = DEFAULT) -> dict:
    """Ship-sightings per month, each bar from the month's first day to the next month's; a month
    cut short drawn paler; announced exercises as events on the axis, never in the sums."""
    _ = translator(lang)
    announced = rows[announcement_mask(rows).to_numpy()]
    table = ships_per_month(ship_rows(rows))
    cut = [_month_cut(month, citation) for month in table["month"]]
    starts = table["month"]
    widths = ((starts + pd.offsets.MonthBegin(1)) - starts) // pd.Timedelta(milliseconds=1)
    unknown = table["unknown_counts"].tolist()
    data = [{"type": "bar", "x": starts.dt.strftime("%Y-%m-%d").tolist(), "y": table["ship_sightings"].tolist(),
             "width": [int(w) for w in widths.tolist()], "offset": 0, "name": _("ship-sightings"),
             "customdata": list(zip(table["sightings"].tolist(),
                                    [f"; {n} without a ship count (not in the sum)" if n else "" for n in unknown],
                                    strict=True)),
             "marker": {"color": "#4d4d4d", "pattern": {"shape": [UNKNOWN_PATTERN if n else "" for n in unknown]},
                        **({"opacity": [PARTIAL_OPACITY if c else 1.0 for c in cut]} if any(cut) else {})},
             "hovertemplate": "%{x|%b %Y}: %{y} ship-sightings in %{customdata[0]} sightings%{customdata[1]}"
                              "<extra></extra>"}]
    if len(announced):
        data.append({"type": "scatter", "mode": "markers", "x": announced["event_date"].dt.strftime("%Y-%m-%d").tolist(),
                     "y": [0] * len(announced), "name": _("announced exercise (an event, not a sighting)"),
                     "marker": {"symbol": "diamond-open", "size": 10, "color": "#D55E00"}, "cliponaxis": False,
                     "text": [escape_markup(a) for a in announced["activity"].tolist()],
                     "hovertemplate": "%{x|%d %b %Y}: %{text} (not counted)<extra></extra>"})
    flag = _("; hatched: some sightings give no ship count") if sum(unknown) else ""
    flag += _("; pale: partial month") if any(cut) else ""
    return _figure(data, _("Ship-sightings per month<br><sub>unit: ship-sightings (a ship seen twice counts twice); "
                           "announced exercises not counted, shown as events</sub>"), note, None,
                   {"xaxis": {"type": "date"}, "yaxis": {"title": {"text": _("ship-sightings")}}}, flag, cite, lang=lang)


def chinese_figure(rows: pd.DataFrame, note: str, ticks: dict, citation: Citation | None = None,
                   cite: str = "", lang: str = DEFAULT) -> dict:
    """Per year, the share of sightings sailing with Chinese ships (a partial year paler)."""
    _ = translator(lang)
    table = chinese_share(rows)
    cut = _partial_years(table["year"].tolist(), citation)
    data = [{"type": "bar", "x": table["year"].tolist(), "y": (table["share"] * 100).round(1).tolist(),
             "customdata": list(zip(table["with_chinese"].tolist(), table["sightings"].tolist())),
             "marker": {"color": "#CC79A7", **({"opacity": [PARTIAL_OPACITY if y in cut else 1.0
                                                           for y in table["year"].tolist()]} if cut else {})},
             "name": _("share of sightings with Chinese ships"),
             "hovertemplate": "%{x}: %{y}% (%{customdata[0]} of %{customdata[1]} sightings)<extra></extra>"}]
    return _figure(data, _("Share of sightings sailing with Chinese ships (%)<br><sub>unit: sightings</sub>"), note,
                   ticks, {"yaxis": {"range": [0, 100], "ticksuffix": "%"}}, _("; pale: partial year") if cut else "",
                   cite, lang=lang)


def heatmap_figure(rows: pd.DataFrame, citation: Citation | None = None, cite: str = "", lang: str = DEFAULT) -> dict:
    """Sightings per year (rows) and month (columns), every month of every year shown: a zero is a
    zero, a month the period or the record does not reach is blank, a partial month is starred
    (titles in ``lang``)."""
    _ = translator(lang)
    grid = month_grid(rows, *((citation.start, citation.end, citation.current_to) if citation else ()))
    years = grid.index.tolist()
    z, text = [], []
    for year in years:
        line, words = [], []
        for month in range(1, 13):
            start = pd.Timestamp(year, month, 1)
            if _month_outside(start, citation):
                line.append(None)
                words.append("")
                continue
            count = int(grid.loc[year, month])
            line.append(count)
            words.append(f"{count}*" if _month_cut(start, citation) else str(count))
        z.append(line)
        text.append(words)
    data = [{"type": "heatmap", "x": list(MONTHS), "y": [str(y) for y in years], "z": z, "text": text,
             "texttemplate": "%{text}", "colorscale": "Blues", "reversescale": True, "zmin": 0, "name": _("sightings"),
             "xgap": 1, "ygap": 1,
             "colorbar": {"title": {"text": _("sightings")}},
             "hovertemplate": "%{x} %{y}: %{text} sightings<extra></extra>"}]
    flag = _("; * partial month, blank: outside the period or the record") if any("*" in w for t in text for w in t) \
        else ""
    return _figure(data, _("Sightings per month and year<br><sub>unit: sightings; announced exercises not counted"
                           "</sub>"), "", None, {"yaxis": {"type": "category", "autorange": "reversed"}}, flag, cite,
                   plot_height=120 + 22 * len(years), lang=lang)


def months_figure(rows: pd.DataFrame, citation: Citation | None = None, cite: str = "", lang: str = DEFAULT) -> dict:
    """Month-of-year totals: the sightings of every selected year together, per calendar month,
    the busiest months named in the title (titles in ``lang``)."""
    _ = translator(lang)
    totals = month_totals(rows, *((citation.start, citation.end, citation.current_to) if citation else ()))
    years = totals["years"].tolist()
    busiest = ", ".join(f"{name} ({n})" for name, n in busiest_months(rows))
    data = [{"type": "bar", "x": totals["name"].tolist(), "y": totals["sightings"].tolist(),
             "customdata": years, "marker": {"color": "#0072B2"}, "name": _("sightings, all selected years"),
             "hovertemplate": "%{x}: %{y} sightings in %{customdata} year(s)<extra></extra>"}]
    ticks = {"tickmode": "array", "tickvals": totals["name"].tolist(),
             "ticktext": [f"{name}<br>{n} yr" for name, n in zip(totals["name"], years, strict=True)]}
    flag = _("; busiest: {months}").format(months=busiest) if busiest else ""
    flag += _("; months sum different numbers of years (under each month)") if len(set(years)) > 1 else ""
    return _figure(data, _("Sightings per calendar month, all selected years together<br><sub>unit: sightings; "
                           "announced exercises not counted</sub>"), "",
                   None, {"xaxis": ticks, "yaxis": {"title": {"text": _("sightings")}}}, flag, cite, lang=lang)


def _partial_years(years: list[int], citation: Citation | None) -> set[int]:
    """The ``years`` cut short by ``citation``'s period or data-current-to date."""
    if citation is None:
        return set()
    return {y for y in years if year_is_partial(y, citation.start, citation.end, citation.current_to)}


def _month_cut(month: pd.Timestamp, citation: Citation | None) -> bool:
    return citation is not None and month_is_partial(month, citation.start, citation.end, citation.current_to)


def _month_outside(month: pd.Timestamp, citation: Citation | None) -> bool:
    """Whether no day of ``month`` is in the period or before the data-current-to date."""
    return citation is not None and month_is_outside(month, citation.start, citation.end, citation.current_to)


def _without_count(n: int) -> str:
    """The hover's flag of ``n`` sightings whose source gives no ship count ('' for none)."""
    return f"; {n} sighting{'s' if n != 1 else ''} without a ship count" if n else ""


def _year_ticks(by_source: pd.DataFrame, citation: Citation | None = None) -> dict:
    """A numeric year axis (years in order, gaps where no row falls), each tick naming its rows' sources
    and a year cut short "(partial)"."""
    years = by_source["year"].tolist()
    cut = _partial_years(years, citation)
    return {"type": "linear", "tickmode": "array", "tickvals": years, "hoverformat": "d",
            "ticktext": [f"{year}{' (partial)' if year in cut else ''}<br>{releases} rel. / {news} news"
                         for year, releases, news
                         in zip(years, by_source["releases"].tolist(), by_source["news"].tolist(), strict=True)]}


#: Height of one line of the notes under a chart, in pixels.
NOTE_LINE = 13


def _figure(data: list[dict], title: str, note: str, ticks: dict | None, extra: dict, flag: str = "",
            cite: str = "", plot_height: int = 300, lang: str = DEFAULT) -> dict:
    """A chart's layout: ``title`` (``flag`` after it, e.g. unknown counts), the sources ``note`` below the
    axis (clear of the two-line year ticks) and under it the ``cite`` lines (filters, unit, source,
    version, access date, link: :func:`dashboard.briefing.caption`), so a downloaded image cites
    itself; the legend always shown; zoom kept across filter changes; Japanese (``lang``) in the bundled font."""
    below = 105 if ticks else 40                         # the year ticks are two lines, turned
    note_lines = textwrap.wrap(escape_markup(note), 150)
    cite_lines = [piece for line in cite.split("\n") for piece in textwrap.wrap(escape_markup(line), 150)]
    annotations = [{"text": "<br>".join(lines), "xref": "paper", "yref": "paper", "x": 0, "y": 0,
                    "yshift": -(below + NOTE_LINE * skip), "yanchor": "top", "xanchor": "left", "showarrow": False,
                    "align": "left", "font": NOTE_FONT, "name": name}
                   for name, lines, skip in (("sources", note_lines, 0), ("citation", cite_lines, len(note_lines)))
                   if lines]
    bottom = below + NOTE_LINE * (len(note_lines) + len(cite_lines)) + 20
    main, _, sub = title.partition("<br>")
    text = f"{main}<br>{sub[:-len('</sub>')]}{flag}</sub>" if sub else main + flag     # the flag ends the title
    layout = {"title": {"text": text, "font": {"size": 14}, "x": 0.01}, "height": plot_height + 30 + bottom,
              "margin": {"l": 50, "r": 10, "t": 70, "b": bottom}, "plot_bgcolor": "#fafafa",
              "legend": {"font": {"size": 10}}, "showlegend": True, "uirevision": title,
              "annotations": annotations}
    if figure_font(lang):
        layout["font"] = figure_font(lang)
    if ticks:
        layout["xaxis"] = ticks
    for key, value in extra.items():
        layout[key] = {**layout.get(key, {}), **value} if isinstance(value, dict) else value
    return {"data": data, "layout": layout}


def section(rows: pd.DataFrame, record: pd.DataFrame | None = None, counts: pd.DataFrame | None = None,
            citation: Citation | None = None, lang: str = DEFAULT) -> html.Section:
    """The statistics heading, its download links, "Copy summary", the charts (for the first rows
    shown), the periods compared and, given the whole ``record`` and the sourced ``counts``, how
    complete each year is. The statistics callback fills the parts that follow the filters
    (:data:`STATS_OUTPUTS`, :func:`stats_update`). Its words are in ``lang``."""
    _ = translator(lang)
    figures = (*stats_figures(rows, citation, lang), *month_figures(rows, citation, lang))
    return html.Section(className="stats", children=[
        html.Div(className="table-head", children=[
            html.H2(_("Passage statistics"), className="section-title"),
            html.A(_("Download passages CSV"), id=ids.STATS_DOWNLOAD, className="button secondary", href=STATS_PATH),
            html.A(_("About this file (version, licence)"), id=ids.STATS_SIDECAR, className="button secondary",
                   href=STATS_PATH + ".json"),
        ]),
        html.P(_("Counts of reports in the current selection, each chart naming its unit: passages (one group's "
                 "transit of one strait on one heading, however often it was sighted), ship groups (voyages), "
                 "distinct ships (hull numbers) and sightings; ship-sightings add up the ships of each sighting, "
                 "so a ship seen twice counts twice. Announced exercises are events, not sightings, and no count "
                 "includes them. Under each year: how many rows come from Joint Staff releases and how many from "
                 "news. A year or month cut short by the dates chosen or by the data-current-to date is drawn "
                 "paler and marked partial. A chart's download (camera button) is an SVG that carries the filters, "
                 "unit, source, dataset version and access date."), className="hint"),
        html.Div(className="briefing", children=[
            html.H3(_("Summary to paste"), className="section-title"),
            html.Div(className="briefing-copy", children=[
                html.P(id=ids.STATS_BRIEFING, className="briefing-text"),
                dcc.Clipboard(id=ids.STATS_COPY, target_id=ids.STATS_BRIEFING, title=_("Copy summary"),
                              className="button secondary"),
            ]),
        ]),
        *(dcc.Graph(id=graph, figure=figure, className="stats-chart", config=graph_config(GRAPH_CONFIG, citation, name))
          for (graph, name, _unit), figure in zip(CHARTS, figures, strict=True)),
        html.Div(id=ids.STATS_COMPARE, className="stats-compare"),
        *([coverage_table(coverage_years(record, counts), lang)] if record is not None and counts is not None else []),
    ])


#: The periods' labels (:func:`dashboard.briefing.comparison_periods`) and the comparison's units, for
#: the catalogue: the table shows them in the page's language.
PERIOD_WORDS = (N_("This period"), N_("A year earlier"), N_("Previous period of equal length"),
                N_("passages"), N_("sightings"))


def comparison_table(comparison: dict, lang: str = DEFAULT) -> html.Div:
    """The periods compared (:func:`dashboard.briefing.compare_periods`): one column per period with its
    dates, days and whether it is partial; one line per strait (passages) and per ship type
    (sightings), zeros written out. Headings, period labels and names in ``lang`` (a partial period's
    note stays English)."""
    _ = translator(lang)
    periods = comparison["periods"]
    head = html.Tr([html.Th(_("Count (unit)"), scope="col"), *(html.Th([
        _(p.label), html.Br(), date_span(p.start, p.end, lang), html.Br(), _("{days} days").format(days=p.days),
        *([html.Br(), html.Span(p.partial, className="muted")] if p.partial else [])], scope="col")
        for p in periods)])
    body = [html.Tr([html.Th(f"{name(line['what'], lang)} ({_(line['unit'])})", scope="row"),
                     *(html.Td(str(n)) for n in line["counts"])]) for line in comparison["lines"]]
    partial = any(p.partial for p in periods)
    return html.Div(children=[
        html.H3(_("This period compared"), className="section-title"),
        html.P(_("The current filters over this period, the same dates a year earlier and the period of equal "
                 "length just before. Passages per strait (every strait, zeros included) and sightings per ship "
                 "type (types seen in any of the three periods). Counts are not normalised per day")
               + (_("; a partial period holds fewer days of data than its dates say.") if partial else _("."))
               + _(" The record is not equally complete every year (see the sources under each chart): a rise "
                   "where the source changes is not a rise in activity."),
               className="hint"),
        html.Div(className="coverage-scroll", children=html.Table(className="coverage-table compare-table", children=[
            html.Thead(head), html.Tbody(body)])),
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
    for year, count in zip(starts.dt.year.tolist(), compared.itertuples(), strict=True):   # fields by name
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
    elif pd.isna(count.share):
        share = "no share (none announced)"
    elif count.share == 0:
        share = "none held"
    else:
        share = f"about {count.share:.0%}"
    held = None if pd.isna(count.record_rows) else int(count.record_rows)
    return {"id": count.id, "period": period, "number": number, "what": count.what, "record_rows": held,
            "share": share, "source_name": count.source_name, "source_url": count.source_url, "quote": count.quote}


def coverage_table(years: list[dict], lang: str = DEFAULT) -> html.Div:
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
