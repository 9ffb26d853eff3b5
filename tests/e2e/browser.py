"""A browser user for the end-to-end tests: Playwright driving the system Chromium.

Every page the user opens is checked with axe-core (injected from ``node_modules``, not from a
CDN): no violation of impact *serious* or *critical*. Content-Security-Policy violations, console
errors and uncaught script errors are collected for the whole journey; the test asserts there
were none. A journey ends with a screenshot in ``tests/e2e/screenshots/`` (a CI artefact).
"""

import os
import re
from pathlib import Path

E2E_DIR = Path(__file__).parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = E2E_DIR / "screenshots"
DEMO_PASSWORD = "regiekamer-demo"

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


class User:
    """One person at one browser: ``user.open(path)``, ``user.audit()``, ``user.problems``."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.problems: list[str] = []  # CSP violations, console errors, script errors
        self.audited: list[str] = []  # the paths axe checked
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
        self.audit()
        return response

    def visit(self, path: str, status: int = 200):
        """Go to ``path``, which must answer ``status``; no audit (``open`` audits)."""
        self._error_page = (self.url(path), status) if status >= 400 else None
        response = self.page.goto(self.url(path))
        assert response.status == status, f"{path}: HTTP {response.status}"
        return response

    def log_in(self, username: str, password: str = DEMO_PASSWORD):
        self.page.goto(self.url("/inloggen/"))
        self.audit()
        self.page.get_by_label("Gebruikersnaam").fill(username)
        self.page.get_by_label("Wachtwoord").fill(password)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Inloggen").click()
        self.audit()

    def submit(self, name: str):
        """Click the submit button called ``name`` and wait for the page it leads to."""
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=name, exact=True).click()
        self.audit()

    def follow(self, name: str):
        """Click the link called ``name`` and wait for the page it leads to."""
        with self.page.expect_navigation():
            self.page.get_by_role("link", name=name, exact=True).first.click()
        self.audit()

    def download(self, name: str) -> bytes:
        """Click the link called ``name`` that downloads a file; the file's content."""
        with self.page.expect_download() as info:
            self.page.get_by_role("link", name=name, exact=True).first.click()
        download = info.value
        assert download.failure() is None, f"download {name}: {download.failure()}"
        return Path(download.path()).read_bytes()

    def audit(self):
        """axe-core on the page as it is now: no serious or critical violation."""
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

    def screenshot(self, name: str):
        SCREENSHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    def assert_clean(self):
        assert not self.problems, "\n".join(self.problems)
