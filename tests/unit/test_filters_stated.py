"""Issue 24, item 2: a filter that keeps only the sightings whose day a source states.

Hand-made rows with the ids the filter must keep written out; the shipped dataset is read only
for an invariant (the download holds exactly the rows an independent pandas expression over the
CSV file finds), never for counts.
"""

import datetime as dt
import io
import json

import pandas as pd
import pytest

from dashboard import ids
from dashboard.downloads import download_href
from dashboard.facets import BY_FIELD, options
from dashboard.filters import FilterSpec, apply_filters, facet_counts, summary
from dashboard.urlstate import spec_from_query, spec_to_query
from sightings import pipeline
from sightings.store import DATASET

DEFAULTS = {"event_date": "2022-01-01", "ships": 1, "strait": "", "sea_area": "", "named_seas": [],
            "position_kind": "reported", "lat": 40.0, "lon": 140.0, "hull_numbers": [], "ship_types": [],
            "vessels": [], "chinese_vessels": [], "activity": "transit", "with_chinese_ships": False,
            "source_urls": ["https://example.org/report"], "date_basis": "stated"}


def rows(*given: dict) -> pd.DataFrame:
    """Hand-made rows (every unnamed column at its default) with the pipeline's facet columns."""
    frame = pd.DataFrame([{**DEFAULTS, **row} for row in given])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return pipeline.add_facets(frame)


DATED = rows(
    {"id": "stated-tsugaru", "event_date": "2022-03-15", "strait": "Tsugaru"},
    {"id": "stated-soya", "event_date": "2021-07-01", "strait": "Soya"},
    {"id": "inferred-tsugaru", "event_date": "2020-07-14", "strait": "Tsugaru",
     "date_basis": "inferred"},                                   # "year from Wing's article numbering"
    {"id": "announced-soya", "event_date": "2019-05-10", "strait": "Soya",
     "date_basis": "announcement day"},                           # the sighting was that day or earlier
    {"id": "unsaid-tsugaru", "event_date": "2018-01-02", "strait": "Tsugaru",
     "date_basis": ""},                                           # an import that does not say
)


def chosen(frame: pd.DataFrame, query: str) -> list[str]:
    return sorted(apply_filters(frame, spec_from_query(query, options(frame)))["id"])


@pytest.mark.parametrize(("query", "expected"), [
    ("?stated=1", ["stated-soya", "stated-tsugaru"]),
    ("?stated=1&strait=Tsugaru", ["stated-tsugaru"]),
    ("?stated=1&from=2022-01-01", ["stated-tsugaru"]),
    ("?strait=Tsugaru", ["inferred-tsugaru", "stated-tsugaru", "unsaid-tsugaru"]),
    ("", ["announced-soya", "inferred-tsugaru", "stated-soya", "stated-tsugaru", "unsaid-tsugaru"]),
    ("?stated=0", ["announced-soya", "inferred-tsugaru", "stated-soya", "stated-tsugaru", "unsaid-tsugaru"]),
])
def test_stated001_keeps_only_rows_whose_day_a_source_states(query, expected):
    assert chosen(DATED, query) == expected


def test_stated002_a_frame_without_date_basis_has_no_stated_date():
    """A hand-made frame (or an old import) without the column: nothing is said to be stated."""
    frame = rows({"id": "a"}, {"id": "b"}).drop(columns="date_basis")
    assert chosen(frame, "?stated=1") == [] and chosen(frame, "") == ["a", "b"]


def test_stated003_counts_beside_the_checkbox_follow_the_other_filters():
    assert facet_counts(DATED, FilterSpec(), "stated") == {"1": 2}
    assert facet_counts(DATED, FilterSpec(straits=("Soya",)), "stated") == {"1": 1}
    assert facet_counts(DATED, FilterSpec(stated=True, straits=("Tsugaru",)), "stated") == {"1": 1}
    assert BY_FIELD["stated"].labelled_options(("1",), {"1": 2}) == [{"label": "Stated dates only (2)", "value": "1"}]


