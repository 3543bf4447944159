"""Turn Joint Staff Office releases into dataset rows and merge them into the dataset.

:mod:`sightings.jso` reads what a release states; this module makes dataset rows of the
Russian sightings: English classes from ``data/ship_classes.csv``, the position from the
gazetteer by the anchor's Japanese name and a WGS84 geodesic (``derived``, the English
phrase built from the parts, the Japanese sentence kept verbatim), the passage in the
strait vocabulary, back-references as ``same_as`` entries, and the release URL as the
first source with the licence's attribution. :func:`ingest` reads and parses every release
first, then takes the dataset's lock only to merge them with :mod:`sightings.merge` and write:
a release that repeats a news row fills it instead of adding a second row. Control characters
in a release's text are removed with a note in its rows (:mod:`sightings.text`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.compass import BEARINGS, JAPANESE, WORDS, point_of
from geo.locate import offset
from geo.seas import sea_in_english
from geo.places import UnknownJapanesePlace, find_place_ja, strip_parentheses
from sightings.classes import english_name, from_japanese
from sightings.jso import (CREDIT_JA, NotAMovementRelease, ReleaseError, ReleaseSighting, parse_release, pdf_text,
                           release_url)
from sightings.merge import Decision, apply_decisions, plan_merge
from sightings.positions import STRAIT_LABEL_POINTS
from sightings.schema import COLUMNS, MAX_CHARS, SightingsError, is_release_url, stable_ids, validate
from sightings.text import control_characters, describe_controls, strip_controls
from sightings.voyages import VOYAGE_COLUMNS, format_reference, link_voyages

#: How each row resting on a release names its source (the licence asks for this wording).
ATTRIBUTION = f"Joint Staff Office, Ministry of Defense of Japan ({CREDIT_JA}; processed by Straitwatch)"
#: Largest input file read: a release PDF, its text, or a corpus JSON of many releases.
MAX_FILE_BYTES = {".pdf": 20 * 2**20, ".txt": 2 * 2**20, ".json": 50 * 2**20}
_BEARING_WORDS = "|".join(sorted(JAPANESE.values(), key=len, reverse=True))
#: A back-reference's waters as releases write them: 「犬吠埼の南東及び北西の海域」.
_WATERS = re.compile(rf"^(?P<place>[^のと]{{1,12}})の(?P<b1>{_BEARING_WORDS})(?:及び(?P<b2>{_BEARING_WORDS}))?の"
                     r"(?:海域|接続水域|水域)$")
_JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]")
#: How a note marks a row whose release held a part the parser could not read.
REVIEW_MARK = "Needs review:"
PREFECTURES = {
    "北海道": "Hokkaido", "青森県": "Aomori", "岩手県": "Iwate", "宮城県": "Miyagi", "秋田県": "Akita",
    "山形県": "Yamagata", "福島県": "Fukushima", "茨城県": "Ibaraki", "栃木県": "Tochigi", "群馬県": "Gunma",
    "埼玉県": "Saitama", "千葉県": "Chiba", "東京都": "Tokyo", "神奈川県": "Kanagawa", "新潟県": "Niigata",
    "富山県": "Toyama", "石川県": "Ishikawa", "福井県": "Fukui", "山梨県": "Yamanashi", "長野県": "Nagano",
    "岐阜県": "Gifu", "静岡県": "Shizuoka", "愛知県": "Aichi", "三重県": "Mie", "滋賀県": "Shiga",
    "京都府": "Kyoto", "大阪府": "Osaka", "兵庫県": "Hyogo", "奈良県": "Nara", "和歌山県": "Wakayama",
    "鳥取県": "Tottori", "島根県": "Shimane", "岡山県": "Okayama", "広島県": "Hiroshima", "山口県": "Yamaguchi",
    "徳島県": "Tokushima", "香川県": "Kagawa", "愛媛県": "Ehime", "高知県": "Kochi", "福岡県": "Fukuoka",
    "佐賀県": "Saga", "長崎県": "Nagasaki", "熊本県": "Kumamoto", "大分県": "Oita", "宮崎県": "Miyazaki",
    "鹿児島県": "Kagoshima", "沖縄県": "Okinawa",
}


@dataclass(frozen=True)
class Release:
    """One release read from a file: its name, URL and text, and what reading it changed."""

    file: str
    url: str
    text: str
    report_date: dt.date | None = None   # for a text without its date line (a reprint): --report-date
    notes: tuple[str, ...] = ()        # e.g. control characters removed from the text


@dataclass(frozen=True)
class Outcome:
    """What ingesting a batch of releases does: the merge decisions and one line per release."""

    decisions: tuple[Decision, ...]
    lines: tuple[str, ...]
    frame: pd.DataFrame            # the dataset after the merge (validated, voyages linked)

    @property
    def rows(self) -> pd.DataFrame:
        """The rows made from the inputs as they will be stored (merged or new)."""
        ids = [d.row["id"] for d in self.decisions]
        return self.frame[self.frame["id"].isin(ids)].reset_index(drop=True)


def read_releases(paths: list[Path]) -> list[Release]:
    """Every release in ``paths``: release PDFs or texts, folders of them, or corpus JSON files.

    A folder holding both ``p…_01.pdf`` and ``p…_01.txt`` reads the PDF. Raises
    :class:`ReleaseError` naming the file for anything that is not a readable release file.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "p20260629_02.txt").write_text("2026年6月28日(日)…を確認した。", encoding="utf-8")
    >>> [(r.file, r.url) for r in read_releases([folder])]      # the URL follows from the file name
    [('p20260629_02.txt', 'https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf')]
    >>> _ = (folder / "notes.md").write_text("x")
    >>> read_releases([folder / "notes.md"])                    # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sightings.jso.ReleaseError: .../notes.md: expected a release .pdf or .txt, a folder of them, or a corpus .json
    """
    releases: list[Release] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".pdf", ".txt"))
            pdfs = {p.stem for p in files if p.suffix.lower() == ".pdf"}
            files = [p for p in files if p.suffix.lower() == ".pdf" or p.stem not in pdfs]
            if not files:
                raise ReleaseError(f"{path}: no release .pdf or .txt files in the folder")
            releases.extend(_read_file(p) for p in files)
        elif path.suffix.lower() == ".json":
            releases.extend(_read_corpus(path))
        else:
            releases.append(_read_file(path))
    return releases


def _bounded_bytes(path: Path) -> bytes:
    """The bytes of a regular file no larger than its kind allows (checked before reading)."""
    limit = MAX_FILE_BYTES.get(path.suffix.lower())
    if limit is None:
        raise ReleaseError(f"{path}: expected a release .pdf or .txt, a folder of them, or a corpus .json")
    try:
        info = path.stat()
    except OSError as exc:
        raise ReleaseError(f"{path}: cannot read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ReleaseError(f"{path}: not a regular file")
    if info.st_size > limit:
        raise ReleaseError(f"{path}: {info.st_size:,} bytes; a {path.suffix} input is at most {limit:,}")
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def _read_file(path: Path) -> Release:
    raw = _bounded_bytes(path)
    url = release_url(path.name)           # the name first: a file not named as a release costs nothing more
    if path.suffix.lower() == ".pdf":
        try:
            text = pdf_text(raw)
        except ReleaseError as exc:
            raise ReleaseError(f"{path}: {exc}") from None
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ReleaseError(f"{path}: not UTF-8 text; save the release text as UTF-8") from None
    return _release(path.name, url, text)


def _release(file: str, url: str, text: str) -> Release:
    """A release whose text holds no control character: any found is removed and noted."""
    if not control_characters(text):
        return Release(file, url, text)
    note = f"removed {describe_controls(text)} from the release's text"
    return Release(file, url, strip_controls(text), notes=(note,))


def _read_corpus(path: Path) -> list[Release]:
    """A corpus in the shared format: a JSON list of {file, url, report_date, title, text}."""
    try:
        items = json.loads(_bounded_bytes(path).decode("utf-8-sig"))
    except ValueError as exc:              # bad UTF-8, bad JSON, or a number of more than 4,300 digits
        raise ReleaseError(f"{path}: not a JSON corpus ({' '.join(str(exc).split())[:200]})") from None
    except RecursionError:
        raise ReleaseError(f"{path}: not a JSON corpus (nested too deeply; a corpus is a list of flat "
                           "{file, url, text} objects)") from None
    if not isinstance(items, list):
        raise ReleaseError(f"{path}: expected a JSON list of releases ({{file, url, text}})")
    releases = []
    for n, item in enumerate(items, start=1):
        if not (isinstance(item, dict) and isinstance(item.get("file"), str) and isinstance(item.get("text"), str)):
            raise ReleaseError(f"{path}: item {n} needs 'file' and 'text' strings")
        for key in ("file", "url"):
            if isinstance(item.get(key), str) and control_characters(item[key]):
                raise ReleaseError(f"{path}: item {n} {key} {item[key][:80]!r} holds {describe_controls(item[key])}; "
                                   f"a release's {key} is printable text")
        url = item.get("url") if isinstance(item.get("url"), str) else release_url(item["file"])
        if not is_release_url(url):
            raise ReleaseError(f"{path}: item {n} url {url!r} is not a JSO address (https://www.mod.go.jp/js/...)")
        releases.append(_release(item["file"], url, item["text"]))
    return releases


def sighting_row(sighting: ReleaseSighting) -> tuple[dict, tuple[str, ...]]:
    """A dataset row (typed cells) for one release sighting, and what should be reported about it.

    Every English column is English: places from the gazetteer, seas from :mod:`geo.seas`,
    a Japanese name with no English one stays out of them (the Japanese text is in
    ``location_text_ja``). A sighting with parts the parser could not read is kept with
    what was read; the parts go verbatim into ``notes`` after :data:`REVIEW_MARK`.
    Raises :class:`ReleaseError` when the anchor is not in the gazetteer.

    Examples
    --------
    >>> text = ("2026年6月28日(日)正午頃、海上自衛隊は、宗谷岬(北海道)の北西約50kmの海域において、"
    ...         "同海域を西進するロシア海軍ウダロイⅠ級駆逐艦(艦番号「548」)を確認した。")
    >>> row, report = sighting_row(parse_release(text, "p20260629_02.txt")[0])
    >>> row["location_text"]             # built from the parts: English place, compass point, the stated hour
    'about 50 km NW of Cape Soya (Hokkaido) (around 12:00), heading west'
    >>> print(row["position_kind"], row["anchor"], row["bearing_deg"], row["distance_km"], row["lat"], row["lon"])
    derived Cape Soya 315.0 50.0 45.8401 141.48149
    >>> row["vessels"], row["activity"], report
    (['Udaloy I-class destroyer (548)'], 'detection', ())
    """
    report: list[str] = list(sighting.warnings)
    russian, chinese = sighting.russian, sighting.chinese
    unknown = sorted({s.class_ja for s in sighting.ships if from_japanese(s.class_ja) is None})
    if unknown:
        report.append(f"unknown class(es) kept verbatim: {', '.join(unknown)} (add them to data/ship_classes.csv)")
    strait, passage_en = _passage(sighting.passage_ja)
    heading = WORDS[point_of(sighting.heading_ja)] if sighting.heading_ja else ""
    moved = WORDS[point_of(sighting.passage_direction_ja[:-1])] if sighting.passage_ja else ""
    toward = sea_in_english(sighting.toward_ja) or ""
    if sighting.toward_ja and not toward:
        report.append(f"the sea 「{sighting.toward_ja}」 has no English name here (add it to geo/seas.py); "
                      "left out of direction")
    # "toward the X" belongs to the passage: a ship that turned back sailed toward it from elsewhere
    direction = f"{moved}, toward the {toward}" if moved and toward else (moved or heading)
    time = f" (around {sighting.event_time})" if sighting.event_time else ""
    if sighting.anchor_ja:
        anchor = _anchor_place(sighting)
        point = point_of(sighting.bearing_ja)
        lat, lon = offset(anchor, BEARINGS[point], sighting.distance_km)
        place = f"{strip_parentheses(anchor).strip()} ({PREFECTURES.get(sighting.anchor_prefecture, '')})" \
            .replace(" ()", "")
        text, kind = f"about {sighting.distance_km} km {point} of {place}" + time, "derived"
        derived = {"anchor": anchor, "bearing_deg": BEARINGS[point], "distance_km": float(sighting.distance_km)}
    else:
        lat, lon, kind = float("nan"), float("nan"), "unlocated"
        derived = {"anchor": "", "bearing_deg": float("nan"), "distance_km": float("nan")}
        text = "position not read from the release (see location_text_ja)" + time
    text += f", heading {heading}" if heading else ""
    if sighting.passage_ja:
        text += f"; then {moved} {passage_en}"
    later = sighting.passages[1:]
    for name, way in later:
        text += f"; then {WORDS[point_of(way[:-1])]} {_passage(name)[1]}"
    notes = [f"Release sighting: {len(chinese)} Chinese ship entr{'y' if len(chinese) == 1 else 'ies'} listed "
             "with the Russian ships (in chinese_vessels)."] if chinese else []
    notes += [f"{w[0].upper()}{w[1:]}." for w in sighting.warnings]
    if later:
        notes.append(f"The release names {len(sighting.passages)} passages; strait is the first, the others "
                     "are in location_text.")
    if sighting.review:
        room = MAX_CHARS["notes"] - len(" ".join(notes)) - len(REVIEW_MARK) - 3
        said = "; ".join(sighting.review)
        notes.append(f"{REVIEW_MARK} {said if len(said) <= room else said[:max(room - 1, 0)] + '…'}.")
        report += [f"review: {item}" for item in sighting.review]
    if sighting.unread_russian:
        report.append("ship count left unknown: an entry that may be Russian was not read")
    row = {column: "" for column in COLUMNS}
    row.update(
        event_date=pd.Timestamp(sighting.event_date), event_time=sighting.event_time,
        report_date=pd.Timestamp(sighting.report_date),
        ships=sighting.russian_ships if russian and not sighting.unread_russian else pd.NA,
        ship_types=list(dict.fromkeys(english_name(s.class_ja) for s in russian)),
        hull_numbers=[h for s in russian for h in s.hulls],
        vessels=_vessels(russian), chinese_vessels=_vessels(chinese),
        location_text=text, location_text_ja=sighting.text_ja, lat=lat, lon=lon, position_kind=kind, **derived,
        strait=strait, direction=direction, sea_area="",
        activity=("transit" if sighting.passage_ja else "detection") + (" (with Chinese ships)" if chinese else ""),
        with_chinese_ships=bool(chinese), observed_by=list(sighting.observed_by),
        same_as=[format_reference(r.first, r.last, _passage(r.place_ja)[0] or _english_waters(r.place_ja),
                                  WORDS[point_of(r.direction_ja[:-1])])
                 for r in sighting.back_refs if r.navy in ("russia", "all")],
        source_urls=[sighting.url], source_names=[ATTRIBUTION], notes=" ".join(notes),
    )
    return row, tuple(report)


def _anchor_place(sighting: ReleaseSighting) -> str:
    """The gazetteer name of a release's anchor, 岬 and 崎 read as one (竜飛岬 is 竜飛崎)."""
    name = sighting.anchor_ja
    for spelling in (name, name.replace("岬", "崎"), name.replace("崎", "岬")):
        try:
            return find_place_ja(spelling)
        except UnknownJapanesePlace as exc:
            if spelling == name:
                first = exc
    raise ReleaseError(f"{sighting.file}: {first}") from None


