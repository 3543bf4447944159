"""The details panel's sentences and blocks on hand-made rows, stated literally (mutants of dashboard/details.py)."""

import numpy as np
import pandas as pd
import pytest
from dash import dcc, html

from dashboard.details import _field, _shown, _voyage_link, date_story, details_panel, position_story, \
    same_as_links, voyage_story

RELEASE = "https://www.mod.go.jp/js/pdf/2026/p20260316_01.pdf"
LINK = "with r1: p20260316_01 says same as the 3 Oct 2025 Tsushima passage heading southwest"


def row(**values) -> pd.Series:
    base = {"id": "r2", "event_date": pd.Timestamp("2026-03-15"), "location_text": "off Tsushima",
            "location_text_ja": "", "source_names": ["Joint Staff", "", "Notes", "Old"],
            "source_urls": [RELEASE, "HTTPS://example.org/a", "file:///etc/passwd", "http://old.example/b"],
            "voyage_id": "v-r2", "voyage_link": [], "same_as": [], "hull_numbers": ["543"],
            "position_kind": "unlocated", "strait": "", "named_seas": [], "date_basis": "stated",
            "report_date_basis": "release", "in_strait": False}
    base.update(values)
    return pd.Series(base)


def text(component) -> str:
    """The words a reader sees in ``component`` (its children's text joined, links' text included)."""
    if isinstance(component, (list, tuple)):
        return "".join(text(c) for c in component)
    if isinstance(component, str):
        return component
    children = getattr(component, "children", None)
    return "" if children is None else text(children)


def by_class(blocks, name):
    return [b for b in blocks if getattr(b, "className", None) == name]


@pytest.mark.parametrize("values, expected", [
    ({"position_kind": "reported", "lat": 45.123456, "lon": 141.98765},
     "Reported: the source gives the position 45.1235 N, 141.9877 E."),
    ({"position_kind": "derived", "lat": 45.123456, "lon": 141.98765, "anchor": "", "distance_km": 5.0},
     "Derived from the phrase, giving 45.1235 N, 141.9877 E; the file does not say from which place."),
    ({"position_kind": "derived", "lat": 45.0, "lon": 141.0},
     "Derived from the phrase, giving 45.0000 N, 141.0000 E; the file does not say from which place."),
    ({"position_kind": "derived", "lat": 45.9, "lon": 142.0, "anchor": "Cape Soya / Cape Crillon",
      "distance_km": float("nan"), "bearing_deg": float("nan")},
     "Derived: midway between Cape Soya and Cape Crillon, giving 45.9000 N, 142.0000 E."),
    ({"position_kind": "derived", "lat": 41.5, "lon": 140.25, "anchor": "Cape Tappi", "distance_km": 12.5,
      "bearing_deg": 22.5},
     "Derived: 12.5 km NNE (22.5°) of Cape Tappi, along the WGS84 geodesic from the gazetteer point, "
     "giving 41.5000 N, 140.2500 E."),
    ({"position_kind": "derived", "lat": 41.5, "lon": 140.25, "anchor": "Cape Tappi", "distance_km": 100.0,
      "bearing_deg": 100.0},
     "Derived: 100 km at 100° of Cape Tappi, along the WGS84 geodesic from the gazetteer point, "
     "giving 41.5000 N, 140.2500 E."),
    ({"position_kind": "area", "strait": "Tsugaru", "named_seas": ["Sea of Japan"]},
     "Area only: the report names the Tsugaru Strait, which the map highlights; no point is invented."),
    ({"position_kind": "area", "strait": "", "named_seas": ["Sea of Japan", "Sea of Okhotsk"]},
     "Area only: the report names Sea of Japan and Sea of Okhotsk, which the map highlights; no point is invented."),
    ({"position_kind": "area", "strait": "", "named_seas": []},
     "Area only: the report names an area, which the map highlights; no point is invented."),
    ({"position_kind": "unlocated"},
     "Unlocated: the report gives no place the map can draw; the sighting is in the table only."),
])
def test_details_mutant001_position_story(values, expected):
    assert position_story(pd.Series(values)) == expected


