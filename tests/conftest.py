"""Shared fixtures (the shipped dataset, loaded the way the app loads it, once per session) and
the opt-in maintainer tests.

Tests marked ``rebuild_layers`` rebuild data/layers/ from npm's world-atlas: they reach the
package registry, so ``make test`` leaves them out. Run them with
``STRAITWATCH_REBUILD_LAYERS=1 .venv/bin/python -m pytest -m rebuild_layers``. When not asked
they are *deselected* (pytest reports "N deselected"), never skipped, so a CI run cannot pass
them by silently skipping; when asked, a missing npm is a failure.

``make test`` runs on two pytest-xdist workers (``-n 2``); :func:`pytest_xdist_make_scheduler`
keeps every browser test on one worker, one after another, while the other takes the unit tests
and doctests module by module. A test must therefore not rely on another test having run before
it in the same process, and must write only under ``tmp_path`` (each worker has its own).
"""

import collections
import os
from pathlib import Path

import pytest

#: pytest.ini's ``--doctest-modules`` is for geo/ and sightings/; the conftest files here share one
#: basename (no __init__.py), so importing them again as doctest modules would clash.
collect_ignore = ["conftest.py", "unit/conftest.py", "browser/conftest.py"]

REBUILD_LAYERS = "STRAITWATCH_REBUILD_LAYERS"

#: Where the browser tests live, as pytest's node ids start (relative to the rootdir).
BROWSER_TESTS = "tests/browser/"


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


@pytest.hookimpl(optionalhook=True)   # a hook of pytest-xdist: unknown under -p no:xdist
def pytest_xdist_make_scheduler(config, log):
    """Under ``-n N`` (pytest-xdist's default ``--dist load``): every browser test in one work unit,
    sent first, so one worker runs them one after another; unit tests and doctests go out a module
    at a time (a module's fixtures built once). Two browser tests at once would start two
    chromiums on a 2-core machine and two dash.testing servers on one port: each worker counts
    its ports from 58050. (xdist's own ``--dist loadgroup`` renames node ids, which pytest 9 no
    longer lets it do.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return BROWSER_TESTS if nodeid.startswith(BROWSER_TESTS) else super()._split_scope(nodeid)

        def _assign_work_unit(self, node):
            if BROWSER_TESTS in self.workqueue:   # the longest unit first, so it never ends the run
                self.workqueue.move_to_end(BROWSER_TESTS, last=False)
            super()._assign_work_unit(node)

    return BrowserTestsTogether(config, log)


@pytest.fixture(scope="session")
def app_data():
    from dashboard.data import load_app_data
    return load_app_data()


@pytest.fixture(scope="session")
def sightings(app_data):
    return app_data.sightings
