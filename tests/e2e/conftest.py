"""Fixtures of the browser tests (marked ``e2e``).

Outside CI they skip, saying what is missing, on a machine without Chromium, Playwright or
axe-core. In CI (``CI`` set, as ``.ci/run`` does) a missing piece fails the run instead.
"""

import importlib
import os

import pytest
from django.core.management import call_command
from django.urls import get_resolver

from .browser import CHROMIUM, LAUNCH_ARGS, User, missing_requirements

# Playwright's sync API runs an event loop in the test thread; Django's ORM then refuses to run
# there unless told this is safe (it is: the loop only drives the browser).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium():
    missing = missing_requirements()
    if missing:
        message = "browser tests need " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + " (in CI they must run)", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def checked_states():
    """The page states axe has passed in this session: each is checked once (``User.check``)."""
    return set()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The live app with the MLW demo record and the demo users (regie, stuur, weert, beheer)."""
    call_command("laad_demo", verbosity=0)
    # The URL configuration and WeasyPrint (imported by the first PDF, regiekamer.pdf) are
    # loaded here, not by the first page or PDF within Playwright's 5 s (on a busy machine
    # loading them took longer).
    get_resolver().url_patterns  # noqa: B018
    importlib.import_module("weasyprint")
    return live_server.url


@pytest.fixture
def browse(chromium, demo_site, checked_states, tmp_path):
    """``browse()`` opens a fresh browser context (its own cookies) as a new ``User``."""
    contexts = []

    def open_user() -> User:
        context = chromium.new_context(
            base_url=demo_site, locale="nl-NL", accept_downloads=True, viewport=None
        )
        context.set_default_timeout(5_000)
        contexts.append(context)
        return User(context.new_page(), demo_site, checked_states)

    yield open_user
    for context in contexts:
        context.close()