def _vessels(ships) -> list[str]:
    """Class and hull kept paired as the release writes them: "Udaloy I-class destroyer (548)"."""
    out = []
    for ship in ships:
        name = english_name(ship.class_ja)
        out += [f"{name} ({hull})" for hull in ship.hulls]
        if ship.count > len(ship.hulls):
            missing = ship.count - len(ship.hulls)
            out.append(name if missing == 1 else f"{name} x{missing}")
    return out


def _passage(passage_ja: str) -> tuple[str, str]:
    """(strait in the vocabulary or '', English words for the passage) of a Japanese passage name."""
    if not passage_ja:
        return "", ""
    try:
        label = find_place_ja(passage_ja)
    except UnknownJapanesePlace:
        label = ""
    strait = next((s for s, point in STRAIT_LABEL_POINTS.items() if point == label), "")
    if strait and passage_ja.endswith("海峡"):
        return strait, f"through the {strait} Strait"
    if "の間" in passage_ja:
        names = [_english_place(p) for p in passage_ja.removesuffix("の間").split("と", 1)]
        if all(names):
            return strait, f"between {' and '.join(names)}"
    if strait:
        return strait, f"through the {strait} Strait"
    return strait, "through a passage named in the release (see location_text_ja)"


def _english_place(name_ja: str) -> str:
    """The gazetteer's English name of a Japanese place ('' when it has none: never Japanese)."""
    for spelling in (name_ja, name_ja.replace("岬", "崎"), name_ja.replace("崎", "岬")):
        try:
            return strip_parentheses(find_place_ja(spelling)).strip()
        except UnknownJapanesePlace:
            continue
    return ""


