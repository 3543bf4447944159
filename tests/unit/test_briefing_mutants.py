"""The briefing pieces on hand-made rows, stated literally (mutants of dashboard/briefing.py): captions
and file names, the periods compared at their edges, every branch of the paragraph's sentences,
and the download's sidecar."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.briefing import (Citation, Period, briefing_text, caption, compare_periods, comparison_periods,
                                download_description, graph_config)
from dashboard.filters import FilterSpec
from sightings.pipeline import SHIP_CATEGORY_NAMES, type_column

D = dt.date
NO_JOINT = pd.DataFrame({"first": [], "last": [], "straits": []})
CITATION = Citation("(sentence)", "2026.12.1", D(2026, 12, 7), D(2026, 9, 15), link="/v")
TAIL = ("Source: Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch; dataset version "
        "2026.12.1, accessed 2026-12-07. View: /v")
PASSAGES = "Strait passages (one group's transit of one strait on one heading): "


def rows(*given) -> pd.DataFrame:
    """(id, date, strait, direction, voyage, ships, hulls, vessels, activity, ship type) per row."""
    frame = pd.DataFrame({
        "id": [r[0] for r in given], "event_date": pd.to_datetime([r[1] for r in given]),
        "report_date": pd.to_datetime([r[1] for r in given]), "event_time": ["" for _ in given],
        "strait": pd.array([r[2] for r in given], dtype="str"),
        "direction": pd.array([r[3] for r in given], dtype="str"),
        "voyage_id": pd.array([r[4] for r in given], dtype="str"),
        "ships": pd.array([r[5] for r in given], dtype="Int64"), "hull_numbers": [r[6] for r in given],
        "ship_types": [[] for _ in given], "vessels": [r[7] for r in given],
        "activity": pd.array([r[8] for r in given], dtype="str"), "with_chinese_ships": [False for _ in given],
        "primary_source": [True for _ in given], "chinese_vessels": [[] for _ in given],
    })
    for name in SHIP_CATEGORY_NAMES:
        frame[type_column(name)] = [r[9] == name for r in given]
    return frame


ANNOUNCED = "exercise (announced by Russian MOD)"


def one(id_, date, strait="", direction="", voyage="", ships=1, hulls=(), vessels=(), activity="transit",
        kind="Surface combatant"):
    return (id_, date, strait, direction, voyage, ships, list(hulls), list(vessels), activity, kind)


def test_briefing_mutant001_a_caption_and_a_charts_file_name():
    citation = Citation("3 sightings, 1 Sep - 30 Sep 2026", "2026.12.1", D(2026, 12, 7), link="/?strait=Soya")
    assert caption(citation, "passages") == (
        "Filters: 3 sightings, 1 Sep - 30 Sep 2026\nUnit: passages\n"
        "Source: Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch\n"
        "Dataset version 2026.12.1, accessed 2026-12-07. View: /?strait=Soya")
    assert caption(citation, "passages", "ja").split("\n")[2:] == [
        "出典：統合幕僚監部ウェブサイトを加工して作成", "データセット版 2026.12.1、2026年12月7日閲覧。この表示のリンク：/?strait=Soya"]
    base = {"displaylogo": False}
    assert graph_config(base, None, "passages-per-year") == {
        "displaylogo": False, "toImageButtonOptions": {"format": "svg", "filename": "straitwatch-passages-per-year",
                                                       "scale": 1}}
    cited = Citation("s", "1.2", D(2026, 12, 7), stem="straitwatch_soya_straitwatch")
    assert graph_config(base, cited, "types", "png") == {
        "displaylogo": False, "toImageButtonOptions": {
            "format": "png", "filename": "straitwatch-types_soya_straitwatch_v1.2_accessed-2026-12-07", "scale": 1}}
    assert graph_config(base, None, "types", "png")["toImageButtonOptions"]["format"] == "png"
    assert base == {"displaylogo": False}


def test_briefing_mutant002_periods_partial_exactly_past_their_edges():
    this, earlier, previous = comparison_periods(D(2026, 3, 1), D(2026, 3, 10), D(2026, 3, 10), D(2025, 3, 1))
    assert [(p.label, p.start, p.end, p.partial, p.days) for p in (this, earlier, previous)] == [
        ("This period", D(2026, 3, 1), D(2026, 3, 10), "", 10),
        ("A year earlier", D(2025, 3, 1), D(2025, 3, 10), "", 10),
        ("Previous period of equal length", D(2026, 2, 19), D(2026, 2, 28), "", 10)]
    this, earlier, _ = comparison_periods(D(2026, 3, 1), D(2026, 3, 11), D(2026, 3, 10), D(2025, 3, 2))
    assert this.partial == "partial: data to 10 Mar 2026"
    assert earlier.partial == "partial: the record starts 2 Mar 2025"
    both = comparison_periods(D(2025, 3, 1), D(2025, 3, 11), D(2025, 3, 10), D(2025, 3, 2))[0]
    assert both.partial == "partial: data to 10 Mar 2025; partial: the record starts 2 Mar 2025"
    leap = comparison_periods(D(2028, 2, 29), D(2028, 3, 1), None, None)[1]
    assert (leap.start, leap.end) == (D(2027, 2, 28), D(2027, 3, 1))
    assert Period("x", D(2026, 1, 1), D(2026, 1, 1)).partial == ""


FRAME = rows(one("a", "2025-03-05", "Soya", "east", "v1", 2, ["548"], kind="Submarine"),
             one("b", "2026-03-02", "Tsugaru", "west", "v2", 1, ["011"]),
             one("c", "2026-03-09", "Soya", "east", "v3", 1))


def test_briefing_mutant003_periods_compared_without_dates_run_from_the_record_to_its_last_report():
    got = compare_periods(FRAME, FilterSpec(), D(2026, 3, 10))
    assert [(p.start, p.end, p.partial) for p in got["periods"]] == [
        (D(2025, 3, 5), D(2026, 3, 10), ""),
        (D(2024, 3, 5), D(2025, 3, 10), "partial: the record starts 5 Mar 2025"),
        (D(2024, 2, 28), D(2025, 3, 4), "partial: the record starts 5 Mar 2025")]
    assert got["lines"][:2] == [{"what": "Soya", "unit": "passages", "counts": [2, 1, 0]},
                                {"what": "Tsugaru", "unit": "passages", "counts": [1, 0, 0]}]
    assert [line["what"] for line in got["lines"] if line["unit"] == "sightings"] == ["Submarine", "Surface combatant"]
    # a type seen only in an earlier period is listed; one seen in none is not
    spec = FilterSpec(start=D(2026, 3, 1), end=D(2026, 3, 10))
    types = [(line["what"], line["counts"]) for line in compare_periods(FRAME, spec, None)["lines"][7:]]
    assert types == [("Submarine", [0, 1, 0]), ("Surface combatant", [2, 0, 0])]
    # a range past the data's last report: this period is partial
    past = compare_periods(FRAME, FilterSpec(start=D(2026, 3, 1), end=D(2026, 3, 20)), D(2026, 3, 10))["periods"]
    assert past[0].partial == "partial: data to 10 Mar 2026"
    # no current_to: the range runs to the record's last day
    assert compare_periods(FRAME, FilterSpec(start=D(2026, 3, 1)), None)["periods"][0].end == D(2026, 3, 9)
    assert compare_periods(FRAME, FilterSpec(end=D(2026, 3, 5)), None)["periods"][0].start == D(2025, 3, 5)
    # an end before the start is read as a one-day period
    assert compare_periods(FRAME, FilterSpec(start=D(2026, 3, 5), end=D(2026, 3, 1)), None)["periods"][0].end == \
        D(2026, 3, 5)


def test_briefing_mutant004_periods_of_an_empty_record():
    empty = FRAME.iloc[0:0]
    got = compare_periods(empty, FilterSpec(), D(2026, 3, 10))
    assert (got["periods"][0].start, got["periods"][0].end) == (D(2026, 3, 10), D(2026, 3, 10))
    assert [line["counts"] for line in got["lines"]] == [[0, 0, 0]] * 7
    today = compare_periods(empty, FilterSpec(), None)["periods"][0]
    assert (today.start, today.end) == (dt.date.today(), dt.date.today())


def test_briefing_mutant005_one_of_each_unit_in_the_singular():
    frame = rows(one("a", "2026-03-02", "Tsugaru", "west", "v2", 1, ["011"], ["Udaloy I-class destroyer (011)"]))
    got = briefing_text(frame, FilterSpec(start=D(2026, 3, 1), end=D(2026, 3, 10), straits=("Tsugaru",)), CITATION,
                        NO_JOINT)
    assert got == (
        "Straitwatch briefing, 1 Mar - 10 Mar 2026 (data current to 15 Sep 2026). " + PASSAGES + "Tsugaru 1. "
        "1 sighting of 1 ship group (voyages), 1 distinct ship by hull number, 1 ship-sighting "
        "(a ship seen twice counts twice). Most-seen ships (class as reported, hull number): Udaloy I-class destroyer "
        "011 (1 sighting). Joint movements with Chinese ships: none. " + TAIL)


def test_briefing_mutant006_many_of_each_and_announcements_only():
    frame = rows(one("a", "2026-03-02", "Soya", "east", "", 2), one("b", "2026-03-03", "Soya", "east", "", 3),
                 one("x", "2026-03-04", ships=40, activity=ANNOUNCED, kind=""),
                 one("y", "2026-03-05", ships=30, activity=ANNOUNCED, kind=""))
    spec = FilterSpec(straits=("Tsugaru", "Soya"))
    got = briefing_text(frame, spec, CITATION, NO_JOINT)
    assert got == (
        "Straitwatch briefing, all dates to 15 Sep 2026 (data current to 15 Sep 2026). " + PASSAGES +
        "Soya 2, Tsugaru 0. 2 sightings of 2 ship groups (voyages), 0 distinct ships by hull number, 5 ship-sightings "
        "(a ship seen twice counts twice). Joint movements with Chinese ships: none. "
        "2 announced exercises (not counted as sightings). " + TAIL)
    only = briefing_text(frame.iloc[2:3], FilterSpec(), CITATION, NO_JOINT)
    assert only == (
        "Straitwatch briefing, all dates to 15 Sep 2026 (data current to 15 Sep 2026). " + PASSAGES +
        "Soya 0, Tsugaru 0, Tsushima 0, Osumi 0, Miyako 0, Yonaguni 0, Nemuro 0. 0 sightings of 0 ship groups "
        "(voyages), 0 distinct ships by hull number, 0 ship-sightings (a ship seen twice counts twice). "
        "Joint movements with Chinese ships: none. 1 announced exercise (not counted as sightings). " + TAIL)


@pytest.mark.parametrize(("spec", "current_to", "period"), [
    (FilterSpec(start=D(2026, 3, 1)), D(2026, 3, 10), "1 Mar - 10 Mar 2026 (data current to 10 Mar 2026)"),
    (FilterSpec(end=D(2026, 3, 5)), D(2026, 3, 10), "all dates to 5 Mar 2026 (data current to 10 Mar 2026)"),
    (FilterSpec(start=D(2026, 3, 1), end=D(2026, 3, 10)), D(2026, 3, 10),
     "1 Mar - 10 Mar 2026 (data current to 10 Mar 2026)"),
    (FilterSpec(start=D(2026, 3, 1), end=D(2026, 3, 11)), D(2026, 3, 10),
     "1 Mar - 11 Mar 2026 (partial: data to 10 Mar 2026)"),
    (FilterSpec(start=D(2026, 3, 1)), None, "all dates"),
    (FilterSpec(start=D(2026, 3, 1), end=D(2026, 3, 11)), None, "1 Mar - 11 Mar 2026"),
    (FilterSpec(end=D(2026, 3, 11)), None, "all dates to 11 Mar 2026"),
])
def test_briefing_mutant007_the_period_sentence(spec, current_to, period):
    citation = Citation("s", "1", D(2026, 12, 7), current_to, link="/")
    got = briefing_text(FRAME.iloc[0:0], spec, citation, NO_JOINT)
    assert got.startswith(f"Straitwatch briefing, {period}. No sightings match these filters. Source: ")


def test_briefing_mutant012_the_period_sentence_in_japanese():
    citation = Citation("s", "1", D(2026, 12, 7), D(2026, 3, 10), link="/")
    got = briefing_text(FRAME.iloc[0:0], FilterSpec(end=D(2026, 3, 5)), citation, NO_JOINT, lang="ja")
    assert got.startswith("Straitwatch要約：2026年3月5日までの全期間（データは2026年3月10日現在）。")


def test_briefing_mutant008_the_five_most_seen_hulls_named_and_classed():
    seen = [("548", 4), ("011", 3), ("543", 3), ("564", 2), ("333", 1), ("335", 1), ("080", 5)]
    given = []
    for hull, times in seen:
        klass = "Udaloy I-class destroyer" if hull != "080" else "Steregushchiy-class frigate"
        for n in range(times):
            given.append(one(f"{hull}-{n}", f"2026-03-{n + 1:02d}", "", "", f"v{hull}", 1, [hull],
                             [f"{klass} ({hull})"]))
    given.append(one("two", "2026-03-20", "", "", "v564", 1, ["564"], ["Udaloy III-class destroyer (564)"]))
    frame = rows(*given)
    got = briefing_text(frame, FilterSpec(), CITATION, NO_JOINT, names={"548": "Admiral Panteleyev", "999": "Nobody"})
    assert ("Most-seen ships (class as reported, hull number): Steregushchiy-class frigate 080 (5 sightings); "
            "Admiral Panteleyev, Udaloy I-class destroyer 548 (4 sightings); Udaloy I-class destroyer 011 (3 sightings); "
            "Udaloy I-class destroyer 543 (3 sightings); Udaloy I-class destroyer / Udaloy III-class destroyer 564 "
            "(3 sightings). ") in got
    ja = briefing_text(frame, FilterSpec(), CITATION, NO_JOINT, names={"548": "Admiral Panteleyev"}, lang="ja")
    assert "；ウダロイⅠ級駆逐艦 / ウダロイⅢ級駆逐艦（艦番号564、確認3件）。" in ja
    assert "Admiral Panteleyev" in ja and "Udaloy" not in ja


def test_briefing_mutant009_joint_movements_with_none_one_and_two_straits():
    joint = pd.DataFrame({"first": [D(2026, 3, 1), D(2026, 3, 5), D(2026, 3, 9)],
                          "last": [D(2026, 3, 2), D(2026, 3, 5), D(2026, 3, 12)],
                          "straits": [[], ["Tsugaru"], ["Tsushima", "Soya"]]})
    frame = rows(one("a", "2026-03-02", "", "", "v1", 1))
    got = briefing_text(frame, FilterSpec(straits=("Osumi",)), CITATION, joint)
    assert ("Joint movements with Chinese ships: 3 (1 Mar - 2 Mar 2026; 5 Mar 2026, Tsugaru Strait; "
            "9 Mar - 12 Mar 2026, Tsushima and Soya straits). ") in got
    ja = briefing_text(frame, FilterSpec(straits=("Osumi",)), CITATION, joint, lang="ja")
    assert "対馬海峡" in ja and "宗谷海峡" in ja and "Tsushima" not in ja and "straits" not in ja


def test_briefing_mutant010_the_sidecar_of_a_download():
    frame = rows(one("a", "2026-03-02", "Soya", "east", "v1", 2))
    got = download_description("f.csv", "/download/f.csv?strait=Soya", frame, FilterSpec(straits=("Soya",)), "1.2",
                               None, D(2026, 12, 7))
    assert {k: v for k, v in got.items() if k not in ("licenses", "sources")} == {
        "file": "f.csv", "href": "/download/f.csv?strait=Soya", "title": "Straitwatch: Russian Navy movements around Japan",
        "filters": "1 sighting, 2 ship-sightings, 2 Mar 2026, Soya Strait", "query": "?strait=Soya", "dataset_version": "1.2",
        "data_current_to": None, "exported": "2026-12-07",
        "source": "Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch", "rows_selected": 1}
    assert got["sources"] and got["sources"][0]["title"]
    ja = download_description("f.csv", "/f", frame, FilterSpec(), "1.2", D(2026, 3, 10), D(2026, 12, 7), "ja")
    assert ja["source"] == "出典：統合幕僚監部ウェブサイトを加工して作成"
    assert ja["title"] != "Straitwatch: Russian Navy movements around Japan" and ja["data_current_to"] == "2026-03-10"
    assert ja["filters"].startswith("確認1件")
