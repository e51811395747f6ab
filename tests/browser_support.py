"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Fixtures: ``served_site`` serves the real site's build on a free loopback
port with the strict Content-Security-Policy the site is published with;
``browser`` is Chromium; ``page_checked`` is a page that records console
errors, CSP violations and requests to other origins.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(real_site):
    handler = functools.partial(_Handler, directory=str(real_site.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
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
