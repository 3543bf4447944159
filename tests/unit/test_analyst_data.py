"""Vessels table, timeline events, the voyage layer's figure data and the statistics CSV route."""

import io

import pandas as pd
import pytest

from dashboard.events import SHOW, load_events, with_events
from dashboard.tracks_figure import INFERRED_TRACE, LINE_TRACE, track_data, track_visibility
from dashboard.vessels import picked
from sightings.hulls import HULL_COLUMNS, NO_CLASS, hull_table
from tests.expected import assert_passage_sums_match


def test_vessel001_hull_table_equals_an_explode_groupby(sightings):
    table = hull_table(sightings).set_index("hull")
    exploded = sightings[["event_date", "hull_numbers", "strait"]].explode("hull_numbers").dropna()
    want = exploded.groupby("hull_numbers").agg(first=("event_date", "min"), last=("event_date", "max"),
                                                sightings=("event_date", "size"))
    assert sorted(table.index) == sorted(want.index)
    assert (table.loc[want.index, ["first", "last", "sightings"]] == want).all().all()
    # classes and straits of particular hulls are stated on the frozen fixture (test_frozen_hulls),
    # never pinned to the live record; here only what holds for any record:
    straits = sightings[sightings["strait"] != ""].explode("hull_numbers").dropna(subset="hull_numbers")
    assert {hull: set(text.split(", ")) - {""} for hull, text in table["straits"].items()} == {
        hull: set(straits.loc[straits["hull_numbers"] == hull, "strait"]) for hull in table.index}
    assert table.index.tolist() == sorted(table.index, key=lambda hull: (int(hull), hull))   # as numbers: 011 before 80


@pytest.mark.parametrize("types, hulls, vessels, expected", [
    (["Steregushchiy-class frigate"], ["333", "335"], [], {"333": "Steregushchiy-class frigate",
                                                            "335": "Steregushchiy-class frigate"}),
    (["Udaloy I-class destroyer", "Baklazhan-class rescue tug"], ["548"], [], {}),       # two classes: not tied
    (["Udaloy I-class destroyer", "Steregushchiy-class frigate"], ["543", "333"],
     ["Udaloy I-class destroyer (543)", "Steregushchiy-class frigate (333)"],
     {"543": "Udaloy I-class destroyer", "333": "Steregushchiy-class frigate"}),
    (["destroyers (2)"], ["548"], [], {}),                                               # no class named
    (["Udaloy I-class destroyer"], ["543", "548"], ["Udaloy III-class destroyer (543)"],  # the vessel entry wins
     {"543": "Udaloy III-class destroyer"}),              # and names a second class: 548's is not guessed
])
def test_vessel002_a_hull_class_is_only_what_the_row_says(types, hulls, vessels, expected):
    table = hull_table(_faceted(("2022-01-05", "Soya", types, hulls, vessels)))
    assert sorted(table["hull"]) == sorted(hulls)
    assert {hull: name for hull, name in zip(table["hull"], table["class"]) if name != NO_CLASS} == expected


@pytest.mark.parametrize("cell, expected", [
    ({"rowId": "548", "colId": "hull", "value": "548"}, ("hulls", "548")),
    ({"rowId": "548", "colId": "sightings", "value": 8}, ("hulls", "548")),
    ({"rowId": "548", "colId": "class", "value": "Udaloy I-class destroyer"}, ("search", "Udaloy I-class destroyer")),
    ({"rowId": "066", "colId": "class", "value": "not stated"}, ("hulls", "066")),
    ({"rowId": 5}, None),
    (None, None),
])
def test_vessel003_a_click_opens_the_hull_or_searches_the_class(cell, expected):
    assert picked(cell) == expected


def test_events001_the_shipped_events_load_and_draw_and_hide():
    events = load_events()
    assert [e.start.isoformat() for e in events] == ["2021-10-17", "2022-02-24", "2022-03-16", "2022-09-01"]
    figure = {"data": [], "layout": {"annotations": [{"text": "kept"}]}}
    drawn = with_events(figure, events, [SHOW])
    assert len(drawn["layout"]["shapes"]) == 4 and drawn["layout"]["annotations"][0] == {"text": "kept"}
    assert "Russia invades Ukraine" in drawn["layout"]["annotations"][2]["hovertext"]
    assert with_events(figure, events, []) is figure


