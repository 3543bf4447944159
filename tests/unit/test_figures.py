"""Figure builders: one marker per point sighting, sizes by ships, areas highlighted, text escaped,
patches that turn one view into another, the note under the map and the table rows."""

import copy
import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard.figures import (
    AREA_HIGHLIGHT, LANE_COLOURS, LANES, MAX_MARKERS, MAX_TABLE_ROWS, POINTS_TRACE,
    UPLOAD_TRACE, area_ids, area_styles, base_layers, base_style, hover_text, map_figure, points_trace,
    map_note, map_updates, marker_size, point_rows, selection_updates, table_rows, timeline_figure,
    upload_trace, upload_updates, visibility_updates,
)
from dashboard.filters import FilterSpec, apply_filters


def test_figure001_map_has_one_marker_per_distinct_point(app_data, sightings):
    figure = map_figure(base_layers(app_data.layers), sightings, None)
    points = figure["data"][POINTS_TRACE]
    assert len(figure["data"]) == UPLOAD_TRACE + 1
    assert len(figure["data"][UPLOAD_TRACE]["lat"]) == 0          # the user's overlay starts empty
    want = sightings[sightings["position_kind"].isin(["reported", "derived"]) & sightings["lat"].notna()]
    # sightings at one point share a marker, whose click first selects the earliest of them
    assert sorted(points["customdata"]) == sorted(want.drop_duplicates(["lat", "lon"])["id"])
    colour = dict(zip(want["id"], want["lane"].astype(str).map(LANE_COLOURS)))
    assert points["marker"]["color"] == [colour[i] for i in points["customdata"]]   # coloured by strait / open sea
    style = figure["layout"]["map"]["style"]
    assert style["version"] == 8 and style["sources"].keys() == {"base"}           # offline: one local source
    assert "glyphs" not in style and "sprite" not in style
    assert [layer["id"] for layer in style["layers"]][:2] == ["background", "base-0-seas"]
    go.Figure(figure)                                             # a valid Plotly figure, as dcc.Graph gets it


def test_figure020_water_beyond_the_sea_polygons_looks_like_the_plain_seas(app_data):
    """The background is the plain sea fill as drawn over white (to one unit per channel)."""
    style = base_style(base_layers(app_data.layers))
    background = style["layers"][0]["paint"]["background-color"]
    sea = next(layer["paint"] for layer in style["layers"] if layer["id"].endswith("-seas"))

    def rgb(colour):
        return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    over_white = [255 - sea["fill-opacity"] * (255 - channel) for channel in rgb(sea["fill-color"])]
    assert all(abs(a - b) <= 1 for a, b in zip(rgb(background), over_white)), (background, over_white)
    assert background.lower() != "#ffffff"


def test_figure002_marker_size_grows_with_ships():
    sizes = marker_size(pd.Series([None, 1, 4, 24], dtype="Int64")).tolist()
    assert sizes == sorted(sizes) and sizes[0] == 7 and sizes[-1] > 15


def test_figure003_area_reports_highlight_their_sea_or_strait(app_data, frozen):
    """The frozen fixture's area-only rows: a strait's rows light the strait (Soya: fx-02, 17, 18, 25;
    Tsushima: fx-05, 13, 14, 21; Tsugaru: fx-04, 12; Miyako: fx-23, 16; Yonaguni: fx-24), a row with no
    strait every sea it names (fx-06: the Sea of Japan; fx-11: the Sea of Japan and the Sea of Okhotsk)."""
    assert area_ids(frozen) == {"strait:Soya": 4, "strait:Tsugaru": 2, "strait:Tsushima": 4, "strait:Yonaguni": 1,
                                "strait:Miyako": 2, "sea:Sea of Japan": 2, "sea:Sea of Okhotsk": 1}
    rows = apply_filters(frozen, FilterSpec(start=pd.Timestamp("2024-07-22").date(),
                                            end=pd.Timestamp("2024-07-22").date()))     # fx-11 alone
    counts = area_ids(rows)
    assert counts == {"sea:Sea of Japan": 1, "sea:Sea of Okhotsk": 1}
    layers = base_layers(app_data.layers)
    highlighted = {layers[i][1] for i, style in area_styles(layers, counts).items()
                   if style["color"] == AREA_HIGHLIGHT}
    assert highlighted == {"sea:Sea of Japan", "sea:Sea of Okhotsk"}
    painted = {area[0] for area in map_figure(layers, rows, None)["layout"]["meta"]["areas"] if area[1] == AREA_HIGHLIGHT}
    names = {layer["id"]: layers[int(layer["id"].split("-")[1])][1]
             for layer in base_style(layers)["layers"] if layer["id"] != "background"}
    assert {names[i] for i in painted} == {"sea:Sea of Japan", "sea:Sea of Okhotsk"}   # what assets/basemap.js paints


