"""The details panel: one selected sighting, every field, its sources as links, and how its
position was made.

The table shows a line per sighting; a reader checking one needs all of it: the report's
own words (and the Joint Staff release's Japanese sentence), every source, and whether
the point on the map was reported, derived (from which place, bearing and distance) or
stands for an area. :func:`position_story` says that in a sentence, testable on its own;
:func:`voyage_story` says why the sighting belongs to its voyage (the stored ``voyage_link``).
"""

from __future__ import annotations

from itertools import zip_longest

import numpy as np
import pandas as pd
from dash import dcc, html

from dashboard.dossier import hull_href, sighting_href
from dashboard.i18n import DEFAULT, translator
from geo.compass import BEARINGS
from sightings.schema import COLUMNS, is_release_url
from sightings.voyages import parse_reference, reference_phrase

#: Fields listed as "label: value" (the phrase, the Japanese sentence and the sources get
#: their own blocks); every schema column and the join's answers appear once.
LISTED = tuple(c for c in COLUMNS if c not in ("location_text", "location_text_ja", "source_urls", "source_names",
                                               "voyage_link", "same_as")) + (
    "sea_area_reported", "in_strait", "in_japan_territorial_sea", "distance_to_japan_km", "named_seas",
    "primary_source")
_COMPASS = {degrees: point for point, degrees in BEARINGS.items()}


def position_story(row: pd.Series) -> str:
    """How the row's map position was made, in one sentence, from the stored columns (never re-derived).

    >>> position_story(pd.Series({"position_kind": "derived", "lat": 45.97276, "lon": 141.9366,
    ...                           "anchor": "Cape Soya", "bearing_deg": 0.0, "distance_km": 50.0}))
    'Derived: 50 km N (0°) of Cape Soya, along the WGS84 geodesic from the gazetteer point, giving 45.9728 N, 141.9366 E.'
    """
    kind = row["position_kind"]
    if kind == "reported":
        return f"Reported: the source gives the position {row['lat']:.4f} N, {row['lon']:.4f} E."
    if kind == "derived":
        where = f"giving {row['lat']:.4f} N, {row['lon']:.4f} E"
        if not row.get("anchor"):
            return f"Derived from the phrase, {where}; the file does not say from which place."
        if pd.isna(row["distance_km"]):
            return f"Derived: midway between {row['anchor'].replace(' / ', ' and ')}, {where}."
        bearing = row["bearing_deg"]
        toward = f"{_COMPASS[bearing]} ({bearing:g}°)" if bearing in _COMPASS else f"at {bearing:g}°"
        return (f"Derived: {row['distance_km']:g} km {toward} of {row['anchor']}, along the WGS84 geodesic from "
                f"the gazetteer point, {where}.")
    if kind == "area":
        named = f"the {row['strait']} Strait" if row["strait"] else " and ".join(row["named_seas"]) or "an area"
        return f"Area only: the report names {named}, which the map highlights; no point is invented."
    return "Unlocated: the report gives no place the map can draw; the sighting is in the table only."


def voyage_story(row: pd.Series) -> list[str]:
    """Why the row is in its voyage: one line per stored link (``voyage_link``), or why it has none.

    >>> voyage_story(pd.Series({"voyage_id": "v-a", "id": "b", "voyage_link": ["with a: hull 343 in both"]}))
    ['Voyage v-a: linked with a: hull 343 in both']
    """
    links = _listed(row, "voyage_link")
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
    date = _DATE_BASIS.get(row.get("date_basis"), "not said")
    report = _REPORT_BASIS.get(row.get("report_date_basis"), "not said")
    return f"Date: {date}. Reported: {report}."


