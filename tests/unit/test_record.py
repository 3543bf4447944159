"""The record (issue 24): the press harvest imported, corrections applied, how each date is known.

Hand-made rows with literal answers for the functions; invariants only over the live dataset.
"""

import re

import pandas as pd
import pytest

from sightings.corrections import apply_corrections
from sightings.curate import SOURCES, harvest_rows
from sightings.dates import says_announced_on, stated_time
from sightings.schema import SightingsError, validate
from sightings.store import load, read_sightings


@pytest.fixture(scope="module")
def dataset():
    return read_sightings()


def harvest(**cells) -> dict:
    base = {"event_date": "2019-05-05", "report_date": "2019-05-07", "ships": "1", "ship_types": "Slava-class cruiser",
            "hull_numbers": "", "location_text": "about 220 km southwest of Shimo-Tsushima, around 11 a.m.",
            "strait": "Tsushima", "direction": "north", "sea_area": "", "activity": "transit",
            "with_chinese_ships": "no", "source_urls": "https://flyteam.jp/x", "source_names": "FlyTeam",
            "notes": "Seen by Kongo.", "check": "confirmed", "quote": "5月5日(日)11時ごろ…確認しました。",
            "harvest_id": "h033"}
    return {**base, **cells}


def test_record001_harvest_verdicts_decide_what_is_imported_and_go_into_notes():
    table = pd.DataFrame([
        harvest(),
        harvest(harvest_id="h098", check="doubtful"),
        harvest(harvest_id="h999", check="wrong"),
        harvest(harvest_id="h023", check="date-inferred", notes="Year taken as 2018 from Wing's article numbering."),
        harvest(harvest_id="h001", event_date="", report_date="2016-01-25", notes="Observation day not stated."),
        harvest(harvest_id="h006", report_date="", event_date="2016-06-16", check="detail-unconfirmed"),
    ])
    rows, log = harvest_rows(table)
    assert len(log) == 2 and log[0].startswith("left out harvest h098 (doubtful)")
    assert log[1].startswith("left out harvest h999 (wrong)")
    assert rows["event_date"].tolist() == ["2019-05-05", "2019-05-05", "2016-01-25", "2016-06-16"]
    assert rows["report_date"].tolist() == ["2019-05-07", "2019-05-07", "2016-01-25", "2016-06-16"]
    assert rows["date_basis"].tolist() == ["stated", "inferred", "announcement day", "stated"]
    assert rows["report_date_basis"].tolist() == ["", "", "", "event date only"]
    assert "check" not in rows.columns and "harvest_id" not in rows.columns
    first = rows.loc[0, "notes"]
    assert first.startswith("Seen by Kongo.")
    assert "Press harvest h033; checked against its pages by a second reader: confirmed." in first
    assert "Page: 5月5日(日)11時ごろ…確認しました。" in first
    assert rows.loc[2, "notes"].startswith("event_date is the Joint Staff's announcement day")
    assert "report_date holds the day of the sighting" in rows.loc[3, "notes"]


def test_record002_an_unknown_verdict_is_refused_by_name():
    with pytest.raises(SightingsError, match="harvest check 'maybe' is not a known verdict"):
        harvest_rows(pd.DataFrame([harvest(check="maybe")]))


def test_record003_every_harvest_row_marked_for_import_is_in_the_dataset(dataset):
    table = pd.read_csv(SOURCES / "reported_sightings_harvest.csv", dtype=str, keep_default_na=False)
    marked = table[table["check"].isin(["confirmed", "corrected", "date-inferred", "detail-unconfirmed"])]
    notes = " ".join(dataset["notes"])
    missing = [h for h in marked["harvest_id"] if f"Press harvest {h};" not in notes]
    assert missing == []
    left_out = table[table["check"].isin(["doubtful", "wrong"])]["harvest_id"]
    assert not any(f"Press harvest {h};" in notes for h in left_out)


