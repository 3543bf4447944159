"""sightings.importer against a hand-made two-row dataset, for make mutation.

test_importer_mutants.py and test_hostile_import.py state these behaviours against the whole
shipped dataset (a second to read it, per test and per mutant); here the stored rows are two,
written out below (two real rows of data/sightings.csv, their notes and second sources left out),
so a mutant costs milliseconds. Every expected id, row and message is written out.
"""

import base64

import pandas as pd
import pytest

from sightings.importer import duplicate_of, merge_into, plan, read_cells, read_upload
from sightings.schema import SightingsError
from sightings.store import load

HEADER = ("id,event_date,event_time,report_date,date_basis,report_date_basis,ships,ship_types,hull_numbers,vessels,"
          "chinese_vessels,location_text,location_text_ja,lat,lon,position_kind,anchor,bearing_deg,distance_km,strait,"
          "direction,sea_area,activity,with_chinese_ships,observed_by,same_as,voyage_id,voyage_link,source_urls,"
          "source_names,notes")
DERIVED = ("2011-05-05-58e004,2011-05-05,11:00,2011-05-11,stated,page date only,2,Udaloy I-class missile destroyer; "
           "Baklazhan-class rescue tug,548,,,\"about 45 km east of Kami-Tsushima (around 11 a.m.), heading southwest; "
           "then south through the Tsushima Strait\",,34.64901,129.96086,derived,Kami-Tsushima,90,45,Tsushima,"
           "southwest,,transit,no,,,v-2011-05-05-58e004,,http://data-max.co.jp/2011/05/11/post_14777.html,"
           "Data Max (Japanese),")
AREA = ("2022-06-17-357588,2022-06-17,06:00,2022-06-18,stated,page date only,9,,,,,\"north of Cape Soya, Hokkaido "
        "(around 6 a.m.); about 40 km off Hokkaido\",,45.72220,142.02670,area,,,,Soya,west,Sea of Japan,transit,no,,,"
        "v-2022-06-17-357588,,https://www.nippon.com/en/news/yjj2022061800016/,Nippon.com (Jiji Press),")
STORED = "\n".join([HEADER, DERIVED, AREA]) + "\n"
#: The shared notes' columns (no id, lat, lon, position_kind).
NOTES = ("event_date,report_date,ships,ship_types,hull_numbers,location_text,strait,direction,sea_area,activity,"
         "with_chinese_ships,source_urls,source_names,notes")
NEW = ('2023-01-02,2023-01-03,3,Kilo-class submarine,470,"about 100 km west of Cape Soya",Soya,east,,transit,no,'
       "https://example.org/a,Example,")
AGAIN = "give the row a new id, or pass --replace-changed to replace the stored row"


@pytest.fixture(scope="module")
def stored():
    return load(STORED.encode())


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def test_importer_small_mutant001_repeats_by_id_or_by_the_same_report(stored):
    same_id = AREA.replace("2022-06-17,06:00,2022-06-18", "2023-06-17,06:00,2023-06-18")     # a year later
    same_report = DERIVED.replace("2011-05-05-58e004", "2011-05-05-aaaaaa")                  # another id
    other_day = DERIVED.replace("2011-05-05-58e004,2011-05-05", "2011-05-06-cccccc,2011-05-06")
    incoming = load(csv(HEADER, same_id, same_report, other_day))
    assert duplicate_of(incoming, stored).tolist() == ["2022-06-17-357588", "2011-05-05-58e004", ""]


def test_importer_small_mutant002_a_stored_row_again_is_a_duplicate(stored):
    result = plan(csv(HEADER, DERIVED), stored)
    assert result.new.empty and result.replaced.empty
    assert result.duplicates["id"].tolist() == result.duplicates["duplicate_of"].tolist() == ["2011-05-05-58e004"]
    # an area row given without its point (as the downloads write it) is the same row
    area = plan(csv(HEADER, AREA.replace("45.72220,142.02670", ",")), stored)
    assert area.new.empty and area.replaced.empty and area.duplicates["duplicate_of"].tolist() == ["2022-06-17-357588"]
    # coordinates equal to five decimals are the same
    close = plan(csv(HEADER, DERIVED.replace("34.64901", "34.649012")), stored)
    assert close.new.empty and close.replaced.empty
    assert close.duplicates["duplicate_of"].tolist() == ["2011-05-05-58e004"]


