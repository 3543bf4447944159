"""Read a user's overlay CSV without letting it starve the site: bounded rows, its own process, a deadline.

An overlay is read exactly as an import is (:func:`sightings.importer.read_upload`: parse,
locate, validate), about 0.4 ms of CPU a row in pure Python. Read in the web process, six
5 MB uploads hold the interpreter lock for tens of seconds and every other user's filter
change waits behind them. So :class:`OverlayReader` reads each upload in a child process
forked from a warm fork server (nothing to import per upload), at a lower CPU priority, at
most :data:`SLOTS` at once, each within :data:`DEADLINE_SECONDS`. Up to :data:`WAITING` more
wait for a free slot (for at most :data:`WAIT_SECONDS`): a waiting upload costs a server
thread but no CPU, while one refused at once is sent again at once and the web process pays
for receiving and parsing its 6.7 MB body every time. An upload that finds the queue full,
waits too long, runs past its deadline, or arrives while the server is stopping, is refused
with a message saying so (serve.py has threads to spare for everyone else).

Checks that cost nothing run first, in the web process: the file name (a ``.csv``) and the
encoded size. The line count (at most :data:`MAX_ROWS` sightings) is checked in the child
before any parsing. Every refusal is an :class:`Overlay` with problems; :func:`message` turns
it into what the browser shows.
"""

from __future__ import annotations

import base64
import binascii
import logging
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass

from dash import html

from dashboard.figures import point_mask, upload_updates
from sightings.importer import MAX_UPLOAD_BYTES, read_upload
from sightings.schema import SightingsError, preview

