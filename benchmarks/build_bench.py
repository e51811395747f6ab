"""Build benchmark: this project's build against plain Pelican on the same corpus.

Run with `invoke bench --what build [--sizes 100,1000,5000]`. For each size of
the synthetic corpus (benchmarks/corpus.py) it prints wall time, CPU time and
peak memory of: plain Pelican (same Markdown, default theme, no plugins; the
benchmark stops if it did not read every file), plain Pelican with its own
content cache (a reference), this project cold (every cache empty) and warm (Pelican
updating the previous build's folder); then rebuilds as `invoke build` makes them (Pelican
updating the build folder, then the swap into the site folder): the first one, with no
build folder yet, then with nothing changed and with one news item changed; and the image
work done cold and warm.
Timings on a shared machine vary by ±20 %: each figure is the median of RUNS
runs (3 unless given), plain and ours alternating, and ratios compare runs
of the same benchmark only; the CPU ratio (user + system time of the build and its
workers) moves less when the machine is shared. Figures only: nothing fails on a slow
machine.
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
from pelicanconf import cache_overrides  # noqa: E402

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


def median(runs: list[dict]) -> dict:
    """The run of median wall time (its CPU and memory with it), and the spread."""
    ordered = sorted(runs, key=lambda m: m["wall"])
    mid = dict(ordered[len(ordered) // 2])
    mid["spread"] = (ordered[0]["wall"], ordered[-1]["wall"])
    return mid


def ours(content: Path, output: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s",
            str(ROOT / "pelicanconf.py"), "--log-handler", "plain", "-v",
            "-e", *cache_overrides(cache)]


def plain(content: Path, output: Path, work: Path, cached: bool = False) -> list[str]:
    conf = work / ("plain-cached.py" if cached else "plain.py")
    return [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(conf),
            "--delete-output-directory"]


def image_work(log: str) -> str:
    match = re.search(r"Images : (\d+) \((\d+) traitée", log)
    return f"{match.group(2)} of {match.group(1)} images processed" if match else "no image"


def processed(log: str) -> int:
    match = re.search(r"Processed (\d+) articles?, .*?(\d+) pages?", log.replace("\n", " "))
    return int(match.group(1)) + int(match.group(2)) if match else 0


def row(name: str, m: dict, base: dict | None = None, extra: str = "") -> str:
    ratio = f"{m['wall'] / base['wall']:5.2f}x ({m['cpu'] / base['cpu']:.2f}x CPU)" if base else " " * 20
    spread = f"[{m['spread'][0]:.2f}-{m['spread'][1]:.2f}]" if "spread" in m else ""
    return (f"  {name:<36} {m['wall']:6.2f} s {spread:<12} {m['cpu']:6.2f} s CPU "
            f"{m['rss']:5.0f} MB  {ratio}  {extra}")


def bench_size(size: int, tmp: Path, runs: int) -> None:
    images = max(1, size // 50)
    work = tmp / f"n{size}"
    generate(work, size, images=images)
    content = work / "content"
    (work / "plain.py").write_text(PLAIN_CONF.format(path=str(content)), encoding="utf-8")
    (work / "plain-cached.py").write_text(
        PLAIN_CONF.format(path=str(content)) + f"CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n"
        f"CACHE_PATH = {str(work / 'plain-cache')!r}\n", encoding="utf-8")
    cache = work / "cache"
    sources = sum(1 for _ in content.rglob("*.md"))
    print(f"\n{size} documents ({images} photos of 3000×2000), {sources} Markdown files; "
          f"median of {runs} runs [fastest-slowest], plain and ours alternating")

    cold = measure(ours(content, work / "out", cache), ROOT)
    plain_runs, warm_runs, cached_runs = [], [], []
    measure(plain(content, work / "plain-out", work, cached=True), work)  # fills its cache
    for _ in range(runs):
        plain_runs.append(measure(plain(content, work / "plain-out", work), work))
        warm_runs.append(measure(ours(content, work / "out", cache), ROOT))
        cached_runs.append(measure(plain(content, work / "plain-out", work, cached=True), work))
    base = median(plain_runs)
    if processed(base["log"]) != sources:  # a baseline that skipped files would flatter us
        raise SystemExit(f"plain Pelican processed {processed(base['log'])} of {sources} files:\n"
                         + base["log"][-2000:])
    print(row("plain Pelican (default theme)", base, extra=f"{processed(base['log'])} files read"))
    print(row("plain Pelican, its content cache on", median(cached_runs), base,
              "(reference: Pelican's own opt-in cache)"))
    print(row("this project, cold caches", cold, base, image_work(cold["log"])))
    print(row("this project, warm caches", median(warm_runs), base, image_work(warm_runs[-1]["log"])))

    # Rebuilds through the safe build's swap (what `invoke build` does): Pelican updates the
    # build folder (the site before output/'s, buildtools/swap.py), which is then swapped in.
    # The first one starts without a build folder (as after a clone or `invoke clean`).
    output = work / "site"
    tasks.install_build(work / "out", output)
    news = sorted((content / "actualites").glob("*.md"))
    for label, changes in (("rebuild, no build folder yet", [None]),
                           ("rebuild, nothing changed", [None] * runs),
                           ("rebuild, one news item changed", news[-runs:])):
        results = []
        for changed in changes:
            if changed:
                changed.write_text(changed.read_text(encoding="utf-8").replace("##", "## Modifié :", 1),
                                   encoding="utf-8")
            started = time.perf_counter()
            folder = tasks.build_folder(output)
            m = measure(ours(content, folder, cache), ROOT)
            tasks.install_build(folder, output)
            m["wall"] = time.perf_counter() - started
            results.append(m)
        print(row(label, median(results), base))


def main(argv: list[str]) -> None:
    sizes = [int(s) for s in (argv[0] if argv else "100,1000").split(",")]
    runs = int(argv[1]) if len(argv) > 1 else 3
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        real = median([measure([sys.executable, "-m", "pelican", "content", "-o", f"{tmp}/real{i}", "-s",
                                "pelicanconf.py", "--log-handler", "plain"], ROOT) for i in range(runs)])
        print(f"Real site: full build {real['wall']:.2f} s wall (median of {runs}), {real['cpu']:.2f} s CPU, "
              f"{real['rss']:.0f} MB peak (warm caches)")
        for size in sizes:
            bench_size(size, Path(tmp), runs)
    print(f"\n(benchmark ran in {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