def test_importer_small_mutant003_a_new_row_is_positioned_and_new(stored):
    result = plan(csv(NOTES, NEW), stored)
    assert result.duplicates.empty and result.replaced.empty
    assert result.new[["id", "lat", "lon", "position_kind"]].to_dict("records") == [
        {"id": "2023-01-02-da8dfa", "lat": 45.51573, "lon": 140.65673, "position_kind": "derived"}]
    assert result.new.index.tolist() == [0]


def test_importer_small_mutant004_every_changed_field_is_shown(stored):
    changed = DERIVED.replace("2011-05-05,11:00", "2011-05-06,11:00").replace(",2,Udaloy", ",,Udaloy") \
        .replace("Udaloy I-class missile destroyer; Baklazhan-class rescue tug", "Kilo-class submarine")
    with pytest.raises(SightingsError) as caught:
        plan(csv(HEADER, changed), stored)
    key = "'2011-05-05-58e004'"
    assert caught.value.problems == [
        f"row 1, event_date: '2011-05-06' differs from the stored row {key} ('2011-05-05'); {AGAIN}",
        f"row 1, ships: empty differs from the stored row {key} (2); {AGAIN}",
        f"row 1, ship_types: 'Kilo-class submarine' differs from the stored row {key} "
        f"('Udaloy I-class missile destroyer; Baklazhan-class rescue tug'); {AGAIN}"]
    moved = DERIVED.replace("about 45 km east", "about 60 km east").replace("34.64901,129.96086,derived", ",,derived")
    with pytest.raises(SightingsError) as caught:
        plan(csv(HEADER, moved), stored)
    assert caught.value.problems == [
        f"row 1, location_text: 'about 60 km east of Kami-Tsushima (around 11 a.m.), heading southwest; then sout'"
        f"... differs from the stored row {key} ('about 45 km east of Kami-Tsushima (around 11 a.m.), heading "
        f"southwest; then sout'...); {AGAIN}",
        f"row 1, lat: 34.64824 differs from the stored row {key} (34.64901); {AGAIN}",
        f"row 1, lon: 130.12448 differs from the stored row {key} (129.96086); {AGAIN}",
        f"row 1, distance_km: 60.0 differs from the stored row {key} (45.0); {AGAIN}"]


def test_importer_small_mutant005_replace_changed(stored):
    # the ship count changed: the stored row (place 0) with the file's columns, its point kept
    result = plan(csv(HEADER, DERIVED.replace(",2,Udaloy", ",3,Udaloy")), stored, replace_changed=True)
    assert result.new.empty and result.duplicates.empty and result.replaced.index.tolist() == [0]
    row = result.replaced.iloc[0]
    assert (row["id"], row["ships"], row["lat"], row["lon"]) == ("2011-05-05-58e004", 3, 34.64901, 129.96086)
    # the phrase changed and no point given: the point follows the new phrase
    moved = DERIVED.replace("about 45 km east", "about 60 km east").replace("34.64901,129.96086,derived", ",,derived")
    result = plan(csv(HEADER, moved), stored, replace_changed=True)
    row = result.replaced.iloc[0]
    assert (row["lat"], row["lon"], row["distance_km"]) == (34.64824, 130.12448, 60.0)
    # the notes' columns (no lat given): the stored point stays unless the phrase, strait or sea changed
    notes = ('2011-05-05,2011-05-11,3,Udaloy I-class missile destroyer; Baklazhan-class rescue tug,548,'
             '"about 45 km east of Kami-Tsushima (around 11 a.m.), heading southwest; then south through the Tsushima '
             'Strait",Tsushima,southwest,,transit,no,http://data-max.co.jp/2011/05/11/post_14777.html,'
             "Data Max (Japanese),")
    row = plan(csv(NOTES, notes), stored, replace_changed=True).replaced.iloc[0]
    assert (row["ships"], row["lat"], row["lon"], row["distance_km"]) == (3, 34.64901, 129.96086, 45.0)
    row = plan(csv(NOTES, notes.replace("Strait\",Tsushima,southwest,,", "Strait\",Tsushima,southwest,Sea of Japan,")),
               stored, replace_changed=True).replaced.iloc[0]
    assert (row["ships"], row["sea_area"], row["lat"]) == (3, "Sea of Japan", 34.64901)


