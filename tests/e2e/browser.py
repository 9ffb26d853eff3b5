"""A browser user for the end-to-end tests: Playwright driving the system Chromium.

Every page state the user meets is checked with axe-core (injected from ``node_modules``, not
from a CDN): no violation of impact *serious* or *critical*. A page state is who looks (the
user logged in as), which page (its URL pattern and query) with which HTTP status, which
sections and buttons it shows (its ``h2`` headings and the names of the buttons in ``main``: a
section or a "Gereed" button that appears once there are rows makes a new state), and what
shows besides its content: "fouten" (a form sent back with errors), "melding" (a message after
a save), "open" (an open dialog or details); "geopend" when none; and whether the window is
narrow (a phone: the menu folded behind a button, see ``NARROW``). axe runs
once per state in a test session (:meth:`User.check`), not after every click: the journeys
meet the same states again and again, and the sweep (``test_accessibility.py``) has often
checked them first.
Content-Security-Policy violations, console errors and uncaught script errors are collected for
the whole journey; the test asserts there were none. A journey ends with a screenshot in
``tests/e2e/screenshots/`` (a CI artefact).
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

E2E_DIR = Path(__file__).parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = E2E_DIR / "screenshots"
DEMO_PASSWORD = "regiekamer-demo"
SCREENSHOT_ATTEMPTS = 3
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

# As ../shared/MACHINE-NOTES.md says: without the networking flags Chromium keeps dialling out.
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERIOUS = {"serious", "critical"}
# Below this width (px, 48rem in static/css/app.css) the menu folds behind a button and tables
# show otherwise: a page is a new state there.
NARROW = 768
# What shows on a page besides its content, and its sections (see the docstring above).
STATE = """() => [
  [
    ["fouten", ".error, .errornote, .errorlist"],
    ["melding", ".messages, .messagelist"],
    ["open", "dialog[open], details[open]"],
  ].filter(([, selector]) => document.querySelector(selector)).map(([name]) => name).join("+")
    || "geopend",
  [...document.querySelectorAll("h2")].map((h) => h.textContent.trim()).join(" | "),
  [...new Set([...document.querySelectorAll("main button, main input[type=submit]")]
    .map((b) => (b.innerText || b.value || b.getAttribute("aria-label") || "").trim()))]
    .sort().join(", "),
  window.innerWidth < NARROW ? "smal" : "",
]"""

# Reported to Python from the page, so violations survive the navigation that follows them.
# The second argument says whether the violating code came from a file: code without one is
# what the test evaluated in the page (the app's own scripts are all files).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile || document.location.pathname}:${e.lineNumber}`, !!e.sourceFile);
});
"""
# axe-core itself breaks the CSP: to read a stylesheet with an @import (the admin's forms.css)
# it copies the rules into <style> elements, which the policy blocks. Only while axe runs, only
# these, and only from evaluated code (not from a file of the app) are not the app's problems.
AXE_OWN_CSP = "style-src-elem blocked inline"
AXE_OWN_CONSOLE = "Applying inline style violates the following Content Security Policy"


def missing_requirements() -> list[str]:
    """What this machine lacks to run the browser tests (empty when it can)."""
    missing = []
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright (pip install '.[dev]')")
    if not CHROMIUM.exists():
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    if not AXE_JS.exists():
        missing.append("axe-core (npm ci --prefix tests/e2e)")
    return missing


def axe_summary(violations) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} -> {targets}")
    return "\n".join(lines)


def page_key(path: str) -> str:
    """The page a path shows: its URL pattern (the rows it names aside) and its query."""
    parts = urlsplit(path)
    try:
        page = "/" + resolve(parts.path).route
    except Resolver404:
        page = parts.path
    return f"{page}?{parts.query}" if parts.query else page


