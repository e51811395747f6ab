"""Settings for publication: absolute URLs, feeds. Built with warnings fatal."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://www.hall32.fr").rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/actualites.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_MAX_ITEMS = 20

DELETE_OUTPUT_DIRECTORY = True

# The CMS of the published site logs in to GitHub through an OAuth proxy
# (see README: "CMS"); never the local backend.
CMS_LOCAL_BACKEND = False
CMS_REPO = os.environ.get("CMS_REPO", "")
CMS_BRANCH = os.environ.get("CMS_BRANCH", "main")
CMS_AUTH_URL = os.environ.get("CMS_AUTH_URL", "")
