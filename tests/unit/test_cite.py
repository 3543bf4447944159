"""The page shows the dataset version, "Cite this view" and the feed and API links (issue 22)."""

import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard import ids
from dashboard.cite import cite_text, version_line, view_link
from dashboard.feeds import FEED_LINKS, feed_href
from dashboard.filters import FilterSpec
from dashboard.urlstate import spec_to_query
from tests.dash_requests import callback_body

ROOT = Path(__file__).resolve().parents[2]
SPEC = FilterSpec(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31), straits=("Tsugaru", "Soya"), chinese="yes")


def test_cite001_the_citation_names_view_version_date_and_source():
    text = cite_text("https://straitwatch.example/app/?strait=Osumi#map", SPEC, "2026.12.1", dt.date(2026, 12, 7))
    assert text == (
        "Straitwatch, Russian Navy movements around Japan. Dataset version 2026.12.1.\n"
        "View: https://straitwatch.example/app/?from=2022-01-01&to=2022-12-31&strait=Tsugaru&strait=Soya&chinese=yes\n"
        "Accessed: 2026-12-07\n"
        "Source: Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch")


@pytest.mark.parametrize("href, view", [
    ("http://127.0.0.1:8050/", "View: http://127.0.0.1:8050/\n"),
    ("http://127.0.0.1:8050/?strait=Soya", "View: http://127.0.0.1:8050/\n"),   # the spec's query, not the old one
    (None, "View: /\n"),                                                         # no address reported yet
])
def test_cite002_the_default_view_cites_the_bare_page(href, view):
    assert view in cite_text(href, FilterSpec(), "2026.12.1", dt.date(2026, 12, 7))


def test_cite003_version_line():
    assert version_line("2026.12.1") == "Dataset version 2026.12.1"


def test_cite004_feed_links_carry_exactly_the_page_query():
    assert [feed_href(SPEC, path) for _, _, path in FEED_LINKS] == [
        "/feed.atom?from=2022-01-01&to=2022-12-31&strait=Tsugaru&strait=Soya&chinese=yes",
        "/api/sightings.json?from=2022-01-01&to=2022-12-31&strait=Tsugaru&strait=Soya&chinese=yes",
        "/api/sightings.geojson?from=2022-01-01&to=2022-12-31&strait=Tsugaru&strait=Soya&chinese=yes"]
    for spec in (SPEC, FilterSpec(), FilterSpec(hulls=("011",), search="Vilkov")):
        for _, _, path in FEED_LINKS:
            assert feed_href(spec, path).removeprefix(path) == spec_to_query(spec)


def test_cite005_the_page_shows_the_version_of_the_changelog_beside_the_data(dataset):
    from dashboard.factory import create_app
    dataset.with_name("CHANGELOG.md").write_text("# Dataset changelog\n\n## 2031.4.7 (2031-04-02)\n\nx\n\n"
                                                 "## 2031.4.6 (2031-04-01)\n\ny\n", encoding="utf-8")
    layout = create_app(dataset).server.test_client().get("/_dash-layout").get_data(as_text=True)
    assert '"Dataset version 2031.4.7"' in layout
    assert '"Cite this view"' in layout
    assert all(f'"{label}"' in layout for _, label, _ in FEED_LINKS)


def test_cite006_the_views_callback_sets_feed_links_and_citation(client, dependencies):
    newest = re.search(r"^## (\S+) \(", (ROOT / "data" / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    stored = {"start": "2022-01-01", "straits": ["Tsugaru"]}
    body = callback_body(dependencies, ids.CITE, f"{ids.SPEC}.data",
                         {ids.SPEC: stored, ids.URL: "http://127.0.0.1:8050/?strait=Soya"})
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    got = response.get_json()["response"]
    assert {got[ids.FEED_ATOM]["href"], got[ids.FEED_JSON]["href"], got[ids.FEED_GEOJSON]["href"]} == {
        "/feed.atom?from=2022-01-01&strait=Tsugaru", "/api/sightings.json?from=2022-01-01&strait=Tsugaru",
        "/api/sightings.geojson?from=2022-01-01&strait=Tsugaru"}
    assert got[ids.CITE]["children"] == (
        f"Straitwatch, Russian Navy movements around Japan. Dataset version {newest.group(1)}.\n"
        "View: http://127.0.0.1:8050/?from=2022-01-01&strait=Tsugaru\n"
        f"Accessed: {dt.date.today().isoformat()}\n"
        "Source: Joint Staff Office, Ministry of Defense of Japan, processed by Straitwatch")


def test_cite007_a_page_in_another_language_cites_its_link_in_that_language_and_words_in_english():
    text = cite_text("https://straitwatch.example/?lang=ja#timeline", FilterSpec(straits=("Soya",)), "2026.12.1",
                     dt.date(2026, 12, 7), "ja")
    assert text.splitlines()[:2] == ["Straitwatch, Russian Navy movements around Japan. Dataset version 2026.12.1.",
                                     "View: https://straitwatch.example/?strait=Soya&lang=ja"]
    assert version_line("2026.12.1", "ja") == "データセット版 2026.12.1"
    assert view_link("https://a.example/x?y=1#z?w", FilterSpec(), "ja") == "https://a.example/x?lang=ja"
    assert view_link("https://a.example/x#z?w", FilterSpec()) == "https://a.example/x"
