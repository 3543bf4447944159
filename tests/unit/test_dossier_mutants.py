"""A vessel's dossier on hand-made rows, stated literally (mutants of dashboard/dossier.py): what it
gathers, every line of its panel, and what the URL opens."""

import pandas as pd
import pytest
from dash import dcc, html

from dashboard.dossier import Dossier, build_dossier, dossier_panel, hull_href, sighting_href, url_panel, with_sighting
from sightings.vessels import REGISTER_COLUMNS
from tests.unit.test_details_mutants import text


def entry(**values) -> dict:
    return {**dict.fromkeys(REGISTER_COLUMNS, ""), **values}


REGISTER = pd.DataFrame([
    entry(hull_number="548", name="Admiral Panteleyev", name_ja="アドミラル・パンテレーエフ",
          carried_from="2015-01-01", carried_to="", class_="", source_name="FlyTeam", source_url="https://f.example/1",
          source_note="Page: one"),
    entry(hull_number="548", name="Admiral Vinogradov", carried_from="", carried_to="2014-12-31",
          source_name="Blog", source_url="https://b.example/2", source_note="Page: two"),
    entry(hull_number="548", name="Marshal Shaposhnikov", stated_for="2016-06-21", source_name="Press",
          source_url="https://p.example/3", source_note="Page: three"),
    entry(hull_number="548", name="Z-unstated", source_name="Other", source_url="https://o.example/4",
          source_note="Page: four"),
]).drop(columns="class_")
REGISTER["class"] = ["Slava-class missile cruiser", "Udaloy I-class destroyer", "Mystery-class ship", ""]


def frame() -> pd.DataFrame:
    rows = [  # id, date, hulls, strait, direction, where, vessels, voyage, source names, source urls
        ("r2", "2016-07-01", ["548"], "Soya", "", "Soya Strait", ["Udaloy III-class destroyer (548)"], "v1", ["", "Mail"], ["https://c.example", "mailto:x"]),
        ("r1", "2016-06-21", ["548", "011"], "Tsushima", "south", "off Tsushima",
         ["Udaloy I-class destroyer (548)"], "v1",
         ["B", "A"], ["HTTPS://b.example", "http://a.example"]),
        ("r0", "2016-06-21", ["0548"], "", "", "", [], "v0", ["B"], ["HTTPS://b.example"]),
        ("r9", "2016-07-09", [], "", "", "off Sado", [], "v1", [], []),
        ("r3", "2016-08-02", ["548"], "", "", "", [], "v3", ["B", "D"], ["HTTPS://b.example", "ftp://d.example"]),
    ]
    out = pd.DataFrame(rows, columns=["id", "event_date", "hull_numbers", "strait", "direction", "location_text",
                                      "vessels", "voyage_id", "source_names", "source_urls"])
    out["event_date"] = pd.to_datetime(out["event_date"])
    out["ship_types"] = [[] for _ in rows]
    return out


def test_dossier_mutant001_the_whole_history_of_a_hull_as_written():
    found = build_dossier(frame(), REGISTER, "548")
    assert found.hull == "548"
    assert [e["name"] for e in found.names] == ["Admiral Panteleyev", "Admiral Vinogradov", "Marshal Shaposhnikov",
                                                "Z-unstated"]
    assert found.sightings == (
        {"id": "r1", "date": "2016-06-21", "strait": "Tsushima", "direction": "south", "where": "off Tsushima",
         "voyage_id": "v1"},
        {"id": "r2", "date": "2016-07-01", "strait": "Soya", "direction": "", "where": "Soya Strait", "voyage_id": "v1"},
        {"id": "r3", "date": "2016-08-02", "strait": "", "direction": "", "where": "", "voyage_id": "v3"})
    assert found.voyages == ({"voyage_id": "v1", "first": "2016-06-21", "last": "2016-07-09", "sightings": 3},
                             {"voyage_id": "v3", "first": "2016-08-02", "last": "2016-08-02", "sightings": 1})
    assert found.straits == ({"date": "2016-06-21", "strait": "Tsushima", "direction": "south", "id": "r1"},
                             {"date": "2016-07-01", "strait": "Soya", "direction": "", "id": "r2"})
    # web sources only (any case of http/https), each pair once, first use first
    assert found.sources == (("B", "HTTPS://b.example"), ("A", "http://a.example"), ("", "https://c.example"))
    # the reports' classes first (alphabetical, as the hull table gives them), then the register's others
    assert found.classes == (("Udaloy I-class destroyer", "Project 1155", "reports"),
                             ("Udaloy III-class destroyer", "", "reports"),
                             ("Slava-class missile cruiser", "Project 1164", "register"),
                             ("Mystery-class ship", "", "register"))


