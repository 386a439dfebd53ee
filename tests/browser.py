"""Debian's headless chromium driven by selenium, for tests of the chat page.

The browser tests run in CI: `make test` installs chromium and chromium-driver first
(.ci/install-browser). Where they are missing the tests fail and say how to install them;
RAG_SKIP_BROWSER_TESTS=1 skips them on purpose. Every test that uses the browser is marked
``browser``, so `make test-fast` leaves it out.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

# Read at import: the hermetic fixture clears RAG_* variables for each test.
SKIP_BROWSER = os.environ.get("RAG_SKIP_BROWSER_TESTS") == "1"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WAIT_S = 30


def _find(path: str, name: str) -> str | None:
    return path if Path(path).is_file() else shutil.which(name)


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "driver" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def driver() -> Iterator:
    chromium = _find(CHROMIUM, "chromium")
    chromedriver = _find(CHROMEDRIVER, "chromedriver")
    if not (chromium and chromedriver):
        message = (
            f"the chat page tests need chromium and chromedriver ({CHROMIUM}, {CHROMEDRIVER}): "
            "install them with `apt-get install chromium chromium-driver` (`make test` does), "
            "or set RAG_SKIP_BROWSER_TESTS=1 to skip these tests"
        )
        if SKIP_BROWSER:
            pytest.skip(message)
        pytest.fail(message, pytrace=False)

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="rag-chromium-")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SE_OFFLINE", "true")  # Selenium Manager never downloads anything
        browser = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


@contextmanager
def serving(app) -> Iterator[str]:
    """The app on a real HTTP server, as `rag serve` runs it."""
    from waitress import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}/"
    finally:
        server.close()
        for channel in list(server._map.values()):
            channel.handle_close()
        server.task_dispatcher.shutdown()


class Page:
    """The page in the browser, with the waits the tests share."""

    def __init__(self, driver, url: str) -> None:
        self.driver = driver
        self.url = url
        self.expected_errors: list[str] = []  # console errors a test provokes on purpose

    def wait(self, condition, message: str):
        return WebDriverWait(self.driver, WAIT_S, poll_frequency=0.1).until(condition, message)

    def find(self, css: str):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str) -> list:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def open(self, *, ready: bool = True) -> None:
        self.driver.get(self.url)
        if ready:
            self.wait(
                lambda d: self.js("return document.documentElement.dataset.ready") == "true",
                "the page did not finish loading",
            )

    def ask(self, question: str) -> None:
        box = self.find("#question")
        box.send_keys(question)
        box.send_keys(Keys.ENTER)

    def answers(self, count: int) -> list:
        """Wait for ``count`` finished answers; returns their bubbles."""
        css = ".message.assistant .answer[aria-busy='false']"
        self.wait(lambda d: len(self.find_all(css)) >= count, f"no answer number {count}")
        return self.find_all(css)

    def documents(self) -> list[str]:
        return [
            li.find_element("css selector", ".doc-name").text
            for li in self.find_all("#documents li")
        ]

    def preview_loaded(self) -> bool:
        return self.js(
            "const i = document.getElementById('source-image');"
            "return i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0;"
        )


@pytest.fixture
def page(driver) -> Iterator[Page]:
    driver.get("about:blank")
    driver.get_log("browser")  # start from an empty console
    opened = Page(driver, "")
    yield opened
    errors = [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE"
        and not any(expected in entry["message"] for expected in opened.expected_errors)
    ]
    driver.get("about:blank")  # let go of the server before it stops
    assert not errors, f"errors in the browser console: {errors}"
