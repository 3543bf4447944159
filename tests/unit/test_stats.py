"""Passage statistics, their charts, the summary sentence and the vessels table on hand-made rows
with literal answers (issue 18 points 2, 3, 9, 11, 13 and the "statistics that read right" build),
plus invariants of the shipped dataset through the app's routes and callback."""

import datetime as dt
import io

import pandas as pd
import pytest

from dashboard import ids
from dashboard.filters import FilterSpec, summary
from dashboard.stats_view import stats_figures
from dashboard.vessels import COLUMNS as VESSEL_COLUMNS
from dashboard.vessels import vessel_rows
from sightings.hulls import NO_CLASS, hull_table
from sightings.schema import STRAITS
from sightings.stats import (chinese_share, passage_table, passages, rows_by_source, ships_per_month,
                              source_note)
from tests.dash_requests import callback_body

NA = None


def _rows(*rows):
    """Hand-made sightings: (id, date, strait, direction, voyage, ships, hulls, release, with Chinese ships)."""
    return pd.DataFrame({
        "id": [r[0] for r in rows], "event_date": pd.to_datetime([r[1] for r in rows]),
        "strait": pd.array([r[2] for r in rows], dtype="str"), "direction": pd.array([r[3] for r in rows], dtype="str"),
        "voyage_id": pd.array([r[4] for r in rows], dtype="str"), "ships": pd.array([r[5] for r in rows], dtype="Int64"),
        "hull_numbers": [r[6] for r in rows], "primary_source": [r[7] for r in rows],
        "with_chinese_ships": [r[8] for r in rows],
        "ship_types": [[] for _ in rows], "vessels": [[] for _ in rows],
    })


#: One voyage through Soya east (sighted twice) and back west; two groups through Tsugaru the same
#: days, one of unknown size; two landing groups with no voyage; a passage across New Year;
#: passages with no compass word; a count the source does not give; rows that name no strait.
ROWS = _rows(
    ("r01", "2012-04-10", "Tsushima", "southwest", "", 4, [], False, False),
    ("r02", "2026-01-05", "Soya", "east, toward the Pacific", "v1", 2, ["333", "343"], True, False),
    ("r03", "2026-01-06", "Soya", "east", "v1", 2, ["333", "343"], True, False),
    ("r04", "2026-01-20", "Soya", "west", "v1", 2, ["333"], True, False),
    ("r05", "2021-10-18", "Tsugaru", "east", "v2", 10, ["548"], False, True),
    ("r06", "2021-10-19", "Tsugaru", "east", "v3", NA, [], False, True),
    ("r07", "2022-03-14", "Tsugaru", "west", "", 1, [], False, False),
    ("r08", "2022-03-15", "Tsugaru", "west", "", 4, ["011"], True, False),
    ("r09", "2022-03-31", "", "", "", 3, [], False, False),
    ("r10", "2020-12-31", "Tsushima", "northeast", "v4", 3, ["80"], False, False),
    ("r11", "2021-01-01", "Tsushima", "northeast, into the Sea of Japan", "v4", 3, ["80"], False, False),
    ("r12", "2014-05-29", "Tsushima", "toward the East China Sea", "", 6, ["011", "715"], False, False),
    ("r13", "2022-02-15", "Yonaguni", "north", "v5", NA, ["543"], True, False),
    ("r14", "2024-02-10", "", "", "", 2, [], False, False),
    ("r15", "2022-06-01", "Tsushima", "north", "", 2, [], False, False),
    ("r16", "2022-03-20", "Tsugaru", "into the Pacific", "", 2, [], False, False),
)


def test_truth18_passages_are_events_with_ship_sightings_hulls_and_unknown_counts():
    """Rows of one voyage, strait and heading are one passage (r02+r03; r10+r11 across New Year,
    in the year of its first sighting); rows without a voyage are one each (r07, r08)."""
    got = passages(ROWS)
    assert list(got.columns) == ["strait", "year", "heading", "passages", "ship_sightings", "distinct_hulls",
                                 "unknown_counts"]
    assert got.values.tolist() == [
        ["Soya", 2026, "east", 1, 4, 2, 0],
        ["Soya", 2026, "west", 1, 2, 1, 0],
        ["Tsugaru", 2021, "east", 2, 10, 1, 1],
        ["Tsugaru", 2022, "west", 2, 5, 1, 0],
        ["Tsugaru", 2022, "not stated", 1, 2, 0, 0],                  # after the stated headings
        ["Tsushima", 2012, "southwest", 1, 4, 0, 0],
        ["Tsushima", 2014, "not stated", 1, 6, 2, 0],
        ["Tsushima", 2020, "northeast", 1, 6, 1, 0],
        ["Tsushima", 2022, "north", 1, 2, 0, 0],
        ["Yonaguni", 2022, "north", 1, 0, 1, 1],
    ]
    empty = passages(ROWS.iloc[0:0])
    assert empty.empty and list(empty.columns) == list(got.columns)