def test_figure004_hover_escapes_reported_text(sightings):
    row = sightings.head(1).copy()
    row["location_text"] = ["<img src=x onerror=alert(1)>"]
    text = hover_text(row)[0]
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


def test_figure005_timeline_lanes_and_monthly_strip(sightings):
    figure = timeline_figure(sightings, None)
    go.Figure(figure)                                             # a valid Plotly figure
    scatter = [t for t in figure["data"] if t["type"] == "scatter"]
    assert sum(len(t["x"]) for t in scatter) == len(sightings)
    assert {t["name"] for t in scatter} <= set(LANES)
    bars = [t for t in figure["data"] if t["type"] == "bar"][0]
    assert sum(bars["y"]) == len(sightings)


def test_figure006_empty_timeline_says_so(sightings):
    figure = timeline_figure(sightings.iloc[0:0], None)
    assert "No sightings match" in figure["layout"]["annotations"][0]["text"]


def test_figure007_display_layers_are_small_enough_to_send_once(app_data):
    """The map's GeoJSON goes to every browser on first load: keep it under 600 KB in all."""
    sizes = {name: len(json.dumps(layer)) for name, layer in app_data.layers.items()}
    assert sum(sizes.values()) < 600_000, sizes


def test_figure008_upload_trace_escapes_and_draws_only_points(frozen):
    """The frozen fixture's first six rows: fx-01 and fx-03 have stated points; fx-02, fx-04, fx-05
    (area only) and fx-22 (unlocated) are not drawn."""
    rows = frozen.head(6).copy()
    rows["location_text"] = "<img src=x onerror=alert(1)>"
    trace = upload_trace(rows)
    assert sorted(zip(trace["lat"], trace["lon"])) == [(41.45, 141.7), (45.6, 141.3)]
    assert all("<img" not in text for text in trace["text"])


def big_selection(sightings, n):
    """``n`` rows made from the real point sightings (ids made unique), for aggregation tests."""
    points = point_rows(sightings)
    rows = points.sample(n, replace=True, random_state=1).reset_index(drop=True)
    rows["id"] = [f"row-{i}" for i in range(n)]
    return rows


def test_figure009_the_map_draws_every_point_at_ten_thousand_rows(sightings):
    rows = big_selection(sightings, 10_000)
    trace = points_trace(rows)
    assert len(trace["lat"]) == len(rows.drop_duplicates(["lat", "lon"]))
    assert set(zip(trace["lat"], trace["lon"], strict=True)) == set(zip(rows["lat"], rows["lon"], strict=True))


def test_figure010_aggregated_timeline_has_one_marker_per_lane_and_month(sightings):
    rows = big_selection(sightings, MAX_MARKERS + 1)
    figure = timeline_figure(rows, None)
    go.Figure(figure)
    scatter = [t for t in figure["data"] if t["type"] == "scatter"]
    assert sum(sum(t["customdata"]) for t in scatter) == len(rows)
    months = rows.groupby(["lane", rows["event_date"].dt.to_period("M")]).ngroups
    assert sum(len(t["x"]) for t in scatter) == months


def test_figure011_map_note_says_what_a_large_selection_leaves_out(sightings):
    assert map_note(big_selection(sightings, 1_000)) == [
        "1,000 on the map as points · 0 area-only (highlighted violet) · 0 without a position (table only)"]
    assert map_note(big_selection(sightings, 1_500)) == [
        "1,500 on the map as points · 0 area-only (highlighted violet) · 0 without a position (table only) · "
        "the table lists the latest 1,000; the downloads hold all 1,500"]
    assert map_note(big_selection(sightings, 2_001)) == [
        "2,001 on the map as points · 0 area-only (highlighted violet) · 0 without a position (table only) · "
        "the table lists the latest 1,000; the downloads hold all 2,001 · voyage tracks are drawn for 2,000 "
        "sightings or fewer"]


