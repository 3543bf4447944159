"""Read a Joint Staff Office release about Russian Navy movements into sightings.

Japan's Joint Staff Office (JSO) announces each movement in a one-page Japanese PDF in a
fixed form: the date and time, the position as a distance and bearing from a named place,
the heading, the ships (class and hull number), what they did next (the strait they
transited), the earlier movements they are "the same as", and the JSDF units that watched.
:func:`parse_release` turns the text of one release (:func:`pdf_text` extracts it from the
PDF) into one :class:`ReleaseSighting` per sighting paragraph; the figure captions and the
legend after the body are ignored.

The parser reads the forms a release is met in: the PDF's text, and the same words reprinted
on the web (half-width digits and brackets, no title or date line: the report date then comes
from the file name or the caller). Dates in 令和 and 平成 (元年 too) or with no year; ship
lists with or without 艦番号, counts before the hull numbers, hulls joined by 「」「」, 、 or 及び,
計/合計 totals, Chinese and Russian ships in one list; positions with or without の, the
prefecture first or in brackets; a second sighting in 「また、…」; itineraries that name
several passages (every passage kept, the first is the sighting's). A text with no sighting
sentence is :class:`NotAMovementRelease`; a sighting sentence with a part it cannot read is
kept with what was read and the part in :attr:`ReleaseSighting.review`, never refused.

The parser knows the form, never a particular release: every value comes from the text.
All patterns are bounded (no unbounded run can backtrack), so time grows linearly with the
input, and the input is capped at :data:`MAX_CHARS` before any pattern runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from geo.compass import JAPANESE
from sightings.text import strip_controls

#: Longest release text read (a release is about 3,000 characters; the cap bounds the work).
MAX_CHARS = 2_000_000
#: Largest release PDF read (the shared PDFs are 0.3 to 1.7 MB, most of it photographs).
MAX_PDF_BYTES = 20 * 1024 * 1024
#: Longest part of a text quoted in a review note (a real ship entry is under 60 characters).
QUOTE_CHARS = 200
#: Most pages read from a release PDF (the shared releases have 5 to 7: one of text, then figures).
MAX_PDF_PAGES = 50
#: Most characters extracted from a release PDF (a release extracts to about 1,500; 100 times that).
MAX_PDF_CHARS = 150_000
#: Longest a release PDF may take to read, in seconds (the shared releases take 0.1 to 0.3 s).
MAX_PDF_SECONDS = 10.0
#: Most content-stream bytes parsed from a release PDF, all pages together (a release has about 60 KB).
MAX_PDF_CONTENT_BYTES = 2 * 2**20
#: Where releases live: a release's URL is this, its year and its file name (:func:`release_url`).
RELEASES = "https://www.mod.go.jp/js/pdf"
#: The credit the Joint Staff Office's terms of use ask of a work made from its releases, in its words
#: (every attribution of the data and the Japanese briefing paragraph quote it from here).
CREDIT_JA = "出典：統合幕僚監部ウェブサイトを加工して作成"
RELEASE_NAME = re.compile(r"^p(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})_(?P<n>\d{2})$")

#: Japanese eras a release dates by: the Gregorian year before the era's first (令和元年 = 2019,
#: 平成元年 = 1989; 平成３１年 and 令和元年 are both 2019).
ERAS = {"令和": 2018, "平成": 1988}
NAVIES = {"ロシア海軍": "russia", "中国海軍": "china"}

_BEARING = "|".join(sorted(JAPANESE.values(), key=len, reverse=True))
_DIGITS = "[0-9]{1,4}"
#: A character of a place or sea name: kanji and katakana (東シナ海, オホーツク海, フィリピン海).
_KANJI = "[\u4e00-\u9fff々ヶ\u30a1-\u30fa\u30fc]"
_WEEKDAY = "[（(][月火水木金土日][）)]"
#: The prefectures a reprint may write before a place (「青森県尻屋崎の…」).
_PREFECTURES = r"北海道|東京都|京都府|大阪府|[\u4e00-\u9fff]{2,3}県"
_PREFECTURE_FIRST = re.compile(rf"^(?P<pref>{_PREFECTURES})(?P<rest>.{{1,24}})$")
_IS_PREFECTURE = re.compile(rf"^(?:{_PREFECTURES})$")


def _day(tag: str = "") -> str:
    """A date as releases write it: optional year (era or Western) and month, the day (groups named with ``tag``)."""
    return (rf"(?:(?:(?P<eraname{tag}>令和|平成)(?P<era{tag}>元|[0-9]{{1,2}})|(?P<year{tag}>(?:19|20)[0-9]{{2}}))年)?"
            rf"(?:(?P<month{tag}>[0-9]{{1,2}})月)?(?P<day{tag}>[0-9]{{1,2}})日")


_DAY = rf"{_day()}(?:{_WEEKDAY})?"
_TIME = r"(?P<time>正午|(?P<ampm>午前|午後)(?P<hour>[0-9]{1,2})時(?:(?P<minute>[0-9]{1,2})分)?)(?:頃|ごろ)"
_HEAD_FORM = rf"(?:また、)?(?:(?P<same_day>同日)|(?:同月)?{_DAY})、?(?:{_TIME})?(?:に?は)?、?海上自衛隊は、"
_HEAD = re.compile(rf"^{_HEAD_FORM}")
_HEAD_ANYWHERE = re.compile(_HEAD_FORM)
_DATE_LINE = re.compile(_day())
_POSITION = re.compile(
    rf"海上自衛隊は、(?P<anchor>[^、。（）]{{1,24}}?)(?:（(?P<pref>[^）]{{1,6}})）)?の?"
    rf"(?P<bearing>{_BEARING})約(?P<km>{_DIGITS})(?:ｋｍ|km|ＫＭ|KM|キロメートル|キロ)の?(?:海域|地点)(?:において|で)、?"
    rf"(?:同海域を(?:(?P<heading>{_BEARING})進|(?P<other>[^、。する]{{1,6}}))する)?"
)
_SHIPS_END = re.compile(r"を確認した。?$")
_NAVY_NAMED = re.compile("|".join(NAVIES))
_COUNT = re.compile(r"(?:(?:の|、)?合?計|の)(?P<n>[0-9]{1,3})隻(?:の艦艇)?が?$")
_SHIP = re.compile(
    rf"^(?:(?P<navy>ロシア海軍|中国海軍)(?:艦艇)?の?)?(?P<cls>[^（）「」]{{1,40}}?)(?:「[^「」（）]{{1,12}}」)?"
    rf"(?:(?P<n>[0-9]{{1,3}})隻)?(?:（(?:艦番号)?(?P<hulls>(?:「[0-9]{{1,4}}」(?:、|及び)?){{1,20}})）)?$"
)
_HULL = re.compile(r"「([0-9]{1,4})」")
_BRACKET = re.compile(r"（([^（）]{1,6})）")
_STRAIT = re.compile(rf"(?P<name>{_KANJI}{{1,4}}海峡)を(?P<dir>{_BEARING})進")
_BETWEEN = re.compile(
    rf"(?P<a>{_KANJI}{{1,8}})(?:（[^）]{{1,6}}）)?と(?P<b>{_KANJI}{{1,8}})(?:（[^）]{{1,6}}）)?と?"
    rf"の間の(?:海域|接続水域|水域)を(?P<dir>{_BEARING})進"
)
_TOWARD = re.compile(rf"(?P<sea>{_KANJI}{{1,8}}|太平洋)へ向けて航行")
_UNITS = re.compile(r"^防衛省・自衛隊は、海上自衛隊の?(?P<units>.{1,600}?)により、")
_REF_DAY = re.compile(rf"{_day()}{_WEEKDAY}(?:から{_day('2')}{_WEEKDAY}にかけて)?")
_REF_MOVE = re.compile(rf"(?P<place>[^、。]{{1,40}}?)を(?P<dir>{_BEARING})進")
_FOOTER = "統合幕僚監部報道発表資料"
#: How every movement release's title ends (「ロシア海軍艦艇の動向について」); a PDF states it on its
#: first page with text, so a PDF without it is refused before its other pages are read.
_TITLE_END = "動向について"
_CHINESE_ONLY_TITLE = re.compile(r"(?<!及び)中国海軍艦艇の動向について")
#: Where the body's sentences break: after 。, before the closing sentence, around the page footer.
_BREAK = re.compile(rf"。|防衛省・自衛隊は、|{_FOOTER}(?:https?://[!-~]{{1,200}})?")
#: The body ends with the sentence naming the JSDF units; figure captions and the legend follow.
_CLOSING = re.compile(r"防衛省・自衛隊は、[^。]{1,600}。")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: How a reprint writes what the PDF writes full-width: one character for one, so positions agree.
_PLAIN = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                        "(": "（", ")": "）", "｢": "「", "｣": "」", "､": "、", "｡": "。"})


class ReleaseError(ValueError):
    """A text that is not a readable JSO movement release; the message says what is missing."""


class NotAMovementRelease(ReleaseError):
    """A text with no sighting sentence: another kind of release (relief, exercise, statistics...)."""


class NoExtractableText(ReleaseError):
    """A PDF whose pages give no text (a scanned image): a person must read it."""


@dataclass(frozen=True)
class Ship:
    """One entry of a release's ship list: a class, how many, and their hull numbers as written."""

    navy: str                     # "russia" or "china"
    class_ja: str
    count: int
    hulls: tuple[str, ...] = ()