def test_truth18_ship_sightings_per_month_flag_unknown_counts():
    got = ships_per_month(ROWS)
    assert got.assign(month=got["month"].dt.strftime("%Y-%m")).values.tolist() == [
        ["2012-04", 1, 4, 0], ["2014-05", 1, 6, 0], ["2020-12", 1, 3, 0], ["2021-01", 1, 3, 0],
        ["2021-10", 2, 10, 1], ["2022-02", 1, 0, 1], ["2022-03", 4, 10, 0], ["2022-06", 1, 2, 0],
        ["2024-02", 1, 2, 0], ["2026-01", 3, 6, 0],
    ]
    assert list(got.columns) == ["month", "sightings", "ship_sightings", "unknown_counts"]


def test_stats003_chinese_share_and_rows_by_source_per_year():
    share = chinese_share(ROWS)
    assert share[share["year"] == 2021].values.tolist() == [[2021, 3, 2, 2 / 3]]
    assert share["sightings"].sum() == len(ROWS)
    assert rows_by_source(ROWS).values.tolist() == [
        [2012, 0, 1], [2014, 0, 1], [2020, 0, 1], [2021, 0, 3], [2022, 2, 4], [2024, 0, 1], [2026, 3, 0]]


def _drawn_year_order(figure: dict) -> list:
    """The years along the x axis from left to right, as Plotly orders them."""
    axis = figure["layout"].get("xaxis", {})
    named = [x for trace in figure["data"] for x in trace["x"]]
    if axis.get("type", "category") == "category" or any(isinstance(x, str) for x in named):
        if axis.get("categoryorder") == "array":
            return [x for x in axis["categoryarray"] if x in named]
        if axis.get("categoryorder") == "category ascending":
            return sorted(set(named))
        return list(dict.fromkeys(named))               # the order in which traces first name them
    return sorted(set(named))                            # a numeric axis: by value


def test_truth02_years_in_order_on_every_yearly_axis():
    passages_chart, _, chinese_chart = stats_figures(ROWS)
    assert _drawn_year_order(passages_chart) == [2012, 2014, 2020, 2021, 2022, 2026]
    assert _drawn_year_order(chinese_chart) == [2012, 2014, 2020, 2021, 2022, 2024, 2026]
    for chart in (passages_chart, chinese_chart):
        ticks = chart["layout"]["xaxis"]["tickvals"]
        assert ticks == sorted(ticks) == [2012, 2014, 2020, 2021, 2022, 2024, 2026]
    assert chinese_chart["layout"]["xaxis"]["ticktext"][-1] == "2026<br>3 rel. / 0 news"


def test_truth03_a_month_bar_is_exactly_one_month_wide():
    _, monthly, _ = stats_figures(ROWS)
    bars = monthly["data"][0]
    assert monthly["layout"]["xaxis"]["type"] == "date"
    widths, offset = bars.get("width"), bars.get("offset")
    assert widths is not None and offset == 0, "each bar must state its width and start at its month"
    spans = [(pd.Timestamp(x) + pd.Timedelta(milliseconds=offset),
              pd.Timestamp(x) + pd.Timedelta(milliseconds=offset + w)) for x, w in zip(bars["x"], widths, strict=True)]
    assert all(start == start.to_period("M").start_time and end == (start + pd.offsets.MonthBegin(1))
               for start, end in spans)
    by_month = dict(zip(bars["x"], zip(widths, bars["y"], strict=True), strict=True))
    assert by_month["2022-03-01"] == (31 * 86_400_000, 10)          # 1 Mar 00:00 to 1 Apr 00:00
    assert by_month["2024-02-01"] == (29 * 86_400_000, 2)          # a leap February
    assert by_month["2021-10-01"][1] == 10


