"""Every filter dimension, declared once: URL parameter, control, options, mask, counts, phrase, file name.

The spec (:class:`dashboard.filters.FilterSpec`), the URL state, the layout, the callbacks,
the summary sentence and the download names all loop over :data:`FACETS`, so a new filter
is one :class:`Facet` here plus its test. The parts are plain functions of a frame built by
:mod:`sightings.pipeline` and a value, testable without Dash. Strait and sea names come
from :mod:`sightings.schema` alone, ship classes from the class dictionary
(:mod:`sightings.classes`). Hulls, seas and classes are lists per row (a report names two
seas, two classes, several hulls): a row matches when any of its items is chosen.

Dates are not a facet: the date range is a mask of its own (:func:`dashboard.filters.date_mask`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from dashboard import ids, search
from dashboard.i18n import N_, either, name, translate, translator
from sightings.pipeline import (
    ACTIVITY_KINDS, HULL_DELIMITER, NO_STRAIT, NOT_STATED, SHIP_CATEGORY_NAMES, activity_column, type_column,
)
from sightings.classes import ship_classes
from sightings.plausibility import FLAGS
from sightings.schema import DATE_BASES, SEA_AREAS, STRAITS

#: The first option of a one-of-several facet: no filter.
ANY = "any"
#: The value a ticked on/off facet sends from its checkbox and its URL parameter.
ON = "1"
MAX_SEARCH = 80


@dataclass(frozen=True)
class Kind:
    """How a facet's value is cleaned, written to the URL and set on its control."""

    default: Any
    clean: Callable[[Any, tuple[str, ...]], Any]
    to_params: Callable[[Any], list[str]]
    to_control: Callable[[Any], Any]


