"""The GitHub workflow's publication paths (issue 23, item 7): pushes and pull requests
run everything, tests included; the nightly run (schedule), which exists so that events
pass and scheduled news go online with no commit, only builds, passes the gates and
deploys, so that a test of code that did not change cannot stop it; a missing
CMS_AUTH_URL is said in the job summary. `invoke publish`: tests/test_publish_paths.py."""

from __future__ import annotations

import re

import pytest

from content_model import yaml12
from support import ROOT


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