def test_truth18_unknown_counts_are_flagged_in_the_charts():
    passages_chart, monthly, _ = stats_figures(ROWS)
    bars = monthly["data"][0]
    flagged = [x for x, shape in zip(bars["x"], bars["marker"]["pattern"]["shape"], strict=True) if shape]
    assert flagged == ["2021-10-01", "2022-02-01"]
    october = bars["customdata"][bars["x"].index("2021-10-01")]
    assert "1 without a ship count" in october[1] and "ship-sightings" in bars["hovertemplate"]
    assert "2 sightings without a ship count" in passages_chart["layout"]["title"]["text"]
    tsugaru_east = next(t for t in passages_chart["data"] if t["name"] == "Tsugaru: east")
    assert tsugaru_east["x"] == [2021] and tsugaru_east["y"] == [2]            # y: passages
    assert tsugaru_east["customdata"] == [(10, 1, "; 1 sighting without a ship count")]
    assert "passages" in tsugaru_east["hovertemplate"] and "ship-sightings" in tsugaru_east["hovertemplate"]


def test_truth18_heading_shades_are_told_apart_in_the_legend():
    """Within a strait each heading has its own legend entry and its own look (pattern, opacity)."""
    passages_chart, _, _ = stats_figures(ROWS)
    looks = {}
    for trace in passages_chart["data"]:
        assert trace.get("showlegend", True) is not False
        marker = trace["marker"]
        looks.setdefault(trace["legendgroup"], []).append(
            (marker["color"], marker.get("pattern", {}).get("shape", ""), marker.get("opacity", 1.0)))
    assert sorted(looks) == ["Soya", "Tsugaru", "Tsushima", "Yonaguni"]
    assert len(looks["Tsushima"]) == 4                    # north, northeast, southwest, not stated
    for strait, styles in looks.items():
        assert len(set(styles)) == len(styles), f"{strait}: two headings drawn alike: {styles}"
    north = {t["marker"]["pattern"]["shape"] for t in passages_chart["data"] if t["name"].endswith(": north")}
    assert len(north) == 1                                # one heading, one pattern, whatever the strait
    # the stated headings present, alphabetically: east, north, northeast, southwest, west
    drawn = {t["name"]: (t["marker"]["color"].lower(), t["marker"]["pattern"]["shape"]) for t in passages_chart["data"]}
    assert drawn["Soya: east"] == ("#0072b2", "") and drawn["Soya: west"] == ("#0072b2", "\\")
    assert drawn["Tsushima: north"] == ("#009e73", "/") and drawn["Tsushima: northeast"] == ("#009e73", "x")
    assert drawn["Tsushima: southwest"] == ("#009e73", ".")
    assert drawn["Tsushima: not stated"] == ("#8cd3c0", "")          # the strait's colour, paler: no heading


def test_stats006_an_empty_selection_draws_empty_charts():
    for chart in stats_figures(ROWS.iloc[0:0]):
        assert all(trace["x"] == [] for trace in chart["data"])
        assert chart["layout"]["annotations"][0]["text"] == "No rows in this selection."


def test_truth13_an_even_year_is_not_called_mostly_releases():
    note = source_note(pd.DataFrame({"year": [2021, 2022, 2023], "releases": [0, 2, 5], "news": [3, 2, 1]}))
    assert note.startswith("Where each year's rows come from: 2023 mostly from Joint Staff releases; "
                           "2022 half from releases, half from news; other years mostly from news samples (")
    assert "2022: 2 from releases, 2 from news" in note
    only_news = source_note(pd.DataFrame({"year": [2011], "releases": [0], "news": [4]}))
    assert only_news.startswith("Where each year's rows come from: all years mostly from news samples (2011: ")
    assert source_note(pd.DataFrame({"year": [2022], "releases": [2], "news": [2]})).startswith(
        "Where each year's rows come from: 2022 half from releases, half from news (2022: 2 from releases, 2 from news).")
    assert source_note(rows_by_source(ROWS.iloc[0:0])) == "No rows in this selection."


#: The record's last report date, as the app passes it to every summary (issue 25 item 1).
D_CURRENT = dt.date(2022, 12, 31)


@pytest.mark.parametrize("rows, expected", [
    (["r05", "r06"], "2 sightings, 10 ship-sightings (1 sighting without a ship count), 18 Oct - 19 Oct 2021, data current to 31 Dec 2022"),
    (["r10", "r11"], "2 sightings, 6 ship-sightings, 31 Dec 2020 - 1 Jan 2021, data current to 31 Dec 2022"),      # one group of 3, seen twice
    (["r07"], "1 sighting, 1 ship-sighting, 14 Mar 2022, data current to 31 Dec 2022"),
    (["r06", "r13"], "2 sightings, 0 ship-sightings (2 sightings without a ship count), 19 Oct 2021 - 15 Feb 2022, data current to 31 Dec 2022"),
])
def test_truth09_the_summary_says_ship_sightings_and_flags_unknown_counts(rows, expected):
    assert summary(ROWS[ROWS["id"].isin(rows)], FilterSpec(), D_CURRENT) == expected