def test_importer_small_mutant006_synthetic_rows_refused(stored):
    synthetic = AREA.replace("https://www.nippon.com/en/news/yjj2022061800016/", "synthetic:").replace(
        "357588", "eeeeee")
    with pytest.raises(SightingsError) as caught:
        plan(csv(HEADER, DERIVED, synthetic, synthetic.replace("eeeeee", "ffffff")), stored)
    assert caught.value.problems == [
        f"row {n}, source_urls: 'synthetic:' marks a synthetic benchmark row (expected the report's http(s) URLs); "
        "synthetic rows never enter the dataset" for n in (2, 3)]


def test_importer_small_mutant007_two_new_rows_of_one_sighting_refused(stored):
    second = NEW.replace(",470,", ",470; 471,").replace("about 100 km", "some 100 km")
    with pytest.raises(SightingsError) as caught:
        plan(csv(NOTES, NEW, second), stored)
    assert caught.value.problems == [
        "rows 1 and 2 report the same sighting (2023-01-02 Soya, ids '2023-01-02-da8dfa' and "
        "'2023-01-02-e3ebb7'); keep one row, with what the other adds"]


def test_importer_small_mutant008_download_apostrophes_removed():
    table = read_cells(csv("a,b,c", "'=1+1,'x,=2"))
    assert table.to_dict("records") == [{"a": "=1+1", "b": "'x", "c": "=2"}]


def test_importer_small_mutant009_an_upload_reads_like_a_file():
    contents = "data:text/csv;base64," + base64.b64encode(csv(NOTES, NEW)).decode()
    frame = read_upload(contents)
    assert frame["id"].tolist() == ["2023-01-02-da8dfa"] and frame["ships"].tolist() == [3]


