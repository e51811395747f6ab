"""The README's commands work as written, and `invoke --list` says what each task does.

test_readme_commands_on_a_fresh_clone reads the ```sh blocks of README.md (the
commands are not copied here) and runs them in order on a `git clone` of this
repository, so it checks the last commit, not uncommitted edits. To stay fast and
offline, the clone borrows this checkout's .venv and node_modules (borrow_installs:
./scripts/bootstrap then finds everything installed). Every line runs as written,
except where noted:
- `invoke build serve` blocks: it runs until / answers, then gets Ctrl-C;
- `invoke test` is the suite this test belongs to: the line's bootstrap part runs,
  then `invoke --dry test` only shows the pytest command it would run;
- `invoke preview` runs with `--skip html,browser`: the HTML checker and the browser
  pass over the real site take minutes (3 on the development machine) and .ci/run
  runs the same preview with every gate right after the tests;
- `invoke publish` needs an SSH host: it runs without rsync on the PATH and must stop
  at once with the command to install it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from support import ROOT

README = ROOT / "README.md"
INVOKE = ROOT / ".venv" / "bin" / "invoke"
BASH = shutil.which("bash")
# A fresh shell: none of what the README's commands might set themselves.
CLEAN_ENV = {k: v for k, v in os.environ.items()
             if k not in ("CMS_REPO", "SITEURL", "PUBLISH_TARGET", "HOST", "PORT", "VIRTUAL_ENV")}


def readme_commands() -> list[str]:
    """Every command line of the README's ```sh blocks, in order, without comments."""
    blocks = re.findall(r"^```sh\n(.*?)^```", README.read_text(encoding="utf-8"), flags=re.M | re.S)
    lines = [re.sub(r"\s+#.*$", "", line).strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def task_helps() -> dict[str, str]:
    """Each task's help as `invoke --list` prints it (wrapped lines joined)."""
    listing = subprocess.run([str(INVOKE), "--list"], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, "COLUMNS": "80"}, check=True).stdout
    helps: dict[str, str] = {}
    name = None
    for line in listing.splitlines()[1:]:
        match = re.match(r"  (\S+)(?:\s+(.*))?$", line)
        if match:
            name = match[1]
            helps[name] = match[2] or ""
        elif line.strip() and name:
            helps[name] += " " + line.strip()
    return helps


def test_task_help_is_never_cut():
    helps = task_helps()
    assert {"build", "serve", "preview", "publish", "cms", "bench", "test"} <= set(helps)
    cut = {name: text for name, text in helps.items() if not text.endswith((".", ".)"))}
    assert not cut, f"first docstring line is not a whole sentence: {cut}"


@pytest.mark.parametrize("remote, repo", [
    ("https://github.com/hall32/site.git", "hall32/site"),
    ("https://github.com/hall32/site", "hall32/site"),
    ("git@github.com:hall32/site.git", "hall32/site"),
    ("ssh://git@github.com/hall32/my.site.git", "hall32/my.site"),
    ("https://token@github.com/hall32/site.git\n", "hall32/site"),
    ("https://gitlab.com/hall32/site.git", ""),
    ("/srv/git/site.git", ""),
    ("", ""),
])
def test_cms_repo_from_a_github_origin(remote, repo):
    import publishconf

    assert publishconf.github_repo(remote) == repo


def test_cms_repo_from_the_checkout(tmp_path):
    import publishconf

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert publishconf.origin_repo(str(tmp_path)) == ""  # no origin
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", "git@github.com:hall32/site.git"],
                   check=True)
    assert publishconf.origin_repo(str(tmp_path)) == "hall32/site"


def stamp(clone: Path, lock_file: str) -> str:
    """The name scripts/bootstrap gives the stamp of a lock file."""
    return subprocess.run([BASH, "-c", f"sha256sum {lock_file} | sha256sum | cut -c1-16"], cwd=clone,
                          capture_output=True, text=True, check=True).stdout.strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(command: str, clone: Path, env=None) -> subprocess.CompletedProcess:
    proc = subprocess.run([BASH, "-c", command], cwd=clone, env=env or CLEAN_ENV, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=1800)
    proc.log = proc.stdout + proc.stderr
    assert "Traceback" not in proc.log, (command, proc.log)
    return proc


# Ctrl-C in a terminal interrupts a foreground command, whose SIGINT is at its default. A
# suite started in the background (`nohup … &`) passes its commands SIGINT ignored, and a
# server started so never stops on it: the command runs with SIGINT at its default.
FOREGROUND = ("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
              "os.execv(sys.argv[1], sys.argv[1:])")


