"""The voyage layer's pieces on hand-made points and voyages, stated literally (mutants of dashboard/tracks_figure.py)."""

import math

import pandas as pd
import pytest

from dashboard.tracks_figure import _arrow, _dashes, _dots, _midpoint, _Path, known_runs, passage_phrase, track_data, \
    track_traces, track_updates, track_visibility, voyage_label
from geo.tracks import Passage, Track


def approx(pieces):
    return [[pytest.approx(point, abs=1e-7) for point in piece] for piece in pieces]


def rows(*specs) -> pd.DataFrame:
    """(id, date, lat, lon, ship types, hulls, voyage links) -> the columns the layer reads, one voyage v-a."""
    out = pd.DataFrame([{"id": s[0], "event_date": s[1], "lat": s[2], "lon": s[3], "ship_types": s[4],
                         "hull_numbers": s[5], "voyage_link": s[6], "voyage_id": "v-a", "event_time": "",
                         "strait": "", "direction": ""} for s in specs])
    out["event_date"] = pd.to_datetime(out["event_date"])
    return out


def by_id(frame: pd.DataFrame) -> dict:
    return {row.id: row for row in frame.itertuples(index=False)}


def test_tracks_figure_mutant001_dashes_every_other_piece():
    assert _dashes((0.0, 0.0), (0.0, 1.0)) == approx([[(0, 0), (0, 0.2)], [(0, 0.4), (0, 0.6)], [(0, 0.8), (0, 1.0)]])
    assert _dashes((0.0, 0.0), (0.6, 0.0)) == approx([[(0, 0), (0.2, 0)], [(0.4, 0), (0.6, 0)]])
    assert _dashes((1.0, 2.0), (1.05, 2.0)) == approx([[(1, 2), (1.05, 2)]])          # shorter than a dash: one


def test_tracks_figure_mutant002_dots_along_an_unknown_route():
    assert _dots((0.0, 0.0), (0.0, 0.4)) == approx([[(0, 0), (0, 0.03)], [(0, 0.2), (0, 0.23)], [(0, 0.37), (0, 0.4)]])
    assert _dots((0.0, 0.0), (0.4, 0.0)) == approx([[(0, 0), (0.03, 0)], [(0.2, 0), (0.23, 0)], [(0.37, 0), (0.4, 0)]])
    assert _dots((1.0, 1.0), (1.0, 1.0)) == []
    assert _dots((0.0, 0.0), (0.0, 0.02)) == approx([[(0, 0), (0, 0.02)], [(0, 0), (0, 0.02)]])


def test_tracks_figure_mutant003_midpoint_and_arrows():
    assert _midpoint((1.0, 2.0), (3.0, 6.0)) == (2.0, 4.0)
    east = _arrow((0.0, 0.0), (0.0, 1.0))
    assert east == approx([[(-0.14084147, 0.23511572), (0.0, 0.5), (0.14084147, 0.23511572)]])[0]
    north = _arrow((0.0, 0.0), (1.0, 0.0))
    assert north == approx([[(0.23511572, 0.14084683), (0.5, 0.0), (0.23511572, -0.14084683)]])[0]   # tip at 0.5 N
    at_sixty = _arrow((60.0, 0.0), (60.0, 1.0))       # a degree of longitude is half as long at 60 degrees north
    assert at_sixty == approx([[(59.85915853, -0.02976856), (60.0, 0.5), (60.14084147, -0.02976856)]])[0]
    head = _arrow((0.0, 0.0), (0.0, 1.0), at=1.0)
    assert head[1] == (0.0, 1.0) and head[0] == pytest.approx((-0.14084147, 0.73511572))
    assert _arrow((5.0, 5.0), (5.0, 5.0)) == []
    wing, tip, other = _arrow((60.0, 0.0), (61.0, 1.0))       # north-east at 60 N, measured on the ground:
    scale = math.cos(math.radians(tip[0]))                   # a degree of longitude is cos(latitude) of one north
    ahead = (1.0, 1.0 * scale)
    strokes = [(w[0] - tip[0], (w[1] - tip[1]) * scale) for w in (wing, other)]
    assert [math.hypot(*s) for s in strokes] == pytest.approx([0.3, 0.3])
    bisector = (strokes[0][0] + strokes[1][0], strokes[0][1] + strokes[1][1])   # points straight back
    assert bisector[0] * ahead[1] - bisector[1] * ahead[0] == pytest.approx(0, abs=1e-12)
    assert bisector[0] * ahead[0] + bisector[1] * ahead[1] < 0
    assert _arrow((5.0, 5.0), (5.0, 5.0 + 1e-10)) == []