@pytest.mark.parametrize("values, expected", [
    ({"id": "b", "voyage_id": "v-a", "voyage_link": ["with a: hull 343 in both", "with c: x"]},
     ["Voyage v-a: linked with a: hull 343 in both", "Voyage v-a: linked with c: x"]),
    ({"id": "a", "voyage_id": "v-a", "voyage_link": []},
     ["Voyage v-a: its first sighting (later sightings, if any, say why they are linked)"]),
    ({"id": "a", "voyage_id": "v-a"},
     ["Voyage v-a: its first sighting (later sightings, if any, say why they are linked)"]),
    ({"id": "b", "voyage_id": "v-a", "voyage_link": None, "x": []},
     ["Voyage v-a: no link stored on this sighting; a later sighting of the voyage links to it "
      "(see that sighting's details)"]),
])
def test_details_mutant002_voyage_story(values, expected):
    assert voyage_story(pd.Series(values)) == expected


@pytest.mark.parametrize("values, expected", [
    ({"date_basis": "stated", "report_date_basis": "press says announced"},
     "Date: the source states the day. Reported: a press page says the Joint Staff announced it that day."),
    ({"date_basis": "announcement day", "report_date_basis": "page date only"},
     "Date: only the day the Joint Staff announced it is known; the sighting was that day or earlier. "
     "Reported: only a press page's date, which may be after the announcement."),
    ({"date_basis": "guessed", "report_date_basis": "event date only"},
     "Date: not said. Reported: no page says when it was announced; the sighting day is shown."),
    ({}, "Date: not said. Reported: not said."),
])
def test_details_mutant003_date_story(values, expected):
    assert date_story(pd.Series(values, dtype=object)) == expected


def test_details_mutant004_same_as_links_read_the_stored_reasons():
    entries = ["2025-10-03 Tsushima southwest", "not a reference", "2025-10-05 Soya north"]
    reasons = ["hull 543 in both says same as the 3 Oct 2025 Tsushima passage heading southwest",   # no ": "
               LINK, "with r7: p20251006_02 says same as the 5 Oct 2025 Soya passage heading north"]
    assert same_as_links(pd.Series({"same_as": entries, "voyage_link": reasons})) == [
        ("2025-10-03 Tsushima southwest", "r1", "p20260316_01"), ("not a reference", "", ""),
        ("2025-10-05 Soya north", "r7", "p20251006_02")]
    assert same_as_links(pd.Series({"same_as": entries[:1], "voyage_link": reasons[:1]})) == [
        ("2025-10-03 Tsushima southwest", "", "")]
    assert same_as_links(pd.Series({"same_as": entries[:1]})) == [("2025-10-03 Tsushima southwest", "", "")]
    assert same_as_links(pd.Series({"same_as": None, "voyage_link": [LINK]})) == []
    odd = "with r1: p1: part 2 says same as the 3 Oct 2025 Tsushima passage heading southwest"   # ": " twice
    assert same_as_links(pd.Series({"same_as": entries[:1], "voyage_link": [odd]})) == [
        ("2025-10-03 Tsushima southwest", "r1", "p1: part 2")]                 # the id ends at the first ": "
    assert same_as_links(pd.Series({"id": "x"})) == []


@pytest.mark.parametrize("link, target", [
    ("with r1: hull 335 in both", "r1"), ("with r1: a: b", "r1"), (None, None), ("", None),
    ("hull 335 in both: with r1", None), ("with r1 and r2", None)])
def test_details_mutant005_a_voyage_link_opens_the_earlier_sighting(link, target):
    got = _voyage_link(link)
    if target is None:
        assert got == []
    else:
        assert got[0] == " · " and (got[1].children, got[1].href) == (f"open {target}", f"?id={target}")
        assert len(got) == 2


