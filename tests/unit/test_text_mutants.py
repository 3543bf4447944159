"""describe_controls' default limit and its "..." edge, stated literally (mutants of sightings/text.py)."""

from sightings.text import describe_controls


def test_text_mutant001_three_controls_shown_by_default_then_an_ellipsis():
    assert describe_controls("a\x01b\x02c\x03d\x04") == \
        "4 control characters ('\\x01' at 1, '\\x02' at 3, '\\x03' at 5, ...)"


def test_text_mutant002_exactly_the_limit_has_no_ellipsis():
    assert describe_controls("\x01\x02\x03") == "3 control characters ('\\x01' at 0, '\\x02' at 1, '\\x03' at 2)"
