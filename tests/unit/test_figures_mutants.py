"""The map's markers, areas and base style, the note, the table and the timeline on hand-made rows,
stated literally (mutants of dashboard/figures.py)."""

import json

import pandas as pd
import pytest
from dash import html

from dashboard.i18n import figure_font

from dashboard.figures import (
    area_ids, area_styles, base_features, base_layers, base_style, fan_offsets, hover_text, is_aggregated,
    layer_files, map_figure, map_note, map_updates, marker_size, playback_band, point_mask, points_trace,
    selection_updates, table_rows, time_range, timeline_figure, upload_trace, visibility_updates, _lane_axis,
)

RELEASE = "https://www.mod.go.jp/js/pdf/2022/p20220315_01.pdf"


def rows(*changes) -> pd.DataFrame:
    """One full row per dict of changes (ids a, b, c, ...), every column the figures read."""
    base = {"event_date": "2022-03-14", "report_date": None, "date_basis": "stated", "report_date_basis": "release",
            "ships": None, "ship_types": [], "hull_numbers": [], "location_text": "", "location_text_ja": "",
            "direction": "", "position_kind": "unlocated", "sea_area": "", "source_names": ["Press"],
            "source_urls": ["https://press.example/x"], "lat": None, "lon": None, "lane": "Open sea", "strait": "",
            "named_seas": [], "activity": "", "notes": "", "distance_to_japan_km": None, "primary_source": False}
    out = pd.DataFrame([{**base, "id": chr(ord("a") + k), **change} for k, change in enumerate(changes)])
    out["event_date"] = pd.to_datetime(out["event_date"])
    out["report_date"] = pd.to_datetime(out["report_date"])
    out["ships"] = out["ships"].astype("Int64")
    out["lat"], out["lon"] = out["lat"].astype(float), out["lon"].astype(float)
    return out


FULL = {"ships": 2, "ship_types": ["Udaloy I-class destroyer", "Boris <Chilikin>"], "hull_numbers": ["548", "80"],
        "location_text": "50 km NE of Cape Soya", "location_text_ja": "宗谷岬の北東約50km", "direction": "east",
        "position_kind": "derived", "sea_area": "Sea of Japan", "source_names": ["Joint Staff", "NHK"],
        "source_urls": [RELEASE, "https://nhk.example/a"], "lat": 45.9, "lon": 142.4, "lane": "Soya"}


def test_figures_mutant001_hover_labels_full_and_short():
    frame = rows(FULL, {}, {"ships": 1, "event_date": "2023-07-01"})
    assert hover_text(frame) == [
        "<b>14 Mar 2022</b> · 2 ships<br>Udaloy I-class destroyer; Boris &lt;Chilikin&gt;<br>Hull numbers: 548, 80"
        "<br>Where: 50 km NE of Cape Soya<br>In Japanese: 宗谷岬の北東約50km<br>Direction: east"
        f"<br>Position: derived · sea: Sea of Japan<br>Source: Joint Staff | NHK<br>Joint Staff release: {RELEASE}",
        "<b>14 Mar 2022</b> · ships not reported<br>types not reported<br>Hull numbers: not reported<br>Where: —"
        "<br>Direction: not reported<br>Position: unlocated · sea: not stated<br>Source: Press",
        "<b>01 Jul 2023</b> · 1 ship<br>types not reported<br>Hull numbers: not reported<br>Where: —"
        "<br>Direction: not reported<br>Position: unlocated · sea: not stated<br>Source: Press"]
    assert hover_text(frame, short=True) == [
        "<b>14 Mar 2022</b> · 2 ships<br>Udaloy I-class destroyer; Boris &lt;Chilikin&gt;",
        "<b>14 Mar 2022</b> · ships not reported<br>types not reported",
        "<b>01 Jul 2023</b> · 1 ship<br>types not reported"]
    long = rows({"location_text": "word " * 20 + "end", "location_text_ja": "あ" * 40})
    label = hover_text(long)[0]
    assert "<br>Where: " + "word " * 13 + "word<br>" + "word " * 6 + "end<br>" in label     # lines of 70 at most
    assert "<br>In Japanese: " + "あ" * 35 + "<br>" + "あ" * 5 + "<br>" in label             # and of 35 in Japanese


