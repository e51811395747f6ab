"""Hostile YAML stops the build with `file: ligne N: problem` (issue 12 item 4).

Each case breaks one file of tests/fixtures/minimal with an attack of
tests/yaml_attacks.py and builds it with tasks.safe_build, as
tests/test_bad_content.py does, but in a subprocess capped in memory and CPU time
(inherited by Pelican, which safe_build starts) so that a regression fails the test
instead of taking the machine down. Before the limits these builds hung for
minutes, took gigabytes, crashed without a message or went green.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from support import DEV_CONF, ROOT, snapshot
from yaml_attacks import ATTACKS, REFUSALS

pytestmark = pytest.mark.slow

NEWS = "actualites/ouverture.md"
PARTNERS = "data/partners.yaml"
MEMORY_CAP = 1 << 30  # address space of each process: a good build of the fixture fits in 1 GB
CPU_CAP = 120  # seconds of CPU for each process
TIMEOUT = 300  # wall clock for the whole build, generous: the machine is shared

# (attack, file): each attack at least once, billion laughs and the long list in both
# kinds of file; the front matter field the attack fills is one that validation or
# the pages walk (date is quoted in its error message, tags become pages).
CASES = [
    ("billion laughs", NEWS, "date"),
    ("billion laughs", PARTNERS, "partners"),
    ("long list", NEWS, "tags"),
    ("long list", PARTNERS, "partners"),
    ("deep block mappings", NEWS, "tags"),
    ("deep block sequences", PARTNERS, "partners"),
    ("deep flow sequences", NEWS, "tags"),
    ("huge file", PARTNERS, "partners"),
]

BUILD = r"""
import json, resource, sys, time
from pathlib import Path
for limit, value in ((resource.RLIMIT_AS, int(sys.argv[4])), (resource.RLIMIT_CPU, int(sys.argv[5]))):
    resource.setrlimit(limit, (value, value))
from invoke import Context, Exit
import tasks
start = time.perf_counter()
code = 0
try:
    tasks.safe_build(Context(), Path(sys.argv[1]), output=Path(sys.argv[2]), content=Path(sys.argv[3]))
except Exit as exc:
    code = exc.code
print("RESULT " + json.dumps({"code": code, "seconds": time.perf_counter() - start,
                              "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def capped_safe_build(content, output) -> tuple[dict, str]:
    """tasks.safe_build in a capped subprocess: (figures, log)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", BUILD, str(DEV_CONF), str(output), str(content), str(MEMORY_CAP), str(CPU_CAP)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, start_new_session=True)
    try:
        log, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # Pelican too
        log, _ = proc.communicate()
        pytest.fail(f"the build was still running after {TIMEOUT} s:\n{log[-3000:]}")
    result = [line for line in log.splitlines() if line.startswith("RESULT ")]
    assert result, f"the build process died (exit {proc.returncode}):\n{log[-3000:]}"
    return json.loads(result[-1][len("RESULT "):]), log


def break_file(content, target, attack, field) -> str:
    """Put the attack in ``target``; return the message expected for it."""
    message, line = REFUSALS[attack]
    path = content / target
    if target == PARTNERS:
        path.write_text(ATTACKS[attack](field), encoding="utf-8")
        return "partners.yaml: " + (f"ligne {line}: " if line else "") + message
    head, body = path.read_text(encoding="utf-8").removeprefix("---\n").split("\n---\n", 1)
    kept = [row for row in head.splitlines() if not row.startswith(f"{field}:")]
    path.write_text("---\n" + "\n".join(kept) + "\n" + ATTACKS[attack](field) + "---\n" + body,
                    encoding="utf-8")
    where = f"ligne {1 + len(kept) + line}: " if line else ""  # after "---" and the kept fields
    return f"ouverture.md: en-tête : {where}{message}"


def assert_build_stops_cleanly(content, tmp_path, good_output, expected, label):
    output = tmp_path / "output"
    shutil.copytree(good_output, output)
    before = snapshot(output)
    figures, log = capped_safe_build(content, output)
    print(f"{label}: build {figures['seconds']:.1f} s, Pelican's peak {figures['peak_mb']:.0f} MB")
    assert figures["code"] == 1, log
    assert expected in log, log
    assert "Traceback" not in log
    assert snapshot(output) == before  # the last good site is untouched
    assert figures["peak_mb"] < 200


@pytest.mark.parametrize("attack, target, field", CASES, ids=[f"{a} in {t}" for a, t, _ in CASES])
def test_yaml_attack_stops_the_build_cleanly(attack, target, field, minimal_site, tmp_path, good_output):
    expected = break_file(minimal_site, target, attack, field)
    assert_build_stops_cleanly(minimal_site, tmp_path, good_output, expected, f"{attack} in {target}")


@pytest.mark.parametrize("target", [NEWS, PARTNERS])
def test_huge_file_is_not_read_whole(target, minimal_site, tmp_path, good_output):
    """30 MB on disk: refused after reading 10 MB (a 300 MB file took 650 MB before)."""
    path = minimal_site / target
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "a" * 30_000_000, encoding="utf-8")
    expected = f"{path.name}: fichier trop volumineux (plus de 10 Mo)"
    assert_build_stops_cleanly(minimal_site, tmp_path, good_output, expected, f"30 MB {target}")
