"""/feed.atom, /api/sightings.json and /api/sightings.geojson hold exactly the CSV download's rows."""

import io
import json

import feedparser
import pandas as pd
import pytest

from sightings.cells import SEPARATORS, neutralise

QUERIES = ["", "?strait=Tsugaru&from=2022-01-01&to=2022-12-31", "?sea=Sea+of+Okhotsk", "?strait=Nowhere&from=1999-01-01&to=1999-01-02"]


def csv_rows(client, query):
    answer = client.get(f"/download/straitwatch.csv{query}")
    assert answer.status_code == 200
    return pd.read_csv(io.BytesIO(answer.data), dtype=str, keep_default_na=False)


@pytest.mark.parametrize("query", QUERIES)
def test_feeds001_json_rows_equal_the_csv_download(client, query):
    expected = csv_rows(client, query)
    body = client.get(f"/api/sightings.json{query}").get_json()
    assert body["count"] == len(expected) and body["dataset_version"]
    assert "Joint Staff Office" in body["source"]
    got = pd.DataFrame(body["rows"], columns=list(expected.columns))
    for column, separator in SEPARATORS.items():
        got[column] = got[column].map(separator.join)
    got = got.astype(object).where(got.notna(), "").astype(str)
    for column in ("lat", "lon", "distance_to_japan_km"):     # numbers: compare as numbers
        pd.testing.assert_series_equal(pd.to_numeric(got.pop(column)), pd.to_numeric(expected.pop(column)),
                                       check_names=False, check_dtype=False)
    got["ships"] = got["ships"].str.removesuffix(".0")
    guarded = got.apply(lambda column: column.map(neutralise))      # the CSV's formula guard, applied here
    pd.testing.assert_frame_equal(guarded.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize("query", QUERIES)
def test_feeds002_geojson_features_are_the_csv_rows(client, query):
    expected = csv_rows(client, query)
    answer = client.get(f"/api/sightings.geojson{query}")
    assert answer.content_type == "application/geo+json; charset=utf-8"
    features = json.loads(answer.data)["features"]
    assert [f["properties"]["id"] for f in features] == expected["id"].tolist()


@pytest.mark.parametrize("query", QUERIES)
def test_feeds003_atom_is_valid_and_lists_the_rows_newest_first(client, query):
    expected = csv_rows(client, query)
    answer = client.get(f"/feed.atom{query}")
    assert answer.content_type == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(answer.data)
    assert feed.bozo == 0 and feed.version == "atom10"
    newest = expected.sort_values(["report_date", "event_date", "id"], ascending=False).head(200)
    assert [e.id.rsplit("?id=", 1)[1] for e in feed.entries] == newest["id"].tolist()
    assert [e.link for e in feed.entries] == [urls.split(" | ")[0] for urls in newest["source_urls"]]
    assert "Dataset version" in feed.feed.subtitle


def test_feeds004_an_entry_carries_both_sentences(client):
    feed = feedparser.parse(client.get("/feed.atom?strait=Tsugaru&from=2022-03-15&to=2022-03-16").data)
    rows = csv_rows(client, "?strait=Tsugaru&from=2022-03-15&to=2022-03-16")
    assert len(feed.entries) == len(rows) >= 1
    for entry, (_, row) in zip(feed.entries, rows.sort_values(["report_date", "event_date", "id"],
                                                             ascending=False).iterrows()):
        assert row["location_text"] in entry.content[0].value
        assert entry.title.startswith(f"{row['event_date']} Tsugaru Strait")


def test_feeds005_json_and_atom_state_the_last_report_date_of_the_whole_record(client):
    """Issue 25 item 1: the API and the feed say how current the record is, whatever the filter."""
    full = csv_rows(client, "")
    last = max(full["report_date"])                                  # ISO dates sort as text
    for query in QUERIES:                                            # the same date for every selection
        body = client.get(f"/api/sightings.json{query}").get_json()
        assert body["data_current_to"] == last
    day = pd.Timestamp(last)
    feed = feedparser.parse(client.get("/feed.atom?strait=Tsugaru&from=2022-01-01&to=2022-12-31").data)
    assert f"Data current to {day.day} {day:%b} {day.year}." in feed.feed.subtitle


def test_feeds006_subtitle_literal():
    import datetime as dt
    from dashboard.feeds import subtitle
    assert subtitle("1.4.0", dt.date(2026, 8, 16)) == ("Dataset version 1.4.0. Data current to 16 Aug 2026. "
                                                      "Source: Joint Staff Office, Ministry of Defense of Japan, "
                                                      "processed by Straitwatch.")
    assert subtitle("1.4.0", None) == ("Dataset version 1.4.0. Source: Joint Staff Office, Ministry of Defense "
                                       "of Japan, processed by Straitwatch.")
