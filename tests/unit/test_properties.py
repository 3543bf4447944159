"""Properties over arbitrary input: locate and the schema answer or refuse, never crash."""


import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.locate import LocateError, locate
from sightings.schema import COLUMNS, SightingsError, parse, validate
from sightings.store import read_text

PHRASE_WORDS = st.sampled_from([
    "about", "some", "180", "60.5", "km", "kilometers", "miles", "nautical", "nm", "north", "east-northeast",
    "SW", "NNE", "of", "Cape", "Erimo", "Soya", "between", "and", "Okinawa", "Miyakojima", "Tsushima",
    "Island", "the", "Strait", ";", ",", "(", ")", "Hokkaido's", "Nemuro", "Peninsula", "Miyake-jima",
])
settings.register_profile("straitwatch", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("straitwatch")


def check_location(text: str) -> None:
    try:
        found = locate(text)
    except LocateError as exc:
        assert str(exc)                                   # a refusal always says why
        return
    assert -90 <= found.lat <= 90 and -180 <= found.lon <= 180
    assert found.anchor


@given(st.text(max_size=300))
def test_prop001_locate_any_text(text):
    check_location(text)


@given(st.lists(PHRASE_WORDS, max_size=14).map(" ".join))
def test_prop002_locate_phrase_like_text(text):
    check_location(text)


CELL = st.one_of(st.text(max_size=40), st.sampled_from(["", "2022-02-30", "2022-03-15", "yes", "no", "-3", "4",
                                                         "41.5", "1e309", "nan", "Tsugaru", "https://x.org/a"]))


@given(st.lists(st.fixed_dictionaries({column: CELL for column in COLUMNS}), min_size=1, max_size=4))
def test_prop003_schema_accepts_or_names_the_problem(rows):
    raw = pd.DataFrame(rows, columns=list(COLUMNS))
    try:
        frame = validate(parse(raw))
    except SightingsError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
        return
    assert len(frame) == len(rows) and frame["id"].is_unique


@given(st.binary(max_size=600))
def test_prop004_any_bytes_read_as_table_or_refused(raw):
    try:
        table = read_text(raw)
    except SightingsError as exc:
        assert exc.problems
        return
    assert isinstance(table, pd.DataFrame)
