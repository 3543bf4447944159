"""The map's legend, as page HTML beside the map: always shown, never over a marker.

Plotly's own legend lists traces only (it cannot say what size, fading or a highlight
mean) and vanished when a single strait was chosen, taking "faded = derived" with it.
The swatches use the figures' own colours, so the legend cannot drift from the map.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard import ids
from dashboard.i18n import name, translator
from dashboard.figures import AREA_HIGHLIGHT, KURIL_COLOURS, LANE_COLOURS, OPACITY, TERRITORIAL_LINES, marker_size

#: Ship counts shown as example marker sizes.
SIZE_EXAMPLES = (1, 5, 10, 20)


def legend(lang: str = "en") -> html.Div:
    """Colour per strait, marker size, faded = derived, the area highlight and the layers (in ``lang``)."""
    _ = translator(lang)
    sizes = marker_size(pd.Series(SIZE_EXAMPLES, dtype=float))
    return html.Div(id=ids.MAP_LEGEND, className="legend", role="group", **{"aria-label": _("Map legend")}, children=[
        html.Div(className="legend-row", children=[
            html.Span(_("Colour: strait"), className="legend-title"),
            *(_item(_dot(colour), name(lane, lang)) for lane, colour in LANE_COLOURS.items())]),
        html.Div(className="legend-row", children=[
            html.Span(_("Size: ships"), className="legend-title"),
            *(_item(_dot("#666666", size), str(count)) for count, size in zip(SIZE_EXAMPLES, sizes, strict=True)),
            html.Span(_("Faded:"), className="legend-title"),
            _item(_dot("#0072B2", opacity=OPACITY["derived"]), _("position derived from a phrase")),
            _item(_dot("#0072B2"), _("reported position"))]),
        html.Div(className="legend-row", children=[
            _item(_patch(AREA_HIGHLIGHT, 0.7), _("area named by an area-only report (no point invented)")),
            _item(_line(*TERRITORIAL_LINES["12 nm"]), _("territorial sea, 12 nm")),
            _item(_line(*TERRITORIAL_LINES["3 nm specified area"]), _("3 nm specified areas")),
            _item(_patch(KURIL_COLOURS[True], 1.0), _("Northern Territories (southern Kurils)")),
            _item(_dot("#000000"), _("your file"))]),
    ])


def _item(swatch, text: str) -> html.Span:
    return html.Span(className="legend-item", children=[swatch, html.Span(text)])


def _dot(colour: str, size: float = 10, opacity: float = 1.0) -> html.Span:
    return html.Span(className="swatch dot", style={"background": colour, "width": f"{size}px",
                                                     "height": f"{size}px", "opacity": opacity})


def _patch(colour: str, opacity: float) -> html.Span:
    return html.Span(className="swatch patch", style={"background": colour, "opacity": opacity})


def _line(colour: str, width: float) -> html.Span:
    return html.Span(className="swatch line", style={"borderTop": f"{max(width, 1):.1f}px solid {colour}"})
