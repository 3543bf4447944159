"""report_pairs on hand-made rows, pairs written out (mutants of sightings/merge.py)."""

import pandas as pd

from sightings.merge import report_pairs


def rows(*specs) -> pd.DataFrame:
    """(date, strait, ships, ship types, hulls)."""
    return pd.DataFrame({"event_date": pd.to_datetime([s[0] for s in specs]), "strait": [s[1] for s in specs],
                         "ships": pd.array([s[2] for s in specs], dtype="Int64"),
                         "ship_types": [s[3] for s in specs], "hull_numbers": [s[4] for s in specs]})


def test_merge_pairs_mutant001_every_pair_reporting_the_same_sighting():
    incoming = rows(("2022-03-10", "Tsugaru", 10, ["destroyers"], []),
                    ("2022-03-11", "Soya", 2, ["Udaloy I-class destroyer"], ["548"]),
                    ("2022-03-12", "", None, ["frigate"], []))
    existing = rows(("2022-03-09", "Tsugaru", 10, ["destroyers"], []),                  # another day
                    ("2022-03-11", "Soya", 2, ["destroyer"], ["548", "011"]),           # hull 548 in both
                    ("2022-03-10", "Tsugaru", 10, ["Udaloy-class destroyer"], []),      # a destroyer in both
                    ("2022-03-11", "Soya", 2, ["destroyer"], ["572"]),                  # other hulls
                    ("2022-03-12", "", None, ["Steregushchiy-class frigate"], []),      # both open sea, count unknown
                    ("2022-03-10", "Tsugaru", 9, ["destroyers"], []))                   # another count
    got = report_pairs(incoming, existing)
    assert got.to_dict("list") == {"row": [0, 1, 2], "other": [2, 1, 4]}
    assert got.index.tolist() == [0, 1, 2]


def test_merge_pairs_mutant002_no_common_day_no_pair():
    got = report_pairs(rows(("2022-03-10", "Tsugaru", 10, ["destroyers"], [])),
                       rows(("2022-03-11", "Tsugaru", 10, ["destroyers"], [])))
    assert list(got.columns) == ["row", "other"] and len(got) == 0