def test_dossier_mutant002_a_hull_only_the_register_or_only_a_cut_url_knows():
    register_only = build_dossier(frame(), REGISTER.assign(hull_number="777"), "777")
    assert register_only.sightings == () and register_only.voyages == () and register_only.straits == ()
    assert register_only.sources == ()
    assert [c[0] for c in register_only.classes] == ["Slava-class missile cruiser", "Udaloy I-class destroyer",
                                                     "Mystery-class ship"]
    long = frame().assign(hull_numbers=[["12345678"], [], [], [], []])
    assert [s["id"] for s in build_dossier(long, REGISTER, "123456789").sightings] == ["r2"]   # cut to 8 characters
    assert [s["id"] for s in build_dossier(frame(), REGISTER, 548).sightings] == ["r1", "r2", "r3"]  # read as text
    assert build_dossier(frame().assign(hull_numbers=[[], [], [], [], ["9"]]), REGISTER.iloc[0:0], "9").classes == ()


def test_dossier_mutant007_an_empty_record_and_a_url_beyond_the_names():
    only_register = build_dossier(frame().iloc[0:0], REGISTER, "548")
    assert only_register.sightings == () and len(only_register.names) == 4
    assert only_register.classes[0] == ("Slava-class missile cruiser", "Project 1164", "register")
    extra = frame().assign(source_names=[["Named"], [], [], [], []],
                           source_urls=[["https://n.example", "https://unnamed.example"], [], [], [], []])
    assert build_dossier(extra, REGISTER, "548").sources == (("Named", "https://n.example"),
                                                               ("", "https://unnamed.example"))


def test_dossier_mutant003_every_line_of_the_panel():
    blocks = dossier_panel(build_dossier(frame(), REGISTER, "548"))
    assert [type(b).__name__ for b in blocks] == ["H3", "H4", "Ul", "H4", "Ul", "H4", "Ol", "H4", "Ul", "H4", "Ol",
                                                  "H4", "Ul"]
    assert (text(blocks[0]), blocks[0].className) == ("Hull 548 · Admiral Panteleyev", "details-title dossier-title")
    assert [text(b) for b in blocks[1::2][:1] + blocks[3::2]] == [
        "Name", "Class", "Sightings (3, the whole record)", "Voyages", "Straits used, in order", "Sources"]
    names = blocks[2]
    assert names.className == "dossier-names"
    assert [text(li) for li in names.children] == [
        "Admiral Panteleyev (アドミラル・パンテレーエフ) (number carried 2015-01-01 to …), per FlyTeam: Page: one",
        "Admiral Vinogradov (number carried … to 2014-12-31), per Blog: Page: two",
        "Marshal Shaposhnikov (stated for 2016-06-21), per Press: Page: three",
        "Z-unstated, per Other: Page: four"]
    link, note = names.children[0].children[1:]
    assert (link.href, link.target, link.rel, link.className) == (
        "https://f.example/1", "_blank", "noopener noreferrer", "source-link")
    assert note.className == "dossier-note"
    assert blocks[4].className == "dossier-classes"
    assert [text(li) for li in blocks[4].children] == [
        "Udaloy I-class destroyer, Project 1155 (reports)", "Udaloy III-class destroyer (reports)",
        "Slava-class missile cruiser, Project 1164 (register)", "Mystery-class ship (register)"]
    sightings = blocks[6]
    assert sightings.className == "dossier-sightings"
    assert [text(li) for li in sightings.children] == [
        "2016-06-21 · Tsushima Strait · off Tsushima", "2016-07-01 · Soya Strait · Soya Strait", "2016-08-02 · —"]
    first = sightings.children[0].children[0]
    assert isinstance(first, dcc.Link) and first.href == "?id=r1"
    assert blocks[8].className == "dossier-voyages"
    assert [text(li) for li in blocks[8].children] == ["v1: 2016-06-21 to 2016-07-09, 3 sightings",
                                                       "v3: 2016-08-02 to 2016-08-02, 1 sighting"]
    assert blocks[10].className == "dossier-straits"
    assert [text(li) for li in blocks[10].children] == ["2016-06-21 Tsushima, heading south", "2016-07-01 Soya"]
    sources = blocks[12]
    assert sources.className == "details-sources"
    assert [(text(li), li.children.href) for li in sources.children] == [
        ("B", "HTTPS://b.example"), ("A", "http://a.example"), ("https://c.example", "https://c.example")]
    anchor = sources.children[0].children
    assert (anchor.target, anchor.rel, anchor.className) == ("_blank", "noopener noreferrer", "source-link")


