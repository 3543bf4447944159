"""Control characters in text: found with their positions, or removed.

Text reaches the dataset from files anyone can write (a release, a PDF, a corpus, a CSV,
an upload). A NUL makes the stored CSV unreadable; ESC, DEL and the C1 controls can
retitle or clear the terminal that prints them; a lone surrogate cannot be encoded as
UTF-8 at all. None of them is ever part of a report's words, so they are found here
(to refuse a cell, naming where), stripped (inside a release's running text) or shown as
escapes (:func:`printable`, for lines printed to a terminal). Tab, newline and carriage
return are ordinary layout and stay.
"""

from __future__ import annotations

import re

#: C0 controls except tab, newline and CR; DEL; the C1 block; UTF-16 surrogates (lone in a str).
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def control_characters(text: str) -> list[tuple[int, str]]:
    """Each control character in ``text``: its 0-based position and how Python writes it.

    Examples
    --------
    >>> control_characters("Soya\\x00 Strait\\x1b")
    [(4, "'\\\\x00'"), (12, "'\\\\x1b'")]
    """
    return [(found.start(), repr(found.group())) for found in CONTROLS.finditer(text)]


def strip_controls(text: str) -> str:
    """``text`` without its control characters (tab, newline and CR kept).

    Examples
    --------
    >>> strip_controls("Cape\\x00 Soya\\x7f")
    'Cape Soya'
    """
    return CONTROLS.sub("", text)


def printable(line: str) -> str:
    r"""``line`` with each control character written as its escape, for printing to a terminal.

    A release or a file name can hold ESC sequences that retitle or clear the operator's
    terminal; printed through this they are inert text.

    Examples
    --------
    >>> print(printable("new: p1\x1b]0;pwned\x07.pdf"))
    new: p1\x1b]0;pwned\x07.pdf
    """
    parts, last = [], 0
    for position, shown in control_characters(line):
        parts += [line[last:position], shown[1:-1]]
        last = position + 1
    return "".join(parts) + line[last:]
