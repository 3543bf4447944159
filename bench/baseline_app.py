"""The plain approach, for comparison: one ``px.scatter_map`` of all filtered rows, rebuilt
whole in a single callback (no Patch, no aggregation, no validation or join at start-up).

    python bench/baseline_app.py --data FILE --port 8061
"""

from __future__ import annotations

import argparse

import pandas as pd
import plotly.express as px
from dash import Dash, Input, Output, dcc, html


def create(data: str) -> Dash:
    frame = pd.read_csv(data, dtype={"strait": str}, keep_default_na=False, parse_dates=["event_date"])
    frame["lat"] = pd.to_numeric(frame["lat"], errors="coerce")
    frame["lon"] = pd.to_numeric(frame["lon"], errors="coerce")
    app = Dash(__name__, use_async=False)      # as Straitwatch: no asgiref thread per request
    app.layout = html.Div([
        dcc.DatePickerRange(id="dates"),
        dcc.Dropdown(id="strait", options=sorted(set(frame["strait"]) - {""}), multi=True),
        dcc.Graph(id="map"),
    ])

    @app.callback(Output("map", "figure"), Input("dates", "start_date"), Input("dates", "end_date"),
                  Input("strait", "value"))
    def draw(start, end, straits):
        rows = frame
        if start:
            rows = rows[rows["event_date"] >= start]
        if end:
            rows = rows[rows["event_date"] <= end]
        if straits:
            rows = rows[rows["strait"].isin(straits)]
        figure = px.scatter_map(rows.dropna(subset=["lat"]), lat="lat", lon="lon", color="strait",
                                hover_data=["event_date", "ships", "ship_types"], zoom=3.7)
        figure.update_layout(map_style="white-bg")
        return figure

    return app


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--port", type=int, default=8061)
    args = parser.parse_args()
    create(args.data).run(host="127.0.0.1", port=args.port)
