"""Filters in the query string, so a URL reproduces a view: ``?from=2022-01-01&strait=Tsugaru``.

The query string is user input: :func:`spec_from_query` goes through
:meth:`FilterSpec.clean`, so an unknown strait, a date like ``9999-99-99`` or ten thousand
values are dropped, never passed on.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from dashboard.filters import FilterSpec

#: Query parameter for each spec field (repeated parameters hold lists).
PARAMS = {"start": "from", "end": "to", "straits": "strait", "seas": "sea", "ship_types": "type",
          "activities": "activity", "chinese": "chinese", "search": "q"}
MAX_QUERY = 4000


def spec_to_query(spec: FilterSpec) -> str:
    """``?from=...&strait=...`` for the spec; empty string for the default view."""
    pairs = []
    for field, param in PARAMS.items():
        value = getattr(spec, field)
        if isinstance(value, tuple):
            pairs += [(param, v) for v in value]
        elif value and value != "any":
            pairs.append((param, value.isoformat() if hasattr(value, "isoformat") else value))
    return "?" + urlencode(pairs) if pairs else ""


def spec_from_query(query: str | None, options: dict[str, tuple[str, ...]]) -> FilterSpec:
    """The spec a query string asks for, keeping only known options."""
    values = parse_qs((query or "").lstrip("?")[:MAX_QUERY], keep_blank_values=False)
    single = {"start", "end", "chinese", "search"}
    return FilterSpec.clean(options, **{
        field: (values.get(param, [None])[0] if field in single else values.get(param, []))
        for field, param in PARAMS.items()})
