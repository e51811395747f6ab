"""admin/build.json: the commit and the time of the build, never invented."""

from __future__ import annotations

import json
import subprocess

from buildkit import clock
from health.buildinfo import build_info, commit, to_json

WHEN = clock.now({"SOURCE_DATE_EPOCH": "1796292000"})
SHA = "0123456789abcdef0123456789abcdef01234567"


def test_github_actions_gives_the_commit_and_the_repository(tmp_path):
    env = {"GITHUB_SHA": SHA, "GITHUB_REPOSITORY": "hall32/site"}
    info = build_info({"PATH": str(tmp_path)}, WHEN, env)
    assert info == {"commit": SHA, "commit_short": "0123456",
                    "commit_url": f"https://github.com/hall32/site/commit/{SHA}",
                    "built_at": "2026-12-03T11:00:00+01:00", "built_at_label": "3 décembre 2026 à 11\u00a0h\u00a000\u00a0min\u00a000\u00a0s"}
    assert json.loads(to_json(info)) == info and to_json(info).endswith("}\n")


def test_a_git_checkout_gives_its_head(tmp_path):
    run = dict(cwd=tmp_path, check=True, capture_output=True)
    subprocess.run(["git", "init", "-q"], **run)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q",
                    "--allow-empty", "-m", "x"], **run)
    head = subprocess.run(["git", "rev-parse", "HEAD"], text=True, **run).stdout.strip()
    assert commit(tmp_path, {}) == head
    info = build_info({"PATH": str(tmp_path), "CMS_REPO": "owner/repo"}, WHEN, {})
    assert info["commit_url"] == f"https://github.com/owner/repo/commit/{head}"


def test_outside_git_the_commit_is_empty_not_invented(tmp_path):
    info = build_info({"PATH": str(tmp_path)}, WHEN.replace(minute=5, second=9), {"GITHUB_SHA": "not-a-sha"})
    assert (info["commit"], info["commit_short"], info["commit_url"]) == ("", "", "")
    assert info["built_at_label"] == "3 décembre 2026 à 11\u00a0h\u00a005\u00a0min\u00a009\u00a0s"
    assert info["built_at"] == "2026-12-03T11:05:09+01:00"