def test_figures_mutant003_marker_sizes_and_masks():
    assert marker_size(pd.Series([None, 0, 1, 2, 8], dtype="Int64")).tolist() == [7.0, 7.0, 9.4, 10.4, 13.8]
    frame = rows({"position_kind": "reported", "lat": 41.0, "lon": 140.0}, {"position_kind": "derived", "lat": 42.0,
                 "lon": 141.0}, {"position_kind": "area", "lat": 43.0, "lon": 142.0},
                 {"position_kind": "derived"})
    assert point_mask(frame).tolist() == [True, True, False, False]
    frame["facet:kind"] = ["area", "derived", "derived", "derived"]            # the app's own column wins
    assert point_mask(frame).tolist() == [False, True, True, False]
    assert (is_aggregated(pd.DataFrame(index=range(2000))), is_aggregated(pd.DataFrame(index=range(2001)))) == (
        False, True)


def test_figures_mutant004_stacked_markers_take_turns():
    frame = rows({**FULL, "lat": 41.5, "lon": 140.5, "lane": "Tsugaru", "position_kind": "reported"},
                 {"lat": 45.0, "lon": 142.0, "position_kind": "derived", "lane": "Open sea"},
                 {**FULL, "lat": 41.5, "lon": 140.5, "ships": 8, "event_date": "2022-03-15"})
    short = ["<b>14 Mar 2022</b> · 2 ships · Udaloy I-class destroyer; Boris &lt;Chilikin&gt;",
             "<b>15 Mar 2022</b> · 8 ships · Udaloy I-class destroyer; Boris &lt;Chilikin&gt;"]
    trace = points_trace(frame)
    assert trace["lat"] == [41.5, 45.0] and trace["lon"] == [140.5, 142.0]
    assert trace["customdata"] == ["a", "b"]
    assert trace["text"] == [
        "<b>2 sightings at this point</b> · click again for the next<br>• " + short[0] + "<br>• " + short[1],
        hover_text(frame.iloc[[1]])[0]]
    assert trace["marker"] == {"size": [13.8, 7.0], "color": ["#D55E00", "#333333"], "opacity": [1.0, 0.6]}
    assert points_trace(frame, "a")["customdata"] == ["c", "b"]
    assert points_trace(frame, "a")["text"][0].endswith("<br>▶ " + short[0] + "<br>• " + short[1])
    assert points_trace(frame, "c")["customdata"] == ["a", "b"]            # after the last, the first again
    assert points_trace(frame, "b")["customdata"] == ["a", "b"]
    assert points_trace(frame.iloc[[1, 0]])["customdata"] == ["b", "a"]     # markers in the rows' order, not sorted
    assert points_trace(frame.iloc[0:0]) == {"lat": [], "lon": [], "customdata": [], "text": [],
                                               "marker": {"size": [], "color": [], "opacity": []}}
    assert selection_updates(frame, "c")[-2:] == [(("data", 1, "customdata"), ["a", "b"]),
                                                  (("data", 1, "text"), points_trace(frame, "c")["text"])]
    upload = upload_trace(frame)
    assert upload["marker"] == {"size": [10.4, 7.0, 13.8], "color": "#000000", "opacity": 0.85}
    assert (upload["lat"], upload["lon"]) == ([41.5, 45.0, 41.5], [140.5, 142.0, 140.5])


def test_figures_mutant005_area_only_reports_per_area():
    frame = rows({"position_kind": "area", "strait": "Soya", "named_seas": ["Sea of Japan"]},
                 {"position_kind": "area", "named_seas": ["Sea of Japan", "Sea of Okhotsk"]},
                 {"position_kind": "area", "strait": "Soya"}, {"position_kind": "area"},
                 {"position_kind": "reported", "strait": "Tsugaru", "lat": 41.0, "lon": 140.0})
    assert area_ids(frame) == {"strait:Soya": 2, "sea:Sea of Japan": 1, "sea:Sea of Okhotsk": 1}
    frame["facet:kind"] = ["reported", "area", "area", "area", "area"]
    assert area_ids(frame) == {"sea:Sea of Japan": 1, "sea:Sea of Okhotsk": 1, "strait:Soya": 1, "strait:Tsugaru": 1}


def feature(**properties):
    return {"type": "Feature", "properties": properties, "geometry": {"type": "Point", "coordinates": [0, 0]}}