@dataclass(frozen=True)
class BackRef:
    """An earlier movement a release says were the same ships (「…と同一である」)."""

    first: dt.date
    last: dt.date
    place_ja: str                 # a passage ("対馬海峡", "AとBの間") or other waters
    direction_ja: str             # "南西進"
    navy: str                     # whose ships the reference is about: "russia", "china" or "all"


@dataclass(frozen=True)
class ReleaseSighting:
    """What one sighting paragraph of a release states, with the release it comes from."""

    file: str
    url: str
    report_date: dt.date
    event_date: dt.date
    event_time: str               # "HH:MM", local time ("about", 頃)
    anchor_ja: str
    anchor_prefecture: str
    bearing_ja: str
    distance_km: int | None       # None when no position could be read (see review)
    heading_ja: str               # "" when the ships loitered (遊弋) or no heading is given
    ships: tuple[Ship, ...]
    ships_total: int
    passage_ja: str               # "" unless the text says a strait or passage was transited
    passage_direction_ja: str
    toward_ja: str                # the sea the ships then sailed toward, as written ("日本海")
    same_as_ja: str
    back_refs: tuple[BackRef, ...]
    observed_by: tuple[str, ...]
    text_ja: str                  # the sighting's sentences, lines joined
    warnings: tuple[str, ...] = field(default=())
    #: every passage the text says was transited, in the order written: (name, direction)
    passages: tuple[tuple[str, str], ...] = field(default=())
    #: what the parser could not read, verbatim with the reason: the sighting needs a reader
    review: tuple[str, ...] = field(default=())
    #: ship entries not read, verbatim, with the navy in force ("" when none was named yet)
    unread: tuple[tuple[str, str], ...] = field(default=())

    @property
    def russian(self) -> tuple[Ship, ...]:
        return tuple(s for s in self.ships if s.navy == "russia")

    @property
    def chinese(self) -> tuple[Ship, ...]:
        return tuple(s for s in self.ships if s.navy == "china")

    @property
    def russian_ships(self) -> int:
        return sum(s.count for s in self.russian)

    @property
    def with_chinese(self) -> bool:
        return bool(self.chinese)

    @property
    def unread_russian(self) -> tuple[str, ...]:
        """Ship entries not read that may be Russian (under ロシア海軍, or before any navy is named)."""
        return tuple(text for navy, text in self.unread if navy in ("russia", ""))


