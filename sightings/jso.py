"""Read a Joint Staff Office release about Russian Navy movements into sightings.

Japan's Joint Staff Office (JSO) announces each movement in a one-page Japanese PDF in a
fixed form: the date and time, the position as a distance and bearing from a named place,
the heading, the ships (class and hull number), what they did next (the strait they
transited), the earlier movements they are "the same as", and the JSDF units that watched.
:func:`parse_release` turns the text of one release (:func:`pdf_text` extracts it from the
PDF) into one :class:`ReleaseSighting` per sighting paragraph; the figure captions and the
legend after the body are ignored.

The parser knows the form, never a particular release: every value comes from the text.
All patterns are bounded (no unbounded run can backtrack), so time grows linearly with the
input, and the input is capped at :data:`MAX_CHARS` before any pattern runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from sightings.text import strip_controls

#: Longest release text read (a release is about 3,000 characters; the cap bounds the work).
MAX_CHARS = 2_000_000
#: Largest release PDF read (the shared PDFs are 0.3 to 1.7 MB, most of it photographs).
MAX_PDF_BYTES = 20 * 1024 * 1024
#: Most pages read from a release PDF (the shared releases have 5 to 7: one of text, then figures).
MAX_PDF_PAGES = 50
#: Most characters extracted from a release PDF (a release extracts to about 1,500; 100 times that).
MAX_PDF_CHARS = 150_000
#: Longest a release PDF may take to read, in seconds (the shared releases take 0.1 to 0.3 s).
MAX_PDF_SECONDS = 10.0
#: Most content-stream bytes parsed from a release PDF, all pages together (a release has about 60 KB).
MAX_PDF_CONTENT_BYTES = 2 * 2**20
#: Where releases live; the URL of a release is built from its file name.
RELEASE_BASE = "https://www.mod.go.jp/js/pdf/{year}/{name}.pdf"
RELEASE_NAME = re.compile(r"^p(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})_(?P<n>\d{2})$")

#: The 16 Japanese compass points and their English abbreviations (as geo.locate reads them).
BEARINGS_JA = {
    "北": "N", "北北東": "NNE", "北東": "NE", "東北東": "ENE", "東": "E", "東南東": "ESE",
    "南東": "SE", "南南東": "SSE", "南": "S", "南南西": "SSW", "南西": "SW", "西南西": "WSW",
    "西": "W", "西北西": "WNW", "北西": "NW", "北北西": "NNW",
}
#: Reiwa year 1 is 2019.
REIWA_OFFSET = 2018
NAVIES = {"ロシア海軍": "russia", "中国海軍": "china"}

_BEARING = "|".join(sorted(BEARINGS_JA, key=len, reverse=True))
_DIGITS = "[0-9]{1,4}"
_KANJI = "[\u4e00-\u9fff々ヶノ]"
_WEEKDAY = "[（(][月火水木金土日][）)]"
def _day(tag: str = "") -> str:
    """A date as releases write it: optional era year and month, the day (groups named with ``tag``)."""
    return (rf"(?:令和(?P<era{tag}>[0-9]{{1,2}})年)?(?:(?P<month{tag}>[0-9]{{1,2}})月)?"
            rf"(?P<day{tag}>[0-9]{{1,2}})日")


_DAY = rf"{_day()}(?:{_WEEKDAY})?"
_TIME = r"(?P<time>正午|(?P<ampm>午前|午後)(?P<hour>[0-9]{1,2})時(?:(?P<minute>[0-9]{1,2})分)?)頃"
_HEAD = re.compile(
    rf"^(?:また、)?(?:(?P<same_day>同日)|(?:同月)?{_DAY})、?(?:{_TIME})?(?:に?は)?、?海上自衛隊は、"
)
_POSITION = re.compile(
    rf"海上自衛隊は、(?:[^、。（]{{1,12}}の)?(?P<anchor>[^、。（）]{{1,16}}?)(?:（(?P<pref>[^）]{{1,6}})）)?の"
    rf"(?P<bearing>{_BEARING})約(?P<km>{_DIGITS})ｋｍの(?:海域|地点)において、"
    rf"(?:同海域を(?:(?P<heading>{_BEARING})進|(?P<other>[^、。する]{{1,6}}))する)?"
)
_SHIPS_END = re.compile(r"を確認した。?$")
_COUNT = re.compile(r"(?:の|、)?合?計(?P<n>[0-9]{1,3})隻(?:の艦艇)?$")
_SHIP = re.compile(
    rf"^(?:(?P<navy>ロシア海軍|中国海軍)(?:艦艇)?)?(?P<cls>[^（）「」]{{1,40}}?)"
    rf"(?:(?P<n>[0-9]{{1,3}})隻)?(?:（艦番号(?P<hulls>(?:「[0-9]{{1,4}}」(?:、|及び)?){{1,20}})）)?$"
)
_HULL = re.compile(r"「([0-9]{1,4})」")
_STRAIT = re.compile(rf"(?P<name>{_KANJI}{{1,4}}海峡)を(?P<dir>{_BEARING})進")
_BETWEEN = re.compile(
    rf"(?P<a>{_KANJI}{{1,8}})(?:（[^）]{{1,6}}）)?と(?P<b>{_KANJI}{{1,8}})(?:（[^）]{{1,6}}）)?と?"
    rf"の間の(?:海域|接続水域|水域)を(?P<dir>{_BEARING})進"
)
_TOWARD = re.compile(rf"(?P<sea>{_KANJI}{{1,6}}|太平洋)へ向けて航行")
_UNITS = re.compile(r"^防衛省・自衛隊は、海上自衛隊の?(?P<units>.{1,600}?)により、")
_REF_DAY = re.compile(rf"{_day()}{_WEEKDAY}(?:から{_day('2')}{_WEEKDAY}にかけて)?")
_REF_MOVE = re.compile(rf"(?P<place>[^、。]{{1,40}}?)を(?P<dir>{_BEARING})進")
_FOOTER = "統合幕僚監部報道発表資料"
_TITLE_END = "動向について"
#: The body ends with the sentence naming the JSDF units; figure captions and the legend follow.
_CLOSING = re.compile(r"防衛省・自衛隊は、[^。]{1,600}。")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class ReleaseError(ValueError):
    """A text that is not a readable JSO movement release; the message says what is missing."""


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
    distance_km: int
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


def release_url(name: str) -> str:
    """The JSO address of a release named like ``p20260629_02`` (``.pdf``/``.txt`` allowed)."""
    stem = Path(name).stem
    match = RELEASE_NAME.match(stem)
    if not match:
        raise ReleaseError(f"file name {name!r} is not a release name like 'p20260629_02.pdf'; "
                           "rename it as on the JSO site or pass the URL")
    return RELEASE_BASE.format(year=match.group("year"), name=stem)


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
                raise ReleaseError(f"no title (「…艦艇の動向について」) on page {number + 1}, the first page "
                                   "with text; is it a JSO release about ship movements?")
            titled = True
    if not titled:
        raise ReleaseError(f"no extractable text on any of its {count} page(s) (a scanned image?); "
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


def ascii_digits(text: str) -> str:
    """Full-width digits as ASCII, character for character (positions stay the same)."""
    return text.translate(_FULLWIDTH_DIGITS)


def parse_release(text: str, file: str, url: str | None = None) -> list[ReleaseSighting]:
    """Every sighting of one release, in the order written.

    ``file`` names the release (``p20260629_02.pdf``); ``url`` defaults to the JSO address
    built from it. Raises :class:`ReleaseError` when the text is not such a release.
    """
    if not isinstance(text, str):
        raise ReleaseError("a release is text (str)")
    if len(text) > MAX_CHARS:
        raise ReleaseError(f"the text has {len(text):,} characters; a release has at most {MAX_CHARS:,}")
    url = url or release_url(file)
    _check_title(text, file)
    header, title, rest = normalise(text).partition(_TITLE_END)
    closing = _CLOSING.search(rest)
    body = rest[:closing.end()] if closing else rest.split(_FOOTER, 1)[0]
    if not title:
        raise ReleaseError(f"{file}: no title (「…艦艇の動向について」); is it a JSO release about ship movements?")
    report_date = _report_date(ascii_digits(header), file)
    sentences = _sentences(body)
    heads = [i for i, s in enumerate(sentences) if _HEAD.match(ascii_digits(s))]
    if not heads:
        raise ReleaseError(f"{file}: no sighting sentence (「…海上自衛隊は、…を確認した。」) in the text; "
                           "is it a JSO release about ship movements?")
    units = next((_UNITS.match(s) for s in sentences if _UNITS.match(s)), None)
    observed = tuple(_split_top(units.group("units"))) if units else ()
    sightings = []
    previous: dt.date | None = None
    for k, start in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(sentences)
        part = [s for s in sentences[start:end] if not _UNITS.match(s)]
        sighting = _sighting(part, file, url, report_date, previous, observed, body)
        previous = sighting.event_date
        sightings.append(sighting)
    return sightings


#: A release's title stands in its first lines; only this much is read to find it.
TITLE_WITHIN = 10_000


def _check_title(text: str, file: str) -> None:
    """Refuse a text that is not a movement release before the whole of it is parsed."""
    if not strip_controls(text).strip():
        raise ReleaseError(f"{file}: no text (an empty file, or a PDF without extractable text)")
    if _TITLE_END not in normalise(text[:TITLE_WITHIN]):
        raise ReleaseError(f"{file}: no title (「…艦艇の動向について」) in its first {TITLE_WITHIN:,} characters; "
                           "is it a JSO release about ship movements?")


def _report_date(header: str, file: str) -> dt.date:
    match = re.search(r"令和([0-9]{1,2})年([0-9]{1,2})月([0-9]{1,2})日", header[-200:])
    if match:
        era, month, day = (int(g) for g in match.groups())
        return _date(REIWA_OFFSET + era, month, day, file)
    name = RELEASE_NAME.match(Path(file).stem)
    if name:
        return dt.date(int(name.group("year")), int(name.group("month")), int(name.group("day")))
    raise ReleaseError(f"{file}: no date line (令和N年M月D日) at the top of the release")


def _sentences(body: str) -> list[str]:
    """Sentences ending in 。, with the closing 防衛省・自衛隊は… sentence always on its own."""
    marked = body.replace("防衛省・自衛隊は、", "\n防衛省・自衛隊は、")
    return [s.strip() for chunk in marked.split("\n") for s in re.findall(r"[^。]+。?", chunk) if s.strip()]


def _sighting(part: list[str], file: str, url: str, report_date: dt.date, previous: dt.date | None,
              observed: tuple[str, ...], body: str) -> ReleaseSighting:
    head = ascii_digits(part[0])
    warnings: list[str] = []
    event_date = _event_date(_HEAD.match(head), report_date, previous, file)
    position = _POSITION.search(head)
    if not position:
        raise ReleaseError(f"{file}: no position (「…（県）の方位約Nｋｍの海域において」) in {head[:80]!r}")
    ships_text = head[position.end():]
    if not _SHIPS_END.search(ships_text):
        raise ReleaseError(f"{file}: the ship list does not end in 「を確認した」 in {head[:80]!r}")
    ships, total = _ships(_SHIPS_END.sub("", ships_text), file)
    counted = sum(s.count for s in ships)
    if total is not None and total != counted:
        warnings.append(f"the release's total 計{total}隻 differs from the {counted} ships listed")
    unclassed = sorted({s.class_ja for s in ships if s.navy == "russia" and "級" not in s.class_ja})
    if unclassed:
        warnings.append(f"{'/'.join(unclassed)} (no class) listed under ロシア海軍 and counted in the "
                        "release's total; counted as Russian ships as the release counts them")
    same, follow = [], []
    for sentence in part[1:]:
        (same if same or (sentence.startswith("なお、") and "同一" in sentence) else follow).append(sentence)
    follow_plain = [ascii_digits(sentence) for sentence in follow]
    passage, passage_dir = _passage(follow_plain)
    toward = next((m.group("sea") for s in follow_plain for m in [_TOWARD.search(s)] if m), "")
    same_as = "".join(same)
    return ReleaseSighting(
        file=file, url=url, report_date=report_date, event_date=event_date,
        event_time=_time(_HEAD.match(head)), anchor_ja=position.group("anchor"),
        anchor_prefecture=position.group("pref") or _prefecture(position.group("anchor"), body), bearing_ja=position.group("bearing"),
        distance_km=int(position.group("km")), heading_ja=position.group("heading") or "",
        ships=tuple(ships), ships_total=total if total is not None else counted,
        passage_ja=passage, passage_direction_ja=passage_dir, toward_ja=toward,
        same_as_ja=same_as, back_refs=tuple(_back_refs(ascii_digits(same_as), event_date)),
        observed_by=observed, text_ja="".join(part[:1] + follow), warnings=tuple(warnings),
    )


def _prefecture(anchor: str, body: str) -> str:
    """A place's prefecture from its first mention: a second mention omits the bracket."""
    return _bracketed(body).get(anchor, "")


