"""The sea home's Japanese-to-English lookup, stated with literal names (mutants of geo/seas.py)."""

import pytest

from geo.seas import sea_in_english


@pytest.mark.parametrize("japanese, english", [
    ("フィリピン海", "Philippine Sea"),       # outside the vocabulary, named as stated
    ("東シナ海", "East China Sea"),
    ("日本海", "Sea of Japan"),
    ("地中海", None),                         # no known sea
    ("", None),
])
def test_seas_mutant001_japanese_sea_names_in_english(japanese, english):
    assert sea_in_english(japanese) == english
