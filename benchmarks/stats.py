"""Size figures of the project: shipped lines, test lines, test count, node_modules.

    .venv/bin/python benchmarks/stats.py [ROOT] [--tests] [--since REV]
    .venv/bin/invoke bench --what size

Shipped code is what runs for a visitor, an editor or a build: the plugins (without their
tests/ folders), buildtools/, checks/, tasks.py, pelicanconf.py, publishconf.py,
scripts/, .ci/run and the theme's JavaScript. Benchmarks and tests are counted apart.
Every line counts (blank lines and comments included). --tests also counts the tests
pytest collects (about 5 s). ROOT defaults to this checkout.

--since REV (issue 24's measure, REV = d9f634d): of the shipped lines REV had, how many
survive today, by `git blame -w -M -C -C` (a line moved or copied to another file still
counts as surviving, a whitespace change is not a change). Today's other lines are split
by the commit that wrote them: right-size work (a commit whose message has the line
`Issue: 24`, or one of RIGHT_SIZE) counts against the reduction; new features of other
issues are counted apart. The same figures follow for Python statements only (blank
lines, comments and docstrings left out), to show how much of the change is prose.
"""

from __future__ import annotations

import ast
import collections
import subprocess
import sys
from pathlib import Path, PurePosixPath

SHIPPED_FILES = ("tasks.py", "pelicanconf.py", "publishconf.py", ".ci/run", "scripts/bootstrap")
# Right-size commits of 2026-12-07 made before the `Issue: 24` line was the convention.
RIGHT_SIZE = frozenset("""04724e9 b0f21a2 c234d9f b179799 3332a06 062b497 3cf9086 69fd3e4 0b40e7d
    65ede9e 081b794 57f55c3 c682323 fb4e04b ff9eba0 86b8e3b abfaf3e 7bd8477 447fc00 2303512 d20a06e
    a1a9b90 bb4546c ca45a60 b28dd64 4e049fe 0043f68 46c0c45""".split())


def shipped(paths: list[str]) -> list[str]:
    """The shipped files among repository-relative POSIX paths."""
    def keep(p: str) -> bool:
        parts = PurePosixPath(p).parts
        if "tests" in parts or parts[-1] == "conftest.py":
            return False
        if parts[0] in ("plugins", "buildtools", "checks", "scripts") and p.endswith(".py"):
            return True
        return p in SHIPPED_FILES or (parts[0] == "theme" and p.endswith(".js"))
    return sorted(p for p in paths if keep(p))


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def _lines(root: Path, paths) -> tuple[int, int]:
    files = sorted(set(paths))
    return len(files), sum(len((root / p).read_bytes().splitlines()) for p in files)


def groups(root: Path) -> dict[str, tuple[int, int]]:
    files = [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()
             and not {".venv", "node_modules", ".git", "output", ".cache"} & set(p.relative_to(root).parts)]
    ship = shipped(files)
    js = [p for p in ship if p.endswith(".js")]
    tests = [p for p in files if p.endswith(".py") and ("tests" in PurePosixPath(p).parts or p.endswith("conftest.py"))]
    return {
        "shipped Python and shell": _lines(root, [p for p in ship if p not in js]),
        "shipped JavaScript (theme)": _lines(root, js),
        "shipped, total": _lines(root, ship),
        "benchmarks": _lines(root, [p for p in files if p.startswith("benchmarks/") and p.endswith(".py")]),
        "tests (code)": _lines(root, tests),
    }


def statements(text: str) -> set[int]:
    """Numbers of the lines of Python that are neither blank, nor a comment, nor in a docstring."""
    docs = set()
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            docs.update(range(body[0].lineno, body[0].end_lineno + 1))
    return {n for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.strip().startswith("#") and n not in docs}


def since(root: Path, rev: str) -> None:
    old = shipped(git(root, "ls-tree", "-r", "--name-only", rev).splitlines())
    texts = {p: git(root, "show", f"{rev}:{p}") for p in old}
    before = sum(len(t.splitlines()) for t in texts.values())
    ancestors = set(git(root, "rev-list", rev).split())
    marked = {h[:7] for h in git(root, "log", "--format=%H", "--grep=^Issue: 24$", f"{rev}..HEAD").split()}
    now, code = collections.Counter(), collections.Counter()  # code: statement lines only
    for path in shipped(git(root, "ls-files").splitlines()):
        stmts = statements((root / path).read_text()) if path.endswith(".py") else set()
        for line in git(root, "blame", "-w", "-M", "-C", "-C", "--porcelain", "HEAD", "--", path).splitlines():
            head = line.split(" ")
            if len(head) >= 3 and len(head[0]) == 40 and head[1].isdigit():
                h = head[0]
                kind = "survive" if h in ancestors else "right-size" if h[:7] in RIGHT_SIZE | marked else "features"
                now[kind] += 1
                code[kind] += int(head[2]) in stmts
    removed = before - now["survive"]
    net = removed - now["right-size"]
    print(f"\nshipped lines at {rev}: {before}")
    print(f"  still there today (git blame -w -M -C -C): {now['survive']}  (removed {removed})")
    print(f"  written since by right-size work: {now['right-size']}")
    print(f"  net reduction of {rev}'s code: {net} lines, {100 * net / before:.1f} % (target 10 %)")
    print(f"  written since for other issues' features (counted apart): {now['features']}")
    # The same measure on Python statements only (no blank lines, comments or docstrings):
    # how much of the reduction is code rather than prose.
    code_before = sum(len(statements(t)) for p, t in texts.items() if p.endswith(".py"))
    code_net = code_before - code["survive"] - code["right-size"]
    print(f"  of which Python statements (no blanks, comments, docstrings): {code_before} at {rev}, "
          f"{code['survive']} still there, {code['right-size']} written by right-size work: "
          f"net {code_net}, {100 * code_net / code_before:.1f} %")


def du(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) \
        if path.is_dir() else 0


def main(argv: list[str]) -> int:
    rev = argv[argv.index("--since") + 1] if "--since" in argv else None
    args = [a for a in argv if not a.startswith("--") and a != rev]
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
    if rev:
        since(root, rev)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
