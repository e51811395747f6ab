"""python -m checks OUTPUT [--skip links,pdf,html,browser]: run the quality gates, exit 1 on failure."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from . import links
from .site import load_pages

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"


def _gate(name: str):
    # Imported only when run: vnu, pypdf and Playwright are not needed by `invoke build`.
    return importlib.import_module(f"checks.{name}")


def run(output: Path, skip: set[str] = frozenset(), out=sys.stdout) -> list[str]:
    pages = load_pages(output)
    failures: list[str] = []
    weights: list[str] = []
    steps = [
        ("links", lambda: links.check(output, pages)),
        ("pdf", lambda: _gate("pdf").check(output, pages) if any(output.rglob("*.pdf")) else []),
        ("html", lambda: _gate("html").check(output, VNU_JAR)),
        ("browser", lambda: _gate("browser").check(output, pages, AXE_JS, weights)),
    ]
    for name, step in steps:
        if name in skip:
            continue
        started = time.perf_counter()
        found = step()
        failures += found
        print(f"check {name}: {len(pages)} pages, {len(found)} problème(s), "
              f"{time.perf_counter() - started:.1f} s", file=out)
    if weights:
        print("Poids au premier chargement (HTML + CSS + JS, gzip) :", file=out)
        for line in sorted(weights, reverse=True):
            print("  " + line, file=out)
    for failure in failures:
        print(f"ERREUR: {failure}", file=out)
    return failures


def empty_site(output: Path) -> str:
    """Why ``output`` is not a whole site ("" if it has a home page): a gate must not pass
    an empty or half-written folder just because it has nothing to check."""
    if not any(output.rglob("*.html")):
        return "aucune page HTML"
    if not (output / "index.html").is_file():
        return "pas de page d'accueil (index.html)"
    return ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks", description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--skip", default="", help="comma-separated: links,pdf,html,browser")
    args = parser.parse_args(argv)
    if not args.output.is_dir():
        print(f"checks: {args.output} n'est pas un dossier de site construit", file=sys.stderr)
        return 2
    empty = empty_site(args.output)
    if empty:
        print(f"ERREUR: {args.output} : {empty} : site vide ou incomplet, contrôles refusés.", file=sys.stderr)
        return 1
    failures = run(args.output, {s for s in args.skip.split(",") if s})
    print(f"{len(failures)} problème(s)." if failures else "Tous les contrôles sont passés.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
