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


#: (case, file name, bytes, the server's message shown) for files the server refuses.
REFUSED = [
    ("type", "notes.txt", EXAMPLE.read_bytes(),
     "notes.txt was not loaded:\n'notes.txt' is not a .csv file; save the sightings as CSV (UTF-8) with the "
     "download's columns"),
    ("size", "huge.csv", b"x" * (6 * 2**20),
     "huge.csv was not loaded:\nthe file is 6.0 MB, larger than 5 MB; split it, or add it to the dataset with "
     "`python -m sightings import`"),
    ("encoding", "wide.csv", EXAMPLE.read_text(encoding="utf-8").encode("utf-16"),
     "wide.csv was not loaded:\nthe file is UTF-16 text"),
]
SUCCESS = "6 sightings from new_reports.csv overlaid in black (6 with a position)"


def test_upload003_refused_file_shows_the_servers_message_and_clears_the_last_one(dash_duo, tmp_path, wait_map):
    start(dash_duo)
    wait_map()
    message = f"#{ids.UPLOAD_MESSAGE}"
    for case, name, raw, expected in REFUSED:    # the same good file each time: read again each time
        upload(dash_duo, EXAMPLE)
        dash_duo.wait_for_contains_text(message, SUCCESS, timeout=20)
        wait_until(lambda: dash_duo.driver.execute_script(UPLOADED_POINTS) == 6, message="6 uploaded markers")
        path = tmp_path / name
        path.write_bytes(raw)
        upload(dash_duo, path)
        dash_duo.wait_for_contains_text(message, expected.split("\n")[0], timeout=20)
        text = dash_duo.find_element(message).text
        assert text.startswith(expected), (case, text)
        assert SUCCESS not in text, case
        assert dash_duo.driver.execute_script(UPLOADED_POINTS) == 0, case
    assert dash_duo.get_logs() == []
