"""The seas a report can name, declared once.

The dataset's ``sea_area`` vocabulary, the seas layer's polygons, the releases' Japanese
names (「東シナ海へ向けて航行」) and the other English words reports use for a sea all
meet here.

Examples
--------
>>> SEAS["East China Sea"]
'東シナ海'
>>> sea_of("Japan Sea"), sea_of("オホーツク海"), sea_of("Atlantic")
('Sea of Japan', 'Sea of Okhotsk', None)
"""

from __future__ import annotations

#: The dataset's sea names and the releases' Japanese names, in the order lists show them.
SEAS = {
    "Sea of Japan": "日本海",
    "Sea of Okhotsk": "オホーツク海",
    "East China Sea": "東シナ海",
    "Pacific Ocean": "太平洋",
    "Yellow Sea": "黄海",
    "Seto Inland Sea": "瀬戸内海",
    "South China Sea": "南シナ海",
}
#: The dataset's sea names, in order.
NAMES = tuple(SEAS)
#: Seas outside the vocabulary that releases name, with their English names as stated.
OTHER_SEAS = {"Philippine Sea": "フィリピン海"}
#: Other names reports use, and the dataset's name they mean (the Philippine Sea is drawn
#: as part of the Pacific: the seas layer has no polygon of its own for it).
SYNONYMS = {"Japan Sea": "Sea of Japan", "East Sea": "Sea of Japan", "Okhotsk Sea": "Sea of Okhotsk",
            "Philippine Sea": "Pacific Ocean", "フィリピン海": "Pacific Ocean"}
_ENGLISH = {japanese: english for english, japanese in (*SEAS.items(), *OTHER_SEAS.items())}
_BY_NAME = {**{n.lower(): n for n in SEAS}, **{j: n for n, j in SEAS.items()},
            **{s.lower(): n for s, n in SYNONYMS.items()}}


def sea_in_english(japanese: str) -> str | None:
    """The English name of a sea a release names in Japanese, as stated (フィリピン海 -> Philippine Sea).

    >>> sea_in_english("フィリピン海"), sea_in_english("東シナ海"), sea_in_english("地中海")
    ('Philippine Sea', 'East China Sea', None)
    """
    return _ENGLISH.get(japanese)


def sea_of(name: str) -> str | None:
    """The dataset's sea for a name in English (any case) or Japanese, or None for no known sea.

    Examples
    --------
    >>> sea_of("sea of japan"), sea_of("日本海"), sea_of("Atlantic")
    ('Sea of Japan', 'Sea of Japan', None)
    """
    return _BY_NAME.get(name.strip().lower())
