"""No plugin imports another plugin's module: shared code lives in content_model or buildkit.

Each plugin is a folder of plugins/; its modules (plugins/<name>/*.py, tests apart) may
import their own package, content_model and buildkit, nothing else of plugins/.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

PLUGINS = ROOT / "plugins"
SHARED = {"content_model", "buildkit"}


def plugin_names() -> set[str]:
    return {p.name for p in PLUGINS.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}


def imported_modules(path: Path) -> set[str]:
    """Top-level names of the absolute imports of a module."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def cross_imports() -> set[tuple[str, str]]:
    plugins = plugin_names()
    found = set()
    for path in sorted(PLUGINS.glob("*/*.py")):
        own = path.parent.name
        for name in imported_modules(path) & plugins - SHARED - {own}:
            found.add((path.relative_to(PLUGINS).as_posix(), name))
    return found


def test_no_plugin_imports_another_plugin():
    new = cross_imports()
    assert not new, f"import from content_model or buildkit instead: {sorted(new)}"


def test_the_scan_sees_imports(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import seo.cards\nfrom images.images import x\nfrom . import own\n", encoding="utf-8")
    assert imported_modules(module) == {"seo", "images"}
