"""Phone first (issue 22), in Chromium at 390×844 on every page of the real build, with
JavaScript on and off: the header's height, the h1's position, the first content on the
first screen, the breadcrumb on one line, no sideways scrolling at 360 px (JavaScript on),
and tap targets measured by their hit area
(benchmarks/mobile_bench.py measures the same way and prints the figures). The menu is
walked with the keyboard alone, with JavaScript on and off; on a wide screen the menu
stays shown."""

from __future__ import annotations

import pytest

from benchmarks.mobile_bench import LISTINGS, MEASURE_JS, VIEWPORT, pages_of

HEADER_MAX = 120
H1_MAX = 260
CRUMB_MAX = 48  # one line of breadcrumb (a 44 px link and its borders)
# A card is tapped as a whole through its one link (stretched over it): announced once.
CARD_LINKS = """Array.from(document.querySelectorAll("main .h32-card:not(.h32-card--static)"))
  .filter((c) => c.querySelectorAll("a[href]").length !== 1)
  .map((c) => c.textContent.trim().slice(0, 30))"""


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def phone(request, browser):
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True,
                                  java_script_enabled=request.param, locale="fr-FR")
    yield context.new_page(), request.param
    context.close()


def test_every_page_puts_its_answer_on_the_first_phone_screen(phone, served_site, real_site):
    page, js = phone
    problems, targets = [], []
    for url in pages_of(real_site.output):
        page.goto(f"{served_site}/{url}", wait_until="load")
        if js and "?q=" in url:
            page.wait_for_selector(".h32-results__item")
        if js:
            problems += scrolls_sideways(page, url)
        r = page.evaluate(MEASURE_JS)
        cards = page.evaluate(CARD_LINKS)
        if cards:
            problems.append(f"{url}: cards without exactly one link: {cards}")
        if r["header"] > HEADER_MAX:
            problems.append(f"{url}: header {r['header']} px")
        if r["h1"] is None or r["h1"] > H1_MAX:
            problems.append(f"{url}: h1 at {r['h1']} px")
        if r["first"] is None or r["first"] > r["height"] - 24:
            problems.append(f"{url}: first {r['kind']} at {r['first']} px")
        if url in LISTINGS and (r["third"] is None or r["third"] > 2 * r["height"]):
            problems.append(f"{url}: third item at {r['third']} px")
        if r["answer"] is not None and not 0 < r["answer"] <= 2 * r["height"]:
            problems.append(f"{url}: how to apply / its programmes at {r['answer']} px")
        if r["crumb"] > CRUMB_MAX:
            problems.append(f"{url}: breadcrumb {r['crumb']} px")
        for t in r["targets"]:
            targets.append((url, t))
            if min(t["w"], t["h"]) < 24:
                problems.append(f"{url}: target {t['label']!r} {t['w']}×{t['h']}")
    if js:
        page.goto(f"{served_site}/404.html", wait_until="load")
        problems += scrolls_sideways(page, "404.html")
    assert problems == []
    small = [(u, t) for u, t in targets if min(t["w"], t["h"]) < 44]
    assert len(targets) > 500
    assert len(small) <= 0.02 * len(targets), small


def scrolls_sideways(page, url: str) -> list[str]:
    """The page on a 360 px wide phone, if it scrolls sideways (the same page, laid out
    again: no second visit)."""
    page.set_viewport_size({"width": 360, "height": 740})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(VIEWPORT)
    return [f"{url}: {width} px wide at 360 px"] if width > 360 else []


def open_phone(browser, served_site, js, url="metiers/"):
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=js, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{served_site}/{url}")
    return context, page


def tab_to(page, selector, limit=10):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with Tab")


def test_menu_with_javascript_by_keyboard(browser, served_site):
    context, page = open_phone(browser, served_site, True)
    nav = page.locator("#menu-principal")
    button = page.locator(".h32-menu-button")
    assert page.locator(".h32-menu-link").is_hidden() and nav.is_hidden()
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "menu-principal"
    tab_to(page, ".h32-menu-button")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and nav.is_visible()
    assert page.evaluate("document.activeElement.closest('#menu-principal') !== null")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Métiers"
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and nav.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('h32-menu-button')")
    page.keyboard.press("Space")
    assert nav.is_visible()
    page.keyboard.press("Shift+Tab")  # back to the button, which closes it
    page.keyboard.press("Enter")
    assert nav.is_hidden() and button.get_attribute("aria-expanded") == "false"
    context.close()


def test_menu_without_javascript_by_keyboard(browser, served_site):
    context, page = open_phone(browser, served_site, False)
    nav = page.locator("#menu-principal")
    assert page.locator(".h32-menu-button").is_hidden() and nav.is_hidden()
    tab_to(page, ".h32-menu-link")
    page.keyboard.press("Enter")
    assert nav.is_visible() and page.url.endswith("#menu-principal")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Métiers"
    tab_to(page, ".h32-nav__close a")
    page.keyboard.press("Enter")
    assert nav.is_hidden()
    assert page.evaluate("document.activeElement.id") == "contenu"
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js-on", "js-off"])
def test_wide_screen_shows_the_menu_and_no_menu_control(browser, served_site, js):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=js)
    page = context.new_page()
    page.goto(f"{served_site}/")
    assert page.locator("#menu-principal .h32-nav__link").first.is_visible()
    assert page.locator(".h32-header__tools").is_hidden()
    assert page.locator(".h32-nav__close").is_hidden()
    assert page.locator(".h32-header__orientation").is_visible()
    context.close()
