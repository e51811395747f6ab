"""Fixtures shared by tests/ and the plugins' own tests (see tests/support.py), and the
`slow` marker put on every test that builds a whole site or drives a browser
(tests/lanes.py: `invoke test --fast` leaves those out)."""

import os

# One "today" for every build of the session (buildkit.clock reads SOURCE_DATE_EPOCH):
# what is upcoming, past, stale or scheduled never depends on the day the tests run,
# and two builds compare byte for byte (admin/build.json carries the build time).
# Tests that move time pass their own value. 1796292000: 2026-12-03 11:00, Paris.
os.environ["SOURCE_DATE_EPOCH"] = "1796292000"  # not setdefault: CI may export its own

pytest_plugins = ["support", "browser_support", "lanes", "worker_groups"]
