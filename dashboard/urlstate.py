"""Filters in the query string, so a URL reproduces a view: ``?from=2022-01-01&strait=Tsugaru``.

The query string is user input: :func:`spec_from_query` goes through
:meth:`FilterSpec.clean`, so an unknown strait, a date like ``9999-99-99`` or ten thousand
values are dropped, never passed on. Each facet names its own parameter
(:data:`dashboard.facets.FACETS`); the dates are ``from`` and ``to``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, parse_qsl, urlencode

from dashboard.facets import FACETS
from dashboard.filters import FilterSpec
from dashboard.i18n import PARAM as LANGUAGE_PARAM

DATE_PARAMS = {"start": "from", "end": "to"}
MAX_QUERY = 4000


def spec_to_query(spec: FilterSpec) -> str:
    """``?from=...&strait=...`` for the spec; empty string for the default view."""
    pairs = [(param, getattr(spec, field).isoformat()) for field, param in DATE_PARAMS.items()
             if getattr(spec, field)]
    for facet in FACETS:
        pairs += [(facet.param, value) for value in facet.kind.to_params(getattr(spec, facet.field))]
    return "?" + urlencode(pairs) if pairs else ""


def spec_from_query(query: str | None, options: dict[str, tuple[str, ...]]) -> FilterSpec:
    """The spec a query string asks for, keeping only known options."""
    values = parse_qs((query or "").lstrip("?")[:MAX_QUERY], keep_blank_values=False)
    return FilterSpec.clean(options, **{field: values.get(param, [None])[0] for field, param in DATE_PARAMS.items()},
                            **{facet.field: values.get(facet.param, []) for facet in FACETS})


# -- a link to every sighting, and what a URL asked that was not used (issue 21) -------------

#: ``?id=<sighting id>`` opens that sighting's details and frames the map on it.
ID_PARAM = "id"
#: Longest id read from a URL (the record's ids are about 20 characters).
MAX_ID = 80


def selected_from_query(query: str | None) -> str | None:
    """The sighting id a query string names (``?id=...``), cut to :data:`MAX_ID` characters.

    >>> selected_from_query("?strait=Soya&id=2022-03-14-abc123")
    '2022-03-14-abc123'
    """
    values = parse_qs((query or "").lstrip("?")[:MAX_QUERY]).get(ID_PARAM)
    return values[0].strip()[:MAX_ID] or None if values else None


def with_selected(query: str | None, sighting_id: str | None) -> str:
    """``query`` with its ``id`` parameter set to ``sighting_id`` (removed when None), the
    other parameters kept in their order.

    >>> with_selected("?strait=Soya&id=old", "new")
    '?strait=Soya&id=new'
    >>> with_selected("?id=old", None)
    ''
    """
    pairs = [(k, v) for k, v in parse_qsl((query or "").lstrip("?")[:MAX_QUERY]) if k != ID_PARAM]
    if sighting_id:
        pairs.append((ID_PARAM, sighting_id))
    return "?" + urlencode(pairs) if pairs else ""


def ignored_params(query: str | None, options: dict[str, tuple[str, ...]]) -> list[str]:
    """``name=value`` of every parameter of ``query`` the page does not use: an unknown name, a
    value no option has, a date that does not parse. The id is not judged here (an unknown id
    is named in the details panel), nor the page's language (``lang``, :mod:`dashboard.i18n`).

    >>> ignored_params("?strait=Atlantis&strait=Soya&colour=red", {"straits": ("Soya",)})  # doctest: +SKIP
    ['strait=Atlantis', 'colour=red']
    """
    used = {(k, v.casefold()) for k, v in parse_qsl(spec_to_query(spec_from_query(query, options)).lstrip("?"))}
    return [f"{k}={v}" for k, v in parse_qsl((query or "").lstrip("?")[:MAX_QUERY])
            if k not in (ID_PARAM, LANGUAGE_PARAM) and (k, v.strip().casefold()) not in used]