LAYERS = {
    "seas": {"features": [feature(sea_area="Sea of Japan"), feature(sea_area="Sea of Okhotsk")]},
    "territorial_sea": {"features": [feature(zone="12 nm"), feature(zone="3 nm specified area"), feature(zone="12 nm")]},
    "straits": {"features": [feature(strait="Soya"), feature(strait="Zzz"), feature(strait="Soya")]},
    "map_land": {"type": "FeatureCollection", "features": [feature(name="Hokkaido")]},
    "kuril_islands": {"features": [feature(northern_territories=1), feature(northern_territories=0)]},
}


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def test_figures_mutant006_base_layers_bottom_to_top():
    seas, terr, straits = LAYERS["seas"]["features"], LAYERS["territorial_sea"]["features"], LAYERS["straits"]["features"]
    kurils = LAYERS["kuril_islands"]["features"]
    fill = {"sourcetype": "geojson", "type": "fill"}
    assert base_layers(LAYERS) == [
        ("seas", "sea:Sea of Japan", {**fill, "source": collection(seas[0]), "color": "#e3edf5", "opacity": 0.55}),
        ("seas", "sea:Sea of Okhotsk", {**fill, "source": collection(seas[1]), "color": "#e3edf5", "opacity": 0.55}),
        ("territorial", None, {"sourcetype": "geojson", "type": "line", "color": "#6f8fb0", "line": {"width": 0.7},
                               "source": collection(terr[0], terr[2])}),
        ("territorial", None, {"sourcetype": "geojson", "type": "line", "color": "#1d3557", "line": {"width": 1.6},
                               "source": collection(terr[1])}),
        ("straits", "strait:Soya", {**fill, "source": collection(straits[0], straits[2]), "color": "#0072B2",
                                    "opacity": 0.25}),
        ("straits", "strait:Zzz", {**fill, "source": collection(straits[1]), "color": "#999999", "opacity": 0.25}),
        ("base", None, {**fill, "source": LAYERS["map_land"], "color": "#e8e2d4", "opacity": 1.0,
                        "fill": {"outlinecolor": "#7a7a7a"}}),
        ("kurils", None, {**fill, "source": collection(kurils[1]), "color": "#ddd5c4", "opacity": 1.0}),
        ("kurils", None, {**fill, "source": collection(kurils[0]), "color": "#bfae8c", "opacity": 1.0}),
    ]


def test_figures_mutant007_one_source_one_style_layer_per_base_layer():
    layers = base_layers(LAYERS)[2:7]           # a line layer, fills, the land with its outline
    assert base_features(layers)["type"] == "FeatureCollection" and list(base_features(layers)) == ["type", "features"]
    bare = [("base", None, {"source": collection({"type": "Feature", "properties": None}, {"type": "Feature"})})]
    assert [f["properties"] for f in base_features(bare)["features"]] == [{"sw_layer": 0}, {"sw_layer": 0}]
    features = base_features(layers)["features"]
    assert [f["properties"].get("sw_layer") for f in features] == [0, 0, 1, 2, 2, 3, 4]
    assert features[0]["properties"] == {"zone": "12 nm", "sw_layer": 0}
    assert LAYERS["territorial_sea"]["features"][0]["properties"] == {"zone": "12 nm"}      # not changed
    style = base_style(layers, "/map-layers/base-x.json")
    assert {k: v for k, v in style.items() if k != "layers"} == {
        "version": 8, "id": "straitwatch-base", "name": "Straitwatch base (offline)",
        "transition": {"duration": 0, "delay": 0},
        "sources": {"base": {"type": "geojson", "data": "/map-layers/base-x.json", "maxzoom": 6, "buffer": 32}}}
    assert style["layers"][:2] == [
        {"id": "background", "type": "background", "paint": {"background-color": "#eff5f9"}},
        {"id": "base-0-territorial", "source": "base", "filter": ["==", ["get", "sw_layer"], 0], "type": "line",
         "paint": {"line-color": "#6f8fb0", "line-width": 0.7}}]
    assert style["layers"][3] == {"id": "base-2-straits", "source": "base", "filter": ["==", ["get", "sw_layer"], 2],
                                  "type": "fill", "paint": {"fill-color": "#0072B2", "fill-opacity": 0.25,
                                                            "fill-outline-color": "#0072B2"}}
    assert style["layers"][5]["paint"] == {"fill-color": "#e8e2d4", "fill-opacity": 1.0,
                                           "fill-outline-color": "#7a7a7a"}
    assert base_style(layers)["sources"]["base"]["data"] == base_features(layers)
    ((url, body),) = layer_files(layers)
    assert url.startswith("/map-layers/base-") and url.endswith(".json") and len(url) == len("/map-layers/base-.json") + 16
    assert json.loads(body) == base_features(layers) and b", " not in body and b": " not in body


