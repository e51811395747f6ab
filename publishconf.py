"""Settings for publication: absolute URLs, feeds. Built with warnings fatal."""

import os
import re
import subprocess
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://www.hall32.fr").rstrip("/")

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/actualites.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_MAX_ITEMS = 20

DOSSIER_PDF = True  # the programmes' PDF sheets and the catalogue (plugins/dossier)

CMS_LOCAL_BACKEND = False


def github_repo(remote: str) -> str:
    """"owner/name" of a GitHub remote URL (https://github.com/o/n(.git), git@github.com:o/n.git,
    ssh://git@github.com/o/n.git), else ""."""
    match = re.fullmatch(r"(?:https://(?:[^@/]+@)?github\.com/|(?:ssh://)?git@github\.com[:/])"
                         r"([\w.-]+)/([\w.-]+?)(?:\.git)?/?", remote.strip())
    return f"{match[1]}/{match[2]}" if match else ""


def origin_repo(checkout: str = os.path.dirname(os.path.abspath(__file__))) -> str:
    """The GitHub repository this checkout was cloned from, if any (`git remote get-url origin`)."""
    try:
        remote = subprocess.run(["git", "remote", "get-url", "origin"], capture_output=True, text=True,
                                cwd=checkout, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return github_repo(remote)


CMS_REPO = os.environ.get("CMS_REPO") or origin_repo()
CMS_BRANCH = os.environ.get("CMS_BRANCH", "main")
CMS_AUTH_URL = os.environ.get("CMS_AUTH_URL", "")