def test_importer_small_mutant010_merge_into_a_small_dataset(tmp_path):
    path = tmp_path / "sightings.csv"
    path.write_text(STORED, encoding="utf-8")
    leftover = tmp_path / ".sightings.csv.999999999.aaaa.tmp"
    leftover.write_text("x")
    result = merge_into(path, csv(NOTES, NEW), source="new.csv")
    assert result.cleaned == (leftover,) and result.new["id"].tolist() == ["2023-01-02-da8dfa"]
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert written["id"].tolist() == ["2011-05-05-58e004", "2022-06-17-357588", "2023-01-02-da8dfa"]
    assert "import new.csv" in (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "1 new report(s), 0 replaced." in (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    before = path.read_bytes()
    again = merge_into(path, csv(NOTES, NEW))
    assert again.new.empty and again.cleaned == () and path.read_bytes() == before
    replaced = merge_into(path, csv(HEADER, DERIVED.replace(",2,Udaloy", ",3,Udaloy")), replace_changed=True)
    assert replaced.replaced.index.tolist() == [0]
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert written["id"].tolist() == ["2011-05-05-58e004", "2022-06-17-357588", "2023-01-02-da8dfa"]
    assert written["ships"].tolist() == ["3", "9", "3"]
    text = (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "0 new report(s), 1 replaced." in text and text.count("\n## ") == 2


def test_importer_small_mutant011_merge_into_refuses_a_changed_row_unless_asked(tmp_path):
    path = tmp_path / "sightings.csv"
    path.write_text(STORED, encoding="utf-8")
    with pytest.raises(SightingsError) as caught:
        merge_into(path, csv(HEADER, DERIVED.replace(",2,Udaloy", ",3,Udaloy")))
    assert caught.value.problems == [
        f"row 1, ships: 3 differs from the stored row '2011-05-05-58e004' (2); {AGAIN}"]
    assert path.read_text(encoding="utf-8") == STORED and not (tmp_path / "CHANGELOG.md").exists()
    merge_into(path, csv(NOTES, NEW.replace("Example,", "Example,宗谷の沖")).decode("utf-8").encode("cp932"),
               encoding="cp932")
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert written["notes"].tolist() == ["", "", "宗谷の沖"]
    assert "`import`: 3 rows; added 1, changed 0, removed 0. 1 new report(s), 0 replaced." in (
        tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")


def test_importer_small_mutant012_repeats_within_a_file_named_once_each(stored):
    second = NEW.replace(",470,", ",470; 471,").replace("about 100 km", "some 100 km")
    third = NEW.replace(",470,", ",470; 472,").replace("about 100 km", "around 100 km")
    with pytest.raises(SightingsError) as caught:
        plan(csv(NOTES, NEW, second, third), stored)
    assert caught.value.problems == [
        "rows 1 and 2 report the same sighting (2023-01-02 Soya, ids '2023-01-02-da8dfa' and '2023-01-02-e3ebb7'); "
        "keep one row, with what the other adds",
        "rows 1 and 3 report the same sighting (2023-01-02 Soya, ids '2023-01-02-da8dfa' and '2023-01-02-3a3de5'); "
        "keep one row, with what the other adds"]
    at_sea = NEW.replace("Soya,east", '"",east')
    with pytest.raises(SightingsError) as caught:
        plan(csv(NOTES, at_sea, at_sea.replace("about 100 km", "some 100 km")), stored)
    assert caught.value.problems == [
        "rows 1 and 2 report the same sighting (2023-01-02 open sea, ids '2023-01-02-da8dfa' and "
        "'2023-01-02-e3ebb7'); keep one row, with what the other adds"]


def test_importer_small_mutant013_a_reported_point_stays_when_no_position_input_changed():
    reported = load(csv(HEADER, DERIVED.replace("34.64901,129.96086,derived,Kami-Tsushima,90,45,",
                                                "34.70000,129.90000,reported,,,,")))
    notes = ('2011-05-05,2011-05-11,3,Udaloy I-class missile destroyer; Baklazhan-class rescue tug,548,'
             '"about 45 km east of Kami-Tsushima (around 11 a.m.), heading southwest; then south through the Tsushima '
             'Strait",Tsushima,southwest,,transit,no,http://data-max.co.jp/2011/05/11/post_14777.html,'
             "Data Max (Japanese),")
    row = plan(csv(NOTES, notes), reported, replace_changed=True).replaced.iloc[0]
    assert (row["ships"], row["lat"], row["lon"], row["position_kind"]) == (3, 34.7, 129.9, "reported")


def test_importer_small_mutant014_a_count_where_the_stored_row_has_none_is_a_change():
    unknown = load(csv(HEADER, DERIVED.replace(",2,Udaloy", ",,Udaloy")))
    with pytest.raises(SightingsError) as caught:
        plan(csv(HEADER, DERIVED), unknown)
    assert caught.value.problems == [f"row 1, ships: 2 differs from the stored row '2011-05-05-58e004' (empty); {AGAIN}"]


def test_importer_small_mutant015_a_row_repeating_two_stored_rows_names_the_first():
    two = load(csv(HEADER, DERIVED, DERIVED.replace("2011-05-05-58e004", "2011-05-05-bbbbbb").replace(
        "about 45 km east", "some 45 km east")))
    incoming = load(csv(HEADER, DERIVED.replace("2011-05-05-58e004", "2011-05-05-cccccc").replace(
        "about 45 km east", "around 45 km east")))
    assert duplicate_of(incoming, two).tolist() == ["2011-05-05-58e004"]
