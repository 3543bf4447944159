"""One home per concept: the compass, the straits and the seas are each spelled out in one source file.

Issue 20's acceptance asks that ``grep`` find the 16 Japanese compass words in one source file,
the strait list in one and the seas in one. These tests read the string literals of every module
of geo/, sightings/ and dashboard/ (docstrings and comments apart: they may quote a name) and
name the files that spell a concept's words out again.
"""

import ast
import functools
from pathlib import Path

from geo.build_layers import SEA_SEEDS, SHORE_POINTS
from geo.seas import SEAS
from geo.straits import STRAITS

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("geo", "sightings", "dashboard")


@functools.cache
def literals(path: Path) -> str:
    """Every string literal of the module at ``path`` but its docstrings, one per line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return "\n".join(node.value for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings)


def files_spelling(words: list[str], at_least: int = 2) -> list[str]:
    """The modules whose literals hold ``at_least`` of ``words``."""
    return sorted(str(path.relative_to(ROOT)) for package in PACKAGES for path in (ROOT / package).glob("*.py")
                  if sum(word in literals(path) for word in words) >= at_least)


def test_homes001_the_japanese_compass_words_are_in_geo_compass_only():
    # the twelve three- and two-character points (北, 東, 南, 西 alone are in any Japanese sentence)
    words = ["北北東", "北東", "東北東", "東南東", "南東", "南南東", "南南西", "南西", "西南西", "西北西", "北西", "北北西"]
    assert files_spelling(words, at_least=4) == ["geo/compass.py"]


def test_homes002_the_strait_names_are_in_geo_straits_only():
    assert files_spelling(["宗谷海峡", "津軽海峡", "対馬海峡", "大隅海峡", "宮古海峡", "根室海峡"]) == ["geo/straits.py"]
    assert files_spelling(["Soya (La Perouse) Strait", "Tsushima Strait West Channel (Korea Strait)",
                           "Yonaguni-Iriomote waterway"], at_least=1) == ["geo/straits.py"]


def test_homes003_the_japanese_sea_names_are_in_geo_seas_only():
    assert files_spelling(["日本海", "オホーツク海", "東シナ海", "黄海", "瀬戸内海", "南シナ海"]) == ["geo/seas.py"]


def test_homes004_the_layer_build_keys_its_geometry_by_the_declared_straits_and_seas():
    channels = [channel.id for strait in STRAITS.values() for channel in strait.channels]
    assert channels == ["soya", "tsugaru", "tsushima_east", "tsushima_west", "osumi", "miyako", "yonaguni", "nemuro"]
    assert list(SHORE_POINTS) == channels
    assert set(SEA_SEEDS) == set(SEAS)