@pytest.mark.parametrize("value, shown", [
    (["a", 2], "a; 2"), ((), "—"), ([], "—"), (pd.Timestamp("2022-03-01 17:30"), "2022-03-01"), (None, "—"),
    (float("nan"), "—"), (pd.NaT, "—"), (True, "Yes"), (np.bool_(False), "No"), (False, "No"), ("yes", "Yes"),
    ("no", "No"), ("", "—"), ("maybe", "maybe"), (12.5, "12.5"), (0, "0"), (np.int64(3), "3")])
def test_details_mutant006_field_values_as_shown(value, shown):
    assert _shown(value) == shown
    assert _field("notes", value) == shown


def test_details_mutant007_hull_numbers_link_to_their_dossiers():
    parts = _field("hull_numbers", ["543", "011"])
    assert [type(p) for p in parts] == [dcc.Link, str, dcc.Link] and parts[1] == ", "
    assert [(p.children, p.href, p.className) for p in (parts[0], parts[2])] == [
        ("543", "?hull=543", "hull-link"), ("011", "?hull=011", "hull-link")]
    assert _field("hull_numbers", []) == "—"
    assert _field("hull_numbers", ("80",))[0].href == "?hull=80"
    assert _field("ship_types", ["a", "b"]) == "a; b"


def test_details_mutant008_no_row_says_how_to_choose_one():
    title, hint = details_panel(None)
    assert (type(title), title.children, title.className) == (html.H3, "Details", "details-title")
    assert (type(hint), hint.className) == (html.P, "hint")
    assert hint.children == "Select a sighting (a table row, a map marker or a timeline point) to see all of it here."
    assert [c.children for c in details_panel(None, "ja")][0] == "詳細"


