"""Concurrent and killed builds: output/ always holds exactly one complete build.

tasks.safe_build runs one build at a time per output folder (a flock on
.output.lock), builds in a folder of its own (.output.build, which keeps the site before
output/'s for the next build to update) and swaps it in (renames). Each test
starts real builds of the small fixture site as separate processes, as two
terminals or a killed CI job would, and compares output/ with snapshot() of a
clean build: the site before (OLD) or the site after (NEW), never a mix.

Kill points inside the swap come from buildtools.swap._pause_for_tests (HALL32_TEST_PAUSE):
the build creates a flag file there and waits to be killed. Waits below are
deadlines for something to happen, not timing assertions.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from invoke import Context, Exit

import tasks
from support import DEV_CONF, FIXTURES, ROOT, snapshot

BUILD = ("import sys, tasks; from pathlib import Path; from invoke import Context; {prelude}"
         "tasks.safe_build(Context(), tasks.DEV_CONF, output=Path(sys.argv[1]), content=Path(sys.argv[2]))")
WAITING = "Une autre construction est en cours"


def edit(content: Path) -> None:
    """The NEW site: a page changed and the OLD site's extra page gone."""
    page = content / "metiers" / "usineur.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Texte.", "Texte modifié."), encoding="utf-8")
    (content / "pages" / "en-plus.md").unlink()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Content of the OLD and NEW sites and a snapshot of each, built alone."""
    base = tmp_path_factory.mktemp("sites")
    old, new = base / "old", base / "new"
    shutil.copytree(FIXTURES / "minimal", old)
    (old / "pages" / "en-plus.md").write_text("---\ntitle: En plus\nslug: en-plus\nsummary: Une page de "
                                              "plus.\n---\n\nTexte.\n", encoding="utf-8")
    shutil.copytree(old, new)
    edit(new)
    snapshots = {}
    for name, content in (("old", old), ("new", new)):
        tasks.safe_build(Context(), DEV_CONF, output=base / f"{name}-site", content=content)
        snapshots[name] = snapshot(base / f"{name}-site")
    assert snapshots["old"] != snapshots["new"]
    return {"old": old, "new": new, "OLD": snapshots["old"], "NEW": snapshots["new"]}


@pytest.fixture
def output(tmp_path, sites):
    """An output folder holding the OLD site."""
    folder = tmp_path / "site" / "output"
    tasks.safe_build(Context(), DEV_CONF, output=folder, content=sites["old"])
    return folder


class Build:
    """A build started as a process of its own (its own session, to kill it whole)."""

    started: list["Build"] = []

    def __init__(self, output: Path, content: Path, log: Path, pause: str = "", prelude: str = ""):
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        self.flag = log.with_suffix(".paused")
        if pause:
            env["HALL32_TEST_PAUSE"] = f"{pause}:{self.flag}"
        self.log = log
        with open(log, "wb") as out:
            self.proc = subprocess.Popen([sys.executable, "-c", BUILD.format(prelude=prelude), str(output),
                                          str(content)], cwd=ROOT, env=env, stdout=out,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         start_new_session=True)
        Build.started.append(self)

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait(self) -> int:
        return self.proc.wait(timeout=600)

    def kill(self, sig=signal.SIGKILL) -> None:
        """Kill the build and everything it started (Pelican, its workers)."""
        os.killpg(self.proc.pid, sig)

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []


@pytest.fixture(autouse=True)
def no_build_left():
    """Kill what a failed test left running (stopped or paused builds, orphan Pelicans)."""
    yield
    for build in Build.started:
        for sig in (signal.SIGKILL, signal.SIGCONT):
            try:
                os.killpg(build.proc.pid, sig)
            except ProcessLookupError:
                pass
        build.proc.wait()
    Build.started.clear()


def wait_until(condition, what: str, deadline: float = 300) -> None:
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"still waiting for {what}")
        time.sleep(0.01)


def leftovers(output: Path) -> list[str]:
    """What builds left beside output/ (the lock file stays, on purpose, and so does
    .output.build, the site the next build updates)."""
    return sorted(p.name for p in output.parent.iterdir() if p.name not in (output.name, ".output.lock"))


def building(output: Path) -> bool:
    """Pelican has started writing into a build folder."""
    return any(any(True for _ in d.rglob("*.html")) for d in output.parent.glob(".output.build"))


@pytest.mark.slow
def test_overlapping_builds_run_one_at_a_time(sites, output, tmp_path):
    lock = os.open(output.with_name(".output.lock"), os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)  # a build in progress: all four must wait, then overlap
    try:
        builds = [Build(output, sites["new"], tmp_path / f"build{i}.log") for i in range(4)]
        wait_until(lambda: all(WAITING in b.text() or b.proc.poll() is not None for b in builds),
                   "every build to wait or stop")
        assert all(WAITING in b.text() for b in builds), [b.text()[-600:] for b in builds]
    finally:
        os.close(lock)
    for b in builds:
        assert b.wait() == 0, b.text()
        assert "Traceback" not in b.text()
    assert snapshot(output) == sites["NEW"]
    assert leftovers(output) == [".output.build"]


@pytest.mark.slow
@pytest.mark.parametrize("whole", [True, False], ids=["build and pelican killed", "build killed, pelican left"])
def test_build_killed_during_pelican(sites, output, tmp_path, whole):
    build = Build(output, sites["new"], tmp_path / "killed.log")
    wait_until(lambda: building(output) or build.proc.poll() is not None, "Pelican to start writing")
    build.kill(signal.SIGSTOP)  # freeze it mid-way, to look before it finishes
    assert build.children(), "the build finished before it could be stopped during Pelican: " + build.text()
    assert snapshot(output) == sites["OLD"]
    if whole:
        build.kill()
        build.wait()
        following = Build(output, sites["new"], tmp_path / "next.log")
    else:  # only the invoke process dies; Pelican, an orphan, still holds the lock
        os.kill(build.proc.pid, signal.SIGKILL)
        build.wait()
        following = Build(output, sites["new"], tmp_path / "next.log")
        wait_until(lambda: WAITING in following.text() or following.proc.poll() is not None,
                   "the next build to wait for the orphan Pelican")
        assert WAITING in following.text(), following.text()
        build.kill(signal.SIGCONT)  # the orphan finishes writing into its own folder, then lets go
    assert following.wait() == 0, following.text()
    assert snapshot(output) == sites["NEW"]
    assert leftovers(output) == [".output.build"]


@pytest.mark.slow
@pytest.mark.parametrize("point, prelude, after", [
    ("swap", "", "OLD"),               # the build finished, not yet swapped
    ("renamed", "", None),             # output/ renamed away, NEW not yet in place
])
def test_build_killed_while_swapping(sites, output, tmp_path, point, prelude, after):
    build = Build(output, sites["new"], tmp_path / "killed.log", pause=point, prelude=prelude)
    wait_until(lambda: build.flag.exists() or build.proc.poll() is not None, f"the build to reach {point}")
    assert build.flag.exists(), "the build never paused at " + point + ": " + build.text()
    build.kill()
    build.wait()
    assert leftovers(output)  # what the killed build left, for the next one to clean
    if after:
        assert snapshot(output) == sites[after]
    else:
        assert not output.exists()
        assert snapshot(output.with_name(".output.prev")) == sites["OLD"]
        # the next build puts the previous site back first, even when it fails itself
        broken = tmp_path / "broken"
        shutil.copytree(sites["new"], broken)
        (broken / "metiers" / "soudeur.md").write_text("", encoding="utf-8")
        with pytest.raises(Exit):
            tasks.safe_build(Context(), DEV_CONF, output=output, content=broken)
        assert snapshot(output) == sites["OLD"]
    tasks.safe_build(Context(), DEV_CONF, output=output, content=sites["new"])
    assert snapshot(output) == sites["NEW"]
    assert leftovers(output) == [".output.build"]


@pytest.mark.parametrize("files, reason", [
    ([], "aucune page HTML"),
    (["metiers/soudeur/index.html"], "pas de page d'accueil (index.html)"),
])
def test_checks_refuse_an_empty_site(tmp_path, files, reason):
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<!doctype html><title>x</title>", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checks", str(tmp_path), "--skip", "html,browser"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 1
    assert reason in proc.stderr and "Traceback" not in proc.stderr + proc.stdout
