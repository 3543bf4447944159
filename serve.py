"""Serve Straitwatch in production: waitress, a buffering WSGI server, draining on SIGTERM.

    python serve.py [--host 127.0.0.1] [--port 8050] [--data data/sightings.csv]     (make serve)

Waitress reads each request completely in its event loop before a worker thread sees it,
so a client that sends its headers a byte at a time costs one socket, not a thread: normal
requests keep being answered while a hundred slow clients hold connections (gunicorn's sync
and threaded workers give such a client a whole worker or thread). On SIGTERM or Ctrl-C it
stops accepting, refuses overlay uploads not yet begun (with a message), finishes every request
already begun (within ``GRACE_SECONDS``, longer than an overlay's deadline) and exits 0; if it
had to drop requests after that grace, it says how many and exits 1. Overlay uploads are read
in bounded child processes (:mod:`dashboard.overlay`), so they never hold the web process.
A port in use, or an address that is not this machine's, is one line naming it and exit 2.
Figures: bench/slow_clients.py, bench/drain.py and bench/upload_abuse.py (README, "Serving in
production").
"""

from __future__ import annotations

import errno
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

from dashboard import overlay
from dashboard.factory import create_app_or_exit
from dashboard.security import ERROR_PAGE_CSP, HEADERS, MAX_REQUEST_BYTES
from dashboard.settings import parse_args

#: waitress settings (``waitress.adjustments.Adjustments`` names), listed in the README.
OPTIONS = {
    "threads": 10,                           # requests computed at once (each is ready: fully read); overlay
                                             # uploads hold at most 6 (dashboard.overlay), the rest stay free
    "connection_limit": 1000,                # open connections, slow ones included, before accept waits
    "backlog": 2048,                         # connections the kernel queues beyond that
    "channel_timeout": 30,                   # seconds before a silent connection is closed
    "cleanup_interval": 10,                  # seconds between those checks
    "max_request_header_size": 64 * 1024,    # backstop above the app's own 414 / 431 limits
    "max_request_body_size": MAX_REQUEST_BYTES,
    "recv_bytes": 256 * 1024,                # bytes per socket read: a 6.7 MB upload in 27 loop turns, not 850
    "asyncore_use_poll": True,               # poll(), not select(): no 1,024-descriptor ceiling
    "expose_tracebacks": False,
    "ident": "straitwatch",
}
#: Longest wait on SIGTERM for requests already begun before the server exits anyway.
GRACE_SECONDS = 30
#: Exit status when requests had to be dropped at the end of the grace (0: all were answered).
EXIT_DROPPED = 1
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


def serve(server: TcpWSGIServer, stop: threading.Event, grace: float = GRACE_SECONDS,
          reader: overlay.OverlayReader | None = None) -> int:
    """Answer requests until ``stop`` is set, then drain: the in-flight requests finish, nothing new starts.

    ``reader``'s overlay reads not yet begun are refused from the stop on (the user is told to
    try again); reads already begun finish within their deadline, shorter than ``grace``.
    Returns the number of requests dropped unfinished when ``grace`` ran out (0: all answered).
    """
    while not stop.is_set():
        wasyncore.loop(timeout=LOOP_SECONDS, map=server._map, use_poll=True, count=1)
    if reader is not None:
        reader.close()
    _accept_queued(server)
    wasyncore.dispatcher.close(server)   # the listening socket only; the task threads' trigger stays
    deadline = time.monotonic() + grace
    while _in_flight(server) and time.monotonic() < deadline:
        wasyncore.loop(timeout=LOOP_SECONDS, map=server._map, use_poll=True, count=1)
    left = _in_flight(server)
    if left:
        log.error("stopping with %d request(s) unfinished after %g s: they are dropped", left, grace)
    if reader is not None and (ended := reader.stop()):
        log.error("ended %d overlay read(s) still running", ended)
    server.task_dispatcher.shutdown()
    wasyncore.close_all(server._map)
    return left


def overlay_reader(application) -> overlay.OverlayReader | None:
    """The Flask app's overlay reader (``extensions["overlay_reader"]``), if it has one.

    Taken from the app, not the server: waitress wraps the app it serves.
    """
    reader = getattr(application, "extensions", {}).get("overlay_reader")
    return reader if isinstance(reader, overlay.OverlayReader) else None


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
    """Serve until SIGTERM or Ctrl-C; exit 2 with the reason when the data or the address cannot be served.

    Exit 0 when every request begun was answered, :data:`EXIT_DROPPED` when some had to be dropped.
    """
    settings = parse_args(argv, prog="python serve.py", names=("host", "port", "data"))
    if not 0 <= settings.port <= 65535:
        print(f"error: port {settings.port} is not a TCP port; give --port a number from 1 to 65535 "
              "(8050 by default)", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    application = create_app_or_exit(settings.data).server
    try:
        server = build_server(application, settings.host, settings.port)
    except (OSError, ValueError) as exc:   # waitress raises ValueError for a host it cannot resolve
        print(f"error: cannot listen on {settings.host}:{settings.port}: {listen_problem(exc)}", file=sys.stderr)
        return 2
    reader = overlay_reader(application)
    if reader is not None:
        reader.start()
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    log.info("serving http://%s:%s/ with waitress (%d threads)", server.effective_host, server.effective_port,
             server.adj.threads)
    dropped = serve(server, stop, reader=reader)
    log.info("stopped")
    return EXIT_DROPPED if dropped else 0


#: What to do when the listening socket cannot be opened, by ``errno``.
LISTEN_FIXES = {
    errno.EADDRINUSE: "the port is in use (is Straitwatch already running?); stop that server, or choose a free "
                      "port with --port",
    errno.EACCES: "permission denied (ports below 1024 need privileges); choose a port above 1024 with --port",
    errno.EADDRNOTAVAIL: "the address is not one of this machine's; use --host 127.0.0.1 (this machine only) or "
                         "one of its own addresses",
}


def listen_problem(exc: OSError | ValueError) -> str:
    """The reason a listening socket could not be opened, and the fix, in one line.

    Examples
    --------
    >>> listen_problem(OSError(errno.EADDRINUSE, "Address already in use"))[:18]
    'the port is in use'
    """
    if isinstance(exc, ValueError):
        return "the host is not an address of this machine or a name it can resolve; use --host 127.0.0.1"
    return LISTEN_FIXES.get(exc.errno, f"{exc.strerror or exc}; choose another --host or --port")


if __name__ == "__main__":
    sys.exit(main())
