"""The one rule for control characters (sightings.text): literal inputs, literal answers."""

import pytest

from sightings.text import control_characters, describe_controls, escape_controls, strip_controls


@pytest.mark.parametrize("text, expected", [
    ("plain 約１１０ｋｍ", []),
    ("tab\tline\nreturn\r", []),                      # kept: layout, not control
    ("a\x00b", [(1, "'\\x00'")]),
    ("\x1b[2J", [(0, "'\\x1b'")]),
    ("del\x7f", [(3, "'\\x7f'")]),
    ("c1\x85\x9f", [(2, "'\\x85'"), (3, "'\\x9f'")]),
    ("lone\ud800", [(4, "'\\ud800'")]),
    ("low\udfff", [(3, "'\\udfff'")]),
    ("\x0b\x0c", [(0, "'\\x0b'"), (1, "'\\x0c'")]),
    ("\xa0nbsp and é", []),                          # U+00A0 is just past C1
])
def test_text001_control_characters(text, expected):
    assert control_characters(text) == expected


def test_text002_strip_keeps_layout_and_text():
    assert strip_controls("約\x00１１０\x1bｋｍ\x7f\x85\ud800\t\n\r") == "約１１０ｋｍ\t\n\r"


def test_text003_escape_for_terminal():
    assert escape_controls("title\x1b]0;owned\x07 ok\n") == "title\\x1b]0;owned\\x07 ok\n"


def test_text004_describe():
    assert describe_controls("a\x00b\x00c\x00d\x00", limit=2) == \
        "4 control characters ('\\x00' at 1, '\\x00' at 3, ...)"
    assert describe_controls("\x1b") == "1 control character ('\\x1b' at 0)"
