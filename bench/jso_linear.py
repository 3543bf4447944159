"""The release reader on adversarial input: parser time per MB up to 2 MB, and the PDF reader's bounds in seconds.

Part 1 times :func:`sightings.jso.parse_release` on hostile texts of 0.25 to 2 MB (runs of
spaces, digit runs, spaced kanji, repeated sentences, separators, back-references...), each
behind a release title so that it reaches the patterns. Linear time means the "s per MB"
column stays flat as the size doubles; the former ``normalise`` pattern is timed on short
runs of spaces for comparison (it was quadratic: 40,000 spaces took 11.7 s).

Part 2 times :func:`sightings.jso.pdf_text` on hostile PDFs made from raw bytes
(tests/hostile_pdf.py): the reviewer's 20,000 pages sharing one content stream, 10 MB of
text in a 60 KB file, one glyph that extracts to 250 characters, forms drawn a hundred
times; each line says which bound refused it and after how many seconds. Then the
extraction time per MB of content with the character cap lifted (linear up to the
content bound), and the shared release PDFs for reference.

    .venv/bin/python bench/jso_linear.py [--max-mb 2] [--skip-pdf]

Numbers only, never an assert.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sightings import jso  # noqa: E402
from sightings.jso import ReleaseError, parse_release, pdf_text  # noqa: E402
from tests import hostile_pdf as H  # noqa: E402

CORPUS = ROOT / "data" / "jso" / "releases.json"
TITLE = "令和８年６月２９日\n統合幕僚監部\nロシア海軍艦艇の動向について\n"
MB = 1_000_000


def release_paragraph() -> str:
    """The first sighting paragraph of a shared release (its head and follow-up sentences)."""
    text = next(item["text"] for item in json.loads(CORPUS.read_text("utf-8")) if item["file"] == "p20260629_02.pdf")
    body = text.partition("動向について")[2]
    return body.split("防衛省・自衛隊は")[0]


def hostile_texts(paragraph: str) -> dict[str, callable]:
    """Each hostile text as a function of its size in UTF-8 bytes."""
    def fill(unit: str, size: int, prefix: str = "", suffix: str = "") -> str:
        budget = size - len((TITLE + prefix + suffix).encode())
        count = max(budget // len(unit.encode()), 0)
        return TITLE + prefix + unit * count + suffix

    no_pref = paragraph.replace("（北海道）", "")
    head = paragraph.split("。")[0] + "。"
    return {
        "spaces, then ASCII": lambda n: fill(" ", n, suffix="x"),
        "spaces, then kanji": lambda n: fill(" ", n, suffix="約"),
        "ASCII between spaces": lambda n: fill("a  ", n),
        "spaced kanji (約 約 ...)": lambda n: fill("約 ", n),
        "ideographic + ASCII spaces": lambda n: fill("\u3000 ", n, suffix="x"),
        "ASCII digit run": lambda n: fill("1", n),
        "full-width digit run": lambda n: fill("１", n),
        "digits and 日 (dates)": lambda n: fill("１日", n),
        "line break every 7 chars": lambda n: fill("\n".join(paragraph[i:i + 7] for i in range(0, len(paragraph), 7)), n),
        "repeated sightings": lambda n: fill(paragraph, n),
        "repeated, no prefecture": lambda n: fill(no_pref, n),
        "one head, 、 separators": lambda n: fill("、", n, prefix=head.split("ロシア海軍")[0] + "ロシア海軍",
                                                 suffix="を確認した。"),
        "one head, 「1」 hulls": lambda n: fill("「１」", n, prefix=head.split("（艦番号")[0] + "（艦番号",
                                               suffix="）を確認した。"),
        "海上自衛隊は、 repeated": lambda n: fill("海上自衛隊は、", n),
        "back-reference days": lambda n: fill("１日（月）", n, prefix=paragraph + "なお、これらの艦艇は、",
                                             suffix="に対馬海峡を南西進したものと同一である。"),
        "back-references, each a move": lambda n: fill("１日（月）に対馬海峡を南西進し、", n,
                                                     prefix=paragraph + "なお、これらの艦艇は、",
                                                     suffix="たものと同一である。"),
        "closing sentence repeated": lambda n: fill("防衛省・自衛隊は、", n, prefix=paragraph),
        "passage words, no passage": lambda n: fill("宗谷岬と宗谷岬と", n, prefix=paragraph + "その後、"),
        "control characters": lambda n: fill("\x00\x1b", n),
    }


def timed(function, *args, **kwargs) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        result = function(*args, **kwargs)
        outcome = f"{len(result):,} sightings" if isinstance(result, list) else f"{len(result):,} chars"
    except ReleaseError as exc:
        outcome = "refused: " + str(exc).split("\n")[0][:70]
    return time.perf_counter() - start, outcome


def parser_table(max_mb: float) -> None:
    paragraph = release_paragraph()
    sizes = [s for s in (0.25, 0.5, 1.0, 2.0) if s <= max_mb]
    print(f"## parse_release on hostile text ({', '.join(f'{s:g}' for s in sizes)} MB of UTF-8; cap "
          f"{jso.MAX_CHARS:,} characters)\n")
    print(f"{'input':<28}" + "".join(f"{f'{s:g} MB s':>11}" for s in sizes) + f"{'s per MB':>10}  outcome at the largest")
    for label, make in hostile_texts(paragraph).items():
        seconds, outcome = [], ""
        for size in sizes:
            text = make(int(size * MB))[:jso.MAX_CHARS]
            took, outcome = timed(parse_release, text, "p20260629_02.pdf")
            seconds.append(took)
        per_mb = seconds[-1] / sizes[-1]
        print(f"{label:<28}" + "".join(f"{s:>11.3f}" for s in seconds) + f"{per_mb:>10.3f}  {outcome}")
    print("\nthe former normalise pattern, for comparison (quadratic):")
    former = re.compile(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+")
    for n in (5_000, 10_000, 20_000):
        start = time.perf_counter()
        former.sub("", " " * n + "x")
        took = time.perf_counter() - start
        now, _ = timed(jso.normalise, " " * n + "x")
        print(f"  {n:>6,} spaces then ASCII: former {took:.3f} s, now {now:.5f} s")


def pdf_table() -> None:
    title = "ロシア海軍艦艇の動向について"
    cases = {
        "20,000 pages, one shared stream": lambda: H.shared_stream_pdf(20_000, title + "約１１０ｋｍ", 2_000),
        "60 pages, one small stream": lambda: H.shared_stream_pdf(60, title, 1),
        "3 pages sharing 1 MB of content": lambda: H.shared_stream_pdf(3, title, 1, pad=2**20),
        "2,000 streams of 1.5 MB, one page": lambda: H.many_big_streams_pdf(2_000, 1_500_000),
        "10 MB of text, one page": lambda: H.shared_stream_pdf(1, title + "あ" * 1000, 10_000),
        "49 pages, 40,000 lines each": lambda: H.shared_stream_pdf(49, title, 40_000),
        "one glyph = 250 characters": lambda: H.build({
            1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            4: H.stream(b"BT /F1 10 Tf <" + b"0001" * 20_000 + b"> Tj ET"), **H.font_objects(5, {1: "約" * 250})}),
        "a form drawn 100 times": lambda: H.form_pdf(100, title, 20_000),
        "19 MB of short lines, no xref": lambda: b"%PDF-1.4\n" + b"x\n" * 9_500_000,
        "page tree 150 deep": lambda: H.deep_page_tree(150),
        "ToUnicode of 200,000 codes": lambda: H.big_to_unicode_pdf(200_000),
    }
    print(f"\n## pdf_text on hostile PDFs (bounds: {jso.MAX_PDF_PAGES} pages, "
          f"{jso.MAX_PDF_CONTENT_BYTES // 2**20} MB of content, {jso.MAX_PDF_CHARS:,} characters, "
          f"{jso.MAX_PDF_SECONDS:g} s)\n")
    print(f"{'input':<34}{'file KB':>9}{'seconds':>9}  outcome")
    for label, make in cases.items():
        raw = make()
        took, outcome = timed(pdf_text, raw)
        print(f"{label:<34}{len(raw) / 1024:>9,.0f}{took:>9.2f}  {outcome}")
    lifted = {"max_chars": 10**9, "max_seconds": 600}
    print(f"\nthe deadline alone (character cap lifted): 'a form drawn 100 times' -> "
          f"{timed(pdf_text, H.form_pdf(100, title, 20_000), max_chars=10**9)[0]:.2f} s")
    print("\nextraction time per MB of content, character cap and deadline lifted (one page):")
    line = title + "約１１０ｋｍの海域において"
    for kb in (250, 500, 1000, 2000):
        repeats = kb * 1000 // (len(line) * 4 + 8)
        raw = H.shared_stream_pdf(1, line, repeats)
        took, outcome = timed(pdf_text, raw, **lifted)
        print(f"  {kb:>5} KB of content: {took:6.2f} s, {took / kb * 1000:5.2f} s per MB  ({outcome})")
    print("\nthe shared release PDFs:")
    for path in sorted((ROOT / "data" / "jso" / "pdf").glob("*.pdf")):
        took, outcome = timed(pdf_text, path.read_bytes())
        print(f"  {path.name:<30}{path.stat().st_size / 1024:>9,.0f} KB{took:>7.2f} s  {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-mb", type=float, default=2.0, help="largest text, MB (default 2)")
    parser.add_argument("--skip-pdf", action="store_true", help="only the parser table")
    args = parser.parse_args()
    parser_table(args.max_mb)
    if not args.skip_pdf:
        pdf_table()


if __name__ == "__main__":
    main()