@pytest.mark.parametrize("known, runs", [
    ((True, False, True), [[(1, 1), (2, 2)], [(3, 3), (4, 4)]]),
    ((True, True, True), [[(1, 1), (2, 2), (3, 3), (4, 4)]]),
    ((False, True, True), [[(2, 2), (3, 3), (4, 4)]]),
    ((False, False, False), []),
    ((False, False, True), [[(3, 3), (4, 4)]]),
])
def test_tracks_figure_mutant004_known_runs(known, runs):
    assert known_runs([(1, 1), (2, 2), (3, 3), (4, 4)], known) == runs


def test_tracks_figure_mutant005_a_path_joins_pieces_with_gaps_and_rounds():
    path = _Path()
    path.add([])
    assert path.values() == {"lat": [], "lon": []}
    path.add([(1.234567, 2.345678), (3.0, 4.0)], "a")
    path.add([], "ignored")
    path.add([(5.0, 6.0)], "b")
    assert path.values() == {"lat": [1.2346, 3.0, None, 5.0], "lon": [2.3457, 4.0, None, 6.0],
                             "text": ["a", "a", None, "b"]}
    plain = _Path()
    plain.add([(1.0, 2.0), (3.0, 4.0)])
    plain.add([(5.0, 6.0), (7.0, 8.0)])
    assert plain.values() == {"lat": [1.0, 3.0, None, 5.0, 7.0], "lon": [2.0, 4.0, None, 6.0, 8.0]}


def test_tracks_figure_mutant006_the_voyage_label():
    frame = rows(("a", "2022-09-03", 40.0, 135.0, ["Steregushchiy-class frigate"], ["335"], []),
                 ("b", "2022-09-05", 40.5, 135.0, ["Steregushchiy-class frigate", "Udaloy <I>"], ["335", "548"],
                  ["with a: hull 335 in both"]),
                 ("c", "2022-09-07", 41.0, 135.0, [], [], ["with b: x"]))
    track = Track("v-a&b", ("a", "b"), (40.0, 40.5), (135.0, 135.0),
                  (Passage("c", "Tsugaru", "east", (41.0, 41.5), (135.0, 140.0)),
                   Passage("a", "Soya", None, (45.0,), (142.0,))), (False,))
    assert voyage_label(track, by_id(frame)) == (
        "<b>Voyage v-a&amp;b</b> · 3 sightings, 3 Sep - 7 Sep 2022<br>Ships: Steregushchiy-class frigate; Udaloy &lt;I&gt;"
        "<br>Hulls: 335, 548<br>Passages (inferred, drawn dashed): through the Tsugaru Strait, heading east (07 Sep 2022); "
        "through the Soya Strait, heading not stated (03 Sep 2022)"
        "<br>Route unknown between 1 pair of sightings (drawn dotted)"
        "<br>Linked because: b with a: hull 335 in both<br>c with b: x")
    alone = rows(("z", "2011-05-05", 40.0, 135.0, [], [], []))
    assert voyage_label(Track("v-z", ("z",), (40.0,), (135.0,), ()), by_id(alone)) == (
        "<b>Voyage v-z</b> · 1 sighting, 5 May 2011<br>Ships: not reported<br>Hulls: not reported"
        "<br>Passages (inferred, drawn dashed): none stated<br>Linked because: not linked")


@pytest.mark.parametrize("count, more", [(8, ""), (10, "<br>... and 2 more (details panel)")])
def test_tracks_figure_mutant007_at_most_eight_links_in_a_hover(count, more):
    frame = rows(*[(f"s{k}", f"2022-09-{k + 1:02d}", 40.0, 135.0, [], [], [f"with s{k - 1}: r{k}"] if k else [])
                   for k in range(count + 1)])
    track = Track("v", tuple(frame["id"]), (40.0,) * (count + 1), (135.0,) * (count + 1), (),
                  (False,) * count)
    label = voyage_label(track, by_id(frame))
    assert f"<br>Route unknown between {count} pairs of sightings (drawn dotted)" in label
    assert label.endswith("<br>Linked because: " + "<br>".join(f"s{k} with s{k - 1}: r{k}" for k in range(1, 9))
                          + more)


def test_tracks_figure_mutant008_passage_phrase():
    assert passage_phrase(Passage("x", "Soya", "west", (), ())) == "through the Soya Strait, heading west"
    assert passage_phrase(Passage("x", "Soya", None, (), ())) == "through the Soya Strait, heading not stated"


