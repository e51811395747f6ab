"""Chromium measurements of the search benchmark (benchmarks/search_bench.py).

Both engines run on the same served build, each in a fresh browser context
(empty cache), on the site's /recherche/ page:
- ours: /recherche/?q=FIRST as a visitor opens it; the first result is shown
  when the page's "h32-search" measure ends (search.js renders SHOWN results);
- Pagefind: /recherche/ without a query (our script then loads nothing but
  the page), then pagefind.js is imported, initialised, searched for FIRST
  and the data of its first SHOWN results read (what its UI needs to show them).
Bytes are the response bodies from the page load to the first result shown,
each counted as a static host would send it: gzip -6 when that is smaller
(Pagefind's own files are already compressed). Then, once loaded, each query
of the set runs RUNS times (a search and the data of the first three results,
both engines); the figure is the median of the queries' medians.
"""

from __future__ import annotations

import gzip
import statistics

from checks.browser import CHROMIUM, CHROMIUM_ARGS

SHOWN = 20  # results on the first screen: search.js's PAGE
RUNS = 7

OBSERVERS = """
window.__h32 = { shifts: 0, long: [] };
new PerformanceObserver((l) => l.getEntries().forEach((e) => {
  if (!e.hadRecentInput) { window.__h32.shifts += e.value; } })).observe({ type: "layout-shift", buffered: true });
new PerformanceObserver((l) => l.getEntries().forEach((e) => {
  window.__h32.long.push([e.startTime, e.duration]); })).observe({ type: "longtask", buffered: true });
"""

# Once loaded, each query RUNS times, for either engine: a search and the data of its first
# three results (ours: the split index on the page's thread, as search.js queries it).
QUERIES = """async ([engine, queries, runs]) => {
  let search, done = () => {};
  if (engine === 'ours') {
    const config = JSON.parse(document.getElementById('h32-search-config').textContent);
    const load = (src) => new Promise((ok, ko) => {
      const s = document.createElement('script'); s.async = false; s.src = src;
      s.onload = ok; s.onerror = ko; document.head.appendChild(s); });
    const json = (url) => fetch(url).then((r) => r.json());
    const folder = config.index.slice(0, config.index.lastIndexOf('/') + 1);
    await Promise.all([config.lunr, config.stemmerSupport, config.fr, config.core, config.split].map(load));
    const index = new window.Hall32Split(await json(config.index), (kind, hash) => json(folder + kind + '.' + hash + '.json'));
    search = async (q) => {
      const hits = (await index.search(q)).hits.slice(0, 3).map((h) => Number(h.ref));
      return (await index.documents(hits)).map((d) => d.ref);
    };
  } else {
    const pf = await import('/pagefind/pagefind.js');
    await pf.init();
    search = async (q) => {
      const r = await pf.search(q);
      return (await Promise.all(r.results.slice(0, 3).map((x) => x.data()))).map((d) => d.url);
    };
  }
  const out = [];
  for (const q of queries) {
    const times = [];
    let refs = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      refs = await search(q);
      times.push(performance.now() - s);
    }
    out.push({ q, refs, times });
  }
  done();
  return out;
}"""

PAGEFIND_FIRST = """async ([query, shown]) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const r = await pf.search(query);
  await Promise.all(r.results.slice(0, shown).map((x) => x.data()));
  return performance.now();
}"""

def sent_bytes(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, 6)))


def _bodies(responses) -> dict[str, int]:
    """{URL path: bytes sent} of the responses."""
    sent = {}
    for response in responses:
        try:
            sent[response.url.split("/", 3)[-1]] = sent_bytes(response.body())
        except Exception:  # a redirect or an aborted request has no body
            pass
    return sent


def timed_queries(browser, base: str, engine: str, queries: list[str], **context_options) -> list[dict]:
    """[{q, refs, times}]: QUERIES run in a fresh context on the search page without a query."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(f"{base}/recherche/")
    rows = page.evaluate(QUERIES, [engine, queries, RUNS])
    context.close()
    return rows


def median_of_medians(rows) -> float:
    return statistics.median(statistics.median(r["times"]) for r in rows)


def ours(browser, base: str, first: str, queries: list[str]) -> dict:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.add_init_script(OBSERVERS)
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(f"{base}/recherche/?q={first}")
    page.wait_for_function("() => performance.getEntriesByName('h32-search').length > 0", timeout=120_000)
    shown_at = page.evaluate("(() => { const m = performance.getEntriesByName('h32-search')[0];"
                             " return m.startTime + m.duration; })()")
    observed = page.evaluate("window.__h32")
    fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: 0}).startTime")
    sent = _bodies(responses)
    context.close()
    rows = timed_queries(browser, base, "ours", queries)
    tbt = sum(max(0.0, d - 50) for start, d in observed["long"] if start + d > fcp and start < shown_at)
    return {"first_result_bytes_gz": sum(sent.values()), "load_ms": shown_at, "first_files": len(sent),
            "query_ms_median": median_of_medians(rows), "cls": observed["shifts"], "tbt_ms": tbt,
            "rows": rows, "sent": sent}


def pagefind(browser, base: str, first: str, queries: list[str]) -> dict:
    # Pagefind compiles WebAssembly, which the site's CSP (no 'wasm-unsafe-eval') refuses.
    context = browser.new_context(viewport={"width": 412, "height": 823}, bypass_csp=True)
    page = context.new_page()
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(f"{base}/recherche/")
    page.wait_for_load_state("load")
    shown_at = page.evaluate(PAGEFIND_FIRST, [first, SHOWN])
    sent = _bodies(responses)
    context.close()
    rows = timed_queries(browser, base, "pagefind", queries, bypass_csp=True)
    return {"first_result_bytes_gz": sum(sent.values()), "load_ms": shown_at, "first_files": len(sent),
            "query_ms_median": median_of_medians(rows), "rows": rows, "sent": sent}


def measure(base: str, first: str, queries: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return {"ours": ours(browser, base, first, queries),
                    "pagefind": pagefind(browser, base, first, queries)}
        finally:
            browser.close()
