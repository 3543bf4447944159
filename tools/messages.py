"""Extract the dashboard's messages and update the Japanese catalogue (``make messages``).

Every ``_("...")``, ``N_("...")`` and ``translate("...", lang)`` in ``dashboard/`` is a message id
(:mod:`dashboard.i18n`). This writes them, in the order the code names them, to
``dashboard/locale/ja/LC_MESSAGES/messages.po``, keeping each existing translation and dropping
messages the code no longer uses; new messages arrive with an empty msgstr for a translator
(``tests/unit/test_i18n.py`` fails until each has Japanese).

Example: ``python tools/messages.py`` prints ``N messages, M without Japanese``.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from dashboard.i18n import vocabulary  # noqa: E402

SOURCE = ROOT / "dashboard"
CATALOGUE = SOURCE / "locale" / "ja" / "LC_MESSAGES" / "messages.po"
#: The functions whose first argument is a message id.
KEYWORDS = {"_": None, "N_": None, "translate": (1,)}
#: The catalogue's stated dates, fixed so a rewrite changes only messages.
STAMP = datetime.datetime(2026, 12, 7, tzinfo=datetime.timezone.utc)


def extracted() -> dict[str, list[tuple[str, int]]]:
    """Each message id in ``dashboard/`` with where it is used (file, line)."""
    found: dict[str, list[tuple[str, int]]] = {}
    for path, line, message, _comments, _context in extract_from_dir(
            str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()):
        if isinstance(message, str) and message:
            found.setdefault(message, []).append((f"dashboard/{path}", line))
    return found


def update(path: Path = CATALOGUE) -> tuple[int, int]:
    """Rewrite the catalogue at ``path`` from the code; (messages, messages without Japanese)."""
    old = {}
    if path.exists():
        with path.open("rb") as handle:
            old = {m.id: m.string for m in read_po(handle, locale="ja") if m.id}
    catalogue = Catalog(locale="ja", project="Straitwatch", charset="utf-8", fuzzy=False,
                        creation_date=STAMP, revision_date=STAMP, language_team="Straitwatch",
                        last_translator="Straitwatch")
    for message, places in [*extracted().items(), *((word, [("vocabulary", 0)]) for word in vocabulary())]:
        if message in catalogue:
            continue
        catalogue.add(message, old.get(message, ""), locations=places, flags=("python-brace-format",)
                      if "{" in message else ())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=100, sort_output=False, include_lineno=False)
    missing = sum(1 for message in catalogue if message.id and not message.string)
    return len(catalogue), missing


if __name__ == "__main__":
    total, missing = update()
    print(f"{total} messages, {missing} without Japanese")
    sys.exit(0)
