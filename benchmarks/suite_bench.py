"""The test suite's time against a base commit's, measured in the same run on this machine.

    .venv/bin/python benchmarks/suite_bench.py [--base REV] [--pairs N] [-- PYTEST ARGS]

Checks out REV (default d9f634d, issue 24's baseline) in a temporary worktree that
borrows this checkout's .venv and node_modules, then runs, N times in turn (default 1),
REV's `invoke test` as it was and this checkout's `invoke test`, and prints for each run
the wall time and the CPU the whole machine spent (from /proc/stat: Chromium and the build
processes included), the ratio, and today's suite limited to the test functions REV had
(tests added since for other issues' features left out, as benchmarks/stats.py counts
their code apart). Run it on a quiet machine: each pair takes about 12 minutes.
PYTEST ARGS (e.g. -k search) go to both suites, for a quick try. Figures only.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"


def busy() -> float:
    """Seconds of CPU the machine has spent (all cores, not idle nor waiting)."""
    user, nice, system, _idle, _wait, irq, softirq, steal = map(
        int, Path("/proc/stat").read_text().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / 100


def timed(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """(wall s, machine CPU s, pytest's last line) of one suite run."""
    started, cpu = time.monotonic(), busy()
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    wall, used = time.monotonic() - started, busy() - cpu
    last = (proc.stdout.strip().splitlines() or [""])[-1].strip("= ")
    if proc.returncode:
        sys.exit(f"{' '.join(args)} in {cwd} failed:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return wall, used, last


def functions(cwd: Path, extra: list[str]) -> set[str]:
    """The test functions (path::name, parameters left out) pytest collects in ``cwd``."""
    out = subprocess.run([str(PYTHON), "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly",
                          *extra], cwd=cwd, capture_output=True, text=True).stdout
    return {re.sub(r"\[.*", "", line) for line in out.splitlines() if "::" in line}


def main(argv: list[str]) -> None:
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    base = argv[argv.index("--base") + 1] if "--base" in argv else "d9f634d"
    pairs = int(argv[argv.index("--pairs") + 1]) if "--pairs" in argv else 1
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tree), base], cwd=ROOT, check=True)
        try:
            for name in (".venv", "node_modules"):
                (tree / name).symlink_to(ROOT / name)
            common = sorted(functions(tree, extra) & functions(ROOT, extra))
            ids = Path(tmp) / "common.txt"
            ids.write_text("\n".join(common) + "\n", encoding="utf-8")
            pytest = [str(PYTHON), "-m", "pytest"]
            runs = {
                f"{base}, its `invoke test`": ([str(PYTHON), "-m", "invoke", "test"], tree),
                "today, `invoke test`": ([str(PYTHON), "-m", "invoke", "test"], ROOT),
                f"today, {base}'s {len(common)} test functions": (
                    [*pytest, "-n", "2", "--dist", "loadgroup", "-q", f"@{ids}"], ROOT),
            }
            for n in range(pairs):
                figures = {}
                for label, (args, cwd) in runs.items():
                    if extra and "invoke" in args:
                        args = [*pytest, *(["-n", "2", "--dist", "loadgroup"] if cwd == ROOT else []),
                                "-q", *extra]
                    figures[label] = timed(args, cwd)
                first = figures[next(iter(runs))]
                print(f"run {n + 1}:")
                for label, (wall, cpu, last) in figures.items():
                    print(f"  {label:45} {wall:6.0f} s wall ({wall / first[0]:.2f}×), "
                          f"{cpu:5.0f} s CPU ({cpu / first[1]:.2f}×)  {last}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)


if __name__ == "__main__":
    main(sys.argv[1:])
