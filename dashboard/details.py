"""The details panel: one selected sighting, every field, its sources as links, and how its
position was made.

The table shows a line per sighting; a reader checking one needs all of it: the report's
own words (and the Joint Staff release's Japanese sentence), every source, and whether
the point on the map was reported, derived (from which place, bearing and distance) or
stands for an area. :func:`position_story` says that in a sentence, testable on its own;
:func:`voyage_story` says why the sighting belongs to its voyage (the stored ``voyage_link``).
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.i18n import translator
from geo.compass import BEARINGS
from geo.locate import LocateError, locate
from sightings.schema import COLUMNS

#: Fields listed as "label: value" (the phrase, the Japanese sentence and the sources get
#: their own blocks); every schema column and the join's answers appear once.
LISTED = tuple(c for c in COLUMNS if c not in ("location_text", "location_text_ja", "source_urls", "source_names",
                                               "voyage_link")) + (
    "sea_area_reported", "in_strait", "in_japan_territorial_sea", "distance_to_japan_km", "named_seas",
    "primary_source")
_COMPASS = {degrees: point for point, degrees in BEARINGS.items()}


def position_story(row: pd.Series) -> str:
    """How the row's map position was made, in one sentence."""
    kind = row["position_kind"]
    if kind == "reported":
        return f"Reported: the source gives the position {row['lat']:.4f} N, {row['lon']:.4f} E."
    if kind == "derived":
        try:
            where = locate(row["location_text"])
        except LocateError as exc:
            return f"Derived from the phrase; it no longer parses ({exc})."
        if where.distance_km is None:
            return (f"Derived: midway between {where.anchor.replace(' / ', ' and ')} "
                    f"({where.lat:.4f} N, {where.lon:.4f} E), from “{where.fragment}”.")
        return (f"Derived: {where.distance_km:g} km {_COMPASS[where.bearing_deg]} ({where.bearing_deg:g}°) of "
                f"{where.anchor}, along the WGS84 geodesic from the gazetteer point, giving "
                f"{where.lat:.4f} N, {where.lon:.4f} E; from “{where.fragment}”.")
    if kind == "area":
        named = f"the {row['strait']} Strait" if row["strait"] else " and ".join(row["named_seas"]) or "an area"
        return f"Area only: the report names {named}, which the map highlights; no point is invented."
    return "Unlocated: the report gives no place the map can draw; the sighting is in the table only."


def voyage_story(row: pd.Series) -> list[str]:
    """Why the row is in its voyage: one line per stored link (``voyage_link``), or why it has none.

    >>> voyage_story(pd.Series({"voyage_id": "v-a", "id": "b", "voyage_link": ["with a: hull 343 in both"]}))
    ['Voyage v-a: linked with a: hull 343 in both']
    """
    links = list(row.get("voyage_link", None) or ())
    if links:
        return [f"Voyage {row['voyage_id']}: linked {link}" for link in links]
    if row["voyage_id"] == f"v-{row['id']}":
        return [f"Voyage {row['voyage_id']}: its first sighting (later sightings, if any, say why they are linked)"]
    return [f"Voyage {row['voyage_id']}: no link stored on this sighting; a later sighting of the voyage "
            "links to it (see that sighting's details)"]


#: What each ``date_basis`` / ``report_date_basis`` (sightings.schema) means, in a reader's words.
_DATE_BASIS = {
    "stated": "the source states the day",
    "inferred": "the day is worked out from other pages (the notes say how)",
    "announcement day": "only the day the Joint Staff announced it is known; the sighting was that day or earlier",
}
_REPORT_BASIS = {
    "release": "the Joint Staff release",
    "press says announced": "a press page says the Joint Staff announced it that day",
    "page date only": "only a press page's date, which may be after the announcement",
    "event date only": "no page says when it was announced; the sighting day is shown",
}


def date_story(row: pd.Series) -> str:
    """How the row's dates are known, in one sentence (from its ``date_basis`` and ``report_date_basis``).

    >>> date_story(pd.Series({"date_basis": "inferred", "report_date_basis": "release"}))
    'Date: the day is worked out from other pages (the notes say how). Reported: the Joint Staff release.'
    """
    date = _DATE_BASIS.get(row.get("date_basis", ""), "not said")
    report = _REPORT_BASIS.get(row.get("report_date_basis", ""), "not said")
    return f"Date: {date}. Reported: {report}."


def details_panel(row: pd.Series | None, lang: str = "en") -> list:
    """The panel's content for ``row`` (None: how to choose one); its headings in ``lang`` (the
    stories and field names stay English: they quote the record's own words and column names)."""
    _ = translator(lang)
    if row is None:
        return [html.H3(_("Details"), className="details-title"),
                html.P(_("Select a sighting (a table row, a map marker or a timeline point) to see all of it here."),
                       className="hint")]
    links = [html.Li(html.A(name or url, href=url, target="_blank", rel="noopener noreferrer", className="source-link"))
             for name, url in zip(row["source_names"], row["source_urls"], strict=False) if _is_web(url)]
    blocks = [
        html.H3(f"{row['event_date']:%d %b %Y} · {row['id']}", className="details-title"),
        html.P(position_story(row), className="details-position"),
        html.P(date_story(row), className="details-dates"),
        html.H4(_("As reported")), html.Blockquote(row["location_text"] or "—", lang="en"),
    ]
    if row["location_text_ja"]:
        blocks += [html.H4(_("Joint Staff release (Japanese)")), html.Blockquote(row["location_text_ja"], lang="ja")]
    blocks += [html.H4(_("Voyage")), html.Ul([html.Li(line) for line in voyage_story(row)], className="details-voyage")]
    blocks += [html.H4(_("Sources")), html.Ul(links, className="details-sources"),
               html.Dl(className="details-fields",
                       children=[part for field in LISTED if field in row.index
                                 for part in (html.Dt(field.replace("_", " ")), html.Dd(_shown(row[field])))])]
    return blocks


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _shown(value) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value)) or "—"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    return str(value) or "—"
