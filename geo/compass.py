"""The 16-point compass, declared once for every module that reads or writes a heading.

Reports name directions three ways: abbreviations in English news ("50 km NNE of Cape
Soya"), English words ("north-northeast", the dataset's ``direction`` column) and Japanese
words in the Joint Staff releases (北北東). Positions need the bearing in degrees. Each
table below is keyed by the abbreviation, so every spelling leads to the same bearing.

Examples
--------
>>> BEARINGS["NNE"], WORDS["NNE"], JAPANESE["NNE"]
(22.5, 'north-northeast', '北北東')
>>> point_of("north-northeast"), point_of("北北東"), point_of("nne")
('NNE', 'NNE', 'NNE')
"""

from __future__ import annotations

#: The 16 points clockwise from north, as abbreviations.
POINTS = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
          "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
#: Bearing in degrees clockwise from true north.
BEARINGS = {point: i * 22.5 for i, point in enumerate(POINTS)}
_CARDINAL_WORDS = {"N": "north", "E": "east", "S": "south", "W": "west"}


def _word(point: str) -> str:
    """north-northeast: the first letter's word, a hyphen, then the last two letters as one word."""
    words = [_CARDINAL_WORDS[letter] for letter in point]
    return words[0] + "-" + "".join(words[1:]) if len(words) == 3 else "".join(words)


#: English words, as the dataset's ``direction`` column writes them ("northeast", "north-northeast").
WORDS = {point: _word(point) for point in POINTS}
#: Japanese words, as the releases write them.
JAPANESE = {"N": "北", "NNE": "北北東", "NE": "北東", "ENE": "東北東", "E": "東", "ESE": "東南東",
            "SE": "南東", "SSE": "南南東", "S": "南", "SSW": "南南西", "SW": "南西", "WSW": "西南西",
            "W": "西", "WNW": "西北西", "NW": "北西", "NNW": "北北西"}
_BY_NAME = {**{p.lower(): p for p in POINTS}, **{w.replace("-", ""): p for p, w in WORDS.items()},
            **{j: p for p, j in JAPANESE.items()}}


def point_of(name: str) -> str | None:
    """The abbreviation of a compass point named in any spelling, or None when it names none.

    Accepts the abbreviation and the English word in any case, with or without hyphens and
    spaces ("north-northeast", "North northeast", "south-east"), and the Japanese word.

    Examples
    --------
    >>> point_of("Northeast"), point_of("西北西"), point_of("up")
    ('NE', 'WNW', None)
    """
    return _BY_NAME.get(name.lower().replace("-", "").replace(" ", ""))
