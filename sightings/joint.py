"""Joint China-Russia movements as events: the legs of one joint movement grouped, with their route.

The record states, row by row, whether Chinese ships sailed with the Russian ones
(``with_chinese_ships``, as the source states it; never changed here). A joint patrol is
several such rows, days apart, and sometimes a leg of the same voyage whose source does not
mention the Chinese ships. :func:`joint_events` groups them, derived and said so:

- every row with ``with_chinese_ships`` starts or joins an event;
- rows of one stored voyage (``voyage_id``, :mod:`sightings.voyages`: a release's
  back-reference, or a shared hull within the voyage rule's gap and speed limit) are one
  event, so a leg of that voyage without the flag is part of the event and is listed in
  ``unflagged_legs``;
- two rows that report the same sighting (:func:`sightings.merge.same_report`, the
  project's one rule) are one event.

Nothing else joins legs: two joint rows the voyage linker kept apart (different hulls, or a
speed no ship makes) stay two events, however close in time.
"""

from __future__ import annotations

import pandas as pd

from geo.tracks import heading
from sightings.merge import report_pairs

#: The columns :func:`joint_events` writes, one row per event.
EVENT_COLUMNS = ("event", "first_date", "last_date", "joint_first_date", "joint_last_date", "legs", "unflagged_legs",
                 "straits", "route", "russian_hulls", "russian_types", "chinese_ships", "voyages", "linked_by")


def joint_events(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per joint China-Russia event in ``frame``, in order of its first leg (derived).

    ``frame`` needs ``id``, ``event_date``, ``event_time``, ``strait``, ``direction``, ``ships``,
    ``ship_types``, ``hull_numbers``, ``chinese_vessels``, ``with_chinese_ships`` and
    ``voyage_id`` (a sightings frame as loaded or built). Each event gives

    - ``event``: ``j-`` and the id of its first leg; ``first_date``, ``last_date`` (all legs)
      and ``joint_first_date``, ``joint_last_date`` (the legs whose source states Chinese ships:
      an unflagged leg before them is the Russian ships on their way, not yet joint);
    - ``legs``: its row ids in time order (date, hour, id); ``unflagged_legs``: those whose
      ``with_chinese_ships`` is False (in the event through their voyage or the same report);
    - ``straits``: the straits passed, in order (the same strait and heading reported twice
      running once: "Miyako northwest" on the 15th and 17th is one passage);
      ``route``: one line per leg ("2024-07-04 Osumi east, into the Pacific Ocean");
    - ``russian_hulls``, ``russian_types``, ``chinese_ships``: each as reported, each once;
    - ``voyages``: the stored voyages it spans; ``linked_by``: why legs of different
      voyages are one event (empty when the event is one voyage).

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a", "b", "c"], "event_time": ["", "", ""],
    ...     "event_date": pd.to_datetime(["2024-07-03", "2024-07-04", "2024-08-01"]),
    ...     "strait": ["Tsushima", "Osumi", "Soya"], "direction": ["southwest", "east", "east"],
    ...     "ships": [1, 2, 1], "ship_types": [["corvette"], ["corvette", "oiler"], ["frigate"]],
    ...     "hull_numbers": [["333"], ["333"], ["339"]], "chinese_vessels": [[], [], []],
    ...     "with_chinese_ships": [False, True, False], "voyage_id": ["v-a", "v-a", "v-c"]})
    >>> event = joint_events(rows).iloc[0]
    >>> event["legs"], event["unflagged_legs"], event["straits"]
    (['a', 'b'], ['a'], ['Tsushima', 'Osumi'])
    """
    if not frame["with_chinese_ships"].any():            # an empty frame too
        return pd.DataFrame(columns=list(EVENT_COLUMNS))
    rows = frame.sort_values(["event_date", "event_time", "id"], ignore_index=True)      # labels 0..n-1
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    for voyage, positions in rows.groupby("voyage_id").indices.items():
        for k in positions[1:] if voyage else ():
            join(positions[0], k)
    reasons: list[tuple[int, int, str]] = []
    for row, other in report_pairs(rows, rows).itertuples(index=False):
        if row < other and rows.at[row, "voyage_id"] != rows.at[other, "voyage_id"]:
            join(row, other)
            reasons.append((row, other, f"{rows.at[other, 'id']} reports the same sighting as {rows.at[row, 'id']}"))
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    events = [_event(rows, members, [text for a, _, text in reasons if find(a) == root])
              for root, members in groups.items() if rows.loc[members, "with_chinese_ships"].any()]
    return pd.DataFrame(events)


def _event(rows: pd.DataFrame, members: list[int], linked_by: list[str]) -> dict:
    legs = rows.loc[members]                                   # already in time order
    passages = [(s, heading(d)) for s, d in zip(legs["strait"], legs["direction"], strict=True) if s]
    straits = [s for k, (s, _) in enumerate(passages) if k == 0 or passages[k - 1] != passages[k]]
    flagged = legs.loc[legs["with_chinese_ships"].astype(bool), "event_date"]
    return {
        "event": f"j-{legs['id'].iloc[0]}",
        "first_date": legs["event_date"].iloc[0], "last_date": legs["event_date"].iloc[-1],
        "joint_first_date": flagged.iloc[0], "joint_last_date": flagged.iloc[-1],
        "legs": legs["id"].tolist(),
        "unflagged_legs": legs.loc[~legs["with_chinese_ships"].astype(bool), "id"].tolist(),
        "straits": straits,
        "route": [" ".join(part for part in (f"{day:%Y-%m-%d}", strait, direction) if part)
                  for day, strait, direction in zip(legs["event_date"], legs["strait"], legs["direction"],
                                                    strict=True)],
        "russian_hulls": _each_once(legs["hull_numbers"]),
        "russian_types": _each_once(legs["ship_types"]),
        "chinese_ships": _each_once(legs["chinese_vessels"]),
        "voyages": list(dict.fromkeys(legs["voyage_id"])),
        "linked_by": linked_by,
    }


def _each_once(lists: pd.Series) -> list[str]:
    return list(dict.fromkeys(item for listed in lists for item in listed))