def release_url(name: str, base: str = RELEASES) -> str:
    """The JSO address of a release named like ``p20260629_02`` (``.pdf``/``.txt`` allowed), under
    ``base`` (:data:`RELEASES`; ``sightings fetch --base-url`` gives another, e.g. a local mirror).

    Examples
    --------
    >>> release_url("p20260629_02.txt")          # the year folder comes from the name
    'https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf'
    >>> release_url("p20260629_02", "http://127.0.0.1:8000/pdf/")
    'http://127.0.0.1:8000/pdf/2026/p20260629_02.pdf'
    >>> release_url("release.pdf")
    Traceback (most recent call last):
    ...
    sightings.jso.ReleaseError: file name 'release.pdf' is not a release name like 'p20260629_02.pdf'; rename it as on the JSO site or pass the URL
    """
    stem = Path(name).stem
    match = RELEASE_NAME.match(stem)
    if not match:
        raise ReleaseError(f"file name {name!r} is not a release name like 'p20260629_02.pdf'; "
                           "rename it as on the JSO site or pass the URL")
    return f"{base.rstrip('/')}/{match.group('year')}/{stem}.pdf"


def pdf_text(raw: bytes, max_pages: int = MAX_PDF_PAGES, max_chars: int = MAX_PDF_CHARS,
             max_seconds: float = MAX_PDF_SECONDS) -> str:
    """The text of a release PDF, page after page, as pypdf extracts it, within fixed bounds.

    A hostile PDF can make pypdf work for hours (20,000 pages sharing one content stream)
    or extract megabytes from a few kilobytes, so the bounds hold *while* extracting: at
    most ``max_pages`` pages, :data:`MAX_PDF_CONTENT_BYTES` of content streams (counted
    before each is parsed), ``max_chars`` characters and ``max_seconds`` seconds (checked
    at every content operator, so one huge page stops too), with pypdf's own limits
    tightened to the size of a release. The title must be on the first page with text, so
    a PDF that is not a movement release is refused before its other pages are read. Every
    error pypdf raises becomes a :class:`ReleaseError` saying what is wrong.

    Examples
    --------
    >>> try:
    ...     pdf_text(b"GIF89a")
    ... except ReleaseError as exc:
    ...     print(exc)
    not a PDF file (it does not start with %PDF-)
    """
    if len(raw) > MAX_PDF_BYTES:
        raise ReleaseError(f"the PDF is {len(raw) // 2**20} MB; a release is at most "
                           f"{MAX_PDF_BYTES // 2**20} MB")
    if not raw.startswith(b"%PDF-"):
        raise ReleaseError("not a PDF file (it does not start with %PDF-)")
    budget = _PdfBudget(max_chars, time.monotonic() + max_seconds, max_seconds)
    try:
        with _pypdf_bounded():
            return _pdf_pages_text(raw, max_pages, budget)
    except _BudgetSpent as spent:
        raise ReleaseError(str(spent)) from None
    except ReleaseError:
        raise
    except Exception as exc:       # noqa: BLE001 - pypdf parses hostile bytes; any error it raises means "unreadable"
        raise ReleaseError(f"the PDF cannot be read ({_pypdf_problem(exc)})") from None


