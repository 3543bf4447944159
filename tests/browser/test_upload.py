"""Overlaying a user's own CSV: drawn for them, validated with the importer's messages, never saved."""

import hashlib
from pathlib import Path


from dashboard import ids
from dashboard.figures import UPLOAD_TRACE
from sightings.store import DATASET
from tests.browser.conftest import plot, start, wait_until

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "examples" / "new_reports.csv"
UPLOADED_POINTS = f"return {plot(ids.MAP)}.data[{UPLOAD_TRACE}].lat.length"


def upload(dash_duo, path):
    dash_duo.find_element(f"#{ids.UPLOAD} input[type=file]").send_keys(str(path))


def test_upload001_valid_file_overlays_its_points_and_saves_nothing(dash_duo, wait_map):
    before = hashlib.sha256(DATASET.read_bytes()).hexdigest()
    start(dash_duo)
    wait_map()
    upload(dash_duo, EXAMPLE)
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_MESSAGE}", "6 sightings from new_reports.csv overlaid in black "
                                    "(6 with a position)", timeout=20)
    wait_until(lambda: dash_duo.driver.execute_script(UPLOADED_POINTS) == 6, message="6 uploaded markers")
    assert hashlib.sha256(DATASET.read_bytes()).hexdigest() == before
    assert dash_duo.get_logs() == []


def test_upload002_bad_file_shows_each_problem(dash_duo, tmp_path, wait_map):
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1]
    bad = tmp_path / "bad.csv"
    bad.write_text(header + "\n" + first.replace(first.split(",")[0], "2022-02-30", 1).replace(
        "Cape Erimo", "Cape Erimoo") + "\n", encoding="utf-8")
    start(dash_duo)
    wait_map()
    upload(dash_duo, bad)
    dash_duo.wait_for_contains_text(f"#{ids.UPLOAD_MESSAGE}", "bad.csv was not loaded", timeout=20)
    text = dash_duo.find_element(f"#{ids.UPLOAD_MESSAGE}").text
    assert "row 1, event_date: '2022-02-30' is not a date (YYYY-MM-DD)" in text
    assert dash_duo.driver.execute_script(UPLOADED_POINTS) == 0
    assert dash_duo.get_logs() == []
