"""Browser-test setup: Debian's headless chromium, quiet on a closed network.

There is deliberately no skip: without chromium and chromedriver these tests error, on CI
and locally alike (`make test` installs both).

Every browser test runs in one pytest-xdist worker, one after another (tests/conftest.py), and
they share the app app.py builds (:func:`import_app`): the app keeps no state between requests,
so a test sees what any visitor of a running server sees.
"""

import os
import re
import socket
from pathlib import Path

import pytest
from dash.testing import application_runners
from dash.testing.composite import DashComposite
from dash.testing.wait import until
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.support.wait import WebDriverWait

from dashboard import ids
from dashboard.settings import ENV

#: The frozen fixture (tests/fixtures/README.md): 25 hand-made rows with literal answers.
FROZEN = Path(__file__).resolve().parents[1] / "fixtures" / "sightings.csv"
#: The window size every test starts with.
WINDOW = (1400, 1100)


def _free_port() -> int:
    """A loopback port nothing listens on now (the system's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


#: Seconds between two looks of a wait (dash.testing's ``until`` default).
POLL = 0.1


def start(dash_duo, path="", data=None):
    """The real app.py served to ``dash_duo``, opened at ``path`` (a query or fragment); the app.

    ``data`` is the sightings CSV it serves (``STRAITWATCH_DATA``, as a WSGI server gives it),
    the shipped dataset when None.
    """
    app = _import_app(data)
    dash_duo.start_server(app, navigate=not path)
    if path:
        # Opened straight at the test's own address. start_server's ``navigate`` sets server_url
        # through a setter that first loads "/" (a whole page and map, seconds, for nothing);
        # _url is what that setter stores.
        dash_duo._url = dash_duo.server.url
        dash_duo.wait_for_page(url=dash_duo.server_url + path)
    return app


def start_frozen(dash_duo, path=""):
    """:func:`start` over the frozen fixture (:data:`FROZEN`), opened at ``path``."""
    return start(dash_duo, path, FROZEN)


def _import_app(data):
    """``import_app("app")`` with ``STRAITWATCH_DATA`` set to ``data`` while app.py builds the app."""
    if data is None:
        return import_app("app")
    before = os.environ.get(ENV["data"])
    os.environ[ENV["data"]] = str(data)
    try:
        return import_app("app")
    finally:
        if before is None:
            del os.environ[ENV["data"]]
        else:
            os.environ[ENV["data"]] = before


def plot(component: str) -> str:
    """JavaScript for the Plotly graph div inside the dcc.Graph ``component``."""
    return f"document.querySelector('#{component} .js-plotly-plot')"


MAP_READY = f"""
const gd = {plot(ids.MAP)};
const m = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot
          && gd._fullLayout.map._subplot.map;
