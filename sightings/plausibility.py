"""Plausibility checks on each sighting: what a reader should weigh before quoting the row.

Three checks (issue 25 item 6), each a derived flag with its reason in words, never a change
to the record:

- ``fast-link``: the implied speed to a linked sighting (the next or previous located
  sighting of the same stored voyage) is over :data:`geo.tracks.MAX_KNOTS`; the rule and the
  speed are :mod:`sightings.voyages`' own (:func:`~sightings.voyages.leg_speeds`,
  :func:`~sightings.voyages.too_fast`), so the linker and this flag cannot disagree;
- ``late-report``: the report date is more than :data:`LATE_DAYS` days after the event
  and the notes state no reason (:data:`LATE_REASON`: the row is a background mention in a
  later report);
- ``area-only``: the position names only an area (``position_kind`` "area"), so the map
  point stands for a strait or a sea, not a place the ships were seen.

The pipeline stores the codes in ``check_flags`` (what the ``?flag=`` filter reads) and the
sentences in ``checks`` (what the details panel shows), one list per row.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from geo.tracks import MAX_KNOTS
from sightings.voyages import leg_speeds, too_fast

#: A report more than this many days after the event is flagged unless the notes say why.
LATE_DAYS = 10
#: Notes that state why a report came late: the sighting is background in a later report
#: ("Background in the Aug. 21, 2017 Joint Staff release: ...").
LATE_REASON = re.compile(r"\bbackground\b", re.IGNORECASE)
#: Each flag's code (the URL value) and its label.
FLAGS = {
    "fast-link": f"Implied speed over {MAX_KNOTS:g} kn to a linked sighting",
    "late-report": f"Reported more than {LATE_DAYS} days later, no reason stated",
    "area-only": "Position names only an area",
}
#: The columns :func:`plausibility` writes.
CHECK_COLUMNS = ("check_flags", "checks")


def plausibility(frame: pd.DataFrame) -> pd.DataFrame:
    """``check_flags`` (codes of :data:`FLAGS`) and ``checks`` (one sentence per flag) for every row.

    Reads ``id``, ``voyage_id``, ``event_date``, ``event_time``, ``lat``, ``lon``,
    ``report_date``, ``notes`` and ``position_kind``; the answer has ``frame``'s index.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a"], "voyage_id": ["v-a"], "event_date": pd.to_datetime(["2024-09-01"]),
    ...     "event_time": [""], "lat": [45.7], "lon": [141.9], "report_date": pd.to_datetime(["2024-11-12"]),
    ...     "notes": ["USNI, 12 Nov"], "position_kind": ["area"]})
    >>> plausibility(rows).loc[0, "checks"]
    ['reported 72 days after the event, no reason stated', 'position names only an area']
    """
    lines: dict = {index: [] for index in frame.index}
    codes: dict = {index: [] for index in frame.index}
    position = pd.Series(frame.index, index=frame["id"]).to_dict()          # id -> label

    def flag(index, code: str, sentence: str) -> None:
        if code not in codes[index]:
            codes[index].append(code)
        lines[index].append(sentence)

    for earlier, later, knots in leg_speeds(frame).itertuples(index=False):
        if too_fast(knots):
            for this, other in ((earlier, later), (later, earlier)):
                flag(position[this], "fast-link",
                     f"implied speed {_knots(knots)} to linked sighting {other} (over {MAX_KNOTS:g} kn)")
    late = (frame["report_date"] - frame["event_date"]).dt.days
    for index in frame.index[(late > LATE_DAYS) & ~frame["notes"].str.contains(LATE_REASON)]:    # no date: NaN
        flag(index, "late-report", f"reported {late[index]:.0f} days after the event, no reason stated")
    for index in frame.index[frame["position_kind"] == "area"]:
        flag(index, "area-only", "position names only an area")
    return pd.DataFrame({"check_flags": pd.Series(codes), "checks": pd.Series(lines)})   # keyed by frame's labels


def _knots(knots: float) -> str:
    return "beyond any ship (no time between them)" if knots == math.inf else f"{knots:.0f} kn"
