"""Make docs/screenshot.png and docs/screenshot-phone.png: the real app in headless Debian chromium.

    .venv/bin/python docs/screenshot.py [--query "?from=2022-01-01&to=2022-12-31"]

The desktop picture is 1400x1000, the phone one 390x844 (a phone's screen, emulated), each
taken after the map has drawn.

Uses the browser-test setup (tests/browser/conftest.py) so the picture is what the tests see.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dash.testing.application_runners import ThreadedRunner, import_app
from selenium import webdriver

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import MAP_READY, pytest_setup_options, wait_until  # noqa: E402


DESKTOP = {"width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="?from=2022-01-01&to=2022-12-31", help="filters to show")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--phone-out", type=Path, default=ROOT / "docs" / "screenshot-phone.png")
    args = parser.parse_args(argv)
    options = pytest_setup_options()
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)   # what dash.testing adds for its own browser
    with ThreadedRunner() as runner:
        runner.start(import_app("app"))
        driver = webdriver.Chrome(options=options)
        try:
            for out, screen in ((args.out, DESKTOP), (args.phone_out, PHONE)):
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", screen)
                driver.get(runner.url.rstrip("/") + "/" + args.query)
                wait_until(lambda: driver.execute_script(MAP_READY), 30, "the map to draw")
                driver.execute_async_script("document.fonts.ready.then(arguments[0])")   # the bundled font drawn
                time.sleep(1.0)   # let the fit and the last MapLibre frame reach the screen
                driver.save_screenshot(str(out))
                print(f"wrote {out}")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
