"""Save → rebuilt on the real site, as `invoke cms` and `invoke livereload` rebuild.

    .venv/bin/python benchmarks/reload_bench.py [RUNS]

Copies content/ to a temporary folder, builds it twice with tasks.safe_build (Pelican, the
link gate, the swap into a temporary output folder; the checkout's .cache/ as usual: after
two builds the output folder and the build folder beside it both hold a site, as in any
session but the first after a clone or `invoke clean`), then RUNS times appends a sentence
to the latest news item and times safe_build again: wall time and the CPU time of its
child processes. The checkout's content/ is never touched.
Figures only (docs/performance.md).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tasks  # noqa: E402
from invoke import Context  # noqa: E402


def main(argv: list[str]) -> None:
    runs = int(argv[0]) if argv else 3
    with tempfile.TemporaryDirectory() as tmp:
        content, output = Path(tmp) / "content", Path(tmp) / "site" / "output"
        shutil.copytree(ROOT / "content", content)
        for _ in range(2):
            tasks.safe_build(Context(), tasks.DEV_CONF, output=output, content=content)
        news = sorted((content / "actualites").glob("*.md"))[-1]
        figures = []
        for i in range(runs):
            news.write_text(news.read_text(encoding="utf-8") + f"\nUne phrase ajoutée ({i}).\n",
                            encoding="utf-8")
            started, before = time.perf_counter(), os.times()
            tasks.safe_build(Context(), tasks.DEV_CONF, output=output, content=content)
            after = os.times()
            cpu = after.children_user + after.children_system - before.children_user - before.children_system
            figures.append(f"{time.perf_counter() - started:.2f} s wall, {cpu:.2f} s CPU")
    print("Save → rebuilt (real site): " + "; ".join(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