def test_stated004_summary_sentence_and_file_name_say_so():
    spec = FilterSpec(stated=True, straits=("Tsugaru",))
    assert summary(apply_filters(DATED, spec), spec, dt.date(2022, 3, 31)) == \
        "1 sighting, 1 ship-sighting, 15 Mar 2022, Tsugaru Strait, with stated dates, data current to 31 Mar 2022"
    assert download_href(spec, "csv") == "/download/straitwatch_tsugaru_stated-dates.csv?strait=Tsugaru&stated=1"


@pytest.mark.parametrize(("spec", "query"), [
    (FilterSpec(stated=True), "?stated=1"),
    (FilterSpec(primary=True, stated=True), "?primary=1&stated=1"),
    (FilterSpec(straits=("Soya",), stated=True), "?strait=Soya&stated=1"),
])
def test_stated005_url_round_trip(app_data, spec, query):
    assert spec_to_query(spec) == query
    assert spec_from_query(query, app_data.options) == spec


@pytest.mark.parametrize("query", ["?stated=yes", "?stated=stated", "?stated=", "?Stated=1"])
def test_stated006_anything_but_1_leaves_the_filter_off(app_data, query):
    assert spec_from_query(query, app_data.options) == FilterSpec()


def test_stated007_the_filters_panel_has_the_checkbox(app):
    """The facet's control is a checklist in the filters panel, labelled, with its one option."""
    found = []

    def walk(node):
        if getattr(node, "id", None) == ids.STATED_DATES:
            found.append(node)
        children = getattr(node, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            if child is not None and hasattr(child, "to_plotly_json"):
                walk(child)
    layout = app.layout() if callable(app.layout) else app.layout
    walk(layout)
    (control,) = found
    assert type(control).__name__ == "Checklist" and control.value == []
    assert [o["value"] for o in control.options] == ["1"]
    assert control.options[0]["label"].startswith("Stated dates only (")


# -- an invariant of the shipped dataset: every download of ?stated=1 holds exactly those rows ----

@pytest.fixture(scope="module")
def stated_ids():
    """The ids of ``frame[frame.date_basis == "stated"]``, read from the CSV file itself."""
    frame = pd.read_csv(DATASET, dtype=str, keep_default_na=False)
    want = sorted(frame[frame.date_basis == "stated"]["id"])
    assert 0 < len(want) < len(frame), "the shipped data must hold stated and other dates"
    return want


def test_stated008_csv_download_holds_exactly_the_stated_rows(client, stated_ids):
    response = client.get("/download/straitwatch.csv?stated=1")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="straitwatch_stated-dates.csv"'
    got = pd.read_csv(io.StringIO(response.get_data(as_text=True)), dtype=str, keep_default_na=False)
    assert sorted(got["id"]) == stated_ids
    assert set(got["date_basis"]) == {"stated"}


@pytest.mark.parametrize("path", ["/download/straitwatch.geojson", "/api/sightings.geojson"])
def test_stated009_geojson_downloads_hold_exactly_the_stated_rows(client, stated_ids, path):
    collection = json.loads(client.get(path + "?stated=1").get_data(as_text=True))
    assert sorted(feature["id"] for feature in collection["features"]) == stated_ids


def test_stated010_api_holds_exactly_the_stated_rows(client, stated_ids):
    body = client.get("/api/sightings.json?stated=1").get_json()
    assert sorted(row["id"] for row in body["rows"]) == stated_ids and body["count"] == len(stated_ids)
    assert body["summary"].endswith(f", with stated dates, data current to {body['data_current_to'][8:].lstrip('0')} "
                                    f"{dt.date.fromisoformat(body['data_current_to']):%b %Y}")


def test_stated011_passage_statistics_csv_counts_only_the_stated_rows(client, sightings):
    """``/stats/passages.csv?stated=1`` is the passages of the rows a plain pandas expression keeps."""
    from dashboard.export import stats_csv
    from sightings.stats import passage_table
    from dashboard.filters import data_current_to
    current_to = data_current_to(sightings)
    want = stats_csv(passage_table(sightings[sightings["date_basis"] == "stated"], current_to=current_to, partial=True))
    assert want != stats_csv(passage_table(sightings, current_to=current_to, partial=True)), \
        "the filter must change the statistics"
    assert client.get("/stats/passages.csv?stated=1").get_data(as_text=True) == want
