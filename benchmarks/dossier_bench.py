"""PDF benchmark (issue 25, plugins/dossier): what the programmes' sheets and the
catalogue cost a build of the real content.

Run with `invoke bench --what dossier [--runs 3]`. Prints wall and CPU time (median of
RUNS runs) of a cold build (every cache empty) and a warm build (nothing changed),
without PDFs (DOSSIER_PDF False, the development build) and with them (publishconf.py's
setting), the ratios, then a build after one programme's field changed: how many PDFs
each build rendered (new cache entries) and how many it took from the cache.
Figures only: nothing fails on a slow machine.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from benchmarks.build_bench import measure  # noqa: E402
from pelicanconf import cache_overrides  # noqa: E402

PROGRAMME = "formations/bac-pro-usinage.md"


def build(content: Path, output: Path, cache: Path, pdf: bool) -> tuple[float, float]:
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s",
           str(ROOT / "pelicanconf.py"), "--log-handler", "plain", "-e",
           f"DOSSIER_PDF={'true' if pdf else 'false'}", *cache_overrides(cache)]
    run = measure(cmd, ROOT)  # the build bench's measure: exits with the log if the build fails
    return run["wall"], run["cpu"]


def entries(cache: Path) -> dict:
    return {p.name: p.stat().st_mtime_ns for p in (cache / "dossier").glob("*.pdf")}


def main(runs: int) -> None:
    rows = {}
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        tmp = Path(tmp)
        content = tmp / "content"
        shutil.copytree(ROOT / "content", content)
        for pdf in (False, True):
            cold, warm = [], []
            for run in range(runs):
                cache = tmp / f"cache-{pdf}-{run}"
                cold.append(build(content, tmp / "out", cache, pdf))
                warm.append(build(content, tmp / "out", cache, pdf))
            rows[pdf] = {name: tuple(statistics.median(x[i] for x in times) for i in (0, 1))
                         for name, times in (("cold", cold), ("warm", warm))}
        cache = tmp / f"cache-True-{runs - 1}"
        before = entries(cache)
        warm_again = build(content, tmp / "out", cache, True)
        untouched = entries(cache) == before
        source = content / PROGRAMME
        source.write_text(source.read_text(encoding="utf-8").replace("duration:", "duration: (modifié)", 1),
                          encoding="utf-8")
        changed = build(content, tmp / "out", cache, True)
        after = entries(cache)
    print(f"Real content, median of {runs} run(s): wall s / CPU s")
    print(f"{'':12}{'without PDFs':>18}{'with PDFs':>18}{'ratio (wall)':>14}")
    for name in ("cold", "warm"):
        off, on = rows[False][name], rows[True][name]
        print(f"{name:12}{off[0]:>9.2f} /{off[1]:>6.2f}{on[0]:>11.2f} /{on[1]:>6.2f}{on[0] / off[0]:>13.2f}x")
    print(f"warm again with PDFs: {warm_again[0]:.2f} s, "
          f"{'no PDF rendered' if untouched else 'PDFs rendered again (cache entries rewritten)'}")
    new = set(after) - set(before)
    print(f"one programme changed ({PROGRAMME}): {changed[0]:.2f} s wall, {len(new)} PDF rendered "
          f"(its sheet and the catalogue expected: 2), {len(after) - len(new)} from the cache")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
