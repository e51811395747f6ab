"""Fixtures shared by tests/ and the plugins' own tests (see tests/support.py), and the
`slow` marker put on every test that builds a whole site or drives a browser
(tests/lanes.py: `invoke test --fast` leaves those out)."""

pytest_plugins = ["support", "browser_support", "lanes"]
