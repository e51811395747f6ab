"""The fast lane (`invoke test --fast`, pytest -m "not slow") holds most tests and none that
builds a site or drives a browser; the slow marker is put by tests/lanes.py, and an
unmarked test that starts a build anyway is caught (so the marking cannot rot)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import lanes
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


@pytest.mark.parametrize("command, heavy", [
    ([sys.executable, "-m", "pelican", "content", "-o", "out"], True),
    (["/usr/local/bin/pelican", "content"], True),
    ([sys.executable, "-c", "import tasks; tasks.safe_build(...)"], True),
    ([sys.executable, "-m", "checks", "output"], True),  # with its browser pass
    ([sys.executable, "-m", "checks", "output", "--skip", "html,browser"], False),
    (["bash", "-c", "./scripts/bootstrap && .venv/bin/invoke build serve"], True),
    (["/work/.venv/bin/invoke", "--list"], False),
    (["/work/.venv/bin/invoke", "--dry", "test"], False),
    (["node", "/x/playwright/driver/package/cli.js", "run-driver"], True),
    (["node", "tests/search/run.mjs", "output"], False),
    (["git", "clone", "-q", "/work/main", "/tmp/test_build0/clone"], False),
])
def test_commands_that_build_or_browse(command, heavy):
    assert lanes.heavy_command(command) is heavy


def test_an_unmarked_test_that_builds_fails():
    """The audit hook records what this (unmarked) test starts; the record is taken back
    here, or the guard would fail this very test."""
    ran = lanes.watched["ran"]
    before = len(ran)
    with pytest.raises(OSError):  # audited before the program is looked for
        subprocess.run(["/nonexistent/bin/pelican", "content"])
    with pytest.raises(OSError):
        subprocess.run(["/nonexistent/bin/node", "tests/search/run.mjs"])
    seen, ran[before:] = ran[before:], []
    assert seen == ["/nonexistent/bin/pelican content"]


def test_marking_and_guard_in_a_session_of_their_own(tmp_path):
    (tmp_path / "test_sample.py").write_text('''
import subprocess
import pytest

def build_site():  # the name is enough for the scan
    pass

@pytest.fixture
def real_site():
    return None

def start_pelican():
    try:
        subprocess.run(["/nonexistent/bin/pelican", "content"])
    except OSError:
        pass

def test_uses_real_site(real_site):
    pass

def test_calls_a_helper_that_builds():
    build_site()

def test_builds_unmarked():
    start_pelican()

@pytest.mark.slow
def test_builds_marked():
    start_pelican()

def test_quick():
    assert True
''', encoding="utf-8")
    env = {"PYTHONPATH": f"{ROOT / 'tests'}:{ROOT}", "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "pytest", "-p", "lanes", "-p", "no:randomly", "-p", "no:cacheprovider",
           "-c", "/dev/null", "--rootdir", str(tmp_path), "-q", "-rA", str(tmp_path)]
    fast = subprocess.run(run + ["-m", "not slow"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert re.search(r"1 failed, 1 passed, 3 deselected", fast.stdout), fast.stdout + fast.stderr
    assert "PASSED test_sample.py::test_quick" in fast.stdout
    assert "test_sample.py::test_builds_unmarked builds a site or starts a browser but is not " \
           "marked slow" in fast.stdout
    assert "It ran: '/nonexistent/bin/pelican content'" in fast.stdout
    slow = subprocess.run(run + ["-m", "slow"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert re.search(r"3 passed, 2 deselected", slow.stdout), slow.stdout + slow.stderr
