"""Build the Dash app for one dataset: layout, callbacks, and safe server defaults.

Safe by default: no debug, no tracebacks to the browser, requests bounded and callback bodies
checked at the edge, plain-text errors and security headers on every response
(:mod:`dashboard.security`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from dash import Dash

from dashboard.callbacks import register
from dashboard.data import load_app_data
from dashboard.downloads import register_downloads, register_layer_files, register_stats
from dashboard.feeds import register_feeds
from dashboard.i18n import LANGUAGES, request_language
from dashboard.layout import build_layout
from dashboard.security import harden
from geo.layers import LayerError
from sightings.schema import SightingsError

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def create_app(data_path: str | Path) -> Dash:
    """A ready-to-serve Dash app over the sightings at ``data_path``."""
    data = load_app_data(data_path)
    # use_async=False: Dash 4 turns every callback endpoint async (a new thread and event loop
    # per request, run through asgiref) whenever asgiref is installed (Datasette brings it);
    # every callback here is synchronous, so that only adds time.
    app = Dash(__name__, title="Straitwatch", assets_folder=str(ASSETS), update_title=None,
               serve_locally=True, compress=True, use_async=False)
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)   # screen readers, translators
    # the page in each language, built once; Dash calls the layout function per /_dash-layout
    # request, which assets/language.js makes with ?lang= (dashboard/i18n.py)
    pages = {lang: build_layout(data, lang) for lang in LANGUAGES}
    app.layout = lambda: pages[request_language()]
    register(app, data)
    register_downloads(app.server, data.sightings, data.options, data.version)
    register_layer_files(app.server, data.layer_files)
    register_stats(app.server, data.sightings, data.options, data.version)
    register_feeds(app.server, data.sightings, data.options, data.version, data.current_to)
    harden(app)
    return app


def create_app_or_exit(data_path: str | Path) -> Dash:
    """:func:`create_app`, or exit 2 with the reason on stderr when the data cannot be served."""
    try:
        return create_app(data_path)
    except (SightingsError, LayerError) as exc:
        print(f"error: cannot serve {data_path}: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
