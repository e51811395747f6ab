"""The `cms` fixture of the end-to-end CMS tests: one build and one decap-server for
the whole session, shared by every test_cms_*_e2e.py file.

It copies the real content to a temporary repository, builds the site with the local
backend pointed at a free port and starts decap-server (MODE=fs) there. The tests
write into that one repository: each uses entries of its own (its own slugs) and
leaves the real content's entries as they were, so any order works."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from checks.server import SiteServer
from cms_config.tests.cms_support import DECAP_SERVER, Cms, free_port, listening, wait_for
from support import ROOT, build_site


@pytest.fixture(scope="session")
def cms(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cms")
    repo = tmp / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    port = free_port()
    built = build_site(repo / "content", tmp / "site", ROOT / "pelicanconf.py",
                       "-e", f'CMS_LOCAL_BACKEND_URL="http://127.0.0.1:{port}/api/v1"', cwd=repo)
    assert built.returncode == 0, built.log
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(repo)}
    log = open(tmp / "decap-server.log", "w", encoding="utf-8")  # a pipe nobody reads fills up
    server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=log,
                              stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(lambda: listening(port), what="decap-server")
        with SiteServer(tmp / "site") as base:
            yield Cms(base, repo, port)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
