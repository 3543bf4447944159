"""dashboard.facets, the behaviours a mutation run showed no test stated (docs/mutation.md)."""

import pandas as pd
import pytest

from dashboard.facets import BY_FIELD
from dashboard.filters import FilterSpec


@pytest.mark.parametrize(("value", "expected"), [
    (False, False), (True, True), ("1", True), (["1"], True), ([], False), (["0", "1"], True),
    (["0", "0", "1"], False),            # only the first two values are read
])
def test_facet_mutant001_a_flag_is_on_only_when_ticked(value, expected):
    assert FilterSpec.clean({"primary": ("1",)}, primary=value).primary is expected


def test_facet_mutant002_hull_options_shortest_first():
    frame = pd.DataFrame({"facet:hulls": pd.Categorical([";100;", ";99;011;", ";", ";99;"])})
    assert BY_FIELD["hulls"].options(frame) == ("99", "011", "100")


@pytest.mark.parametrize(("chosen", "phrase"), [
    (("Tsugaru",), "Tsugaru Strait"),
    (("Tsugaru", "Soya"), "Tsugaru or Soya straits"),
    (("none",), "no strait"),
    (("Tsugaru", "none"), "Tsugaru Strait or no strait"),
    (("Tsugaru", "Soya", "none"), "Tsugaru or Soya straits or no strait"),
])
def test_facet_mutant003_strait_phrase(chosen, phrase):
    assert BY_FIELD["straits"].phrase(chosen) == phrase


def test_facet_mutant004_options_are_labelled_with_their_counts():
    assert BY_FIELD["straits"].labelled_options(("Tsugaru", "none"), {"Tsugaru": 4}) == [
        {"label": "Tsugaru (4)", "value": "Tsugaru"}, {"label": "no strait (open sea) (0)", "value": "none"}]
    assert BY_FIELD["chinese"].labelled_options(("any", "yes"), {"any": 10, "yes": 3}) == [
        {"label": "any (10)", "value": "any"}, {"label": "with Chinese ships (3)", "value": "yes"}]


def test_facet_mutant005_class_options_ignore_case():
    import csv
    from pathlib import Path
    from dashboard.facets import _class_options
    with open(Path(__file__).resolve().parents[2] / "data" / "ship_classes.csv", encoding="utf-8") as handle:
        names = {row["class_en"] for row in csv.DictReader(handle)}
    got = _class_options(None)
    assert got == tuple(sorted(names, key=str.lower))
    assert got.index("cargo ship") < got.index("Delta III-class ballistic missile nuclear submarine")


def test_facet_mutant006_the_first_category_counts_as_present():
    import pandas as pd
    from dashboard.facets import _hull_options
    frame = pd.DataFrame({"facet:hulls": pd.Categorical([";011;", ";548;", ";011;"])})
    assert _hull_options(frame) == ("011", "548")


def test_facet_mutant007_stated_dates_as_bools_a_missing_basis_is_not_stated():
    import pandas as pd
    from dashboard.facets import _stated
    got = _stated(pd.DataFrame({"date_basis": pd.array(["stated", pd.NA, "inferred"], dtype="string")}))
    assert got.dtype == bool and got.tolist() == [True, False, False]


def test_facet_mutant008_a_class_cell_is_read_to_1000_characters():
    from dashboard.facets import classes_in_cell
    known = ("Udaloy I-class destroyer",)
    assert classes_in_cell("a" * 975 + ";" + known[0], known) == known                # 1000 characters
    assert classes_in_cell("a" * 976 + ";" + known[0], known) == ()                   # 1001: cut inside the name


def test_facet_mutant009_stated_dates_are_bools_whatever_text_type_the_frame_holds():
    import pandas as pd
    from dashboard.facets import _stated
    for dtype in (pd.StringDtype("python"), object):
        got = _stated(pd.DataFrame({"date_basis": pd.Series(["stated", None, "inferred"], dtype=dtype)}))
        assert got.dtype == bool and got.tolist() == [True, False, False]


def test_facet_mutant010_old_type_names_are_renamed_anything_else_left_for_the_kind():
    types, straits = BY_FIELD["ship_types"], BY_FIELD["straits"]
    assert types.rename("Landing ship") == ["Amphibious"]
    assert types.rename(["Minesweeper", "Frigate", ["x"]]) == ["Mine warfare", "Frigate", ["x"]]
    assert types.rename(5) == 5 and types.rename(None) is None
    assert types.rename(["Landing ship"] * 101) == ["Amphibious"] * 100           # at most 100 values read
    assert straits.rename("Soya") == "Soya"                                        # no renamed values: as given


def test_facet_mutant011_phrases_and_option_labels_in_japanese():
    assert BY_FIELD["straits"].phrase(("Tsugaru",), "ja") == "津軽海峡"
    assert BY_FIELD["straits"].phrase(("Tsugaru", "Soya", "none"), "ja") == "津軽海峡または宗谷海峡または海峡なし"
    assert BY_FIELD["hulls"].phrase(("548",), "ja") == "艦番号548"
    assert BY_FIELD["hulls"].phrase(("548", "011"), "ja") == "艦番号548または011"
    assert BY_FIELD["hulls"].phrase(("548", "011")) == "hulls 548 or 011"
    assert BY_FIELD["seas"].phrase(("Sea of Japan", "Sea of Okhotsk"), "ja") == "日本海またはオホーツク海"
    assert BY_FIELD["straits"].labelled_options(("Tsugaru", "none"), {"Tsugaru": 4}, "ja") == [
        {"label": "津軽海峡 (4)", "value": "Tsugaru"}, {"label": "海峡なし（海峡外） (0)", "value": "none"}]


def test_facet_mutant012_flag_phrase_names_the_checks_in_lower_case_or_japanese():
    flags = BY_FIELD["flags"]
    assert flags.phrase(("area-only", "late-report")) == (
        "flagged: position names only an area or reported more than 10 days later, no reason stated")
    assert flags.phrase(("area-only", "late-report"), "en") == flags.phrase(("area-only", "late-report"))
    assert flags.phrase(("area-only", "late-report"), "ja") == "検証の指摘: 位置は海域名のみまたは10日以上後の報告で理由の記載なし"


def test_facet_mutant013_category_counts_every_category_kept_rows_only():
    """Counts per category over the kept rows: zeros for a category no kept row holds, a row
    with no value in no category."""
    import numpy as np
    frame = pd.DataFrame({"facet:straits": pd.Categorical(["Soya", "Tsugaru", None, "Soya", "Soya"],
                                                          categories=["Tsugaru", "Soya", "Tsushima"]),
                          "facet:hulls": pd.Categorical([";548;", ";548;011;", ";", ";011;", ";548;"])})
    keep = np.array([True, True, True, True, False])
    assert BY_FIELD["straits"].counts(frame, keep) == {"Tsugaru": 1, "Soya": 2, "Tsushima": 0}
    assert BY_FIELD["hulls"].counts(frame, keep) == {"548": 2, "011": 2}
    assert BY_FIELD["hulls"].counts(frame, np.zeros(5, dtype=bool)) == {}