def test_dossier_mutant004_a_panel_with_nothing_named_and_no_strait():
    bare = Dossier("099", (), (), ({"id": "x", "date": "2020-01-02", "strait": "", "direction": "", "where": "off Oki",
                                    "voyage_id": "v"},), (), (), ())
    blocks = dossier_panel(bare)
    assert text(blocks[0]) == "Hull 099 · name not known"
    assert (text(blocks[2]), blocks[2].className) == (
        "No page at hand names the ship carrying this number; the vessel register (data/vessels.csv) leaves it out "
        "rather than guess.", "hint")
    assert [text(li) for li in blocks[4].children] == ["not stated by any report"]
    assert text(blocks[6]) == "2020-01-02 · off Oki"
    assert (text(blocks[10]), blocks[10].className) == ("No strait passage recorded.", "hint")
    missing = dossier_panel(None, "123456789")
    assert [(text(b), b.className) for b in missing] == [
        ("Hull 12345678", "details-title dossier-title"),
        ("No sighting in the record lists this hull number, and no page in the vessel register names it.", "hint")]
    ja = dossier_panel(bare, lang="ja")
    assert text(ja[0]) != "Hull 099 · name not known" and text(ja[1]) != "Name"
    assert "No page at hand" not in text(ja[2]) and text(ja[10]) != "No strait passage recorded."
    assert "No sighting in the record" not in text(dossier_panel(None, "1", "ja"))


@pytest.mark.parametrize(("search", "selected", "expected"), [
    ("?hull=548&lang=ja", "r1", ("dossier", "548")),              # the language is no filter: still the bare link
    ("?hull=123456789", None, ("dossier", "12345678")),
    ("?strait=Soya&hull=548", "r3", None),                        # r3 lists 548: it stays
    ("?strait=Soya&hull=011", "r3", ("dossier", "011")),          # r3 does not list 011
    ("?strait=Soya&hull=548", "gone", ("dossier", "548")),        # a selection the record lacks
    ("?id=r1&id=r2", None, None),                                 # two ids: neither is opened, nor the hint
    ("?strait=Soya", "r1", None),
    ("?strait=Soya", None, ("hint", None)),
    ("?Xhull=548", None, ("hint", None)),                         # no parameter is named hull
    ("?" + "x" * 4000 + "&hull=548", None, ("hint", None)),        # read to 4000 characters only
])
def test_dossier_mutant005_what_the_url_opens(search, selected, expected):
    assert url_panel(search, frame(), REGISTER, selected) == expected


@pytest.mark.parametrize(("query", "search", "expected"), [
    ("?hull=548", "id=r1", "?hull=548&id=r1"),
    ("", "?id=a_b.c:d-e", "?id=a_b.c%3Ad-e"),
    ("", "?id=" + "a" * 64, "?id=" + "a" * 64),
    ("", "?id=" + "a" * 65, ""),
    ("", "?id=a%0A", ""),
    ("", "?id=", ""),
    ("", "?Xid=a", ""),
    ("", "?" + "x" * 3996 + "&id=a", ""),                           # past 4000 characters
    ("", "?" + "x" * 3994 + "&id=a", "?id=a"),
])
def test_dossier_mutant006_the_url_rewrite_keeps_only_a_well_formed_id(query, search, expected):
    assert with_sighting(query, search) == expected


def test_dossier_mutant008_the_links_of_a_dossier_and_a_sighting():
    assert hull_href("011") == "?hull=011" and hull_href("a b") == "?hull=a+b"
    assert sighting_href("2016-06-21-4251ce") == "?id=2016-06-21-4251ce"
