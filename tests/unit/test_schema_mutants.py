"""sightings.schema on one- and two-row hand-made tables, for make mutation (issue 20).

test_schema.py states a table of bad cells through the whole load (a substring of each
message); these state parse, the length and item bounds, the text guards and pandera's
failures rewritten, each message written out whole.
"""

import hashlib

import pandas as pd
import pytest

from sightings.schema import (SightingsError, is_release_url, parse, preview, stable_ids, text_problems,
                              validate)
from sightings.store import load

ROW = {"event_date": "2022-03-10", "report_date": "2022-03-11", "ships": "2", "ship_types": "frigate",
       "location_text": "Tsugaru Strait", "strait": "Tsugaru", "activity": "transit", "with_chinese_ships": "no",
       "source_urls": "https://example.org/a", "source_names": "Example"}


def table(*rows: dict) -> pd.DataFrame:
    """Text cells as read from a CSV file (every cell a str)."""
    return pd.DataFrame([{**ROW, **row} for row in (rows or ({},))], dtype=str)


def problems(*rows: dict, loader=parse) -> list[str]:
    with pytest.raises(SightingsError) as caught:
        loader(table(*rows))
    return caught.value.problems


def test_schema_mutant001_parse_types_each_column():
    out = parse(table({"id": "", "ships": " 3 ", "ship_types": " frigate ; ; Kilo-class submarine;",
                       "source_urls": "https://example.org/a |https://example.org/b", "source_names": "A | B",
                       "with_chinese_ships": "Yes", "lat": "41.5", "lon": "140.6", "bearing_deg": "90",
                       "activity": "  transit  "},
                      {"id": "given-id", "ships": "", "with_chinese_ships": "", "hull_numbers": "548; 331"}))
    assert out.index.tolist() == [0, 1]
    assert out["ships"].tolist() == [3, pd.NA]
    assert out["ship_types"].tolist() == [["frigate", "Kilo-class submarine"], ["frigate"]]
    assert out["source_urls"].tolist() == [["https://example.org/a", "https://example.org/b"], ["https://example.org/a"]]
    assert out["source_names"].tolist() == [["A", "B"], ["Example"]]
    assert out["hull_numbers"].tolist() == [[], ["548", "331"]]
    assert out["with_chinese_ships"].tolist() == [True, False]
    assert out["lat"].tolist()[0] == 41.5 and pd.isna(out["lat"].tolist()[1])
    assert out["bearing_deg"].tolist()[0] == 90.0
    assert out["activity"].tolist() == ["transit", "transit"]
    assert out["event_date"].tolist() == [pd.Timestamp("2022-03-10")] * 2
    assert str(out["event_date"].dtype) == "datetime64[ns]"
    key = "2022-03-10|Tsugaru Strait|frigate; Kilo-class submarine"
    assert out["id"].tolist() == ["2022-03-10-" + hashlib.sha1(key.encode()).hexdigest()[:6], "given-id"]
    assert list(out.columns)[:3] == ["id", "event_date", "event_time"] and list(out.columns)[-1] == "notes"
    assert out["notes"].tolist() == ["", ""]


@pytest.mark.parametrize(("cell", "expected"), [
    ("yes", True), ("TRUE", True), ("1", True), ("y", True), ("No", False), ("false", False), ("0", False),
    ("n", False), ("", False),
])
def test_schema_mutant002_yes_no_cells(cell, expected):
    assert parse(table({"with_chinese_ships": cell}))["with_chinese_ships"].tolist() == [expected]


def test_schema_mutant003_bad_cells_named_by_row_in_row_order():
    rows = [{} for _ in range(11)]
    rows[1] = {"ships": "2.5", "lat": "north", "lon": "140", "bearing_deg": "east", "with_chinese_ships": "maybe"}
    rows[4] = {"ships": "ten", "event_date": "2022/03/10", "report_date": "March 11, 2022"}
    rows[5] = {"ships": "1000001", "lat": "40", "lon": "east"}
    rows[9] = {"event_date": "2263-01-01", "report_date": "2022-02-30", "lat": "40"}
    assert problems(*rows) == [
        "row 2, bearing_deg: 'east' is not a number (expected a plain number)",
        "row 2, lat/lon: 'north'/'140' lat and lon go together (give both or neither)",
        "row 2, lat: 'north' is not a number (expected decimal degrees)",
        "row 2, ships: '2.5' is not a whole number (expected a count of Russian ships from 1 to 500, or empty)",
        "row 2, with_chinese_ships: 'maybe' is not yes/no",
        "row 5, event_date: '2022/03/10' is not a date (YYYY-MM-DD)",
        "row 5, report_date: 'March 11, 2022' is not a date (YYYY-MM-DD)",
        "row 5, ships: 'ten' is not a whole number (expected a count of Russian ships from 1 to 500, or empty)",
        "row 6, lat/lon: '40'/'east' lat and lon go together (give both or neither)",
        "row 6, lon: 'east' is not a number (expected decimal degrees)",
        "row 6, ships: '1000001' is not a whole number (expected a count of Russian ships from 1 to 500, or empty)",
        "row 10, event_date: '2263-01-01' is out of range (expected a date from 1992-01-01 to today)",
        "row 10, lat/lon: '40'/'' lat and lon go together (give both or neither)",
        "row 10, report_date: '2022-02-30' is not a date (YYYY-MM-DD)",
    ]


