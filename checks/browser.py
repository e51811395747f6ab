"""Each page in headless Chromium: CSP violations, errors, other origins, weight, axe-core.

Two passes per page: one under the site's real headers (strict CSP), which
records console errors (CSP violations are reported there), requests and the
bytes of HTML, CSS and JS (gzip -6 of the files served); one with CSP bypassed
to run axe-core (WCAG 2.1 A/AA and best practices), which has to be injected.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from urllib.parse import urlsplit

from .links import target_file
from .server import SiteServer
from .site import Page

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BUDGET = 50 * 1024  # bytes of HTML + CSS + JS, compressed, on a first visit
COUNTED = {"document", "stylesheet", "script"}


def gzip_size(output: Path, url: str, cache: dict) -> int:
    file = target_file(output, urlsplit(url).path)
    if file not in cache:
        cache[file] = len(gzip.compress(file.read_bytes(), 6)) if file else 0
    return cache[file]


def check(output: Path, pages: list[Page], axe_js: Path, report: list[str]) -> list[str]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        return [f"browser: Chromium introuvable ({CHROMIUM}) : apt-get install chromium"]
    if not axe_js.is_file():
        return [f"browser: {axe_js} introuvable : lancez npm ci (./scripts/bootstrap)"]
    failures: list[str] = []
    sizes: dict = {}
    with SiteServer(output) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # One tab per pass, reused from page to page: a new tab per page cost 0.15-0.3 s.
        strict = _recorder(browser.new_context(locale="fr-FR").new_page())
        bypass = browser.new_context(locale="fr-FR", bypass_csp=True).new_page()
        axe_source = axe_js.read_text(encoding="utf-8")
        for page in pages:
            if page.url.startswith("admin/"):
                continue  # the CMS has its own policy and is not a public page
            failures += _strict_pass(strict, base, output, page, sizes, report)
            failures += _axe_pass(bypass, base, page, axe_source)
        browser.close()
    return failures


def _recorder(tab) -> tuple:
    """(tab, problems, requests): what the tab's pages print and fetch, kept in two lists."""
    problems, requests = [], []
    tab.on("console", lambda m: m.type in ("error", "warning")
           and not m.text.startswith("Failed to load resource")  # said with its URL below
           and problems.append(m.text))
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.on("request", lambda r: requests.append((r.url, r.resource_type)))
    tab.on("response", lambda r: r.status >= 400 and not r.url.endswith("/favicon.ico")
           and problems.append(f"réponse {r.status} pour {r.url}"))
    return tab, problems, requests


def _strict_pass(recorder, base, output, page, sizes, report) -> list[str]:
    tab, problems, requests = recorder
    problems.clear()
    requests.clear()
    tab.goto(f"{base}/{page.url}", wait_until="load")
    if tab.query_selector("#h32-search-config"):  # lunr and the index load after "load"
        tab.wait_for_load_state("networkidle")
    failures = [f"{page.name}: console : {p}" for p in problems]
    failures += [f"{page.name}: requête vers une autre origine : {u}" for u, _ in requests
                 if not u.startswith(base) and not u.startswith("data:")]
    weight = sum(gzip_size(output, u, sizes) for u, kind in requests
                 if kind in COUNTED and u.startswith(base))
    report.append(f"{weight / 1024:6.1f} kB  {page.name}")
    if weight > BUDGET:
        failures.append(f"{page.name}: {weight / 1024:.1f} kB de HTML, CSS et JS compressés "
                        f"(budget {BUDGET / 1024:.0f} kB)")
    return failures


def _axe_pass(tab, base, page, axe_source) -> list[str]:
    tab.goto(f"{base}/{page.url}", wait_until="load")
    tab.add_script_tag(content=axe_source)
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS)
    failures = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            failures.append(f"{page.name}: axe {violation['id']} ({violation.get('impact')}) "
                            f"sur {target} : {violation['help']}")
    return failures
