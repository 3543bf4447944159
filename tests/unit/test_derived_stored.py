"""A derived position keeps its anchor, bearing and distance; views read them, never re-derive (issue 20)."""

import json
from pathlib import Path

import pandas as pd

import geo.locate
from dashboard.details import position_story
from dashboard.mapview import anchors_used
from sightings.ingest import Release, release_rows
from sightings.positions import fill_positions
from sightings.store import load, to_csv_text

NAN = float("nan")


def _rows(*phrases: str) -> pd.DataFrame:
    n = len(phrases)
    return pd.DataFrame({"location_text": list(phrases), "strait": [""] * n, "sea_area": [""] * n,
                         "lat": [NAN] * n, "lon": [NAN] * n, "position_kind": [""] * n, "anchor": [""] * n,
                         "bearing_deg": [NAN] * n, "distance_km": [NAN] * n})


def test_derived01_a_derived_row_keeps_anchor_bearing_and_distance():
    out = fill_positions(_rows("about 50 km north of Cape Soya", "about 100 km (62 miles) southwest of Cape Soya",
                               "heading east"))
    assert out["position_kind"].tolist() == ["derived", "derived", "unlocated"]
    assert out["anchor"].tolist() == ["Cape Soya", "Cape Soya", ""]
    assert out["bearing_deg"].tolist()[:2] == [0.0, 225.0]
    assert out["distance_km"].tolist()[:2] == [50.0, 100.0]
    assert out[["bearing_deg", "distance_km"]].iloc[2].isna().all()


def test_derived02_the_columns_survive_the_dataset_file():
    row = {"event_date": "2024-05-01", "report_date": "2024-05-02", "ships": "1", "ship_types": "destroyer",
           "location_text": "about 50 km north of Cape Soya", "strait": "", "activity": "transit",
           "with_chinese_ships": "no", "source_urls": "https://example.org/a", "source_names": "Example"}
    frame = load(pd.DataFrame([row]).to_csv(index=False).encode())
    again = load(to_csv_text(frame).encode())
    assert again.loc[0, ["anchor", "bearing_deg", "distance_km"]].tolist() == ["Cape Soya", 0.0, 50.0]


def test_derived03_details_and_labels_describe_the_stored_point_after_the_gazetteer_changes(monkeypatch):
    stored = fill_positions(_rows("about 50 km north of Cape Soya")).iloc[0]
    before = position_story(stored)
    assert before == ("Derived: 50 km N (0°) of Cape Soya, along the WGS84 geodesic from the gazetteer point, "
                      "giving 45.9728 N, 141.9366 E.")
    # The gazetteer now spells "Cape Soya" as another place and moves every point.
    monkeypatch.setattr(geo.locate, "place_index", lambda: {"cape soya": "Cape Erimo"})
    monkeypatch.setattr(geo.locate, "place_point", lambda name: (30.0, 130.0))
    assert position_story(stored) == before
    assert anchors_used(pd.DataFrame([stored])) == {"Cape Soya"}


def test_derived04_a_midpoint_names_both_places_and_no_bearing():
    row = pd.Series({"position_kind": "derived", "lat": 45.5, "lon": 142.0, "anchor": "Cape Soya / Cape Crillon",
                     "bearing_deg": NAN, "distance_km": NAN})
    assert position_story(row) == "Derived: midway between Cape Soya and Cape Crillon, giving 45.5000 N, 142.0000 E."
    assert anchors_used(pd.DataFrame([row])) == {"Cape Soya", "Cape Crillon"}


def test_derived05_a_release_row_keeps_what_its_point_was_measured_from():
    corpus = Path(__file__).resolve().parents[2] / "data" / "jso" / "releases.json"
    item = next(r for r in json.loads(corpus.read_text(encoding="utf-8")) if r["file"] == "p20260629_02.pdf")
    rows, _ = release_rows([Release(item["file"], item["url"], item["text"])])
    # 宗谷岬（北海道）の北西約５０ｋｍ: Cape Soya, north-west (315 degrees), 50 km
    assert rows.loc[0, ["anchor", "bearing_deg", "distance_km"]].tolist() == ["Cape Soya", 315.0, 50.0]
