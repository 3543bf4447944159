"""Build the Dash app for one dataset: layout, callbacks, and safe server defaults.

Safe by default: no debug, no tracebacks to the browser, request bodies capped, and
security headers on every response.
"""

from __future__ import annotations

from pathlib import Path

from dash import Dash

from dashboard.callbacks import register
from dashboard.data import load_app_data
from dashboard.downloads import register_downloads, register_layer_files
from dashboard.layout import build_layout
from dashboard.security import harden

ASSETS = Path(__file__).resolve().parent.parent / "assets"
#: Largest request body accepted (uploads included).
MAX_REQUEST_BYTES = 6 * 1024 * 1024


def create_app(data_path: str | Path) -> Dash:
    """A ready-to-serve Dash app over the sightings at ``data_path``."""
    data = load_app_data(data_path)
    app = Dash(__name__, title="Straitwatch", assets_folder=str(ASSETS), update_title=None,
               serve_locally=True, compress=True)
    app.layout = build_layout(data)
    register(app, data)
    register_downloads(app.server, data.sightings, data.options)
    register_layer_files(app.server, data.layer_files)
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    harden(app)
    return app
