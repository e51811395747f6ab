"""The fast lane (`invoke test --fast`, pytest -m "not slow") holds most tests and none that
builds a site or drives a browser; the slow marker is put by tests/lanes.py."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from support import ROOT


@pytest.fixture(scope="module")
def fast_lane() -> tuple[set[str], int]:
    """(test ids of the fast lane, number of tests it leaves out), as pytest collects them."""
    proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "not slow",
                           "-p", "no:randomly", "-p", "no:cacheprovider"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    summary = re.search(r"^(\d+)/(\d+) tests? collected \((\d+) deselected\)", proc.stdout, re.M)
    assert summary, proc.stdout[-3000:] + proc.stderr[-3000:]
    ids = {line for line in proc.stdout.splitlines() if "::" in line}
    assert len(ids) == int(summary[1])
    return ids, int(summary[3])


def test_fast_lane_keeps_most_tests_and_leaves_out_the_slow_ones(fast_lane):
    ids, left_out = fast_lane
    assert len(ids) >= 300 and left_out >= 100, (len(ids), left_out)
    assert "tests/test_lanes.py::test_fast_lane_keeps_most_tests_and_leaves_out_the_slow_ones" in ids
    assert "tests/test_checks.py::test_headers_file_rules" in ids  # no fixture, no build
    assert "tests/test_checks.py::test_real_site_links" not in ids  # real_site
    assert "tests/test_checks.py::test_browser_gates" not in ids  # marked by hand
    # Every test module of the browser, and every test building a site from the fixtures.
    heavy = [i for i in ids if re.match(r"tests/test_\w+_browser\.py::|tests/test_bad_content\.py::", i)]
    assert not heavy, heavy


def test_marking_in_a_session_of_its_own(tmp_path):
    (tmp_path / "test_builds.py").write_text('''
from support import build_site

def test_anything():
    assert build_site
''', encoding="utf-8")
    (tmp_path / "test_sample.py").write_text('''
import pytest

@pytest.fixture
def real_site():
    return None

@pytest.fixture
def uses_the_site(real_site):
    return real_site

def test_uses_real_site(real_site):
    pass

def test_uses_it_through_a_fixture(uses_the_site):
    pass

@pytest.mark.slow
def test_marked():
    pass

def test_quick():
    pass
''', encoding="utf-8")
    env = {"PYTHONPATH": f"{ROOT / 'tests'}:{ROOT}:{ROOT / 'plugins'}", "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "pytest", "-p", "lanes", "-p", "no:randomly", "-p", "no:cacheprovider",
           "-c", "/dev/null", "--rootdir", str(tmp_path), "-q", "-rA", str(tmp_path)]
    fast = subprocess.run(run + ["-m", "not slow"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert re.search(r"1 passed, 4 deselected", fast.stdout), fast.stdout + fast.stderr
    assert "PASSED test_sample.py::test_quick" in fast.stdout
