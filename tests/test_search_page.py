"""The search page in real Chromium: the split index is read and searched on the page,
the status holds the place of the results, nothing moves when they arrive."""

from __future__ import annotations

import re

CLS_OBSERVER = """
window.__h32Shifts = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => {
  if (!e.hadRecentInput) { window.__h32Shifts.push(e.value); }
})).observe({ type: "layout-shift", buffered: true });
"""


def wait_for_results(page, timeout=30_000):
    page.wait_for_function("() => document.querySelector('.js-search-status').textContent"
                           " && !document.querySelector('.js-search-status').textContent.includes('en cours')",
                           timeout=timeout)


def search_files(requests):
    return [u.split("/search/")[1] for u in requests if "/search/" in u]


def test_only_the_shards_of_the_query_are_fetched(page_checked, served_site):
    page = page_checked.page
    page.goto(f"{served_site}/recherche/?q=soudure")
    wait_for_results(page)
    assert page.eval_on_selector("#search-results li a", "a => a.getAttribute('href')") == "/metiers/soudeur/"
    assert page.evaluate("[typeof window.lunr, typeof window.Hall32Split]") == ["function", "function"]
    assert not page.workers
    files = search_files(page_checked.requests)
    kinds = sorted({f.split(".")[0] for f in files if f.endswith(".json")})
    assert kinds == ["docs", "index", "terms"]
    assert len([f for f in files if f.startswith("terms.")]) <= 3  # the shards of soudure's terms only
    assert not [f for f in files if f.startswith(("whole.", "store."))]
    assert page_checked.problems == [] and page_checked.foreign_requests() == []


def test_status_then_results_in_reserved_space_without_layout_shift(browser, served_site):
    """Phone screen, slow network: « Recherche en cours… » is shown, the results replace it,
    the layout shifts add up to less than 0.01 (CLS), the footer stays below the screen."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, locale="fr-FR")
    page = context.new_page()
    page.add_init_script(CLS_OBSERVER)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150,
                                                  "downloadThroughput": 200_000, "uploadThroughput": 100_000})
    page.goto(f"{served_site}/recherche/?q=maintenance")
    page.wait_for_function("() => document.querySelector('.js-search-status').textContent"
                           " === 'Recherche en cours…'", timeout=30_000)
    busy = page.evaluate("document.getElementById('search-results').getAttribute('aria-busy')")
    footer_before = page.evaluate("document.querySelector('footer').getBoundingClientRect().top")
    wait_for_results(page, timeout=60_000)
    assert busy == "true"
    assert page.locator("#search-results li").count() > 3
    assert footer_before >= 823
    shifts = page.evaluate("window.__h32Shifts")
    assert sum(shifts) < 0.01, shifts
    context.close()


def test_more_results_are_shown_on_demand_with_focus_on_the_first_new_one(page_checked, served_site):
    page = page_checked.page
    page.goto(f"{served_site}/recherche/?q=industrie")
    wait_for_results(page)
    total = int(re.match(r"(\d+) résultats", page.text_content(".js-search-status")).group(1))
    assert total > 20 and page.locator("#search-results li").count() == 20
    shown = 20
    while shown < total:
        page.click(".js-search-more")
        first_new, shown = shown, min(total, shown + 20)
        page.wait_for_function(f"() => document.querySelectorAll('#search-results li').length === {shown}")
        assert page.evaluate("document.activeElement.closest('li') === "
                             f"document.querySelectorAll('#search-results li')[{first_new}]")
    assert page.is_hidden(".js-search-more")
    links = page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.getAttribute('href'))")
    assert len(set(links)) == total
    assert page_checked.problems == []


def test_an_index_that_cannot_load_shows_the_fallback(page_checked, served_site):
    page = page_checked.page
    page.route(re.compile(r".*/search/index\.\w+\.json$"), lambda route: route.fulfill(status=404))
    page.goto(f"{served_site}/recherche/?q=soudure")
    wait_for_results(page)
    assert "n'a pas pu se charger" in page.text_content(".js-search-status")
    assert page.is_visible(".js-search-nojs")
    assert page.get_attribute(".js-search-nojs a", "href") == "/plan-du-site/"
