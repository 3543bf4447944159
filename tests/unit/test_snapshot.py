"""The Parquet snapshot of the enriched frame: read back equal to a fresh build, rebuilt when the
data, the layers or the code change, skipped when it cannot be written."""

import shutil

import numpy as np
import pandas as pd
import pytest

from sightings import pipeline, snapshot
from sightings.store import DATASET, read_sightings


@pytest.fixture(scope="module")
def fresh():
    """The shipped data built from scratch: no join cache, no snapshot."""
    return pipeline.prepare(read_sightings(DATASET))


def no_rebuild(monkeypatch):
    """Make building the frame fail, so a passing build must have read the snapshot."""
    def refuse(*args, **kwargs):
        raise AssertionError("the frame was rebuilt instead of read from the snapshot")
    monkeypatch.setattr(pipeline, "prepare", refuse)


def test_snapshot001_read_back_equals_the_frame_built_from_scratch(fresh, tmp_path, monkeypatch):
    first = pipeline.build(DATASET, cache_dir=None, snapshot_dir=tmp_path)
    assert len(list(tmp_path.glob("frame-*.parquet"))) == 1
    no_rebuild(monkeypatch)
    second = pipeline.build(DATASET, cache_dir=None, snapshot_dir=tmp_path)
    pd.testing.assert_frame_equal(first, fresh)
    pd.testing.assert_frame_equal(second, fresh)          # list columns, categoricals, Int64, dates, index
    assert isinstance(second["ship_types"].iloc[0], list) and second["facet:straits"].dtype == "category"
    assert list(tmp_path.iterdir()) == list(tmp_path.glob("frame-*.parquet"))     # no temporary left


def test_snapshot002_list_columns_round_trip_exactly(tmp_path):
    frame = pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "hull_numbers": [[], [""], ["011", "11"], ["011", "11"], ["548"]],
        "source_names": [["NHK | 日本語", "x; y"], [], ["x; y"], ["NHK | 日本語", "x; y"], ["\n", " "]],
        "ships": pd.array([3, None, 1, 2, 10], dtype="Int64"),
        "lane": pd.Categorical(["Soya", "Open sea", "Soya", "Tsugaru", "Soya"]),
    })
    assert snapshot.save(frame, tmp_path / "f.parquet")
    back = snapshot.load(tmp_path / "f.parquet")
    pd.testing.assert_frame_equal(back, frame)
    assert back["hull_numbers"].tolist() == [[], [""], ["011", "11"], ["011", "11"], ["548"]]


def test_snapshot003_a_changed_data_file_builds_afresh(tmp_path):
    data = tmp_path / "sightings.csv"
    shutil.copy(DATASET, data)
    whole = pipeline.build(data, cache_dir=None, snapshot_dir=tmp_path / "snap")
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    data.write_text("".join(lines[:-1]), encoding="utf-8")                 # the last row removed
    shorter = pipeline.build(data, cache_dir=None, snapshot_dir=tmp_path / "snap")
    assert len(shorter) == len(whole) - 1 == len(read_sightings(data))
    assert len(list((tmp_path / "snap").glob("frame-*.parquet"))) == 2


def test_snapshot004_the_key_follows_data_layers_and_code(tmp_path, monkeypatch):
    sums = tmp_path / "SHA256SUMS"
    sums.write_text("aaaa  seas.geojson\n")
    code = tmp_path / "code"
    code.mkdir()
    (code / "join.py").write_text("X = 1\n")
    monkeypatch.setattr(snapshot, "PACKAGES", (code,))
    original = snapshot.key(b"id,event_date\n", sums)
    assert snapshot.key(b"id,event_date\n", sums) == original
    assert snapshot.key(b"id,event_date\n\n", sums) != original            # data
    sums.write_text("bbbb  seas.geojson\n")
    assert snapshot.key(b"id,event_date\n", sums) != original              # layers
    sums.write_text("aaaa  seas.geojson\n")
    (code / "join.py").write_text("X = 2\n")
    assert snapshot.key(b"id,event_date\n", sums) != original              # code


def test_snapshot005_the_key_covers_the_pipeline_modules():
    covered = {path.relative_to(DATASET.parents[1]).as_posix()
               for package in snapshot.PACKAGES for path in package.glob("*.py")}
    assert {"sightings/pipeline.py", "sightings/schema.py", "sightings/store.py", "sightings/positions.py",
            "geo/join.py", "geo/places.py", "geo/layers.py"} <= covered


def test_snapshot006_a_damaged_snapshot_is_rebuilt(fresh, tmp_path):
    pipeline.build(DATASET, cache_dir=None, snapshot_dir=tmp_path)
    saved = next(tmp_path.glob("frame-*.parquet"))
    saved.write_bytes(b"PAR1 not really")
    pd.testing.assert_frame_equal(pipeline.build(DATASET, cache_dir=None, snapshot_dir=tmp_path), fresh)


def test_snapshot007_an_unwritable_folder_still_serves(fresh, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the snapshot folder would go")
    pd.testing.assert_frame_equal(pipeline.build(DATASET, cache_dir=None, snapshot_dir=blocker / "snap"), fresh)
    assert snapshot.save(fresh, blocker / "snap" / "f.parquet") is False
    assert list(tmp_path.iterdir()) == [blocker]


def test_snapshot008_only_list_columns_may_be_objects(tmp_path):
    frame = pd.DataFrame({"id": ["a"], "mixed": pd.Series([np.array([1])], dtype=object)})
    with pytest.raises(TypeError, match="'mixed' holds values other than lists"):
        snapshot.save(frame, tmp_path / "f.parquet")
