"""Issue 25 items 3 and 5 on hand-made rows with literal answers: the "Copy summary" paragraph of a
30-day view against a hand-written text, joint movements, the periods compared, and the JSON
sidecar every download names in its ``Link`` header."""

import datetime as dt
import io
import json

import pandas as pd
import pytest
from flask import Flask

from dashboard.briefing import (Citation, briefing_text, compare_periods, comparison_periods,
                                download_description, joint_movements)
from dashboard.downloads import register_stats
from dashboard.filters import FilterSpec
from sightings.pipeline import SHIP_CATEGORY_NAMES, type_column

D = dt.date
STEREGUSHCHIY = ["Steregushchiy-class frigates (2)"]


def _rows(*rows):
    """(id, date, strait, direction, voyage, ships, hulls, ship types, vessels, activity, with Chinese, type)."""
    frame = pd.DataFrame({
        "id": [r[0] for r in rows], "event_date": pd.to_datetime([r[1] for r in rows]),
        "report_date": pd.to_datetime([r[1] for r in rows]), "event_time": ["" for _ in rows],
        "strait": pd.array([r[2] for r in rows], dtype="str"), "direction": pd.array([r[3] for r in rows], dtype="str"),
        "voyage_id": pd.array([r[4] for r in rows], dtype="str"), "ships": pd.array([r[5] for r in rows], dtype="Int64"),
        "hull_numbers": [r[6] for r in rows], "ship_types": [r[7] for r in rows], "vessels": [r[8] for r in rows],
        "activity": pd.array([r[9] for r in rows], dtype="str"), "with_chinese_ships": [r[10] for r in rows],
        "primary_source": [True for _ in rows], "chinese_vessels": [[] for _ in rows],
    })
    for name in SHIP_CATEGORY_NAMES:
        frame[type_column(name)] = [r[11] == name for r in rows]
    return frame.sort_values("event_date", kind="stable").reset_index(drop=True)


#: A 30-day view, 17 Aug - 15 Sep 2026: two frigates through Soya east and back west (v1, seen on the
#: way too), a destroyer with Chinese ships through Tsugaru (v2, seen twice), an announced exercise of
#: "about 40 ships"; outside the view a Tsushima passage in the previous 30 days, one a year earlier,
#: and an early row so the record starts long before.
ROWS = _rows(
    ("c0", "2024-01-10", "Soya", "east", "", 1, [], [], [], "transit", False, "Other / unspecified"),
    ("c1", "2026-08-18", "Soya", "east", "v1", 2, ["343", "335"], STEREGUSHCHIY,
     ["Steregushchiy-class frigate (343)", "Steregushchiy-class frigate (335)"], "transit", False, "Surface combatant"),
    ("c2", "2026-08-19", "", "", "v1", 2, ["343", "335"], STEREGUSHCHIY,
     ["Steregushchiy-class frigate (343)", "Steregushchiy-class frigate (335)"], "detection", False, "Surface combatant"),
    ("c3", "2026-08-25", "Soya", "west", "v1", 1, ["343"], ["Steregushchiy-class frigate"],
     ["Steregushchiy-class frigate (343)"], "transit", False, "Surface combatant"),
    ("c4", "2026-09-02", "Tsugaru", "east", "v2", 3, ["548"], ["Udaloy I-class destroyer", "Dubna-class oiler"],
     ["Udaloy I-class destroyer (548)"], "joint patrol with China", True, "Surface combatant"),
    ("c5", "2026-09-03", "", "", "v2", 3, ["548"], ["Udaloy I-class destroyer", "Dubna-class oiler"],
     ["Udaloy I-class destroyer (548)"], "joint patrol with China", True, "Surface combatant"),
    ("c6", "2026-09-05", "", "", "", 40, [], ["Pacific Fleet ships"], [],
     "exercise (announced by Russian MOD, Sept. 5-10)", False, ""),
    ("c7", "2026-08-10", "Tsushima", "north", "", 1, [], ["Steregushchiy-class corvette"], [], "transit", False,
     "Surface combatant"),
    ("c8", "2025-08-20", "Tsushima", "north", "", 2, ["011"], ["Slava-class cruiser"], [], "transit", False,
     "Surface combatant"),
)
SPEC = FilterSpec(start=D(2026, 8, 17), end=D(2026, 9, 15))
CITATION = Citation("(sentence)", "2026.12.1", D(2026, 12, 7), D(2026, 9, 15),
                    link="https://straitwatch.example/?from=2026-08-17&to=2026-09-15")


def _view(spec=SPEC):
    chosen = ROWS[(ROWS["event_date"] >= pd.Timestamp(spec.start)) & (ROWS["event_date"] <= pd.Timestamp(spec.end))]
    return chosen.reset_index(drop=True)


