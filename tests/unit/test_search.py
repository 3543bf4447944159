"""The search box (dashboard.search): every field, case- and width-insensitive, literal, saying where.

Hand-made rows with literal expected ids; over the live data, the search is compared with an
independent pandas expression (str.contains on NFKC-casefolded columns, the register and the
gazetteer read with pandas) as an invariant: the same rows, whatever their number.
"""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

from dashboard.filters import FilterSpec, apply_filters
from dashboard.search import MAX_QUERY, find, mask, matched_in
from sightings.pipeline import classes_of
from sightings.textsearch import search_fields
from sightings.vessels import REGISTER

REGISTER_ROWS = pd.DataFrame([
    {"hull_number": "081", "name": "Nikolai Vilkov", "name_ja": "", "class": "", "carried_from": "",
     "carried_to": "", "stated_for": "", "source_name": "x", "source_url": "https://x", "source_note": "x"},
    {"hull_number": "548", "name": "Admiral Panteleyev", "name_ja": "アドミラル・パンテレーエフ", "class": "",
     "carried_from": "", "carried_to": "", "stated_for": "", "source_name": "x", "source_url": "https://x",
     "source_note": "x"},
])
PLACES = pd.DataFrame({"name": ["Cape Erimo", "Oki Islands"], "alt_names": ["Erimo-misaki;襟裳岬", "隠岐"]})


def _rows() -> pd.DataFrame:
    rows = [
        ("a", "about 100 km south of Cape Erimo", "", "", [], [], ["Udaloy I-class destroyer"], ["548"]),
        ("b", "", "襟裳岬の南東約１５０ｋｍ", "", [], [], [], []),
        ("c", "Tsushima Strait", "", "Blog identifies Nikolai Vilkov (081)", ["rybachii blog"], [], [], ["081"]),
        ("d", "Soya Strait", "", "", ["ＦＬＹＴＥＡＭ"], ["Udaloy I-class destroyer (564)"], [], ["564"]),
        ("e", "off Okinawa", "", "", [], [], ["Ropucha I-class tank landing ship"], ["081"]),
        ("f", "near the Oki Islands", "", "", [], [], [], []),
    ]
    columns = ["id", "location_text", "location_text_ja", "notes", "source_names", "vessels", "ship_types",
               "hull_numbers"]
    frame = pd.DataFrame(rows, columns=columns)
    classes = [classes_of(types, vessels) for types, vessels in zip(frame["ship_types"], frame["vessels"])]
    fields = search_fields(frame, classes, REGISTER_ROWS, places=PLACES)
    return pd.concat([frame, fields.add_prefix("search:")], axis=1)


@pytest.mark.parametrize(("query", "ids"), [
    ("Vilkov", ["c", "e"]),                        # c: notes and register; e: only the register (hull 081)
    ("vilkov", ["c", "e"]),
    ("ＶＩＬＫＯＶ", ["c", "e"]),                   # full width
    ("Cape Erimo", ["a", "b"]),                    # b says 襟裳岬 only: the gazetteer's English name
    ("襟裳岬", ["a", "b"]),                         # a says Cape Erimo only
    ("Admiral Panteleyev", ["a"]),                 # register name of 548
    ("アドミラル・パンテレーエフ", ["a"]),
    ("ウダロイⅠ級駆逐艦", ["a", "d"]),               # the dictionary's Japanese class name; Ⅰ folded to I
    ("Udaloy I", ["a", "d"]),
    ("flyteam", ["d"]),                            # a source name, full width in the data
    ("１５０ｋｍ", ["b"]), ("150km", ["b"]),          # the release sentence, either width
    ("Oki Islands", ["f"]),                        # not e: "oki" inside "Okinawa" is not the Oki Islands
    ("隠岐", ["f"]),
    ("Kamchatka", []),
    ("a.*", []), ("Vilkov.*", []), ("[", []),      # literal: no pattern, no error
    ("(081)", ["c"]),                              # brackets are text
])
def test_search01_finds_rows_in_every_field(query, ids):
    rows = _rows()
    assert rows.loc[mask(rows, query), "id"].tolist() == ids


def test_search02_says_where_it_matched():
    rows = _rows()
    assert find(rows, "Vilkov").tolist() == ["", "", "vessel register, notes", "", "vessel register", ""]
    assert find(rows, "襟裳岬").tolist() == ["place", "place, Japanese sentence", "", "", "", ""]
    assert find(rows, "548").tolist() == ["ship types / hulls", "", "", "", "", ""]