def test_figures_mutant008_area_styles_and_visibility():
    layers = [("seas", "sea:Sea of Japan", {}), ("seas", "sea:Sea of Okhotsk", {}), ("territorial", None, {}),
              ("straits", "strait:Soya", {}), ("straits", "strait:Tsugaru", {}), ("straits", "strait:Zzz", {})]
    assert area_styles(layers, {"sea:Sea of Japan": 1, "strait:Soya": 2, "strait:Zzz": 1}) == {
        0: {"color": "#7b2cbf", "opacity": 0.12}, 1: {"color": "#e3edf5", "opacity": 0.55},
        3: {"color": "#7b2cbf", "opacity": 0.7}, 4: {"color": "#D55E00", "opacity": 0.25},
        5: {"color": "#7b2cbf", "opacity": 0.7}}
    assert area_styles(layers, {})[5] == {"color": "#999999", "opacity": 0.25}
    assert visibility_updates(layers + [("base", None, {})], ["seas"]) == [
        (("layout", "meta", "hidden"), ["straits", "territorial"])]
    assert visibility_updates(layers, None) == [(("layout", "meta", "hidden"), ["seas", "straits", "territorial"])]


def test_figures_mutant009_the_map_figure():
    layers = base_layers(LAYERS)
    frame = rows({**FULL, "lat": 41.5, "lon": 140.5}, {"position_kind": "area", "strait": "Soya"})
    figure = map_figure(layers, frame, "a", source="/x.json", extra_layout={"title": "t", "meta": {"labels": [1]}})
    selected, points, upload = figure["data"]
    assert {k: selected[k] for k in ("type", "name", "mode", "hoverinfo", "showlegend", "lat", "lon")} == {
        "type": "scattermap", "name": "selected", "mode": "markers", "hoverinfo": "skip", "showlegend": False,
        "lat": [41.5], "lon": [140.5]}
    assert selected["marker"] == {"size": [24.4], "color": "#111111", "opacity": 0.35}
    assert (points["name"], points["hoverinfo"], points["customdata"]) == ("sightings", "text", ["a"])
    assert (upload["name"], upload["lat"]) == ("your file (not saved)", [])
    stacked = map_figure(layers, rows({"lat": 41.5, "lon": 140.5, "position_kind": "reported"},
                                      {"lat": 41.5, "lon": 140.5, "position_kind": "reported"}), "a")
    assert stacked["data"][1]["customdata"] == ["b"]                     # the next click selects the other one
    layout = figure["layout"]
    assert layout["map"]["center"] == {"lat": 35.5, "lon": 137.0} and layout["map"]["zoom"] == 3.7
    assert layout["map"]["style"]["sources"]["base"]["data"] == "/x.json"
    assert {k: v for k, v in layout.items() if k != "map"} == {
        "margin": {"l": 0, "r": 0, "t": 30, "b": 18}, "uirevision": "map", "showlegend": False, "clickmode": "event",
        "meta": {"areas": [["base-0-seas", "#e3edf5", 0.55], ["base-1-seas", "#e3edf5", 0.55],
                           ["base-4-straits", "#7b2cbf", 0.7], ["base-5-straits", "#999999", 0.25]],
                 "hidden": [], "labels": [1]}, "title": "t"}


def test_figures_mutant010_the_note_under_the_map():
    empty = map_note(rows({}).iloc[0:0])
    assert isinstance(empty[0], html.Strong) and empty[0].children == "No sightings match these filters."
    assert empty[1:] == [" Widen the dates or reset the filters."]
    many = pd.DataFrame({"position_kind": ["reported"] * 999 + ["area", "unlocated"], "lat": [41.0] * 1001})
    assert map_note(many) == ["999 on the map as points · 1 area-only (highlighted violet) · 1 without a position "
                              "(table only) · the table lists the latest 1,000; the downloads hold all 1,001"]
    assert map_note(many.iloc[:1000]) == ["999 on the map as points · 1 area-only (highlighted violet) · 0 without a "
                                          "position (table only)"]
    more = pd.DataFrame({"position_kind": ["reported"] * 2001, "lat": [41.0] * 2001})
    assert map_note(more) == ["2,001 on the map as points · 0 area-only (highlighted violet) · 0 without a position "
                              "(table only) · the table lists the latest 1,000; the downloads hold all 2,001 · voyage "
                              "tracks are drawn for 2,000 sightings or fewer"]
    assert map_note(more, "ja") == ["地図上の点2,001件 · 海域のみ0件（紫で強調） · 位置なし0件（表のみ） · "
                                    "表は最新1,000件、ダウンロードは全2,001件 · 航跡は2,000件以下のときに描画"]
    assert map_note(more.iloc[0:0], "ja")[1] == "期間を広げるか、条件をリセットしてください。"


