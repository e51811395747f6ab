"""Pelican builds for the tests without paying Python's start-up at each one.

`python -m pelican` spends most of a small fixture site's build (~0.6 s) importing Pelican,
Markdown, Jinja, Pillow and the plugins. A builder is a process that imports them once and
forks a child per build: the child takes the build's environment, working folder, sys.path
and arguments, runs `pelican.main()` with its stdout and stderr in files, and exits as
`python -m pelican` would (interpreter shutdown, atexit). Nothing runs in the builder
itself, so each child starts from modules that were imported and never used.

Each test process has two builders, started at its first build, and builds alternate between
them: two consecutive builds never share a hash seed (str hashes, set order), as two
`python -m pelican` processes would not, so a byte-for-byte comparison of two builds or a
cache written by one build and read by the next still catches output or keys that depend on
it. What a fork cannot give: a module that read the environment or the working folder when
it was imported would see the builder's (none does; tests/test_forked_builds.py checks that a
build sees its own). support.build_site(..., fresh=True) runs a plain `python -m pelican`.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in the builder (python -c: sys.path[0] is "", as `python -m` puts the working folder there).
SERVE = r"""
import importlib, json, os, select, signal, sys
base_path = list(sys.path)
sys.path.insert(0, sys.argv[1])  # ROOT: pelicanconf.py
import pelicanconf  # puts plugins/ on sys.path, as every build's settings do
plugins = list(pelicanconf.PLUGINS)
del sys.modules["pelicanconf"]  # each build executes its own settings file
import pelican
for name in plugins:
    importlib.import_module(name)
channel_in = os.fdopen(os.dup(0), "r", encoding="utf-8")
channel_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
devnull = os.open(os.devnull, os.O_RDONLY)
channel_out.write("ready\n")
channel_out.flush()
for line in channel_in:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:  # the build: leaves by SystemExit, as `python -m pelican` does
        channel_in.close(); channel_out.close()
        os.dup2(devnull, 0)
        for fd, name in ((1, "stdout"), (2, "stderr")):
            target = os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        os.close(devnull)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        sys.path[:] = [request["cwd"]] + base_path[1:]
        sys.argv = [os.path.join(os.path.dirname(pelican.__file__), "__main__.py"), *request["args"]]
        pelican.main(request["args"])
        sys.exit(0)
    # The time limit is kept here: the build's own timer (content_model.bounds) is SIGALRM's.
    ended = os.pidfd_open(pid)
    in_time = select.select([ended], [], [], request["timeout"])[0]
    if not in_time:
        os.kill(pid, signal.SIGKILL)
    os.close(ended)
    _, status = os.waitpid(pid, 0)
    channel_out.write(json.dumps([os.waitstatus_to_exitcode(status), not in_time]) + "\n")
    channel_out.flush()
"""


class Builder:
    """One builder process: build(args, cwd, env, timeout) -> (returncode, stdout, stderr)."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="h32-builder-"))
        self.errors = open(self.folder / "builder.log", "w+", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(ROOT)], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=self.errors, text=True, encoding="utf-8",
            env={k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"})
        self._expect("ready")

    def _expect(self, what: str) -> str:
        line = self.proc.stdout.readline()
        if not line or (what and line.strip() != what):
            self.errors.seek(0)
            raise RuntimeError(f"the test builder stopped ({line!r}): {self.errors.read()[-4000:]}")
        return line

    def build(self, args: list[str], cwd: Path, env: dict, timeout: int) -> tuple[int, str, str]:
        out, err = self.folder / "stdout", self.folder / "stderr"
        request = {"args": args, "cwd": str(cwd), "env": env, "timeout": timeout,
                   "stdout": str(out), "stderr": str(err)}
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        code, timed_out = json.loads(self._expect(""))
        if timed_out:  # killed, as subprocess.run(timeout=) kills
            raise subprocess.TimeoutExpired(["pelican", *args], timeout)
        return code, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8")

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        self.errors.close()
        for file in self.folder.iterdir():
            file.unlink()
        self.folder.rmdir()


_builders: list[Builder] = []
_turn = 0
_lock = threading.Lock()
_owner = None  # the process that started the builders (a forked test process has none)


def build(args: list[str], cwd: Path, env: dict, timeout: int) -> tuple[int, str, str]:
    """Runs `python -m pelican ARGS` in a child of the next builder."""
    global _turn, _owner
    with _lock:
        if _owner != os.getpid():
            _builders.clear()
            _owner = os.getpid()
            _builders.extend(Builder() for _ in range(2))
            atexit.register(close)
        builder = _builders[_turn % 2]
        _turn += 1
        return builder.build(args, cwd, env, timeout)


def close():
    if _owner == os.getpid():
        for builder in _builders:
            builder.close()
        _builders.clear()