def _pdf_pages_text(raw: bytes, max_pages: int, budget: "_PdfBudget") -> str:
    from pypdf import PdfReader

    reader = PdfReader(_DeadlineBytes(raw, budget))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ReleaseError("the PDF is password-protected; save an unprotected copy")
    count = len(reader.pages)
    if count == 0:
        raise ReleaseError("the PDF has no pages")
    if count > max_pages:
        raise ReleaseError(f"the PDF has {count:,} pages; a release has at most {max_pages}")
    texts: list[str] = []
    titled = False
    for number in range(count):
        page = reader.pages[number]
        for size in _content_sizes(page):
            budget.content(size)
        text = page.extract_text(visitor_operand_before=budget.operator, visitor_text=budget.text) or ""
        texts.append(text)
        budget.extracted(sum(map(len, texts)))
        if not titled and text.strip():
            if _TITLE_END not in normalise(text):
                raise NotAMovementRelease(f"not a movement release: no title (「…艦艇の動向について」) on page {number + 1}, the first page "
                                   "with text; is it a JSO release about ship movements?")
            titled = True
    if not titled:
        raise NoExtractableText(f"no extractable text on any of its {count} page(s) (a scanned image?); "
                           "a release PDF from the JSO site has selectable text, or give the text as a .txt")
    return "\n".join(texts)


class _DeadlineBytes(io.BytesIO):
    """The PDF's bytes, checking the deadline at every read: pypdf's repair of a broken file
    (searching 20 MB backwards for ``%%EOF``, line by line) happens before any page exists."""

    def __init__(self, raw: bytes, budget: "_PdfBudget"):
        super().__init__(raw)
        self.budget = budget

    def read(self, size: int | None = -1) -> bytes:
        self.budget.check()
        return super().read(size)


class _BudgetSpent(BaseException):
    """Raised from inside pypdf's extraction when a bound is reached.

    A BaseException, not an Exception, because pypdf swallows ``Exception`` raised while it
    extracts a form XObject (and goes on with the page); this one passes through to
    :func:`pdf_text`, like KeyboardInterrupt would.
    """


@dataclass
class _PdfBudget:
    """What a PDF may still cost: characters extracted, and a deadline (checked per operator)."""

    max_chars: int
    deadline: float
    seconds: float
    chars: int = 0
    content_bytes: int = 0

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise _BudgetSpent(f"reading the PDF took more than {self.seconds:g} s (a release takes "
                               "under 1 s); it is not a release, or it is built to be slow")
        if self.chars > self.max_chars:
            raise _BudgetSpent(f"the PDF holds more than {self.max_chars:,} characters of text (a release "
                               "has about 3,000); it is not a single release")

    def content(self, size: int) -> None:
        """Before a page is parsed: its content stream counts, a page shared by many counts each time."""
        self.check()
        self.content_bytes += size
        if self.content_bytes > MAX_PDF_CONTENT_BYTES:
            raise _BudgetSpent(f"the PDF's pages hold more than {MAX_PDF_CONTENT_BYTES // 2**20} MB of content "
                               "(a release has about 0.1 MB); it is not a single release")

    def operator(self, *_) -> None:
        """Before each content operator (inside forms too): the deadline."""
        self.check()

    def text(self, text: str, *_) -> None:
        """Each piece of text pypdf extracts (exact characters)."""
        self.chars += len(text)
        self.check()

    def extracted(self, chars: int) -> None:
        """After a page: the exact count of the text so far (the pieces may miss line breaks)."""
        self.chars = max(self.chars, chars)
        self.check()


def _content_sizes(page):
    """Decoded size of each of a page's content streams, the input pypdf parses before any text comes out.

    One at a time, so that the budget stops an array of many large streams at the first
    that goes past it, before the others are decoded.
    """
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else []
    for part in contents if isinstance(contents, list) else [contents]:
        stream = part.get_object()
        if hasattr(stream, "get_data"):
            yield len(stream.get_data() or b"")


#: pypdf's limits, tightened to a release (a few pages, a few thousand operators per page).
_PYPDF_LIMITS = {
    "stream_parsing_work_maximum_count": 500_000,
    "page_tree_maximum_entries": 1_000,
    "page_tree_maximum_depth": 20,
    "page_tree_maximum_page_entries": 100_000,
    "xform_maximum_invocations_per_extraction": 100,
    "zlib_maximum_output_length": MAX_PDF_CONTENT_BYTES,
    "array_based_stream_maximum_output_length": MAX_PDF_CONTENT_BYTES,
}


@contextlib.contextmanager
def _pypdf_bounded():
    """pypdf with :data:`_PYPDF_LIMITS`, its warnings kept off the terminal (the refusal says enough)."""
    import logging

    from pypdf import apply_configuration

    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        with apply_configuration(**_PYPDF_LIMITS):
            yield
    finally:
        log.setLevel(level)


