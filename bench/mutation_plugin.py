"""A pytest plugin for ``make mutation`` only: the shipped app and its data built once per mutmut run.

mutmut forks every mutant from the process that ran the tests once to map them to functions.
The test fixtures ``app_data`` and ``app`` build the whole dataset (the pipeline, 1 s) and a Dash
app over it (3 s) in every pytest session, so in every mutant; here :func:`dashboard.data.load_app_data`
and :func:`dashboard.factory.create_app` keep what they built the first time, and every forked
mutant starts with it. A mutant is still switched on when a test calls the mutated function: only
the work done while loading is not redone, so a mutant of code that runs only while loading
survives (a gap shown on the page, never a false kill). ``bench/mutation.py`` loads it (``-p``)
for every module except those whose code runs while loading (:data:`bench.mutation.LOADS_THE_APP`).
"""

from __future__ import annotations

import functools


def pytest_configure(config):
    import dashboard.data
    import dashboard.factory
    for module, name in ((dashboard.data, "load_app_data"), (dashboard.factory, "create_app")):
        function = getattr(module, name)
        if not hasattr(function, "cache_info"):          # once per process (pytest_configure runs per session)
            setattr(module, name, functools.cache(function))
