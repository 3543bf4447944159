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
