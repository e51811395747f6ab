"""Test support (as in Pelican's tests/support.py): build a site in a subprocess, read its HTML.

Loaded for every test folder by the root conftest.py (fixtures minimal_site, real_site).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

import forked_builds

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DEV_CONF = ROOT / "pelicanconf.py"
TYPED = str.maketrans({"\u2019": "'", "\u202f": " ", "\u00a0": " "})


@dataclass
class Build:
    returncode: int
    log: str
    output: Path

    def page(self, url: str) -> "Page":
        path = self.output / url.strip("/") / "index.html" if not url.endswith(".html") \
            else self.output / url.strip("/")
        return Page.read(path)

    def html_files(self) -> list[Path]:
        """The site's pages (not /admin/, the CMS application)."""
        return sorted(p for p in self.output.rglob("*.html")
                      if p.relative_to(self.output).parts[0] != "admin")


def build_site(content: Path, output: Path, conf: Path = DEV_CONF, *extra: str,
               cwd: Path | None = None, env: dict | None = None, fresh: bool = False) -> Build:
    """Run Pelican as the tasks do (plain log lines), from ``cwd``: in a child of a process
    that has already imported Pelican and the plugins (tests/forked_builds.py), or with
    ``fresh`` in a new `python -m pelican` process."""
    args = [str(content), "-o", str(output), "-s", str(conf), "--log-handler", "plain", *extra]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    cwd = cwd or content.parent
    if not fresh:
        returncode, stdout, stderr = forked_builds.build(args, cwd, env, timeout=300)
        return Build(returncode, stdout + stderr, output)
    proc = subprocess.run([sys.executable, "-m", "pelican", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300)
    return Build(proc.returncode, proc.stdout + proc.stderr, output)


def snapshot(folder: Path) -> dict[Path, bytes]:
    """Every file of a folder and its bytes, to compare two builds or a build before/after."""
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def minimal_site(tmp_path) -> Path:
    """A copy of the small valid content tree, to break one file at a time."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    return content


@pytest.fixture(scope="session")
def good_output(tmp_path_factory) -> Path:
    """The small valid site, built once: the "last good output" a refused build keeps."""
    output = tmp_path_factory.mktemp("good") / "output"
    result = build_site(FIXTURES / "minimal", output)
    assert result.returncode == 0, result.log
    return output


def refused_build(content: Path, good_output: Path, tmp_path: Path, capfd) -> str:
    """Build ``content`` as the tasks do over a copy of the last good output; check
    that it stops with exit 1, no traceback, and the output byte-identical. Returns
    the log, for the test to look for its message.

    tasks.safe_build runs as it is, but its Pelican step (the command of tasks.pelican_args)
    is forked from a builder (tests/forked_builds.py) instead of started as a new process;
    the quality gates still run as tasks start them. tests/test_build_safety.py and
    test_bad_content.py::test_failed_build_keeps_last_output run safe_build's own processes."""
    import tasks
    from invoke import Context, Exit

    output = tmp_path / "output"
    shutil.copytree(good_output, output)
    before = snapshot(output)
    started = tasks._run

    def run(args, lock, log=None):
        if args[:3] != [sys.executable, "-m", "pelican"]:
            return started(args, lock, log)
        returncode, stdout, stderr = forked_builds.build(args[3:], Path.cwd(), dict(os.environ), timeout=300)
        for text in (stdout, stderr):
            sys.stdout.write(text)
            if log is not None:
                log.extend(text.splitlines(keepends=True))
        sys.stdout.flush()
        return returncode == 0

    tasks._run = run
    try:
        with pytest.raises(Exit) as failure:
            tasks.safe_build(Context(), DEV_CONF, output=output, content=content)
    finally:
        tasks._run = started
    log = "".join(capfd.readouterr())
    assert failure.value.code == 1, log
    assert "Traceback" not in log, log
    assert snapshot(output) == before  # the last good site is untouched
    return log


def built_once(request, tmp_path_factory, name: str, make) -> Build:
    """The session's build ``name``, made by ``make(output)``. Under `invoke test`'s two worker
    processes (pytest-xdist) the first worker to ask builds it and the other waits for it and
    reads the same folder: tests never write into a session's build (they copy it)."""
    worker = getattr(request.config, "workerinput", None)  # set in xdist's workers only
    if worker is None:
        return make(tmp_path_factory.mktemp(name) / "output")
    # The workers' temporary folders share a parent, new at each session.
    shared = tmp_path_factory.getbasetemp().parent / f"shared-{name}-{worker['testrunuid']}"
    shared.mkdir(exist_ok=True)
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        record = shared / "build.json"
        if record.exists():
            done = json.loads(record.read_text(encoding="utf-8"))
            return Build(done["returncode"], done["log"], shared / "output")
        result = make(shared / "output")
        record.write_text(json.dumps({"returncode": result.returncode, "log": result.log}), encoding="utf-8")
        return result


@pytest.fixture(scope="session")
def real_site(request, tmp_path_factory) -> Build:
    """The real content built once with the development settings."""
    result = built_once(request, tmp_path_factory, "real", lambda output: build_site(ROOT / "content", output, cwd=ROOT))
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def published(request, tmp_path_factory) -> Build:
    """The real content built with publishconf.py and warnings fatal, as CI publishes it."""
    result = built_once(request, tmp_path_factory, "publish", lambda output: build_site(
        ROOT / "content", output, ROOT / "publishconf.py", "--fatal", "warnings",
        cwd=ROOT, env={"CMS_REPO": "owner/hall32-site"}))
    assert result.returncode == 0, result.log
    return result


@dataclass
class Page(HTMLParser):
    """The few things tests need from a page: lang, title, h1, links, text."""

    path: Path = None
    lang: str | None = None
    title: str = ""
    h1: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    text: str = ""
    _in: list[str] = field(default_factory=list)

    def __post_init__(self):
        HTMLParser.__init__(self)

    @classmethod
    def read(cls, path: Path) -> "Page":
        page = cls(path=path)
        page.feed(path.read_text(encoding="utf-8"))
        return page

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "meta" and attrs.get("name"):
            self.meta[attrs["name"]] = attrs.get("content", "")
        if tag in ("title", "h1"):
            self._in.append(tag)
            if tag == "h1":
                self.h1.append("")

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        # Pages are typeset in French (french_format/typeset.py): tests compare with the
        # content as typed, so the typographic characters read as the typed ones here.
        data = data.translate(TYPED)
        self.text += data
        if "title" in self._in:
            self.title += data
        if "h1" in self._in:
            self.h1[-1] += data

    @property
    def words(self) -> str:
        return " ".join(self.text.split())
