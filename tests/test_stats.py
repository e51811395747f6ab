"""The size counter of benchmarks/stats.py (issue 24's measure)."""

from benchmarks.stats import shipped, statements


def test_shipped_files_leave_out_tests_and_benchmarks():
    paths = ["plugins/seo/seo.py", "plugins/seo/tests/test_seo.py", "plugins/conftest.py",
             "benchmarks/stats.py", "tasks.py", "theme/static/js/search.js", "docs/status.md"]
    assert shipped(paths) == ["plugins/seo/seo.py", "tasks.py", "theme/static/js/search.js"]


def test_statements_leave_out_blanks_comments_and_docstrings():
    text = '"""Module.\n\nMore."""\n\nimport os  # why\n# a comment\n\ndef f():\n    """Doc."""\n    return os.sep\n'
    assert statements(text) == {5, 8, 10}
