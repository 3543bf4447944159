"""A vessel's dossier (``?hull=548``): its name with the page that states it, class, sightings,
voyages, straits and sources, in the details panel beside the map.

:func:`build_dossier` gathers it from the record (every sighting listing the hull, whatever
filters are set: a dossier is the whole history) and the vessel register
(:mod:`sightings.vessels`); :func:`dossier_panel` draws it; :func:`url_panel` says what the
panel shows for a URL (``?id=`` a sighting's details, ``?hull=`` alone the dossier), so the
callback only wires the URL to it. Nothing is inferred: a hull no page names says so, classes
are those the reports give (:func:`sightings.hulls.hull_table`) and the register's pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import zip_longest
from urllib.parse import parse_qs, urlencode

import pandas as pd
from dash import dcc, html

from dashboard.i18n import PARAM as LANGUAGE_PARAM, translator
from sightings.classes import ship_classes
from sightings.hulls import NO_CLASS, hull_table
from sightings.schema import STRAITS
from sightings.vessels import names_of

#: Longest query string read (the URL is user input).
MAX_QUERY = 4000
#: A sighting id as the schema allows it (sightings.schema), checked before it goes back into a URL.
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


@dataclass(frozen=True)
class Dossier:
    """Everything the record and the register say about one hull number."""

    hull: str
    #: Register rows: name, name_ja, class, carried_from, carried_to, stated_for, source_name, source_url, source_note.
    names: tuple[dict, ...]
    #: (class as named, project from the class dictionary or "", where it comes from: "reports" or "register").
    classes: tuple[tuple[str, str, str], ...]
    #: The hull's sightings in date order: id, date (ISO), strait, direction, where, voyage_id.
    sightings: tuple[dict, ...]
    #: Voyages holding those sightings, in order: voyage_id, first, last, sightings (all rows of the voyage).
    voyages: tuple[dict, ...]
    #: Strait passages in date order: date, strait, direction, id.
    straits: tuple[dict, ...]
    #: (name, url) of the sightings' sources, first use first.
    sources: tuple[tuple[str, str], ...]


def build_dossier(frame: pd.DataFrame, register: pd.DataFrame, hull: str) -> Dossier | None:
    """The dossier of ``hull`` (as written: "011" is not "11"), or None when neither the record
    nor the register knows it.

    Examples
    --------
    >>> frame = pd.DataFrame({"id": ["b", "a"], "event_date": pd.to_datetime(["2016-06-21", "2016-06-02"]),
    ...     "hull_numbers": [["548", "081"], ["081"]], "strait": ["Tsushima", "Soya"],
    ...     "direction": ["south", "west"], "location_text": ["", ""], "ship_types": [[], []],
    ...     "vessels": [[], []], "voyage_id": ["v-b", "v-a"], "source_names": [["blog"], ["blog"]],
    ...     "source_urls": [["https://b"], ["https://b"]]})
    >>> register = pd.DataFrame([{"hull_number": "081", "name": "Nikolai Vilkov", "name_ja": "", "class": "",
    ...     "carried_from": "", "carried_to": "", "stated_for": "2016-06-21", "source_name": "blog",
    ...     "source_url": "https://b", "source_note": "..."}])
    >>> found = build_dossier(frame, register, "081")
    >>> found.names[0]["name"], [s["id"] for s in found.sightings], [s["strait"] for s in found.straits]
    ('Nikolai Vilkov', ['a', 'b'], ['Soya', 'Tsushima'])
    """
    hull = str(hull)[:8]
    listed = frame["hull_numbers"].map(lambda hulls: hull in hulls).to_numpy(dtype=bool)
    rows = frame[listed].sort_values(["event_date", "id"])
    names = tuple(names_of(register, hull).to_dict("records"))
    if rows.empty and not names:
        return None
    sightings = tuple({"id": row.id, "date": f"{row.event_date:%Y-%m-%d}", "strait": row.strait,
                       "direction": row.direction, "where": row.location_text, "voyage_id": row.voyage_id}
                      for row in rows.itertuples())
    return Dossier(hull, names, _classes(rows, names, hull), sightings, _voyages(frame, rows),
                   tuple({"date": s["date"], "strait": s["strait"], "direction": s["direction"], "id": s["id"]}
                         for s in sightings if s["strait"] in STRAITS),
                   _sources(rows))


def dossier_panel(dossier: Dossier | None, hull: str = "", lang: str = "en") -> list:
    """The details panel's content for ``dossier`` (None: the hull is in neither record nor register);
    headings and hints in ``lang`` (the entries quote the register and the record as they are)."""
    _ = translator(lang)
    if dossier is None:
        return [html.H3(_("Hull {hull}").format(hull=hull[:8]), className="details-title dossier-title"),
                html.P(_("No sighting in the record lists this hull number, and no page in the vessel register "
                         "names it."), className="hint")]
    title = dossier.names[0]["name"] if dossier.names else _("name not known")
    blocks = [html.H3(_("Hull {hull}").format(hull=dossier.hull) + f" · {title}", className="details-title dossier-title"),
              html.H4(_("Name"))]
    if dossier.names:
        blocks.append(html.Ul(className="dossier-names", children=[html.Li([
            f"{entry['name']}" + (f" ({entry['name_ja']})" if entry["name_ja"] else "") + _carried(entry) + ", per ",
            html.A(entry["source_name"], href=entry["source_url"], target="_blank", rel="noopener noreferrer",
                   className="source-link"),
            html.Span(f": {entry['source_note']}", className="dossier-note"),
        ]) for entry in dossier.names]))
    else:
        blocks.append(html.P(_("No page at hand names the ship carrying this number; the vessel register "
                               "(data/vessels.csv) leaves it out rather than guess."), className="hint"))
    blocks += [html.H4(_("Class")), html.Ul(className="dossier-classes", children=[
        html.Li(f"{name}" + (f", {project}" if project else "") + f" ({where})") for name, project, where
        in dossier.classes] or [html.Li(f"{NO_CLASS} by any report")])]
    blocks += [html.H4(_("Sightings ({count}, the whole record)").format(count=len(dossier.sightings))),
               html.Ol(className="dossier-sightings", children=[html.Li([
                   dcc.Link(sighting["date"], href=sighting_href(sighting["id"])),
                   f" · {sighting['strait'] + ' Strait · ' if sighting['strait'] else ''}{sighting['where'] or '—'}",
               ]) for sighting in dossier.sightings])]
    blocks += [html.H4(_("Voyages")), html.Ul(className="dossier-voyages", children=[
        html.Li(f"{v['voyage_id']}: {v['first']} to {v['last']}, {v['sightings']} sighting"
                f"{'s' if v['sightings'] != 1 else ''}") for v in dossier.voyages])]
    blocks += [html.H4(_("Straits used, in order")),
               html.Ol(className="dossier-straits", children=[
                   html.Li(f"{p['date']} {p['strait']}" + (f", heading {p['direction']}" if p["direction"] else ""))
                   for p in dossier.straits]) if dossier.straits else html.P(_("No strait passage recorded."),
                                                                            className="hint")]
    blocks += [html.H4(_("Sources")), html.Ul(className="details-sources", children=[
        html.Li(html.A(name or url, href=url, target="_blank", rel="noopener noreferrer", className="source-link"))
        for name, url in dossier.sources])]
    return blocks


def sighting_href(sighting_id: str) -> str:
    """The permalink of a sighting: ``?id=<id>``.

    >>> sighting_href("2016-06-21-4251ce")
    '?id=2016-06-21-4251ce'
    """
    return "?" + urlencode({"id": sighting_id})


def hull_href(hull: str) -> str:
    """The link to a hull's dossier: ``?hull=<n>``.

    >>> hull_href("011")
    '?hull=011'
    """
    return "?" + urlencode({"hull": hull})


def with_sighting(query: str, search: str | None) -> str:
    """``query`` (the filters' query string) with the ``id=`` of ``search`` kept, so a permalink
    ``?id=<id>`` survives the filters rewriting the URL; ``search`` None (a control changed the
    filters, not the URL) keeps none.

    >>> with_sighting("?hull=548", "?hull=548&id=2016-06-21-4251ce"), with_sighting("", "?id=a"), with_sighting("", None)
    ('?hull=548&id=2016-06-21-4251ce', '?id=a', '')
    """
    wanted = parse_qs((search or "").lstrip("?")[:MAX_QUERY]).get("id", [])
    if len(wanted) != 1 or not _ID.fullmatch(wanted[0]):
        return query
    return f"{query}{'&' if query else '?'}{urlencode({'id': wanted[0]})}"


def url_panel(search: str | None, frame: pd.DataFrame, register: pd.DataFrame, selected: str | None):
    """What the details panel shows for the URL's query ``search``: ("sighting", id) for
    ``?id=<a known id>``; ("dossier", hull) for exactly one ``hull=`` and no ``id=``; ("hint",
    None) when neither and nothing is selected; None to leave the panel as it is.

    The bare dossier link ``?hull=548`` always opens the dossier; with other filters beside the
    hull (a filter changed while a sighting was open), a ``selected`` sighting listing that
    hull stays in the panel.

    >>> frame = pd.DataFrame({"id": ["a"], "hull_numbers": [["548"]]})
    >>> url_panel("?id=a", frame, None, None), url_panel("?hull=548", frame, None, "a")
    (('sighting', 'a'), ('dossier', '548'))
    >>> url_panel("?from=2020-01-01&hull=548", frame, None, "a"), url_panel("?hull=548&hull=011", frame, None, None)
    (None, ('hint', None))
    >>> url_panel("?id=no-such-id", frame, None, None) is None
    True
    """
    params = parse_qs((search or "").lstrip("?")[:MAX_QUERY])
    wanted, hulls = params.get("id", []), params.get("hull", [])
    known = set(frame["id"])
    if len(wanted) == 1 and wanted[0] in known:
        return "sighting", wanted[0]
    if wanted:                  # an unknown id: the selection callback names it in the panel
        return None
    if len(hulls) == 1:
        hull = hulls[0][:8]
        bare = params.keys() - {LANGUAGE_PARAM} == {"hull"}       # the page's language is no filter
        if not bare and selected in known and hull in frame.loc[frame["id"] == selected, "hull_numbers"].iloc[0]:
            return None
        return "dossier", hull
    return ("hint", None) if selected is None else None


def _carried(entry: dict) -> str:
    if entry["carried_from"] or entry["carried_to"]:
        return f" (number carried {entry['carried_from'] or '…'} to {entry['carried_to'] or '…'})"
    return f" (stated for {entry['stated_for']})" if entry["stated_for"] else ""


def _classes(rows: pd.DataFrame, names: tuple[dict, ...], hull: str) -> tuple[tuple[str, str, str], ...]:
    """Classes the reports give the hull, then any other the register's pages give, with the project
    the class dictionary holds for each."""
    projects = dict(zip(ship_classes()["class_en"], ship_classes()["project"], strict=True))
    found: dict[str, str] = {}
    table = hull_table(rows)
    reported = table.loc[table["hull"] == hull, "class"]
    for name in (reported.iloc[0].split("; ") if len(reported) and reported.iloc[0] != NO_CLASS else ()):
        found.setdefault(name, "reports")
    for entry in names:
        if entry["class"]:
            found.setdefault(entry["class"], "register")
    return tuple((name, projects.get(name, ""), where) for name, where in found.items())


def _voyages(frame: pd.DataFrame, rows: pd.DataFrame) -> tuple[dict, ...]:
    """The voyages of ``rows`` in order of their first sighting, each with all its rows in ``frame``."""
    voyages = []
    for voyage_id in dict.fromkeys(rows["voyage_id"]):
        members = frame[frame["voyage_id"] == voyage_id]
        voyages.append({"voyage_id": voyage_id, "first": f"{members['event_date'].min():%Y-%m-%d}",
                        "last": f"{members['event_date'].max():%Y-%m-%d}", "sightings": len(members)})
    return tuple(voyages)


def _sources(rows: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """The web sources of ``rows``, (name, url) each once, first use first; a URL beyond the names
    has no name (shown as itself), as in the details and the table."""
    pairs = [(name, url) for names, urls in zip(rows["source_names"], rows["source_urls"], strict=True)
             for url, name in zip_longest(urls, names, fillvalue="")
             if url.lower().startswith(("http://", "https://"))]
    return tuple(dict.fromkeys(pairs))
