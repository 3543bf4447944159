"""The facet columns of four hand-made rows, every value written out (mutants of sightings/pipeline.py).

Rows come out in date order (c, d, then a and b of one day by id). b names two seas, two
classes in its types and a third in a vessel entry, and cites a release; a names nothing;
c lists a submarine and cites a release beside a news page; d lists one class twice and sails
with a Chinese destroyer.
"""

import pandas as pd
import pytest

from sightings.pipeline import (SHIP_CATEGORY_NAMES, activity_column, activity_kinds, add_facets, classes_of, load,
                                located_mask, prepare,
                                primary_source, release_urls, seas_of, ship_categories, ship_categories_of,
                                type_column)

RELEASE = "https://www.mod.go.jp/js/pdf/2022/p1.pdf"


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["b", "a", "c", "d"],
        "event_date": pd.to_datetime(["2022-03-02", "2022-03-02", "2022-01-01", "2022-02-01"]),
        "strait": ["Tsugaru", "", "Soya", ""],
        "sea_area": ["Sea of Japan", "", "Pacific Ocean", "East China Sea"],
        "named_seas": [["Sea of Japan", "Sea of Okhotsk"], [], [], ["East China Sea"]],
        "ship_types": [["Udaloy I-class destroyer", "Baklazhan-class rescue tug"], [], ["submarine"],
                       ["Udaloy I-class destroyers (2)", "Udaloy I-class destroyer"]],
        "vessels": [["Slava-class cruiser (011)"], [], [], []],
        "chinese_vessels": [[], [], [], ["Renhai-class destroyer (101)"]],
        "position_kind": ["reported", "area", "derived", "reported"],
        "hull_numbers": [["548", "011"], [], ["7"], ["548"]],
        "source_urls": [[RELEASE], ["https://example.org/a"], ["https://example.org/b", RELEASE],
                        ["https://example.org/c"]],
        "activity": ["transit (exercise)", "joint exercise with China / intelligence gathering", "unclear", "Detection"],
    })


def test_pipeline_mutant001_every_facet_column():
    out = add_facets(frame())
    assert out["id"].tolist() == ["c", "d", "a", "b"] and out.index.tolist() == [0, 1, 2, 3]
    assert out["lane"].tolist() == ["Soya", "Open sea", "Open sea", "Tsugaru"]
    assert out["facet:straits"].tolist() == ["Soya", "none", "none", "Tsugaru"]
    assert out["facet:seas"].tolist() == [";Pacific Ocean;", ";East China Sea;", ";not stated;",
                                          ";Sea of Japan;Sea of Okhotsk;"]
    assert list(out.columns[:12]) == list(frame().columns) and out.columns[12] == "lane"     # no old index column
    assert out["facet:classes"].tolist() == [";;", ";Udaloy I-class destroyer;Renhai-class destroyer;", ";;",
                                             ";Udaloy I-class destroyer;Baklazhan-class rescue tug;"
                                             "Slava-class missile cruiser;"]
    assert out["facet:lane"].tolist() == ["Soya", "Open sea", "Open sea", "Tsugaru"]
    assert out["facet:kind"].tolist() == ["derived", "reported", "area", "reported"]
    assert out["facet:hulls"].tolist() == [";7;", ";548;", ";;", ";548;011;"]
    assert out["primary_source"].tolist() == [True, False, False, True]
    assert out["class:types"].tolist() == ["", "Udaloy I-class destroyer", "", ""]
    assert out["class:vessels"].tolist() == ["{}", "{}", "{}", '{"011": "Slava-class missile cruiser"}']
    # the search box's folded fields, one column each (their contents: test_search.py)
    assert {"search:vessel_names", "search:vessels", "search:classes", "search:types", "search:places",
            "search:location_text", "search:location_text_ja", "search:notes", "search:source_names"} <= set(out.columns)
    for column in ("facet:straits", "facet:seas", "facet:classes", "facet:lane", "facet:kind", "facet:hulls",
                   "class:types", "class:vessels"):
        assert isinstance(out[column].dtype, pd.CategoricalDtype), column
    set_types = {c: out.index[out[type_column(c)]].tolist() for c in SHIP_CATEGORY_NAMES if out[type_column(c)].any()}
    # destroyers in rows 1 and 3, the rescue tug of row 3 an auxiliary, row 2 names no type
    assert set_types == {"Surface combatant": [1, 3], "Submarine": [0], "Auxiliary": [3], "Other / unspecified": [2]}
    activities = {k: out.index[out[c]].tolist() for c in out.columns if c.startswith("activity:")
                  for k in [c.removeprefix("activity:")] if out[c].any()}
    assert activities == {"transit": [3], "detection": [1], "joint exercise with China": [2],
                          "intelligence gathering": [2], "other": [0]}
    assert out[type_column("Mine warfare")].dtype == bool and out[activity_column("exercise")].dtype == bool