def test_events002_a_bad_row_names_row_field_and_fix(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("start_date,end_date,label,kind,source_url,source_name\n"
                    "2022-02-24,2022-02-30,x,war,https://example.org,Example\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"row 2, dates '2022-02-24'/'2022-02-30': write YYYY-MM-DD"):
        load_events(path)


def test_tracks_figure001_voyage_line_runs_through_its_sightings_in_time_order(frozen):
    """The frozen fixture's voyage v-fx-09: fx-09 (34.30N 129.65E, 7 Apr 2024 21:00) then fx-10 (derived,
    100 km N of the Oki Islands, 8 Apr), a day apart across open sea: one drawn line, one chevron."""
    from pyproj import Geod
    lon, lat, _ = Geod(ellps="WGS84").fwd(133.283, 36.233, 0.0, 100_000)     # data/gazetteer.csv: Dōgo (Oki Islands)
    lines, inferred = track_data(frozen[frozen["voyage_id"] == "v-fx-09"])
    assert lines["lat"][:2] == pytest.approx([34.30, lat], abs=1e-4) and lines["lat"][2] is None
    assert lines["lon"][:2] == pytest.approx([129.65, lon], abs=1e-4)
    assert len(lines["lat"]) == 2 + 4                     # (4 decimals, as drawn) then a chevron for the one leg, None before it
    assert lines["text"][0].startswith("<b>Voyage v-fx-09</b> · 2 sightings, 7 Apr - 8 Apr 2024<br>Ships: "
                                       "Slava-class missile cruiser; Udaloy I-class destroyer<br>Hulls: 011, 564<br>")
    assert "Linked because: fx-10 with fx-09: hull 011 in both" in lines["text"][0]
    assert len(set(lines["text"]) - {None}) == 1          # an arrow's hover names its voyage too
    assert inferred["lat"] and "text" not in inferred    # fx-09's northeast passage, dashed
    assert track_visibility(["seas"]) == [(("data", i, "visible"), False) for i in (LINE_TRACE, INFERRED_TRACE)]


def test_stats_route001_csv_sums_equal_the_download(client):
    query = "?from=2022-01-01&to=2026-12-31&strait=Soya&strait=Tsushima"
    stats = pd.read_csv(io.BytesIO(client.get("/stats/passages.csv" + query).data))
    rows = pd.read_csv(io.BytesIO(client.get("/download/x.csv" + query).data))
    assert_passage_sums_match(stats, rows)


def _faceted(*rows):
    """Hand-made rows (date, strait, types, hulls, vessels) through the pipeline's facet columns.

    A vessel entry's class wins over the one class the row's types name; a hull given two
    classes by two rows lists both; a row naming no class ties none."""
    from sightings.pipeline import add_facets
    return add_facets(pd.DataFrame([{
        "id": f"r{i}", "event_date": pd.Timestamp(date), "strait": strait, "ship_types": types, "hull_numbers": hulls,
        "vessels": vessels, "sea_area": "", "position_kind": "reported", "activity": "transit", "source_urls": [],
    } for i, (date, strait, types, hulls, vessels) in enumerate(rows)]))


def test_vessel004_hull_table_of_hand_made_rows():
    rows = _faceted(
        ("2022-03-01", "Tsugaru", ["Udaloy I-class destroyer"], ["548"], []),
        ("2022-01-05", "", ["Udaloy I-class destroyer"], ["543", "333"], ["Udaloy III-class destroyer (543)"]),
        ("2023-07-09", "Soya", ["destroyers (2)"], ["548", "99"], []),
        ("2021-02-02", "Soya", ["Steregushchiy-class frigate"], ["333"], []),
        ("2021-01-01", "Tsugaru", [], [], []),
    )
    assert hull_table(rows).to_dict("records") == [
        {"hull": "99", "class": "not stated", "first": pd.Timestamp("2023-07-09"), "last": pd.Timestamp("2023-07-09"),
         "sightings": 1, "straits": "Soya"},
        # r1's vessel entry names Udaloy III beside its types' Udaloy I: two classes, so 333 gets none from r1
        {"hull": "333", "class": "Steregushchiy-class frigate", "first": pd.Timestamp("2021-02-02"),
         "last": pd.Timestamp("2022-01-05"), "sightings": 2, "straits": "Soya"},
        {"hull": "543", "class": "Udaloy III-class destroyer", "first": pd.Timestamp("2022-01-05"),
         "last": pd.Timestamp("2022-01-05"), "sightings": 1, "straits": ""},
        {"hull": "548", "class": "Udaloy I-class destroyer", "first": pd.Timestamp("2022-03-01"),
         "last": pd.Timestamp("2023-07-09"), "sightings": 2, "straits": "Soya, Tsugaru"},
    ]
    assert hull_table(rows[rows["id"] == "r4"]).empty and list(hull_table(rows.iloc[0:0]).columns) == list(HULL_COLUMNS)


def test_vessel006_one_character_hulls_and_vessel_entries_without_a_hull():
    """A hull of one character is a hull (";7;" in the facet column); a vessel entry with no
    "(hull)" names no hull's class, and the row's one class still does."""
    rows = _faceted(("2024-05-01", "Soya", ["Udaloy I-class destroyer"], ["7"], ["Admiral Panteleyev"]))
    assert hull_table(rows).to_dict("records") == [
        {"hull": "7", "class": "Udaloy I-class destroyer", "first": pd.Timestamp("2024-05-01"),
         "last": pd.Timestamp("2024-05-01"), "sightings": 1, "straits": "Soya"}]


def test_vessel005_vessel_rows_are_the_table_with_iso_dates(sightings):
    from dashboard.vessels import vessel_rows
    records = vessel_rows(sightings[sightings["strait"] == "Tsugaru"])
    want = sightings[sightings["strait"] == "Tsugaru"].explode("hull_numbers").dropna(subset="hull_numbers")
    assert sorted(r["hull"] for r in records) == sorted(want["hull_numbers"].unique())
    first = {r["hull"]: r["first"] for r in records}
    assert first == want.groupby("hull_numbers")["event_date"].min().dt.strftime("%Y-%m-%d").to_dict()
    assert vessel_rows(sightings.iloc[0:0]) == []
