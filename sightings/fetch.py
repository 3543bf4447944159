"""Fetch new Joint Staff Office releases from their predictable addresses, politely.

The Joint Staff Office publishes every press release as ``pYYYYMMDD_NN.pdf`` under
``https://www.mod.go.jp/js/pdf/YYYY/``, numbered 01, 02, ... per day. For each day of a
period :func:`fetch` asks for ``_01``, ``_02``, ... until :data:`MISSES_ENDING_A_DAY` misses
in a row, keeps each PDF whose title is a navy movement release with Russian ships (alone or
with Chinese ships) and says why it skips the others (disaster relief, exercises, scramble
statistics, Chinese-only movements). The command then ingests what it kept exactly as
``python -m sightings ingest`` does.

A polite client: a User-Agent that says what it is, one request at a time with a delay
between them, timeouts, retries with backoff on 429 and 5xx answers and on connection
errors (``Retry-After`` honoured, up to :data:`MAX_RETRY_AFTER` seconds), and a bounded
download. A state file remembers every file it decided on and every day it finished, so a
re-run asks for nothing twice; a day it could not finish (403, a timeout, a broken PDF, an
HTML page instead of a PDF) is reported and walked again on the next run, never skipped.

Examples
--------
>>> release_names(dt.date(2026, 8, 21))[:2]
['p20260821_01', 'p20260821_02']
>>> skip_reason("令和８年８月２１日 統合幕僚監部 ロシア海軍艦艇の動向について ...") is None
True
>>> skip_reason("令和８年８月２１日 統合幕僚監部 中国海軍艦艇の動向について ...")
'no Russian ships'
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from sightings.jso import (MAX_PDF_BYTES, RELEASES, NoExtractableText, NotAMovementRelease, ReleaseError, normalise,
                           pdf_text, release_url)
from sightings.store import write_atomic

#: Misses in a row after which a day has no more releases (numbers are consecutive).
MISSES_ENDING_A_DAY = 2
#: Highest release number a day is asked for (the busiest days have about ten).
MAX_PER_DAY = 40
#: Seconds between two requests.
DELAY = 1.0
#: (connect, read) timeouts in seconds.
TIMEOUT = (10.0, 30.0)
#: Retries of one request on 429/5xx answers and connection errors, with exponential backoff.
RETRIES = 3
BACKOFF = 2.0
#: Longest ``Retry-After`` waited for (seconds); a longer one is shortened to this.
MAX_RETRY_AFTER = 120
USER_AGENT = ("Straitwatch-release-fetcher/1.0 (open-source record of Russian Navy movements around Japan; "
              "one request at a time)")
#: The day of the releases' own calendar: Japan's (a day is finished only once it is over there).
JAPAN = dt.timezone(dt.timedelta(hours=9))
_NO_TEXT = "no extractable text (a scanned PDF?): read it by hand"
_TITLE = re.compile(r"(?P<navies>[^。\s]{0,30}?)海軍艦艇の動向について")


class FetchError(Exception):
    """A file that could not be fetched this time (reported; its day is walked again next run)."""


@dataclass
class State:
    """What earlier runs decided: file name -> outcome ("kept", "skipped: ..."), and finished days."""

    files: dict[str, str] = field(default_factory=dict)
    days_done: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, path: Path) -> State:
        """The state saved at ``path`` (an empty state when there is none yet)."""
        if not path.exists():
            return cls()
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            return cls(dict(saved["files"]), set(saved["days_done"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise FetchError(f"{path}: not a fetch state file ({exc}); move it away to start afresh") from None

    def write(self, path: Path) -> None:
        """Save atomically (sorted, so the file diffs well under version control)."""
        write_atomic(path, json.dumps({"days_done": sorted(self.days_done), "files": dict(sorted(self.files.items()))},
                                      ensure_ascii=False, indent=1) + "\n")


@dataclass
class Report:
    """What one run did: the PDFs it kept, one line per decision, the days it could not finish."""

    kept: list[Path] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    unfinished: list[str] = field(default_factory=list)


def release_names(day: dt.date) -> list[str]:
    """The file stems a day's releases can have, in the order they are asked for.

    Examples
    --------
    >>> names = release_names(dt.date(2026, 8, 21))
    >>> names[0], names[-1], len(names)          # two digits, up to MAX_PER_DAY
    ('p20260821_01', 'p20260821_40', 40)
    """
    return [f"p{day:%Y%m%d}_{n:02d}" for n in range(1, MAX_PER_DAY + 1)]


def skip_reason(text: str) -> str | None:
    """Why a release is not one to keep (None: a navy movement release naming Russian ships).

    Reads the title 「…海軍艦艇の動向について」: 「ロシア海軍」, 「中国及びロシア海軍」 and
    「ロシア及び中国海軍」 are kept; a title naming only other navies has no Russian ships;
    any other title (disaster relief, exercises, scramble statistics) is not a movement release.

    Examples
    --------
    >>> skip_reason("令和８年８月２１日 統合幕僚監部 中国及びロシア海軍艦艇の動向について") is None   # joint: kept
    True
    >>> skip_reason("令和８年７月１０日 統合幕僚監部 令和８年度第１四半期までの緊急発進実施状況について")
    'not a movement release'
    >>> skip_reason("   ")
    'no extractable text (a scanned PDF?): read it by hand'
    """
    head = normalise(text[:5000])
    if not head.strip():
        return _NO_TEXT
    title = _TITLE.search(head)
    if title is None:
        return "not a movement release"
    if "ロシア" not in title.group("navies"):
        return "no Russian ships"
    return None


def session(retries: int = RETRIES, backoff: float = BACKOFF) -> requests.Session:
    """A requests session that retries 429/5xx answers and connection errors with backoff.

    Examples
    --------
    >>> client = session()                   # nothing is asked for until a request is made
    >>> client.headers["User-Agent"].split(" (")[0]
    'Straitwatch-release-fetcher/1.0'
    >>> retry = client.get_adapter("https://www.mod.go.jp/").max_retries
    >>> retry.total, retry.status_forcelist
    (3, (429, 500, 502, 503, 504))
    """
    retry = _Retry(total=retries, connect=retries, read=retries, status=retries, backoff_factor=backoff,
                   status_forcelist=(429, 500, 502, 503, 504), allowed_methods=("GET",),
                   respect_retry_after_header=True, raise_on_status=False)
    client = requests.Session()
    client.headers["User-Agent"] = USER_AGENT
    client.mount("http://", HTTPAdapter(max_retries=retry))
    client.mount("https://", HTTPAdapter(max_retries=retry))
    return client


def fetch(since: dt.date, until: dt.date, pdf_dir: Path, state: State, *, base_url: str = RELEASES,
          client: requests.Session | None = None, delay: float = DELAY, timeout=TIMEOUT,
          misses: int = MISSES_ENDING_A_DAY, today: dt.date | None = None) -> Report:
    """Walk the days ``since`` .. ``until``, saving the movement releases into ``pdf_dir``.

    ``state`` is updated in place (the caller saves it). Days already finished and files
    already decided are not asked for again. A day is finished only when it is over in Japan
    (``today`` is Japan's date unless given) and every file of it was decided.

    Examples
    --------
    An example without the network: a day an earlier run finished is not asked for again.

    >>> state = State(days_done={"2026-08-21"})
    >>> fetch(dt.date(2026, 8, 21), dt.date(2026, 8, 21), Path("releases"), state)
    Report(kept=[], lines=[], unfinished=[])
    """
    client = client or session()
    today = today or dt.datetime.now(JAPAN).date()
    report, first = Report(), True
    for day in _days(since, until):
        if day.isoformat() in state.days_done:
            continue
        missed, finished = 0, True
        for name in release_names(day):
            if name in state.files:
                missed = 0
                continue
            if not first:
                time.sleep(delay)
            first = False
            url = release_url(name, base_url)
            try:
                raw = _download(client, url, timeout)
            except FetchError as exc:
                report.lines.append(f"not finished: {name}.pdf: {exc} (tried again next run)")
                finished = False
                missed += 1     # a server refusing everything ends the day like misses do
                if missed >= misses:
                    break
                continue
            if raw is None:
                missed += 1
                if missed >= misses:
                    break
                continue
            missed = 0
            outcome = _decide(name, raw, pdf_dir, report)
            if outcome is None:
                finished = False
            else:
                state.files[name] = outcome
        if finished and day < today:
            state.days_done.add(day.isoformat())
        elif not finished:
            report.unfinished.append(day.isoformat())
    return report


def _decide(name: str, raw: bytes, pdf_dir: Path, report: Report) -> str | None:
    """Keep or skip one downloaded file; None when it could not be read (tried again next run)."""
    try:
        reason = skip_reason(pdf_text(raw))
    except NotAMovementRelease:
        reason = "not a movement release"
    except NoExtractableText:
        reason = _NO_TEXT
    except ReleaseError as exc:
        report.lines.append(f"not finished: {name}.pdf: {exc} (tried again next run)")
        return None
    if reason is not None:
        report.lines.append(f"skipped: {name}.pdf: {reason}")
        return f"skipped: {reason}"
    path = pdf_dir / f"{name}.pdf"
    write_atomic(path, raw)
    report.kept.append(path)
    report.lines.append(f"kept: {name}.pdf")
    return "kept"


def _download(client: requests.Session, url: str, timeout) -> bytes | None:
    """The body of a PDF at ``url``; None when there is none (404/410). Raises FetchError otherwise."""
    try:
        with client.get(url, timeout=timeout, stream=True) as response:
            if response.status_code in (404, 410):
                return None
            if response.status_code != 200:
                raise FetchError(f"HTTP {response.status_code}")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > MAX_PDF_BYTES:
                raise FetchError(f"{int(declared):,} bytes announced; a release is at most {MAX_PDF_BYTES:,}")
            body = bytearray()
            for chunk in response.iter_content(64 * 1024):
                body += chunk
                if len(body) > MAX_PDF_BYTES:
                    raise FetchError(f"over {MAX_PDF_BYTES:,} bytes; a release is at most that")
    except requests.RequestException as exc:
        raise FetchError(_failure(exc)) from None
    if not body.startswith(b"%PDF-"):
        raise FetchError("the answer is not a PDF (an HTML error page?)")
    if b"%%EOF" not in body[-1024:]:
        raise FetchError("the PDF is cut short (no %%EOF at its end)")
    return bytes(body)


def _failure(exc: requests.RequestException) -> str:
    """A short reason for a request that failed after its retries ("timed out", "connection refused")."""
    cause = getattr(exc.args[0], "reason", exc) if exc.args else exc
    text = str(cause).lower()
    if isinstance(exc, requests.Timeout) or "timed out" in text:
        return "timed out (retried)"
    if "refused" in text:
        return "connection refused (retried)"
    return f"no answer ({type(cause).__name__}, retried)"


def _days(since: dt.date, until: dt.date) -> list[dt.date]:
    return [since + dt.timedelta(days=n) for n in range((until - since).days + 1)]


class _Retry(Retry):
    """urllib3's Retry with ``Retry-After`` capped, so a server cannot park the job for days."""

    def get_retry_after(self, response):
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, MAX_RETRY_AFTER)
