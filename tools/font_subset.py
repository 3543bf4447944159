"""Rebuild the bundled Japanese font: Noto Sans JP cut to the characters Straitwatch can show (``make font``).

The page must show Japanese on a machine with no CJK font and no network, so a font ships in
``assets/fonts/``. The whole Noto Sans JP is 5.5 MB; the page shows a few hundred kanji, so the
font is cut (fontTools' subsetter, WOFF2) to:

- every character of the Japanese catalogue (``dashboard/locale/ja/LC_MESSAGES/messages.po``);
- every character of the data the page can show: ``data/sightings.csv`` (``location_text_ja``),
  ``data/map_labels.csv``, ``data/gazetteer.csv``, ``data/ship_classes.csv``, ``data/events.csv``,
  ``data/layers/places.geojson``, and the strait and sea names of :mod:`geo.straits` / :mod:`geo.seas`;
- ASCII, Latin-1, general punctuation, kana, CJK punctuation and the full-width forms, so a new
  message or name written in kana or ASCII needs no rebuild.

The source is the npm package ``@expo-google-fonts/noto-sans-jp`` (OFL-1.1 font, the Google Fonts
build of Noto Sans JP), fetched once with ``npm pack`` into the git-ignored ``.cache/fonts``; the
licence is copied beside the output and ``assets/fonts/SOURCE.md`` records version and sha256.
``tests/unit/test_i18n.py`` fails, naming this command, when the data or the catalogue gain a
character the font lacks. Nothing is fetched at run time.

Example: ``python tools/font_subset.py`` prints ``assets/fonts/NotoSansJP-subset.woff2: 1234 characters, 456,789 bytes``.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fontTools import subset  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402

from geo.seas import OTHER_SEAS, SEAS  # noqa: E402
from geo.straits import STRAITS  # noqa: E402

PACKAGE = "@expo-google-fonts/noto-sans-jp"
VERSION = "0.4.3"
TARBALL_SHA256 = "563ee80509692e2b2f42ceae6a0b82afecb90daa1b3d025bcebdf3d9120f43a3"
MEMBER = "package/400Regular/NotoSansJP_400Regular.ttf"
LICENCE = "package/LICENSE_FONT"
CACHE = ROOT / ".cache" / "fonts"
OUT = ROOT / "assets" / "fonts"
FONT = OUT / "NotoSansJP-subset.woff2"
#: Text files whose every character the font must draw.
SOURCES = (
    "dashboard/locale/ja/LC_MESSAGES/messages.po", "data/sightings.csv", "data/map_labels.csv",
    "data/gazetteer.csv", "data/ship_classes.csv", "data/events.csv", "data/layers/places.geojson",
)
#: Whole Unicode blocks kept: ASCII and Latin-1, general punctuation (“ ” – …), arrows and the
#: degree and middle dot, CJK symbols and punctuation (、。「」～), hiragana, katakana, full-width forms.
RANGES = ((0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x206F), (0x2190, 0x2193), (0x3000, 0x303F),
          (0x3040, 0x309F), (0x30A0, 0x30FF), (0xFF01, 0xFF65))


def characters(root: Path = ROOT) -> set[str]:
    """Every character the bundled font must hold (see the module docstring)."""
    wanted = {chr(code) for low, high in RANGES for code in range(low, high + 1)}
    for name in SOURCES:
        wanted |= set((root / name).read_text(encoding="utf-8"))
    for text in (*SEAS.values(), *OTHER_SEAS.values(), *(s.japanese for s in STRAITS.values()), "日本語"):
        wanted |= set(text)
    return {c for c in wanted if c.isprintable() or c == " "}


def fetch() -> Path:
    """The npm tarball in ``.cache/fonts`` (``npm pack`` once), its sha256 checked."""
    tarball = CACHE / f"expo-google-fonts-noto-sans-jp-{VERSION}.tgz"
    if not tarball.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"fetching {PACKAGE}@{VERSION} from the npm registry into {CACHE}", file=sys.stderr)
        subprocess.run(["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"], cwd=CACHE, check=True)
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != TARBALL_SHA256:
        raise SystemExit(f"{tarball}: sha256 {digest}, expected {TARBALL_SHA256}; delete it and run again")
    return tarball


def build(tarball: Path) -> tuple[int, int]:
    """Write the subset WOFF2, the licence and SOURCE.md; (characters kept, bytes)."""
    with tarfile.open(tarball) as archive:
        font_bytes = archive.extractfile(MEMBER).read()
        licence = archive.extractfile(LICENCE).read().decode("utf-8")
    font = TTFont(io.BytesIO(font_bytes))
    available = set(font.getBestCmap())
    wanted = sorted(ord(c) for c in characters())
    kept = [code for code in wanted if code in available]
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "palt", "vert", "liga", "ccmp", "locl"]
    options.name_IDs = ["*"]             # keep the copyright, licence and family names
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=kept)
    subsetter.subset(font)
    OUT.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(str(FONT))
    (OUT / "OFL.txt").write_text(licence, encoding="utf-8")
    (OUT / "SOURCE.md").write_text(
        f"# {FONT.name}\n\n"
        f"Noto Sans JP Regular (SIL Open Font License 1.1, `OFL.txt`), from the npm package "
        f"`{PACKAGE}@{VERSION}` (tarball sha256 `{TARBALL_SHA256}`, file `{MEMBER}`), cut by "
        f"`tools/font_subset.py` (fontTools) to {len(kept)} characters: the Japanese catalogue, the data's "
        "Japanese names and text, kana, CJK punctuation, ASCII and Latin-1. The page names it "
        "\"Straitwatch Noto Sans JP\" (assets/i18n.css), a family name of its own, as the OFL asks of a "
        "modified version.\n\n"
        f"Output sha256: `{hashlib.sha256(FONT.read_bytes()).hexdigest()}`, {FONT.stat().st_size:,} bytes.\n",
        encoding="utf-8")
    missing = sorted(set(wanted) - available)
    if missing:
        print(f"not in Noto Sans JP (left to other fonts): {''.join(chr(c) for c in missing)!r}", file=sys.stderr)
    return len(kept), FONT.stat().st_size


if __name__ == "__main__":
    count, size = build(fetch())
    print(f"{FONT.relative_to(ROOT)}: {count} characters, {size:,} bytes")