def test_details_mutant009_the_panel_of_a_plain_row():
    blocks = details_panel(row())
    assert [(type(b).__name__, getattr(b, "className", None)) for b in blocks] == [
        ("H3", "details-title"), ("P", "details-position"), ("P", "details-dates"), ("H4", None),
        ("Blockquote", None), ("H4", None), ("Ul", "details-voyage"), ("H4", None), ("Ul", "details-sources"),
        ("Dl", "details-fields"), ("P", "details-permalink")]
    assert text(blocks[0]) == "15 Mar 2026 · r2"
    assert text(blocks[1]) == "Unlocated: the report gives no place the map can draw; the sighting is in the table only."
    assert text(blocks[2]) == "Date: the source states the day. Reported: the Joint Staff release."
    assert [text(blocks[i]) for i in (3, 5, 7)] == ["As reported", "Voyage", "Sources"]
    assert (blocks[4].children, blocks[4].lang) == ("off Tsushima", "en")
    assert text(blocks[6]) == ("Voyage v-r2: its first sighting (later sightings, if any, say why they are linked)")
    links = [item.children for item in blocks[8].children]        # the file:// source is not a web page
    assert [(a.children, a.href, a.target, a.rel, a.className) for a in links] == [
        ("Joint Staff", RELEASE, "_blank", "noopener noreferrer", "source-link"),
        ("HTTPS://example.org/a", "HTTPS://example.org/a", "_blank", "noopener noreferrer", "source-link"),
        ("Old", "http://old.example/b", "_blank", "noopener noreferrer", "source-link")]
    fields = blocks[9].children
    assert [text(f) for f in fields] == [
        "id", "r2", "event date", "2026-03-15", "date basis", "stated", "report date basis", "release",
        "hull numbers", "543", "position kind", "unlocated", "strait", "—", "voyage id", "v-r2", "in strait", "No",
        "named seas", "—"]
    assert [type(f) for f in fields] == [html.Dt, html.Dd] * (len(fields) // 2)
    permalink = blocks[10].children
    assert permalink[0] == "Permalink: " and (permalink[1].children, permalink[1].href) == ("?id=r2", "?id=r2")


def test_details_mutant010_checks_japanese_same_as_and_links():
    blocks = details_panel(row(checks=["fast", "late"], location_text="", location_text_ja="対馬の南西",
                               voyage_id="v-r1", voyage_link=[LINK, "hull 543 in both"],
                               same_as=["2025-10-03 Tsushima southwest", "2025-10-05 Soya north"]))
    assert text(by_class(blocks, "details-checks")) == "Checks: fast; late"
    quotes = [b for b in blocks if isinstance(b, html.Blockquote)]
    assert [(q.children, q.lang) for q in quotes] == [("—", "en"), ("対馬の南西", "ja")]
    headings = [text(b) for b in blocks if isinstance(b, html.H4)]
    assert headings == ["As reported", "Joint Staff release (Japanese)", "Same ships as (the release says so)",
                        "Voyage", "Sources"]
    same = by_class(blocks, "details-same-as")[0].children
    assert text(same[0]) == "2025-10-03 Tsushima southwest · open r1 (p20260316_01 says so)"
    assert same[0].children[2].href == "?id=r1"
    assert text(same[1]) == ("2025-10-05 Soya north · no link stored for this reference (the voyage below says how "
                             "this sighting is linked)")
    source = by_class(blocks, "details-same-as-source")[0].children
    assert source[0] == "The release that says so: " and len(source) == 3
    assert (source[1].children, source[1].href, source[1].className, source[1].target, source[1].rel) == (
        "p20260316_01.pdf", RELEASE, "release-link", "_blank", "noopener noreferrer")
    assert source[2] == ("; its sentence on this sighting is quoted above (the back-reference sentence itself is not "
                         "stored in the record).")
    voyage = by_class(blocks, "details-voyage")[0].children
    assert [text(item) for item in voyage] == [f"Voyage v-r1: linked {LINK} · open r1",
                                               "Voyage v-r1: linked hull 543 in both"]
    assert voyage[0].children[2].href == "?id=r1"
    assert text(by_class(details_panel(row(checks=[])), "details-checks")) == "Checks: none raised"
    ja = details_panel(row(checks=[]), "ja")
    assert text(by_class(ja, "details-checks")) == "検証: 指摘なし"
    assert [text(b) for b in ja if isinstance(b, html.H4)] == ["報告のまま", "航海", "出典"]
    assert text(by_class(ja, "details-permalink")) == "固定リンク: ?id=r2"


def test_details_mutant011_same_as_without_a_release_source_names_no_release():
    blocks = details_panel(row(source_urls=["https://example.org/a"], source_names=["Press"],
                               same_as=["2025-10-03 Tsushima southwest"], voyage_link=[LINK]))
    assert by_class(blocks, "details-same-as") and not by_class(blocks, "details-same-as-source")


def test_details_mutant012_a_row_taken_from_a_frame_says_yes_and_no():
    """A bug this file found: the callback passes ``frame.iloc[k]``, whose bool cells are numpy's bools
    (numpy 2 names their type ``bool``, not ``bool_``), and the panel showed them as True and False."""
    frame = pd.DataFrame([row(in_strait=True, in_japan_territorial_sea=False)])
    blocks = details_panel(frame.iloc[0])
    fields = [text(f) for f in by_class(blocks, "details-fields")[0].children]
    assert fields[fields.index("in strait") + 1] == "Yes"
    assert fields[fields.index("in japan territorial sea") + 1] == "No"


def test_details_mutant013_every_cited_page_is_listed_even_beyond_the_names():
    """A bug this file found: five shipped rows cite more pages than they name (one name for two pages
    of a site), and the panel's zip of names and URLs dropped the pages beyond the names."""
    blocks = details_panel(row(source_names=["Wing (Japanese)"],
                               source_urls=["https://jwing.net/news/2403", "https://jwing.net/?p=2870"]))
    links = [item.children for item in by_class(blocks, "details-sources")[0].children]
    assert [(a.children, a.href) for a in links] == [("Wing (Japanese)", "https://jwing.net/news/2403"),
                                                     ("https://jwing.net/?p=2870", "https://jwing.net/?p=2870")]
    more_names = details_panel(row(source_names=["A", "B"], source_urls=["https://a.example/"]))
    assert [item.children.children for item in by_class(more_names, "details-sources")[0].children] == ["A"]