def test_schema_mutant003a_only_iso_dates_are_read():
    assert problems({"event_date": "2022/03/10", "report_date": "10.03.2022"}) == [
        "row 1, event_date: '2022/03/10' is not a date (YYYY-MM-DD)",
        "row 1, report_date: '10.03.2022' is not a date (YYYY-MM-DD)"]


def test_schema_mutant003b_lists_and_counts_at_their_bounds_parse():
    full = "; ".join(["1234567890123456"] * 100)               # 100 items of 16 characters: 1,798 characters
    out = parse(table({"hull_numbers": full, "ships": "1000000"}))
    assert out["hull_numbers"].tolist() == [["1234567890123456"] * 100]
    assert out["ships"].tolist() == [1000000]                 # a whole number; the schema then says it is out of range


def test_schema_mutant004_file_level_refusals():
    with pytest.raises(SightingsError) as caught:
        parse(table().drop(columns=["strait", "activity"]))
    assert caught.value.problems[0].startswith("missing required column(s): strait, activity; expected columns: "
                                               "id, event_date, event_time, report_date,")
    ten = "'extra0', 'extra1', 'extra2', 'extra3', 'extra4', 'extra5', 'extra6', 'extra7', 'extra8', 'extra9'"
    for count, named in ((11, ten + " and 1 more"), (10, ten)):
        with pytest.raises(SightingsError) as caught:
            parse(table().assign(**{f"extra{n}": "" for n in range(count)}))
        assert caught.value.problems[0].startswith(f"unknown column(s): {named}; expected only: id, event_date,")
    with pytest.raises(SightingsError) as caught:
        parse(table().assign(colour=""))
    assert caught.value.problems[0].startswith("unknown column(s): 'colour'; expected only: id,")
    with pytest.raises(SightingsError) as caught:
        parse(table().iloc[:0])
    assert caught.value.problems == ["no rows: the file has a header but no sightings"]


def test_schema_mutant005_a_download_reads_back_without_its_added_columns():
    download = table({"sea_area": "", "sea_area_reported": "Sea of Japan", "in_strait": "true",
                      "in_japan_territorial_sea": "false", "distance_to_japan_km": "12.5", "named_seas": "Sea of Japan",
                      "primary_source": "False"})
    out = parse(download)
    assert out["sea_area"].tolist() == ["Sea of Japan"]
    assert "primary_source" not in out.columns and "named_seas" not in out.columns


def test_schema_mutant006_over_long_cells_and_lists_refused_before_parsing():
    rows = [{} for _ in range(10)]
    rows[0] = {"notes": "x" * 2001, "ships": "y" * 33}
    rows[1] = {"notes": "x" * 2000}
    rows[9] = {"ships": "1" * 33}
    rows[2] = {"ships": "1" * 33}
    assert problems(*rows) == [
        "row 1, notes: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... is 2,001 characters long (expected at most 2,000)",
        "row 1, ships: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy' is 33 characters long (expected at most 32)",
        "row 3, ships: '111111111111111111111111111111111' is 33 characters long (expected at most 32)",
        "row 10, ships: '111111111111111111111111111111111' is 33 characters long (expected at most 32)",
    ]
    assert problems({"hull_numbers": "1; " * 101 + "1"}) == ["row 1, hull_numbers: 102 items (expected at most 100)"]
    assert problems({"hull_numbers": "12345678901234567; 1234567890123456"}) == [
        "row 1, hull_numbers: item '12345678901234567' is 17 characters long (expected at most 16)"]
    too_long = "; ".join(["1234567890123456"] * 100) + "; 1"
    assert problems({"hull_numbers": too_long})[0].startswith(
        "row 1, hull_numbers: '1234567890123456; 1234567890123456; 1234'... is 1,801 characters long (expected at "
        "most 100 items of at most 16 characters)")