def test_figures_mutant011_a_table_record():
    frame = rows({**FULL, "report_date": "2022-03-15", "distance_to_japan_km": 41.5, "primary_source": True,
                  "strait": "Soya", "activity": "passage", "notes": "n", "date_basis": "inferred"},
                 {"event_date": "2022-03-10"})
    second, first = table_rows(frame)                # the last row (of rows in date order) comes first
    assert first == {
        "id": "a", "event_date": "2022-03-14", "report_date": "2022-03-15", "date_basis": "inferred",
        "report_date_basis": "release", "ships": 2, "ship_types": "Udaloy I-class destroyer; Boris <Chilikin>",
        "hull_numbers": "548, 80", "strait": "Soya", "sea_area": "Sea of Japan", "activity": "passage",
        "direction": "east", "notes": "n", "location_text": "50 km NE of Cape Soya",
        "location_text_ja": "宗谷岬の北東約50km", "position_kind": "derived", "distance_to_japan_km": 41.5,
        "primary_source": "yes", "release": [{"name": "Joint Staff release", "url": RELEASE}],
        "sources": [{"name": "Joint Staff", "url": RELEASE}, {"name": "NHK", "url": "https://nhk.example/a"}]}
    assert (second["id"], second["report_date"], second["ships"], second["distance_to_japan_km"],
            second["primary_source"], second["release"], second["ship_types"]) == ("b", "", None, None, "no", [], "")


def test_figures_mutant012_fan_offsets_stay_in_their_lane():
    days = pd.Series(pd.to_datetime(["2022-03-14"] * 6 + ["2022-03-15", "2022-03-14"]))
    lanes = pd.Series(["Soya"] * 6 + ["Soya", "Tsugaru"])
    assert fan_offsets(lanes, days).round(2).tolist() == [-0.35, -0.21, -0.07, 0.07, 0.21, 0.35, 0.0, 0.0]
    assert fan_offsets(pd.Series(["Soya"] * 2), days.iloc[:2]).round(2).tolist() == [-0.09, 0.09]


def test_figures_mutant013_lane_axis_band_and_range():
    assert _lane_axis(["Soya", "Open sea"]) == {
        "domain": [0.28, 1.0], "tickmode": "array", "tickvals": [1, 0], "ticktext": ["Soya", "Open sea"],
        "range": [-0.5, 1.5], "zeroline": False, "showgrid": True, "fixedrange": True}
    assert _lane_axis([])["range"] == [-0.5, 0.5]
    assert playback_band() == {"type": "rect", "name": "playback window", "visible": False, "xref": "x",
                               "yref": "paper", "x0": None, "x1": None, "y0": 0, "y1": 1}
    assert playback_band("2022-02-07", "2022-03-06") == {
        "type": "rect", "name": "playback window", "visible": True, "xref": "x", "yref": "paper",
        "x0": "2022-02-07", "x1": "2022-03-07", "y0": 0, "y1": 1, "layer": "below", "fillcolor": "#0b5cad",
        "opacity": 0.16, "line": {"width": 1.5, "color": "#0b5cad"}}


@pytest.mark.parametrize("dates, span, expected", [
    (["2022-01-01", "2022-12-31"], None, ["2021-12-24", "2023-01-07"]),      # 2% of the span: 7.3 days
    (["2022-03-01", "2022-03-02"], None, ["2022-02-22", "2022-03-09"]),      # at least 7 days
    (["2022-03-01", "2022-03-02"], ("2022-01-15", None), ["2022-01-15", "2022-03-09"]),
    (["2022-03-01", "2022-03-02"], (None, "2022-03-31"), ["2022-02-22", "2022-04-01"]),
    ([], ("2022-01-15", None), None), ([], None, None), ([], ("2022-01-01", "2022-01-31"), ["2022-01-01", "2022-02-01"]),
])
def test_figures_mutant014_time_range(dates, span, expected):
    assert time_range(pd.DataFrame({"event_date": pd.to_datetime(dates)}), span) == expected