def serve_and_fetch(command: str, clone: Path, log: Path) -> str:
    """Run a command that ends serving the site; fetch / then stop it as Ctrl-C does."""
    port = free_port()
    with open(log, "wb") as out:
        # PYTHONFAULTHANDLER: a process still running a minute after Ctrl-C gets SIGABRT and
        # prints where each of its threads stood, into the log the failure shows.
        proc = subprocess.Popen([sys.executable, "-c", FOREGROUND, BASH, "-c", command], cwd=clone,
                                env={**CLEAN_ENV, "PORT": str(port), "PYTHONFAULTHANDLER": "1"},
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    try:
        page, end = None, time.monotonic() + 600  # a deadline, not a timing assertion
        while page is None and proc.poll() is None and time.monotonic() < end:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.2)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            still = "\n".join(group_processes(proc.pid))
            os.killpg(proc.pid, signal.SIGABRT)
            proc.wait(timeout=60)
            pytest.fail(f"still running a minute after Ctrl-C:\n{still}\n"
                        + log.read_text(encoding="utf-8", errors="replace"))
    text = log.read_text(encoding="utf-8", errors="replace")
    assert page is not None, text
    assert "Traceback" not in text, text
    return page


def group_processes(group: int) -> list[str]:
    """« pid state command (signal masks) » of each process of a process group (from
    /proc: no ps)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            masks = " ".join(line.replace("\t", "") for line in (stat.parent / "status").read_text().splitlines()
                             if line.startswith(("SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt")))
        except OSError:  # ended meanwhile
            continue
        if int(fields[2]) == group:
            found.append(f"{stat.parent.name} {fields[0]} {command} ({masks})")
    return found


def borrow_installs(clone: Path) -> None:
    """Give the clone this checkout's installs, so that ./scripts/bootstrap has nothing to
    download: .venv as a folder of links (bootstrap's `pip install -r` then finds every
    pin satisfied and writes its stamp in the clone), node_modules as a link when its
    stamp is the clone's lock file's (otherwise `npm ci` would empty it)."""
    venv = clone / ".venv"
    venv.mkdir()
    for entry in (ROOT / ".venv").iterdir():
        if not entry.name.startswith(".requirements-"):
            (venv / entry.name).symlink_to(entry)
    missing = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--dry-run", "--no-index",
                              "--quiet", "--disable-pip-version-check", "-r", "requirements.txt"],
                             cwd=clone, capture_output=True, text=True)
    if missing.returncode:
        pytest.skip("the .venv of this checkout lacks pins of the last commit's requirements.txt: "
                    "run ./scripts/bootstrap\n" + missing.stderr[-500:])
    if not (ROOT / "node_modules" / f".lock-{stamp(clone, 'package-lock.json')}").exists():
        pytest.skip("node_modules of this checkout is not installed from the last commit's "
                    "package-lock.json: run ./scripts/bootstrap")
    (clone / "node_modules").symlink_to(ROOT / "node_modules")


@pytest.mark.slow
def test_readme_commands_on_a_fresh_clone(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    borrow_installs(clone)

    commands = readme_commands()
    assert commands[:2] == ["./scripts/bootstrap && .venv/bin/invoke build serve",
                            "./scripts/bootstrap --test && .venv/bin/invoke test"]  # the top of the README
    seen = set()
    for command in commands:
        if command.endswith("invoke build serve"):
            page = serve_and_fetch(command, clone, tmp_path / "serve.log")
            assert "Hall 32" in page and (clone / "output" / "index.html").is_file()
            seen.add("serve")
        elif command.endswith("invoke test"):
            setup, _, suite = command.rpartition(" && ")
            assert run(setup, clone).returncode == 0
            dry = run(suite.replace("invoke test", "invoke --dry test"), clone)
            assert dry.returncode == 0 and "-m pytest" in dry.stdout, dry.log
            seen.add("test")
        elif command.endswith("invoke preview"):
            proc = run(command + " --skip html,browser", clone)
            assert proc.returncode == 0, proc.log
            siteurl = re.search(r"SITEURL=(\S+)", command)[1]
            assert f'href="{siteurl}/"' in (clone / "output" / "index.html").read_text(encoding="utf-8")
            repo = re.search(r"CMS_REPO=(\S+)", command)[1]
            assert f"repo: {repo}" in (clone / "output" / "admin" / "config.yml").read_text(encoding="utf-8")
            seen.add("preview")
        elif command.endswith("invoke publish"):
            no_rsync = tmp_path / "bin"  # an empty PATH: no rsync; the command names what it runs
            no_rsync.mkdir()
            proc = run(command, clone, env={**CLEAN_ENV, "PATH": str(no_rsync)})
            assert proc.returncode != 0 and "apt-get install rsync" in proc.log, proc.log
            seen.add("publish")
        else:
            proc = run(command, clone)
            assert proc.returncode == 0, (command, proc.log)
    assert seen == {"serve", "test", "preview", "publish"}