def test_schema_mutant007_preview_quotes_and_cuts():
    assert preview("x" * 40) == "'" + "x" * 40 + "'"
    assert preview("x" * 41) == "'" + "x" * 40 + "'..."
    assert preview("abcdef", 3) == "'abc'..."
    assert preview("abc", 3) == "'abc'"


def test_schema_mutant008_stable_ids_from_date_words_and_types():
    frame = pd.DataFrame({"event_date": [pd.Timestamp("2022-03-15"), pd.Timestamp("2022-03-15 10:00")],  # the day
                          "location_text": ["Tsugaru Strait", "Tsugaru Strait"],
                          "ship_types": [["landing ship"], ["landing ship", "tug"]]}, index=[4, 9])
    want = ["2022-03-15-" + hashlib.sha1(k.encode()).hexdigest()[:6]
            for k in ("2022-03-15|Tsugaru Strait|landing ship", "2022-03-15|Tsugaru Strait|landing ship; tug")]
    ids = stable_ids(frame)
    assert ids.tolist() == want and ids.index.tolist() == [4, 9]


def test_schema_mutant009_control_characters_and_separators_in_cells():
    frame = pd.DataFrame({"notes": ["ok", "a\x00b\x1bc"], "ship_types": [["frigate", "tug | x"], ["a; b", "c\x07"]],
                          "source_urls": [["https://a.example"], ["https://b | c"]], "ships": [1, 2]})
    assert text_problems(frame) == [
        "row 2, notes: 'a\\x00b\\x1bc' holds the control character '\\x00' at character 2 and 1 more (a NUL, "
        "escape, DEL or lone surrogate is never part of a report); remove it",
        "row 2, ship_types: 'c\\x07' holds the control character '\\x07' at character 2 (a NUL, escape, DEL or lone "
        "surrogate is never part of a report); remove it",
        "row 2, ship_types: item 'a; b' holds ';', the list's separator (it would be read back as two items); write "
        "it without ';'",
        "row 2, source_urls: item 'https://b | c' holds '|', the list's separator (it would be read back as two "
        "items); write it without '|'",
    ]
    long = "x" * 30 + "\x00" + "y" * 30
    assert text_problems(pd.DataFrame({"notes": [long]})) == [
        "row 1, notes: ...'xxxxxxxxxxxxxxxxxxxx\\x00yyyyyyyyyyyyyyyyyyy'... holds the control character '\\x00' at "
        "character 31 (a NUL, escape, DEL or lone surrogate is never part of a report); remove it"]
    # a column of numbers and an item that is not text are passed over, not the end of the search; rows in order
    mixed = pd.DataFrame({"ships": [1] * 10, "notes": [""] * 9 + ["\x00"], "vessels": [[]] * 10,
                          "ship_types": [[]] + [[3, "a; b"]] + [[]] * 8})
    assert text_problems(mixed) == [
        "row 2, ship_types: item 'a; b' holds ';', the list's separator (it would be read back as two items); write "
        "it without ';'",
        "row 10, notes: '\\x00' holds the control character '\\x00' at character 1 (a NUL, escape, DEL or lone "
        "surrogate is never part of a report); remove it",
    ]
    with pytest.raises(SightingsError, match="row 2, notes: 'a"):
        parse(table({}, {"notes": "a\x00b"}))
    with pytest.raises(SightingsError, match="row 1, ship_types: item 'a; b' holds ';'"):
        validate(frame.iloc[1:])


def test_schema_mutant010_pandera_failures_as_sentences():
    found = problems({"ships": "0", "event_date": "1991-12-31", "report_date": "1991-12-31"},
                     {"lat": "5", "lon": "140", "strait": "Nowhere", "id": "bad id!"},
                     {"lon": "200", "lat": "40", "event_time": "25:00", "position_kind": "guess",
                      "report_date": "2022-03-01"}, loader=validate_table)
    assert found == [
        "row 1, event_date: '1991-12-31' is before 1992-01-01 (expected a later date)",
        "row 1, report_date: '1991-12-31' is before 1992-01-01 (expected a later date)",
        "row 1, ships: 0 is out of range (expected a whole number from 1 to 500, or empty)",
        "row 2, id: 'bad id!' is not a valid id (letters, digits, '_.:-', at most 64)",
        "row 2, lat: 5.0 is outside the region Straitwatch maps (expected a latitude from 10 to 65 around Japan; "
        "a lost sign, or lat and lon swapped?)",
        "row 2, strait: 'Nowhere' is not a known strait (expected one of Soya, Tsugaru, Tsushima, Osumi, Miyako, "
        "Yonaguni, Nemuro, or empty)",
        "row 3, event_time: '25:00' is not a time of day (expected HH:MM, 24-hour, or empty)",
        "row 3, lon: 200.0 is outside the region Straitwatch maps (expected a longitude from 110 to 170 around "
        "Japan; a lost sign, or lat and lon swapped?)",
        "row 3, position_kind: 'guess' is not a position kind (expected one of reported, derived, area, unlocated)",
        "row 3, report_date is before event_date",
    ]


