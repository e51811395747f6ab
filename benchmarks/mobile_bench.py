"""Phone figures of a built site at 390×844 in headless Chromium (issue 22).

Usage: python benchmarks/mobile_bench.py [OUTPUT] [--json FILE]
  OUTPUT: a built site (default: a fresh build of the current tree into a temp folder).

For every public page, JavaScript on and off: the header's height, the h1's top,
the top of the first piece of content (a paragraph; the first answer of an
orientation question; the first result of an orientation result page; the first
search result of /recherche/?q=soudure with JavaScript on), the breadcrumb's
height, the tap targets outside running text measured by their hit area (the
points of the target's box and of its ancestors' boxes where elementFromPoint
lands on it, so a card link stretched over its card counts as the card), and
whether <main> holds an illustration (svg, img or picture of 32 px or more), the top
of the third item of the listings; then words per sentence (plugins/buildkit/sentences.py).
Prints the figures; not a test (tests/test_mobile_browser.py holds the limits).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from checks.server import SiteServer  # noqa: E402

VIEWPORT = {"width": 390, "height": 844}
EXTRA_URLS = ["recherche/?q=soudure"]
LISTINGS = ["metiers/", "formations/", "actualites/"]  # at least 3 items on 2 screens

# One page's figures, computed in the page (the layout is synchronous: scrollTo then
# elementFromPoint reads the new layout).
MEASURE_JS = r"""
() => {
  const H = window.innerHeight;
  const top = (el) => el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null;
  const visible = (el) => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && !el.closest("[hidden]");
  };
  const header = document.querySelector("body > header");
  const main = document.querySelector("main");
  const h1 = main.querySelector("h1");
  const crumb = document.querySelector(".h32-breadcrumb");
  const pick = (sel) => Array.from(main.querySelectorAll(sel)).find(visible) || null;
  let kind = "paragraph", first = null;
  if (location.pathname.startsWith("/recherche/") && location.search.includes("q=")) {
    kind = "search result";
    first = pick(".h32-results__item") || (document.documentElement.classList.contains("h32-js") ? null : pick(".js-search-nojs"));
  } else if (main.querySelector(".h32-choices")) {
    kind = "answer"; first = pick(".h32-choices__item");
  } else if (main.querySelector(".h32-answers")) {
    // An orientation result: its first programme, or the sentence saying there is none.
    kind = "result"; first = pick(".h32-orientation__list > li, .h32-section > .h32-callout");
  } else {
    first = pick("p:not(.h32-page-head__kicker):not(.h32-breadcrumb *)");
  }
  // Tap targets outside running text, by hit area.
  const TARGET = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]";
  const inRunningText = (el) => {
    if (getComputedStyle(el).display !== "inline") return false;
    const parent = el.parentElement;
    return parent.textContent.trim().length > el.textContent.trim().length + 1;
  };
  const hitOf = (el) => {
    // A radio or checkbox inside its label is tapped through the label.
    const own = (el.matches("input") && el.closest("label")) || el;
    const lands = (x, y) => {
      const hit = document.elementFromPoint(x, y);
      return !!hit && (hit === own || own.contains(hit));
    };
    // The area around the target where a tap may land on it: its box and its
    // ancestors' boxes (3 levels), shorter than the screen.
    let area = own.getBoundingClientRect(), a = own.parentElement;
    for (let i = 0; a && i < 3; i++, a = a.parentElement) {
      const r = a.getBoundingClientRect();
      if (r.height > H - 40) break;
      area = r;
    }
    const r0 = own.getBoundingClientRect();
    window.scrollTo({top: Math.max(0, r0.top + window.scrollY - Math.max(10, (H - r0.height) / 2)), behavior: "instant"});
    const r = own.getBoundingClientRect(), dy = r.top - r0.top;
    const box = {left: area.left, right: area.right, top: area.top + dy, bottom: area.bottom + dy};
    // Find a point of the target that lands on it, then the contiguous run of landing
    // points through it, across and down.
    let cx = null, cy = null;
    for (const fy of [0.5, 0.3, 0.7, 0.15, 0.85]) {
      for (const fx of [0.5, 0.25, 0.75, 0.1, 0.9]) {
        const x = r.left + fx * r.width, y = r.top + fy * r.height;
        if (lands(x, y)) { cx = x; cy = y; break; }
      }
      if (cx !== null) break;
    }
    if (cx === null) return null;
    // Sizes are only compared with 24 and 44 px: a run stops at CAP (a card's
    // 358 px width cost 358 hit tests; capped, the phone test takes half the time).
    const CAP = 48;
    const run = (from, lo, hi, at) => {
      let a0 = from, a1 = from;
      while (a1 - a0 + 1 < CAP && a0 - 1 >= lo && at(a0 - 1)) a0 -= 1;
      while (a1 - a0 + 1 < CAP && a1 + 1 <= hi && at(a1 + 1)) a1 += 1;
      return a1 - a0 + 1;
    };
    const w = run(cx, Math.max(0, box.left), Math.min(window.innerWidth - 1, box.right - 1), (x) => lands(x, cy));
    const h = run(cy, Math.max(0, box.top), Math.min(H - 1, box.bottom - 1), (y) => lands(cx, y));
    return [Math.round(w), Math.round(h)];
  };
  const targets = [];
  for (const el of document.querySelectorAll(TARGET)) {
    if (!visible(el) || el.closest(".h32-skip-link") || el.matches(".h32-skip-link")) continue;
    if (el.closest("details:not([open]) > :not(summary)")) continue;
    if (inRunningText(el)) continue;
    const size = hitOf(el);
    if (!size) continue;  // covered by another target (its own hit area holds it)
    targets.push({label: (el.textContent || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 40),
                  w: size[0], h: size[1]});
  }
  window.scrollTo({top: 0, behavior: "instant"});
  const items = Array.from(main.querySelectorAll(".h32-grid > li.h32-card, .h32-news")).filter(visible);
  const art = Array.from(main.querySelectorAll("svg, img, picture")).filter((el) => {
    const r = el.getBoundingClientRect(); return r.width >= 32 && r.height >= 32;
  });
  return {
    header: header ? Math.round(header.getBoundingClientRect().height) : null,
    h1: top(h1), first: top(first), kind,
    crumb: crumb && visible(crumb) ? Math.round(crumb.getBoundingClientRect().height) : 0,
    targets, illustrated: art.length > 0, height: H,
    third: items.length >= 3 ? top(items[2]) : null,
    // A programme's « Comment candidater », a trade's « Formations qui y mènent ».
    answer: /^\/(formations|metiers)\/[^/]+\/$/.test(location.pathname)
      ? top(document.getElementById("candidater") || document.getElementById("metier-formations")) || -1 : null,
  };
}
"""


def pages_of(output: Path) -> list[str]:
    urls = []
    for file in sorted(output.rglob("index.html")):
        rel = file.parent.relative_to(output).as_posix()
        url = "" if rel == "." else rel + "/"
        if url.startswith(("admin/", "theme/")):
            continue
        urls.append(url)
    return urls + EXTRA_URLS


def measure(output: Path) -> dict:
    from playwright.sync_api import sync_playwright

    rows = {}
    with SiteServer(output) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for js in (True, False):
            context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1, is_mobile=True,
                                          has_touch=True, java_script_enabled=js, locale="fr-FR")
            page = context.new_page()
            for url in pages_of(output):
                page.goto(f"{base}/{url}", wait_until="load")
                if js and "?q=" in url:
                    try:
                        page.wait_for_selector(".h32-results__item", timeout=5000)
                    except Exception:  # noqa: BLE001 - no result is itself the figure
                        pass
                rows[(url, js)] = page.evaluate(MEASURE_JS)
            context.close()
        browser.close()
    return rows


def summary(rows: dict) -> dict:
    out = {}
    for js in (True, False):
        mine = {url: r for (url, on), r in rows.items() if on == js}
        h1s = [r["h1"] for r in mine.values() if r["h1"] is not None]
        targets = [t for r in mine.values() for t in r["targets"]]
        small24 = [(u, t) for u, r in mine.items() for t in r["targets"] if min(t["w"], t["h"]) < 24]
        small44 = [t for t in targets if min(t["w"], t["h"]) < 44]
        misses = [u for u, r in mine.items() if r["first"] is None or r["first"] > r["height"] - 24]
        out["js on" if js else "js off"] = {
            "pages": len(mine),
            "header px (max)": max(r["header"] or 0 for r in mine.values()),
            "h1 top median": statistics.median(h1s) if h1s else None,
            "h1 top max": max(h1s) if h1s else None,
            "first content median": statistics.median([r["first"] for r in mine.values() if r["first"]] or [0]),
            "first-content misses": len(misses),
            "breadcrumb px (max)": max(r["crumb"] for r in mine.values()),
            "targets": len(targets),
            "targets < 24 px": len(small24),
            "targets < 44 px": len(small44),
            "share >= 44 px": round(100 * (1 - len(small44) / max(1, len(targets))), 1),
            "pages without illustration": sum(not r["illustrated"] for r in mine.values()),
            "3rd item top (listings)": {u: mine[u]["third"] for u in LISTINGS if u in mine},
            "answer top, max (programme: candidater; trade: its programmes)":
                max((r["answer"] if r["answer"] > 0 else 10**6 for r in mine.values()
                     if r["answer"] is not None), default=None),
            "_misses": misses,
            "_small24": [f"{u} {t['label']!r} {t['w']}x{t['h']}" for u, t in small24][:40],
            "_small44": sorted({f"{t['label']!r} {t['w']}x{t['h']}" for t in small44})[:40],
        }
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    json_file = argv[argv.index("--json") + 1] if "--json" in argv else None
    if json_file in args:
        args.remove(json_file)
    if args:
        output = Path(args[0]).resolve()
    else:
        output = Path(tempfile.mkdtemp(prefix="h32-mobile-")) / "out"
        subprocess.run([sys.executable, "-m", "pelican", "content", "-o", str(output), "-s",
                        "pelicanconf.py", "--log-handler", "plain", "-q"], cwd=ROOT, check=True)
    figures = summary(measure(output))
    sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]
    from buildkit import sentences  # the one counter (item 6), on trade and programme pages
    from prose import pages

    measured = pages(output)
    prose = sentences.Measure([x for m in measured.values() for x in m.sentences])
    print(f"— prose of trade and programme pages: {prose.average:.1f} words per sentence, "
          f"{len(prose.too_long)} over {sentences.MAX_WORDS} words, "
          f"{sum(not m.ok for m in measured.values())} of {len(measured)} pages past the limits")
    for mode, fig in figures.items():
        print(f"— {mode} ({fig['pages']} pages, 390×844)")
        for key, value in fig.items():
            if not key.startswith("_") and key != "pages":
                print(f"  {key:28} {value}")
        for key in ("_misses", "_small24"):
            if fig[key]:
                print(f"  {key[1:]}: " + "; ".join(fig[key][:12]))
    if json_file:
        Path(json_file).write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
