"""Vessel dossiers and the search box in the real app (issue 21)."""

import pandas as pd
from selenium.webdriver.common.keys import Keys

from dashboard import ids
from sightings.vessels import REGISTER
from tests.browser.conftest import start, wait_until


def _table_ids(dash_duo) -> list[str]:
    """The table's row ids, read in one script (the grid re-renders rows while filters apply)."""
    return sorted(dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.TABLE} .ag-center-cols-container .ag-row')]"
        ".map(r => r.getAttribute('row-id'))"))


def test_dossier_b001_hull_548_url_shows_the_dossier_with_its_sourced_name(dash_duo, sightings):
    start(dash_duo, "/?hull=548")
    register = pd.read_csv(REGISTER, dtype=str, keep_default_na=False)
    named = register[register["hull_number"] == "548"]
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS} .dossier-title", "Hull 548 · Admiral Panteleyev", timeout=20)
    links = {a.get_attribute("href") for a in dash_duo.find_elements(f"#{ids.DETAILS} .dossier-names a")}
    assert set(named["source_url"]) <= links
    listed = sightings[sightings["hull_numbers"].map(lambda hulls: "548" in hulls)]
    items = dash_duo.find_elements(f"#{ids.DETAILS} .dossier-sightings li")
    assert len(items) == len(listed)
    assert dash_duo.get_logs() == []


def test_dossier_b002_searching_vilkov_shows_the_rows_pandas_finds(dash_duo, sightings):
    start(dash_duo)
    register = pd.read_csv(REGISTER, dtype=str, keep_default_na=False)
    hulls = set(register.loc[register["name"].str.contains("Vilkov", case=False), "hull_number"])
    want = sightings[sightings["notes"].str.contains("vilkov", case=False)
                     | sightings["location_text"].str.contains("vilkov", case=False)
                     | sightings["hull_numbers"].map(lambda listed: bool(hulls & set(listed)))]
    assert len(want) >= 1
    box = dash_duo.wait_for_element(f"#{ids.SEARCH}", timeout=20)
    box.send_keys("Vilkov", Keys.ENTER)
    wait_until(lambda: "q=Vilkov" in dash_duo.driver.current_url, message="q=Vilkov in the URL")
    wait_until(lambda: _table_ids(dash_duo) == sorted(want["id"]), timeout=20, message="the table's rows")
    matched = dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.TABLE} .ag-center-cols-container .ag-cell[col-id=matched_in]')]"
        ".map(c => c.textContent)")
    assert len(matched) == len(want) and all("vessel register" in text or "notes" in text for text in matched)
    assert dash_duo.get_logs() == []


def test_dossier_b004_searching_erimo_in_japanese_shows_the_rows_pandas_finds(dash_duo, sightings):
    """"襟裳岬" finds the rows whose phrase names Cape Erimo or whose release sentence names 襟裳岬
    (places are read from the phrase and the Japanese sentence, not the notes)."""
    start(dash_duo)
    want = sightings[sightings["location_text"].str.contains("Cape Erimo", case=False)
                     | sightings["location_text_ja"].str.contains("襟裳岬")]
    assert len(want) >= 1
    box = dash_duo.wait_for_element(f"#{ids.SEARCH}", timeout=20)
    box.send_keys("襟裳岬", Keys.ENTER)
    wait_until(lambda: "q=" in dash_duo.driver.current_url, message="q= in the URL")
    wait_until(lambda: _table_ids(dash_duo) == sorted(want["id"]), timeout=20, message="the table's rows")
    assert dash_duo.get_logs() == []


def test_dossier_b003_a_dossier_sighting_link_opens_its_details_and_a_hull_link_comes_back(dash_duo, sightings):
    start(dash_duo, "/?hull=548")
    first = sightings[sightings["hull_numbers"].map(lambda hulls: "548" in hulls)].sort_values(
        ["event_date", "id"]).iloc[0]
    link = dash_duo.wait_for_element(f"#{ids.DETAILS} .dossier-sightings a", timeout=20)
    link.click()
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS} .details-title", first["id"], timeout=20)
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS} .details-permalink", f"?id={first['id']}", timeout=10)
    dash_duo.find_element(f"#{ids.DETAILS} .hull-link[href='?hull=548']").click()
    dash_duo.wait_for_contains_text(f"#{ids.DETAILS} .dossier-title", "Hull 548", timeout=20)
    assert dash_duo.get_logs() == []
