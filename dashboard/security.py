"""HTTP hardening: bounded requests, checked callback bodies, plain error pages, safe headers.

Dash runs one inline script (its renderer bootstrap); :meth:`Dash.csp_hashes` gives its
hash, so ``script-src`` needs neither ``'unsafe-inline'`` nor ``'unsafe-eval'`` (the browser
tests run under this policy and assert an empty console). Plotly sets inline styles;
MapLibre draws from ``blob:`` workers and ``data:`` images. Nothing may frame the page or
load from another origin.

Errors are short ``text/plain`` messages with the status: a malformed callback request is
the client's fault (400, never a 500 or a traceback), an unknown file is a 404 (so is Dash's
hot-reload route, unless the development server's hot reload is on), and anything unexpected
is logged on the server with its traceback and answered with a one-line 500.
"""

from __future__ import annotations

import logging

from dash import Dash
from dash.exceptions import DependencyException, InvalidResourceError
from flask import Response, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from dashboard.callback_requests import app_contract, request_problem

#: Largest request body accepted, refused from its Content-Length before reading: room for an overlay
#: upload of ``MAX_UPLOAD_BYTES`` (5 MB), which arrives base64-encoded (6.7 MB) inside the callback's JSON.
MAX_REQUEST_BYTES = 7 * 1024 * 1024
#: Longest path plus query string accepted (a shared filter link is a few hundred characters).
MAX_URL_CHARS = 8 * 1024
#: Most bytes of request header names and values accepted.
MAX_HEADER_BYTES = 32 * 1024

#: Headers on every response, beside the app's Content-Security-Policy.
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
#: The policy for error pages the WSGI server writes itself (plain text, nothing to load).
ERROR_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'"
CALLBACK_PATH = "_dash-update-component"
#: Dash's development hot-reload route: it answers only while Dash runs in debug mode with hot reload.
RELOAD_PATH = "_reload-hash"

log = logging.getLogger(__name__)


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


def hot_reload(app: Dash) -> bool:
    """Whether Dash's dev tools reload the page (debug mode in development); never in production."""
    return bool(getattr(app, "_dev_tools", {}).get("hot_reload"))


def plain(status: int, message: str, response: Response | None = None) -> Response:
    """A one-line ``text/plain`` answer (``response`` keeps its headers, e.g. a 405's ``Allow``)."""
    response = response or Response()
    response.status_code = status
    response.set_data(message + "\n")
    response.mimetype = "text/plain"
    return response


def harden(app: Dash) -> None:
    """Bound requests, check callback bodies, answer errors in plain text, add the headers."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    headers = {"Content-Security-Policy": content_security_policy(app), **HEADERS}
    contract = app_contract(app)
    callback_path = app.config.routes_pathname_prefix + CALLBACK_PATH
    reload_path = app.config.routes_pathname_prefix + RELOAD_PATH

    @server.before_request
    def bound_and_check() -> Response | None:
        environ = request.environ
        if len(environ.get("PATH_INFO", "")) + len(environ.get("QUERY_STRING", "")) > MAX_URL_CHARS:
            return plain(414, f"URI Too Long: keep the path and query under {MAX_URL_CHARS:,} characters")
        if sum(len(name) + len(value) for name, value in request.headers.items()) > MAX_HEADER_BYTES:
            return plain(431, f"Request Header Fields Too Large: keep headers under {MAX_HEADER_BYTES:,} bytes")
        if request.path == callback_path and request.method not in ("POST", "OPTIONS"):
            raise MethodNotAllowed(valid_methods=["OPTIONS", "POST"])   # not the page Dash's catch-all serves
        if request.path == callback_path and request.method == "POST":
            return _callback_refusal(contract)
        if request.path == reload_path and not hot_reload(app):
            return plain(404, "Not Found: no such file")
        return None

    @server.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        return plain(error.code or 500, f"{error.name}: {error.description}", error.get_response())

    @server.errorhandler(InvalidResourceError)
    @server.errorhandler(DependencyException)
    def unknown_file(_error: Exception) -> Response:
        return plain(404, "Not Found: no such file")

    @server.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        log.error("%s %s failed", request.method, request.path, exc_info=error)
        if request.path == callback_path:
            return plain(400, "malformed callback request: the callback could not use these values")
        return plain(500, "Internal Server Error: the error was logged on the server")

    @server.after_request
    def add_headers(response: Response) -> Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response


def _callback_refusal(contract) -> Response | None:
    """A 415 or 400 answer when the callback request is not well-formed JSON for a known callback."""
    if request.mimetype != "application/json":
        return plain(415, "Unsupported Media Type: callback requests are application/json")
    try:
        body = request.get_json(silent=True)   # parsed once, cached for Dash
    except RecursionError:
        body = None
    if body is None:
        return plain(400, "malformed callback request: the body is not UTF-8 JSON")
    problem = request_problem(body, contract)
    return plain(400, f"malformed callback request: {problem}") if problem else None
