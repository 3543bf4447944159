"""Download links: the URL's filters, streamed, equal to what the views show."""

import io
import json

import pandas as pd
import pytest

from dashboard.downloads import download_href
from sightings.export import CHUNK_ROWS, EXPORT_COLUMNS, csv_chunks
from dashboard.filters import FilterSpec
from tests.expected import assert_download_equals


def test_download001_link_carries_the_filters():
    spec = FilterSpec(straits=("Tsugaru",), chinese="yes")
    assert download_href(spec, "csv") == "/download/straitwatch_tsugaru_filtered.csv?strait=Tsugaru&chinese=yes"


def test_download002_csv_link_streams_exactly_the_filtered_rows(client, sightings):
    spec = FilterSpec(straits=("Tsugaru", "Soya"), hulls=("548", "011"))
    response = client.get(download_href(spec, "csv"))
    assert response.status_code == 200 and response.is_streamed
    assert response.headers["Content-Disposition"] == \
        'attachment; filename="straitwatch_tsugaru_soya_hull-548_hull-011.csv"'
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    want = sightings[sightings["strait"].isin(["Tsugaru", "Soya"])
                     & sightings["hull_numbers"].map(lambda hulls: "548" in hulls or "011" in hulls)]
    assert len(want) > 0
    assert_download_equals(response.get_data(as_text=True), want, EXPORT_COLUMNS)


def test_download003_geojson_link(client, sightings):
    spec = FilterSpec(seas=("Sea of Japan",))
    response = client.get(download_href(spec, "geojson"))
    assert response.headers["Content-Type"] == "application/geo+json; charset=utf-8"
    collection = json.loads(response.get_data(as_text=True))
    named = sightings["named_seas"].map(lambda seas: "Sea of Japan" in seas)
    assert [f["id"] for f in collection["features"]] == \
        sightings.loc[(sightings["sea_area"] == "Sea of Japan") | named, "id"].tolist()


@pytest.mark.parametrize("query", ["?strait=../../etc/passwd", "?from=9999-99-99", "?q=%00%ff"])
def test_download004_hostile_query_gives_a_clean_file(client, sightings, query):
    response = client.get("/download/straitwatch.csv" + query)
    assert response.status_code == 200
    rows = pd.read_csv(io.StringIO(response.get_data(as_text=True)), dtype=str, keep_default_na=False)
    assert len(rows) in (0, len(sightings))


@pytest.mark.parametrize("name", ["straitwatch.exe", "straitwatch", "x.csv.py"])
def test_download005_other_names_are_404(client, name):
    assert client.get(f"/download/{name}").status_code == 404


def test_download006_path_tricks_never_serve_a_file(client):
    response = client.get("/download/..%2f..%2fetc%2fpasswd")
    assert "Content-Disposition" not in response.headers      # Dash's page, not a file
    assert b"root:" not in response.data


def test_download007_chunks_join_to_one_csv(sightings):
    rows = pd.concat([sightings] * (CHUNK_ROWS // len(sightings) + 2), ignore_index=True)
    pieces = list(csv_chunks(rows))
    assert len(pieces) > 1 and pieces[0].startswith("id,event_date")
    assert not any(piece.startswith("id,event_date") for piece in pieces[1:])
    assert len(pd.read_csv(io.StringIO("".join(pieces)))) == len(rows)


def test_download_layers_are_fetched_by_url_not_sent_in_the_figure(client, app_data):
    """The map's style names the base layers' one GeoJSON file by a content-hashed URL; the URL
    serves every layer's features, each tagged with its layer."""
    from dashboard.figures import base_layers, layer_files, map_figure
    layers = base_layers(app_data.layers)
    files = layer_files(layers)
    figure = map_figure(layers, app_data.sightings, None, source=files[0][0])
    assert {name: source["data"] for name, source in figure["layout"]["map"]["style"]["sources"].items()} == {"base": files[0][0]}
    assert len(json.dumps(figure["layout"])) < 10_000
    assert len(files) == 1
    response = client.get(files[0][0])
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "immutable" in response.headers["Cache-Control"]
    served = json.loads(response.get_data())
    assert served == json.loads(files[0][1])
    for index, (_, _, layer) in enumerate(layers):
        mine = [f["geometry"] for f in served["features"] if f["properties"]["sw_layer"] == index]
        assert mine == [f["geometry"] for f in layer["source"]["features"]]
    assert client.get(files[0][0].replace(".json", "0.json")).status_code == 404