@pytest.mark.parametrize(("text", "expected"), [
    ("about 40 km east of Tsushima (around 5 a.m.), heading southwest", "05:00"),
    ("about 170 km west of Cape Soya (around 11 p.m.), heading northeast", "23:00"),
    ("about 150 km west-northwest of Cape Soya (around 11:30 p.m.), heading east", "23:30"),
    ("about 110 km northwest of Rebun Island (2 to 3:30 a.m.), heading east", "02:00"),
    ("about 40 km north-northeast of Cape Soya (8 ships 5-7 a.m., 8 ships 3-5 p.m.)", "05:00"),
    ("about 160 km west of Cape Soya (11 a.m. to 7 p.m.), heading northeast", "11:00"),
    ("contiguous zone off Uotsuri Island, Senkaku Islands (7:05 to 8:16 a.m.)", "07:05"),
    ("about 110 km SW of Tsushima Island (Nagasaki) (around 21:00), heading northeast", "21:00"),
    ("about 280 km southeast of Cape Erimo, Hokkaido (around noon), heading south", "12:00"),
    ("about 60 km northeast of Kami-Tsushima, around 12 noon; then the Tsushima Strait", "12:00"),
    ("about 40 km east of Tsushima (around midnight), heading southwest", "00:00"),
    ("some 140 km southwest of Tsushima (around 10 p.m. Saturday); a frigate (10 a.m. Sunday)", "22:00"),
    ("approximately 70 km southwest of Yonaguni Island (Tuesday morning)", ""),
    ("about 50 miles (80 km) northeast of Cape Soya; then east through the Tsugaru Strait (Aug. 21-22)", ""),
    ("then through the Tsushima Strait (18-19) into the Sea of Japan", ""),
])
def test_record004_stated_time_reads_the_first_clock_time(text, expected):
    assert stated_time(text) == expected


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("防衛省統合幕僚監部は9日、ロシア海軍のバルザム級情報収集艦が津軽海峡を通過したと発表した。", "2022-06-09", True),
    ("防衛省統合幕僚監部は9日、ロシア海軍のバルザム級情報収集艦が津軽海峡を通過したと発表した。", "2022-06-10", False),
    ("日本の統合幕僚監部は5月29日、自衛隊が同日に…確認したと発表した。", "2014-05-29", True),
    ("日本の統合幕僚監部は5月29日、自衛隊が同日に…確認したと発表した。", "2014-06-29", False),
    ("21日、統合幕僚監部は、19日午後11時半ごろ、…確認したと発表した。", "2011-10-21", True),
    ("21日、統合幕僚監部は、19日午後11時半ごろ、…確認したと発表した。", "2011-10-19", False),
    ("日本防卫省统合幕僚监部5月6日发布消息称", "2021-05-06", True),
    ("The Defense Ministry announced Monday that a Russian Navy frigate passed", "2022-08-01", True),
    ("The Defense Ministry announced Monday that a Russian Navy frigate passed", "2022-08-03", False),
    ("Joint Staff release of Sept. 1, 2025", "2025-09-01", True),
    ("Announced June 16 (Wing)", "2025-06-16", True),
    ("統合幕僚監部は8月28日に、…東進していたのを確認した。", "2018-08-28", False),     # no 発表: not an announcement
    ("防衛省統合幕僚監部は2016年9月5日(月)16時ごろ、上対馬の北東…確認したと発表", "2016-09-05", False),  # sighting time
    ("防衛省・統合幕僚監部は2025年9月17日、北海道の宗谷岬沖で…確認したと発表し", "2025-09-17", True),
    ("日本の防衛省統合幕僚監部が18日に発表したところによると", "2012-12-18", True),
    ("", "2022-06-09", False),
])
def test_record005_says_announced_on_reads_the_announcement_day(text, day, expected):
    assert says_announced_on(text, pd.Timestamp(day)) is expected


#: The test's own reading of a clock time (not the code's): "H[:MM] [to|-H[:MM]] a.m./p.m.", "HH:MM", noon, midnight.
_TIME = re.compile(r"(\d{1,2})(?::(\d\d))?\s?(?:(?:to|-)\s?\d{1,2}(?::\d\d)?\s?)?([ap])\.m\.|(\d\d):(\d\d)|(noon|midnight)")


def _first_time(text: str) -> str:
    found = _TIME.search(text)
    if not found:
        return ""
    if found.group(6):
        return {"noon": "12:00", "midnight": "00:00"}[found.group(6)]
    if found.group(4):
        return f"{found.group(4)}:{found.group(5)}"
    hour = int(found.group(1)) % 12 + (12 if found.group(3) == "p" else 0)
    return f"{hour:02d}:{found.group(2) or '00'}"


def test_record006_no_row_states_a_time_its_event_time_lacks(dataset):
    stated = dataset["location_text"].map(_first_time)
    wrong = dataset[(stated != "") & (dataset["event_time"] != stated)]
    assert wrong[["id", "event_time", "location_text"]].values.tolist() == []


def test_record007_no_two_rows_describe_the_same_sighting(dataset):
    """Same day, same passage and a hull in common: one sighting told twice."""
    passages = dataset[dataset["strait"] != ""]
    repeats = []
    for (day, strait), group in passages.groupby(["event_date", "strait"]):
        hulls = [set(h) for h in group["hull_numbers"]]
        ids = group["id"].tolist()
        repeats += [(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids)) if hulls[i] & hulls[j]]
    assert repeats == []


