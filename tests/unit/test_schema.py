"""The sightings schema: one table of good and bad cells, each bad one named in the error."""

import datetime as dt

import pytest

from sightings.schema import SightingsError
from sightings.store import load, read_sightings, to_csv_text

HEADER = ("event_date,report_date,ships,ship_types,hull_numbers,location_text,strait,direction,"
          "sea_area,activity,with_chinese_ships,source_urls,source_names,notes")
GOOD = {
    "event_date": "2022-03-10", "report_date": "2022-03-11", "ships": "10",
    "ship_types": "Udaloy-class destroyer; Steregushchiy-class corvette", "hull_numbers": "548",
    "location_text": "some 180 km east-northeast of Cape Erimo, Hokkaido", "strait": "Tsugaru",
    "direction": "west", "sea_area": "Pacific Ocean", "activity": "transit", "with_chinese_ships": "no",
    "source_urls": "https://example.org/report", "source_names": "Example", "notes": "",
}


def csv_bytes(**changes) -> bytes:
    row = {**GOOD, **changes}
    cells = ['"' + row[c].replace('"', '""') + '"' for c in HEADER.split(",")]
    return (HEADER + "\n" + ",".join(cells) + "\n").encode()


def test_schema001_good_row_is_located_and_typed():
    frame = load(csv_bytes())
    row = frame.iloc[0]
    assert row["position_kind"] == "derived"
    assert row["ships"] == 10
    assert row["ship_types"] == ["Udaloy-class destroyer", "Steregushchiy-class corvette"]
    assert row["with_chinese_ships"] is False or row["with_chinese_ships"] == False  # noqa: E712


TOMORROW = (dt.date.today() + dt.timedelta(days=2)).isoformat()


@pytest.mark.parametrize(("changes", "message"), [
    ({"event_date": "2022-02-30"}, "row 1, event_date: '2022-02-30' is not a date (YYYY-MM-DD)"),
    ({"event_date": TOMORROW, "report_date": TOMORROW}, "is in the future"),
    ({"report_date": "2022-03-01"}, "report_date is before event_date"),
    ({"ships": "0"}, "row 1, ships: 0 is out of range"),
    ({"ships": "-3"}, "row 1, ships: -3 is out of range"),
    ({"ships": "2.5"}, "row 1, ships: '2.5' is not a whole number"),
    ({"ships": "ten"}, "row 1, ships: 'ten' is not a whole number"),
    ({"source_urls": "javascript:alert(1)"}, "source_urls: ['javascript:alert(1)'] is not a list of http(s) URLs"),
    ({"source_urls": ""}, "source_urls: [] is not a list of http(s) URLs"),
    ({"strait": "../../etc/passwd"}, "strait: '../../etc/passwd' is not a known strait"),
    ({"with_chinese_ships": "maybe"}, "with_chinese_ships: 'maybe' is not yes/no"),
    ({"location_text": "about 180 km east-northeast of Cape Erimoo"},
     "row 1, location_text: unknown place 'Cape Erimoo'"),
])
def test_schema002_bad_cell_is_named(changes, message):
    with pytest.raises(SightingsError) as caught:
        load(csv_bytes(**changes))
    assert message in str(caught.value)


@pytest.mark.parametrize(("lat", "lon", "message"), [
    ("999", "140", "lat: 999.0 is outside the region Straitwatch maps (expected a latitude from 10 to 65"),
    ("40", "-500", "lon: -500.0 is outside the region Straitwatch maps (expected a longitude from 110 to 170"),
    ("NaN", "140", "lat: 'NaN' is not a number"),
    ("north", "140", "lat: 'north' is not a number"),
    ("40", "", "lat and lon go together"),
])
def test_schema003_bad_coordinates(lat, lon, message):
    raw = csv_bytes().decode().splitlines()
    data = (raw[0] + ",lat,lon\n" + raw[1] + f",{lat},{lon}\n").encode()
    with pytest.raises(SightingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load(data)


def test_schema004_reported_coordinates_are_kept_as_reported():
    raw = csv_bytes().decode().splitlines()
    frame = load((raw[0] + ",lat,lon\n" + raw[1] + ",42.1,144.2\n").encode())
    assert (frame.at[0, "lat"], frame.at[0, "lon"], frame.at[0, "position_kind"]) == (42.1, 144.2, "reported")


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (HEADER.encode() + b"\n", "no rows"),
    (HEADER.replace(",strait", "").encode() + b"\n", "missing required column(s): strait"),
    (HEADER.replace(",", ";").encode() + b"\n", "looks ';' or tab separated"),
    (HEADER.encode() + b",colour\n", "unknown column(s): 'colour'"),
])
def test_schema004_bad_files(data, message):
    with pytest.raises(SightingsError) as caught:
        load(data)
    assert message in str(caught.value)


def test_schema005_bom_and_shift_jis_are_read():
    assert len(load(b"\xef\xbb\xbf" + csv_bytes())) == 1
    japanese = csv_bytes(notes="宗谷海峡を通過").decode().encode("cp932")
    assert load(japanese, encoding="cp932").at[0, "notes"] == "宗谷海峡を通過"
    with pytest.raises(SightingsError, match="not UTF-8 text.*--encoding cp932"):
        load(japanese)                           # never guessed


def test_schema006_round_trip_is_lossless():
    frame = read_sightings()
    assert to_csv_text(load(to_csv_text(frame).encode())) == to_csv_text(frame)


def test_schema_huge_ship_count_is_a_clear_problem_not_a_crash():
    """Found by test_prop003: a 19-digit count overflowed the integer cast."""
    import pandas as pd

    from sightings.schema import _parse_ships
    problems: list[str] = []
    parsed = _parse_ships(pd.Series(["9223372036854775808", "3"], index=[1, 2]), problems)
    assert parsed.tolist()[1] == 3 and parsed.isna().tolist() == [True, False]
    assert problems == ["row 1, ships: '9223372036854775808' is not a whole number "
                        "(expected a count of Russian ships from 1 to 500, or empty)"]
