"""Shared fixtures (the shipped dataset, loaded the way the app loads it, once per session) and
the opt-in maintainer tests.

Tests marked ``rebuild_layers`` rebuild data/layers/ from npm's world-atlas: they reach the
package registry, so ``make test`` leaves them out. Run them with
``STRAITWATCH_REBUILD_LAYERS=1 .venv/bin/python -m pytest -m rebuild_layers``. When not asked
they are *deselected* (pytest reports "N deselected"), never skipped, so a CI run cannot pass
them by silently skipping; when asked, a missing npm is a failure.
"""

import collections
import os
from pathlib import Path

import pytest

#: pytest.ini's ``--doctest-modules`` is for geo/ and sightings/; the conftest files here share one
#: basename (no __init__.py), so importing them again as doctest modules would clash.
collect_ignore = ["conftest.py", "unit/conftest.py", "browser/conftest.py"]

REBUILD_LAYERS = "STRAITWATCH_REBUILD_LAYERS"


def pytest_sessionstart(session):
    """Refuse two test files of one name (tests/unit/x.py and tests/browser/x.py): pytest imports
    them as one module and stops the whole run, which a run of one folder alone never shows."""
    names = collections.Counter(path.name for path in Path(__file__).parent.rglob("test_*.py"))
    twice = sorted(name for name, count in names.items() if count > 1)
    if twice:
        raise pytest.UsageError(f"test files share a name: {', '.join(twice)}; rename one of each")


def pytest_configure(config):
    config.addinivalue_line("markers", f"rebuild_layers: rebuilds the layers with npm; runs only when "
                                       f"{REBUILD_LAYERS}=1")


def pytest_collection_modifyitems(config, items):
    if os.environ.get(REBUILD_LAYERS) == "1":
        return
    left_out = [item for item in items if item.get_closest_marker("rebuild_layers")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker("rebuild_layers")]


@pytest.fixture(scope="session")
def app_data():
    from dashboard.data import load_app_data
    return load_app_data()


@pytest.fixture(scope="session")
def sightings(app_data):
    return app_data.sightings
