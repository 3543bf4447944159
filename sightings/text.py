"""Find and remove the characters no stored or printed text may hold (the one home for the rule).

A NUL, an escape sequence or a lone surrogate in a cell makes ``data/sightings.csv`` a file
its own reader refuses (or retitles the operator's terminal when printed), so every input
path (release text, PDF text, corpus JSON, CSV import, overlay) asks this module. Refused:
the C0 controls except tab, line feed and carriage return; DEL; the C1 controls
(U+0080-U+009F); and surrogate code points, which in a Python string are always lone (a
UTF-8 or JSON pair decodes to one character).
"""

from __future__ import annotations

import re

#: C0 controls but \t \n \r, DEL, C1 controls, and surrogates (lone by construction in a str).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def control_characters(text: str) -> list[tuple[int, str]]:
    """Each control character or lone surrogate in ``text``: its position and its ``repr``.

    Empty when the text is clean; the repr is what a message shows (never the raw character).

    Examples
    --------
    >>> control_characters("a\\x00b\\tc\\x1b")
    [(1, "'\\\\x00'"), (5, "'\\\\x1b'")]
    """
    return [(match.start(), repr(match.group())) for match in CONTROL.finditer(text)]


def strip_controls(text: str) -> str:
    """``text`` without its control characters and lone surrogates (tab, \\n and \\r are kept).

    Examples
    --------
    >>> strip_controls("約\\x00１１０ｋｍ\\ud800\\n")
    '約１１０ｋｍ\\n'
    """
    return CONTROL.sub("", text)


def escape_controls(text: str) -> str:
    """``text`` safe to print on a terminal: each control character written as its escape.

    Examples
    --------
    >>> escape_controls("title\\x1b]0;owned\\x07")
    'title\\\\x1b]0;owned\\\\x07'
    """
    return CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


def describe_controls(text: str, limit: int = 3) -> str:
    """A short phrase naming the first ``limit`` control characters, for a message or a note.

    Examples
    --------
    >>> describe_controls("a\\x00b\\x00")
    "2 control characters ('\\\\x00' at 1, '\\\\x00' at 3)"
    """
    found = control_characters(text)
    shown = ", ".join(f"{char} at {pos}" for pos, char in found[:limit])
    more = ", ..." if len(found) > limit else ""
    noun = "control character" if len(found) == 1 else "control characters"
    return f"{len(found)} {noun} ({shown}{more})"