def test_pipeline_mutant002_a_hand_made_frame_without_the_optional_lists():
    out = add_facets(frame().drop(columns=["named_seas", "chinese_vessels"]))
    assert out["facet:seas"].tolist() == [";Pacific Ocean;", ";East China Sea;", ";not stated;", ";Sea of Japan;"]


def test_pipeline_mutant003_column_names():
    assert type_column("Cruiser") == "type:Cruiser" and activity_column("transit") == "activity:transit"


@pytest.mark.parametrize("sea_area, named, expected", [
    ("Sea of Japan", ["Sea of Okhotsk", "Sea of Japan"], ["Sea of Japan", "Sea of Okhotsk"]),
    ("", ["Sea of Okhotsk", ""], ["Sea of Okhotsk"]),
    ("", [], ["not stated"]),
])
def test_pipeline_mutant004_seas_of(sea_area, named, expected):
    assert seas_of(sea_area, named) == expected


def test_pipeline_mutant005_classes_of_and_categories():
    assert classes_of(["destroyers"], ["Slava-class cruiser (011)"], ["Slava-class cruiser (012)"]) == \
        ["Slava-class missile cruiser"]
    assert classes_of(["submarine"], []) == []
    assert ship_categories(["Kilo-class submarine", "rescue tug", "AGI", "Vishnya-class intelligence ship",
                            "landing ship tank", "mine countermeasures", "hospital ship", "HOSPITAL SHIP"]) == \
        ["Submarine", "Auxiliary", "Intelligence", "Other / unspecified"]   # AGI, "landing ship tank" and
    # "mine countermeasures" are no word of sightings.classes.SHIP_TYPES: Other, never guessed by substring
    assert ship_categories([]) == ["Other / unspecified"]
    assert ship_categories_of("frigate; ; fleet oiler") == ["Surface combatant", "Auxiliary"]
    assert ship_categories_of("") == ["Other / unspecified"]


@pytest.mark.parametrize("activity, expected", [
    ("Transit / Exercise (with China)", ["transit", "exercise"]),
    ("transit (exercise)", ["transit"]),
    (" contiguous-zone navigation ", ["contiguous-zone navigation"]),
    ("", ["other"]),
])
def test_pipeline_mutant006_activity_kinds(activity, expected):
    assert activity_kinds(activity) == expected


def test_pipeline_mutant007_release_sources():
    urls = pd.Series([[RELEASE, "https://example.org/x"], ["https://example.org/y"], [], [RELEASE]])
    assert primary_source(urls).tolist() == [True, False, False, True]
    assert release_urls(["https://example.org/x", RELEASE]) == [RELEASE]


def test_pipeline_mutant008_build_is_the_shipped_rows_joined_and_faceted():
    from sightings.pipeline import build
    from sightings.store import read_sightings
    frame, raw = build(), read_sightings()
    assert sorted(frame["id"]) == sorted(raw["id"]) and frame["event_date"].is_monotonic_increasing
    assert set(raw.columns) < set(frame.columns)
    assert {"lane", "facet:straits", "facet:seas", "primary_source", "search:notes"} <= set(frame.columns)
    assert frame.index.tolist() == list(range(len(frame)))


def test_pipeline_mutant009_flags_facet_lists_each_rows_check_codes():
    rows = frame().assign(check_flags=[["fast-link", "area-only"], [], ["late-report"], []])
    out = add_facets(rows)                      # in date order: c, d, a, b
    assert out["facet:flags"].tolist() == [";late-report;", ";;", ";;", ";fast-link;area-only;"]
    assert isinstance(out["facet:flags"].dtype, pd.CategoricalDtype)


def test_pipeline_mutant010_located_means_a_point_kind_and_both_coordinates():
    rows = pd.DataFrame({"position_kind": ["reported", "derived", "area", "reported", "derived", "area"],
                         "lat": [45.6, 45.9, 41.5, None, 45.0, None],
                         "lon": [141.3, 141.9, 140.6, 141.0, None, None]})
    assert located_mask(rows).tolist() == [True, True, False, False, False, False]


def test_pipeline_mutant011_prepare_asks_the_layers_only_about_located_rows():
    """An area report is drawn at its strait's label point; the join must not give it the sea,
    channel or distance of that point (the made-up sea issue 20's truth fix removed)."""
    rows = load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
                b"source_urls,source_names\n"
                b"2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,transit,no,"
                b"https://www.mod.go.jp/js/pdf/2022/p20220316_01.pdf,Joint Staff\n")
    row = prepare(rows).iloc[0]
    assert row["position_kind"] == "area" and pd.notna(row["lat"])
    assert (row["sea_area"], row["in_strait"]) == ("", "")
