"""Place labels, the view the map fits, the map in words, the details panel and the legend."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.details import details_panel, position_story
from dashboard.figures import AREA_HIGHLIGHT, LANE_COLOURS
from dashboard.filters import FilterSpec, apply_filters
from dashboard.legend import legend
from dashboard.mapview import REGION_BOUNDS, camera, map_summary, view_bounds, view_updates


def test_mapview101_labels_name_seas_straits_kurils_and_the_places_reports_measure_from(app_data):
    by_name = {label["en"]: label for label in app_data.labels}
    assert {"Sea of Japan", "Sea of Okhotsk", "Soya Strait", "Tsugaru Strait", "Kuril Islands",
            "Etorofu / Iturup", "Kunashiri / Kunashir"} <= set(by_name)
    territories = by_name["Northern Territories\n(Southern Kurils)"]
    assert territories["ja"] == "北方領土\n（南クリル）"
    assert by_name["Cape Soya"]["kind"] == "anchor" and by_name["Cape Soya"]["ja"] == "宗谷岬"
    assert by_name["Cape Shiretoko"]["kind"] == "cape"           # no report measures from it: shown closer in
    assert by_name["Cape Soya"]["minzoom"] < by_name["Cape Shiretoko"]["minzoom"]
    kinds = [label["kind"] for label in app_data.labels]
    assert kinds.index("sea") == 0 and max(i for i, k in enumerate(kinds) if k == "sea") < kinds.index("anchor")


def test_mapview102_soya_2022_fits_every_point_and_the_strait(app_data, sightings):
    spec = FilterSpec(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31), straits=("Soya",))
    rows = apply_filters(sightings, spec)
    west, south, east, north = view_bounds(rows, spec.straits, app_data.strait_boxes)
    points = sightings[(sightings["event_date"].dt.year == 2022) & (sightings["strait"] == "Soya")
                       & sightings["lat"].notna() & sightings["position_kind"].isin(["reported", "derived"])]
    assert len(points) > 3
    assert ((points["lon"] >= west) & (points["lon"] <= east) & (points["lat"] >= south)
            & (points["lat"] <= north)).all()
    soya = app_data.strait_boxes["Soya"]
    assert west <= soya[0] and east >= soya[2] and north - south < 15


def test_mapview103_default_view_is_the_region_and_a_new_filter_a_new_fit(sightings, app_data):
    updates = dict(view_updates(sightings, (), app_data.strait_boxes, "", "162 sightings"))
    assert updates[("layout", "meta", "fit")] == {"key": "region", "bounds": list(REGION_BOUNDS), "camera": False}
    assert ("layout", "map", "zoom") not in updates                  # no size known: the browser fits
    assert "162 sightings" in updates[("layout", "title", "text")]
    one = sightings[sightings["position_kind"] == "derived"].head(1)
    fit = dict(view_updates(one, (), app_data.strait_boxes, "?q=x", "1 sighting"))[("layout", "meta", "fit")]
    west, south, east, north = fit["bounds"]
    assert fit["key"] == "?q=x" and 3.0 <= east - west <= 3.002 and 3.0 <= north - south <= 3.002


def test_mapview106_the_server_frames_the_view_when_the_map_size_is_known(sightings, app_data):
    """A 20-degree box on the equator in a 568-px-wide map (28 px padding each side): the box is
    512 px wide when 20/360 of a 512-px world times 2**zoom is 512, so zoom = log2(18)."""
    centre, zoom = camera((-10.0, -10.0, 10.0, 10.0), {"width": 568, "height": 2000})
    assert centre == {"lon": 0.0, "lat": 0.0} and zoom == pytest.approx(4.1699, abs=1e-3)
    assert camera((140.0, 41.0, 140.01, 41.01), {"width": 800, "height": 600})[1] == 7.5   # capped, as in the browser
    assert camera(REGION_BOUNDS, None) is None and camera(REGION_BOUNDS, {"width": "x", "height": 3}) is None
    assert camera(REGION_BOUNDS, {"width": 10 ** 9, "height": 600}) is None
    updates = dict(view_updates(sightings, ("Soya",), app_data.strait_boxes, "?strait=Soya", "x",
                                {"width": 1000, "height": 560}))
    assert updates[("layout", "map", "uirevision")] == "?strait=Soya" and updates[("layout", "meta", "fit")]["camera"]
    west, south, east, north = updates[("layout", "meta", "fit")]["bounds"]
    assert west < updates[("layout", "map", "center")]["lon"] < east
    assert south < updates[("layout", "map", "center")]["lat"] < north


def test_mapview104_map_summary_counts_points_areas_and_unlocated(sightings):
    text = map_summary(sightings)
    points = sightings[sightings["position_kind"].isin(["reported", "derived"]) & sightings["lat"].notna()]
    assert text.startswith(f"The map shows {len(points)} sightings as points: ")
    assert f"{int((points['lane'] == 'Soya').sum())} in the Soya Strait" in text
    assert f"{int((sightings['position_kind'] == 'unlocated').sum())} without a position" in text
    assert map_summary(sightings.iloc[0:0]) == "The map shows no sightings: none match these filters."


def test_mapview105_details_say_how_each_position_was_made(sightings):
    derived = sightings[sightings["location_text"].str.startswith("about 190 km W of Cape Kamui")].iloc[0]
    assert position_story(derived).startswith("Derived: 190 km W (270°) of Cape Kamui, along the WGS84 geodesic")
    area = sightings[(sightings["position_kind"] == "area") & (sightings["strait"] == "Tsugaru")].iloc[0]
    assert position_story(area) == ("Area only: the report names the Tsugaru Strait, which the map highlights; "
                                    "no point is invented.")
    unlocated = sightings[sightings["position_kind"] == "unlocated"].iloc[0]
    assert position_story(unlocated).startswith("Unlocated:")
    panel = str(details_panel(derived))
    assert derived["location_text_ja"] in panel and derived["source_urls"][0] in panel
    assert "observed by" in panel and "voyage id" in panel


def test_mapview106_legend_uses_the_maps_colours():
    text = str(legend())
    assert all(colour in text for colour in LANE_COLOURS.values()) and AREA_HIGHLIGHT in text
    assert "position derived from a phrase" in text and "Size: ships" in text
    assert AREA_HIGHLIGHT.lower() not in {c.lower() for c in LANE_COLOURS.values()}