def test_figure012_aggregated_timeline_counts_match_a_groupby(sightings):
    rows = big_selection(sightings, MAX_MARKERS + 1)
    figure = timeline_figure(rows, None)
    got = {(t["name"], x[:7]): c for t in figure["data"] if t["type"] == "scatter"
           for x, c in zip(t["x"], t["customdata"], strict=True)}
    expected = rows.groupby(["lane", rows["event_date"].dt.strftime("%Y-%m")]).size().to_dict()
    assert got == expected
    bars = next(t for t in figure["data"] if t["type"] == "bar")
    assert sum(bars["y"]) == len(rows)


def test_figure013_derived_points_are_faded(sightings):
    """Opacity per drawn marker: 0.6 for a position derived from a phrase, 1 for a reported one."""
    rows = sightings.drop(columns="facet:kind")          # the dataset has no reported point yet: make three
    rows.loc[point_rows(rows).index[:3], "position_kind"] = "reported"
    trace = points_trace(rows)
    drawn = dict(zip(trace["customdata"], trace["marker"]["opacity"], strict=True))
    kinds = rows.set_index("id")["position_kind"]
    assert {kinds[i] for i in drawn} == {"derived", "reported"}
    assert drawn == {i: 0.6 if kinds[i] == "derived" else 1.0 for i in drawn}


def test_figure014_table_keeps_the_latest_rows_newest_first_when_capped(sightings):
    rows = big_selection(sightings, MAX_TABLE_ROWS + 250).sort_values("event_date", kind="stable")
    got = [record["id"] for record in table_rows(rows)]
    assert got == rows["id"].iloc[-MAX_TABLE_ROWS:].tolist()[::-1]
    assert len(table_rows(sightings)) == len(sightings)


def test_figure015_table_carries_the_release_link_and_the_japanese_sentence(sightings):
    rows = sightings.tail(2).copy()
    rows["source_urls"] = [["https://www.mod.go.jp/js/pdf/2023/p20230620_01.pdf"], ["https://example.org/a"]]
    rows["source_names"] = [["Joint Staff Office"], ["Example"]]
    rows["primary_source"] = [True, False]
    rows["location_text_ja"] = ["宗谷岬の北東約60kmの海域", ""]
    second, first = table_rows(rows)          # newest first: the later row comes first
    assert first["release"] == [{"name": "Joint Staff release",
                                 "url": "https://www.mod.go.jp/js/pdf/2023/p20230620_01.pdf"}]
    assert (first["primary_source"], second["primary_source"], second["release"]) == ("yes", "no", [])
    assert first["location_text_ja"] == "宗谷岬の北東約60kmの海域"
    hover = hover_text(rows)
    assert "宗谷岬の北東約60kmの海域" in hover[0] and "www.mod.go.jp/js/pdf/2023/p20230620_01.pdf" in hover[0]
    assert "In Japanese" not in hover[1] and "Joint Staff release" not in hover[1]


def test_figure016_hover_shows_quotes_as_quotes(sightings):
    row = sightings.head(1).copy()
    row["location_text"] = ['near "Cape Soya" & <b>']
    text = hover_text(row)[0]
    assert 'near "Cape Soya" &amp; &lt;b&gt;' in text and "&quot;" not in text


def apply_updates(figure, updates):
    """A figure with each (path, value) set, as a Patch sets it in the browser."""
    out = copy.deepcopy(figure)
    for path, value in updates:
        target = out
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return out


@pytest.mark.parametrize("spec", [FilterSpec(straits=("Tsugaru",)), FilterSpec(start=pd.Timestamp("2022-02-15").date(),
                                                                             end=pd.Timestamp("2022-02-15").date()),
                                  FilterSpec(start=pd.Timestamp("1999-01-01").date(),
                                             end=pd.Timestamp("1999-12-31").date())])
def test_figure017_map_updates_turn_one_view_into_another(app_data, sightings, spec):
    layers = base_layers(app_data.layers)
    rows = apply_filters(sightings, spec)
    selected = point_rows(rows)["id"].iloc[0] if len(point_rows(rows)) else None
    updates, note = map_updates(layers, rows, selected)
    assert apply_updates(map_figure(layers, sightings, None), updates) == map_figure(layers, rows, selected)
    assert repr(note) == repr(map_note(rows))


