"""The publication paths agree (issue 23, item 7).

- `invoke publish` (tasks.publish_to) runs CI's publication checks, refuses what they
  refuse (nothing uploaded), and uploads the checked build itself while it holds the build
  lock: a rebuild started meanwhile (livereload, `invoke cms`) cannot swap another build in
  during the upload. rsync is a stand-in on PATH that records what it was given.
- The GitHub workflow: pushes and pull requests run the tests; the nightly run only
  builds, passes the gates and deploys; a missing CMS_AUTH_URL is said in the summary.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys

import pytest
from invoke import Context, Exit

import tasks
from content_model import yaml12
from support import ROOT

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
    assert re.search(r"/\.output\.build-[^/]+$", uploaded["source"]), uploaded  # the checked folder
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


def workflow() -> dict:
    return yaml12.load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))


def runs(step: dict, event: str, auth: str = "https://auth.example.org") -> bool:
    """GitHub's `if:` for the few forms the workflow uses (==, !=, &&, ||, strings)."""
    condition = step.get("if")
    if not condition:
        return True
    names = {"github.event_name": event, "github.ref": "refs/heads/main", "env.CMS_AUTH_URL": auth}
    python = condition.replace("&&", " and ").replace("||", " or ")
    for name, value in names.items():
        python = python.replace(name, repr(value))
    assert re.fullmatch(r"[\s'\w/.:=!-]*(?:and|or)?[\s'\w/.:=!-]*", python), condition
    return bool(eval(python, {"__builtins__": {}}))  # noqa: S307 (only literals left)


def step_names(event: str, job: str = "build", **kw) -> list[str]:
    return [s.get("name") or s.get("uses", "") for s in workflow()["jobs"][job]["steps"] if runs(s, event, **kw)]


def test_the_nightly_run_builds_checks_and_deploys_without_the_tests():
    nightly = step_names("schedule")
    assert "Tests" not in nightly
    assert any("Publication build" in n for n in nightly)
    assert "Upload the site for GitHub Pages" in nightly
    assert runs(workflow()["jobs"]["deploy"], "schedule")
    assert [e["cron"] for e in workflow()["on"]["schedule"]]


@pytest.mark.parametrize("event", ["push", "pull_request", "workflow_dispatch"])
def test_pushes_and_pull_requests_run_everything(event):
    names = step_names(event)
    assert "Tests" in names and any("Publication build" in n for n in names)
    preview = [s for s in workflow()["jobs"]["build"]["steps"] if s.get("name", "").startswith("Publication build")]
    assert preview[0]["run"].strip() == ".venv/bin/invoke preview"  # every gate, none skipped


def test_a_missing_cms_auth_url_is_said_in_the_summary():
    assert "CMS login configured?" in step_names("push", auth="")
    assert "CMS login configured?" not in step_names("push")
    (step,) = [s for s in workflow()["jobs"]["build"]["steps"] if s.get("name") == "CMS login configured?"]
    assert "GITHUB_STEP_SUMMARY" in step["run"] and "::warning" in step["run"]
