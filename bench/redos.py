"""Pathological position phrases: seconds per pattern for 1k to 1M characters (linear, not quadratic).

Each hostile text (a digit run, spaces, unclosed parentheses, a 'between' with no 'and',
...) is timed three ways: :func:`geo.locate.locate` as callers see it (refused at once
past ``MAX_PHRASE``), the locate patterns themselves on the whole text (no bound: this is
what shows they are linear), and an upload-sized CSV carrying the text through
``sightings.store.load``. For comparison, the number pattern before this change on short
digit runs (it was quadratic: 8,000 digits took 2.4 s).

    .venv/bin/python bench/redos.py [--max 1000000]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import locate as locating  # noqa: E402
from geo.places import name_key  # noqa: E402
from sightings.schema import SightingsError  # noqa: E402
from sightings.store import load  # noqa: E402

HOSTILE = {
    "digits": lambda n: "1" * n,
    "digits then km": lambda n: "1" * (n - 3) + " km",
    "thousands": lambda n: "1" + ",000" * (n // 4),
    "spaces": lambda n: " " * n + "x",
    "open parentheses": lambda n: "(" * n,
    "between, no and": lambda n: "between x" + " " * n,
    "about about": lambda n: "about " * (n // 6),
    "km km": lambda n: "1 km " * (n // 5),
}
OLD_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*km")
HEADER = "event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,source_urls,source_names"


def seconds(action) -> float:
    started = time.perf_counter()
    try:
        action()
    except (locating.LocateError, SightingsError):
        pass
    return time.perf_counter() - started


def patterns(text: str) -> None:
    """Everything locate runs on a phrase, without its length bound."""
    locating._FRAGMENT.search(text)
    locating._between(text)
    name_key(text)


def upload(text: str) -> bytes:
    return (f"{HEADER}\n2022-03-10,2022-03-11,1,destroyer,\"{text}\",,transit,no,"
            "https://example.org/a,Example\n").encode()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    sizes = [n for n in (1_000, 10_000, 100_000, 1_000_000) if n <= args.max]
    print(f"locate() refuses phrases over {locating.MAX_PHRASE:,} characters before any pattern runs")
    print(f"{'text':18} {'chars':>9} {'locate s':>9} {'patterns s':>11} {'CSV load s':>11}")
    for name, make in HOSTILE.items():
        for n in sizes:
            text = make(n)
            row = (seconds(lambda: locating.locate(text)), seconds(lambda: patterns(text)),
                   seconds(lambda: load(upload(text))))
            print(f"{name:18} {len(text):>9,} " + " ".join(f"{s:>{w}.4f}" for s, w in zip(row, (9, 11, 11))))
    print("\nthe number pattern before this change (quadratic), digits then no unit:")
    for n in (1_000, 2_000, 4_000, 8_000):
        print(f"{n:>6,} digits {seconds(lambda: OLD_NUMBER.search('1' * n)):.3f} s")


if __name__ == "__main__":
    main()