def test_brief001_thirty_day_paragraph_equals_the_hand_written_text():
    rows = _view()
    got = briefing_text(rows, SPEC, CITATION, joint_movements(rows))
    assert got == (
        "Straitwatch briefing, 17 Aug - 15 Sep 2026 (data current to 15 Sep 2026). "
        "Strait passages (one group's transit of one strait on one heading): Soya 2, Tsugaru 1, Tsushima 0, "
        "Osumi 0, Miyako 0, Yonaguni 0, Nemuro 0. "
        "5 sightings of 2 ship groups (voyages), 3 distinct ships by hull number, 11 ship-sightings "
        "(a ship seen twice counts twice). "
        "Most-seen ships (class as reported, hull number): Steregushchiy-class frigate 343 (3 sightings); "
        "Steregushchiy-class frigate 335 (2 sightings); Udaloy I-class destroyer 548 (2 sightings). "
        "Joint movements with Chinese ships: 1 (2 Sep - 3 Sep 2026, Tsugaru Strait). "
        "1 announced exercise (not counted as sightings). "
        "Source: Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch; dataset version "
        "2026.12.1, accessed 2026-12-07. View: https://straitwatch.example/?from=2026-08-17&to=2026-09-15")


def test_brief002_paragraph_names_ships_by_name_when_known_and_marks_a_partial_period():
    spec = FilterSpec(start=D(2026, 9, 1), end=D(2026, 9, 30), straits=("Tsugaru",))
    rows = _view(spec)
    rows = rows[rows["strait"].isin(["Tsugaru", ""])]
    got = briefing_text(rows, spec, CITATION, joint_movements(rows), names={"548": "Admiral Panteleyev"})
    assert got.startswith("Straitwatch briefing, 1 Sep - 30 Sep 2026 (partial: data to 15 Sep 2026). "
                          "Strait passages (one group's transit of one strait on one heading): Tsugaru 1. ")
    assert "Admiral Panteleyev, Udaloy I-class destroyer 548 (2 sightings)" in got
    with pytest.raises(ValueError, match="no briefing words for language 'xx'; expected one of en, ja"):
        briefing_text(rows, spec, CITATION, joint_movements(rows), lang="xx")


def test_brief003_joint_movements_adapter_groups_by_voyage():
    got = joint_movements(ROWS)
    assert got.to_dict("records") == [{"first": D(2026, 9, 2), "last": D(2026, 9, 3), "straits": ["Tsugaru"]}]
    assert joint_movements(ROWS[ROWS["with_chinese_ships"] == False]).empty     # noqa: E712


def test_brief004_periods_compared_per_strait_and_type_with_zeros():
    got = compare_periods(ROWS, SPEC, D(2026, 9, 15))
    assert [(p.label, p.start, p.end, p.days, p.partial) for p in got["periods"]] == [
        ("This period", D(2026, 8, 17), D(2026, 9, 15), 30, ""),
        ("A year earlier", D(2025, 8, 17), D(2025, 9, 15), 30, ""),
        ("Previous period of equal length", D(2026, 7, 18), D(2026, 8, 16), 30, ""),
    ]
    assert [(line["what"], line["unit"], line["counts"]) for line in got["lines"]] == [
        ("Soya", "passages", [2, 0, 0]),
        ("Tsugaru", "passages", [1, 0, 0]),
        ("Tsushima", "passages", [0, 1, 1]),
        ("Osumi", "passages", [0, 0, 0]),
        ("Miyako", "passages", [0, 0, 0]),
        ("Yonaguni", "passages", [0, 0, 0]),
        ("Nemuro", "passages", [0, 0, 0]),
        # frigates c1-c3 and the destroyer c4-c5 this period, c8 a year earlier, c7 the period before
        ("Surface combatant", "sightings", [5, 1, 1]),
    ]


def test_brief005_partial_periods_are_marked():
    this, earlier, previous = comparison_periods(D(2026, 9, 1), D(2026, 9, 30), D(2026, 9, 15), D(2025, 9, 10))
    assert this.partial == "partial: data to 15 Sep 2026"
    assert earlier.partial == "partial: the record starts 10 Sep 2025"
    assert (previous.start, previous.end, previous.partial) == (D(2026, 8, 2), D(2026, 8, 31), "")
    leap = comparison_periods(D(2024, 2, 29), D(2024, 2, 29), None, None)[1]
    assert (leap.start, leap.end) == (D(2023, 2, 28), D(2023, 2, 28))


def test_brief006_download_description_says_version_licence_and_export_date():
    rows = _view()
    got = download_description("straitwatch_2026-08-17_2026-09-15.csv", "/download/x.csv?from=2026-08-17",
                               rows, SPEC, "2026.12.1", D(2026, 9, 15), D(2026, 12, 7))
    assert got["dataset_version"] == "2026.12.1" and got["exported"] == "2026-12-07"
    assert got["data_current_to"] == "2026-09-15"
    assert got["licenses"][0]["name"] == "GJSTU-2.0"
    assert got["source"] == "Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch"
    assert got["filters"] == ("5 sightings, 11 ship-sightings, 1 announced exercise (not counted as sightings), "
                              "17 Aug - 15 Sep 2026, data current to 15 Sep 2026")
    assert got["query"] == "?from=2026-08-17&to=2026-09-15"


