"""Fixtures for the web console tests: a server of their own, and headless Chromium driven by selenium.

The browser is Debian's chromium with its chromedriver (scripts/setup installs both). Every page the tests reach
is saved as a screenshot in docs/screenshots/, which the README shows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from support import make_client, own_server

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WAIT_SECONDS = 20


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The console tests' server (overrides the top-level `server` in this folder), with a 50 ms state delay."""
    with own_server(tmp_path_factory, "console-server") as process:
        yield process


@pytest.fixture(scope="session")
def kinesis(server):
    return make_client(server.endpoint)


def chromium_driver() -> webdriver.Chrome:
    """Headless Chromium at 1280x900 (the screenshots' size), through the system's chromedriver so that selenium
    never tries to download one."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--autoplay-policy=no-user-gesture-required", "--mute-audio"):
        options.add_argument(argument)
    # The browser's console log, so that a failed module or a script error fails the test that caused it.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


class Console:
    """The browser on the console of one server, with the waits every test needs."""

    def __init__(self, driver: webdriver.Chrome, endpoint: str):
        self.driver = driver
        self.endpoint = endpoint

    def open(self, route: str = "") -> None:
        """Loads the console afresh at `route` (a fragment-only change would keep the page as it was). The tab's
        session storage, where sign-in lives, survives."""
        self.driver.get("about:blank")
        self.driver.get(f"{self.endpoint}/console/#{route}")

    def wait(self, condition, timeout: float = WAIT_SECONDS, message: str = ""):
        return WebDriverWait(self.driver, timeout, poll_frequency=0.2).until(condition, message)

    def element(self, css: str, timeout: float = WAIT_SECONDS):
        return self.wait(expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, css)), timeout,
                         f"no visible {css}")

    def elements(self, css: str):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def wait_text(self, css: str, text: str, timeout: float = WAIT_SECONDS):
        """Waits until the element at `css` contains `text`; returns the element's whole text."""
        self.wait(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, css), text), timeout,
                  f"{css} never showed {text!r}; it shows {self.text_of(css)!r}")
        return self.text_of(css)

    def text_of(self, css: str) -> str:
        """The rendered text of the first element at `css`, read in one step (pages re-render while polling, so a
        found element can be replaced before selenium reads it)."""
        text = self.driver.execute_script("return document.querySelector(arguments[0])?.innerText ?? null", css)
        return "(absent)" if text is None else text

    def texts(self, css: str) -> list[str]:
        """The rendered text of every element at `css`, read in one step."""
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]), (e) => e.innerText)", css)

    def fill(self, css: str, value: str) -> None:
        field = self.element(css)
        field.clear()
        field.send_keys(value)

    def choose(self, css: str, value: str) -> None:
        from selenium.webdriver.support.ui import Select
        Select(self.element(css)).select_by_value(value)

    def errors(self) -> list[str]:
        """The console's error notices, and the browser's severe log entries (a failed module, a script error)."""
        shown = [e.text for e in self.elements(".notice.error")]
        logged = [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
        return shown + logged

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        # The whole page, not only the window: grow the window to the page's height for the shot.
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(1280, min(max(height, 900), 3000))
        self.driver.execute_script("window.scrollTo(0, 0)")
        try:
            self.driver.save_screenshot(str(path))
        finally:
            self.driver.set_window_size(1280, 900)
        return path


@pytest.fixture(scope="session")
def browser():
    driver = chromium_driver()
    yield driver
    driver.quit()


@pytest.fixture
def console(browser, server):
    """The browser on the shared server's console, signed out."""
    view = Console(browser, server.endpoint)
    view.open("/streams")
    browser.execute_script("sessionStorage.clear()")
    browser.get_log("browser")  # what earlier tests logged is theirs
    return view
