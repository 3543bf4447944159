"""The pipeline: one frame for every consumer; the join's answers cached on disk, keyed by the
points, the layers and the join's code."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from geo.join import classify
from sightings import pipeline
from sightings.pipeline import cached_classify


def points(sightings, n=40):
    rows = sightings[sightings["lat"].notna()].head(n)
    lat = pd.concat([rows["lat"], pd.Series([np.nan])], ignore_index=True)   # and one row without a point
    lon = pd.concat([rows["lon"], pd.Series([np.nan])], ignore_index=True)
    return lat, lon


def test_startup001_cached_join_equals_the_join_and_is_reused(sightings, tmp_path):
    lat, lon = points(sightings)
    expected = classify(lat, lon)
    first = cached_classify(lat, lon, tmp_path)
    assert len(list(tmp_path.glob("classify-*.npz"))) == 1
    second = cached_classify(lat, lon, tmp_path)              # read back from the file
    for got in (first, second):
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert second["sea_area"].isna().iloc[-1] and second["in_strait"].iloc[-1] == ""


def test_startup002_other_points_get_their_own_entry(sightings, tmp_path):
    lat, lon = points(sightings)
    cached_classify(lat, lon, tmp_path)
    moved = lon.copy()
    moved.iloc[0] += 0.5
    cached_classify(lat, moved, tmp_path)
    assert len(list(tmp_path.glob("classify-*.npz"))) == 2


def test_startup003_a_damaged_cache_file_is_recomputed(sightings, tmp_path):
    lat, lon = points(sightings)
    cached_classify(lat, lon, tmp_path)
    entry = next(tmp_path.glob("classify-*.npz"))
    entry.write_bytes(b"not a numpy file")
    pd.testing.assert_frame_equal(cached_classify(lat, lon, tmp_path), classify(lat, lon), check_dtype=False)


def test_startup004_unwritable_cache_still_serves(sightings, tmp_path):
    lat, lon = points(sightings, 5)
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    pd.testing.assert_frame_equal(cached_classify(lat, lon, blocker / "cache"), classify(lat, lon), check_dtype=False)


def test_startup005_validation_does_not_import_hypothesis():
    """pandera would import hypothesis (0.3 s) when it is installed; the schema blocks that."""
    code = ("import sys; from sightings.store import read_sightings; read_sightings(); "
            "print('hypothesis' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"


def test_startup006_a_changed_layer_rebuilds_the_join(sightings, tmp_path, monkeypatch):
    """A rebuilt layer changes data/layers/SHA256SUMS: the cached answers are not reused."""
    lat, lon = points(sightings, 5)
    sums = tmp_path / "SHA256SUMS"
    sums.write_text("aaaa  seas.geojson\n")
    calls = []
    monkeypatch.setattr("geo.join.classify", lambda *a: calls.append(1) or classify(*a))
    cached_classify(lat, lon, tmp_path / "cache", sums)
    cached_classify(lat, lon, tmp_path / "cache", sums)
    assert len(calls) == 1                                    # the second call read the cache
    sums.write_text("bbbb  seas.geojson\n")
    pd.testing.assert_frame_equal(cached_classify(lat, lon, tmp_path / "cache", sums), classify(lat, lon),
                                  check_dtype=False)
    assert len(calls) == 2 and len(list((tmp_path / "cache").glob("classify-*.npz"))) == 2


def test_pipeline001_the_app_frame_is_the_pipeline_frame(app_data, tmp_path):
    """The app serves exactly what ``build`` makes: same rows, same columns, same values."""
    from sightings.store import read_sightings
    built = pipeline.build(cache_dir=tmp_path)
    pd.testing.assert_frame_equal(app_data.sightings, built)
    raw = read_sightings()
    assert sorted(built["id"]) == sorted(raw["id"]) and built["event_date"].is_monotonic_increasing
    pd.testing.assert_frame_equal(pipeline.prepare(raw), built)         # no cache: the same answers


def test_pipeline002_primary_source_is_a_joint_staff_release_link():
    from sightings.store import read_sightings
    rows = read_sightings().head(3).copy()
    rows["source_urls"] = [["https://www.mod.go.jp/js/pdf/2022/p20220822_02.pdf", "https://example.org/news"],
                           ["https://example.org/www.mod.go.jp/js/copy"], ["http://www.mod.go.jp/js/Press/x.pdf"]]
    assert pipeline.add_facets(rows)["primary_source"].tolist() == [True, False, True]
    assert pipeline.release_urls(rows["source_urls"].iloc[0]) == ["https://www.mod.go.jp/js/pdf/2022/p20220822_02.pdf"]
