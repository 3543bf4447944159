"""Vessel dossiers (dashboard.dossier) and the readable details panel (dashboard.details).

Hand-made rows with literal answers; over the live data, invariants only; and the URL
callback through Dash's HTTP endpoint.
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import ids
from dashboard.details import details_panel, same_as_links
from dashboard.dossier import build_dossier, dossier_panel, hull_href, sighting_href, url_panel, with_sighting
from sightings.vessels import REGISTER_COLUMNS, read_register
from tests.dash_requests import dependency_body, triggered_by

REGISTER = pd.DataFrame([
    {**dict.fromkeys(REGISTER_COLUMNS, ""), "hull_number": "081", "name": "Nikolai Vilkov",
     "stated_for": "2016-06-21", "source_name": "rybachii blog",
     "source_url": "http://rybachii.blog84.fc2.com/blog-entry-2959.html", "source_note": "The blog identifies 081."},
    {**dict.fromkeys(REGISTER_COLUMNS, ""), "hull_number": "548", "name": "Admiral Panteleyev",
     "class": "Udaloy I-class destroyer", "source_name": "FlyTeam",
     "source_url": "https://flyteam.jp/news/article/105005", "source_note": "Page: ..."},
])


def _frame() -> pd.DataFrame:
    rows = [
        ("s3", "2016-07-10", ["081"], "Tsugaru", "east", "off Cape Tappi", [], "v-s2", ["A"], ["https://a"]),
        ("s1", "2016-06-02", ["077"], "Soya", "west", "Soya Strait", [], "v-s1", ["B"], ["https://b"]),
        ("s2", "2016-06-21", ["548", "081"], "Tsushima", "south", "Tsushima Strait",
         ["Udaloy I-class destroyer", "landing ship"], "v-s2", ["B", "A"], ["https://b", "https://a"]),
        ("s4", "2016-08-01", ["081"], "", "", "Sea of Japan", [], "v-s4", ["C"], ["mailto:x"]),
        ("s5", "2016-07-12", [], "", "", "off Sado", [], "v-s2", [], []),
    ]
    frame = pd.DataFrame(rows, columns=["id", "event_date", "hull_numbers", "strait", "direction", "location_text",
                                        "ship_types", "voyage_id", "source_names", "source_urls"])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["vessels"] = [[], [], ["Udaloy I-class destroyer (548)"], [], []]     # 081's class: not stated
    return frame


def test_dossier01_hull_081_literal():
    found = build_dossier(_frame(), REGISTER, "081")
    assert [entry["name"] for entry in found.names] == ["Nikolai Vilkov"]
    assert [s["id"] for s in found.sightings] == ["s2", "s3", "s4"]                 # date order
    assert [s["date"] for s in found.sightings] == ["2016-06-21", "2016-07-10", "2016-08-01"]
    assert [(p["date"], p["strait"], p["direction"]) for p in found.straits] == [
        ("2016-06-21", "Tsushima", "south"), ("2016-07-10", "Tsugaru", "east")]
    assert found.voyages == ({"voyage_id": "v-s2", "first": "2016-06-21", "last": "2016-07-12", "sightings": 3},
                             {"voyage_id": "v-s4", "first": "2016-08-01", "last": "2016-08-01", "sightings": 1})
    assert found.sources == (("B", "https://b"), ("A", "https://a"))              # mailto: is no web source
    assert found.classes == ()                                                       # no report names 081's class


def test_dossier02_class_and_project_from_reports_and_dictionary():
    found = build_dossier(_frame(), REGISTER, "548")
    assert found.classes == (("Udaloy I-class destroyer", "Project 1155", "reports"),)
    assert found.names[0]["source_url"] == "https://flyteam.jp/news/article/105005"


def test_dossier03_unknown_hull_is_none_and_unnamed_hull_says_so():
    assert build_dossier(_frame(), REGISTER, "999") is None
    assert "No sighting in the record lists this hull" in str(dossier_panel(None, "999"))
    unnamed = build_dossier(_frame(), REGISTER, "077")
    assert unnamed.names == () and [s["id"] for s in unnamed.sightings] == ["s1"]
    assert "No page at hand names the ship" in str(dossier_panel(unnamed))


def test_dossier04_hull_as_written_011_is_not_11():
    frame = _frame().assign(hull_numbers=[["011"], ["11"], [], [], []])
    assert [s["id"] for s in build_dossier(frame, REGISTER, "011").sightings] == ["s3"]


def test_dossier05_panel_names_links_and_lists():
    panel = str(dossier_panel(build_dossier(_frame(), REGISTER, "081")))
    assert "Hull 081 · Nikolai Vilkov" in panel
    assert "http://rybachii.blog84.fc2.com/blog-entry-2959.html" in panel
    assert all(f"'{sighting_href(i)}'" in panel for i in ("s2", "s3", "s4"))
    assert "2016-06-21 Tsushima, heading south" in panel and "2016-07-10 Tsugaru, heading east" in panel


@pytest.mark.parametrize(("search", "selected", "expected"), [
    ("?hull=548", None, ("dossier", "548")),
    ("?from=2016-01-01&hull=081", None, ("dossier", "081")),
    ("?hull=548&hull=081", None, ("hint", None)),             # two hulls: no dossier
    ("?hull=081", "s2", ("dossier", "081")),                  # the bare dossier link: always the dossier
    ("?from=2016-01-01&hull=081", "s2", None),                # a filter changed: the selected s2 lists 081, stays
    ("?from=2016-01-01&hull=081", "s1", ("dossier", "081")),  # s1 does not list 081: the dossier replaces it
    ("?id=s3", None, ("sighting", "s3")),
    ("?id=s3&hull=548", None, ("sighting", "s3")),
    ("?id=nope", None, None),                   # an unknown id: the selection callback names it
    ("?id=nope&hull=548", None, None),
    ("", "s2", None), ("", None, ("hint", None)), (None, None, ("hint", None)),
])
def test_dossier06_what_the_url_opens(search, selected, expected):
    assert url_panel(search, _frame(), REGISTER, selected) == expected


@pytest.mark.parametrize(("query", "search", "expected"), [
    ("?hull=548", "?hull=548&id=s2", "?hull=548&id=s2"),
    ("", "?id=s2", "?id=s2"),
    ("?hull=548", None, "?hull=548"),                          # a control changed the filters: no id kept
    ("", "?id=s2&id=s3", ""),                                  # two ids: none
    ("", "?id=%3Cscript%3E", ""),                              # not an id
])
def test_dossier11_the_url_rewrite_keeps_a_permalink_id(query, search, expected):
    assert with_sighting(query, search) == expected


# -- readable details ------------------------------------------------------------------------

def _row(**values) -> pd.Series:
    row = {"id": "r2", "event_date": pd.Timestamp("2026-03-15"), "location_text": "x", "location_text_ja": "",
           "source_names": ["Joint Staff"], "source_urls": ["https://www.mod.go.jp/js/pdf/2026/p20260316_01.pdf"],
           "voyage_id": "v-r1", "voyage_link": ["with r1: p20260316_01 says same as the 3 Oct 2025 Tsushima passage "
                                                "heading southwest"],
           "same_as": ["2025-10-03 Tsushima southwest", "2025-10-05/2025-10-06 Yonaguni southwest"],
           "hull_numbers": ["543", "011"], "position_kind": "unlocated", "strait": "", "named_seas": [],
           "date_basis": "stated", "report_date_basis": "release", "in_strait": False,
           "in_japan_territorial_sea": True, "with_chinese_ships": False}
    row.update(values)
    return pd.Series(row)


def test_details01_yes_no_not_true_false():
    panel = str(details_panel(_row()))
    assert "'Yes'" in panel and "'No'" in panel
    assert "True" not in panel.replace("allow_duplicate=True", "") and "'False'" not in panel


def test_details02_same_as_links_with_release():
    assert same_as_links(_row()) == [("2025-10-03 Tsushima southwest", "r1", "p20260316_01"),
                                     ("2025-10-05/2025-10-06 Yonaguni southwest", "", "")]
    panel = str(details_panel(_row()))
    assert f"'{sighting_href('r1')}'" in panel and "p20260316_01 says so" in panel
    assert "https://www.mod.go.jp/js/pdf/2026/p20260316_01.pdf" in panel


def test_details03_hulls_link_to_dossiers_and_permalink():
    panel = str(details_panel(_row()))
    assert f"'{hull_href('543')}'" in panel and f"'{hull_href('011')}'" in panel
    assert "Permalink" in panel and f"'{sighting_href('r2')}'" in panel


def test_details04_voyage_reason_and_link_to_the_earlier_sighting():
    panel = str(details_panel(_row()))
    assert "Voyage v-r1: linked with r1: p20260316_01 says same as the 3 Oct 2025 Tsushima passage" in panel
    assert "open r1" in panel


# -- over the live data ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def live(sightings):
    """The shipped dataset as the app serves it (the session's ``sightings``, built once)."""
    return sightings


def test_dossier07_live_every_hull_dossier_lists_exactly_its_rows(live):
    register = read_register()
    for hull in ("548", "011", "543", "080"):
        found = build_dossier(live, register, hull)
        expected = live.loc[live["hull_numbers"].map(lambda h: hull in h), "id"]      # independent
        if found is None:
            assert expected.empty and (register["hull_number"] != hull).all()
            continue
        assert sorted(s["id"] for s in found.sightings) == sorted(expected)
        assert [s["date"] for s in found.sightings] == sorted(s["date"] for s in found.sightings)
        assert all(p["strait"] for p in found.straits)


def test_dossier08_live_548_has_a_sourced_name(live):
    found = build_dossier(live, read_register(), "548")
    assert found.names and {entry["name"] for entry in found.names} == {"Admiral Panteleyev"}
    assert all(entry["source_url"].startswith(("http://", "https://")) for entry in found.names)


# -- the URL callback through Dash's endpoint ----------------------------------------------------

def _open(app, search, selected=None):
    client = app.server.test_client()
    dependency, = [d for d in triggered_by(client.get("/_dash-dependencies").get_json(), f"{ids.URL}.search")
                   if ids.DETAILS in d["output"]]
    body = dependency_body(dependency, f"{ids.URL}.search", {ids.URL: search, ids.SELECTED: selected})
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.data[:300]
    return response.get_json()["response"] if response.status_code == 200 else {}


def test_dossier09_url_hull_548_opens_the_dossier_with_its_name(app):
    got = _open(app, "?hull=548")
    shown = str(got[ids.DETAILS]["children"])
    assert "Hull 548 · Admiral Panteleyev" in shown and "https://flyteam.jp/news/article/105005" in shown
    assert got[ids.SELECTED]["data"] is None


def test_dossier10_url_id_is_left_to_the_selection_callback(app, live):
    """``?id=`` is the selection's (details, map halo, time bar, framing: test_workspace003/104);
    the dossier's callback sends nothing for it, so the two never race for the details panel."""
    first = live["id"].iloc[0]
    got = _open(app, sighting_href(first))
    assert ids.DETAILS not in got and ids.SELECTED not in got