@functools.lru_cache(maxsize=4)
def _bracketed(body: str) -> dict[str, str]:
    """Every text of up to 16 characters standing before a 「（…）」 of the body, with the first bracket.

    Built once per body, so that a release of many sightings without prefectures costs
    linear time (a search of the whole body per sighting took 9 s for 2 MB); the first
    mention wins, as a leftmost search of ``anchor（…）`` would find it.
    """
    found: dict[str, str] = {}
    for mention in re.finditer(r"（(?=([^）]{1,6})）)", body):
        start = mention.start()
        for size in range(1, min(start, 16) + 1):
            found.setdefault(body[start - size:start], mention.group(1))
    return found


def _event_date(head: re.Match, report_date: dt.date, previous: dt.date | None, file: str) -> dt.date:
    """The date a head sentence states, completing a 同日 or day-only date from the release."""
    if head.group("same_day"):
        if previous is None:
            raise ReleaseError(f"{file}: 同日 (the same day) with no earlier date")
        return previous
    reference = previous or report_date
    day = int(head.group("day"))
    if head.group("era"):
        return _date(REIWA_OFFSET + int(head.group("era")), int(head.group("month")), day, file)
    month = int(head.group("month")) if head.group("month") else reference.month
    year = reference.year
    found = _date(year, month, day, file)
    if found > report_date:            # a December sighting reported in January
        found = _date(year - 1, month, day, file)
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


