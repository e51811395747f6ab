"""Where a warm build's time goes: cProfile of one build, grouped by plugin.

    .venv/bin/python benchmarks/profile_build.py [SIZE] [--cold | --change] [--keep FILE]

Generates the synthetic corpus of SIZE documents (benchmarks/corpus.py, default 1000),
builds it once to fill the caches (unless --cold: then the profiled build is the first;
--change: then one news item is changed, as build_bench.py's last row does), then
profiles one build into the same output folder (as a warm build updates it) with
cProfile and prints (1) the time spent in each plugin's own code (tottime summed by folder
of plugins/, Pelican, Jinja, Markdown, the rest) and (2) the functions with the largest
cumulative and own times (--keep: the profile, for pstats or snakeviz). cProfile slows
everything down: read the shares, not the seconds. docs/performance.md keeps the latest output.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from benchmarks.corpus import generate  # noqa: E402
from pelicanconf import cache_overrides  # noqa: E402

GROUPS = (("/theme/templates/", "templates (compiled Jinja code)"), ("/plugins/", None), ("/pelican/", "pelican"), ("/jinja2/", "jinja2"),
          ("/markdown/", "markdown"), ("/html/parser.py", "html.parser"), ("/PIL/", "Pillow"),
          ("/lunr/", "lunr.py"))


def group(filename: str) -> str:
    for marker, name in GROUPS:
        if marker in filename:
            return name or "plugins/" + filename.split("/plugins/", 1)[1].split("/")[0].removesuffix(".py")
    return "other (Python, libraries)"


def build(content: Path, output: Path, cache: Path, profile: Path | None) -> None:
    from pelican import main
    args = [str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"), "--log-handler", "plain",
            "-q", "-e", *cache_overrides(cache)]
    if profile is None:
        main(args)
    else:
        cProfile.runctx("main(args)", {"main": main, "args": args}, {}, str(profile))


def _short(filename: str) -> str:
    return filename.split("/site-packages/")[-1].replace(str(ROOT) + "/", "")


def report(profile: Path, top: int = 20) -> None:
    stats = pstats.Stats(str(profile))
    total = stats.total_tt
    by_group: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        by_group[group(filename)] += tottime
    print(f"Own time by part ({total:.1f} s under the profiler):")
    for name, seconds in sorted(by_group.items(), key=lambda kv: -kv[1]):
        print(f"  {seconds / total:6.1%}  {name}")
    for title, column in (("cumulative", 3), ("own", 2)):
        print(f"\nLargest {title} times (share of {total:.1f} s):")
        rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][column])
        for (filename, line, function), values in rows[:top]:
            print(f"  {values[column] / total:6.1%}  {_short(filename)}:{line}({function})")


def main(argv: list[str]) -> None:
    size = int(next((a for a in argv if a.isdigit()), 1000))
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1796292000")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        generate(work, size, images=max(1, size // 50))
        if "--cold" not in argv:
            build(work / "content", work / "out", work / "cache", None)
        if "--change" in argv:
            news = sorted((work / "content" / "actualites").glob("*.md"))[-1]
            news.write_text(news.read_text(encoding="utf-8").replace("##", "## Modifié :", 1), encoding="utf-8")
        build(work / "content", work / "out", work / "cache", work / "build.prof")
        report(work / "build.prof")
        if "--keep" in argv:
            keep = Path(argv[argv.index("--keep") + 1])
            keep.write_bytes((work / "build.prof").read_bytes())


if __name__ == "__main__":
    main(sys.argv[1:])