def _typed(*rows):
    """Hand-made rows (date, strait, ship types, hulls, vessel entries) for the vessels table."""
    return pd.DataFrame({"event_date": pd.to_datetime([r[0] for r in rows]), "strait": [r[1] for r in rows],
                         "ship_types": [r[2] for r in rows], "hull_numbers": [r[3] for r in rows],
                         "vessels": [r[4] for r in rows]})


def test_truth11_vessels_table_sorts_hull_numbers_as_numbers_keeping_their_text():
    rows = _typed(("2026-03-27", "Soya", [], ["80", "011", "548"], []),
                  ("2026-03-28", "Soya", [], ["1000", "066", "99"], []))
    assert hull_table(rows)["hull"].tolist() == ["011", "066", "80", "99", "548", "1000"]
    assert [record["hull"] for record in vessel_rows(rows)] == ["011", "066", "80", "99", "548", "1000"]
    hull_column = next(column for column in VESSEL_COLUMNS if column["field"] == "hull")
    assert hull_column.get("sortable") is False          # the grid's own sort would compare the text


def test_truth11_vessels_table_counts_only_the_rows_it_is_given():
    rows = _typed(("2022-01-05", "Soya", [], ["548", "543"], []), ("2022-02-05", "Tsushima", [], ["548"], []),
                  ("2022-03-05", "", [], ["543"], []))
    chosen = rows[rows["hull_numbers"].map(lambda hulls: "543" in hulls)]
    assert hull_table(chosen)[["hull", "sightings", "straits"]].values.tolist() == [
        ["543", 2, "Soya"], ["548", 1, "Soya"]]


@pytest.mark.parametrize("types, hulls, vessels, expected", [
    (["Udaloy I-class destroyer", "Baklazhan-class rescue tug"], ["548"], [], {"548": NO_CLASS}),   # two classes
    (["Udaloy I-class destroyer", "rescue tug"], ["548"], [], {"548": NO_CLASS}),        # a class and a generic word
    (["destroyers (2)"], ["548", "543"], [], {"548": NO_CLASS, "543": NO_CLASS}),          # no class named
    ([], ["548"], [], {"548": NO_CLASS}),                                                 # no ship type at all
    (["Udaloy I-class destroyer"], ["543", "333"], ["Udaloy III-class destroyer (543)"],  # the vessel entry names
     {"543": "Udaloy III-class destroyer", "333": NO_CLASS}),                              # a second class
    (["Udaloy I-class destroyer", "Steregushchiy-class frigate"], ["54", "548"],
     ["Steregushchiy-class frigate (54)"], {"54": "Steregushchiy-class frigate", "548": NO_CLASS}),
    (["Udaloy I-class destroyers (2)"], ["548", "564"], [],                               # one class: every hull
     {"548": "Udaloy I-class destroyer", "564": "Udaloy I-class destroyer"}),
])
def test_truth13_no_class_is_guessed_for_a_hull(types, hulls, vessels, expected):
    table = hull_table(_typed(("2022-01-05", "Soya", types, hulls, vessels)))
    assert dict(zip(table["hull"], table["class"], strict=True)) == expected


def test_truth13_a_hull_lists_only_the_classes_its_own_rows_give():
    rows = _typed(("2022-01-05", "Soya", ["Udaloy I-class destroyer"], ["543"], []),
                  ("2023-01-05", "Soya", ["Udaloy I-class destroyer", "Steregushchiy-class frigate"], ["543", "333"],
                   ["Udaloy III-class destroyer (543)"]),
                  ("2024-01-05", "Soya", ["Steregushchiy-class frigate"], ["335"], []))
    assert dict(zip(hull_table(rows)["hull"], hull_table(rows)["class"], strict=True)) == {
        "333": NO_CLASS, "335": "Steregushchiy-class frigate",
        "543": "Udaloy I-class destroyer; Udaloy III-class destroyer"}


# -- the shipped dataset, through the app: invariants only ------------------------------------------