def test_figures_mutant015_a_small_timeline():
    frame = rows({"event_date": "2022-01-05", "lane": "Soya", "ships": 3, "position_kind": "area"},
                 {"event_date": "2022-01-05", "lane": "Soya", "position_kind": "derived", "lat": 1.0, "lon": 1.0},
                 {"event_date": "2022-03-10", "lane": "Open sea", "ships": 1})
    figure = timeline_figure(frame, "b")
    soya, sea, bars = figure["data"]
    assert (soya["type"], soya["mode"], soya["name"], soya["showlegend"], soya["hoverinfo"]) == (
        "scatter", "markers", "Soya", False, "text")
    assert (soya["x"], soya["y"], soya["customdata"]) == (["2022-01-05", "2022-01-05"], [0.91, 1.09], ["a", "b"])
    assert soya["hovertext"] == hover_text(frame.iloc[:2], short=True)
    assert soya["marker"] == {"size": [11.2, 7.0], "color": "#0072B2", "symbol": ["square-open", "circle"],
                              "line": {"width": [0.5, 3.0], "color": "#111111"}}
    assert (sea["x"], sea["y"], sea["customdata"], sea["marker"]["symbol"]) == (
        ["2022-03-10"], [0.0], ["c"], ["x-thin-open"])
    assert (bars["x"], bars["y"]) == (["2022-01-01", "2022-02-01", "2022-03-01"], [2, 0, 1])
    assert {k: v for k, v in bars.items() if k not in ("x", "y")} == {
        "type": "bar", "name": "per month", "xperiod": "M1", "xperiodalignment": "middle", "showlegend": False,
        "marker": {"color": "#6b6b6b"}, "xaxis": "x", "yaxis": "y2",
        "hovertemplate": "%{x|%b %Y}: %{y} sightings<extra></extra>"}
    layout = figure["layout"]
    assert layout["xaxis"] == {"anchor": "y2", "type": "date", "range": ["2021-12-29", "2022-03-17"],
                               "autorange": False}
    assert layout["uirevision"] == "timeline:['2021-12-29', '2022-03-17']"
    assert layout["yaxis"]["tickvals"] == [1, 0] and layout["shapes"] == [playback_band()]
    assert "annotations" not in layout and "font" not in layout
    assert {k: layout[k] for k in ("margin", "height", "dragmode", "selectdirection", "plot_bgcolor", "clickmode")} == {
        "margin": {"l": 80, "r": 10, "t": 10, "b": 30}, "height": 200, "dragmode": "select", "selectdirection": "h",
        "plot_bgcolor": "#fafafa", "clickmode": "event+select"}
    assert layout["yaxis2"] == {"domain": [0.0, 0.22], "anchor": "x", "title": {"text": "per month"},
                                "rangemode": "tozero"}
    frame["facet:lane"] = pd.Categorical(["Tsugaru", "Tsugaru", "Soya"], categories=["Soya", "Tsugaru", "Nemuro"])
    assert [t["name"] for t in timeline_figure(frame, None)["data"]] == ["Soya", "Tsugaru", "per month"]


