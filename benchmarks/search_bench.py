"""Search benchmark: this site's lunr search against Pagefind, on the same build.

Run with `invoke bench --what search`. Prints, for both engines: index size
(raw and gzipped), index build time, load time and median query time in
headless Chromium, and the share of the query set of tests/test_search.py
found in the first three results. Pagefind (pip `pagefind[extended]`, pinned
below) is installed into .cache/bench-venv for the comparison only.

Figures, not assertions: nothing here fails on a slow machine.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "plugins")]

from checks.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from checks.server import SiteServer  # noqa: E402
from test_search import QUERIES  # noqa: E402

PAGEFIND = "pagefind[extended]==1.5.2"
BENCH_VENV = ROOT / ".cache" / "bench-venv"
RUNS = 15  # query repetitions for the median


def sizes(paths) -> tuple[int, int]:
    raw = gz = 0
    for path in paths:
        data = path.read_bytes()
        raw += len(data)
        gz += len(gzip.compress(data, 9))
    return raw, gz


def build_site(output: Path) -> tuple[float, float]:
    """Build the real site with an empty index cache; return (total seconds, index build
    ms from the log: lunr.py's time, in the worker process that runs beside the pages)."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as cache:
        proc = subprocess.run(
            [sys.executable, "-m", "pelican", "content", "-o", str(output), "-s", "pelicanconf.py",
             "--log-handler", "plain", "-v", "-e", f'SEARCH_CACHE="{cache}"'],
            cwd=ROOT, capture_output=True, text=True, check=True)
    total = time.perf_counter() - started
    match = re.search(r"search_index: \d+ documents, .*?construit en (\d+) ms", proc.stdout + proc.stderr)
    return total, float(match.group(1)) if match else float("nan")


def pagefind(site: Path) -> float:
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", PAGEFIND],
                   check=True)
    started = time.perf_counter()
    subprocess.run([str(python), "-m", "pagefind", "--site", str(site), "--root-selector", "main",
                    "--quiet"], check=True)
    return time.perf_counter() - started


LUNR_JS = """async ([queries, runs]) => {
  const root = JSON.parse(document.getElementById('h32-search-config').textContent);
  const t0 = performance.now();
  for (const url of [root.lunr, root.stemmerSupport, root.fr, root.core]) {
    await new Promise((ok, ko) => { const s = document.createElement('script');
      s.src = url; s.onload = ok; s.onerror = ko; document.head.appendChild(s); });
  }
  const [index, store] = await Promise.all([fetch(root.index).then(r => r.json()),
                                            fetch(root.store).then(r => r.json())]);
  const idx = lunr.Index.load(index);
  const load = performance.now() - t0;
  const out = [];
  for (const q of queries) {
    const times = [];
    let refs = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      refs = Hall32Search.search(idx, q).slice(0, 3).map(h => h.ref);
      times.push(performance.now() - s);
    }
    out.push({q, refs, times});
  }
  return {load, out};
}"""

PAGEFIND_JS = """async ([queries, runs]) => {
  const t0 = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  await pf.search('industrie');  // first search loads the word index chunks
  const load = performance.now() - t0;
  const out = [];
  for (const q of queries) {
    const times = [];
    let refs = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const r = await pf.search(q);
      const data = await Promise.all(r.results.slice(0, 3).map(x => x.data()));
      times.push(performance.now() - s);
      refs = data.map(d => d.url);
    }
    out.push({q, refs, times});
  }
  return {load, out};
}"""


def in_chromium(base: str, path: str, script: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base + path)
        result = page.evaluate(script, [[q for q, _ in QUERIES], RUNS])
        browser.close()
    return result


def hit(want: str, refs: list[str], page_only: bool) -> bool:
    """Is the wanted target among the top results (or, page_only, a part of its page)?"""
    refs = [r.lstrip("/") for r in refs]
    if page_only:
        want, refs = want.split("#")[0], [r.split("#")[0] for r in refs]
    return want in refs


def found_share(result, page_only: bool) -> float:
    return sum(hit(want, row["refs"], page_only)
               for (_, want), row in zip(QUERIES, result["out"])) / len(QUERIES)


def median_ms(result) -> float:
    return statistics.median(statistics.median(row["times"]) for row in result["out"])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "output"
        build_s, index_ms = build_site(site)
        lunr_raw, lunr_gz = sizes(sorted(site.glob("search/index.*.json")))
        store_raw, store_gz = sizes(sorted(site.glob("search/store.*.json")))
        js_raw, js_gz = sizes(sorted(site.glob("search/*.js")) + sorted(site.glob("theme/js/search-core.*.js")))
        pagefind_s = pagefind(site)
        pf_files = [p for p in (site / "pagefind").rglob("*") if p.is_file() and "playground" not in p.parts]
        pf_index = [p for p in pf_files if p.suffix in (".pf_index", ".pf_meta", ".pf_fragment", ".pf_filter")]
        pf_raw, pf_gz = sizes(pf_index)
        # Without the site's _headers: their CSP (no 'wasm-unsafe-eval') stops Pagefind's wasm.
        with SiteServer(site, headers=False) as base:
            lunr_result = in_chromium(base, "/recherche/", LUNR_JS)
            pf_result = in_chromium(base, "/recherche/", PAGEFIND_JS)
    rows = [
        ("index size, raw", f"{lunr_raw / 1024:.1f} kB (+ store {store_raw / 1024:.1f} kB)",
         f"{pf_raw / 1024:.1f} kB ({len(pf_index)} files, fetched in part)"),
        ("index size, gzip -9", f"{lunr_gz / 1024:.1f} kB (+ store {store_gz / 1024:.1f} kB)",
         "(files are stored compressed: as raw)"),
        ("search code, gzip", f"{js_gz / 1024:.1f} kB", "pagefind.js + wasm (see folder)"),
        ("index build", f"{index_ms:.0f} ms (inside a {build_s:.2f} s site build)", f"{pagefind_s * 1000:.0f} ms"),
        ("load in Chromium", f"{lunr_result['load']:.1f} ms", f"{pf_result['load']:.1f} ms"),
        ("median query", f"{median_ms(lunr_result):.2f} ms", f"{median_ms(pf_result):.2f} ms"),
        ("top 3, exact target", f"{found_share(lunr_result, False):.0%}", f"{found_share(pf_result, False):.0%}"),
        ("top 3, same page", f"{found_share(lunr_result, True):.0%}", f"{found_share(pf_result, True):.0%}"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"Search benchmark, {len(QUERIES)} queries, median of {RUNS} runs each\n")
    print(f"{'':{width}}  {'Hall 32 (lunr)':<44}  Pagefind 1.5.2")
    for name, ours, theirs in rows:
        print(f"{name:{width}}  {ours:<44}  {theirs}")
    missed = [(q, want, row["refs"]) for (q, want), row in zip(QUERIES, pf_result["out"])
              if not hit(want, row["refs"], page_only=True)]
    print(f"\nPagefind misses ({len(missed)}):")
    for q, want, refs in missed:
        print(f"  {q!r}: wanted {want}, got {refs}")
    print(json.dumps({"lunr_top3": found_share(lunr_result, False),
                      "pagefind_top3_page": found_share(pf_result, True)}))


if __name__ == "__main__":
    main()
