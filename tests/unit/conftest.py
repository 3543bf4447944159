"""Fixtures the unit tests share: a copy of the shipped dataset to write to, and the app over it."""

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


@pytest.fixture(scope="module")
def app():
    """The app over the shipped dataset, built once per test module."""
    from dashboard.factory import create_app
    return create_app("data/sightings.csv")


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def dependencies(client):
    """``/_dash-dependencies``: the callbacks as the browser sees them."""
    return client.get("/_dash-dependencies").get_json()