def _pypdf_problem(exc: Exception) -> str:
    """One line saying what pypdf could not do: the kind of failure, then its own words."""
    from pypdf.errors import LimitReachedError

    kinds = ((LimitReachedError, "it goes past a safety limit of the PDF reader"),
             (RecursionError, "its objects are nested or linked too deeply"),
             (NotImplementedError, "it uses a feature pypdf cannot read"),
             ((AttributeError, KeyError, TypeError, IndexError, ValueError), "its objects are malformed"))
    message = " ".join(str(exc).split())[:200]
    kind = next((text for classes, text in kinds if isinstance(exc, classes)), "")
    detail = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return f"{kind}: {detail}" if kind else detail


def normalise(text: str) -> str:
    """Join the lines of extracted text and drop the spaces PDF extraction puts between characters.

    Japanese has no spaces between words, so every run of white space next to a non-ASCII
    character is noise ("約  \\n１１０ｋｍ", "「 くまたか 」"). Items of a numbered list (①,
    ②, ...) are kept apart by one space. Characters are kept as written (full-width digits,
    Ⅲ): the text is quoted verbatim, less control characters and lone surrogates
    (:func:`sightings.text.strip_controls`), which no release states and no file may hold.

    Each run of white space is looked at once, with the characters on either side of it, so
    the time is linear in the text (a pattern with a lookahead after ``\\s+`` retried the
    whole run from each of its positions: 40,000 spaces took 12 s).

    Examples
    --------
    >>> normalise("約 \\n １１０ｋｍ の海域 in  the  PDF\\x00")
    '約１１０ｋｍの海域in  the  PDF'
    """
    joined = "".join(line.strip() for line in strip_controls(text).splitlines())
    joined = _SPACE_RUN.sub(_space_run, joined)
    return re.sub(rf"(?<=[^。\s])(?=[{_CIRCLED}])", " ", joined)


_SPACE_RUN = re.compile(r"\s+")


def _space_run(match: re.Match) -> str:
    """What stays of one run of white space: nothing next to a non-ASCII character.

    A run between ASCII characters stays whole; a run touching a non-ASCII character goes.
    A non-ASCII space inside the run (U+3000) is such a character: the spaces before it go,
    and it stays only when an ASCII space precedes it (the rule of the former pattern,
    ``\\s+(?=[^\\x00-\\x7f])|(?<=[^\\x00-\\x7f])\\s+``, applied once per run).
    """
    run, text, start, end = match.group(), match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if not after.isascii():
        return ""
    if run.isascii():
        return run if before.isascii() else ""
    last = max(i for i, char in enumerate(run) if not char.isascii())
    prior = run[last - 1] if last else before
    return run[last] if prior.isascii() else ""


def plain(text: str) -> str:
    """The text as the patterns read it: ASCII digits, full-width brackets and punctuation.

    One character for one, so a span of the plain text is the same span of the text as
    written (values quoted verbatim come from the written text). A reprint's half-width
    「(北海道)」 and 「50」 read as the PDF's 「（北海道）」 and 「５０」.

    >>> plain("(北海道)の北約５０km")
    '（北海道）の北約50km'
    """
    return text.translate(_PLAIN)


def parse_release(text: str, file: str, url: str | None = None,
                  report_date: dt.date | None = None) -> list[ReleaseSighting]:
    """Every sighting of one release, in the order written.

    ``file`` names the release (``p20260629_02.pdf``); ``url`` defaults to the JSO address
    built from it. The report date is the release's date line; a text without one (a
    reprint) takes ``report_date``, else the date in the file name. Raises
    :class:`NotAMovementRelease` when the text has no sighting sentence, and
    :class:`ReleaseError` when it cannot be a release (too long, no report date).

    >>> [s.distance_km for s in parse_release(
    ...     "2026年6月28日(日)正午頃、海上自衛隊は、宗谷岬(北海道)の北西約50kmの海域において、"
    ...     "同海域を西進するロシア海軍ウダロイⅠ級駆逐艦(艦番号「123」)を確認した。", "p20260629_02.txt")]
    [50]
    """
    if not isinstance(text, str):
        raise ReleaseError("a release is text (str)")
    if len(text) > MAX_CHARS:
        raise ReleaseError(f"the text has {len(text):,} characters; a release has at most {MAX_CHARS:,}")
    url = url or release_url(file)
    if not strip_controls(text).strip():
        raise ReleaseError(f"{file}: no text (an empty file, or a PDF without extractable text)")
    written = normalise(text)
    read = plain(written)
    first_head = _HEAD_ANYWHERE.search(read)
    if not first_head and _CHINESE_ONLY_TITLE.search(read[:600]):
        return []                      # a Chinese Navy movement written as a table: no Russian ships
    if not first_head:
        raise NotAMovementRelease(
            f"{file}: not a movement release: no sighting sentence (「…日…頃、海上自衛隊は、…を確認した。」)")
    start = first_head.start()          # the body: from the first sighting sentence (title or not)
    closing = _CLOSING.search(read, start)
    end = closing.end() if closing else len(read)
    report = _report_date(read[:start], file, report_date)
    sentences = _sentences(written[start:end], read[start:end])
    heads = [i for i, (_, p) in enumerate(sentences) if _HEAD.match(p)]
    if not heads:
        raise NotAMovementRelease(f"{file}: not a movement release: no sighting sentence in the body")
    units = next((m for w, _ in sentences for m in [_UNITS.match(w)] if m), None)
    observed = tuple(_split_top(units.group("units"))) if units else ()
    sightings = []
    previous: dt.date | None = None
    mentions = _first_mentions(read[start:end])
    for k, first in enumerate(heads):
        stop = heads[k + 1] if k + 1 < len(heads) else len(sentences)
        part = [pair for pair in sentences[first:stop] if not _UNITS.match(pair[1])]
        sighting = _sighting(part, file, url, report, previous, observed, mentions)
        previous = sighting.event_date
        sightings.append(sighting)
    return sightings