def _listed(value) -> list:
    """A value as a list (the URL gives lists, controls give lists or scalars)."""
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _clean_several(value, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if not isinstance(value, (str, list, tuple)):
        return ()
    known = set(allowed)
    return tuple(dict.fromkeys(v for v in _listed(value)[:len(known)] if isinstance(v, str) and v in known))


def _clean_one(value, allowed: tuple[str, ...]) -> str:
    first = _listed(value)[0] if _listed(value) else None
    return first if isinstance(first, str) and first in allowed else ANY


def _clean_text(value, _allowed) -> str:
    first = _listed(value)[0] if _listed(value) else None
    return " ".join(first.split())[:MAX_SEARCH] if isinstance(first, str) else ""


def _clean_flag(value, _allowed) -> bool:
    return any(v is True or v == ON for v in _listed(value)[:2])


#: Several options, OR'ed (a multi-select dropdown; a repeated URL parameter).
SEVERAL = Kind((), _clean_several, list, list)
#: One of the options, the first (:data:`ANY`) meaning no filter (radio items).
ONE = Kind(ANY, _clean_one, lambda v: [v] if v != ANY else [], lambda v: v)
#: Free text (a search box).
TEXT = Kind("", _clean_text, lambda v: [v] if v else [], lambda v: v)
#: On or off (a checkbox; ``?param=1``).
FLAG = Kind(False, _clean_flag, lambda v: [ON] if v else [], lambda v: [ON] if v else [])

#: Ship-type values of earlier versions that hold exactly the same ships under a category's
#: name, so an old link keeps working. The narrower old values ("Destroyer", "Oiler / supply",
#: "Tug / rescue", ...) are dropped like any unknown value: a category would widen them
#: (the class filter picks single classes).
RENAMED_TYPES = {"Landing ship": "Amphibious", "Intelligence ship": "Intelligence", "Minesweeper": "Mine warfare"}


@dataclass(frozen=True)
class Facet:
    """One filter dimension. ``mask(frame, value)`` selects rows (a bool array); ``counts(frame,
    keep)`` says how many of the ``keep`` rows each option would match; ``phrase(value, lang="en")`` is its part of the
    summary sentence in the page's language (:mod:`dashboard.i18n`); ``file_part(value)`` its part of the download
    name (None: the name just says "filtered"). ``label``, ``placeholder`` and the option labels are English message
    ids, shown through the catalogue."""

    field: str
    param: str
    control: str
    label: str
    kind: Kind
    mask: Callable[[pd.DataFrame, Any], np.ndarray]
    phrase: Callable[..., str]
    options: Callable[[pd.DataFrame], tuple[str, ...]] = lambda frame: ()
    counts: Callable[[pd.DataFrame, np.ndarray], dict[str, int]] | None = None
    option_label: Callable[[str], str] = str
    file_part: Callable[[Any], list[str]] | None = None
    placeholder: str = ""
    renamed: tuple[tuple[str, str], ...] = ()

    def rename(self, value):
        """``value`` with any old option name (``renamed``: old, new) replaced by the new one,
        before cleaning; a value that is not text or a list is left for the kind to refuse."""
        if not self.renamed or not isinstance(value, (str, list, tuple)):
            return value
        new = dict(self.renamed)
        return [new.get(v, v) if isinstance(v, str) else v for v in _listed(value)[:100]]

    def is_set(self, value) -> bool:
        """Whether ``value`` filters anything (the default does not)."""
        return value != self.kind.default

    def labelled_options(self, choices: tuple[str, ...], counts: dict[str, int], lang: str = "en") -> list[dict]:
        """Control options labelled (in ``lang``) with how many sightings each would match."""
        return [{"label": f"{name(self.option_label(value), lang)} ({counts.get(value, 0)})", "value": value}
                for value in choices]


# -- masks, counts and options, shared by several facets -------------------------------------
# A mask is a numpy bool array over the frame's rows; counts read a frame and a ``keep`` array
# (the rows the other filters leave), so no filtered frame is built just to be counted.
# Categorical columns are tested once per category (a list column's categories are its
# distinct lists) and counted with ``value_counts``. A facet binds its column with
# ``functools.partial``, so the function itself runs (and is tested) at each call.

def _category_mask(frame: pd.DataFrame, column: str, wanted) -> np.ndarray:
    """Rows whose categorical ``column`` is a category for which ``wanted(category)`` holds."""
    values = frame[column]
    return values.isin([category for category in values.cat.categories if wanted(category)]).to_numpy()


def _category_counts(column: str, frame: pd.DataFrame, keep: np.ndarray) -> dict[str, int]:
    """Kept rows per category of ``column`` (every category, zeros included)."""
    return frame[column][keep].value_counts().to_dict()


def _in_column(column: str, frame: pd.DataFrame, chosen: tuple[str, ...]) -> np.ndarray:
    """Rows whose categorical ``column`` is one of the chosen values."""
    return _category_mask(frame, column, set(chosen).__contains__)


def _flag(frame: pd.DataFrame, column: str) -> np.ndarray:
    return frame[column].to_numpy(dtype=bool)


def _any_indicator(column_of: Callable[[str], str], frame: pd.DataFrame, chosen: tuple[str, ...]) -> np.ndarray:
    """Rows with any of the chosen indicator columns set (OR)."""
    return np.logical_or.reduce([_flag(frame, column_of(c)) for c in chosen])


def _indicator_counts(column_of: Callable[[str], str], names: tuple[str, ...], frame: pd.DataFrame,
                      keep: np.ndarray) -> dict[str, int]:
    """Kept rows with each indicator column ``column_of(name)`` set."""
    return {name: int(np.count_nonzero(_flag(frame, column_of(name)) & keep)) for name in names}


def _has_item(column: str, frame: pd.DataFrame, chosen: tuple[str, ...]) -> np.ndarray:
    """Rows whose delimited list ``column`` (";548;011;") holds any chosen item exactly as
    written ("011" is not "11"); tested once per distinct list (the column's categories)."""
    wanted = [f"{HULL_DELIMITER}{item}{HULL_DELIMITER}" for item in chosen]
    return _category_mask(frame, column, lambda listed: any(w in listed for w in wanted))


def _item_counts(column: str, frame: pd.DataFrame, keep: np.ndarray) -> dict[str, int]:
    """Kept rows per item of the delimited list ``column`` (items in no kept row left out)."""
    found: dict[str, int] = {}
    for listed, rows_with_it in _category_counts(column, frame, keep).items():
        if rows_with_it:
            for item in _items(listed):
                found[item] = found.get(item, 0) + rows_with_it
    return found


def _items(listed: str) -> list[str]:
    return [item for item in listed.split(HULL_DELIMITER) if item]


def _hull_options(frame: pd.DataFrame) -> tuple[str, ...]:
    """Every hull number in the data, shortest first ("99" before "100"), then as text.

    Read from the distinct lists (the categories of ``facet:hulls``), not from every row.
    """
    hulls = {hull for listed in _present(frame, "facet:hulls") for hull in _items(listed)}
    return tuple(sorted(hulls, key=lambda h: (len(h), h)))


def _present(frame: pd.DataFrame, column: str) -> list[str]:
    """The categories of ``column`` that some row holds."""
    return [category for category, count in frame[column].value_counts().items() if count]


def _sea_options(frame: pd.DataFrame) -> tuple[str, ...]:
    """The schema's seas, then any other sea the layers or the reports named, then "not stated"."""
    named = {sea for listed in _present(frame, "facet:seas") for sea in _items(listed)}
    return (*SEA_AREAS, *sorted(named - set(SEA_AREAS) - {NOT_STATED}), NOT_STATED)


def _class_options(frame: pd.DataFrame) -> tuple[str, ...]:
    """Every class of the class dictionary (data/ship_classes.csv), alphabetically, so
    ``?class=`` takes any ``class_en`` it lists (a class no row names counts 0)."""
    return tuple(sorted(dict.fromkeys(ship_classes()["class_en"]), key=str.lower))


def classes_in_cell(text, known: tuple[str, ...]) -> tuple[str, ...]:
    """The known classes a vessels-table class cell names: "A" or, for a hull reported under
    two classes, "A; B" (each of them); () for "not stated" or anything unknown.

    Examples
    --------
    >>> classes_in_cell("Udaloy I-class destroyer; Udaloy III-class destroyer",
    ...                 ("Udaloy I-class destroyer", "Udaloy III-class destroyer"))
    ('Udaloy I-class destroyer', 'Udaloy III-class destroyer')
    """
    if not isinstance(text, str):
        return ()
    return tuple(name for name in dict.fromkeys(part.strip() for part in text[:1000].split(";")) if name in known)


def _either(names: tuple[str, ...], lang: str = "en") -> str:
    """The chosen names as alternatives, each as ``lang`` names it: 'frigate or destroyer'."""
    return either([name(n, lang) for n in names], lang)


def _strait_phrase(chosen: tuple[str, ...], lang: str = "en") -> str:
    """'Tsugaru Strait', 'Soya or Tsugaru straits', '... or no strait'; the Japanese names carry
    their own 海峡 ('宗谷海峡または津軽海峡')."""
    _ = translator(lang)
    names = [s for s in chosen if s != NO_STRAIT]
    if lang == "en":
        text = _either(names) + (" Strait" if len(names) == 1 else " straits") if names else ""
    else:
        text = _either(names, lang)
    if NO_STRAIT in chosen:
        text = _("{straits} or no strait").format(straits=text) if text else _("no strait")
    return text


def _hull_phrase(hulls: tuple[str, ...], lang: str = "en") -> str:
    _ = translator(lang)
    return (_("hull {hulls}") if len(hulls) == 1 else _("hulls {hulls}")).format(hulls=_either(hulls, lang))


def _flag_phrase(codes: tuple[str, ...], lang: str = "en") -> str:
    """'flagged: position names only an area' (the flags' labels, :data:`sightings.plausibility.FLAGS`,
    as ``lang`` names them through the catalogue)."""
    labels = [FLAGS[code].lower() if lang == "en" else name(FLAGS[code], lang) for code in codes]
    return translate("flagged: {flags}", lang).format(flags=either(labels, lang))


CHINESE_LABELS = {ANY: N_("any"), "yes": N_("with Chinese ships"), "no": N_("Russian ships only")}
PRIMARY_LABEL = N_("Joint Staff releases only")
#: The ``date_basis`` (:data:`sightings.schema.DATE_BASES`) of a day a source states.
STATED = DATE_BASES[0]
STATED_LABEL = N_("Stated dates only")


def _stated(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose ``event_date`` a source states (``date_basis`` "stated"); not those worked out
    from other pages ("inferred") or known only as the announcement day, nor a row whose basis is
    blank or, in a hand-made frame, absent: a date not said to be stated is not stated."""
    if "date_basis" not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame["date_basis"].eq(STATED).to_numpy(dtype=bool, na_value=False)


FACETS: tuple[Facet, ...] = (
    Facet("straits", "strait", ids.STRAITS, N_("Strait"), SEVERAL, partial(_in_column, "facet:straits"), _strait_phrase,
          options=lambda frame: (*STRAITS, NO_STRAIT), counts=partial(_category_counts, "facet:straits"),
          option_label=lambda v: N_("no strait (open sea)") if v == NO_STRAIT else v,
          file_part=lambda chosen: [s.lower() for s in chosen], placeholder=N_("any strait")),
    Facet("seas", "sea", ids.SEAS, N_("Sea area"), SEVERAL, partial(_has_item, "facet:seas"), _either,
          options=_sea_options, counts=partial(_item_counts, "facet:seas"), placeholder=N_("any sea")),
    Facet("ship_types", "type", ids.SHIP_TYPES, N_("Ship type"), SEVERAL, partial(_any_indicator, type_column), _either,
          options=lambda frame: tuple(c for c in SHIP_CATEGORY_NAMES if frame[type_column(c)].any()),
          counts=partial(_indicator_counts, type_column, SHIP_CATEGORY_NAMES), placeholder=N_("any type"),
          renamed=tuple(RENAMED_TYPES.items())),
    Facet("classes", "class", ids.CLASSES, N_("Ship class"), SEVERAL, partial(_has_item, "facet:classes"), _either,
          options=_class_options, counts=partial(_item_counts, "facet:classes"), placeholder=N_("any class")),
    Facet("search", "q", ids.SEARCH, N_("Search"), TEXT, search.mask,
          lambda text, lang="en": translate("matching “{text}”", lang).format(text=text),
          placeholder=N_("e.g. Vilkov, 襟裳岬, Udaloy or 548")),
    Facet("hulls", "hull", ids.HULLS, N_("Hull number"), SEVERAL, partial(_has_item, "facet:hulls"), _hull_phrase,
          options=_hull_options, counts=partial(_item_counts, "facet:hulls"),
          file_part=lambda hulls: [f"hull-{h}" for h in hulls], placeholder=N_("any hull number")),
    Facet("activities", "activity", ids.ACTIVITIES, N_("Activity"), SEVERAL, partial(_any_indicator, activity_column),
          _either, options=lambda frame: ACTIVITY_KINDS,
          counts=partial(_indicator_counts, activity_column, ACTIVITY_KINDS),
          placeholder=N_("any activity")),
    Facet("chinese", "chinese", ids.CHINESE, N_("Joint with Chinese ships"), ONE,
          lambda frame, value: _flag(frame, "with_chinese_ships") == (value == "yes"),
          lambda value, lang="en": (translate("with Chinese ships", lang) if value == "yes"
                                    else translate("without Chinese ships", lang)),
          options=lambda frame: tuple(CHINESE_LABELS),
          counts=lambda frame, keep: {ANY: int(np.count_nonzero(keep)),
                                      "yes": int(np.count_nonzero(_flag(frame, "with_chinese_ships") & keep)),
                                      "no": int(np.count_nonzero(~_flag(frame, "with_chinese_ships") & keep))},
          option_label=CHINESE_LABELS.get),
    Facet("primary", "primary", ids.PRIMARY, N_("Primary source"), FLAG,
          lambda frame, on: _flag(frame, "primary_source"),
          lambda on, lang="en": translate("from Joint Staff releases", lang),
          options=lambda frame: (ON,),
          counts=lambda frame, keep: {ON: int(np.count_nonzero(_flag(frame, "primary_source") & keep))},
          option_label=lambda value: PRIMARY_LABEL, file_part=lambda on: ["primary-source"]),
    Facet("stated", "stated", ids.STATED_DATES, N_("Date basis"), FLAG,
          lambda frame, on: _stated(frame), lambda on, lang="en": translate("with stated dates", lang),
          options=lambda frame: (ON,),
          counts=lambda frame, keep: {ON: int(np.count_nonzero(_stated(frame) & keep))},
          option_label=lambda value: STATED_LABEL, file_part=lambda on: ["stated-dates"]),
    Facet("flags", "flag", ids.FLAGS, N_("Checks"), SEVERAL, partial(_has_item, "facet:flags"), _flag_phrase,
          options=lambda frame: tuple(FLAGS), counts=partial(_item_counts, "facet:flags"), option_label=FLAGS.get,
          file_part=lambda chosen: [f"flag-{code}" for code in chosen], placeholder=N_("all sightings")),
)
BY_FIELD = {facet.field: facet for facet in FACETS}
#: Facets whose control lists options with counts.
COUNTED = tuple(facet for facet in FACETS if facet.counts is not None)


def options(frame: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """The choices each facet offers, from the loaded data and the schema's vocabulary."""
    return {facet.field: facet.options(frame) for facet in FACETS}
