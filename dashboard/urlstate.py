"""Filters in the query string, so a URL reproduces a view: ``?from=2022-01-01&strait=Tsugaru``.

The query string is user input: :func:`spec_from_query` goes through
:meth:`FilterSpec.clean`, so an unknown strait, a date like ``9999-99-99`` or ten thousand
values are dropped, never passed on. Each facet names its own parameter
(:data:`dashboard.facets.FACETS`); the dates are ``from`` and ``to``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from dashboard.facets import FACETS
from dashboard.filters import FilterSpec

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
