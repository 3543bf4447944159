"""sightings.vessels, the register's rules on hand-made rows and tiny files, for make mutation (issue 20).

Each refusal is stated as its whole message; each lookup (names on a day, sole names, classes)
with its literal answer.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sightings.schema import SightingsError
from sightings.vessels import (
    MAX_BYTES, MAX_ROWS, REGISTER_COLUMNS, carried_on, check_register, hull_names, names_of, read_register,
    sole_names, unknown_classes,
)

from tests.unit.test_vessel_register import _row

HEADER = ",".join(REGISTER_COLUMNS)


def _problems(table: pd.DataFrame, *label: str) -> list[str]:
    with pytest.raises(SightingsError) as raised:
        check_register(table, *label)
    return raised.value.problems


def test_register_mutant001_a_file_is_read_as_text_cells(tmp_path):
    path = tmp_path / "vessels.csv"
    path.write_text(HEADER + "\n011,NA,,,,,2014-05-29,FlyTeam,https://flyteam.jp/a,Page: 011\n", encoding="utf-8")
    table = read_register(path)
    assert table.to_dict("records") == [{
        "hull_number": "011", "name": "NA", "name_ja": "", "class": "", "carried_from": "", "carried_to": "",
        "stated_for": "2014-05-29", "source_name": "FlyTeam", "source_url": "https://flyteam.jp/a",
        "source_note": "Page: 011"}]
    assert read_register(str(path)).equals(table)          # a path given as text


def test_register_mutant002_a_file_over_the_byte_cap_is_refused_unread(tmp_path):
    line = "548,Admiral Panteleyev,,,,,,FlyTeam,https://flyteam.jp/a,"
    path = tmp_path / "vessels.csv"
    rows, size = [], len(HEADER) + 1
    while size < MAX_BYTES:                     # rows of about 1 kB; the last one's note fills the file to the byte
        note = "n" * min(900, MAX_BYTES - size - len(line) - 1)
        rows.append(line + note)
        size += len(rows[-1]) + 1
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="ascii")
    assert path.stat().st_size == MAX_BYTES == 1_000_000
    assert len(read_register(path)) == len(rows)                   # exactly at the cap: read
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\nx\n", encoding="ascii")
    with pytest.raises(SightingsError) as raised:
        read_register(path)
    assert raised.value.problems == ["vessels.csv is 1000002 bytes; the register is capped at 1000000"]


def test_register_mutant003_more_rows_than_the_cap_are_refused(tmp_path):
    line = "548,Admiral Panteleyev,,,,,,FlyTeam,https://flyteam.jp/a,n"
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "\n" + "\n".join([line] * MAX_ROWS) + "\n", encoding="ascii")
    assert len(read_register(path)) == MAX_ROWS == 5_000
    path.write_text(HEADER + "\n" + "\n".join([line] * (MAX_ROWS + 1)) + "\n", encoding="ascii")
    with pytest.raises(SightingsError) as raised:
        read_register(path)
    assert raised.value.problems == ["big.csv has more than 5000 rows; split it or raise MAX_ROWS"]
    assert _problems(pd.DataFrame([_row()] * 5_001), "mine") == [
        "mine has more than 5000 rows; split it or raise MAX_ROWS"]


def test_register_mutant004_a_wrong_header_is_named_with_the_expected_one():
    table = pd.DataFrame([_row()])[list(REGISTER_COLUMNS[::-1])]
    assert _problems(table) == [
        "register header is source_note, source_url, source_name, stated_for, carried_to, carried_from, class, "
        "name_ja, name, hull_number; expected hull_number, name, name_ja, class, carried_from, carried_to, "
        "stated_for, source_name, source_url, source_note"]
    assert _problems(pd.DataFrame([_row()]).drop(columns="source_note"), "v.csv")[0].startswith(
        "v.csv header is hull_number, name, name_ja, class, carried_from, carried_to, stated_for, source_name, "
        "source_url; expected")


def test_register_mutant005_each_bad_cell_named_by_row_column_value_and_check():
    table = pd.DataFrame([_row(hull_number="54x", carried_from="2020-1-1"), _row(source_url="ftp://x")])
    assert _problems(table, "reg.csv") == [
        "reg.csv row 0: hull_number '54x' fails str_matches('^[0-9]{1,4}$')",
        r"reg.csv row 0: carried_from '2020-1-1' fails str_matches('^(\d{4}-\d{2}-\d{2})?$')",
        r"reg.csv row 1: source_url 'ftp://x' fails str_matches('^https?://\S{1,500}$')"]


def test_register_mutant006_a_valid_table_is_returned_unchanged():
    table = pd.DataFrame([_row(), _row(name_ja="アドミラル・パンテレーエフ"), _row(hull_number="011", name="Varyag")])
    assert check_register(table) is table


def test_register_mutant007_two_names_need_dates_on_every_row():
    # the same name twice, undated: one name, kept
    assert len(check_register(pd.DataFrame([_row(), _row(stated_for="2020-01-01")]))) == 2
    # a from date alone, or a to date alone, is not enough; each hull is named (after a hull of one name)
    table = pd.DataFrame([
        _row(hull_number="001", name="First"),
        _row(carried_from="2000-01-01", carried_to="2009-12-31"), _row(name="Other Ship", carried_from="2010-01-01"),
        _row(hull_number="011", name="Varyag", carried_from="2000-01-01", carried_to="2009-12-31"),
        _row(hull_number="011", name="Other", carried_to="2020-01-01")])
    assert _problems(table, "v.csv") == [
        "v.csv: hull 011 has names Varyag, Other without carried_from and carried_to on each; add the dates a page "
        "gives, or drop the name no page dates",
        "v.csv: hull 548 has names Admiral Panteleyev, Other Ship without carried_from and carried_to on each; add "
        "the dates a page gives, or drop the name no page dates"]


def test_register_mutant008_dates_that_touch_or_overlap_are_refused_in_date_order():
    touching = pd.DataFrame([
        _row(name="Third", carried_from="2020-01-01", carried_to="2024-12-31"),
        _row(carried_from="2000-01-01", carried_to="2009-12-31"),
        _row(name="Other Ship", carried_from="2009-12-31", carried_to="2019-12-31"),
        _row(hull_number="011", name="Varyag", carried_from="2000-01-01", carried_to="2009-12-31"),
        _row(hull_number="011", name="Other", carried_from="2010-01-01", carried_to="2020-01-01")])
    assert _problems(touching, "v.csv") == [
        "v.csv: hull 548 is Admiral Panteleyev to 2009-12-31 and Other Ship from 2009-12-31: the dates overlap"]
    apart = touching.assign(carried_from=["2020-01-01", "2000-01-01", "2010-01-01", "2000-01-01", "2010-01-01"])
    assert len(check_register(apart)) == 5


@pytest.mark.parametrize(("day", "kept"), [
    ("2009-12-31", ["undated", "old"]),                 # the last day of old
    ("2010-01-01", ["undated", "new"]),                 # the first day of new
    (pd.Timestamp("2012-05-01 13:00"), ["undated", "new"]),
    ("1999-12-31", ["undated"]),
])
def test_register_mutant009_carried_on_a_day_includes_both_ends(day, kept):
    rows = pd.DataFrame({"name": ["undated", "old", "new"], "carried_from": ["", "2000-01-01", "2010-01-01"],
                         "carried_to": ["", "2009-12-31", ""]})
    assert carried_on(rows, day)["name"].tolist() == kept
    assert carried_on(rows.iloc[[1]].assign(carried_from=""), "1999-12-31")["name"].tolist() == ["old"]


def test_register_mutant010_hull_names_on_a_day_english_then_japanese_each_once():
    table = pd.DataFrame([
        _row(name_ja=""), _row(name_ja="アドミラル・パンテレーエフ"), _row(name_ja="アドミラル・パンテレーエフ"),
        _row(hull_number="011", name="Varyag", carried_from="2000-01-01", carried_to="2009-12-31"),
        _row(hull_number="011", name="Other", name_ja="アザー", carried_from="2010-01-01")])
    assert hull_names(table) == {"548": ["Admiral Panteleyev", "アドミラル・パンテレーエフ"],
                                 "011": ["Varyag", "Other", "アザー"]}
    assert hull_names(table, pd.Timestamp("2005-06-01")) == {"548": ["Admiral Panteleyev", "アドミラル・パンテレーエフ"],
                                                             "011": ["Varyag"]}
    assert hull_names(table.iloc[:0]) == {}


def test_register_mutant011_names_of_a_hull_as_written_by_name_then_date():
    table = pd.DataFrame({"hull_number": ["011", "11", "011", "011"], "name": ["Varyag", "Other", "Varyag", "Alpha"],
                          "stated_for": ["2024-05-01", "2020-01-01", "2019-09-01", "2030-01-01"]})
    assert names_of(table, "011")[["name", "stated_for"]].values.tolist() == [
        ["Alpha", "2030-01-01"], ["Varyag", "2019-09-01"], ["Varyag", "2024-05-01"]]
    assert names_of(table, "011").index.tolist() == [3, 2, 0]


def test_register_mutant012_sole_names_leave_out_a_hull_of_two_names_or_none():
    table = pd.DataFrame({"hull_number": ["548", "548", "011", "011", "077", "055"],
                          "name": ["Admiral Panteleyev", "Admiral Panteleyev", "Varyag", "Other", "", "Nevelskoy"]})
    assert list(sole_names(table).items()) == [("055", "Nevelskoy"), ("548", "Admiral Panteleyev")]


def test_register_mutant013_a_class_not_in_the_dictionary_is_named_by_its_row():
    classes = pd.DataFrame({"class_en": ["Udaloy I-class destroyer"]})      # the dictionary given, not the shipped one
    table = pd.DataFrame(
        {"class": ["Udaloy I-class destroyer", "", "Kirov-class cruiser", "Slava-class missile cruiser"]}, index=[4, 5, 6, 7])
    assert unknown_classes(table, classes) == [
        "row 6: class 'Kirov-class cruiser' is not a class_en of data/ship_classes.csv; use its spelling there or "
        "leave the class empty",
        "row 7: class 'Slava-class missile cruiser' is not a class_en of data/ship_classes.csv; use its spelling there "
        "or leave the class empty"]
    # without a dictionary given, the shipped one (which names the Slava class but no Udaloy IV)
    assert unknown_classes(pd.DataFrame({"class": ["Slava-class missile cruiser", "Udaloy IV-class destroyer"]})) == [
        "row 1: class 'Udaloy IV-class destroyer' is not a class_en of data/ship_classes.csv; use its spelling there "
        "or leave the class empty"]
