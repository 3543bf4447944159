"""The straits Straitwatch counts passages of, declared once.

The dataset's ``strait`` column, the join's ``in_strait`` (the straits layer's polygons), the
Japanese releases, the map's label points and the charts' colours all name the same seven
straits; each is one :class:`Strait` here, in the order every table and chart lists them
(north to south-west, Nemuro last as the least used).

Examples
--------
>>> STRAITS["Tsugaru"].japanese, STRAITS["Tsugaru"].label_point
('津軽海峡', 'Tsugaru Strait (label point)')
>>> strait_of_layer_name("Tsushima Strait West Channel (Korea Strait)")
'Tsushima'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Strait:
    """One strait: how the dataset, the layer, the releases and the map name and draw it.

    Attributes
    ----------
    name : the dataset's value ("Soya").
    display : how the page names it ("Soya (La Perouse) Strait").
    japanese : the releases' name (宗谷海峡).
    label_point : the gazetteer row used for a report that names only the strait.
    layer_names : the straits layer's ``name_en`` values that are this strait (Tsushima has two channels).
    colour : its colour in every chart and on the map (Okabe-Ito, colour-blind safe).
    specified_area : one of Japan's "specified areas" with a 3-nm territorial sea.
    """

    name: str
    display: str
    japanese: str
    label_point: str
    layer_names: tuple[str, ...]
    colour: str
    specified_area: bool


STRAITS = {s.name: s for s in (
    Strait("Soya", "Soya (La Perouse) Strait", "宗谷海峡", "Soya Strait (label point)",
           ("Soya (La Perouse) Strait",), "#0072B2", True),
    Strait("Tsugaru", "Tsugaru Strait", "津軽海峡", "Tsugaru Strait (label point)",
           ("Tsugaru Strait",), "#D55E00", True),
    Strait("Tsushima", "Tsushima Strait", "対馬海峡", "Tsushima Strait East Channel (label point)",
           ("Tsushima Strait East Channel", "Tsushima Strait West Channel (Korea Strait)"), "#009E73", True),
    Strait("Osumi", "Osumi Strait", "大隅海峡", "Osumi Strait (label point)",
           ("Osumi Strait",), "#CC79A7", True),
    Strait("Miyako", "Miyako Strait", "宮古海峡", "Miyako Strait (label point)",
           ("Miyako Strait",), "#E69F00", False),
    Strait("Yonaguni", "Yonaguni-Iriomote waterway", "与那国島・西表島間", "Yonaguni-Iriomote waterway (label point)",
           ("Yonaguni-Iriomote waterway",), "#56B4E9", False),
    Strait("Nemuro", "Nemuro Strait", "根室海峡", "Nemuro Strait (label point)",
           ("Nemuro Strait",), "#F0E442", False),
)}
#: The dataset's strait names, in order.
NAMES = tuple(STRAITS)


def strait_of_layer_name(layer_name: str) -> str:
    """The dataset's strait for a straits-layer polygon name ('' for none).

    Examples
    --------
    >>> strait_of_layer_name("Soya (La Perouse) Strait"), strait_of_layer_name("Bering Strait")
    ('Soya', '')
    """
    return next((s.name for s in STRAITS.values() if layer_name in s.layer_names), "")
