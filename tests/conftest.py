"""Shared fixtures: the shipped dataset loaded the way the app loads it (once per session)."""

import pytest


@pytest.fixture(scope="session")
def app_data():
    from dashboard.data import load_app_data
    return load_app_data()


@pytest.fixture(scope="session")
def sightings(app_data):
    return app_data.sightings
