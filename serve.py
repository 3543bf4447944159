"""Serve Straitwatch in production: waitress, a buffering WSGI server, draining on SIGTERM.

    python serve.py [--host 127.0.0.1] [--port 8050] [--data data/sightings.csv]     (make serve)

Waitress reads each request completely in its event loop before a worker thread sees it,
so a client that sends its headers a byte at a time costs one socket, not a thread: normal
requests keep being answered while a hundred slow clients hold connections (gunicorn's sync
and threaded workers give such a client a whole worker or thread). On SIGTERM or Ctrl-C it
stops accepting, finishes every request already begun (within ``GRACE_SECONDS``) and exits 0.
Figures: bench/slow_clients.py and bench/drain.py (README, "Serving in production").
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
import threading
import time

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask
from waitress import wasyncore

from dashboard.factory import create_app_or_exit
from dashboard.security import ERROR_PAGE_CSP, HEADERS, MAX_REQUEST_BYTES
from dashboard.settings import parse_args

#: waitress settings (``waitress.adjustments.Adjustments`` names), listed in the README.
OPTIONS = {
    "threads": 6,                            # requests computed at once (each is ready: fully read)
    "connection_limit": 1000,                # open connections, slow ones included, before accept waits
    "backlog": 2048,                         # connections the kernel queues beyond that
    "channel_timeout": 30,                   # seconds before a silent connection is closed
    "cleanup_interval": 10,                  # seconds between those checks
    "max_request_header_size": 64 * 1024,    # backstop above the app's own 414 / 431 limits
    "max_request_body_size": MAX_REQUEST_BYTES,
    "asyncore_use_poll": True,               # poll(), not select(): no 1,024-descriptor ceiling
    "expose_tracebacks": False,
    "ident": "straitwatch",
}
#: Longest wait on SIGTERM for requests already begun before the server exits anyway.
GRACE_SECONDS = 30
#: Seconds the event loop waits for activity before checking for a stop signal.
LOOP_SECONDS = 0.5

log = logging.getLogger("straitwatch.serve")


class _ErrorTask(ErrorTask):
    """waitress's own error pages (oversized headers or body, bad request line) with the security headers."""

    def execute(self):
        self.response_headers.extend([("Content-Security-Policy", ERROR_PAGE_CSP), *HEADERS.items()])
        super().execute()


class _Channel(HTTPChannel):
    error_task_class = _ErrorTask


class _Server(TcpWSGIServer):
    channel_class = _Channel


def build_server(application, host: str, port: int, **options) -> TcpWSGIServer:
    """A listening waitress server for ``application`` (``port`` 0 picks a free one)."""
    return _Server(application, map={}, adj=Adjustments(host=host, port=port, **{**OPTIONS, **options}))


def serve(server: TcpWSGIServer, stop: threading.Event) -> None:
    """Answer requests until ``stop`` is set, then drain: the in-flight requests finish, nothing new starts."""
    while not stop.is_set():
        wasyncore.loop(timeout=LOOP_SECONDS, map=server._map, use_poll=True, count=1)
    _accept_queued(server)
    wasyncore.dispatcher.close(server)   # the listening socket only; the task threads' trigger stays
    deadline = time.monotonic() + GRACE_SECONDS
    while _in_flight(server) and time.monotonic() < deadline:
        wasyncore.loop(timeout=LOOP_SECONDS, map=server._map, use_poll=True, count=1)
    left = _in_flight(server)
    if left:
        log.warning("stopping with %d request(s) unfinished after %d s", left, GRACE_SECONDS)
    server.task_dispatcher.shutdown()
    wasyncore.close_all(server._map)


def _accept_queued(server: TcpWSGIServer) -> None:
    """Accept every connection the kernel has queued, so that closing the listener resets none of them."""
    while True:
        before = len(server._map)
        server.handle_accept()
        if len(server._map) == before:
            return


def _in_flight(server: TcpWSGIServer) -> int:
    """Connections with a request unread, begun, queued, computing or being sent; idle ones are closed."""
    busy = 0
    for channel in list(server._map.values()):
        if not isinstance(channel, HTTPChannel):
            continue
        if channel.request is not None or channel.requests or channel.total_outbufs_len or _unread(channel):
            busy += 1
        else:
            channel.handle_close()
    return busy


def _unread(channel: HTTPChannel) -> bool:
    """Whether the client has sent bytes the server has not read yet."""
    try:
        return bool(channel.socket.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT))
    except OSError:   # nothing to read (BlockingIOError) or the connection is gone
        return False


def main(argv: list[str] | None = None) -> int:
    """Serve until SIGTERM or Ctrl-C; exit 2 with the reason when the data cannot be served."""
    settings = parse_args(argv, prog="python serve.py", names=("host", "port", "data"))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    server = build_server(create_app_or_exit(settings.data).server, settings.host, settings.port)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    log.info("serving http://%s:%s/ with waitress (%d threads)", server.effective_host, server.effective_port,
             server.adj.threads)
    serve(server, stop)
    log.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
