"""The publication paths agree (issue 23, item 7).

- `invoke publish` (tasks.publish_to) runs CI's publication checks, refuses what they
  refuse (nothing uploaded), and uploads the checked build itself while it holds the build
  lock: a rebuild started meanwhile (livereload, `invoke cms`) cannot swap another build in
  during the upload. rsync is a stand-in on PATH that records what it was given.
- The GitHub workflow's paths: tests/test_workflow.py (quick, in the fast lane).
"""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest
from invoke import Context, Exit

import tasks

FAKE_RSYNC = """#!{python}
import fcntl, json, os, shutil, sys
source, target = sys.argv[-2].rstrip("/"), sys.argv[-1]
fd = os.open(os.environ["FAKE_RSYNC_LOCK"], os.O_RDWR)
try:
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    held = False
except BlockingIOError:
    held = True
with open(os.environ["FAKE_RSYNC_LOG"], "w") as log:
    json.dump({{"source": source, "held": held}}, log)
shutil.copytree(source, target, dirs_exist_ok=True)
"""


@pytest.fixture
def rsync(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "rsync"
    script.write_text(FAKE_RSYNC.format(python=sys.executable), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    output = tmp_path / "output"
    log = tmp_path / "rsync.json"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_RSYNC_LOCK", str(tmp_path / ".output.lock"))
    monkeypatch.setenv("FAKE_RSYNC_LOG", str(log))
    monkeypatch.setenv("CMS_REPO", "owner/hall32-site")
    monkeypatch.setenv("SITEURL", "https://example.org")
    (tmp_path / ".output.lock").touch()
    return output, log


def test_publish_uploads_the_checked_build_while_holding_the_lock(minimal_site, tmp_path, rsync):
    output, log = rsync
    remote = tmp_path / "remote"
    tasks.publish_to(Context(), str(remote), output=output, content=minimal_site, skip="html,browser")
    uploaded = json.loads(log.read_text(encoding="utf-8"))
    assert uploaded["held"], "rsync ran after the build lock was released"
    assert uploaded["source"].endswith("/.output.build"), uploaded  # the checked folder
    assert (remote / "index.html").is_file()
    assert "https://example.org/" in (remote / "index.html").read_text(encoding="utf-8")
    assert (output / "index.html").read_bytes() == (remote / "index.html").read_bytes()


def test_publish_refuses_what_ci_refuses_and_uploads_nothing(minimal_site, tmp_path, rsync):
    output, log = rsync
    page = next((minimal_site / "metiers").glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8").replace("slug:", "image: images/x.jpg\nslug:", 1),
                    encoding="utf-8")
    with pytest.raises(Exit) as refused:
        tasks.publish_to(Context(), str(tmp_path / "remote"), output=output, content=minimal_site,
                         skip="html,browser")
    assert refused.value.code == 1
    assert not log.exists() and not (tmp_path / "remote").exists()
