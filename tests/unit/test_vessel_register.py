"""The vessel register (data/vessels.csv): sourced names only, hulls as digits, clashes refused."""

from __future__ import annotations

import pandas as pd
import pytest

from sightings.schema import SightingsError
from sightings.vessels import (
    REGISTER, REGISTER_COLUMNS, check_register, hull_names, read_register, unknown_classes,
)


def _row(**values) -> dict:
    row = dict.fromkeys(REGISTER_COLUMNS, "")
    row.update(hull_number="548", name="Admiral Panteleyev", source_name="FlyTeam",
               source_url="https://flyteam.jp/news/article/105005", source_note="Page: ...")
    row.update(values)
    return row


def test_reg01_every_row_has_a_source_url_and_a_digit_hull():
    raw = pd.read_csv(REGISTER, dtype=str, keep_default_na=False)      # read independently of the loader
    assert len(raw) > 0
    assert raw["hull_number"].str.fullmatch(r"[0-9]{1,4}").all()
    assert raw["source_url"].str.match(r"https?://").all()
    assert (raw["name"] != "").all() and (raw["source_note"] != "").all()
    read_register()                                                      # and the loader accepts it


def test_reg02_548_is_admiral_panteleyev_with_its_pages():
    raw = pd.read_csv(REGISTER, dtype=str, keep_default_na=False)
    rows = raw[raw["hull_number"] == "548"]
    assert set(rows["name"]) == {"Admiral Panteleyev"}
    assert "https://flyteam.jp/news/article/105005" in set(rows["source_url"])


def test_reg03_hull_not_digits_is_refused_with_the_row():
    with pytest.raises(SightingsError, match="hull_number '54x'"):
        check_register(pd.DataFrame([_row(hull_number="54x")]))


def test_reg04_missing_source_url_is_refused():
    with pytest.raises(SightingsError, match="source_url"):
        check_register(pd.DataFrame([_row(source_url="")]))


def test_reg05_two_names_without_dates_are_refused():
    table = pd.DataFrame([_row(), _row(name="Other Ship")])
    with pytest.raises(SightingsError, match="hull 548 has names Admiral Panteleyev, Other Ship without"):
        check_register(table)


def test_reg06_two_names_with_separate_dates_are_kept_overlap_refused():
    kept = pd.DataFrame([_row(carried_from="2000-01-01", carried_to="2009-12-31"),
                         _row(name="Other Ship", carried_from="2010-01-01", carried_to="2020-01-01")])
    assert len(check_register(kept)) == 2
    overlapping = kept.assign(carried_from=["2000-01-01", "2009-01-01"])
    with pytest.raises(SightingsError, match="overlap"):
        check_register(overlapping)


def test_reg07_unknown_class_is_named_and_the_shipped_classes_are_the_dictionarys():
    assert unknown_classes(pd.DataFrame([_row(**{"class": "Udaloy IV-class destroyer"})])) == [
        "row 0: class 'Udaloy IV-class destroyer' is not a class_en of data/ship_classes.csv; "
        "use its spelling there or leave the class empty"]
    assert unknown_classes(read_register()) == []


def test_reg08_hull_names_lists_english_then_japanese_once():
    table = pd.DataFrame([_row(name_ja="アドミラル・パンテレーエフ"), _row(), _row(hull_number="011", name="Varyag")])
    assert hull_names(table) == {"548": ["Admiral Panteleyev", "アドミラル・パンテレーエフ"], "011": ["Varyag"]}