def test_brief007_stats_csv_and_its_sidecar_over_hand_made_rows():
    """``/stats/passages.csv`` over ROWS: every strait x year of the period (2026 only), the
    ``partial`` column, and a ``Link`` header naming the JSON sidecar, which answers."""
    server = Flask(__name__)
    register_stats(server, ROWS, {}, "2026.12.1")
    client = server.test_client()
    response = client.get("/stats/passages.csv?from=2026-08-17&to=2026-09-15")
    assert response.headers["Link"] == ('</stats/passages.csv.json?from=2026-08-17&to=2026-09-15>; '
                                        'rel="describedby"; type="application/json"')
    table = pd.read_csv(io.BytesIO(response.data), keep_default_na=False)
    assert table.values.tolist() == [
        ["Soya", 2026, "east", 1, 2, 2, 0, True],
        ["Soya", 2026, "west", 1, 1, 1, 0, True],
        ["Tsugaru", 2026, "east", 1, 3, 1, 0, True],
        ["Tsushima", 2026, "all", 0, 0, 0, 0, True],
        ["Osumi", 2026, "all", 0, 0, 0, 0, True],
        ["Miyako", 2026, "all", 0, 0, 0, 0, True],
        ["Yonaguni", 2026, "all", 0, 0, 0, 0, True],
        ["Nemuro", 2026, "all", 0, 0, 0, 0, True],
    ]
    sidecar = json.loads(client.get("/stats/passages.csv.json?from=2026-08-17&to=2026-09-15").data)
    assert sidecar["dataset_version"] == "2026.12.1"
    assert sidecar["data_current_to"] == "2026-09-05"           # the record's last report_date (c6)
    assert sidecar["href"] == "/stats/passages.csv?from=2026-08-17&to=2026-09-15"


def test_brief008_shipped_downloads_link_their_sidecar(client):
    """Invariant over the shipped app: the CSV and GeoJSON downloads name a sidecar that answers with the
    app's version and today's date, and the CSV itself starts with its header (no comment line)."""
    for name in ("straitwatch_soya.csv", "straitwatch_soya.geojson"):
        response = client.get(f"/download/{name}?strait=Soya")
        response.close()                                 # a streamed body: not read here
        assert response.headers["Link"] == f'</download/{name}.json?strait=Soya>; rel="describedby"; type="application/json"'
        sidecar = client.get(f"/download/{name}.json?strait=Soya").get_json()
        assert sidecar["file"] == name and sidecar["exported"] == dt.date.today().isoformat()
        assert sidecar["dataset_version"] and sidecar["licenses"]
    whole = client.get("/download/straitwatch.csv")
    assert whole.get_data().startswith(b"id,")
    assert client.get("/download/x.txt.json").status_code == 404


def test_units003_summary_sentence_keeps_announced_exercises_apart():
    """Issue 25 item 2: the sentence above the views counts the announced "40 ships" in no sum."""
    from dashboard.filters import summary
    rows = _view()
    assert summary(rows, SPEC, D(2026, 9, 15)) == (
        "5 sightings, 11 ship-sightings, 1 announced exercise (not counted as sightings), 17 Aug - 15 Sep 2026, "
        "data current to 15 Sep 2026")
    assert summary(rows[rows["id"] == "c6"], SPEC) == (
        "0 sightings, 0 ship-sightings, 1 announced exercise (not counted as sightings), 17 Aug - 15 Sep 2026")


def test_brief009_the_callback_fills_the_briefing_outputs(client, dependencies):
    """Invariant over the shipped app: one filter change sends the paragraph, the SVG download
    settings, the statistics and sidecar links and the comparison table (what STATS_OUTPUTS declares)."""
    from dashboard import ids
    from tests.dash_requests import callback_body

    spec = {"straits": ["Soya"], "start": "2026-08-17", "end": "2026-09-15"}

    def send(output: str, values: dict) -> dict:
        body = callback_body(dependencies, output, f"{ids.SPEC}.data",
                             {ids.SPEC: spec, ids.URL: "https://sw.example/?strait=Soya", **values})
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code == 200, response.data[:300]
        return response.get_json()["response"]

    # the statistics tab's callback (shown), then the always-visible one for the download's sidecar
    got = send(ids.STATS_BRIEFING, {ids.VIEW_TABS: "statistics"}) | send(ids.DOWNLOAD_ABOUT, {})
    paragraph = got[ids.STATS_BRIEFING]["children"]
    assert paragraph.startswith("Straitwatch briefing, 17 Aug - 15 Sep 2026 (")
    assert "Strait passages (one group's transit of one strait on one heading): Soya " in paragraph
    assert paragraph.endswith("View: https://sw.example/?from=2026-08-17&to=2026-09-15&strait=Soya")
    assert got[ids.STATS_PASSAGES]["config"]["toImageButtonOptions"]["format"] == "svg"
    assert got[ids.STATS_SIDECAR]["href"] == "/stats/passages.csv.json?from=2026-08-17&to=2026-09-15&strait=Soya"
    assert got[ids.DOWNLOAD_ABOUT]["href"] == "/download/straitwatch_2026-08-17_2026-09-15_soya.csv.json" \
        "?from=2026-08-17&to=2026-09-15&strait=Soya"
    assert got[ids.STATS_COMPARE]["children"]
