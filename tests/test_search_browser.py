"""The search page in real Chromium, under the site's strict CSP."""

from __future__ import annotations

import re


def results(page):
    page.wait_for_selector("#search-results li")
    return page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.getAttribute('href'))")


def test_query_from_the_url_renders_ranked_results(page_checked, served_site):
    page = page_checked.page
    page.goto(f"{served_site}/recherche/?q=chaudronier")
    links = results(page)
    assert links[0] == "/metiers/chaudronnier/"
    status = page.text_content(".js-search-status")
    assert re.search(r"\d+ résultats? pour « chaudronier »", status)
    assert page.locator("#search-results mark").count() >= 1
    assert page.input_value("#recherche-q") == "chaudronier"
    assert not page.is_visible(".js-search-nojs")
    assert page_checked.problems == [] and page_checked.foreign_requests() == []


def test_keyboard_only_search_and_filter(page_checked, served_site):
    page = page_checked.page
    page.goto(f"{served_site}/")
    page.keyboard.press("Tab")  # skip link
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller au contenu"
    page.focus("#entete-recherche")
    page.keyboard.type("maintenance")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/recherche/\?q=maintenance$"))
    everything = results(page)
    assert len(everything) > 3
    page.focus(".js-search-filters input[value='']")
    page.keyboard.press("ArrowRight")  # radio group: next enabled type
    checked = page.eval_on_selector(".js-search-filters input:checked", "e => e.value")
    assert checked == "Métier"
    page.wait_for_function("document.querySelectorAll('#search-results li').length < %d" % len(everything))
    types = page.eval_on_selector_all(".h32-results__type", "els => els.map(e => e.textContent)")
    assert types and set(types) == {"Métier"}
    assert "(Métier)" in page.text_content(".js-search-status")
    assert page_checked.problems == []


def test_syntax_characters_and_empty_queries_do_not_break(page_checked, served_site):
    page = page_checked.page
    for query in ("bts%3Amaintenance~", "%2B%2B%2B", "*", "%5E"):
        page.goto(f"{served_site}/recherche/?q={query}")
        # A function, not an expression: polling an expression is an eval, refused by the CSP.
        page.wait_for_function("() => document.querySelector('.js-search-status').textContent.length > 0 "
                               "&& !document.querySelector('.js-search-status').textContent.includes('en cours')")
    assert page_checked.problems == []


def test_without_javascript_the_page_says_so(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}/recherche/?q=soudure")
    assert page.is_visible(".js-search-nojs")
    assert page.get_attribute(".js-search-nojs a", "href") == "/plan-du-site/"
    context.close()


def test_index_loads_only_when_needed(page_checked, served_site):
    page = page_checked.page
    page.goto(f"{served_site}/metiers/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page_checked.requests if "/search/" in u]
    with page.expect_request(lambda r: "/search/index." in r.url):
        page.focus("#entete-recherche")
    page.wait_for_load_state("networkidle")
    fetched = [u for u in page_checked.requests if "/search/" in u]
    assert len(fetched) == 1 and re.search(r"/search/index\.\w+\.json$", fetched[0])