def test_record008_every_row_cites_its_pages_and_says_how_its_dates_are_known(dataset):
    assert dataset["source_urls"].map(len).gt(0).all() and dataset["source_names"].map(len).gt(0).all()
    assert set(dataset["date_basis"]) <= {"stated", "inferred", "announcement day"}
    assert set(dataset["report_date_basis"]) <= {"release", "press says announced", "page date only", "event date only"}
    release = dataset["report_date_basis"] == "release"
    assert dataset.loc[release, "source_urls"].map(lambda u: u[0].startswith("https://www.mod.go.jp/js/")).all()
    event_only = dataset["report_date_basis"] == "event date only"
    assert (dataset.loc[event_only, "report_date"] == dataset.loc[event_only, "event_date"]).all()
    inferred = dataset[dataset["date_basis"] == "inferred"]
    assert inferred["notes"].str.contains(r"(?i)year|inferred|worked out").all()


def test_record009_an_unknown_date_basis_is_refused(dataset):
    frame = dataset.head(2).copy()
    frame.loc[0, "date_basis"] = "guessed"
    frame.loc[1, "report_date_basis"] = "newspaper"
    with pytest.raises(SightingsError) as caught:
        validate(frame)
    assert "row 1, date_basis: 'guessed' is not a date basis" in str(caught.value)
    assert "row 2, report_date_basis: 'newspaper' is not a report-date basis" in str(caught.value)


def test_record010_a_correction_cites_each_of_its_pages_once():
    news = load((SOURCES / "reported_sightings.csv").read_bytes())
    fix = pd.DataFrame([{"id": "2022-09-01-f8ed69", "field": "ships", "old_value": "", "new_value": "50",
                         "source_url": "https://example.org/a | https://example.org/b",
                         "source_name": "Page A | Page B", "reason": "test"}])
    row = apply_corrections(news, fix).frame.set_index("id").loc["2022-09-01-f8ed69"]
    assert row["source_urls"][-2:] == ["https://example.org/a", "https://example.org/b"]
    assert row["source_names"][-2:] == ["Page A", "Page B"]
    assert "Corrected ships from 'empty' to '50' (Page A | Page B): test" in row["notes"]


@pytest.mark.parametrize(("date_basis", "report_basis", "expected"), [
    ("stated", "release", "Date: the source states the day. Reported: the Joint Staff release."),
    ("announcement day", "press says announced",
     "Date: only the day the Joint Staff announced it is known; the sighting was that day or earlier. "
     "Reported: a press page says the Joint Staff announced it that day."),
    ("", "page date only", "Date: not said. Reported: only a press page's date, which may be after the announcement."),
])
def test_record011_details_panel_says_how_the_dates_are_known(date_basis, report_basis, expected):
    from dashboard.details import date_story, details_panel
    row = pd.Series({"date_basis": date_basis, "report_date_basis": report_basis})
    assert date_story(row) == expected
    shown = read_sightings().head(1).iloc[0]
    assert date_story(shown) in str(details_panel(shown))


def test_record012_table_and_download_carry_the_date_bases(dataset):
    from sightings.export import export_frame
    from dashboard.figures import TABLE_COLUMNS, table_rows
    from sightings.pipeline import prepare
    prepared = prepare(dataset)
    fields = [column["field"] for column in TABLE_COLUMNS]
    assert fields[:4] == ["event_date", "date_basis", "report_date", "report_date_basis"]
    records = {r["id"]: r for r in table_rows(prepared)}
    for row in prepared.tail(20).itertuples():
        assert (records[row.id]["date_basis"], records[row.id]["report_date_basis"]) == (
            row.date_basis, row.report_date_basis)
    exported = export_frame(prepared)
    assert exported["date_basis"].tolist() == prepared["date_basis"].tolist()
    assert exported["report_date_basis"].tolist() == prepared["report_date_basis"].tolist()


def test_record013_harvest_facts_are_copied_unchanged_except_listed_corrections(dataset):
    table = pd.read_csv(SOURCES / "reported_sightings_harvest.csv", dtype=str, keep_default_na=False)
    corrections = pd.read_csv(SOURCES / "corrections.csv", dtype=str, keep_default_na=False)
    corrected = set(zip(corrections["id"], corrections["field"]))
    shipped = pd.read_csv(SOURCES.parent / "sightings.csv", dtype=str, keep_default_na=False)
    marker = shipped["notes"].str.extract(r"Press harvest (h\d+);", expand=False)
    by_harvest = shipped.assign(harvest_id=marker).dropna(subset=["harvest_id"]).set_index("harvest_id")
    for row in table[~table["check"].isin(["doubtful", "wrong"])].itertuples(index=False):
        got = by_harvest.loc[row.harvest_id]
        if got["source_urls"].startswith("https://www.mod.go.jp/js/"):
            continue                                     # merged with a release: the release's facts win
        for column in ("ships", "ship_types", "hull_numbers", "strait", "direction", "activity",
                       "with_chinese_ships", "location_text"):
            if (got["id"], column) not in corrected:
                assert got[column] == getattr(row, column), (row.harvest_id, column)
        assert got["event_date"] == (row.event_date or row.report_date), row.harvest_id
        assert got["source_urls"].startswith(row.source_urls), row.harvest_id
