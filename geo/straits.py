"""The straits Straitwatch counts passages of, declared once.

The dataset's ``strait`` column, the join's ``in_strait`` (the straits layer's polygons, built
from the :class:`Channel` entries here), the Japanese releases, the map's label points and the
charts' colours all name the same seven straits; each is one :class:`Strait` here, in the order every table and chart lists them
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
class Channel:
    """One polygon of the straits layer: a whole strait, or one channel of it (Tsushima has two).

    Attributes
    ----------
    id : the layer's ``strait_id`` ("tsushima_east").
    layer_name : the layer's ``name_en``.
    label_point : the gazetteer row inside it (the layer build keeps the water holding it).
    japanese : the layer's ``name_ja`` when the channel has a name of its own ("" for the strait's).
    """

    id: str
    layer_name: str
    label_point: str
    japanese: str = ""


@dataclass(frozen=True)
class Strait:
    """One strait: how the dataset, the layer, the releases and the map name and draw it.

    Attributes
    ----------
    name : the dataset's value ("Soya").
    display : how the page names it ("Soya (La Perouse) Strait").
    japanese : the releases' name (宗谷海峡).
    channels : its polygons in the straits layer, the main one first.
    colour : its colour in every chart and on the map (Okabe-Ito, colour-blind safe).
    specified_area : one of Japan's "specified areas" with a 3-nm territorial sea.
    """

    name: str
    display: str
    japanese: str
    channels: tuple[Channel, ...]
    colour: str
    specified_area: bool

    @property
    def label_point(self) -> str:
        """The gazetteer row used for a report that names only the strait (its main channel's)."""
        return self.channels[0].label_point

    @property
    def layer_names(self) -> tuple[str, ...]:
        """The straits layer's ``name_en`` values that are this strait."""
        return tuple(channel.layer_name for channel in self.channels)


STRAITS = {s.name: s for s in (
    Strait("Soya", "Soya (La Perouse) Strait", "宗谷海峡",
           (Channel("soya", "Soya (La Perouse) Strait", "Soya Strait (label point)"),), "#0072B2", True),
    Strait("Tsugaru", "Tsugaru Strait", "津軽海峡",
           (Channel("tsugaru", "Tsugaru Strait", "Tsugaru Strait (label point)"),), "#D55E00", True),
    Strait("Tsushima", "Tsushima Strait", "対馬海峡",
           (Channel("tsushima_east", "Tsushima Strait East Channel", "Tsushima Strait East Channel (label point)",
                    "対馬海峡東水道"),
            Channel("tsushima_west", "Tsushima Strait West Channel (Korea Strait)",
                    "Tsushima Strait West Channel (label point)", "対馬海峡西水道")), "#009E73", True),
    Strait("Osumi", "Osumi Strait", "大隅海峡",
           (Channel("osumi", "Osumi Strait", "Osumi Strait (label point)"),), "#CC79A7", True),
    Strait("Miyako", "Miyako Strait", "宮古海峡",
           (Channel("miyako", "Miyako Strait", "Miyako Strait (label point)"),), "#E69F00", False),
    Strait("Yonaguni", "Yonaguni-Iriomote waterway", "与那国島・西表島間",
           (Channel("yonaguni", "Yonaguni-Iriomote waterway", "Yonaguni-Iriomote waterway (label point)"),),
           "#56B4E9", False),
    Strait("Nemuro", "Nemuro Strait", "根室海峡",
           (Channel("nemuro", "Nemuro Strait", "Nemuro Strait (label point)"),), "#F0E442", False),
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