def _report_date(header: str, file: str, given: dt.date | None) -> dt.date:
    """The date line at the top (an era date: 令和８年６月２９日), else the caller's date, else the file name's.

    A Western date before the body is a web page's own date, not the announcement: not read.
    """
    lines = list(_DATE_LINE.finditer(header[-200:]))
    dated = [m for m in lines if m.group("month") and m.group("eraname")]
    if dated:
        match = dated[-1]
        return _date(_year(match, ""), int(match.group("month")), int(match.group("day")), file)
    if given is not None:
        return given
    name = RELEASE_NAME.match(Path(file).stem)
    if name:
        return _date(int(name.group("year")), int(name.group("month")), int(name.group("day")), file)
    raise ReleaseError(f"{file}: no date line (令和N年M月D日) at the top of the release and no date in the "
                       "file name; name the file like p20260629_02.txt or pass --report-date YYYY-MM-DD")


def _year(match: re.Match, tag: str) -> int | None:
    """The Gregorian year of a date match (令和元年 = 2019, 平成３０年 = 2018), None without a year."""
    if match.group(f"year{tag}"):
        return int(match.group(f"year{tag}"))
    era = match.group(f"era{tag}")
    if not era:
        return None
    return ERAS[match.group(f"eraname{tag}")] + (1 if era == "元" else int(era))


def _sentences(written: str, read: str) -> list[tuple[str, str]]:
    """Sentences as (written, plain): ended by 。, the closing 防衛省・自衛隊は… on its own, footers dropped."""
    cuts = {0, len(read)}
    for mark in _BREAK.finditer(read):
        if mark.group() == "。":
            cuts.add(mark.end())
        else:
            cuts.update((mark.start(), mark.end()) if mark.group().startswith(_FOOTER) else (mark.start(),))
    bounds = sorted(cuts)
    pairs = [(written[a:b].strip(), read[a:b].strip()) for a, b in zip(bounds, bounds[1:])]
    return [(w, r) for w, r in pairs if r and not r.startswith(_FOOTER)]


def _sighting(part: list[tuple[str, str]], file: str, url: str, report_date: dt.date, previous: dt.date | None,
              observed: tuple[str, ...], mentions: dict[str, str]) -> ReleaseSighting:
    head_written, head = part[0]
    warnings: list[str] = []
    review: list[str] = []
    head_match = _HEAD.match(head)
    event_date = _event_date(head_match, report_date, previous, file)
    if head_match.group("same_day") and previous is None:
        review.append("「同日」 (the same day) with no earlier date in the text: the report date is used")
    position = _POSITION.search(head)
    if position:
        ships_at = position.end()
        anchor, prefecture = _anchor(position.group("anchor"), position.group("pref") or "")
    else:
        navy = _NAVY_NAMED.search(head, head_match.end())
        ships_at = navy.start() if navy else len(head)
        anchor, prefecture = "", ""
        review.append(f"no position (「…の方位約Nｋｍの海域において」) read in 「{_quote(head_written[:ships_at])}」")
    ships_end = _SHIPS_END.search(head, ships_at)
    if not ships_end:
        review.append("the ship list does not end in 「を確認した」")
    stop = ships_end.start() if ships_end else len(head.rstrip("。"))
    ships, total, unread = _ships(head_written[ships_at:stop], head[ships_at:stop])
    review += [f"ship entry not read, kept verbatim: 「{_quote(item)}」" for _, item in unread]
    counted = sum(s.count for s in ships)
    if total is not None and total != counted and not unread:
        warnings.append(f"the release's total 計{total}隻 differs from the {counted} ships listed")
    unclassed = sorted({s.class_ja for s in ships if s.navy == "russia" and "級" not in s.class_ja})
    if unclassed:
        warnings.append(f"{'/'.join(unclassed)} (no class) listed under ロシア海軍 and counted in the "
                        "release's total; counted as Russian ships as the release counts them")
    same, follow = [], []
    for sentence in part[1:]:
        (same if same or (sentence[1].startswith("なお、") and "同一" in sentence[1]) else follow).append(sentence)
    follow_plain = [p for _, p in follow]
    passages = _passages(follow_plain)
    toward = next((m.group("sea") for s in follow_plain for m in [_TOWARD.search(s)] if m), "")
    same_as = "".join(w for w, _ in same)
    return ReleaseSighting(
        file=file, url=url, report_date=report_date, event_date=event_date,
        event_time=_time(head_match), anchor_ja=anchor,
        anchor_prefecture=prefecture or mentions.get(anchor, ""),
        bearing_ja=position.group("bearing") if position else "",
        distance_km=int(position.group("km")) if position else None,
        heading_ja=(position.group("heading") or "") if position else "",
        ships=tuple(ships), ships_total=total if total is not None else counted,
        passage_ja=passages[0][0] if passages else "", passage_direction_ja=passages[0][1] if passages else "",
        toward_ja=toward, same_as_ja=same_as,
        back_refs=tuple(_back_refs("".join(p for _, p in same), event_date)),
        observed_by=observed, text_ja="".join(w for w, _ in part[:1] + follow), warnings=tuple(warnings),
        passages=tuple(passages), review=tuple(review), unread=tuple(unread),
    )


