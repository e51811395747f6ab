"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Fixtures: ``served_site`` serves the real site's build on a free loopback
port with the headers it is published with (its _headers: strict CSP);
``browser`` is Chromium; ``page_checked`` is a page that records console
errors, CSP violations and requests to other origins.
"""

from __future__ import annotations

import shutil

import pytest

from checks.browser import CHROMIUM, CHROMIUM_ARGS
from checks.server import SiteServer


@pytest.fixture(scope="session")
def served_site(real_site):
    """The real build, served with the headers of its own _headers file (strict CSP)."""
    with SiteServer(real_site.output) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Chromium, one for the session. While it runs, Playwright's sync API keeps the
    asyncio loop of the main thread marked as running: in this thread, another
    sync_playwright() (checks.browser.check) or asyncio.run() would fail. Those run in
    a thread or a process of their own (see tests/test_checks.py::test_browser_gates)."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run ./scripts/bootstrap as root "
                    "(apt-get install chromium) or set CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class CheckedPage:
    def __init__(self, page, origin):
        self.page = page
        self.problems: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        page.on("pageerror", lambda e: self.problems.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        self.origin = origin

    def foreign_requests(self):
        return [u for u in self.requests if not u.startswith((self.origin, "data:"))]


@pytest.fixture
def page_checked(browser, served_site):
    context = browser.new_context(locale="fr-FR")
    checked = CheckedPage(context.new_page(), served_site)
    yield checked
    context.close()
