"""Build benchmark: this project's build against plain Pelican on the same corpus.

Run with `invoke bench --what build [--sizes 100,1000,5000]`. For each size of
the synthetic corpus (benchmarks/corpus.py) it prints wall time, CPU time and
peak memory of: plain Pelican (same Markdown, default theme, no plugins), this
project cold (empty image and card caches) and warm; then a rebuild with
nothing changed and one with one file changed (time, files written by the
safe build's sync); and the image work done cold and warm. Figures only.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

import tasks  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402

MEASURE = ("import json, resource, subprocess, sys, time\n"
           "t = time.perf_counter()\n"
           "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
           "w = time.perf_counter() - t\n"
           "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "print(json.dumps([r.returncode, w, u.ru_utime + u.ru_stime, u.ru_maxrss, r.stdout + r.stderr]))")

PLAIN_CONF = """PATH = {path!r}
SITENAME = "Hall 32"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
PLUGINS = []
PLUGIN_PATHS = []
ARTICLE_PATHS = ["metiers", "formations", "actualites"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
DEFAULT_DATE = (2022, 1, 1)
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
"""


def measure(cmd: list[str], cwd: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], cwd=cwd, capture_output=True,
                         text=True, check=True)
    code, wall, cpu, rss, log = json.loads(out.stdout)
    if code != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{log[-3000:]}")
    return {"wall": wall, "cpu": cpu, "rss": rss / 1024, "log": log}


def ours(content: Path, output: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s",
            str(ROOT / "pelicanconf.py"), "--log-handler", "plain", "-v",
            "-e", f'IMAGES_CACHE="{cache / "images"}"', f'SEO_CARD_CACHE="{cache / "cards"}"',
            f'SEARCH_CACHE="{cache / "search"}"']


def image_work(log: str) -> str:
    match = re.search(r"images: (\d+) images, (\d+) traitées", log)
    return f"{match.group(2)} of {match.group(1)} images processed" if match else "no image"


def row(name: str, m: dict, base: dict | None = None, extra: str = "") -> str:
    ratio = f"{m['wall'] / base['wall']:5.2f}x" if base else "     "
    return (f"  {name:<34} {m['wall']:7.2f} s  {m['cpu']:7.2f} s CPU  {m['rss']:7.0f} MB  "
            f"{ratio}  {extra}")


def bench_size(size: int, tmp: Path) -> None:
    images = max(1, size // 50)
    work = tmp / f"n{size}"
    generate(work, size, images=images)
    content = work / "content"
    (work / "plain.py").write_text(PLAIN_CONF.format(path=str(content)), encoding="utf-8")
    cache = work / "cache"
    print(f"\n{size} documents ({images} photos of 3000×2000), "
          f"{sum(1 for _ in content.rglob('*.md'))} Markdown files")
    plain = measure([sys.executable, "-m", "pelican", str(content), "-o", str(work / "plain-out"),
                     "-s", str(work / "plain.py")], work)
    print(row("plain Pelican (default theme)", plain))
    cold = measure(ours(content, work / "cold", cache), ROOT)
    print(row("this project, cold caches", cold, plain, image_work(cold["log"])))
    warm = measure(ours(content, work / "warm", cache), ROOT)
    print(row("this project, warm caches", warm, plain, image_work(warm["log"])))

    # Incremental output through the safe build's sync (what `invoke build` does).
    output = work / "site"
    tasks.sync_tree(work / "warm", output)
    total = sum(1 for p in output.rglob("*") if p.is_file())
    for label, change in (("rebuild, nothing changed", None), ("rebuild, one news item changed", True)):
        if change:
            news = sorted((content / "actualites").glob("*.md"))[-1]
            news.write_text(news.read_text(encoding="utf-8").replace("##", "## Modifié :", 1), encoding="utf-8")
        fresh = work / "fresh"
        started = time.perf_counter()
        m = measure(ours(content, fresh, cache), ROOT)
        written, removed, _ = tasks.sync_tree(fresh, output)
        m["wall"] = time.perf_counter() - started
        share = (written + removed) / total * 100
        print(row(label, m, plain, f"{written} written + {removed} removed of {total} files "
                                   f"({share:.2f} %)"))
        subprocess.run(["rm", "-rf", str(fresh)], check=True)


def main(argv: list[str]) -> None:
    sizes = [int(s) for s in (argv[0] if argv else "100,1000").split(",")]
    started = time.perf_counter()
    real = measure([sys.executable, "-m", "pelican", "content", "-o", tempfile.mkdtemp(), "-s",
                    "pelicanconf.py", "--log-handler", "plain"], ROOT)
    print(f"Real site: full build {real['wall']:.2f} s wall, {real['cpu']:.2f} s CPU, "
          f"{real['rss']:.0f} MB peak (warm caches)")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            bench_size(size, Path(tmp))
    print(f"\n(benchmark ran in {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
