"""How a sighting's dates are known, and the time of day its own words state.

A reader comparing years or hours must be able to tell a day a release states from a day
worked out from other pages, and an announcement day from the day a newspaper printed the
story. These pure functions read the row's own text (``location_text``, ``notes``, a page's
quoted sentence) and say what it states; they never guess beyond it. The vocabularies are
:data:`sightings.schema.DATE_BASES` and :data:`sightings.schema.REPORT_DATE_BASES`.
"""

from __future__ import annotations

import re

import pandas as pd

#: A clock time as English pages write it: "5 a.m.", "11:30 p.m.", "2 to 3:30 a.m.", "5-7 a.m.",
#: "(around 21:00)", "noon", "midnight". The hour of a range takes the meridiem of its end when
#: it has none of its own. Bounded digit runs, no nested quantifiers (linear).
_CLOCK = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s?(?P<ap>[ap])\.m\."
    r"|(?<![\d:])(?P<h2>\d{1,2})(?::(?P<m2>[0-5]\d))?\s?(?:to|-|–)\s?\d{1,2}(?::[0-5]\d)?\s?(?P<ap2>[ap])\.m\."
    r"|(?<![\d:.])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|\b(?P<word>noon|midnight)\b",
    re.IGNORECASE,
)
#: "announced" in the languages the press harvest quotes, with the day it names.
#: The day must be followed by 、 (「統合幕僚監部は15日、…発表した」): a day followed by a time
#: (「統合幕僚監部は2016年9月5日(月)16時ごろ、…確認したと発表」) is the sighting's, not the announcement's.
_JA_ANNOUNCED = re.compile(r"(?:統合幕僚監部|統幕|防衛省)[^。]{0,15}?(?:\d{4}年)?(?:(\d{1,2})月)?(\d{1,2})日"
                           r"(?:\([月火水木金土日]\))?に?(?:、[^。]{0,200}?)?(?:発表|公表)")
#: The day written first: 「21日、統合幕僚監部は、19日午後…発表した」.
_JA_DAY_FIRST = re.compile(r"(?<![\d月])(?:(\d{1,2})月)?(\d{1,2})日、[^。]{0,10}?(?:統合幕僚監部|統幕|防衛省)"
                           r"[^。]{0,200}?(?:発表|公表)")
_ZH_ANNOUNCED = re.compile(r"统合幕僚监部(?:\d{1,2})月(\d{1,2})日(?:发布|宣布|公布)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_ANNOUNCED = re.compile(r"\b(?:announced|statement on|said on)\s+(?:on\s+)?(" + "|".join(_WEEKDAYS) + r")\b",
                           re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_ANNOUNCED_ON = re.compile(
    r"\b(?:announced|release of|announcement of)\s+(?:on\s+)?(?:[A-Za-z]+day,?\s+)?"
    r"(" + "|".join(_MONTHS) + r")[a-z]*\.?\s+(\d{1,2})\b", re.IGNORECASE)


def stated_time(text: str) -> str:
    """The first clock time ``text`` states, as ``HH:MM`` (24-hour), or '' when it states none.

    The first time is the first sighting's: a row's ``location_text`` gives its first
    position first ("(around 10 p.m. Saturday) ...; (10 a.m. Sunday)"). A part of the day
    without a clock ("Tuesday morning") is not a time.

    Examples
    --------
    >>> stated_time("about 40 km east of Tsushima (around 5 a.m.), heading southwest")
    '05:00'
    >>> stated_time("about 110 km northwest of Rebun Island (2 to 3:30 a.m.)")
    '02:00'
    >>> stated_time("approximately 70 km southwest of Yonaguni Island (Tuesday morning)")
    ''
    """
    match = _CLOCK.search(text or "")
    if match is None:
        return ""
    if match["word"]:
        return "12:00" if match["word"].lower() == "noon" else "00:00"
    if match["h24"] is not None:
        return f"{int(match['h24']):02d}:{match['m24']}"
    hour, minute, meridiem = ((match["h"], match["m"], match["ap"]) if match["h"] is not None
                              else (match["h2"], match["m2"], match["ap2"]))
    hour = int(hour)
    if not 1 <= hour <= 12:
        return ""
    hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    return f"{hour:02d}:{minute or '00'}"


def says_announced_on(text: str, day: pd.Timestamp) -> bool:
    """True when ``text`` says the Joint Staff announced on ``day`` (its day of the month or weekday).

    Reads 「統合幕僚監部は15日、…発表した」, 「统合幕僚监部5月6日发布」, "announced Monday",
    "the Joint Staff release of Sept. 1": a day of the month must equal ``day``'s (and the
    month, when named), a weekday ``day``'s weekday.

    Examples
    --------
    >>> says_announced_on("防衛省統合幕僚監部は9日、…通過したと発表した。", pd.Timestamp("2022-06-09"))
    True
    >>> says_announced_on("防衛省統合幕僚監部は9日、…通過したと発表した。", pd.Timestamp("2022-06-10"))
    False
    """
    if not text or pd.isna(day):
        return False
    for match in (*_JA_ANNOUNCED.finditer(text), *_JA_DAY_FIRST.finditer(text)):
        month = match.group(1)
        if int(match.group(2)) == day.day and (month is None or int(month) == day.month):
            return True
    if any(int(m.group(1)) == day.day for m in _ZH_ANNOUNCED.finditer(text)):
        return True
    if any(m.group(1).lower() == _WEEKDAYS[day.weekday()] for m in _EN_ANNOUNCED.finditer(text)):
        return True
    return any(_MONTHS.index(m.group(1).lower()[:3]) + 1 == day.month and int(m.group(2)) == day.day
               for m in _EN_ANNOUNCED_ON.finditer(text))


def fill_event_times(frame: pd.DataFrame) -> tuple[pd.Series, tuple[str, ...]]:
    """``event_time`` with blanks filled from the time each row's ``location_text`` states.

    A row whose time differs from the one its text states keeps its own and is reported:
    the release's time wins over a retelling, and a person decides.

    Examples
    --------
    >>> times, report = fill_event_times(pd.DataFrame({"event_time": ["", "09:00"],
    ...     "location_text": ["about 50 km north of Cape Soya (around 11 a.m.)", "Soya Strait"]}))
    >>> times.tolist(), report
    (['11:00', '09:00'], ())
    """
    stated = frame["location_text"].map(stated_time)
    blank = frame["event_time"] == ""
    differs = ~blank & (stated != "") & (stated != frame["event_time"])
    log = tuple(f"event_time {row.id}: the row says {row.event_time}, its location_text {stated[i]}"
                for i, row in frame[differs].iterrows())
    return frame["event_time"].where(~blank, stated), log