def test_figure018_big_selection_patches_to_the_same_map(app_data, sightings):
    layers = base_layers(app_data.layers)
    rows = big_selection(sightings, MAX_MARKERS + 1)
    updates, _ = map_updates(layers, rows, None)
    assert apply_updates(map_figure(layers, sightings, None), updates) == map_figure(layers, rows, None)


def test_figure019_selection_upload_and_visibility_updates(app_data, sightings):
    layers = base_layers(app_data.layers)
    figure = map_figure(layers, sightings, None)
    chosen = point_rows(sightings).iloc[3]
    halo = apply_updates(figure, selection_updates(sightings, chosen["id"]))["data"][0]
    assert (halo["lat"], halo["lon"]) == ([chosen["lat"]], [chosen["lon"]])
    uploaded = apply_updates(figure, upload_updates(sightings.head(6)))["data"][UPLOAD_TRACE]
    head = sightings.head(6)
    assert len(uploaded["lat"]) == int((head["position_kind"].isin(["reported", "derived"]) & head["lat"].notna()).sum())
    hidden = apply_updates(figure, visibility_updates(layers, ["straits"]))["layout"]["meta"]["hidden"]
    assert hidden == ["kurils", "seas", "territorial"]             # land ("base") always shows
    assert apply_updates(figure, visibility_updates(layers, ["seas", "straits", "territorial", "kurils"])
                         )["layout"]["meta"]["hidden"] == []


def test_figure021_the_marker_rows_counted_without_copying_them():
    """point_mask marks the rows drawn as markers (a reported or derived point), and the views that
    only count markers or read a column of them (note, summary, halo) give the same answers
    from it as from the rows themselves (issue 20: a filter change copied every marker's row six times)."""
    from dashboard.figures import point_mask, selection_trace
    from dashboard.mapview import map_summary
    rows = pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "position_kind": ["reported", "derived", "area", "unlocated", "reported"],
        "lat": [41.5, 45.3, None, None, 41.6], "lon": [140.5, 141.9, None, None, 140.6],
        "ships": pd.array([2, None, 3, 1, 4], dtype="Int64"),
        "lane": ["Tsugaru", "Soya", "Tsugaru", "Open sea", "Tsugaru"],
        "strait": ["Tsugaru", "Soya", "Tsugaru", "", "Tsugaru"], "named_seas": [[], [], [], [], []]})
    assert point_mask(rows).tolist() == [True, True, False, False, True]
    assert point_rows(rows)["id"].tolist() == ["a", "b", "e"]
    assert map_note(rows) == ["3 on the map as points · 1 area-only (highlighted violet) · 1 without a position (table only)"]
    assert map_summary(rows) == ("The map shows 3 sightings as points: 2 in the Tsugaru Strait, 1 in the Soya Strait. "
                                 "Areas highlighted for reports that name only an area: Tsugaru Strait (1). "
                                 "1 without a position are listed in the table only.")
    assert (selection_trace(rows, "b")["lat"], selection_trace(rows, "b")["lon"]) == ([45.3], [141.9])
    assert selection_trace(rows, "b")["marker"]["size"] == [21.0]          # 7 (no ship count) + 14
    assert selection_trace(rows, "c")["lat"] == [] and selection_trace(rows, None)["lat"] == []


@pytest.mark.parametrize("text", [
    "Tsugaru Strait", "", " ", "east  of Cape Erimo ", "  leading spaces kept", "tab\tinside", "line\nbreak",
    "a" * 70, "a" * 71, "word " * 20, "津軽海峡を東から西へ航行", "ideographic\u3000space", "ends\u3000",
])
def test_figure022_hover_wrap_is_textwrap(text):
    """The hover labels' wrap skips textwrap only for a text that is one line as it stands (issue 20:
    textwrap was a third of the filter change); every answer is textwrap's."""
    import textwrap
    from dashboard.figures import wrap
    assert wrap(text, 70) == textwrap.wrap(text, 70)
    assert wrap(text, 12) == textwrap.wrap(text, 12)