return !!(m && m.loaded() && m.areTilesLoaded() && !m.isMoving());
"""
MARKERS_ON_MAP = f"""
const gd = {plot(ids.MAP)};
return gd.data.slice(1).filter(t => t.mode !== "lines").reduce((n, t) => n + (t.lat ? t.lat.length : 0), 0);
"""


def pytest_setup_options():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-quic", "--no-first-run", f"--window-size={WINDOW[0]},{WINDOW[1]}", "--hide-scrollbars",
                     "--enable-unsafe-swiftshader"):
        options.add_argument(argument)
    return options


#: dash.testing stops a test's server by raising SystemExit in each thread it started, so a request
#: thread still holding the shared chromium's keep-alive connection ends with that exception. It is
#: how the server stops, not an error of the app (the app's errors are in the page's console, which
#: the tests read); the warning is left out for these threads only.
SERVER_STOPPED = ("ignore:Exception in thread .* [(]process_request_thread[)]"
                  ":pytest.PytestUnhandledThreadExceptionWarning")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.filterwarnings(SERVER_STOPPED))


@pytest.fixture(scope="session")
def _servers():
    """The run's servers, one per app (the shipped data's, the frozen fixture's): each started by
    the first test that opens its app and stopped when the run ends."""
    running: dict = {}
    yield running
    for runner in running.values():
        runner.stop()


@pytest.fixture
def dash_thread_server(_servers):
    """dash.testing's ``dash_thread_server``, with each app served by one server for the whole run,
    as one running site is visited by many people (the app keeps no state between requests).

    Starting and stopping a server per test cost about 0.8 s a test, and each new server had a
    new port: a new origin, so the shared chromium fetched and compiled Dash's and Plotly's
    scripts (served with a year's max-age) again, 1.4 s more a page. One port per app keeps them
    cached and compiled, as for a returning visitor.
    """
    class Shared:
        runner = None

        def __call__(self, app, **_options):
            if app not in _servers:
                _servers[app] = application_runners.ThreadedRunner()
                _servers[app].start(app, port=_free_port())
            self.runner = _servers[app]

        @property
        def url(self) -> str:
            return self.runner.url if self.runner else ""

    return Shared()


@pytest.fixture(scope="session")
def _chromium():
    """One headless chromium for every browser test of the run (starting and quitting one per
    test took about 1.8 s a test, 95 s of a run). :func:`dash_duo` gives each test a clean one."""
    held: dict = {}
    yield held
    if "driver" in held:
        held["driver"].quit()


@pytest.fixture
def dash_duo(request, dash_thread_server, tmpdir, _chromium):
    """dash.testing's ``dash_duo`` (the same options) on the run's one chromium, made as new for
    each test: its own download folder, the start window size, no other tabs, no console
    entries of earlier tests, and, when it ends, the app's site data (local storage, cookies)
    cleared and the emulations tests set through the DevTools protocol (a phone's screen, a slow
    network) lifted, so no choice a test made (the page language, remembered in local storage)
    reaches the next. A chromium that stopped answering is replaced."""
    class Duo(DashComposite):
        def _wait_for(self, method, timeout, msg):
            # selenium's WebDriverWait looks every 0.5 s, so each wait_for_* outlasted what it waited
            # for by a quarter of a second on average; dash.testing's own ``until`` looks every 0.1 s
            self._wd_wait = WebDriverWait(self.driver, timeout or self._wait_timeout, poll_frequency=POLL)
            return super()._wait_for(method, None, msg)

        def _try_get_webdriver(self):
            driver = _chromium.get("driver")
            try:
                driver and driver.window_handles
            except WebDriverException:
                driver = None
            if driver is None:
                driver = _chromium["driver"] = super()._try_get_webdriver()
            return driver

        def __exit__(self, *exc):
            driver = self.driver
            try:
                for handle in driver.window_handles[1:]:
                    driver.switch_to.window(handle)
                    driver.close()
                driver.switch_to.window(driver.window_handles[0])
                driver.get("about:blank")
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})      # a phone's screen
                driver.execute_cdp_cmd("Network.emulateNetworkConditions",              # a slow network
                                       {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
                driver.execute_cdp_cmd("Network.disable", {})
                if self.server.url:
                    driver.execute_cdp_cmd("Storage.clearDataForOrigin",
                                           {"origin": self.server.url.rstrip("/"), "storageTypes": "all"})
                driver.delete_all_cookies()
            except WebDriverException:
                _chromium.pop("driver", None).quit()

    config = request.config
    with Duo(server=dash_thread_server, browser=config.getoption("webdriver"), remote=config.getoption("remote"),
             remote_url=config.getoption("remote_url"), headless=config.getoption("headless"),
             options=config.hook.pytest_setup_options(), download_path=tmpdir.mkdir("download").strpath,
             percy_assets_root=config.getoption("percy_assets"), percy_finalize=config.getoption("nopercyfinalize"),
             pause=config.getoption("pause")) as duo:
        duo.driver.set_window_size(*WINDOW)
        duo.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": duo.download_path})
        duo.driver.get_log("browser")            # earlier tests' console entries
        yield duo


def wait_until(condition, timeout=15.0, message="condition"):
    """dash.testing's ``until``: poll ``condition`` every :data:`POLL` s (no sleeps in the tests); fail
    with ``message``."""
    return until(condition, timeout, poll=POLL, msg=f"timed out after {timeout}s waiting for {message}")


@pytest.fixture
def wait_map(dash_duo):
    def wait():
        wait_until(lambda: dash_duo.driver.execute_script(MAP_READY), 30, "the map to finish drawing")
    return wait


@pytest.fixture
def markers(dash_duo):
    return lambda: dash_duo.driver.execute_script(MARKERS_ON_MAP)


def open_tab(dash_duo, label: str) -> None:
    """Open the tab ``label`` ("Vessels", "Statistics") of the views below the map: a tab's view is
    computed only while it is shown (dashboard.views)."""
    tab = next(t for t in dash_duo.find_elements(f"#{ids.VIEW_TABS} .tab") if t.text == label)
    tab.click()


def viewport(dash_duo, width: int, height: int) -> None:
    """Resize so the page's viewport (window.innerWidth/innerHeight) is ``width`` x ``height``."""
    driver = dash_duo.driver

    def inner() -> list[int]:
        return driver.execute_script("return [window.innerWidth, window.innerHeight]")

    def resized() -> bool:
        # the window's frame is what set_window_size sets; on a loaded machine the page may still
        # report the old size for a moment, so correct by the frame measured each time and try again
        now = inner()
        if now == [width, height]:
            return True
        outer = driver.get_window_size()
        driver.set_window_size(outer["width"] + width - now[0], outer["height"] + height - now[1])
        return inner() == [width, height]

    driver.set_window_size(width, height)
    wait_until(resized, message=f"a {width}x{height} viewport")


_APPS = {}


def import_app(module: str):
    """dash.testing's ``import_app(module)``, run once per module and STRAITWATCH_* settings (app.py
    reads them as it builds the app): building the app takes 2-3 s, 48 times in a run otherwise.
    Sharing it is safe because the app is read-only after start-up (no mutable state in callbacks,
    dashboard/data.py), as it must be for a server that many people visit."""
    from dashboard.settings import from_env
    key = (module, from_env())
    if key not in _APPS:
        _APPS[key] = application_runners.import_app(module)
    return _APPS[key]


def exported_svg_text(dash_duo, chart: str, name: str) -> str:
    """Click the modebar's "Download plot" of the dcc.Graph ``chart`` and return the text a reader
    sees in the SVG saved as ``name`` (its text nodes, white space folded, ``&amp;`` read as ``&``)."""
    dash_duo.driver.execute_script(
        f"document.querySelector('#{chart} .modebar-btn[data-title^=\"Download plot\"]').click()")
    path = os.path.join(dash_duo.download_path, name)
    wait_until(lambda: os.path.exists(path) and os.path.getsize(path) > 0, 30, f"download {path}")
    with open(path, encoding="utf-8") as handle:
        svg = handle.read()
    assert svg.lstrip().startswith("<svg")
    return re.sub(r"\s+", " ", " ".join(re.findall(r">([^<>]+)<", svg))).replace("&amp;", "&")