def _english_waters(place_ja: str) -> str:
    """A back-reference's waters in English: "waters SE of Cape Inubō", "between A and B".

    Only what the words say: a bearing (or two, 「南東及び北西」) from a gazetteer place; any
    other waters become "other waters" (the Japanese stays in location_text_ja).
    """
    match = _WATERS.match(place_ja)
    if match and _english_place(match.group("place")):
        points = "/".join(point_of(b) for b in (match.group("b1"), match.group("b2")) if b)
        return f"waters {points} of {_english_place(match.group('place'))}"
    between = _passage(place_ja)[1] if "の間" in place_ja else ""
    return between if between and not _JAPANESE.search(between) else "other waters"


def release_rows(releases: list[Release]) -> tuple[pd.DataFrame, list[str]]:
    """Rows for the Russian sightings of ``releases`` and one report line per release.

    Raises :class:`ReleaseError` listing every release that cannot be read.

    Examples
    --------
    >>> text = ("2026年6月28日(日)正午頃、海上自衛隊は、宗谷岬(北海道)の北西約50kmの海域において、"
    ...         "同海域を西進するロシア海軍ウダロイⅠ級駆逐艦(艦番号「548」)を確認した。")
    >>> release = Release("p20260629_02.txt", release_url("p20260629_02.txt"), text)
    >>> chinese = Release("p20260629_03.txt", release_url("p20260629_03.txt"), "中国海軍艦艇の動向について")
    >>> rows, lines = release_rows([release, chinese])
    >>> rows[["id", "event_date", "report_date"]].values.tolist(), lines   # report date: the file name's
    ([['2026-06-28-5e5fb2', Timestamp('2026-06-28 00:00:00'), Timestamp('2026-06-29 00:00:00')]], ['skipped: p20260629_03.txt: no Russian ships'])
    """
    rows, lines, problems = [], [], []
    for release in releases:
        try:
            sightings = parse_release(release.text, release.file, release.url, release.report_date)
            # only a sighting with Russian ships becomes a row (and needs its anchor in the gazetteer)
            made = [(s, *sighting_row(s)) if s.russian or s.unread_russian else (s, None, ()) for s in sightings]
        except NotAMovementRelease:
            lines.append(f"skipped: {release.file}: not a movement release")
            continue
        except ReleaseError as exc:
            problems.append(str(exc) if release.file in str(exc) else f"{release.file}: {exc}")
            continue
        if not made:
            lines.append(f"skipped: {release.file}: no Russian ships")
        for number, (sighting, row, report) in enumerate(made, start=1):
            where = f"{release.file} #{number}" if len(made) > 1 else release.file
            if row is None:
                lines.append(f"skipped: {where}: no Russian ships in this sighting")
                continue
            if release.notes:
                report = (*report, *release.notes)
                sentences = [f"{note[0].upper()}{note[1:]}." for note in release.notes]
                row["notes"] = " ".join(filter(None, [row["notes"], *sentences]))
            rows.append(row)
            lines.extend(f"review: {where}: {r.removeprefix('review: ')}" if r.startswith("review: ")
                         else f"note: {where}: {r}" for r in report)
    if problems:
        raise ReleaseError("\n".join(problems))
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    if len(frame):
        frame["ships"] = frame["ships"].astype("Int64")
        frame["id"] = stable_ids(frame)
    return frame, lines