def test_figure023_fan_offsets_rank_rows_of_one_lane_and_day_wherever_they_stand():
    """Rows of one lane and day fan out in their order, with other rows between them."""
    from dashboard.figures import fan_offsets
    lanes = pd.Series(["Soya", "Tsugaru", "Soya", "Soya", "Tsugaru"])
    days = pd.Series(pd.to_datetime(["2022-03-14", "2022-03-14", "2022-03-15", "2022-03-14", "2022-03-14"]))
    assert fan_offsets(lanes, days).round(2).tolist() == [-0.09, -0.09, 0.0, 0.09, 0.09]


def test_figure024_markers_and_table_read_only_their_columns():
    """The map's markers, the halo and the table read their own columns (rows are wide, issue 20):
    a column none of them names changes nothing, and each row still gives its own values."""
    from dashboard.figures import selection_trace
    rows = pd.DataFrame({
        "id": ["a", "b"], "event_date": pd.to_datetime(["2022-03-14", "2022-03-15"]),
        "report_date": pd.to_datetime(["2022-03-15", None]), "date_basis": ["stated", "stated"],
        "report_date_basis": ["stated", ""], "ships": pd.array([2, None], dtype="Int64"),
        "ship_types": [["Destroyer"], []], "hull_numbers": [["548"], []], "location_text": ["Tsugaru Strait", "x"],
        "location_text_ja": ["", ""], "direction": ["east", ""], "position_kind": ["reported", "derived"],
        "sea_area": ["", ""], "source_names": [["JSO"], []], "source_urls": [["https://example.org/a"], []],
        "lat": [41.5, 45.3], "lon": [140.5, 141.9], "lane": ["Tsugaru", "Soya"], "strait": ["Tsugaru", "Soya"],
        "activity": ["transit", "transit"], "notes": ["", ""], "distance_to_japan_km": [20.0, None],
        "primary_source": [False, False]})
    wide = rows.assign(unrelated=["x", "y"])
    assert points_trace(wide, "a") == points_trace(rows, "a")
    assert points_trace(rows, None)["customdata"] == ["a", "b"]
    assert points_trace(rows, None)["marker"]["size"] == [10.4, 7.0]
    assert selection_trace(wide, "b") == selection_trace(rows, "b") and selection_trace(rows, "b")["lat"] == [45.3]
    assert table_rows(wide) == table_rows(rows)
    assert [(r["id"], r["ships"], r["hull_numbers"]) for r in table_rows(rows)] == [("b", None, ""), ("a", 2, "548")]


def test_figure025_hover_parts_give_the_short_label_and_the_rest_in_one_pass():
    """A marker's hover needs the full label and, where sightings share its point, the short one:
    hover_parts makes both from one pass over the rows (issue 20), the same words as before."""
    from dashboard.figures import hover_parts
    rows = pd.DataFrame({
        "event_date": pd.to_datetime(["2022-03-14"]), "ships": pd.array([2], dtype="Int64"),
        "ship_types": [["Udaloy I-class destroyer"]], "hull_numbers": [["548"]], "location_text": ["Tsugaru Strait"],
        "location_text_ja": [""], "direction": ["east"], "position_kind": ["reported"], "sea_area": [""],
        "source_names": [["JSO"]], "source_urls": [["https://example.org/a"]]})
    head = "<b>14 Mar 2022</b> · 2 ships<br>Udaloy I-class destroyer"
    rest = ("<br>Hull numbers: 548<br>Where: Tsugaru Strait<br>Direction: east<br>Position: reported · sea: not stated"
            "<br>Source: JSO")
    assert hover_parts(rows) == [(head, rest)] and hover_parts(rows, short=True) == [(head, "")]
    assert hover_text(rows) == [head + rest] and hover_text(rows, short=True) == [head]


def test_figure026_named_rows_read_the_fields_columns_by_name_in_row_order():
    """named_rows gives each row's named columns as a named tuple, whatever other columns the frame
    holds and in whatever order (issue 20: no narrower frame is built first)."""
    from collections import namedtuple
    from dashboard.figures import named_rows
    Row = namedtuple("Row", ["ships", "id"])
    frame = pd.DataFrame({"id": ["a", "b", "c"], "lat": [1.0, 2.0, 3.0], "ships": pd.array([2, None, 1], dtype="Int64")},
                         index=[7, 3, 5])
    got = list(named_rows(frame, Row))
    assert [(row.id, None if pd.isna(row.ships) else row.ships) for row in got] == [("a", 2), ("b", None), ("c", 1)]
    assert list(named_rows(frame.iloc[:0], Row)) == []
