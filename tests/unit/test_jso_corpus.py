"""The robustness corpus (#24 item 5): every JSO press release of 18 Feb - 22 Aug 2026.

data/jso/corpus_2026.json holds 208 releases as one public scraper extracted them: Russian
movements, Chinese-only movements and everything else the JSO publishes (disaster relief,
exercises, scramble statistics, patient transport...). Each is read without an error:
Russian movements give the same rows as the curated releases.json, Chinese-only movements
say ``no Russian ships``, the rest ``not a movement release``. The kind of each release is
taken from its title here (an obvious expression, not the parser).
"""

import functools
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from sightings.ingest import Release, release_rows

JSO = Path(__file__).resolve().parents[2] / "data" / "jso"
CORPUS = json.loads((JSO / "corpus_2026.json").read_text(encoding="utf-8"))
CURATED = {r["file"]: r for r in json.loads((JSO / "releases.json").read_text(encoding="utf-8"))}


def kind(text: str) -> str:
    """russian / chinese / other, from the title as a reader sees it in the first lines."""
    top = re.sub(r"\s", "", text)[:300]
    if re.search(r"ロシア[^。]{0,12}艦艇の動向について", top):
        return "russian"
    if "中国海軍艦艇の動向について" in top:
        return "chinese"
    return "other"


@functools.lru_cache(maxsize=None)
def read(file: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    item = next(r for r in CORPUS if r["file"] == file)
    rows, lines = release_rows([Release(item["file"], item["url"], item["text"])])
    return rows, tuple(lines)


def test_corpus001_kinds_counted_by_hand():
    """39 Russian movements (p20260803_01, counted Russian in the README's 40, lists Chinese ships
    only: Russian ships appear in its back-reference), 34 Chinese-only, 135 others."""
    kinds = [kind(r["text"]) for r in CORPUS]
    assert (len(CORPUS), kinds.count("russian"), kinds.count("chinese"), kinds.count("other")) == (208, 39, 34, 135)


@pytest.mark.parametrize("file", [r["file"] for r in CORPUS if kind(r["text"]) == "other"])
def test_corpus002_other_releases_are_skipped_as_not_movements(file):
    rows, lines = read(file)
    assert len(rows) == 0 and lines == (f"skipped: {file}: not a movement release",)


@pytest.mark.parametrize("file", [r["file"] for r in CORPUS if kind(r["text"]) == "chinese"])
def test_corpus003_chinese_only_movements_are_skipped_without_russian_ships(file):
    rows, lines = read(file)
    assert len(rows) == 0 and lines
    assert all(re.match(rf"skipped: {re.escape(file)}( #\d)?: no Russian ships", line) for line in lines), lines


@pytest.mark.parametrize("file", [r["file"] for r in CORPUS if kind(r["text"]) == "russian"])
def test_corpus004_russian_movements_give_the_curated_rows(file):
    rows, _ = read(file)
    curated = CURATED[file]
    expected, _ = release_rows([Release(curated["file"], curated["url"], curated["text"])])
    assert len(rows) >= 1
    pd.testing.assert_frame_equal(rows, expected)