def validate_table(raw: pd.DataFrame) -> pd.DataFrame:
    frame = parse(raw)
    frame.loc[frame["position_kind"] == "", "position_kind"] = "area"
    return validate(frame)


def test_schema_mutant011_a_whole_load_passes_and_too_many_problems_are_cut():
    assert load(table().to_csv(index=False).encode())["position_kind"].tolist() == ["area"]
    error = SightingsError([f"row {n}, ships: bad" for n in range(1, 53)])
    assert str(error).splitlines()[-2:] == ["row 50, ships: bad", "... and 2 more"]
    assert len(str(error).splitlines()) == 51
    assert str(SightingsError(["a"] * 50)).splitlines()[-1] == "a"
    assert str(SightingsError(["a"] * 51)).splitlines()[-2:] == ["a", "... and 1 more"]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf", True), ("HTTP://WWW.MOD.GO.JP/JS/x", True),
    ("https://www.mod.go.jp/j/press/x", False), ("https://example.org/https://www.mod.go.jp/js/", False),
])
def test_schema_mutant012_release_urls(url, expected):
    assert is_release_url(url) is expected


def test_schema_mutant013_frame_level_failures_name_the_column():
    """A frame that did not come through parse (a programming error): the column and pandera's check are named."""
    frame = parse(table({"id": "a", "position_kind": "area"}, {"id": "b", "position_kind": "area"}))
    for bad, message in [
        (frame.assign(ships=frame["ships"].astype(float)), "ships: 'float64' dtype('Int64')"),
        (frame.drop(columns=["notes"]), "'notes' column_in_dataframe"),
        (frame.assign(colour="x"), "'colour' column_in_schema"),
    ]:
        with pytest.raises(SightingsError) as caught:
            validate(bad)
        assert caught.value.problems == [message]
    # a failure of the whole column (no row) among failures of rows: the column's sentence first, then the rows
    with pytest.raises(SightingsError) as caught:
        validate(frame.assign(ships=frame["ships"].astype(float), id=["a", "a"]))
    assert caught.value.problems == ["ships: 'float64' dtype('Int64')",
                                     "row 1, id: 'a' is a duplicate id (expected unique ids)",
                                     "row 2, id: 'a' is a duplicate id (expected unique ids)"]
    frame.loc[1, "id"] = "a"
    frame.loc[0, "strait"] = "N" * 45
    with pytest.raises(SightingsError) as caught:
        validate(frame)
    assert caught.value.problems == [
        "row 1, id: 'a' is a duplicate id (expected unique ids)",
        "row 1, strait: 'NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN'... is not a known strait (expected one of Soya, Tsugaru, "
        "Tsushima, Osumi, Miyako, Yonaguni, Nemuro, or empty)",
        "row 2, id: 'a' is a duplicate id (expected unique ids)",
    ]


@pytest.mark.parametrize(("text", "shown"), [
    ("x" * 30 + "\x00" + "y" * 9, "'" + "x" * 30 + "\\x00" + "y" * 9 + "'"),             # 40 characters: all of it
    ("x" * 30 + "\x00" + "y" * 10, "...'" + "x" * 20 + "\\x00" + "y" * 10 + "'"),       # 41: from 20 before it
    ("x" * 5 + "\x00" + "y" * 44, "'" + "x" * 5 + "\\x00" + "y" * 34 + "'..."),          # near the start: from it
])
def test_schema_mutant014_a_control_character_shown_in_its_context(text, shown):
    assert text_problems(pd.DataFrame({"notes": [text]})) == [
        f"row 1, notes: {shown} holds the control character '\\x00' at character {text.index(chr(0)) + 1} (a NUL, "
        "escape, DEL or lone surrogate is never part of a report); remove it"]


def test_schema_mutant015_failures_in_row_order_and_long_lists_cut_at_80():
    rows = [{"id": f"r{n}"} for n in range(10)]
    rows[1]["ships"] = "0"
    rows[9].update(ships="600", source_urls="javascript:" + "x" * 60)
    found = problems(*rows, loader=validate_table)
    assert found == [
        "row 2, ships: 0 is out of range (expected a whole number from 1 to 500, or empty)",
        "row 10, ships: 600 is out of range (expected a whole number from 1 to 500, or empty)",
        "row 10, source_urls: ['javascript:" + "x" * 60 + "'] is not a list of http(s) URLs (expected 1 to 20, each "
        "at most 2000 characters)",
    ]