def _ships(text: str, file: str) -> tuple[list[Ship], int | None]:
    """The ship list of a head sentence: entries split at 、 and 及び outside brackets."""
    ships: list[Ship] = []
    total = None
    navy = ""
    for item in _split_top(text):
        item = item.removeprefix("また、").removeprefix("また")
        count = _COUNT.search(item)
        if count:
            total = int(count.group("n"))    # the last total (合計) counts every ship
            item = item[:count.start()]
        if not item:
            continue
        match = _SHIP.match(item)
        if not match or not match.group("cls"):
            raise ReleaseError(f"{file}: cannot read the ship entry {item!r}")
        navy = NAVIES.get(match.group("navy") or "", navy)
        if not navy:
            raise ReleaseError(f"{file}: the ship entry {item!r} names no navy (ロシア海軍 or 中国海軍)")
        hulls = tuple(_HULL.findall(match.group("hulls") or ""))
        n = int(match.group("n")) if match.group("n") else max(len(hulls), 1)
        ships.append(Ship(navy, match.group("cls"), n, hulls))
    if not ships:
        raise ReleaseError(f"{file}: no ships in {text[:80]!r}")
    return ships, total


def _split_top(text: str) -> list[str]:
    """Split at 、 and 及び that stand outside （） and 「」 (the separators of a Japanese list)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        if char in "（「":
            depth += 1
        elif char in "）」":
            depth = max(depth - 1, 0)
        elif depth == 0 and (char == "、" or text.startswith("及び", i)):
            parts.append(text[start:i])
            i += 1 if char == "、" else 2
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _passage(sentences: list[str]) -> tuple[str, str]:
    """The strait or inter-island passage the text says was transited, and the direction."""
    for sentence in sentences:
        found = [m for m in (_STRAIT.search(sentence), _BETWEEN.search(sentence)) if m]
        if found:
            first = min(found, key=lambda m: m.start())
            name = first.group("name") if "name" in first.groupdict() else \
                f"{first.group('a')}と{first.group('b')}の間"
            return name, first.group("dir") + "進"
    return "", ""


def _back_refs(same_as: str, event_date: dt.date) -> list[BackRef]:
    """The dated movements of a 「…と同一である」 text, each with whose ships it is about."""
    refs = []
    year, month = event_date.year, event_date.month
    days = list(_REF_DAY.finditer(same_as))
    subjects = _subjects(same_as, [day.start() for day in days])
    for k, day in enumerate(days):
        stop = days[k + 1].start() if k + 1 < len(days) else len(same_as)
        move = _REF_MOVE.search(same_as, day.end(), stop)
        if day.group("era"):
            year = REIWA_OFFSET + int(day.group("era"))
        month = int(day.group("month")) if day.group("month") else month
        first = _plausible(year, month, int(day.group("day")), event_date)
        last = first
        if day.group("day2"):
            year2 = REIWA_OFFSET + int(day.group("era2")) if day.group("era2") else first.year
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
        refs.append(BackRef(first, last, place, move.group("dir") + "進", subjects[k]))
    return refs


def _place(text: str) -> str:
    """A reference's waters in the passage vocabulary: prefectures dropped, 「との間の海域」 -> 「の間」."""
    text = re.sub(r"（[^）]{1,6}）", "", text)
    text = re.sub(r"^[、には]{1,3}", "", text)
    text = re.sub(r"との間|と の間", "の間", text)
    return re.sub(r"の間の(?:海域|接続水域|水域)$", "の間", text)


def _subjects(text: str, ends: list[int]) -> list[str]:
    """Whose ships each back-reference is about: the last navy named before its ``end``, else all.

    One pass over the navies named, for the ascending ``ends`` of all the dates (slicing the
    text before each of thousands of dates took quadratic time).
    """
    named = [(m.end(), NAVIES[m.group()]) for m in re.finditer("|".join(NAVIES), text)]
    subjects, k, last = [], 0, "all"
    for end in ends:
        while k < len(named) and named[k][0] <= end:
            last = named[k][1]
            k += 1
        subjects.append(last)
    return subjects


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
