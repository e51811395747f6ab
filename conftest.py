"""Fixtures shared by tests/ and the plugins' own tests (see tests/support.py)."""

pytest_plugins = ["support", "browser_support"]
