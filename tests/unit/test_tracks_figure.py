"""The voyage layer as drawn: known routes solid, unknown routes faint dots, inferred passages
faint dashes, and the hover and the details panel saying why sightings were linked."""

import math

import pandas as pd
import pytest

from dashboard.details import details_panel, voyage_story
from dashboard.tracks_figure import track_data, track_traces, voyage_label
from geo.tracks import voyage_tracks

WEST_OF_HOKKAIDO = (43.30971, 138.00398)
OFF_INUBO = (35.69492, 142.63646)
FURTHER_SOUTH = (34.9, 141.5)


def voyage_rows(*rows) -> pd.DataFrame:
    out = pd.DataFrame([{"voyage_id": "v-a", "event_time": "", "strait": "", "direction": "",
                         "ship_types": ["Steregushchiy-class frigate"], "hull_numbers": ["335"], "voyage_link": [],
                         **r} for r in rows])
    out["event_date"] = pd.to_datetime(out["event_date"])
    return out


HONSHU = voyage_rows(
    {"id": "a", "event_date": "2022-09-03", "lat": WEST_OF_HOKKAIDO[0], "lon": WEST_OF_HOKKAIDO[1]},
    {"id": "b", "event_date": "2022-09-05", "lat": OFF_INUBO[0], "lon": OFF_INUBO[1],
     "voyage_link": ["with a: hull 335 in both"]},
    {"id": "c", "event_date": "2022-09-06", "lat": FURTHER_SOUTH[0], "lon": FURTHER_SOUTH[1],
     "voyage_link": ["with b: hull 335 in both"]},
)


def pieces(values: dict) -> list[list[tuple[float, float]]]:
    out, current = [], []
    for lat, lon in zip(values["lat"], values["lon"], strict=True):
        if lat is None:
            out.append(current)
            current = []
        else:
            current.append((lat, lon))
    return [*out, current] if current else out


def length(piece) -> float:
    return sum(math.dist(a, b) for a, b in zip(piece, piece[1:]))


def on_segment(point, start, end, tolerance=1e-3) -> bool:
    return abs(math.dist(start, point) + math.dist(point, end) - math.dist(start, end)) < tolerance


def test_truth10_a_route_over_land_is_faint_dots_never_a_line():
    lines, inferred = track_data(HONSHU)
    drawn = pieces(lines)
    assert drawn[0] == [pytest.approx(OFF_INUBO, abs=1e-4), pytest.approx(FURTHER_SOUTH, abs=1e-4)]
    assert not any(math.dist(p, WEST_OF_HOKKAIDO) < 0.5 for piece in drawn for p in piece)   # nothing solid from a
    middle = ((WEST_OF_HOKKAIDO[0] + OFF_INUBO[0]) / 2, (WEST_OF_HOKKAIDO[1] + OFF_INUBO[1]) / 2)
    lone = [piece for piece in drawn if len(piece) == 1]                  # draws nothing; carries the hover
    assert lone == [[pytest.approx(middle, abs=1e-4)]]
    at = lines["lat"].index(round(middle[0], 4))
    assert "Route unknown between 1 pair" in lines["text"][at]
    dots = pieces(inferred)
    assert len(dots) > 20 and all(length(dot) <= 0.031 for dot in dots)                      # dots, not dashes
    assert all(on_segment(p, WEST_OF_HOKKAIDO, OFF_INUBO) for dot in dots for p in dot)
    assert math.dist(dots[0][0], WEST_OF_HOKKAIDO) < 0.01 and math.dist(dots[-1][-1], OFF_INUBO) < 0.01
    assert sum(length(dot) for dot in dots) < 0.2 * math.dist(WEST_OF_HOKKAIDO, OFF_INUBO)
    faint = track_traces(HONSHU)[1]
    assert faint["opacity"] < 1 and faint["hoverinfo"] == "skip" and faint["line"]["width"] <= 2


def test_truth10_and_truth01_the_voyage_hover_names_unknown_routes_and_link_reasons():
    track, = voyage_tracks(HONSHU)
    by_id = {row.id: row for row in HONSHU.itertuples(index=False)}
    label = voyage_label(track, by_id)
    assert "Route unknown between 1 pair of sightings (drawn dotted)" in label
    assert "Linked because: b with a: hull 335 in both<br>c with b: hull 335 in both" in label


def test_truth13_inferred_passage_legs_are_dashed_not_solid():
    # 2026-07-15: 110 km SW of Tsushima, then north-east through the Tsushima Strait
    rows = voyage_rows({"id": "x", "event_date": "2026-07-15", "lat": 33.7129, "lon": 128.49389, "strait": "Tsushima",
                      "direction": "northeast, toward the Sea of Japan"})
    lines, inferred = track_data(rows)
    assert lines["lat"] == []                                        # one sighting: no line of its own
    track, = voyage_tracks(rows)
    leg = list(zip(track.passages[0].lats, track.passages[0].lons))
    whole = length(leg)
    dashes = [p for p in pieces(inferred) if len(p) == 2 and any(on_segment(q, *pair) for pair in zip(leg, leg[1:])
                                                                 for q in p)]
    assert len(dashes) >= 4 and all(length(d) <= 0.21 for d in dashes)
    assert 0.35 * whole < sum(length(d) for d in dashes) < 0.7 * whole      # about half drawn, half gap


def test_truth01_details_panel_says_why_a_sighting_is_in_its_voyage():
    row = pd.Series({"id": "b", "voyage_id": "v-a", "voyage_link": ["with a: hull 335 in both",
                                                                   "with a: p20260721_01 says same as the 16 Jul 2026 "
                                                                   "Tsushima passage heading southwest"]})
    assert voyage_story(row) == [
        "Voyage v-a: linked with a: hull 335 in both",
        "Voyage v-a: linked with a: p20260721_01 says same as the 16 Jul 2026 Tsushima passage heading southwest"]
    assert voyage_story(pd.Series({"id": "a", "voyage_id": "v-a", "voyage_link": []})) == [
        "Voyage v-a: its first sighting (later sightings, if any, say why they are linked)"]


def test_truth01_details_panel_of_a_shipped_linked_sighting_lists_its_links(sightings):
    linked = sightings[sightings["voyage_link"].map(len) > 0]
    assert len(linked)
    for _, row in linked.head(5).iterrows():
        panel = str(details_panel(row))
        assert all(reason in panel for reason in row["voyage_link"]), row["id"]
