"""``python -m sightings fetch`` against a local server laid out like the JSO site, faults included.

The server (127.0.0.1, a thread of this test) serves the release PDFs in data/jso/pdf/ under
the JSO's paths and answers the faults a real site gives: 404, 403, 429 with Retry-After,
500, a slow answer, a 200 HTML page instead of a PDF, a truncated PDF and a release that is
not a navy movement. Nothing here reaches the internet.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sightings import fetch
from sightings.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "data" / "jso" / "pdf"
TODAY = dt.date(2026, 12, 7)


def text_pdf(line: str) -> bytes:
    """A one-page PDF whose text is ``line`` (ASCII), made by hand: offsets counted, no library."""
    stream = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents 5 0 R >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


REAL = {name: (PDFS / f"{name}.pdf").read_bytes() for name in ("p20220904_01", "p20220927_05")}
DISASTER = text_pdf("Disaster relief dispatch (notice)")
HTML = b"<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>"


class Site:
    """Path -> a list of answers given in turn (the last one repeats); every request is logged."""

    def __init__(self, answers: dict[str, list[tuple]]):
        self.answers = {path: list(items) for path, items in answers.items()}
        self.log: list[tuple[str, str]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.log.append((self.path, self.headers.get("User-Agent", "")))
                queue = site.answers.get(self.path, [(404, b"not found")])
                status, body, *headers = queue.pop(0) if len(queue) > 1 else queue[0]
                if status == "slow":
                    time.sleep(body)
                    status, body = 200, REAL["p20220904_01"]
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass        # the client gave up on a slow answer, as it should

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/js/pdf"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def asked(self) -> list[str]:
        return [path.rsplit("/", 1)[-1] for path, _ in self.log]


@pytest.fixture
def site(request):
    made = []

    def make(answers):
        made.append(Site({f"/js/pdf/{name[1:5]}/{name}.pdf": items for name, items in answers.items()}))
        return made[-1]
    yield make
    for s in made:
        s.server.shutdown()
        s.server.server_close()


def run(site, state, tmp_path, since, until, **options):
    return fetch.fetch(since, until, tmp_path, state, base_url=site.url, delay=0, today=TODAY,
                       client=fetch.session(retries=2, backoff=0), timeout=(2, 0.5), **options)


def test_fetch001_keeps_movement_releases_skips_the_rest_and_survives_every_fault(site, tmp_path):
    faulty = site({
        "p20220904_01": [(429, b"slow down", ("Retry-After", "1")), (200, REAL["p20220904_01"])],
        "p20220904_02": [(500, b"oops"), (200, DISASTER)],
        "p20220927_05": [(200, REAL["p20220927_05"])],     # _01.._04 missing: the day ends before it
        "p20220928_01": [(200, HTML)],
        "p20220929_01": [(200, REAL["p20220904_01"][:40_000])],
        "p20220930_01": [(403, b"forbidden")],
        "p20221001_01": [("slow", 3)],
    })
    state = fetch.State()
    started = time.monotonic()
    report = run(faulty, state, tmp_path, dt.date(2022, 9, 4), dt.date(2022, 10, 1))
    assert time.monotonic() - started >= 1.0                      # Retry-After: 1 was honoured
    assert [p.name for p in report.kept] == ["p20220904_01.pdf"]
    assert (tmp_path / "p20220904_01.pdf").read_bytes() == REAL["p20220904_01"]
    assert "skipped: p20220904_02.pdf: not a movement release" in report.lines
    assert report.unfinished == ["2022-09-28", "2022-09-29", "2022-09-30", "2022-10-01"]
    problems = "\n".join(line for line in report.lines if line.startswith("not finished"))
    for expected in ("p20220928_01.pdf: the answer is not a PDF", "p20220929_01.pdf: the PDF is cut short",
                     "p20220930_01.pdf: HTTP 403", "p20221001_01.pdf: timed out (retried)"):
        assert expected in problems
    assert state.files == {"p20220904_01": "kept", "p20220904_02": "skipped: not a movement release"}
    assert "2022-09-04" in state.days_done and "2022-09-28" not in state.days_done
    assert {agent for _, agent in faulty.log} == {fetch.USER_AGENT}
    assert faulty.asked().count("p20220904_01.pdf") == 2           # the 429, then the PDF

    mended = site({"p20220928_01": [(200, REAL["p20220927_05"])], "p20220930_01": [(200, DISASTER)]})
    again = run(mended, state, tmp_path, dt.date(2022, 9, 4), dt.date(2022, 10, 1))
    assert [p.name for p in again.kept] == ["p20220928_01.pdf"]
    assert again.unfinished == []
    walked = sorted({name[1:9] for name in mended.asked()})
    assert walked == ["20220928", "20220929", "20220930", "20221001"]    # only the days not finished
    assert state.files["p20220930_01"] == "skipped: not a movement release"

    third = site({})
    run(third, state, tmp_path, dt.date(2022, 9, 4), dt.date(2022, 10, 1))
    assert third.asked() == []                                   # nothing is fetched twice


def test_fetch002_today_is_walked_again_tomorrow(site, tmp_path):
    today = site({})
    state = fetch.State()
    fetch.fetch(TODAY, TODAY, tmp_path, state, base_url=today.url, delay=0, today=TODAY,
                client=fetch.session(retries=0, backoff=0))
    assert today.asked() == ["p20261207_01.pdf", "p20261207_02.pdf"] and state.days_done == set()


@pytest.mark.parametrize("text, reason", [
    ("令和８年８月２１日\n統合幕僚監部\nロシア海軍艦艇の動向について\n…", None),
    ("令和４年９月４日\nロシア及び中国海軍艦艇の動向について", None),
    ("令和４年９月２７日\n（お知らせ）\n中国及びロシア海軍艦艇の動向について", None),
    ("令和８年５月１日\n中国海軍艦艇の動向について", "no Russian ships"),
    ("令和８年５月１日\n災害派遣について（最終報）", "not a movement release"),
    ("令和８年４月１０日\n令和７年度緊急発進実施状況について", "not a movement release"),
    ("  \n \n", "no extractable text (a scanned PDF?): read it by hand"),
])
def test_fetch003_which_releases_are_kept(text, reason):
    assert fetch.skip_reason(text) == reason


def test_fetch004_dry_run_output_equals_what_ingest_makes_and_writes_nothing(site, tmp_path, capsys):
    served = site({"p20220904_01": [(200, REAL["p20220904_01"])], "p20220927_05": [(200, REAL["p20220927_05"])],
                   "p20220927_01": [(200, DISASTER)], "p20220927_02": [(200, DISASTER)],
                   "p20220927_03": [(200, DISASTER)], "p20220927_04": [(200, DISASTER)]})
    data = tmp_path / "sightings.csv"
    shutil.copyfile(ROOT / "data" / "sightings.csv", data)
    before = data.read_bytes()
    pdf_dir, state = tmp_path / "pdf", tmp_path / "state.json"
    pdf_dir.mkdir()
    code = main(["fetch", "--since", "2022-09-04", "--until", "2022-09-27", "--base-url", served.url, "--delay", "0",
                 "--dry-run", "--output", str(tmp_path / "fetched.csv"), "--data", str(data),
                 "--pdf-dir", str(pdf_dir), "--state", str(state)])
    assert code == 0
    assert main(["ingest", *(str(PDFS / f"{n}.pdf") for n in REAL), "--dry-run",
                 "--output", str(tmp_path / "ingested.csv"), "--data", str(data)]) == 0
    assert (tmp_path / "fetched.csv").read_bytes() == (tmp_path / "ingested.csv").read_bytes()
    assert data.read_bytes() == before and list(pdf_dir.iterdir()) == [] and not state.exists()
    err = capsys.readouterr().err
    assert "skipped: p20220927_01.pdf: not a movement release" in err


def test_fetch005_refuses_a_bad_period_and_a_broken_state_file(tmp_path, capsys):
    assert main(["fetch", "--since", "2026-09-01", "--until", "2026-08-01", "--state", str(tmp_path / "s")]) == 2
    assert "--until 2026-08-01 is before --since 2026-09-01" in capsys.readouterr().err
    broken = tmp_path / "state.json"
    broken.write_text("[1, 2", encoding="utf-8")
    assert main(["fetch", "--since", "2026-09-01", "--until", "2026-09-01", "--state", str(broken)]) == 2
    assert "not a fetch state file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        main(["fetch", "--since", "yesterday"])
    assert stopped.value.code == 2
    assert "'yesterday' is not a day like 2026-08-21" in capsys.readouterr().err