#: Most sightings one overlay may hold (the whole record is a few hundred; 10,000 is headroom).
MAX_ROWS = 10_000
#: Overlays read at once, each in its own process (one a core on the 2-core server).
SLOTS = 2
#: Overlays that may wait for a free slot beyond those (each holds a server thread while it waits).
WAITING = 4
#: Longest wait for a free slot before an upload is refused as busy.
WAIT_SECONDS = 30
#: Seconds between looks at whether the server is stopping while an upload waits.
_WAIT_STEP = 0.25
#: Longest time one overlay may take to read (10,000 rows of real phrasings take about 4 s of CPU).
DEADLINE_SECONDS = 20
#: CPU priority of the reading processes (``nice``): the web process's requests come first.
NICENESS = 10
#: Longest data URL accepted for :data:`MAX_UPLOAD_BYTES` of file (base64 plus a short header).
MAX_CONTENTS_CHARS = 4 * -(-MAX_UPLOAD_BYTES // 3) + 256
#: The refusal of a data URL over the size (a browser stops such a file before sending it: upload.js).
TOO_LARGE = (f"the file is larger than {MAX_UPLOAD_BYTES // 2**20} MB; split it, or add it to the dataset "
             "with `python -m sightings import`")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Overlay:
    """What reading one upload gave: the map updates and counts, or the problems that refused it.

    Examples
    --------
    >>> Overlay(problems=("the file is empty",)).refused
    True
    """

    updates: tuple = ()
    rows: int = 0
    drawn: int = 0
    problems: tuple[str, ...] = ()

    @property
    def refused(self) -> bool:
        return bool(self.problems)


def refused(*problems: str) -> Overlay:
    """An :class:`Overlay` refused for ``problems`` (the caller clears any earlier overlay)."""
    return Overlay(problems=problems)


def precheck(contents, name) -> Overlay | None:
    """The refusal that costs nothing to find (no file, not a ``.csv`` name, too large), or None.

    Examples
    --------
    >>> precheck("data:application/pdf;base64,JVBERi0=", "report.pdf").problems
    ("'report.pdf' is not a .csv file; save the sightings as CSV (UTF-8) with the download's columns",)
    """
    if not isinstance(name, str) or not name.strip():
        return refused("no file name was received; choose a .csv file")
    if not name.lower().endswith(".csv"):
        return refused(f"{preview(name, 80)} is not a .csv file; save the sightings as CSV (UTF-8) with the "
                       "download's columns")
    if not isinstance(contents, str) or not contents.startswith("data:"):
        return refused("no file was received; choose the file again")
    if len(contents) > MAX_CONTENTS_CHARS:
        return refused(TOO_LARGE)
    return None


def read_overlay(contents: str, name: str) -> Overlay:
    """Check and read one upload completely (what the child process runs; pure, no time bound).

    Examples
    --------
    >>> read_overlay("data:text/csv;base64,", "empty.csv").problems
    ('the file is empty (expected a CSV header and rows)',)
    """
    early = precheck(contents, name)
    if early is not None:
        return early
    too_many = _too_many_lines(contents)
    if too_many is not None:
        return refused(too_many)
    try:
        rows = read_upload(contents)
    except SightingsError as exc:
        more = [f"... and {len(exc.problems) - 20:,} more"] if len(exc.problems) > 20 else []
        return refused(*exc.problems[:20], *more)
    return Overlay(updates=tuple(upload_updates(rows)), rows=len(rows), drawn=int(point_mask(rows).sum()))


def size_refusal(name, size) -> Overlay:
    """The refusal for a file the browser did not send because it is over :data:`MAX_UPLOAD_BYTES`.

    ``name`` and ``size`` come from the browser (assets/upload.js) and are only shown, never trusted.
    """
    megabytes = f"{size / 2**20:.1f} MB" if isinstance(size, (int, float)) and size >= 0 else "too large"
    return refused(f"the file is {megabytes}, larger than {MAX_UPLOAD_BYTES // 2**20} MB; split it, or add it "
                   "to the dataset with `python -m sightings import`")


def message(overlay: Overlay, name) -> str | list:
    """What the page says under the map: the count overlaid, or the file's name and every problem."""
    shown = (name if len(name) <= 80 else name[:80] + "...") if isinstance(name, str) and name else "The file"
    if overlay.refused:
        return [html.Strong(f"{shown} was not loaded:"), html.Ul([html.Li(problem) for problem in overlay.problems])]
    return (f"{overlay.rows:,} sightings from {shown} overlaid in black ({overlay.drawn:,} with a position); "
            "only in this tab, not saved.")


class OverlayReader:
    """Reads overlays in child processes: at most ``slots`` at once, each within ``seconds``.

    Up to ``waiting`` more wait (``wait`` seconds at most) for a slot; more still are refused.
    One per app (kept in ``server.extensions["overlay_reader"]``); the only state is the free
    slots and the children running, both guarded here. :meth:`close` refuses new reads (the
    server is stopping); :meth:`stop` ends any child still running.

    Examples
    --------
    >>> reader = OverlayReader(slots=1, seconds=5)
    >>> reader.read("data:text/csv;base64,", "empty.csv").problems
    ('the file is empty (expected a CSV header and rows)',)
    """

    def __init__(self, slots: int = SLOTS, seconds: float = DEADLINE_SECONDS, waiting: int = WAITING,
                 wait: float = WAIT_SECONDS):
        self.slots, self.seconds, self.waiting, self.wait = slots, seconds, waiting, wait
        self._free = threading.BoundedSemaphore(slots)
        self._admitted = threading.BoundedSemaphore(slots + waiting)
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._running: set = set()
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["__main__", __name__])

    def start(self) -> None:
        """Start the fork server now (a few seconds of imports), not on the first upload."""
        from multiprocessing import forkserver
        forkserver.ensure_running()

    def read(self, contents, name) -> Overlay:
        """Read one upload in a child process, or refuse it (busy, over time, stopping)."""
        early = precheck(contents, name)
        if early is not None:
            return early
        if self._closed.is_set():
            return refused("the server is restarting; choose the file again in a minute")
        if not self._admitted.acquire(blocking=False):
            return refused(f"the server is already reading {self.slots} overlays with {self.waiting} more waiting; "
                           "choose the file again in a minute")
        try:
            return self._when_free(contents, name)
        finally:
            self._admitted.release()

    def close(self) -> None:
        """Refuse every read from now on; reads already begun finish (within their deadline)."""
        self._closed.set()

    def stop(self) -> int:
        """End every child still reading; how many there were."""
        with self._lock:
            running = list(self._running)
        for process in running:
            process.kill()
        return len(running)

    @property
    def busy(self) -> int:
        """Children reading now."""
        with self._lock:
            return len(self._running)

    def _when_free(self, contents: str, name: str) -> Overlay:
        """Wait for a free slot (refused when the server stops or the wait is too long), then read."""
        waited_until = time.monotonic() + self.wait
        while not self._free.acquire(timeout=_WAIT_STEP):
            if self._closed.is_set():
                return refused("the server is restarting; choose the file again in a minute")
            if time.monotonic() >= waited_until:
                return refused(f"the server was busy reading other overlays for {self.wait:g} s; choose the file "
                               "again in a minute")
        try:
            if self._closed.is_set():
                return refused("the server is restarting; choose the file again in a minute")
            return self._in_child(contents, name)
        finally:
            self._free.release()

    def _in_child(self, contents: str, name: str) -> Overlay:
        receive, send = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_child, args=(send, contents, name), daemon=True,
                                        name="straitwatch-overlay")
        try:
            with self._lock:
                process.start()
                self._running.add(process)
        except OSError as exc:    # no fork server (it died, or the machine is out of processes)
            log.error("overlay %r: no process to read it: %s", preview(name, 80), exc)
            receive.close()
            return refused("the server could not start reading the file; choose it again in a minute")
        finally:
            send.close()   # the child holds the only writer: its exit is an end of file here
        try:
            deadline = time.monotonic() + self.seconds
            if not receive.poll(max(0.0, deadline - time.monotonic())):
                log.warning("overlay %r: no answer within %s s; its process was ended", preview(name, 80),
                            self.seconds)
                return refused(f"reading the file took longer than {self.seconds:g} s; split it into smaller files "
                               f"(an overlay holds up to {MAX_ROWS:,} sightings)")
            try:
                return receive.recv()
            except EOFError:
                log.error("overlay %r: its process ended without an answer", preview(name, 80))
                return refused("the server could not finish reading the file; try again, or split it")
        finally:
            receive.close()
            process.kill()    # normally already gone; never left running past the deadline
            process.join(5)
            with self._lock:
                self._running.discard(process)
            if process.exitcode is not None:
                process.close()


def _child(send, contents: str, name: str) -> None:
    """The child's work: lower priority, read, send the :class:`Overlay` back."""
    os.nice(NICENESS)
    try:
        overlay = read_overlay(contents, name)
    except Exception:   # the process boundary: the user gets a refusal, the server log the traceback
        log.exception("overlay %r could not be read", preview(name, 80))
        overlay = refused("the file could not be read (the error was logged on the server); check it is a CSV "
                          "file in UTF-8 with the download's columns")
    send.send(overlay)
    send.close()


def _too_many_lines(contents: str) -> str | None:
    """The refusal when the file has more lines than a header and :data:`MAX_ROWS` sightings."""
    try:
        raw = base64.b64decode(contents.partition(",")[2], validate=True)
    except binascii.Error:
        return None    # read_upload refuses it with its own message
    lines = max(raw.count(b"\n"), raw.count(b"\r"))    # an upper bound on the rows (quoted line breaks count too)
    if lines <= MAX_ROWS + 1:
        return None
    return (f"the file has {lines:,} lines; an overlay holds at most {MAX_ROWS:,} sightings (one a line after "
            "the header): split it, or add it to the dataset with `python -m sightings import`")

