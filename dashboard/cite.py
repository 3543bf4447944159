"""The "Cite this view" text: what a reader needs to find the same rows again.

Analysts quote Straitwatch's numbers; a number is checkable only with the view it came from
(the page's URL, whose query string holds the filters), the dataset version (the rows change
as releases are added) and the day it was read. The text is a pure function of those, so the
callback only passes them in.
"""

from __future__ import annotations

import datetime as dt

from dashboard.feeds import SOURCE_LINE
from dashboard.filters import FilterSpec
from dashboard.i18n import DEFAULT, translate, with_language
from dashboard.urlstate import spec_to_query


def version_line(version: str, lang: str = DEFAULT) -> str:
    """The line the page shows: ``'Dataset version 2026.12.1'`` (in ``lang``)."""
    return translate("Dataset version {version}", lang).format(version=version)


def cite_text(page_href: str | None, spec: FilterSpec, version: str, accessed: dt.date, lang: str = DEFAULT) -> str:
    """The citation of the view ``spec`` on the page at ``page_href`` (its own query and fragment dropped).

    The view's URL is the page's address with ``spec``'s query string, the same one the
    downloads and feeds carry, so the cited link opens exactly these rows. Without an
    address (before the browser reported it) the URL is the path alone. A page in another
    language (``lang``) cites its URL with ``lang=`` (the link opens in that language); the
    citation's words stay English, as a reference list quotes it.

    Examples
    --------
    >>> print(cite_text("https://straitwatch.example/?strait=Soya#map", FilterSpec(straits=("Tsugaru",)),
    ...                 "2026.12.1", dt.date(2026, 12, 7)))
    Straitwatch, Russian Navy movements around Japan. Dataset version 2026.12.1.
    View: https://straitwatch.example/?strait=Tsugaru
    Accessed: 2026-12-07
    Source: Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch
    """
    return (f"Straitwatch, Russian Navy movements around Japan. {version_line(version)}.\n"
            f"View: {view_link(page_href, spec, lang)}\n"
            f"Accessed: {accessed.isoformat()}\n"
            f"Source: {SOURCE_LINE}")


def view_link(page_href: str | None, spec: FilterSpec, lang: str = DEFAULT) -> str:
    """The permalink of ``spec``'s view: the page's address (its query and fragment dropped) with the
    spec's query string (the path alone before the browser reported the address), with ``lang=``
    for a page in another language (the link opens in that language).

    >>> view_link("https://straitwatch.example/?strait=Soya#map", FilterSpec(straits=("Tsugaru",)))
    'https://straitwatch.example/?strait=Tsugaru'
    """
    page = (page_href or "/").partition("#")[0].partition("?")[0]
    return f"{page}{with_language(spec_to_query(spec), lang)}"
