"""Hand-made statistics rows for the briefing tests (test_chart_exports.py, test_periods.py)."""

from __future__ import annotations

import pandas as pd


def stats_rows(*rows) -> pd.DataFrame:
    """A frame of (id, date, strait, direction, voyage, ships, hulls, activity, with Chinese ships[,
    ship type]) tuples, with the other columns the statistics read left empty; a tenth item sets
    the ``type:destroyer`` or ``type:frigate`` flag."""
    return pd.DataFrame({
        "id": [r[0] for r in rows], "event_date": pd.to_datetime([r[1] for r in rows]),
        "report_date": pd.to_datetime([r[1] for r in rows]), "event_time": ["" for _ in rows],
        "strait": pd.array([r[2] for r in rows], dtype="str"), "direction": pd.array([r[3] for r in rows], dtype="str"),
        "voyage_id": pd.array([r[4] for r in rows], dtype="str"), "ships": pd.array([r[5] for r in rows], dtype="Int64"),
        "hull_numbers": [r[6] for r in rows], "activity": pd.array([r[7] for r in rows], dtype="str"),
        "with_chinese_ships": [r[8] for r in rows],
        "type:destroyer": [r[9:10] == ("destroyer",) for r in rows],
        "type:frigate": [r[9:10] == ("frigate",) for r in rows],
        "ship_types": [[] for _ in rows], "vessels": [[] for _ in rows], "chinese_vessels": [[] for _ in rows],
        "primary_source": [True for _ in rows],
    })