def test_figures_mutant016_an_empty_timeline():
    empty = rows({}).iloc[0:0]
    layout = timeline_figure(empty, None)["layout"]
    assert layout["annotations"] == [{"text": "No sightings match these filters", "showarrow": False,
                                      "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.6}]
    assert layout["xaxis"] == {"anchor": "y2", "type": "date", "visible": False}
    assert layout["yaxis"]["visible"] is False and layout["yaxis2"]["visible"] is False
    spanned = timeline_figure(empty, None, ("2022-01-01", "2022-01-31"))
    assert spanned["data"] == [{**spanned["data"][0], "x": [], "y": []}]
    assert "visible" not in spanned["layout"]["yaxis"] and "visible" not in spanned["layout"]["yaxis2"]
    assert spanned["layout"]["xaxis"]["range"] == ["2022-01-01", "2022-02-01"]


def test_figures_mutant017_a_large_timeline_counts_lanes_per_month():
    frame = pd.DataFrame({"event_date": pd.to_datetime(["2022-01-10"] * 1001 + ["2022-01-20"] * 600
                                                       + ["2022-03-05"] * 400),
                          "lane": ["Soya"] * 1001 + ["Open sea"] * 1000, "position_kind": "reported"})
    soya, sea, bars = timeline_figure(frame, None)["data"]
    assert (soya["x"], soya["y"], soya["customdata"], soya["marker"]) == (
        ["2022-01-01"], [1.0], [1001], {"size": [23.9], "color": "#0072B2"})
    assert (sea["x"], sea["y"], sea["customdata"], sea["marker"]["size"]) == (
        ["2022-01-01", "2022-03-01"], [0.0, 0.0], [600, 400], [22.5, 21.3])
    assert (soya["mode"], soya["name"], soya["showlegend"], soya["hovertemplate"]) == (
        "markers", "Soya", False, "%{x|%b %Y}: %{customdata:,} sightings<extra></extra>")
    assert (bars["x"], bars["y"]) == (["2022-01-01", "2022-03-01"], [1601, 400])      # months with none left out


def test_figures_mutant018_hover_lines_break_at_their_widths():
    """70 characters a line, 35 for the Japanese sentence (above), 90 for the release's address."""
    release = "https://www.mod.go.jp/js/" + "a" * 62 + ".pdf"                     # 91 characters
    label = hover_text(rows({"location_text": "a" * 67 + " bcd", "direction": "a" * 66 + " bcd",
                             "source_urls": [release], "source_names": ["Joint Staff"]}))[0]
    assert "<br>Where: " + "a" * 67 + "<br>bcd<br>" in label
    assert "<br>Direction: " + "a" * 66 + " bcd<br>" in label
    assert label.endswith("<br>Joint Staff release: " + release[:90] + "<br>f")


def test_figures_mutant019_seven_on_one_day_and_a_japanese_timeline():
    frame = rows(*[{"event_date": "2022-05-01"}] * 7)                   # seven open-sea rows of one day
    (sea, bars) = timeline_figure(frame, None)["data"]
    assert sea["y"] == [-0.35, -0.233, -0.117, 0.0, 0.117, 0.233, 0.35]   # 0.7 / 6 apart, to 3 decimals
    assert sea["marker"]["line"]["width"] == [0.5] * 7 and (bars["x"], bars["y"]) == (["2022-05-01"], [7])
    assert timeline_figure(frame, None, lang="ja")["layout"]["yaxis"]["ticktext"] == ["海峡外"]   # "Open sea"
    japanese = timeline_figure(frame.iloc[0:0], None, lang="ja")
    assert japanese["layout"]["font"] == figure_font("ja") != {}                  # the bundled Japanese font
    assert japanese["data"][0]["name"] == "月別" and japanese["layout"]["yaxis2"]["title"]["text"] == "月別"
    assert japanese["data"][0]["hovertemplate"] == "%{x|%Y年%-m月}：確認%{y}件<extra></extra>"
    assert japanese["layout"]["annotations"][0]["text"] == "この条件に合う確認はありません"


def test_figures_mutant020_the_table_links_every_cited_page():
    """The same bug in the table: a page beyond the row's names was left out of its Sources cell."""
    (record,) = table_rows(rows({"source_names": ["Wing (Japanese)"],
                                 "source_urls": ["https://jwing.net/news/2403", "https://jwing.net/?p=2870"]}))
    assert record["sources"] == [{"name": "Wing (Japanese)", "url": "https://jwing.net/news/2403"},
                                 {"name": "", "url": "https://jwing.net/?p=2870"}]   # the cell shows the URL itself
    (record,) = table_rows(rows({"source_names": ["A", "B"], "source_urls": ["https://a.example/"]}))
    assert record["sources"] == [{"name": "A", "url": "https://a.example/"}]


def test_figures_mutant021_map_updates_follow_the_selection_and_the_language():
    frame = rows({**FULL, "lat": 41.5, "lon": 140.5}, {**FULL, "lat": 41.5, "lon": 140.5})
    updates, note = map_updates(base_layers(LAYERS), frame, "a", "ja")
    assert dict(updates)[("data", 1, "customdata")] == ["b"]                  # after "a", the click selects "b"
    assert dict(updates)[("data", 0, "lat")] == [41.5]
    assert note == ["地図上の点2件 · 海域のみ0件（紫で強調） · 位置なし0件（表のみ）"]
