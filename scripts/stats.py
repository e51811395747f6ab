"""Size figures of the project: shipped lines, test lines, test count, node_modules.

    .venv/bin/python scripts/stats.py [ROOT] [--tests]

Shipped code is what runs for a visitor, an editor or a build: the plugins (without their
tests/ folders), buildtools/, checks/, tasks.py, pelicanconf.py, publishconf.py,
scripts/, .ci/run and the theme's JavaScript. Benchmarks and tests are counted apart.
Every line counts (blank lines and comments included), so moving lines between files
changes nothing. --tests also counts the tests pytest collects (about 5 s).
ROOT defaults to this checkout; pass another (a `git worktree`) to measure an old commit.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SHIPPED_FILES = ("tasks.py", "pelicanconf.py", "publishconf.py", ".ci/run", "scripts/bootstrap")


def _lines(paths) -> tuple[int, int]:
    files = sorted(set(paths))
    return len(files), sum(len(p.read_bytes().splitlines()) for p in files)


def _is_test(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return "tests" in parts or path.name == "conftest.py"


def groups(root: Path) -> dict[str, tuple[int, int]]:
    py = [p for d in ("plugins", "buildtools", "checks", "scripts") for p in (root / d).rglob("*.py")]
    shipped = [p for p in py if not _is_test(p, root)]
    shipped += [root / f for f in SHIPPED_FILES if (root / f).is_file()]
    js = list((root / "theme").rglob("*.js"))
    tests = [p for p in root.rglob("*.py") if _is_test(p, root) and ".venv" not in p.parts
             and "node_modules" not in p.parts]
    return {
        "shipped Python and shell": _lines(shipped),
        "shipped JavaScript (theme)": _lines(js),
        "shipped, total": _lines(shipped + js),
        "benchmarks": _lines((root / "benchmarks").rglob("*.py")),
        "tests (code)": _lines(tests),
    }


def du(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) \
        if path.is_dir() else 0


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    root = Path(args[0]).resolve() if args else Path(__file__).resolve().parents[1]
    print(f"{'':30} {'files':>6} {'lines':>7}")
    for name, (files, lines) in groups(root).items():
        print(f"{name:30} {files:6} {lines:7}")
    print(f"{'node_modules (MB)':30} {'':6} {du(root / 'node_modules') / 1e6:7.1f}")
    if "--tests" in argv:
        out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly"],
                             cwd=root, capture_output=True, text=True).stdout
        count = next((line.split()[0] for line in out.splitlines() if " collected" in line), "?")
        print(f"{'tests collected':30} {'':6} {count:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
