"""The two lanes of the suite: `slow` marks every test that builds a whole site or drives
a browser, and `invoke test --fast` (pytest -m "not slow") runs the others.

Nobody has to remember the marker: a test is marked when it, a fixture it uses (at
any depth) or a function of this project it calls refers to one of SLOW_FIXTURES or
SLOW_CALLS (a test the scan cannot see through can still say @pytest.mark.slow).
So that the marking cannot rot, a test left unmarked that starts Pelican, a build
task, the browser gate or a browser anyway fails, naming what it ran (an audit hook
on subprocess.Popen); tests/test_lanes.py checks both lanes. Loaded by conftest.py.
"""

from __future__ import annotations

import inspect
import os
import re
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Fixtures that build the real site or start Chromium (served_site and page_checked use
# them; the fixture closure of a test includes the fixtures its fixtures use).
SLOW_FIXTURES = frozenset({"real_site", "published", "served_site", "browser", "page_checked"})
# Names whose call builds a whole site or starts a browser: support.build_site (Pelican
# in a subprocess), tasks.safe_build (every build task), Playwright.
SLOW_CALLS = frozenset({"build_site", "safe_build", "sync_playwright"})


_LIBRARIES = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix})


def _is_ours(obj) -> bool:
    """Code of the project's (or a test's) files, not of Python or a library of .venv."""
    code = getattr(obj, "__code__", None)
    file = code.co_filename if code else getattr(sys.modules.get(obj.__module__), "__file__", None)
    return bool(file) and os.path.isabs(file) and not file.startswith(_LIBRARIES) \
        and "site-packages" not in file


def _code_builds(code: types.CodeType, namespace: dict, seen: set) -> bool:
    if code in seen:
        return False
    seen.add(code)
    for name in code.co_names:  # globals, and attributes such as tasks.safe_build
        if name in SLOW_CALLS:
            return True
        target = namespace.get(name)
        if target is not None and _object_builds(target, seen):
            return True
    return any(isinstance(const, types.CodeType) and _code_builds(const, namespace, seen)
               for const in code.co_consts)  # nested functions, lambdas, comprehensions


def _object_builds(obj, seen: set) -> bool:
    """Whether a function or class of this project (not a library's) builds a site."""
    if isinstance(obj, type):
        if obj in seen or not _is_ours(obj):
            return False
        seen.add(obj)
        return any(_object_builds(member, seen) for member in vars(obj).values()
                   if inspect.isfunction(member))
    func = inspect.unwrap(obj) if callable(obj) else None
    if not inspect.isfunction(func) or not _is_ours(func):
        return False
    return _code_builds(func.__code__, func.__globals__, seen)


def is_slow(item: pytest.Item) -> bool:
    """Whether ``item`` builds a whole site or drives a browser (see the module docstring)."""
    if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    seen: set = set()
    if _object_builds(getattr(item, "function", None), seen):
        return True
    info = getattr(item, "_fixtureinfo", None)
    for defs in (info.name2fixturedefs.values() if info else ()):
        if defs and _object_builds(defs[-1].func, seen):
            return True
    return False


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds a whole site or drives a browser (put by "
                            "tests/lanes.py; `invoke test --fast` leaves these tests out)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("slow") is None and is_slow(item):
            item.add_marker(pytest.mark.slow)


# --- Guard: an unmarked test must not build a site or start a browser -----------------

watched: dict = {"item": None, "ran": []}
_BUILD_TASK = re.compile(r"\binvoke\s+(-\S+\s+)*(build|rebuild|preview|publish|livereload|cms|test)\b")


def heavy_command(words: list[str]) -> bool:
    """Whether a command line builds a site or starts a browser: Pelican, code calling
    the build helpers, a build task, the quality gates with their browser pass,
    Playwright's driver, Chromium."""
    line = " ".join(words)
    if "--dry" in words:  # invoke --dry: prints the commands only
        return False
    if "-m checks" in line:
        return not re.search(r"--skip[ =]\S*browser", line)
    return bool(re.search(r"(^|[\s/])pelican(\s|$)|safe_build|build_site|run-driver"
                          r"|(^|/)chrom(e|ium)(\s|$)", line) or _BUILD_TASK.search(line))


def _audit(event: str, args: tuple) -> None:
    if event != "subprocess.Popen" or watched["item"] is None:
        return
    argv = args[1]
    words = [os.fsdecode(a) for a in (argv if isinstance(argv, (list, tuple)) else [argv])]
    if heavy_command(words):
        watched["ran"].append(" ".join(words)[:300])


sys.addaudithook(_audit)  # for good: this module is imported once per test session


def _guard(item: pytest.Item):
    unmarked = item.get_closest_marker("slow") is None
    watched["item"], watched["ran"] = (item if unmarked else None), []
    try:
        result = yield
    finally:
        ran, watched["item"], watched["ran"] = watched["ran"], None, []
    if ran:
        pytest.fail(f"{item.nodeid} builds a site or starts a browser but is not marked slow, "
                    f"so `invoke test --fast` would run it. It ran: {ran[0]!r}. Mark it "
                    "@pytest.mark.slow, or name what it uses in SLOW_FIXTURES or SLOW_CALLS "
                    "(tests/lanes.py).", pytrace=False)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    return (yield from _guard(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    return (yield from _guard(item))
