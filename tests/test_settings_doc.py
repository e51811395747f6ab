"""docs/settings.md lists every setting and environment variable the project reads.

Read in the code: ``settings.get("X")``, ``settings["X"]``, ``context["X"]`` (any object
but ``environ``), ``pelicanconf.X`` in plugins/, tasks.py, buildtools/, checks/ and the two
configuration files; UPPER_CASE names in the Jinja tags of theme/templates/; every UPPER_CASE name
pelicanconf.py or publishconf.py sets (Pelican reads them). Environment variables:
``os.environ[...]``, ``environ.get(...)``, ``os.getenv(...)``. A name read but not
documented, or documented but no longer read, fails; so does a row whose "read by"
column names none of the modules that read it.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

from support import ROOT

DOC = ROOT / "docs" / "settings.md"
NAME = re.compile(r"[A-Z][A-Z0-9_]+")
CONFS = ("pelicanconf.py", "publishconf.py")
JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
JINJA_STRING = re.compile(r"\"[^\"]*\"|'[^']*'")


def python_sources() -> list[Path]:
    files = [ROOT / "tasks.py", *(ROOT / name for name in CONFS)]
    files += sorted(ROOT.glob("checks/*.py")) + sorted(ROOT.glob("buildtools/*.py"))
    return files + sorted(p for p in ROOT.glob("plugins/**/*.py") if "tests" not in p.parts)


def reads(source: str) -> tuple[set[str], set[str]]:
    """(settings, environment variables) a Python module reads."""
    settings, env = set(), set()
    for node in ast.walk(ast.parse(source)):
        key = owner = None
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) \
                and isinstance(node.slice, ast.Constant):
            key, owner = node.slice.value, ast.unparse(node.value)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in ("get", "setdefault", "pop"):
                key, owner = node.args[0].value, ast.unparse(func.value)
            elif ast.unparse(func) in ("os.getenv", "getenv"):
                key, owner = node.args[0].value, "environ"
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "pelicanconf":
            key, owner = node.attr, "pelicanconf"
        if isinstance(key, str) and NAME.fullmatch(key):
            (env if owner.endswith("environ") else settings).add(key)
    return settings, env


def assigned(source: str) -> set[str]:
    """UPPER_CASE names a configuration file sets at its top level."""
    names = set()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else []
        names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name) and NAME.fullmatch(n.id)}
    return names


def template_reads(text: str) -> set[str]:
    return {name for tag in JINJA_TAG.findall(text) for name in NAME.findall(JINJA_STRING.sub("", tag))}


def who(path: Path) -> str:
    """The word the "read by" column uses for a file: its plugin, package or file name."""
    rel = path.relative_to(ROOT)
    if rel.parts[0] == "plugins":
        return rel.parts[1]
    return rel.parts[0] if len(rel.parts) > 1 else rel.name


def code_reads() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """({setting: readers}, {environment variable: readers})."""
    settings, env = defaultdict(set), defaultdict(set)
    for path in python_sources():
        text = path.read_text(encoding="utf-8")
        found, environ = reads(text)
        for name in assigned(text) if path.name in CONFS else ():
            settings[name].add("Pelican")
        for name in found:
            settings[name].add(who(path))
        for name in environ:
            env[name].add(who(path))
    for path in sorted(p for p in (ROOT / "theme" / "templates").rglob("*") if p.is_file()):
        for name in template_reads(path.read_text(encoding="utf-8")):
            settings[name].add("templates")
    return settings, env


def documented(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """({setting: its "read by" cell}, {environment variable: its "read by" cell}) of the
    tables of docs/settings.md: first column the names in backticks, third "read by"."""
    settings: dict[str, str] = {}
    env: dict[str, str] = {}
    section = None
    for line in text.splitlines():
        if line.startswith("## "):
            section = env if "environment" in line.lower() else settings
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if section is None or not line.startswith("|") or len(cells) < 3 or set(cells[0]) <= {"-", " "}:
            continue
        for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", cells[0]):
            section[name] = cells[2]
    return settings, env


def mismatches(read: dict[str, set[str]], doc: dict[str, str]) -> list[str]:
    problems = [f"{n}: read by {', '.join(sorted(read[n]))}, not in docs/settings.md" for n in sorted(read.keys() - doc)]
    problems += [f"{n}: in docs/settings.md, read nowhere" for n in sorted(doc.keys() - read)]
    problems += [f"{n}: the \"read by\" column names none of {', '.join(sorted(read[n]))}"
                 for n in sorted(read.keys() & doc.keys()) if not any(r in doc[n] for r in read[n])]
    return problems


def test_every_setting_read_is_documented_and_every_documented_one_is_read():
    settings, env = code_reads()
    doc_settings, doc_env = documented(DOC.read_text(encoding="utf-8"))
    assert not mismatches(settings, doc_settings), "\n".join(mismatches(settings, doc_settings))
    assert not mismatches(env, doc_env), "\n".join(mismatches(env, doc_env))


def test_the_scan_sees_each_kind_of_read():
    source = ("import os, pelicanconf\nx = settings.get('IMAGES_CACHE', 1) + self.settings['SITEURL']\n"
              "y = context['SECTIONS'], pelicanconf.DEV_PORT, os.environ.get('HOST'), os.getenv('CI')\n"
              "settings['WRITTEN'] = 1\nz = data.get('lower'), ROOT\n")
    assert reads(source) == ({"IMAGES_CACHE", "SITEURL", "SECTIONS", "DEV_PORT"}, {"HOST", "CI"})
    assert assigned("A_B = 1\nCD: int = 2\nlower = 3\nif x:\n    EF = 4\n") == {"A_B", "CD"}
    assert template_reads('{{ SITENAME }} {% if SITE_PATH %}{{ "BTS" }}{% endif %} TEXT') == {"SITENAME", "SITE_PATH"}


def test_a_missing_stale_or_misattributed_row_fails():
    doc = ("## Settings\n| name | default | read by | what |\n|---|---|---|---|\n"
           "| `SITEURL`, `OLD` | \"\" | seo | the address |\n| `THEME` | | Pelican | |\n"
           "## Environment variables\n| name | default | read by | what |\n|---|---|---|---|\n"
           "| `HOST` | | tasks.py | |\n")
    settings, env = documented(doc)
    assert settings == {"SITEURL": "seo", "OLD": "seo", "THEME": "Pelican"} and env == {"HOST": "tasks.py"}
    read = {"SITEURL": {"buildkit"}, "THEME": {"Pelican"}, "NEW": {"images"}}
    assert mismatches(read, settings) == [
        "NEW: read by images, not in docs/settings.md", "OLD: in docs/settings.md, read nowhere",
        "SITEURL: the \"read by\" column names none of buildkit"]
