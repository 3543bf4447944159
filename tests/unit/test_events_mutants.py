"""The timeline's context events on hand-made files, stated literally (mutants of dashboard/events.py)."""

import datetime as dt

import pytest

from dashboard import ids
from dashboard.events import EVENT_COLOUR, MAX_BYTES, SHOW, Event, load_events, section, with_events

HEADER = "start_date,end_date,label,kind,source_url,source_name\n"
WAR = Event(dt.date(2022, 2, 24), dt.date(2022, 2, 24), "Russia <invades> Ukraine", "war",
            "https://example.org/war", "ISW & co")
PATROL = Event(dt.date(2021, 10, 17), dt.date(2021, 10, 23), "Joint patrol", "joint patrol",
               "http://example.org/patrol", "The War Zone")


def write(tmp_path, *rows: str, header: str = HEADER):
    path = tmp_path / "events.csv"
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_events_mutant001_rows_read_into_events_in_date_order(tmp_path):
    path = write(tmp_path, "2022-02-24,2022-02-24,Russia <invades> Ukraine,war,https://example.org/war,ISW & co",
                 "2021-10-17,2021-10-23,Joint patrol,joint patrol,http://example.org/patrol,The War Zone")
    assert load_events(path) == (PATROL, WAR)


@pytest.mark.parametrize("row, message", [
    ("2022-02-25,2022-02-24,x,war,https://example.org,E",
     "row 3, end_date '2022-02-24' is before start_date; swap them"),
    ("2022-02-24,,x,war,https://example.org,E", "row 3, dates '2022-02-24'/'': write YYYY-MM-DD"),
    ("2022-02-24,2022-02-24,,war,https://example.org,E", "row 3, label: 0 characters; write 1 to 200"),
    ("2022-02-24,2022-02-24," + "x" * 201 + ",war,https://example.org,E",
     "row 3, label: 201 characters; write 1 to 200"),
    ("2022-02-24,2022-02-24,x,war,ftp://example.org,E",
     "row 3, source_url 'ftp://example.org': give the page's http(s) address"),
    ("2022-02-24,2022-02-24,x,war,example.org/https://,E",
     "row 3, source_url 'example.org/https://': give the page's http(s) address"),
])
def test_events_mutant002_a_bad_row_is_refused_by_name(tmp_path, row, message):
    path = write(tmp_path, "2022-01-01,2022-01-01,fine,war,https://example.org,E", row)    # the bad row is row 3
    with pytest.raises(ValueError) as raised:
        load_events(path)
    assert str(raised.value) == f"{path}: {message}"


def test_events_mutant003_edges_that_are_allowed(tmp_path):
    path = write(tmp_path, "2022-02-24,2022-02-24," + "x" * 200 + ",war,https://example.org,E",
                 "2022-03-01,2022-03-01,y,war,http://example.org,E")
    assert [len(e.label) for e in load_events(path)] == [200, 1]
    path = write(tmp_path, "2022-02-24,2022-02-24,1905,1,https://example.org,2022")     # text that looks like numbers
    assert load_events(path) == (Event(dt.date(2022, 2, 24), dt.date(2022, 2, 24), "1905", "1", "https://example.org",
                                       "2022"),)


def test_events_mutant004_columns_and_size_are_checked_first(tmp_path):
    path = write(tmp_path, "2022-02-24,2022-02-24,x,war,https://example.org", header="start_date,end_date,label,"
                 "kind,source_url\n")
    with pytest.raises(ValueError) as raised:
        load_events(path)
    assert str(raised.value) == (f"{path}: columns ['start_date', 'end_date', 'label', 'kind', 'source_url']; "
                                 "expected ['start_date', 'end_date', 'label', 'kind', 'source_url', 'source_name']")
    row = "2022-02-24,2022-02-24,x,war,https://example.org,"
    filler = MAX_BYTES - len(HEADER) - len(row) - 1               # the file exactly MAX_BYTES long: read
    path = write(tmp_path, row + "E" * filler)
    assert path.stat().st_size == MAX_BYTES and len(load_events(path)) == 1
    path = write(tmp_path, row + "E" * (filler + 1))
    with pytest.raises(ValueError) as raised:
        load_events(path)
    assert str(raised.value) == f"{path}: over 65,536 bytes; the events file holds a few dozen rows"