def _quote(text: str) -> str:
    """Text quoted in a review note: verbatim, or its first :data:`QUOTE_CHARS` characters and "…"."""
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…"


def _anchor(anchor: str, prefecture: str) -> tuple[str, str]:
    """The place a position is measured from, and its prefecture when written before it.

    「青森県尻屋崎」 -> (尻屋崎, 青森県); 「北海道の宗谷岬」 -> (宗谷岬, 北海道).
    """
    before, _, place = anchor.rpartition("の")
    if before and place:
        anchor, prefecture = place, prefecture or (before if _IS_PREFECTURE.match(before) else "")
    first = _PREFECTURE_FIRST.match(anchor)
    if first:
        return first.group("rest"), prefecture or first.group("pref")
    return anchor, prefecture


def _first_mentions(body: str) -> dict[str, str]:
    """Place -> prefecture at its first bracketed mention (a second mention omits the bracket).

    Every tail (up to 24 characters, not crossing 、。（）) of the text before each 「（…）」 is
    a key, so one pass serves every sighting of the release (time linear in the body).
    """
    mentions: dict[str, str] = {}
    for bracket in _BRACKET.finditer(body):
        end = begin = bracket.start()
        while begin > 0 and end - begin < 24 and body[begin - 1] not in "、。（）":
            begin -= 1
        for k in range(begin, end):
            mentions.setdefault(body[k:end], bracket.group(1))
    return mentions