def merge_releases(existing: pd.DataFrame, releases: list[Release]) -> Outcome:
    """The dataset with ``releases`` merged in (nothing written), and what happened to each.

    Examples
    --------
    >>> from sightings.store import load
    >>> existing = load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...                 b"source_urls,source_names\\n2022-03-15,2022-03-16,2,destroyers (2),the Tsugaru Strait,Tsugaru,"
    ...                 b"transit,no,https://example.org/a,A\\n")
    >>> text = ("2026年6月28日(日)正午頃、海上自衛隊は、宗谷岬(北海道)の北西約50kmの海域において、"
    ...         "同海域を西進するロシア海軍ウダロイⅠ級駆逐艦(艦番号「548」)を確認した。")
    >>> release = Release("p20260629_02.txt", release_url("p20260629_02.txt"), text)
    >>> outcome = merge_releases(existing, [release])
    >>> outcome.lines, len(outcome.frame), outcome.rows["voyage_id"].tolist()
    (('new 2026-06-28-5e5fb2: 2026-06-28 open sea from p20260629_02.pdf',), 2, ['v-2026-06-28-5e5fb2'])
    """
    return merge_rows(existing, *release_rows(releases), files=_files(releases))


def merge_rows(existing: pd.DataFrame, incoming: pd.DataFrame, lines: list[str],
               files: dict[str, str] | None = None) -> Outcome:
    """The dataset with the rows :func:`release_rows` made merged in (nothing written).

    Raises :class:`ReleaseError` when the merged dataset does not validate, naming each
    release row by its release file (``files``: URL -> the file it was read from) and
    sentence, never by its place in the merged dataset.

    Examples
    --------
    >>> from sightings.store import load
    >>> news = load(b"event_date,report_date,ships,ship_types,location_text,strait,activity,with_chinese_ships,"
    ...             b"source_urls,source_names\\n2026-06-28,2026-06-30,1,destroyer,off Cape Soya,,detection,no,"
    ...             b"https://example.org/a,A\\n")
    >>> text = ("2026年6月28日(日)正午頃、海上自衛隊は、宗谷岬(北海道)の北西約50kmの海域において、"
    ...         "同海域を西進するロシア海軍ウダロイⅠ級駆逐艦(艦番号「548」)を確認した。")
    >>> release = Release("p20260629_02.txt", release_url("p20260629_02.txt"), text)
    >>> outcome = merge_rows(news, *release_rows([release]))      # the news retelling is filled, not repeated
    >>> outcome.lines, len(outcome.frame)
    (('merged with 2026-06-28-7ad504: 2026-06-28 open sea from p20260629_02.pdf',), 1)
    >>> outcome.frame.loc[0, "source_urls"], outcome.frame.loc[0, "position_kind"]   # the release first
    (['https://www.mod.go.jp/js/pdf/2026/p20260629_02.pdf', 'https://example.org/a'], 'derived')
    """
    lines = list(lines)
    decisions = plan_merge(existing, incoming) if len(incoming) else []
    for decision in decisions:
        url = decision.row["source_urls"][0]
        what = f"merged with {decision.merged_with}" if decision.merged_with else f"new {decision.row['id']}"
        lines.append(f"{what}: {decision.row['event_date']:%Y-%m-%d} {decision.row['strait'] or 'open sea'} "
                     f"from {url.rsplit('/', 1)[-1]}")
        lines.extend(f"conflict: {decision.merged_with}: {c} (release kept)" for c in decision.conflicts)
    frame = apply_decisions(existing, decisions)
    frame[list(VOYAGE_COLUMNS)] = link_voyages(frame)
    try:
        frame = validate(frame)
    except SightingsError as exc:
        made = {d.row["id"] for d in decisions}
        raise ReleaseError("\n".join(_where(problem, frame, made, files or {}) for problem in exc.problems)) from None
    return Outcome(tuple(decisions), tuple(lines), frame)


