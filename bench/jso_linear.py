"""How the release parser's time grows with its input: 1 KB to 1 MB of release text.

Prints seconds per size and per KB for two inputs: a real release repeated (many sightings
in one text) and the same text with its line breaks shuffled into digits and words (the
PDF noise of data/jso/README.md). Linear time means the per-KB column stays flat.

    .venv/bin/python bench/jso_linear.py
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sightings.jso import ReleaseError, parse_release  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "data" / "jso" / "releases.json"


def timed(text: str) -> float:
    start = time.perf_counter()
    try:
        parse_release(text, "p20260629_02.pdf")
    except ReleaseError:
        pass
    return time.perf_counter() - start


def sightings(text: str) -> int | str:
    try:
        return len(parse_release(text, "p20260629_02.pdf"))
    except ReleaseError:
        return "error"


def main() -> None:
    release = json.loads(CORPUS.read_text(encoding="utf-8"))[14]["text"]
    title, _, body = release.partition("動向について")
    paragraph = body.split("統合幕僚監部  報道発表資料")[0].split("防衛省")[0]
    noisy = "\n".join(paragraph[i:i + 7] for i in range(0, len(paragraph), 7))
    print(f"{'input':<24}{'KB':>8}{'seconds':>10}{'ms per KB':>11}{'sightings':>11}")
    for label, unit in (("repeated sightings", paragraph),
                        ("line breaks every 7 chars", noisy), ("digits only", "５" * 1000)):
        for kb in (1, 10, 100, 1000):
            text = title + "動向について" + (unit * (kb * 1024 // len(unit.encode()) + 1))
            text = text[: kb * 1024 // 3]          # about kb KB of UTF-8 (3 bytes per character)
            text = text[: text.rfind("。") + 1] or text
            seconds = min(timed(text) for _ in range(3))
            found = sightings(text)
            print(f"{label:<24}{kb:>8}{seconds:>10.4f}{seconds * 1000 / kb:>11.3f}{found:>11}")


if __name__ == "__main__":
    main()
