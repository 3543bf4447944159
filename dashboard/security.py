"""HTTP hardening for every response: a Content-Security-Policy Dash can live with, and friends.

Dash runs one inline script (its renderer bootstrap); :meth:`Dash.csp_hashes` gives its
hash, so ``script-src`` needs neither ``'unsafe-inline'`` nor ``'unsafe-eval'`` (the browser
tests run under this policy and assert an empty console). Plotly sets inline styles;
MapLibre draws from ``blob:`` workers and ``data:`` images. Nothing may frame the page or
load from another origin.
"""

from __future__ import annotations

from dash import Dash
from flask import Response


def content_security_policy(app: Dash) -> str:
    """The CSP header value for ``app`` (call after its layout and callbacks are set)."""
    scripts = " ".join(app.csp_hashes())   # already quoted: 'sha256-...'
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "child-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def harden(app: Dash) -> None:
    """Add the security headers to every response the app's Flask server sends."""
    headers = {
        "Content-Security-Policy": content_security_policy(app),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }

    @app.server.after_request
    def add_headers(response: Response) -> Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response