def _event_date(head: re.Match, report_date: dt.date, previous: dt.date | None, file: str) -> dt.date:
    """The date a head sentence states, completing a 同日 or day-only date from the release."""
    if head.group("same_day"):
        return previous or report_date
    reference = previous or report_date
    day = int(head.group("day"))
    year = _year(head, "")
    month = int(head.group("month")) if head.group("month") else reference.month
    if year is not None:
        return _date(year, month, day, file)
    found = _date(reference.year, month, day, file)
    if previous is not None and not head.group("month") and found < previous:   # 「３０日…また、１日」: next month
        found = _date(found.year + found.month // 12, found.month % 12 + 1, day, file)
    if found > report_date:            # a December sighting reported in January
        found = _date(reference.year - 1, month, day, file)
    return found


def _time(head: re.Match) -> str:
    """``HH:MM`` of the head's time (午前/午後 h時 m分頃, 正午); an impossible time is refused, not dropped.

    Releases write 0 to 12 after 午前/午後 (午後０時 is noon) and minutes 0 to 59: anything
    else is a misread or a forgery, and a row must not silently lose its time.
    """
    if head.group("time") is None:
        return ""
    if head.group("time") == "正午":
        return "12:00"
    hour, minute = int(head.group("hour")), int(head.group("minute") or 0)
    if hour > 12 or minute > 59:
        raise ReleaseError(f"impossible time {head.group('time')!r} in {head.group()[:60]!r} "
                           "(expected 午前/午後 0 to 12 時 and 0 to 59 分)")
    return f"{hour % 12 + (12 if head.group('ampm') == '午後' else 0):02d}:{minute:02d}"


def _ships(written: str, read: str) -> tuple[list[Ship], int | None, list[tuple[str, str]]]:
    """The ship list of a head sentence, its total (計/合計) and the entries it could not read.

    Entries are split at 、, 及び and 並びに outside brackets; a navy named once covers the
    entries after it. An entry that is not a ship entry is returned verbatim with the navy
    in force ("" when none is named yet), never guessed.
    """
    ships: list[Ship] = []
    unread: list[tuple[str, str]] = []
    total = None
    navy = ""
    for a, b in _split_spans(read):
        item, item_written = read[a:b], written[a:b]
        for prefix in ("また、", "また"):
            if item.startswith(prefix):
                item, item_written = item[len(prefix):], item_written[len(prefix):]
        count = _COUNT.search(item)
        if count:
            total = int(count.group("n"))    # the last total (合計) counts every ship
            item, item_written = item[:count.start()], item_written[:count.start()]
        if not item:
            continue
        named = _NAVY_NAMED.match(item)
        navy = NAVIES[named.group()] if named else navy
        match = _SHIP.match(item)
        if not match or not match.group("cls").strip() or not navy:
            unread.append((navy, item_written))
            continue
        hulls = tuple(_HULL.findall(match.group("hulls") or ""))
        n = int(match.group("n")) if match.group("n") else max(len(hulls), 1)
        ships.append(Ship(navy, match.group("cls"), n, hulls))
    return ships, total, unread


def _split_top(text: str) -> list[str]:
    """Split at 、, 及び and 並びに outside （） and 「」 (the separators of a Japanese list)."""
    return [text[a:b] for a, b in _split_spans(text)]


def _split_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each item of a Japanese list, blanks at either end left out."""
    spans, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        if char in "（「":
            depth += 1
        elif char in "）」":
            depth = max(depth - 1, 0)
        elif depth == 0 and (char == "、" or text.startswith("及び", i) or text.startswith("並びに", i)):
            spans.append((start, i))
            i += 1 if char == "、" else (2 if char == "及" else 3)
            start = i
            continue
        i += 1
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _passages(sentences: list[str]) -> list[tuple[str, str]]:
    """Every strait or inter-island passage the text says was transited, in order, with its direction."""
    found: dict[tuple[str, str], None] = {}          # ordered, each passage once
    for sentence in sentences:
        matches = sorted([*_STRAIT.finditer(sentence), *_BETWEEN.finditer(sentence)], key=lambda m: m.start())
        for match in matches:
            name = match.group("name") if "name" in match.groupdict() else f"{match.group('a')}と{match.group('b')}の間"
            found.setdefault((name, match.group("dir") + "進"))
    return list(found)


def _back_refs(same_as: str, event_date: dt.date) -> list[BackRef]:
    """The dated movements of a 「…と同一である」 text, each with whose ships it is about."""
    refs = []
    year, month = event_date.year, event_date.month
    days = list(_REF_DAY.finditer(same_as))
    subject, read_to = "all", 0
    for k, day in enumerate(days):
        stop = days[k + 1].start() if k + 1 < len(days) else len(same_as)
        move = _REF_MOVE.search(same_as, day.end(), stop)
        subject = _subject(same_as[read_to:day.start()], subject)   # each stretch read once: linear
        read_to = day.start()
        if _year(day, "") is not None:
            year = _year(day, "")
        month = int(day.group("month")) if day.group("month") else month
        first = _plausible(year, month, int(day.group("day")), event_date)
        last = first
        if day.group("day2"):
            year2 = _year(day, "2") if _year(day, "2") is not None else first.year
            month2 = int(day.group("month2")) if day.group("month2") else first.month
            last = _date(year2, month2, int(day.group("day2")), "back-reference")
            if last < first:           # 「１２月３０日から１月２日にかけて」, 「３０日から２日にかけて」
                last = _date(year2 + 1, month2, last.day, "back-reference") if day.group("month2") \
                    else _next_month(last)
            month = last.month
        year = first.year
        if not move:
            continue
        place = _place(move.group("place"))
        refs.append(BackRef(first, last, place, move.group("dir") + "進", subject))
    return refs


def _place(text: str) -> str:
    """A reference's waters in the passage vocabulary: prefectures dropped, 「との間の海域」 -> 「の間」."""
    text = re.sub(r"（[^）]{1,6}）", "", text)
    text = re.sub(r"^[、には]{1,3}", "", text)
    text = re.sub(r"との間|と の間", "の間", text)
    return re.sub(r"の間の(?:海域|接続水域|水域)$", "の間", text)


def _subject(stretch: str, so_far: str) -> str:
    """Whose ships the back-reference is about: the last navy named before it, else ``so_far``."""
    last = max(((stretch.rfind(name), navy) for name, navy in NAVIES.items()), default=(-1, so_far))
    return last[1] if last[0] >= 0 else so_far


def _plausible(year: int, month: int, day: int, event_date: dt.date) -> dt.date:
    """A back-referenced date is never after the sighting: without an era it is last year's."""
    found = _date(year, month, day, "back-reference")
    return found if found <= event_date else _date(year - 1, month, day, "back-reference")


def _next_month(day: dt.date) -> dt.date:
    return _date(day.year + day.month // 12, day.month % 12 + 1, day.day, "back-reference")


def _date(year: int, month: int, day: int, where: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ReleaseError(f"{where}: {year}-{month:02d}-{day:02d} is not a date") from None
