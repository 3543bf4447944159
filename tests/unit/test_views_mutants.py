"""The tabbed views on hand-made rows, stated literally (mutants of dashboard/views.py): which tab
computes, what each view returns for the filters, the voyages' records and the small panels."""

import datetime as dt

import pytest

from dashboard import views
from dashboard.filters import FilterSpec
from dashboard.views import (ViewContext, shown_view, sighting_link, table_view, unknown_sighting, vessels_view,
                             voyage_rows, voyages_section, voyages_view)
from tests.unit.test_workspace_views import rows

D = dt.date


@pytest.fixture(scope="module")
def three():
    return rows({"id": "a", "voyage_id": "v-a", "event_date": "2022-03-01", "strait": "Tsugaru", "ships": 2,
                 "hull_numbers": ["548"], "location_text": "off Cape Tappi"},
                {"id": "b", "voyage_id": "v-a", "event_date": "2022-03-04", "strait": "Soya", "ships": 3,
                 "hull_numbers": ["548", "564"], "voyage_link": ["with a: hull 548 in both"],
                 "notes": "Tappi named in the notes"},
                {"id": "c", "voyage_id": "v-c", "event_date": "2022-05-10", "strait": "", "ships": None})


def test_views_mutant001_only_the_active_tab_computes_and_the_table_is_the_default(three):
    assert shown_view("vessels", "table", three, FilterSpec()) is None
    assert shown_view("vessels", None, three, FilterSpec()) is None            # no tab chosen yet: the table shows
    assert [r["id"] for r in shown_view("table", None, three, FilterSpec())] == ["c", "b", "a"]
    assert [r["hull"] for r in shown_view("vessels", "vessels", three, FilterSpec(straits=("Soya",)))] == ["548", "564"]
    assert [r["voyage_id"] for r in shown_view("voyages", "voyages", three, FilterSpec())] == ["v-c", "v-a"]


def test_views_mutant002_the_table_says_where_the_search_matched(three):
    got = table_view(three, FilterSpec(search="tappi"))
    assert [(r["id"], r["matched_in"]) for r in got] == [("b", "notes"), ("a", "place, phrase")]
    assert [(r["id"], r["matched_in"]) for r in table_view(three, FilterSpec(straits=("Tsugaru",)))] == [("a", "")]


def test_views_mutant003_vessels_and_voyages_follow_the_filters(three):
    assert [(r["hull"], r["sightings"]) for r in vessels_view(three, FilterSpec())] == [("548", 2), ("564", 1)]
    assert [(r["hull"], r["sightings"]) for r in vessels_view(three, FilterSpec(straits=("Tsugaru",)))] == [
        ("548", 1)]
    assert voyages_view(three, FilterSpec(straits=("Soya",))) == [
        {"voyage_id": "v-a", "first": "2022-03-04", "last": "2022-03-04", "sightings": 1, "straits": "Soya",
         "ships": 3, "hulls": "548, 564", "links": "with a: hull 548 in both"}]


def test_views_mutant004_statistics_get_the_context_and_today_when_none_is_given(three, monkeypatch):
    calls = []

    def stats_update(frame, spec, **given):
        calls.append((frame, spec, given))
        return ("outputs",)
    monkeypatch.setattr(views.stats_view, "stats_update", stats_update)
    spec = FilterSpec(straits=("Soya",))
    context = ViewContext(version="2026.12.1", current_to=D(2026, 9, 15), names={"548": "Admiral Panteleyev"},
                          page_href="https://x.example/?strait=Soya", today=D(2024, 12, 1), lang="ja")
    assert views.statistics_view(three, spec, context) == ("outputs",)
    frame, got_spec, given = calls[-1]
    assert frame is three and got_spec == spec
    assert given == {"version": "2026.12.1", "current_to": D(2026, 9, 15), "page_href": "https://x.example/?strait=Soya",
                     "today": D(2024, 12, 1), "names": {"548": "Admiral Panteleyev"}, "lang": "ja"}
    views.statistics_view(three, spec)
    assert calls[-1][2] == {"version": "", "current_to": None, "page_href": None, "today": dt.date.today(),
                            "names": {}, "lang": "en"}
    assert shown_view("statistics", "statistics", three, spec, context) == ("outputs",)
    assert calls[-1][2]["lang"] == "ja"