def test_tracks_figure_mutant009_a_known_leg_is_a_line_with_its_arrow():
    frame = rows(("a", "2022-09-03", 40.0, 135.0, ["Steregushchiy-class frigate"], ["335"], []),
                 ("b", "2022-09-04", 40.5, 135.0, ["Steregushchiy-class frigate"], ["335"], ["with a: hull 335 in both"]))
    lines, inferred = track_data(frame)
    assert lines["lat"] == [40.0, 40.5, None, 39.9851, 40.25, 39.9851]
    assert lines["lon"] == [135.0, 135.0, None, 135.1845, 135.0, 134.8155]
    label = lines["text"][0]
    assert label.startswith("<b>Voyage v-a</b> · 2 sightings, 3 Sep - 4 Sep 2022<br>")
    assert lines["text"] == [label, label, None, label, label, label]
    assert inferred == {"lat": [], "lon": []}
    assert track_updates(frame) == [(("data", 3, "lat"), lines["lat"]), (("data", 3, "lon"), lines["lon"]),
                                    (("data", 3, "text"), lines["text"]), (("data", 4, "lat"), []),
                                    (("data", 4, "lon"), [])]
    assert track_data(frame.iloc[:1]) == ({"lat": [], "lon": []}, {"lat": [], "lon": []})   # a lone sighting


def test_tracks_figure_mutant010_many_rows_draw_no_tracks():
    frame = rows(*[("a", "2022-09-03", 40.0, 135.0, [], [], [])] * 2001)      # over MAX_MARKERS
    assert track_data(frame) == ({"lat": [], "lon": []}, {"lat": [], "lon": []})


def test_tracks_figure_mutant011_traces_and_the_toggle():
    voyages, passages = track_traces(rows(("a", "2022-09-03", 40.0, 135.0, [], [], [])).iloc[:0])
    assert voyages == {"type": "scattermap", "name": "voyages", "mode": "lines", "hoverinfo": "text",
                       "showlegend": False, "line": {"color": "#1b2f4b", "width": 2}, "lat": [], "lon": []}
    assert passages == {"type": "scattermap", "name": "inferred passages", "mode": "lines", "hoverinfo": "skip",
                        "showlegend": False, "line": {"color": "#1b2f4b", "width": 2}, "opacity": 0.45,
                        "lat": [], "lon": []}
    assert track_visibility(["seas", "tracks"]) == [(("data", 3, "visible"), True), (("data", 4, "visible"), True)]
    assert track_visibility(None) == [(("data", 3, "visible"), False), (("data", 4, "visible"), False)]


def test_tracks_figure_mutant012_a_passage_ends_in_an_arrow_when_its_heading_is_stated():
    """One sighting 110 km SW of Tsushima passing the strait: its inferred leg (geo.tracks' points) drawn
    dashed, ending in a chevron at its last point when a heading is stated, without one when none is."""
    from geo.tracks import voyage_tracks
    for direction, heading in (("northeast, toward the Sea of Japan", True), ("along the coast", False)):
        frame = rows(("x", "2026-07-15", 33.7129, 128.49389, [], [], [])).assign(
            strait="Tsushima", direction=direction)
        (leg,) = voyage_tracks(frame)[0].passages
        points = list(zip(leg.lats, leg.lons))
        expected = _Path()
        for start, end in zip(points, points[1:]):
            for piece in _dashes(start, end):
                expected.add(piece)
        if heading:
            expected.add(_arrow(points[-2], points[-1], at=1.0))
        lines, inferred = track_data(frame)
        assert lines == {"lat": [], "lon": []} and inferred == expected.values() and len(inferred["lat"]) > 4
        assert (inferred["lat"][-2] == round(points[-1][0], 4)) is heading       # the chevron's tip at the end


def test_tracks_figure_mutant013_a_lone_sighting_is_skipped_and_the_next_voyage_drawn():
    frame = rows(("a", "2022-09-01", 38.0, 134.0, [], [], []),
                 ("b", "2022-09-03", 40.0, 135.0, [], [], []), ("c", "2022-09-04", 40.5, 135.0, [], [], []))
    frame["voyage_id"] = ["v-a", "v-b", "v-b"]
    lines, _ = track_data(frame)
    assert lines["lat"][:2] == [40.0, 40.5] and 38.0 not in lines["lat"]
    assert lines["text"][0].startswith("<b>Voyage v-b</b> · 2 sightings")


def test_tracks_figure_mutant014_an_unknown_route_is_dotted_with_its_hover_at_the_middle():
    frame = rows(("a", "2022-09-01", 40.0, 135.0, [], [], []), ("b", "2022-09-10", 40.4, 135.0, [], [], []))
    lines, inferred = track_data(frame)                                 # nine days apart: the route is unknown
    assert (lines["lat"], lines["lon"]) == ([40.2], [135.0]) and len(lines["text"]) == 1
    assert lines["text"][0].startswith("<b>Voyage v-a</b> · 2 sightings, 1 Sep - 10 Sep 2022<br>")
    assert "<br>Route unknown between 1 pair of sightings (drawn dotted)" in lines["text"][0]
    assert inferred["lat"] == [40.0, 40.03, None, 40.2, 40.23, None, 40.37, 40.4]     # dots, never a line
