"""Fixtures the unit tests share: a copy of the shipped dataset to write to, the app over it, and the
frozen fixture (tests/fixtures/sightings.csv) as the pipeline and the app see it."""

from pathlib import Path

import pytest

from sightings.store import DATASET


@pytest.fixture
def dataset(tmp_path):
    """A copy of the shipped dataset, mode 0644, in its own folder (a test may write it)."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "sightings.csv"
    path.write_bytes(DATASET.read_bytes())
    path.chmod(0o644)
    return path


@pytest.fixture(scope="session")
def app():
    """The app over the shipped dataset, built once per session (per xdist worker). Tests only read
    it, as visitors do; a test that changes an app (a route, dev tools) builds its own."""
    from dashboard.factory import create_app
    return create_app("data/sightings.csv")


@pytest.fixture(scope="session")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def dependencies(client):
    """``/_dash-dependencies``: the callbacks as the browser sees them."""
    return client.get("/_dash-dependencies").get_json()


# -- the frozen fixture (tests/fixtures/sightings.csv, issue 20) --------------------------------
# 25 hand-made rows, each with a stated purpose (tests/fixtures/README.md), loaded through the
# real pipeline; the test_frozen_* files state their answers literally, worked out from the rows.

#: The frozen fixture: never regenerated from the live dataset, edited only by hand.
FROZEN = Path(__file__).resolve().parents[1] / "fixtures" / "sightings.csv"


@pytest.fixture(scope="session")
def _frozen_built():
    from sightings.pipeline import build
    return build(FROZEN)


@pytest.fixture
def frozen(_frozen_built):
    """The frozen fixture as the app's frame (:func:`sightings.pipeline.build`), a fresh copy per test."""
    return _frozen_built.copy()


@pytest.fixture
def frozen_raw():
    """The frozen fixture validated and positioned (:func:`sightings.store.read_sightings`), before the join."""
    from sightings.store import read_sightings
    return read_sightings(FROZEN)


@pytest.fixture(scope="session")
def frozen_app():
    """The app over the frozen fixture (:func:`dashboard.factory.create_app`), built once per session."""
    from dashboard.factory import create_app
    return create_app(FROZEN)


@pytest.fixture(scope="session")
def frozen_client(frozen_app):
    return frozen_app.server.test_client()
