"""Turn a report's position phrase into a point: "about 180 km east-northeast of Cape Erimo".

Japan's Joint Staff gives positions as a distance and compass bearing from a named place;
English news converts the kilometres to statute miles. :func:`locate` reads the first such
fragment of a phrase, finds the place in the gazetteer and walks the WGS84 geodesic with
``pyproj.Geod``. A phrase that only says "between A and B" gives the geodesic midpoint.
Anything else raises :class:`LocateError` naming the text and, for a near miss, the
closest known place names.

The text comes from anyone (an import, a browser upload), so it is bounded before any
pattern runs (:data:`MAX_PHRASE`) and every pattern is linear in its length: digit runs
are bounded and anchored at their first digit, and "between A and B" is found by
splitting, not by a lazy scan.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from pyproj import Geod

from geo.compass import BEARINGS, POINTS, WORDS, point_of
from geo.places import name_key, place_index, place_point, strip_parentheses

WGS84 = Geod(ellps="WGS84")
#: Longest phrase :func:`locate` reads (characters); longer text is refused before any pattern runs.
MAX_PHRASE = 2000

#: Kilometres per unit. "miles" in English news are statute miles (converted from km).
UNITS_KM = {"km": 1.0, "mi": 1.609344, "nm": 1.852}
_UNIT_WORDS = (
    (r"nautical\s+miles?|n\.\s?m\.|nmi?", "nm"),
    (r"kilomet(?:er|re)s?|kms?", "km"),
    (r"(?:statute\s+)?miles?|mi", "mi"),
)
#: A distance: up to 7 digits (or 1,234,567,890), up to 6 decimals. It starts only at the
#: first digit of a run, so a long run of digits costs one bounded try, not one per digit.
_NUMBER = r"(?<!\d)(?:\d{1,3}(?:,\d{3}){1,3}|\d{1,7})(?:\.\d{1,6})?"
#: Farthest distance (km) a phrase may give: the mapped region is about 6,000 km across, and
#: a farther figure is a typo (or an attack: 10,000,000 km wraps the globe to a plausible point).
MAX_DISTANCE_KM = 5000.0
_QUALIFIER = r"(?:about|some|approximately|approx\.?|around|roughly|nearly|almost|just\s+over|over)\s+"


def _direction_pattern() -> str:
    spelled = []
    for point in POINTS:
        parts = [WORDS[c] for c in point]
        if len(parts) == 3:     # north-northeast: the last two letters make one word
            spelled.append(parts[0] + r"[\s-]?" + parts[1] + parts[2])
        elif len(parts) == 2:
            spelled.append(parts[0] + r"[\s-]?" + parts[1])
        else:
            spelled.append(parts[0])
    abbreviations = list(POINTS)
    alternatives = sorted(spelled, key=len, reverse=True) + sorted(abbreviations, key=len, reverse=True)
    return "|".join(alternatives)


_UNIT = "|".join(f"(?:{pattern})" for pattern, _ in _UNIT_WORDS)
#: A distance with a sign or an exponent ("-50 km", "1e308 km"): the fragment pattern would
#: read only its digits ("50", "308"), so such a figure is refused before it is read. The
#: figure starts only where no word character precedes it and its runs are bounded: linear.
_SIGNED = re.compile(
    r"(?<![\w.,])(?P<value>[-+\u2212\u2013]\s?\d[\d,]{0,24}(?:\.\d{1,12})?(?:[eE][-+]?\d{1,6})?"
    rf"|\d[\d,]{{0,24}}(?:\.\d{{1,12}})?[eE][-+]?\d{{1,6}})\s*(?:{_UNIT})(?![a-z])",
    re.IGNORECASE)
_FRAGMENT = re.compile(
    rf"(?:{_QUALIFIER})?(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})(?![a-z])\.?"
    rf"(?:\s*\((?:{_QUALIFIER})?(?P<num2>{_NUMBER})\s*(?P<unit2>{_UNIT})(?![a-z])\.?\))?"
    rf"\s+(?:to\s+the\s+)?(?P<dir>{_direction_pattern()})\s+of\s+(?:the\s+)?(?P<place>[^;(]+)",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\s", re.IGNORECASE)
_AND = re.compile(r"\sand\s", re.IGNORECASE)
_ARTICLE = re.compile(r"^\s*(?:the\s+)?", re.IGNORECASE)


class LocateError(ValueError):
    """A phrase that cannot be turned into a point; the message names the text and the fix."""


class UnknownPlaceError(LocateError):
    """A distance and bearing were given from a place the gazetteer does not know."""


class DistanceError(LocateError):
    """A distance that is no distance: signed, an exponent, zero, or farther than :data:`MAX_DISTANCE_KM`.

    Like an unknown place it is refused, never replaced by a guessed position.
    """


@dataclass(frozen=True)
class Location:
    """A point derived from a phrase, with what it was derived from."""

    lat: float
    lon: float
    anchor: str
    distance_km: float | None
    bearing_deg: float | None
    fragment: str


def locate(text: str) -> Location:
    """Derive a point from the first distance-bearing-place fragment of ``text``.

    Falls back to the midpoint of "between A and B" when no distance is given.

    Raises
    ------
    UnknownPlaceError
        When a distance and bearing are given from a place the gazetteer does not know.
    DistanceError
        When the distance is signed, has an exponent, is zero or is farther than
        :data:`MAX_DISTANCE_KM` ("-50 km", "1e308 km", "9,999,999 km").
    LocateError
        When no fragment parses (or a 'between' names an unknown place).

    Examples
    --------
    >>> locate("about 180 km east-northeast of Cape Erimo")
    Location(lat=42.52679, lon=145.27244, anchor='Cape Erimo', distance_km=180.0, bearing_deg=67.5, fragment='about 180 km east-northeast of Cape Erimo')
    >>> locate("between Cape Soya and Cape Crillon").anchor
    'Cape Soya / Cape Crillon'
    """
    if not isinstance(text, str) or not text.strip():
        raise LocateError("cannot locate an empty phrase; expected e.g. 'about 180 km "
                          "east-northeast of Cape Erimo'")
    _check_length(text)
    signed = _SIGNED.search(text)
    if signed:
        raise DistanceError(f"distance {signed.group('value')!r} in {text!r} is not a plain positive number "
                            "(no sign, no exponent); write it as the report gives it, e.g. 'about 50 km north "
                            "of Cape Soya'")
    match = _FRAGMENT.search(text)
    if match:
        distance_km = _distance_km(match)
        bearing = BEARINGS[point_of(match.group("dir"))]
        anchor = find_place(match.group("place"), text)
        lat, lon = offset(anchor, bearing, distance_km)
        fragment = re.split(r"[,;(]", match.group(0), maxsplit=1)[0].strip()
        return Location(lat, lon, anchor, distance_km, bearing, fragment)
    between = _between(text)
    if between:
        a, b, fragment = between
        try:
            first = find_place(a, text)
            second = find_place(b, text)
        except UnknownPlaceError as exc:
            raise LocateError(f"cannot place 'between' fragment: {exc}") from None
        (lat1, lon1), (lat2, lon2) = place_point(first), place_point(second)
        lon, lat = WGS84.npts(lon1, lat1, lon2, lat2, 1)[0]
        return Location(round(lat, 5), round(lon, 5), f"{first} / {second}", None, None, fragment)
    raise LocateError(f"no 'DISTANCE DIRECTION of PLACE' or 'between A and B' fragment in "
                      f"{text!r}; expected e.g. 'about 180 km east-northeast of Cape Erimo'")


def offset(anchor: str, bearing_deg: float, distance_km: float) -> tuple[float, float]:
    """(lat, lon), rounded to 5 decimals, ``distance_km`` from a gazetteer place along a WGS84 geodesic.

    Examples
    --------
    >>> offset("Cape Soya", 0.0, 50.0)
    (45.97276, 141.9366)
    """
    lat0, lon0 = place_point(anchor)
    lon, lat, _ = WGS84.fwd(lon0, lat0, bearing_deg, distance_km * 1000.0)
    return round(lat, 5), round(lon, 5)


def find_place(fragment: str, text: str | None = None) -> str:
    """The gazetteer name for the place a fragment names (longest spelling found wins).

    Examples
    --------
    >>> find_place("the Cape Soya area (Hokkaido)")
    'Cape Soya'
    """
    _check_length(fragment)
    key = name_key(re.split(r"[,;(]", fragment, maxsplit=1)[0])
    words = f" {key} "              # keys are single-spaced words: a spelling is a run of them
    index = place_index()
    best = None
    for spelling, name in index.items():
        if f" {spelling} " in words:
            if best is None or len(spelling) > len(best[0]):
                best = (spelling, name)
    if best:
        return best[1]
    close = difflib.get_close_matches(key, list(index), n=3, cutoff=0.8)
    names = list(dict.fromkeys(index[k] for k in close))
    hint = f" (did you mean {' or '.join(names)}?)" if names else \
        " (see data/gazetteer.csv for the known places)"
    where = f" in {text!r}" if text and text.strip() != fragment.strip() else ""
    place = re.split(r"[,;(]", fragment, maxsplit=1)[0].strip()
    raise UnknownPlaceError(f"unknown place {place!r}{where}{hint}")


def _check_length(text: str) -> None:
    if len(text) > MAX_PHRASE:
        raise LocateError(f"the phrase is {len(text):,} characters long; a position phrase may have at most "
                          f"{MAX_PHRASE:,} (e.g. 'about 180 km east-northeast of Cape Erimo')")


def _between(text: str) -> tuple[str, str, str] | None:
    """(first place, second place, fragment) of the first "between A and B" in ``text``.

    Parenthesised asides are dropped and the text is cut at ';' and '(' first; in each
    piece the first "between" and the first "and" after it decide, so the cost is linear.
    """
    for piece in re.split(r"[;(]", strip_parentheses(text)):
        start = _BETWEEN.search(piece)
        if not start:
            continue
        joint = _AND.search(piece, start.end() + 1)
        if not joint:
            continue
        first = _ARTICLE.sub("", piece[start.end():joint.start()], count=1)
        second = _ARTICLE.sub("", piece[joint.end():], count=1).split(",", 1)[0]
        if first.strip() and second.strip():
            end = joint.end() + len(piece[joint.end():].split(",", 1)[0])
            return first, second, piece[start.start():end].strip()
    return None


def _distance_km(match: re.Match) -> float:
    """Kilometres of a fragment, preferring a km figure given in parentheses; refused unless plausible.

    Raises :class:`DistanceError` for zero or more than :data:`MAX_DISTANCE_KM`, naming the figure.
    """
    if match.group("num2") and _unit(match.group("unit2")) == "km":
        given, km = f"{match.group('num2')} {match.group('unit2')}", _number(match.group("num2"))
    else:
        given = f"{match.group('num')} {match.group('unit')}"
        km = _number(match.group("num")) * UNITS_KM[_unit(match.group("unit"))]
    if not (0 < km <= MAX_DISTANCE_KM):     # also False for NaN
        raise DistanceError(f"distance {given!r} in {match.string!r} is {'zero' if km == 0 else 'too far'}: "
                            f"a position is from more than 0 to {MAX_DISTANCE_KM:,.0f} km from its place "
                            "(a typo in the figure or its unit?)")
    return km


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _unit(word: str) -> str:
    for pattern, unit in _UNIT_WORDS:
        if re.fullmatch(pattern, word.strip(), re.IGNORECASE):
            return unit
    raise LocateError(f"unknown distance unit {word!r}; expected km, miles or nautical miles")
