"""The two lanes of the suite: `slow` marks every test that builds a whole site or drives
a browser, and `invoke test --fast` (pytest -m "not slow") runs the others.

The convention, checked by tests/test_lanes.py:
- a test that uses one of SLOW_FIXTURES (directly or through its fixtures) is slow;
- a test module that imports one of SLOW_NAMES (support.build_site, tasks, Playwright) is
  slow as a whole: put its quick tests in another file;
- anything else slow says so: `@pytest.mark.slow`, or `pytestmark = pytest.mark.slow`.
Loaded by conftest.py.
"""

from __future__ import annotations

import pytest

# Fixtures that build the real site or a fixture site, or start Chromium.
SLOW_FIXTURES = frozenset({"real_site", "published", "served_site", "browser", "page_checked"})
# Names whose import makes a test module slow: each builds a site or starts a browser.
SLOW_NAMES = frozenset({"build_site", "safe_build", "tasks", "sync_playwright"})


def is_slow(item) -> bool:
    module = vars(getattr(item, "module", None) or object)
    return bool(SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ()))
                or SLOW_NAMES.intersection(module))


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds a whole site or drives a browser "
                            "(`invoke test --fast` leaves these tests out; tests/lanes.py)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if is_slow(item):
            item.add_marker(pytest.mark.slow)
