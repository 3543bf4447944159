"""A pytest plugin for ``make mutation`` only: the shipped app and its data built once per mutmut run.

mutmut forks every mutant from the process that ran the tests once to map them to functions.
The test fixtures ``app_data`` and ``app`` build the whole dataset (the pipeline, 1 s) and a Dash
app over it (3 s) in every pytest session, so in every mutant; here :func:`dashboard.data.load_app_data`
and :func:`dashboard.factory.create_app` keep what they built the first time, and every forked
mutant starts with it. A mutant is still switched on when a test calls the mutated function: only
the work done while loading is not redone, so a mutant of code that runs only while loading
survives (a gap shown on the page, never a false kill). ``bench/mutation.py`` loads it (``-p``) for
every module, with ``MUTATION_LOADS_THE_APP`` set (no cache) for those whose code runs while loading
(:data:`bench.mutation.LOADS_THE_APP`); it also leaves out the tests that use a fixture named by
``MUTATION_DESELECT_FIXTURES`` and the tests named by ``MUTATION_DESELECT_TESTS``.
"""

from __future__ import annotations

import functools


def pytest_configure(config):
    import os
    if os.environ.get("MUTATION_LOADS_THE_APP"):
        return
    import dashboard.data
    import dashboard.factory
    for module, name in ((dashboard.data, "load_app_data"), (dashboard.factory, "create_app")):
        function = getattr(module, name)
        if not hasattr(function, "cache_info"):          # once per process (pytest_configure runs per session)
            setattr(module, name, functools.cache(function))


def pytest_collection_modifyitems(config, items):
    """Deselect the tests that use a fixture named in ``MUTATION_DESELECT_FIXTURES`` (comma-separated):
    a fixture that curates the whole dataset would be rebuilt for every mutant
    (:data:`bench.mutation.DESELECT`); and the test functions named in ``MUTATION_DESELECT_TESTS``
    (comma-separated ``file.py::test_name``, every parameter of it): a test that reads PDFs or spawns
    processes, whose behaviour a fast test of the module's mutants states (:data:`bench.mutation.SLOW_TESTS`)."""
    import os
    heavy = {name for name in os.environ.get("MUTATION_DESELECT_FIXTURES", "").split(",") if name}
    slow = {name for name in os.environ.get("MUTATION_DESELECT_TESTS", "").split(",") if name}

    def named(item) -> str:
        return f"{item.path.name}::{getattr(item, 'originalname', None) or item.name}"

    left_out = [item for item in items
                if heavy & set(getattr(item, "fixturenames", ())) or named(item) in slow]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]
