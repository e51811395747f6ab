"""Which build is online: the commit it was made from and when (buildkit.clock).

Written as admin/build.json by every build; /admin/ shows it (theme/static/js/
build-info.js) so that an editor can tell whether the last save is live.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from pathlib import Path

from buildkit.french import date_fr

SHA_RE = re.compile(r"^[0-9a-f]{40}$")


def commit(checkout: Path, environ=os.environ) -> str:
    """GITHUB_SHA in GitHub Actions, else ``git rev-parse HEAD`` of the content's
    checkout; "" outside a git checkout (nothing invented)."""
    sha = environ.get("GITHUB_SHA", "").strip().lower()
    if SHA_RE.match(sha):
        return sha
    try:
        result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True,
                                text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    sha = result.stdout.strip()
    return sha if result.returncode == 0 and SHA_RE.match(sha) else ""


def build_info(settings: dict, when: dt.datetime, environ=os.environ) -> dict:
    """{commit, commit_short, commit_url (GitHub, when the repository is known),
    built_at (ISO 8601, Paris time), built_at_label (French, to the second: a save and
    its rebuild often fall within one minute)}."""
    sha = commit(Path(settings.get("PATH") or "."), environ)
    repo = environ.get("GITHUB_REPOSITORY") or settings.get("CMS_REPO") or ""
    return {
        "commit": sha,
        "commit_short": sha[:7],
        "commit_url": f"https://github.com/{repo}/commit/{sha}" if sha and repo else "",
        "built_at": when.replace(microsecond=0).isoformat(),
        "built_at_label": to_the_second(when),
    }


def to_the_second(when: dt.datetime) -> str:
    """3 décembre 2026 à 11 h 05 min 09 s (non-breaking spaces, as the site writes times)."""
    return (f"{date_fr(when)} à {when.hour}\u00a0h\u00a0{when.minute:02d}\u00a0min\u00a0"
            f"{when.second:02d}\u00a0s")


def to_json(info: dict) -> str:
    return json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