def details_panel(row: pd.Series | None, lang: str = DEFAULT) -> list:
    """The panel's content for ``row`` (None: how to choose one); its headings in ``lang`` (the
    stories and field names stay English: they quote the record's own words and column names)."""
    _ = translator(lang)
    if row is None:
        return [html.H3(_("Details"), className="details-title"),
                html.P(_("Select a sighting (a table row, a map marker or a timeline point) to see all of it here."),
                       className="hint")]
    # every URL the row cites: one given name may stand for two pages of a site, so a URL beyond the names is its own name
    links = [html.Li(html.A(name or url, href=url, target="_blank", rel="noopener noreferrer", className="source-link"))
             for url, name in zip_longest(row["source_urls"], row["source_names"], fillvalue="") if _is_web(url)]
    blocks = [
        html.H3(f"{row['event_date']:%d %b %Y} · {row['id']}", className="details-title"),
        html.P(position_story(row), className="details-position"),
        html.P(date_story(row), className="details-dates"),
        *([html.P(_("Checks") + ": " + ("; ".join(row["checks"]) or _("none raised")),
                  className="details-checks")] if "checks" in row.index else []),
        html.H4(_("As reported")), html.Blockquote(row["location_text"] or "—", lang="en"),
    ]
    if row["location_text_ja"]:
        blocks += [html.H4(_("Joint Staff release (Japanese)")), html.Blockquote(row["location_text_ja"], lang="ja")]
    same = same_as_links(row)
    if same:
        blocks += [html.H4(_("Same ships as (the release says so)")), html.Ul(className="details-same-as", children=[
            html.Li([entry, *([" · ", dcc.Link(f"open {target}", href=sighting_href(target)),
                               f" ({release} says so)"] if target else [" · no link stored for this reference "
                                                                        "(the voyage below says how this sighting is linked)"])])
            for entry, target, release in same])]
        releases = [url for url in row["source_urls"] if is_release_url(url)]
        if releases:
            blocks.append(html.P(["The release that says so: ", *[html.A(url.rpartition("/")[2], href=url,
                                  target="_blank", rel="noopener noreferrer", className="release-link")
                                  for url in releases],
                                  "; its sentence on this sighting is quoted above (the back-reference sentence "
                                  "itself is not stored in the record)."], className="details-same-as-source"))
    blocks += [html.H4(_("Voyage")), html.Ul([html.Li([line, *_voyage_link(link)]) for line, link
                                           in zip(voyage_story(row), _links_or_none(row), strict=True)],
                                          className="details-voyage")]
    blocks += [html.H4(_("Sources")), html.Ul(links, className="details-sources"),
               html.Dl(className="details-fields",
                       children=[part for field in LISTED if field in row.index
                                 for part in (html.Dt(field.replace("_", " ")), html.Dd(_field(field, row[field])))])]
    blocks.append(html.P([_("Permalink") + ": ", dcc.Link(sighting_href(row["id"]), href=sighting_href(row["id"]))],
                         className="details-permalink"))
    return blocks


def same_as_links(row: pd.Series) -> list[tuple[str, str, str]]:
    """Each ``same_as`` entry with the sighting the record linked it to and the release that says
    so, read from the stored ``voyage_link`` reasons (never re-derived); ("entry", "", "") when no
    stored link is for that entry (no single earlier sighting matched, or the two were already
    one voyage by an earlier link).

    >>> same_as_links(pd.Series({"same_as": ["2026-03-05 Tsushima southwest"], "voyage_link": [
    ...     "with x1: p20260309_01 says same as the 5 Mar 2026 Tsushima passage heading southwest"]}))
    [('2026-03-05 Tsushima southwest', 'x1', 'p20260309_01')]
    """
    links = _listed(row, "same_as")
    reasons = _listed(row, "voyage_link")
    found = []
    for entry in links:
        try:
            tail = " says same as " + reference_phrase(parse_reference(entry))
        except ValueError:
            found.append((entry, "", ""))
            continue
        head = next((reason[:-len(tail)] for reason in reasons if reason.endswith(tail) and ": " in reason), "")
        target, _, release = head.removeprefix("with ").partition(": ")
        found.append((entry, target, release))
    return found


def _links_or_none(row: pd.Series) -> list[str | None]:
    """The stored link behind each :func:`voyage_story` line (None for the lines that are not links)."""
    return _listed(row, "voyage_link") or [None]


def _listed(row: pd.Series, column: str) -> list:
    """The row's list in ``column`` ([] when it is missing or empty)."""
    return list(row.get(column) or ())


def _voyage_link(link: str | None) -> list:
    """A link to the earlier sighting a voyage link names ("with <id>: ...")."""
    if not link or not link.startswith("with ") or ": " not in link:
        return []
    target = link.removeprefix("with ").partition(": ")[0]
    return [" · ", dcc.Link(f"open {target}", href=sighting_href(target))]


def _field(field: str, value):
    """A listed field's value as shown: hull numbers link to their dossiers, the rest as text."""
    if field == "hull_numbers" and isinstance(value, (list, tuple)) and value:
        parts = []
        for hull in value:
            parts += [", "] if parts else []
            parts.append(dcc.Link(hull, href=hull_href(hull), className="hull-link"))
        return parts
    return _shown(value)


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _shown(value) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value)) or "—"
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    if isinstance(value, (bool, np.bool_)):           # a row taken from a frame (iloc) holds numpy's bools
        return "Yes" if value else "No"
    if value in ("yes", "no"):
        return value.capitalize()
    return str(value) or "—"
