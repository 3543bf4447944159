"""The page's tabbed views, each a small function of (frame, spec), computed only when its tab shows.

The map, the time bar and the summary are always on screen; the table, the vessels, the voyages
and the statistics sit in tabs below them (:data:`TABS`). A tab nobody looks at costs nothing:
its callback (``dashboard.callbacks``) asks :func:`shown_view` and gets ``None`` while the tab
is hidden, so nothing is computed or sent, and opening the tab computes it for the current
filters. Each view filters with the same :func:`dashboard.filters.apply_filters`, so every
view shows the same rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from urllib.parse import urlencode

import dash_ag_grid as dag
import pandas as pd
from dash import html

from dashboard import ids, search, stats_view
from dashboard.figures import table_rows
from dashboard.filters import FilterSpec, apply_filters
from dashboard.i18n import N_, translated_columns, translator, with_language
from dashboard.urlstate import ID_PARAM
from dashboard.vessels import vessel_rows

#: Tab value -> its label, in the order the tabs show.
TABS = {"table": N_("Table"), "vessels": N_("Vessels"), "voyages": N_("Voyages"), "statistics": N_("Statistics")}
DEFAULT_TAB = "table"


@dataclasses.dataclass(frozen=True)
class ViewContext:
    """What a view needs beside (frame, spec): the dataset's version and data-current-to date,
    hull -> ship name (the vessel register), and the page's address and today's date (read per
    request, for the statistics' citations), and the page's language (``lang``, from
    :data:`dashboard.ids.LANGUAGE`) the views' words are in."""
    version: str = ""
    current_to: dt.date | None = None
    names: dict = dataclasses.field(default_factory=dict)
    page_href: str | None = None
    today: dt.date | None = None
    lang: str = "en"


def table_view(frame: pd.DataFrame, spec: FilterSpec, context: ViewContext | None = None) -> list[dict]:
    """The sightings table's records (:func:`dashboard.figures.table_rows`) for ``spec``, each with
    the field the search matched in (:func:`dashboard.search.matched_in`)."""
    rows = apply_filters(frame, spec)
    return search.matched_in(table_rows(rows), rows, spec.search)


def vessels_view(frame: pd.DataFrame, spec: FilterSpec, context: ViewContext | None = None) -> list[dict]:
    """The vessels table's records (:func:`dashboard.vessels.vessel_rows`) for ``spec``."""
    return vessel_rows(apply_filters(frame, spec))


def voyages_view(frame: pd.DataFrame, spec: FilterSpec, context: ViewContext | None = None) -> list[dict]:
    """The voyages table's records (:func:`voyage_rows`) for ``spec``."""
    return voyage_rows(apply_filters(frame, spec))


def statistics_view(frame: pd.DataFrame, spec: FilterSpec, context: ViewContext | None = None) -> tuple:
    """Everything the statistics tab shows for ``spec`` (:data:`dashboard.stats_view.STATS_OUTPUTS`):
    the charts with their citing export settings, the CSV links, the periods compared and the
    summary to paste."""
    context = context or ViewContext()
    return stats_view.stats_update(frame, spec, version=context.version, current_to=context.current_to,
                                   page_href=context.page_href, today=context.today or dt.date.today(),
                                   names=context.names, lang=context.lang)


#: Tab value -> its view.
VIEWS: dict[str, Callable] = {"table": table_view, "vessels": vessels_view, "voyages": voyages_view,
                              "statistics": statistics_view}


def shown_view(tab: str, active: str | None, frame: pd.DataFrame, spec: FilterSpec,
               context: ViewContext | None = None):
    """The view of ``tab`` for ``spec`` when ``tab`` is the ``active`` one; None when it is hidden.

    Examples
    --------
    >>> shown_view("vessels", "table", frame, FilterSpec()) is None  # doctest: +SKIP
    True
    """
    if tab != (active or DEFAULT_TAB):
        return None
    return VIEWS[tab](frame, spec, context)


def voyage_rows(rows: pd.DataFrame) -> list[dict]:
    """One record per voyage of ``rows``: its id, first and last day, the straits in the order
    they were reported, the ships (the most reported at once, and the hull numbers), and why its
    sightings were linked (the stored ``voyage_link`` reasons; none for a voyage of one sighting).

    Only the sightings in ``rows`` count: a filter that keeps part of a voyage shows that part.

    Examples
    --------
    >>> rows = pd.DataFrame({"voyage_id": ["v-a", "v-a"], "id": ["a", "b"],
    ...     "event_date": pd.to_datetime(["2022-03-01", "2022-03-04"]), "strait": ["Tsugaru", "Soya"],
    ...     "ships": pd.array([2, 3], dtype="Int64"), "hull_numbers": [["548"], ["548", "564"]],
    ...     "voyage_link": [[], ["with a: hull 548 in both"]]})
    >>> voyage_rows(rows)[0]["straits"], voyage_rows(rows)[0]["hulls"]
    ('Tsugaru, Soya', '548, 564')
    """
    out = []
    for voyage_id, part in rows.sort_values(["event_date", "id"]).groupby("voyage_id"):
        ships = part["ships"].dropna()
        out.append({
            "voyage_id": voyage_id, "first": f"{part['event_date'].min():%Y-%m-%d}",
            "last": f"{part['event_date'].max():%Y-%m-%d}", "sightings": len(part),
            "straits": ", ".join(dict.fromkeys(s for s in part["strait"] if s)),
            "ships": int(ships.max()) if len(ships) else None,
            "hulls": ", ".join(dict.fromkeys(h for hulls in part["hull_numbers"] for h in hulls)),
            "links": "; ".join(dict.fromkeys(link for links in part["voyage_link"] for link in (links or ()))),
        })
    return sorted(out, key=lambda record: (record["first"], record["voyage_id"]), reverse=True)


VOYAGE_COLUMNS = [
    {"field": "voyage_id", "headerName": N_("Voyage"), "width": 190},
    {"field": "first", "headerName": N_("First day"), "width": 110, "sort": "desc"},
    {"field": "last", "headerName": N_("Last day"), "width": 110},
    {"field": "sightings", "headerName": N_("Sightings"), "width": 100, "type": "numericColumn"},
    {"field": "straits", "headerName": N_("Straits (in order)"), "width": 200, "wrapText": True, "autoHeight": True},
    {"field": "ships", "headerName": N_("Most ships at once"), "width": 120, "type": "numericColumn"},
    {"field": "hulls", "headerName": N_("Hull numbers"), "width": 150, "wrapText": True, "autoHeight": True},
    {"field": "links", "headerName": N_("Why linked (as stored)"), "flex": 1, "minWidth": 260, "wrapText": True,
     "autoHeight": True},
]


def voyages_section(lang: str = "en") -> html.Section:
    """The voyages heading, hint and grid (in ``lang``)."""
    _ = translator(lang)
    return html.Section(className="voyages", children=[
        html.H2(_("Voyages"), className="section-title"),
        html.P(_("Sightings linked into one voyage, with the reason each link was made (stored with the data). "
                 "Only the sightings in the current selection count."), className="hint"),
        dag.AgGrid(id=ids.VOYAGES, columnDefs=translated_columns(VOYAGE_COLUMNS, lang), rowData=[], getRowId="params.data.voyage_id",
                   className="ag-theme-quartz voyages-table",
                   defaultColDef={"sortable": True, "resizable": True, "filter": False},
                   dashGridOptions={"localeText": {"noRowsToShow": _("No voyages in this selection.")},
                                    "animateRows": False, "domLayout": "autoHeight"}),
    ])


# -- a link to every sighting (issue 21) ------------------------------------------------------

def sighting_link(sighting_id: str, lang: str = "en") -> html.P:
    """The selected sighting's own link (``?id=...``), to copy or share: it opens these details,
    selects the sighting on the map and the time bar and frames the map on it (in ``lang``: the
    link keeps ``lang=`` for a page in another language)."""
    _ = translator(lang)
    href = with_language("?" + urlencode({ID_PARAM: sighting_id}), lang)
    return html.P(className="permalink", children=[
        html.A(_("Link to this sighting"), href=href, className="permalink-link", title=href),
        _(" (copy it to share this sighting)")])


def unknown_sighting(sighting_id: str, lang: str = "en") -> list:
    """The details panel for a link whose ``?id=`` names no sighting of the record (in ``lang``)."""
    _ = translator(lang)
    return [html.H3(_("Details"), className="details-title"),
            html.P(_("No sighting has the id “{id}”: the link may be cut short or mistyped. "
                     "Select a sighting on the map, the time bar or the table to see it here.").format(id=sighting_id),
                   className="details-unknown", role="alert")]