def test_search03_query_is_bounded_and_spaces_collapsed():
    rows = _rows()
    assert mask(rows, "  Cape   Erimo ").tolist() == mask(rows, "Cape Erimo").tolist()
    assert not mask(rows, "Cape Erimo" + "x" * 500).any()          # cut to MAX_QUERY, still literal
    assert len("x" * MAX_QUERY) == MAX_QUERY


def test_search04_frame_without_fields_gets_them_built_from_the_shipped_files():
    """A hand-made frame without search columns is searched all the same (shipped register,
    dictionary and gazetteer, which name 081 and 548 and spell Cape Erimo 襟裳岬)."""
    rows = _rows()
    bare = rows[[c for c in rows.columns if not c.startswith("search:")]]
    for query in ("Vilkov", "Admiral Panteleyev", "襟裳岬"):
        assert find(bare, query).tolist() == find(rows, query).tolist(), query


def test_search05_table_records_carry_matched_in():
    rows = _rows()
    records = [{"id": "c"}, {"id": "a"}]
    assert matched_in(records, rows, "Vilkov") == [{"id": "c", "matched_in": "vessel register, notes"},
                                                    {"id": "a", "matched_in": ""}]
    assert matched_in(records, rows, "") == [{"id": "c", "matched_in": ""}, {"id": "a", "matched_in": ""}]


# -- over the live data: the same rows as an independent pandas expression ---------------------

def _fold(series: pd.Series) -> pd.Series:
    return series.map(lambda text: unicodedata.normalize("NFKC", text).casefold())


@pytest.fixture(scope="module")
def live(sightings):
    """The shipped dataset as the app serves it (the session's ``sightings``, built once)."""
    return sightings


def _own_text(frame: pd.DataFrame) -> pd.DataFrame:
    lists = ("ship_types", "hull_numbers", "vessels", "chinese_vessels", "source_names")
    return pd.concat([_fold(frame[c]) for c in ("location_text", "location_text_ja", "notes")]
                     + [_fold(frame[c].map(" | ".join)) for c in lists], axis=1)


def _contains(table: pd.DataFrame, words: list[str]) -> pd.Series:
    folded = [unicodedata.normalize("NFKC", w).casefold() for w in words]
    return pd.concat([table[c].str.contains(w, regex=False) for c in table for w in folded], axis=1).any(axis=1)


def test_search06_live_vilkov_is_text_or_a_hull_the_register_names_so(live):
    register = pd.read_csv(REGISTER, dtype=str, keep_default_na=False)
    hulls = set(register.loc[register["name"].str.contains("Vilkov"), "hull_number"])
    expected = _contains(_own_text(live), ["Vilkov"]) | live["hull_numbers"].map(lambda h: bool(hulls & set(h)))
    got = apply_filters(live, FilterSpec(search="Vilkov"))["id"]
    assert expected.any()
    assert sorted(got) == sorted(live.loc[expected, "id"])


def test_search07_live_erimo_is_the_query_in_the_text_or_any_spelling_in_the_phrase_or_release(live):
    """A place is found under any gazetteer spelling the row's phrase or release sentence uses;
    the query itself anywhere in the row's own text (notes too)."""
    gazetteer = pd.read_csv("data/gazetteer.csv", dtype=str, keep_default_na=False).set_index("name")
    spellings = ["Cape Erimo", *gazetteer.loc["Cape Erimo", "alt_names"].split(";")]
    where = pd.concat([_fold(live[c]) for c in ("location_text", "location_text_ja")], axis=1)
    for query in ("襟裳岬", "Cape Erimo"):
        expected = _contains(where, spellings) | _contains(_own_text(live), [query])
        got = apply_filters(live, FilterSpec(search=query))["id"]
        assert expected.any()
        assert sorted(got) == sorted(live.loc[expected, "id"]), query


def test_search08_live_search_holds_every_row_whose_own_text_holds_the_query(live):
    """The search never loses what a plain str.contains on the row's own columns finds."""
    own = _own_text(live)
    for query in ("Vilkov", "Cape Erimo", "襟裳岬", "Admiral Panteleyev", "Udaloy", "548", "ＦｌｙＴｅａｍ"):
        plain = set(live.loc[_contains(own, [query]), "id"])
        assert plain <= set(apply_filters(live, FilterSpec(search=query))["id"]), query
