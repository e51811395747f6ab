"""Every file path named in the docs and in module docstrings exists.

A path is a word with a slash and a file extension (``plugins/seo/cards.py``,
``tests/test_site.py``), or a bare Python module name in backticks (`` `cache.py` ``). It is
looked up from the repository's root, plugins/, theme/, theme/templates/, docs/ and the
folder of the file that names it. Output URLs (starting with / or with a folder of the
built site), placeholders (``<slug>``, ``{x}``, ``*``), quoted build messages (a line with
ERROR:) and web addresses are not paths of the repository.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from support import ROOT

DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md", ROOT / "plugins" / "README.md"]
CODE = [p for d in ("plugins", "buildtools", "checks", "benchmarks", "scripts", "tests")
        for p in sorted((ROOT / d).rglob("*.py"))] + [ROOT / "tasks.py", ROOT / "pelicanconf.py"]
EXTENSIONS = r"(?:py|md|js|mjs|css|html|ya?ml|json|toml|txt|sh)"
PATH = re.compile(rf"(?<![\w/.:<{{*-])((?:\.?[\w-]+/)+[\w.-]+\.{EXTENSIONS})(?![\w/*])")
BARE = re.compile(r"`([a-z][\w-]*\.py)`")  # other bare names are often examples (`_x.md`)
BASES = [ROOT, ROOT / "plugins", ROOT / "theme", ROOT / "theme" / "templates", ROOT / "docs",
         ROOT / "theme" / "static"]
# Folders and files of the built site (output/), named in docs as what a plugin writes.
OUTPUT = {"admin", "chiffres-cles", "partenaires", "metiers", "formations", "actualites",
          "evenements", "recherche", "search", "feeds", "orientation", "images"}
OUTPUT_FILES = {"build.json", "config.yml", "rules.json"}


def named(text: str) -> set[str]:
    text = re.sub(r"https?://\S+", "", text)
    text = "\n".join(line for line in text.splitlines() if "ERROR:" not in line)
    return {name for name in set(PATH.findall(text)) | set(BARE.findall(text))
            if name.split("/")[0] not in OUTPUT and name not in OUTPUT_FILES}


def exists(name: str, where: Path) -> bool:
    if any((base / name).exists() for base in [*BASES, where.parent]):
        return True
    if "/" not in name:  # a bare file name: anywhere in the project's own folders
        return any(True for d in ("plugins", "tests", "checks", "buildtools", "benchmarks", "theme",
                                  "scripts", "docs") for _ in (ROOT / d).rglob(name))
    return False


def missing(files: list[Path], text_of) -> list[str]:
    return [f"{f.relative_to(ROOT)}: {name}" for f in files for name in sorted(named(text_of(f)))
            if not exists(name, f)]


def docstring(path: Path) -> str:
    try:
        return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    except SyntaxError:
        return ""


def test_paths_in_docs_exist():
    assert missing(DOCS, lambda f: f.read_text(encoding="utf-8")) == []


def test_paths_in_module_docstrings_exist():
    assert missing(CODE, docstring) == []


def test_the_finder_sees_paths():
    assert named("see `plugins/seo/cards.py`, tests/x.py and `cache.py`; /metiers/x.html, "
                 "content/<slug>.md, https://a.b/c.js") == {"plugins/seo/cards.py", "tests/x.py", "cache.py"}