def test_views_mutant005_voyages_in_report_order_whatever_the_frame_order():
    frame = rows({"id": "z", "voyage_id": "v-1", "event_date": "2022-03-04", "strait": "Soya", "ships": None,
                  "hull_numbers": ["564", "548"], "voyage_link": None},
                 {"id": "y", "voyage_id": "v-1", "event_date": "2022-03-01", "strait": "Tsugaru", "ships": None,
                  "hull_numbers": ["548"], "voyage_link": ["with y: one", "with y: one"]},
                 {"id": "x", "voyage_id": "v-1", "event_date": "2022-03-04", "strait": "", "ships": 4,
                  "hull_numbers": ["011"], "voyage_link": ["with x: two"]},
                 {"id": "w", "voyage_id": "v-0", "event_date": "2022-03-01", "strait": "Soya", "ships": 1},
                 {"id": "v", "voyage_id": "v-2", "event_date": "2021-12-31", "strait": "Soya", "ships": None})
    assert voyage_rows(frame.iloc[::-1]) == [
        {"voyage_id": "v-1", "first": "2022-03-01", "last": "2022-03-04", "sightings": 3, "straits": "Tsugaru, Soya",
         "ships": 4, "hulls": "548, 011, 564", "links": "with y: one; with x: two"},
        {"voyage_id": "v-0", "first": "2022-03-01", "last": "2022-03-01", "sightings": 1, "straits": "Soya",
         "ships": 1, "hulls": "", "links": ""},
        {"voyage_id": "v-2", "first": "2021-12-31", "last": "2021-12-31", "sightings": 1, "straits": "Soya",
         "ships": None, "hulls": "", "links": ""},
    ]


def test_views_mutant006_the_voyages_section_in_english_and_japanese():
    section = voyages_section()
    heading, hint, grid = section.children
    assert section.className == "voyages"
    assert (heading.children, heading.className) == ("Voyages", "section-title")
    assert hint.children == ("Sightings linked into one voyage, with the reason each link was made (stored with "
                             "the data). Only the sightings in the current selection count.")
    assert hint.className == "hint"
    assert (grid.id, grid.rowData, grid.getRowId) == ("voyages", [], "params.data.voyage_id")
    assert grid.className == "ag-theme-quartz voyages-table"
    assert grid.defaultColDef == {"sortable": True, "resizable": True, "filter": False}
    assert grid.dashGridOptions == {"localeText": {"noRowsToShow": "No voyages in this selection."},
                                    "animateRows": False, "domLayout": "autoHeight"}
    assert [c["headerName"] for c in grid.columnDefs] == [
        "Voyage", "First day", "Last day", "Sightings", "Straits (in order)", "Most ships at once", "Hull numbers",
        "Why linked (as stored)"]
    heading, hint, grid = voyages_section("ja").children
    assert heading.children == "航海"
    assert grid.columnDefs[0]["headerName"] != "Voyage"
    assert grid.dashGridOptions["localeText"]["noRowsToShow"] != "No voyages in this selection."
    assert "voyage" not in hint.children


def test_views_mutant007_a_sightings_link_and_an_unknown_id():
    link = sighting_link("2022-03-01-a b")
    anchor, after = link.children
    assert link.className == "permalink"
    assert (anchor.children, anchor.href, anchor.title, anchor.className) == (
        "Link to this sighting", "?id=2022-03-01-a+b", "?id=2022-03-01-a+b", "permalink-link")
    assert after == " (copy it to share this sighting)"
    ja = sighting_link("a", "ja")
    assert ja.children[0].href == "?id=a&lang=ja" and ja.children[1] != " (copy it to share this sighting)"
    title, message = unknown_sighting("zzz")
    assert (title.children, title.className) == ("Details", "details-title")
    assert message.children == ("No sighting has the id “zzz”: the link may be cut short or mistyped. Select a "
                                "sighting on the map, the time bar or the table to see it here.")
    assert (message.className, message.role) == ("details-unknown", "alert")
    title, message = unknown_sighting("zzz", "ja")
    assert title.children != "Details" and "zzz" in message.children and "No sighting" not in message.children
