"""Search benchmark: the site's split lunr index against Pagefind, on the same builds.

`invoke bench --what search --sizes 44,1000,5000 [--json FILE]`. For each size
(44: the real site; otherwise benchmarks/corpus.py's synthetic corpus of that
many documents, built with pelicanconf.py as the real site is, its caches kept
in .cache/bench-search/ so that a second run draws no social card), Pagefind
(pip `pagefind[extended]`, pinned below, installed into .cache/bench-venv) indexes
the same output, and both engines are measured in the same run in headless
Chromium (benchmarks/search_browser.py): bytes sent (gzip) from the page load
to the first SHOWN results, the time to them, the median query once loaded,
and the total size of each engine's index files; Lighthouse (mobile, median
of 3, served with gzip: benchmarks/search_lighthouse.py) on our search page
and, for reference, on the home page. --json FILE writes the rows
(docs, engine, first_result_bytes_gz, load_ms, query_ms_median,
index_bytes_gz_total, and more keys).

Also, in this process, on the same documents: the index build time (CPU) of the
code before the split (the whole lunr index, serialised) against the split
index, alternating, median of 5, as a ratio; and at sizes of 1,000 documents or more,
the files that one-document changes rewrite (edits, a news item added with the latest
date, the latest and the oldest removed). On the real site, the share
of the query set of tests/test_search.py found in the first three results.

Figures, not assertions: nothing here fails on a slow machine.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "plugins")]

from benchmarks import corpus, search_browser, search_lighthouse  # noqa: E402
from checks.server import SiteServer  # noqa: E402
from search_index.index import build_index, dumps  # noqa: E402
from search_index.job import serialised_index, unpack  # noqa: E402
from test_search import QUERIES  # noqa: E402

PAGEFIND = "pagefind[extended]==1.5.2"
BENCH_VENV = ROOT / ".cache" / "bench-venv"
WORK = ROOT / ".cache" / "bench-search"
FIRST = "soudure"  # the query of the first page load (Lighthouse's page in issue 17)
SYNTHETIC_QUERIES = ["maintenance", "soudure", "robot", "electricite", "formation alternance",
                     "usinage", "chaudronier", "fabrication additive", "industrie", "apprentissage"]


def build(size: int, output: Path) -> tuple[Path, float]:
    """Build the site of ``size`` documents; (its content folder, index build ms from the log)."""
    if size == 44:
        content, cache = ROOT / "content", ROOT / ".cache"
    else:
        work = WORK / str(size)
        content, cache = work / "content", work / "cache"
        if not (work / "generated").exists():
            corpus.generate(work, size)
            (work / "generated").write_text("seed 32\n")
        for folder in ("pages", "data"):  # as today's real content and schema want them
            shutil.rmtree(content / folder)
            shutil.copytree(ROOT / "content" / folder, content / folder)
    with tempfile.TemporaryDirectory() as search_cache:  # the index is always built
        proc = subprocess.run(
            [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s",
             str(ROOT / "pelicanconf.py"), "--log-handler", "plain", "-v", "-e",
             f'SEARCH_CACHE="{search_cache}"', "SEARCH_WHOLE_INDEX=true", f'IMAGES_CACHE="{cache / "images"}"',
             f'SEO_CARD_CACHE="{cache / "cards"}"', f'CONTENT_MODEL_CACHE="{cache / "content"}"',
             f'TEMPLATE_CACHE="{cache / "jinja"}"'],
            cwd=ROOT, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    if proc.returncode:
        sys.exit(f"The build of {size} documents failed:\n" + "\n".join(log.splitlines()[-15:]))
    ms = next((float(line.split("construit en ")[1].split(" ms")[0]) for line in log.splitlines()
               if "search_index:" in line and "construit en" in line), float("nan"))
    return content, ms


def run_pagefind(site: Path) -> float:
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", PAGEFIND],
                   check=True)
    started = time.perf_counter()
    subprocess.run([str(python), "-m", "pagefind", "--site", str(site), "--root-selector", "main",
                    "--quiet"], check=True)
    return time.perf_counter() - started


def before_split(site: Path, sent: dict[str, int]) -> int:
    """What the page sent before the split, estimated on this build: the same page and
    scripts (without the worker and the split files), the whole index and one store."""
    split_files = ("search/index.", "search/terms.", "search/docs.", "theme/js/search-worker.",
                   "theme/js/search-split.")
    page = sum(n for url, n in sent.items() if not url.startswith(split_files))
    whole = next(site.glob("search/whole.*.json")).read_bytes()
    store = {ref: [title, excerpt] for p in site.glob("search/docs.*.json")
             for ref, title, excerpt in json.loads(p.read_text(encoding="utf-8"))}
    return page + sum(search_browser.sent_bytes(b) for b in (whole, dumps(store)))


def index_bytes(site: Path) -> dict[str, int]:
    ours = [p for p in (site / "search").glob("*.json") if not p.name.startswith("whole.")]
    theirs = [p for p in (site / "pagefind").rglob("*") if p.is_file() and p.suffix in
              (".pf_index", ".pf_meta", ".pf_fragment", ".pf_filter") or p.name == "pagefind-entry.json"]
    return {"ours": sum(search_browser.sent_bytes(p.read_bytes()) for p in ours),
            "pagefind": sum(search_browser.sent_bytes(p.read_bytes()) for p in theirs),
            "ours_files": len(ours), "pagefind_files": len(theirs)}


def build_time_ratio(docs) -> dict:
    """Whole index (before the split) against the split index, same documents, alternating,
    median of 5: CPU time of this process, steadier than wall time on a shared machine."""
    before, after = [], []
    for _ in range(5):
        started = time.process_time()
        dumps(build_index(docs))
        before.append(time.process_time() - started)
        started = time.process_time()
        serialised_index(docs)
        after.append(time.process_time() - started)
    return {"index_build_ms_before": statistics.median(before) * 1000,
            "index_build_ms": statistics.median(after) * 1000,
            "index_build_ratio": statistics.median(after) / statistics.median(before)}


def rewritten(old, edited) -> dict:
    """Files of the split index (``old``: the files before the change) that ``edited`` rewrites."""
    _, new = unpack(serialised_index(edited))
    changed = [n for n in new if n not in old]
    count = lambda kind, names: sum(1 for n in names if f"/{kind}." in n)  # noqa: E731
    return {kind: f"{count(kind, changed)} of {count(kind, new)}" for kind in ("index", "terms", "docs")}


def edits(docs) -> dict:
    """One news item edited two ways (a word replaced by another, a sentence added), one added
    with the latest date (the common change of a school site), the oldest and the latest removed."""
    i = next(k for k, d in enumerate(docs) if d.url.startswith("actualites/"))
    words = docs[i].text["body"].split()
    other = next(w for d in docs[i + 1:] for w in d.text["body"].split() if w.isalpha() and w not in words)
    replaced = [*docs[:i], corpus_doc(docs[i], " ".join([other] + words[1:])), *docs[i + 1:]]
    added = [*docs[:i], corpus_doc(docs[i], docs[i].text["body"] + " Une phrase ajoutée pour voir."), *docs[i + 1:]]
    _, old = unpack(serialised_index(docs))  # the unedited index, built once
    news = [d for d in docs if d.url.startswith("actualites/")]
    order = lambda d: (d.date or "", d.url)  # noqa: E731 (split.number_order's, among news)
    latest = max(news, key=order)  # the last number
    new = corpus.news_document("actualites/actualite-nouvelle/", f"{latest.date[:4]}-12-31 18:00")
    return {"one word replaced": rewritten(old, replaced), "one sentence added": rewritten(old, added),
            "added with the latest date": rewritten(old, [*docs, new]),
            "the oldest removed": rewritten(old, [d for d in docs if d is not min(news, key=order)]),
            "the latest removed": rewritten(old, [d for d in docs if d is not latest])}


def corpus_doc(doc, body):
    from search_index.documents import Document
    return Document(doc.url, doc.type, doc.title, doc.excerpt, {**doc.text, "body": body}, date=doc.date)


def found_share(rows, page_only: bool) -> float:
    def hit(want, refs):
        refs = [r.lstrip("/") for r in refs]
        if page_only:
            want, refs = want.split("#")[0], [r.split("#")[0] for r in refs]
        return want in refs
    return sum(hit(want, row["refs"]) for (_, want), row in zip(QUERIES, rows)) / len(QUERIES)


def bench_size(size: int, tmp: Path) -> list[dict]:
    site = tmp / f"site-{size}"
    content, log_ms = build(size, site)
    pagefind_s = run_pagefind(site)
    queries = [q for q, _ in QUERIES] if size == 44 else SYNTHETIC_QUERIES
    with SiteServer(site, headers=False) as base:
        measured = search_browser.measure(base, FIRST, queries)
    sizes = index_bytes(site)
    entry = json.loads(next((site / "search").glob("index.*.json")).read_text(encoding="utf-8"))
    rows = []
    for engine in ("ours", "pagefind"):
        m = measured[engine]
        row = {"docs": size, "engine": engine, "indexed": len(entry["docTypes"]),
               **{k: v for k, v in m.items() if k != "rows"},
               "index_bytes_gz_total": sizes[engine], "index_files": sizes[f"{engine}_files"]}
        row.pop("sent")
        if engine == "ours":
            row["index_build_ms_log"] = log_ms
            row["before_split_first_result_bytes_gz"] = before_split(site, m["sent"])
        else:
            row["index_build_ms"] = pagefind_s * 1000
        if size == 44:
            row["top3_exact"] = found_share(m["rows"], False)
            row["top3_page"] = found_share(m["rows"], True)
        rows.append(row)
    if search_lighthouse.available():  # the home page: a reference from the same moment
        for key, path in (("lighthouse", f"/recherche/?q={FIRST}"), ("lighthouse_home", "/")):
            lh = search_lighthouse.run(site, path)
            rows[0].update({key: lh["score"], f"{key}_tbt_ms": lh["tbt_ms"], f"{key}_cls": lh["cls"],
                            f"{key}_runs": [r["score"] for r in lh["runs"]], f"{key}_errors": lh["errors"]})
    if size != 44:
        docs = corpus.documents(WORK / str(size))
        rows[0].update(build_time_ratio(docs))
        if size >= 1000:
            rows[0]["one_document_edit_rewrites"] = edits(docs)
    return rows


def show(rows: list[dict]) -> None:
    print(f"\nFirst page: /recherche/?q={FIRST}, {search_browser.SHOWN} results shown; bytes gzip as sent.")
    head = ("docs", "engine", "first result", "load", "query med.", "index total", "files")
    print("{:>6} {:9} {:>13} {:>9} {:>10} {:>12} {:>6}".format(*head))
    for r in rows:
        print("{:>6} {:9} {:>10.1f} kB {:>6.0f} ms {:>7.2f} ms {:>9.1f} kB {:>6}".format(
            r["docs"], r["engine"], r["first_result_bytes_gz"] / 1024, r["load_ms"], r["query_ms_median"],
            r["index_bytes_gz_total"] / 1024, r["index_files"]))
    for ours, theirs in zip(rows[::2], rows[1::2]):
        notes = [f"bytes {ours['first_result_bytes_gz'] / theirs['first_result_bytes_gz']:.2f}x Pagefind's, "
                 f"{ours['first_result_bytes_gz'] / ours['before_split_first_result_bytes_gz']:.2f}x the "
                 f"whole index's ({ours['before_split_first_result_bytes_gz'] / 1024:.0f} kB)",
                 f"query {ours['query_ms_median'] / theirs['query_ms_median']:.2f}x",
                 f"CLS {ours['cls']:.4f}", f"TBT {ours['tbt_ms']:.0f} ms"]
        if "index_build_ratio" in ours:
            notes.append(f"index build {ours['index_build_ms']:.0f} ms CPU = {ours['index_build_ratio']:.2f}x "
                         f"the whole index's {ours['index_build_ms_before']:.0f} ms")
        if "lighthouse" in ours:
            notes.append(f"Lighthouse mobile, gzip, median of 3: search page {ours['lighthouse']:.0f} "
                         f"{ours['lighthouse_runs']} (TBT {ours['lighthouse_tbt_ms']:.0f} ms, CLS "
                         f"{ours['lighthouse_cls']:.3f}), home page {ours['lighthouse_home']:.0f} "
                         f"{ours['lighthouse_home_runs']}")
            notes += [f"Lighthouse error: {e}" for e in ours["lighthouse_errors"] + ours["lighthouse_home_errors"]]
        else:
            notes.append("Lighthouse not run (no Chromium or no npm)")
        if "top3_exact" in ours:
            notes.append(f"top 3 {ours['top3_exact']:.0%} (Pagefind, same page: {theirs['top3_page']:.0%})")
        print(f"  {ours['docs']} docs: " + "; ".join(notes))
        for kind, files in ours.get("one_document_edit_rewrites", {}).items():
            print(f"    one news item, {kind}: rewrites entry {files['index']}, shards {files['terms']}, "
                  f"excerpt chunks {files['docs']}")


def main(argv: list[str]) -> None:
    sizes = [int(s) for s in (argv[0] if argv else "44,1000").split(",")]
    out = Path(argv[1]) if len(argv) > 1 and argv[1] else None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            rows += bench_size(size, Path(tmp))
            show(rows[-2:])
            if out:  # after each size: a later failure keeps the rows measured
                out.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if len(sizes) > 1:
        print("\nAll sizes:")
        show(rows)
    if out:
        print(f"\n{len(rows)} rows written to {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