def test_truth11_the_vessels_table_follows_the_hull_filter(app, sightings):
    """``?hull=548``: the table lists 548 and the hulls seen with it, counted in 548's sightings only."""
    client = app.server.test_client()
    body = callback_body(client.get("/_dash-dependencies").get_json(), ids.VESSELS, f"{ids.SPEC}.data",
                         {ids.SPEC: {"hulls": ["548"]}, ids.VIEW_TABS: "vessels"})
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    records = response.get_json()["response"][ids.VESSELS]["rowData"]
    chosen = sightings[sightings["hull_numbers"].map(lambda hulls: "548" in hulls)]
    want = chosen.explode("hull_numbers").dropna(subset="hull_numbers").groupby("hull_numbers").size()
    assert {r["hull"]: r["sightings"] for r in records} == want.to_dict()
    assert [r["hull"] for r in records] == sorted(want.index, key=lambda hull: (int(hull), hull))


def test_truth18_passages_csv_columns_and_sums(app, sightings):
    query = "?from=2022-01-01&to=2026-12-31&strait=Soya&strait=Tsushima"
    client = app.server.test_client()
    stats = pd.read_csv(io.BytesIO(client.get("/stats/passages.csv" + query).data))
    rows = pd.read_csv(io.BytesIO(client.get("/download/x.csv" + query).data), dtype={"voyage_id": str})
    assert list(stats.columns) == ["strait", "year", "heading", "passages", "ship_sightings", "distinct_hulls",
                                   "unknown_counts", "partial"]
    assert stats["ship_sightings"].sum() == rows["ships"].sum()
    assert stats["unknown_counts"].sum() == rows["ships"].isna().sum()
    voyages = rows["voyage_id"].fillna("")
    groups = rows.assign(key=voyages.where(voyages != "", rows["id"]))[["key", "strait"]].drop_duplicates()
    assert len(groups) <= stats["passages"].sum() <= len(rows)      # a passage: a group through a strait, per heading
    assert set(stats["strait"]) == {"Soya", "Tsushima"} and stats["year"].between(2022, 2026).all()


def test_zeros001_passage_table_has_a_line_for_every_strait_and_year_zeros_included():
    """Issue 25 item 3: a strait-year with no passage is an explicit zero line (heading "all"),
    so a missing year never looks like a missing line; years run from the first to the last
    selected row (r14, 2024, names no strait but is in the selection)."""
    chosen = ROWS[ROWS["id"].isin(["r05", "r07", "r08", "r14", "r15"])]      # 2021, 2022 x2, 2024, 2022
    got = passage_table(chosen, ("Tsugaru", "Tsushima"))
    assert list(got.columns) == ["strait", "year", "heading", "passages", "ship_sightings", "distinct_hulls",
                                 "unknown_counts"]
    assert got.values.tolist() == [
        ["Tsugaru", 2021, "east", 1, 10, 1, 0],
        ["Tsugaru", 2022, "west", 2, 5, 1, 0],
        ["Tsugaru", 2023, "all", 0, 0, 0, 0],
        ["Tsugaru", 2024, "all", 0, 0, 0, 0],
        ["Tsushima", 2021, "all", 0, 0, 0, 0],
        ["Tsushima", 2022, "north", 1, 2, 0, 0],
        ["Tsushima", 2023, "all", 0, 0, 0, 0],
        ["Tsushima", 2024, "all", 0, 0, 0, 0],
    ]
    assert passage_table(ROWS.iloc[0:0]).empty
    assert passage_table(chosen, ()).empty
    assert passage_table(ROWS[ROWS["id"] == "r14"], ("Soya",)).values.tolist() == [["Soya", 2024, "all", 0, 0, 0, 0]]


@pytest.mark.parametrize("query", ["", "?from=2022-01-01&to=2026-12-31", "?sea=Sea+of+Japan"])
def test_zeros002_shipped_passages_csv_has_every_strait_x_every_selected_year(app, sightings, query):
    """Invariant over the shipped data: every strait of the schema x every year from the first to
    the last selected year has a line in /stats/passages.csv; zero lines say 0 everywhere."""
    client = app.server.test_client()
    stats = pd.read_csv(io.BytesIO(client.get("/stats/passages.csv" + query).data), keep_default_na=False)
    rows = pd.read_csv(io.BytesIO(client.get("/download/x.csv" + query).data), dtype=str, keep_default_na=False)
    years = pd.to_datetime(rows["event_date"]).dt.year
    want = {(strait, year) for strait in STRAITS for year in range(years.min(), years.max() + 1)}
    assert set(zip(stats["strait"], stats["year"])) == want
    zeros = stats[stats["heading"] == "all"]
    assert len(zeros) and (zeros[["passages", "ship_sightings", "distinct_hulls", "unknown_counts"]] == 0).all().all()
    assert (stats.loc[stats["heading"] != "all", "passages"] > 0).all()
