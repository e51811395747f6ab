"""One spelling for each recurring name, and « d’ » before a vowel (issue 15, item 9).

The rule lives in the health report (plugins/health/spelling.py: advice on /admin/etat/
and in ``invoke report``, with the file and the line); tested here on samples and on a
fixture page. The templates are code, not content: they are held to it here.
"""

from __future__ import annotations

import shutil

import pytest

from buildkit import clock
from health import report, spelling
from support import FIXTURES, ROOT

TEMPLATES = ROOT / "theme" / "templates"
TODAY = clock.now({"SOURCE_DATE_EPOCH": "1796292000"})


def test_the_check_finds_each_variant():
    for sample in ("du Bac Professionnel au BTS", "un bac pro", "Pôle Emploi", "2 ARAMI",
                   "la Semaine de l'Industrie", "10 fiches actions", "Site de AKTO",
                   "des start-up aux PME", "les startups",
                   "jeunes, salariés et demandeurs d’emploi",
                   "aux salariés et aux demandeurs d'emploi"):
        assert spelling.variants(sample), sample
    assert spelling.variants("du Bac Pro au BTS, Pôle emploi, 2ARAMI, site d’AKTO, une start-up, "
                             "des start-ups, salariés et salariées, demandeurs et demandeuses "
                             "d’emploi, en poste ou en recherche d’emploi") == []


def test_the_report_lists_a_variant_with_its_file_and_line(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", root)
    page = root / "pages" / "alternance.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\nAvec Pôle Emploi et un bac pro.\n"
    page.write_text(text, encoding="utf-8")
    [section] = [x for x in report.collect(root, TODAY).sections if x.title == spelling.TITLE]
    line = text.count("\n")
    assert [f"{x.where} : {x.message}" for x in section.items] == [
        f"content/pages/alternance.md : ligne {line} : « bac pro » : écrire « Bac Pro »",
        f"content/pages/alternance.md : ligne {line} : « Pôle Emploi » : écrire « Pôle emploi » "
        "(devenu France Travail en 2024)"]
    assert section.level == report.UPDATE


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_templates_use_one_spelling_per_name(path):
    assert spelling.variants(path.read_text(encoding="utf-8")) == []