def test_events_mutant005_a_band_and_a_numbered_marker_per_event():
    figure = {"data": [{"x": [1]}], "layout": {"shapes": [{"type": "line"}], "margin": {"l": 5, "t": 90}}}
    drawn = with_events(figure, (PATROL, WAR), ["other", SHOW])
    assert drawn["data"] == [{"x": [1]}]
    assert drawn["layout"]["shapes"] == [
        {"type": "line"},
        {"type": "rect", "xref": "x", "yref": "paper", "x0": "2021-10-17", "x1": "2021-10-24", "y0": 0.28,
         "y1": 1.0, "layer": "below", "fillcolor": "#7a5195", "opacity": 0.18,
         "line": {"width": 1, "color": "#7a5195"}},
        {"type": "rect", "xref": "x", "yref": "paper", "x0": "2022-02-24", "x1": "2022-02-25", "y0": 0.28,
         "y1": 1.0, "layer": "below", "fillcolor": "#7a5195", "opacity": 0.18,
         "line": {"width": 1, "color": "#7a5195"}}]
    assert drawn["layout"]["annotations"] == [
        {"x": "2021-10-17", "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom", "text": "1",
         "showarrow": False, "font": {"size": 10, "color": "#7a5195"},
         "hovertext": "Joint patrol<br>17 Oct 2021<br>Source: The War Zone"},
        {"x": "2022-02-24", "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom", "text": "2",
         "showarrow": False, "font": {"size": 10, "color": "#7a5195"},
         "hovertext": "Russia &lt;invades&gt; Ukraine<br>24 Feb 2022<br>Source: ISW &amp; co"}]
    assert drawn["layout"]["margin"] == {"l": 5, "t": 24}
    assert figure["layout"] == {"shapes": [{"type": "line"}], "margin": {"l": 5, "t": 90}}   # not changed
    bare = with_events({"data": [], "layout": {}}, (WAR,), [SHOW])["layout"]
    assert (len(bare["shapes"]), len(bare["annotations"]), bare["margin"]) == (1, 1, {"t": 24})


@pytest.mark.parametrize("shown", [None, [], ["other"]])
def test_events_mutant006_hidden_events_leave_the_figure_as_it_was(shown):
    figure = {"data": [], "layout": {}}
    assert with_events(figure, (WAR,), shown) is figure


def test_events_mutant007_the_checkbox_and_the_numbered_sourced_list():
    div = section((PATROL, WAR))
    label, checklist, listing = div.children
    assert (div.className, label.children, label.htmlFor, label.className) == (
        "events", "Timeline events", ids.SHOW_EVENTS, "visually-hidden")
    assert (checklist.id, checklist.value, checklist.className, checklist.options) == (
        ids.SHOW_EVENTS, ["events"], "radio",
        [{"label": "Show context events on the timeline (numbered below)", "value": "events"}])
    assert (listing.id, listing.className) == (ids.EVENTS_LIST, "events-list")
    first, second = (item.children for item in listing.children)
    assert first[0] == "17 Oct 2021 - 23 Oct 2021: Joint patrol (" and first[2] == ")"
    assert second[0] == "24 Feb 2022: Russia <invades> Ukraine ("        # one day: no span
    link = second[1]
    assert (link.children, link.href, link.target, link.rel, link.className) == (
        "ISW & co", "https://example.org/war", "_blank", "noopener noreferrer", "source-link")
    japanese = section((WAR,), "ja")
    assert japanese.children[0].children == "時系列の出来事"
    assert japanese.children[1].options[0]["label"] == "関連する出来事を時系列に表示（番号は下の一覧）"
    assert EVENT_COLOUR == "#7a5195"
