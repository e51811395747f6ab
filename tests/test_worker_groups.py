"""In `invoke test`'s two processes, a module-scoped fixture is made once: the tests that use
it run in one worker (tests/worker_groups.py), the module's other tests anywhere; the
session's `cms` is made once too; the slow tests are handed out before the quick ones."""

from __future__ import annotations

import re
import subprocess
import sys

from support import ROOT

SAMPLE = '''
import os
import pytest

@pytest.fixture(scope="module")
def costly(tmp_path_factory):
    with open({made!r}, "a") as made:
        made.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")
    return "built"

@pytest.fixture
def through(costly):
    return costly

@pytest.mark.parametrize("n", range(6))
def test_uses_it(costly, n):
    with open({ran!r}, "a") as ran:
        ran.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")

def test_uses_it_through_another_fixture(through):
    with open({ran!r}, "a") as ran:
        ran.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")

@pytest.mark.parametrize("n", range(6))
def test_alone(n):
    pass
'''


# A session fixture of worker_groups.ONE_PROCESS_FIXTURES, used by two modules.
CMS = '''
import os
import pytest

@pytest.fixture(scope="session")
def cms():
    with open({made!r}, "a") as made:
        made.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")
'''
CMS_TESTS = '''
import os
import pytest

@pytest.mark.parametrize("n", range(3))
def test_uses_cms(cms, n):
    with open({ran!r}, "a") as ran:
        ran.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")
'''

# Quick tests first in the file, slow ones after: the workers run the slow ones first.
ORDER = '''
import os
import pytest

def ran(kind):
    with open({order!r}, "a") as order:
        order.write(os.environ["PYTEST_XDIST_WORKER"] + " " + kind + "\\n")

@pytest.mark.parametrize("n", range(4))
def test_quick(n):
    ran("quick")

@pytest.mark.slow
@pytest.mark.parametrize("n", range(4))
def test_slow(n):
    ran("slow")
'''


def test_a_module_fixture_is_made_once_across_two_workers(tmp_path):
    made, ran = tmp_path / "made.txt", tmp_path / "ran.txt"
    (tmp_path / "test_sample.py").write_text(SAMPLE.format(made=str(made), ran=str(ran)), encoding="utf-8")
    cms_made, cms_ran = tmp_path / "cms-made.txt", tmp_path / "cms-ran.txt"
    (tmp_path / "conftest.py").write_text(CMS.format(made=str(cms_made)), encoding="utf-8")
    for name in ("test_cms_a.py", "test_cms_b.py"):
        (tmp_path / name).write_text(CMS_TESTS.format(ran=str(cms_ran)), encoding="utf-8")
    order = tmp_path / "order.txt"
    (tmp_path / "test_order.py").write_text(ORDER.format(order=str(order)), encoding="utf-8")
    env = {"PYTHONPATH": f"{ROOT / 'tests'}:{ROOT}:{ROOT / 'plugins'}", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "worker_groups", "-p", "no:randomly",
                           "-p", "no:cacheprovider", "-c", "/dev/null", "--rootdir", str(tmp_path),
                           "-n", "2", "--dist", "loadgroup", "-q", str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert re.search(r"\b27 passed\b", proc.stdout), proc.stdout + proc.stderr
    assert len(made.read_text().split()) == 1  # made once, not once per worker
    assert len(ran.read_text().split()) == 7 and len(set(ran.read_text().split())) == 1
    assert len(cms_made.read_text().split()) == 1  # the session's cms: in one worker
    assert len(cms_ran.read_text().split()) == 6 and len(set(cms_ran.read_text().split())) == 1
    runs = [line.split() for line in order.read_text().splitlines()]
    assert len(runs) == 8
    for worker in {w for w, _ in runs}:  # in each worker, no slow test after a quick one
        kinds = "".join(kind[0] for w, kind in runs if w == worker)
        assert "qs" not in kinds, kinds