def _files(releases: list[Release]) -> dict[str, str]:
    return {release.url: release.file for release in releases}


def _where(problem: str, frame: pd.DataFrame, made: set[str], files: dict[str, str]) -> str:
    """A validation problem about "row N" of the merged frame, said of the release and sentence it came from.

    A row made from a release is named by the file it was read from (else its name on the
    JSO site) and the first words of its sentence; a row already in the dataset by its id.
    """
    match = re.match(r"row (\d+), ", problem)
    label = int(match.group(1)) - 1 if match else None
    if label is None or label not in frame.index:
        return problem
    row = frame.loc[label]
    rest = problem[match.end():]
    if row["id"] not in made:
        return f"dataset row {row['id']}: {rest}"
    url = next((u for u in row["source_urls"] if u in files), row["source_urls"][0])
    sentence = row["location_text_ja"].split("。", 1)[0]
    sentence = sentence if len(sentence) <= 50 else sentence[:50] + "…"
    return f"{files.get(url, url.rsplit('/', 1)[-1])}, the sighting 「{sentence}」: {rest}"


def ingest(path: str | os.PathLike, releases: list[Release], dry_run: bool = False) -> Outcome:
    """Merge ``releases`` into the dataset at ``path``; unchanged on any error.

    The releases are parsed and located first, with no lock held (a hostile release costs
    only its own time); the dataset's lock is taken for the merge and the write alone. A
    dry run reads the dataset without the lock (writes replace it atomically).
    """
    from sightings import changelog
    from sightings.store import lock, read_sightings

    path = Path(path)
    incoming, lines = release_rows(releases)
    if dry_run:
        return merge_rows(read_sightings(path), incoming, lines, _files(releases))
    with lock(path):
        existing = read_sightings(path)
        outcome = merge_rows(existing, incoming, lines, _files(releases))
        if outcome.decisions:
            files = sorted({r.file for r in releases})
            named = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
            changelog.write(path, existing, outcome.frame, f"ingest {named}",
                            f"Joint Staff Office release(s) read: {len(files)}.")
    return outcome

