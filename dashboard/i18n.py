"""Japanese throughout: the page's language, one message catalogue, and the names of things in Japanese.

**The catalogue.** English strings are the message ids (gettext's convention): code writes
``_("Reset all filters")`` with ``_ = translator(lang)`` at the top of each builder, and
``N_("Strait")`` marks a string declared now and translated where it is shown (a facet's
label). The Japanese lives in ``dashboard/locale/ja/LC_MESSAGES/messages.po``, read once with
Babel's ``read_po``; a string with no Japanese falls back to English, never to a blank.
Names that already have a home are not in the catalogue: straits (:mod:`geo.straits`), seas
(:mod:`geo.seas`) and ship classes (``data/ship_classes.csv`` ``class_ja``) are looked up there
by :func:`name`. ``tests/unit/test_i18n.py`` extracts every ``_``/``N_`` call of the dashboard
with Babel's extractor and checks that each has Japanese with the same ``{placeholders}``.

**The language of a page** is chosen once per page load, on the server, so every label is
built in one language and no callback has to re-translate the page:

1. The URL says it: ``?lang=ja`` (kept there: the filter callback writes the query string with
   :func:`with_language`, so filter changes, reloads and shared links keep it).
2. ``assets/language.js`` runs before Dash's renderer. It takes ``lang`` from the page URL or,
   when the URL has none, from the choice remembered in the browser (the ``dcc.Store``
   :data:`dashboard.ids.LANGUAGE_CHOICE`, ``storage_type="local"``); sets ``<html lang>`` (so
   ``:lang(ja)`` in ``assets/i18n.css`` puts the bundled font first); and adds ``lang`` to the
   renderer's one request for the page, ``GET /_dash-layout?lang=ja``.
   (The Referer header would carry the page URL too, but the app sends
   ``Referrer-Policy: no-referrer``; the renderer's fetch options are fixed by Dash.)
3. ``app.layout`` is a function (Dash calls it per ``/_dash-layout`` request): it reads
   :func:`request_language` and returns the page built for that language
   (:func:`dashboard.layout.build_layout` ``(data, lang)``, both built once at start-up).
4. The page carries its language in :data:`dashboard.ids.LANGUAGE` (a ``dcc.Store``); callbacks
   read it as a ``State`` to build the summary, the option labels and the charts in it.
5. The language switch (the map's "Language" radio, :data:`dashboard.ids.MAP_LANGUAGE`, which
   also names the map's places) remembers the choice and navigates to the same URL with
   ``lang`` changed (a ``dcc.Location`` with ``refresh=True``): a new page in the other language.

Examples
--------
>>> translate("Reset all filters", "ja")
'すべての条件をリセット'
>>> translate("Reset all filters", "en"), translate("no such message", "ja")
('Reset all filters', 'no such message')
>>> name("Tsugaru", "ja"), name("Sea of Japan", "ja")
('津軽海峡', '日本海')
>>> with_language("?strait=Soya", "ja"), with_language("?lang=ja&strait=Soya", "en")
('?strait=Soya&lang=ja', '?strait=Soya')
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from babel.messages.pofile import read_po

from geo.compass import POINTS, WORDS
from geo.seas import OTHER_SEAS, SEAS
from geo.straits import STRAITS
from sightings.classes import ship_classes
from sightings.pipeline import ACTIVITY_KINDS, NOT_STATED, OPEN_SEA, SHIP_CATEGORY_NAMES
from sightings.plausibility import FLAGS
from sightings.stats import ALL_HEADINGS, UNITS

#: The page's languages, the first the default; the labels are how each names itself.
LANGUAGES = {"en": "English", "ja": "日本語"}
DEFAULT = "en"
#: The query-string parameter that chooses the language.
PARAM = "lang"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
#: The Japanese catalogue (``make messages`` updates it from the code).
CATALOGUE_PATH = LOCALE_DIR / "ja" / "LC_MESSAGES" / f"{DOMAIN}.po"
#: The bundled Japanese font's family name (assets/i18n.css, assets/fonts/).
FONT_FAMILY = "Straitwatch Noto Sans JP"
#: Chart text in Japanese: the bundled font first, so a machine without CJK fonts shows it too.
FIGURE_FONT = {"family": f'"{FONT_FAMILY}", system-ui, sans-serif'}


def language(value) -> str:
    """A known language code from untrusted input (URL, store, request), else the default.

    >>> language("ja"), language("JA"), language(["ja"]), language("fr"), language(None)
    ('ja', 'en', 'en', 'en', 'en')
    """
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT


def language_of_query(query: str | None) -> str:
    """The language a query string (``?strait=Soya&lang=ja``) asks for; the default when none.

    >>> language_of_query("?strait=Soya&lang=ja"), language_of_query("?lang=xx"), language_of_query(None)
    ('ja', 'en', 'en')
    """
    pairs = parse_qsl((query or "").lstrip("?")[:4000])
    return language(next((value for key, value in pairs if key == PARAM), None))


def with_language(query: str, lang: str) -> str:
    """``query`` (``""`` or ``"?..."``) with the language parameter set for ``lang``: appended for a
    language other than the default, removed for the default (English URLs stay as they were)."""
    pairs = [(key, value) for key, value in parse_qsl((query or "").lstrip("?")) if key != PARAM]
    if language(lang) != DEFAULT:
        pairs.append((PARAM, language(lang)))
    return "?" + urlencode(pairs) if pairs else ""


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """The message ids of ``lang``'s catalogue and their translations (only translated ones);
    ``{}`` for the default language. Read once per process."""
    if language(lang) == DEFAULT:
        return {}
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as handle:
        read = read_po(handle, locale=lang)
    return {message.id: message.string for message in read
            if message.id and isinstance(message.id, str) and message.string}


def translate(text: str, lang: str) -> str:
    """``text`` (an English message id) in ``lang``; the English itself when there is no translation."""
    return catalogue(language(lang)).get(text, text)


def translator(lang: str) -> Callable[[str], str]:
    """A gettext-style ``_`` for ``lang``: ``_ = translator(lang)`` at the top of a builder."""
    lang = language(lang)
    if lang == DEFAULT:
        return _same
    table = catalogue(lang)
    return lambda text: table.get(text, text)


def N_(text: str) -> str:
    """Mark ``text`` for the catalogue where it is declared; it is translated where it is shown."""
    return text


def name(value: str, lang: str) -> str:
    """A vocabulary value as ``lang`` names it: a strait ("Tsugaru", or its display name), a sea, a
    ship class (``class_ja``), else the catalogue (ship types, activities, option labels); the
    value itself when nothing names it (hull numbers)."""
    if language(lang) == DEFAULT or not isinstance(value, str):
        return value
    return _japanese_names().get(value) or translate(value, lang)


def either(names, lang: str) -> str:
    """Names joined as alternatives: 'Soya or Tsugaru', '宗谷海峡または津軽海峡'."""
    return translate(" or ", lang).join(names)


def figure_font(lang: str) -> dict:
    """A Plotly figure's ``layout.font`` for ``lang`` ({} keeps Plotly's default for English)."""
    return dict(FIGURE_FONT) if language(lang) != DEFAULT else {}


def request_language() -> str:
    """The language the current Flask request asks for (``?lang=``); the default outside a request."""
    import flask   # Dash's server; imported here so this module stays importable without a request

    if not flask.has_request_context():
        return DEFAULT
    return language(flask.request.args.get(PARAM))


def vocabulary() -> tuple[str, ...]:
    """The record's words the page shows as values, translated through the catalogue by :func:`name`
    (ship types, activities, lanes, headings, "not stated", the checks' flag labels), and the units
    the statistics count in (:data:`sightings.stats.UNITS`, named by the charts' citations): messages
    no ``_()`` call names.
    Straits, seas and classes are not here: their Japanese has its own home."""
    headings = [WORDS[point] for point in POINTS if len(point) <= 2]     # what geo.tracks.heading gives
    return tuple(dict.fromkeys([*SHIP_CATEGORY_NAMES, *ACTIVITY_KINDS, OPEN_SEA, NOT_STATED, ALL_HEADINGS, *headings,
                                     *FLAGS.values(), *UNITS.values()]))


def translated_columns(columns: list[dict], lang: str) -> list[dict]:
    """AG Grid column definitions with each ``headerName`` (a message id) in ``lang``."""
    in_language = translator(lang)     # not ``_``: the header names are message ids already (N_)
    return [{**column, "headerName": in_language(column["headerName"])} if "headerName" in column else column
            for column in columns]


def _same(text: str) -> str:
    return text


@functools.cache
def _japanese_names() -> dict[str, str]:
    """English name -> Japanese, from the homes of straits, seas and ship classes."""
    names = {**SEAS, **OTHER_SEAS}
    for strait in STRAITS.values():
        names[strait.name] = strait.japanese
        names[strait.display] = strait.japanese
    classes = ship_classes()
    names.update({en: ja for en, ja in zip(classes["class_en"], classes["class_ja"], strict=True) if en and ja})
    return names