class User:
    """One person at one browser: ``user.open(path)``, ``user.check()``, ``user.problems``.

    ``checked`` holds the page states axe has passed in this test session (shared by every
    user of the session, see ``conftest.py``); without it the user remembers his own.
    """

    def __init__(self, page, base_url: str, checked: set | None = None):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.problems: list[str] = []  # CSP violations, console errors, script errors
        self.audited: list[str] = []  # the paths axe checked
        self.checked = set() if checked is None else checked
        self.username = ""  # who is logged in (log_in)
        self.status = 200  # the HTTP status of the page shown
        self._error_page = None  # (url, status) of an error page opened on purpose
        self._auditing = False  # axe is running
        page.expose_function("reportCspViolation", self._csp_violation)
        page.add_init_script(CSP_LISTENER)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def _csp_violation(self, text: str, from_file: bool):
        if self._auditing and not from_file and text.startswith(AXE_OWN_CSP):
            return
        self.problems.append(f"CSP {text}")

    def _console(self, message):
        if message.type != "error":
            return
        if self._auditing and message.text.startswith(AXE_OWN_CONSOLE):
            return
        if self._error_page is not None:
            # Chromium logs the status of an error page; one opened on purpose is no problem.
            url, status = self._error_page
            failed = f"Failed to load resource: the server responded with a status of {status} "
            if message.location.get("url") == url and message.text.startswith(failed):
                return
        self.problems.append(f"console error on {self.path}: {message.text}")

    @property
    def path(self) -> str:
        return re.sub(r"^https?://[^/]+", "", self.page.url)

    def url(self, path: str) -> str:
        return self.base_url + path

    def open(self, path: str, status: int = 200):
        response = self.visit(path, status)
        self.check()
        return response

    def visit(self, path: str, status: int = 200):
        """Go to ``path``, which must answer ``status``; no audit (``open`` audits)."""
        self._error_page = (self.url(path), status) if status >= 400 else None
        response = self.page.goto(self.url(path))
        assert response.status == status, f"{path}: HTTP {response.status}"
        self.status = response.status
        return response

    def log_in(self, username: str, password: str = DEMO_PASSWORD):
        self.status = self.page.goto(self.url("/inloggen/")).status
        self.check()
        self.page.get_by_label("Gebruikersnaam").fill(username)
        self.page.get_by_label("Wachtwoord").fill(password)
        with self.page.expect_navigation() as navigation:
            self.page.get_by_role("button", name="Inloggen").click()
        self.username = username
        self._arrived(navigation)

    def submit(self, name: str):
        """Click the submit button called ``name`` and wait for the page it leads to."""
        with self.page.expect_navigation() as navigation:
            self.page.get_by_role("button", name=name, exact=True).click()
        self._arrived(navigation)

    def follow(self, name: str):
        """Click the link called ``name`` and wait for the page it leads to."""
        with self.page.expect_navigation() as navigation:
            self.page.get_by_role("link", name=name, exact=True).first.click()
        self._arrived(navigation)

    def _arrived(self, navigation):
        """After a click that loaded a page: remember its status, check its state."""
        response = navigation.value
        self.status = response.status if response is not None else 200
        self.check()

    def download(self, name: str) -> bytes:
        """Click the link called ``name`` that downloads a file; the file's content."""
        with self.page.expect_download() as info:
            self.page.get_by_role("link", name=name, exact=True).first.click()
        download = info.value
        assert download.failure() is None, f"download {name}: {download.failure()}"
        return Path(download.path()).read_bytes()

    def state(self, label: str | None = None) -> tuple:
        """The page state as it is now: who, which page, its status, ``label`` or what shows
        besides the content, its sections and its buttons (the module's docstring)."""
        self.page.wait_for_load_state("load")
        shows, sections, buttons, narrow = self.page.evaluate(STATE.replace("NARROW", str(NARROW)))
        page = page_key(self.path)
        return (self.username, page, self.status, label or shows, sections, buttons, narrow)

    def check(self, label: str | None = None):
        """axe-core on the page state as it is now, unless this session has checked that state
        already: no serious or critical violation. ``label`` names a state that the page does
        not show by itself (a menu opened with the keyboard)."""
        serious = self.new_violations(label)
        assert not serious, f"axe on {self.path}:\n{axe_summary(serious)}"

    def new_violations(self, label: str | None = None) -> list[dict]:
        """What axe finds on this page state (:meth:`violations`); nothing without running it
        when this session checked the state before. A state is checked when axe found none."""
        state = self.state(label)
        if state in self.checked:
            return []
        serious = self.violations()
        if not serious:
            self.checked.add(state)
        return serious

    def audit(self):
        """axe-core on the page as it is now, checked before or not: no serious or critical
        violation."""
        serious = self.violations()
        assert not serious, f"axe on {self.path}:\n{axe_summary(serious)}"

    def violations(self, impacts=SERIOUS) -> list[dict]:
        """What axe-core finds on the page as it is now, of the given impacts."""
        self.page.wait_for_load_state("load")
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        self._auditing = True
        try:
            result = self.page.evaluate("async () => await window.axe.run(document)")
        finally:
            self._auditing = False
        self.audited.append(self.path)
        return [v for v in result["violations"] if v["impact"] in impacts]

    def text(self) -> str:
        return self.page.inner_text("main")

    def screenshot(self, name: str, directory: Path = SCREENSHOTS):
        """The whole page as it is now, as `directory/name.png`.

        Chromium now and then answers a full-page capture taken just after a resize or a
        navigation with "Unable to capture screenshot" (seen once in CI, after a viewport
        change): the capture waits for two painted frames and is tried again, at most three
        times; any other error is raised at once."""
        from playwright.sync_api import Error as PlaywrightError

        directory.mkdir(parents=True, exist_ok=True)
        for attempt in range(1, SCREENSHOT_ATTEMPTS + 1):
            self.page.wait_for_load_state("load")
            self.page.evaluate(TWO_FRAMES)
            try:
                self.page.screenshot(path=directory / f"{name}.png", full_page=True)
                return
            except PlaywrightError as error:
                last = attempt == SCREENSHOT_ATTEMPTS
                if last or "Unable to capture screenshot" not in str(error):
                    raise

    def assert_clean(self):
        assert not self.problems, "\n".join(self.problems)
