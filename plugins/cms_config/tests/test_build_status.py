"""Every save's fate in /admin/ (issue 23, item 3), without a network or a browser:

- theme/static/js/build-info.js's words for the GitHub Actions API's latest run of the
  branch, run in Node on answers in the API's documented shape (fixtures/actions-runs-*.json:
  GET /repos/{owner}/{repo}/actions/workflows/site.yml/runs?branch=main&per_page=1), and
  for the status `invoke cms` keeps (buildtools/live.py);
- buildtools/live.py: a build's log lines become file, field and problem;
- cms_config: what /admin/ is told in each setting (local, production, login missing) and
  its CSP (api.github.com in production only).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from buildtools import live
from cms_config.cms_config import CmsGenerator, admin_csp
from cms_config.config import build
from support import ROOT

NODE = shutil.which("node")
FIXTURES = Path(__file__).parent / "fixtures"
SCRIPT = ROOT / "theme" / "static" / "js" / "build-info.js"


def describe(function: str, value):
    code = (f"const b = require({json.dumps(str(SCRIPT))});"
            f"console.log(JSON.stringify(b.{function}(JSON.parse(require('fs').readFileSync(0, 'utf8')))));")
    result = subprocess.run([NODE, "-e", code], input=json.dumps(value), capture_output=True,
                            text=True, timeout=60, check=True)
    return json.loads(result.stdout)


@pytest.mark.skipif(NODE is None, reason="node is needed")
@pytest.mark.parametrize("answer, level, words", [
    ("success", "ok", "Dernière publication réussie (version 9f1c2d3)"),
    ("failure", "error", "La dernière publication a été refusée (version 9f1c2d3) : le site en ligne n'a pas changé"),
    ("in_progress", "info", "Publication en cours (version 9f1c2d3)"),
    ("cancelled", "info", "interrompue"),
])
def test_the_latest_run_in_words(answer, level, words):
    run = json.loads((FIXTURES / f"actions-runs-{answer}.json").read_text(encoding="utf-8"))
    said = describe("describeRun", run)
    assert said["level"] == level and words in said["text"], said
    assert said["link"] == run["workflow_runs"][0]["html_url"]


@pytest.mark.skipif(NODE is None, reason="node is needed")
def test_no_run_says_nothing():
    assert describe("describeRun", json.loads((FIXTURES / "actions-runs-none.json").read_text())) is None


LOG = """Métiers : 11 en ligne (lus en 0,04 s)
ERROR: content/actualites/refusee.md: contact: champ inconnu (champs permis : title, slug)
ERROR: content/metiers/soudeur.md: image_alt: texte alternatif obligatoire quand une image est donnée
ERROR: deux pages ont l'identifiant « soudeur »
CRITICAL: RuntimeError: Warning or error encountered
CRITICAL: ContentModelError: 1 erreur(s) avant l'écriture du site : corrigez les fichiers cités ci-dessus.
La construction ou les contrôles ont échoué (le site précédent est conservé dans output/).
"""


def test_a_build_log_becomes_file_field_and_problem():
    assert live.problems(LOG) == [
        {"file": "content/actualites/refusee.md", "field": "contact",
         "message": "champ inconnu (champs permis : title, slug)"},
        {"file": "content/metiers/soudeur.md", "field": "image_alt",
         "message": "texte alternatif obligatoire quand une image est donnée"},
        {"file": "", "field": "", "message": "deux pages ont l'identifiant « soudeur »"},
    ]


@pytest.mark.skipif(NODE is None, reason="node is needed")
def test_the_local_status_is_written_beside_output_and_said_in_french(tmp_path):
    output = tmp_path / "output"
    path = live.status_path(output)
    assert path.parent == tmp_path and not str(path).startswith(str(output) + "/")
    when = dt.datetime(2026, 12, 7, 10, 4, 5)
    first = live.write_status(path, False, LOG, when)
    assert first["number"] == 1 and first["state"] == "refused" and len(first["problems"]) == 3
    said = describe("describeStatus", json.loads(path.read_text(encoding="utf-8")))
    assert said["level"] == "error" and "Enregistrement refusé par la construction" in said["text"]
    assert said["items"][0] == ("content/actualites/refusee.md — contact : champ inconnu "
                                "(champs permis : title, slug)")
    second = live.write_status(path, True, "", when)
    assert second["number"] == 2 and second["problems"] == []
    assert describe("describeStatus", second)["level"] == "ok"


def generator(settings: dict) -> CmsGenerator:
    gen = CmsGenerator.__new__(CmsGenerator)  # only login(): no Pelican context needed
    gen.settings = settings
    gen.config = build(settings)
    return gen


def test_admin_is_told_how_it_logs_in_and_where_builds_are_reported(capsys):
    local = generator({"CMS_LOCAL_BACKEND": True, "CMS_LOCAL_BACKEND_URL": "http://127.0.0.1:8081/api/v1"})
    assert local.login() == {"local_api": "http://127.0.0.1:8081/api/v1",
                             "status": "admin/derniere-construction.json"}
    production = generator({"CMS_REPO": "hall32/site", "CMS_AUTH_URL": "https://auth.example.org"})
    assert production.login()["runs"] == ("https://api.github.com/repos/hall32/site/actions/workflows/"
                                          "site.yml/runs?branch=main&per_page=1")
    assert production.login()["missing"] == ""
    assert capsys.readouterr().err == ""
    unconfigured = generator({"CMS_REPO": "hall32/site"})
    assert unconfigured.login()["missing"] == "CMS_AUTH_URL"
    assert "ATTENTION : CMS_AUTH_URL n'est pas défini" in capsys.readouterr().err
    assert generator({}).login()["missing"] == "CMS_REPO"


def test_the_github_api_is_allowed_in_production_only():
    assert "https://api.github.com" in admin_csp({"CMS_REPO": "hall32/site"})
    local = admin_csp({"CMS_LOCAL_BACKEND": True, "CMS_LOCAL_BACKEND_URL": "http://127.0.0.1:8081/api/v1"})
    assert "api.github.com" not in local and "http://127.0.0.1:8081" in local


def test_invoke_report_repeats_a_refused_local_build(tmp_path):
    path = live.status_path(tmp_path / "output")
    live.write_status(path, False, LOG, dt.datetime(2026, 12, 7, 10, 4, 5))
    said = live.refused_summary(path)
    assert "Dernière construction locale refusée (7 décembre 2026 à 10\u00a0h\u00a004\u00a0min\u00a005\u00a0s)" in said
    assert "- content/metiers/soudeur.md — image_alt : texte alternatif obligatoire" in said
    live.write_status(path, True, "", dt.datetime(2026, 12, 7, 10, 5))
    assert live.refused_summary(path) == ""
    assert live.refused_summary(tmp_path / "absent.json") == ""
