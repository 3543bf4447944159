"""The pipeline: one frame for every consumer, built afresh from the files at each start."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

from sightings import pipeline

ROOT = Path(__file__).resolve().parents[2]


def test_startup005_validation_does_not_import_hypothesis():
    """pandera would import hypothesis (0.3 s) when it is installed; the schema blocks that."""
    code = ("import sys; from sightings.store import read_sightings; read_sightings(); "
            "print('hypothesis' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"


def test_pipeline001_the_app_frame_is_the_pipeline_frame(app_data):
    """The app serves exactly what ``build`` makes: same rows, same columns, same values."""
    from sightings.store import read_sightings
    built = pipeline.build()
    pd.testing.assert_frame_equal(app_data.sightings, built)
    raw = read_sightings()
    assert sorted(built["id"]) == sorted(raw["id"]) and built["event_date"].is_monotonic_increasing
    pd.testing.assert_frame_equal(pipeline.prepare(raw), built)


def test_pipeline002_primary_source_is_a_joint_staff_release_link():
    from sightings.store import read_sightings
    rows = read_sightings().head(3).copy()
    rows["source_urls"] = [["https://www.mod.go.jp/js/pdf/2022/p20220822_02.pdf", "https://example.org/news"],
                           ["https://example.org/www.mod.go.jp/js/copy"], ["http://www.mod.go.jp/js/Press/x.pdf"]]
    from geo.join import enrich
    assert pipeline.add_facets(enrich(rows))["primary_source"].tolist() == [True, False, True]
    assert pipeline.release_urls(rows["source_urls"].iloc[0]) == ["https://www.mod.go.jp/js/pdf/2022/p20220822_02.pdf"]


# -- issue 18 point 12: nothing stale ----------------------------------------------------------

#: Builds the app's frame as ``app.py`` does at start-up and prints what the test reads.
_START = """
import json, sys
from dashboard.data import load_app_data
frame = load_app_data(sys.argv[1]).sightings.set_index("id")
print(json.dumps({"ids": sorted(frame.index), "lat": frame.at["t-derived", "lat"],
                  "classes": frame.at["t-derived", "class:types"], "ships": int(frame.at["t-area", "ships"])}))
"""


def _start_app(repo: Path, data: Path) -> dict:
    """The frame a fresh process of the copied app builds (a "next start"): a new interpreter,
    so no import-time state of this test run is reused."""
    out = subprocess.run([sys.executable, "-c", _START, str(data)], capture_output=True, text=True, cwd=repo,
                         env={"PYTHONPATH": str(repo), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_pipeline003_edited_data_files_show_at_the_next_start(tmp_path):
    """Editing data/ship_classes.csv, data/gazetteer.csv or the sightings file shows in the frame
    the app builds at its next start (issue 18, point 12: a snapshot keyed without the class
    dictionary or the gazetteer served the old names and positions)."""
    repo = tmp_path / "repo"
    for package in ("geo", "sightings", "dashboard"):
        shutil.copytree(ROOT / package, repo / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", repo / "data", ignore=shutil.ignore_patterns("jso", "sources", "examples",
                                                                                 "sightings.csv"))
    header = (ROOT / "data" / "sightings.csv").read_text(encoding="utf-8").splitlines()[0]
    data = repo / "data" / "sightings.csv"
    rows = pd.DataFrame([
        {"id": "t-derived", "event_date": "2022-03-14", "report_date": "2022-03-16", "ships": "1", "ship_types": "Udaloy I-class missile destroyer",
         "location_text": "about 70 km east-northeast of Cape Shiriya, Aomori", "strait": "Tsugaru",
         "direction": "west", "activity": "transit", "with_chinese_ships": "no",
         "source_urls": "https://example.org/a", "source_names": "Example"},
        {"id": "t-area", "event_date": "2022-03-15", "report_date": "2022-03-16", "ships": "4", "ship_types": "Ropucha I-class tank landing ship",
         "location_text": "Tsugaru Strait", "position_kind": "area", "strait": "Tsugaru", "direction": "west",
         "activity": "transit", "with_chinese_ships": "no", "source_urls": "https://example.org/b",
         "source_names": "Example"},
    ], columns=header.split(","))
    data.write_text(rows.fillna("").to_csv(index=False, lineterminator="\n"), encoding="utf-8")

    before = _start_app(repo, data)
    assert before["ids"] == ["t-area", "t-derived"] and before["classes"] == "Udaloy I-class destroyer"
    assert before["ships"] == 4 and 41.5 < before["lat"] < 42.0        # ~70 km ENE of Cape Shiriya (41.43 N)

    # one file at a time: each edit alone must show (a key over the others would not see it)
    _edit(repo / "data" / "ship_classes.csv", ",Udaloy I-class destroyer,", ",Udaloy I-class large ASW ship,")
    assert _start_app(repo, data)["classes"] == "Udaloy I-class large ASW ship"
    _edit(repo / "data" / "gazetteer.csv", "Cape Shiriya,Shiriya-zaki;Shiriyazaki;Shiriya-saki;尻屋崎;尻屋埼;Siriya "
          "Saki (IHO S-23 spelling),cape,41.43,", "Cape Shiriya,Shiriya-zaki;Shiriyazaki;Shiriya-saki;尻屋崎;尻屋埼;"
          "Siriya Saki (IHO S-23 spelling),cape,40.43,")
    assert 40.5 < _start_app(repo, data)["lat"] < 41.0                  # Cape Shiriya moved 1 degree south
    _edit(data, ",4,Ropucha I-class tank landing ship,", ",5,Ropucha I-class tank landing ship,")
    assert _start_app(repo, data)["ships"] == 5
