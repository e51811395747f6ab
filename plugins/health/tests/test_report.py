"""The content-health report lists each kind of problem, and nothing on sound content."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from buildkit import clock
from content_model import schema as s
from content_model import yaml12
from health import render, report
from health.dates import age, month_index
from support import FIXTURES, ROOT

TODAY = clock.now({"SOURCE_DATE_EPOCH": "1796292000"})  # 2026-12-03 11:00, Paris
EVENT = """---
title: Portes ouvertes de printemps
slug: portes-ouvertes-printemps
kind: portes-ouvertes
start: "{start}"
summary: Visite des ateliers.
---

La journée {verb} de 9 h à 17 h. Inscrivez-vous auprès de l'accueil.
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def sample(f: s.Field):
    """A valid value of any field, from its kind (so the test follows the schema)."""
    values = {s.PHONE: "04 73 00 00 00", s.EMAIL: "accueil@example.org", s.URL: "https://example.org/",
              s.INTEGER: 1, s.NUMBER: 1, s.BOOLEAN: True, s.MONTH: "2026-11",
              s.DATETIME: "2026-12-01 09:00", s.SLUG: "exemple"}
    if f.kind == s.OBJECTS:
        return [{sub.name: sample(sub) for sub in f.fields}]
    if f.kind in (s.SELECT, s.CHOICES):
        return f.option_values[0] if f.kind == s.SELECT else [f.option_values[0]]
    if f.kind in (s.STRINGS, s.REFS):
        return ["exemple"]
    return values.get(f.kind, "Texte")


def sound(root):
    """Everything an editor should keep up to date, up to date on TODAY."""
    edit(root / "formations" / "bac-pro-test.md", "cost: Gratuit\n", 'cost: Gratuit\nvalid_as_of: "2026-11"\n')
    edit(root / "formations" / "formation-continue.md", "cost: Gratuit\n", "cost: Gratuit\nvalid_as_of: 2026\n")
    edit(root / "data" / "figures.yaml", "    source: Dossier de presse\n",
         '    source: Dossier de presse\n    valid_as_of: "2025-12"\n')
    edit(root / "actualites" / "ouverture.md", '"2019-09-01 09:00"', '"2026-11-20 09:00"')
    # Trades named in both genders (content_model/language.py).
    edit(root / "metiers" / "soudeur.md", "summary: Assembler", "summary: Le soudeur ou la soudeuse assemble")
    edit(root / "metiers" / "soudeur.md", "\nAssembler des pièces.", "\nLe soudeur ou la soudeuse assemble des pièces.")
    edit(root / "metiers" / "usineur.md", "summary: Fabriquer", "summary: L'usineur ou l'usineuse fabrique")
    edit(root / "metiers" / "usineur.md", "\nTexte.", "\nL'usineur ou l'usineuse règle la machine.")
    for record in (t for t in s.DATA_TYPES if t.single):  # organisation.yaml, textes.yaml
        write(root / record.data_file, yaml12.dump({f.name: sample(f) for f in record.fields}))
    if "evenement" in s.BY_NAME:
        write(root / "evenements" / "portes-ouvertes-printemps.md",
              EVENT.format(start="2027-03-14 09:00", verb="aura lieu"))


def sections(result) -> dict[str, report.Section]:
    return {section.title: section for section in result.sections}


def messages(section) -> str:
    return "\n".join(f"{item.where} : {item.message}" for item in section.items)


def test_sound_content_has_nothing_to_report(content):
    sound(content)
    result = report.collect(content, TODAY)
    assert result.count == 0, render.text(result)
    assert result.clear == result.sections
    assert render.text(result).startswith("État du contenu du site, au 3 décembre 2026 : rien à signaler.")


def test_each_kind_of_problem_is_listed(content):
    sound(content)
    # A file the build refuses.
    write(content / "metiers" / "casse.md", (content / "metiers" / "soudeur.md").read_text(encoding="utf-8")
          .replace("slug: soudeur", "slug: casse").replace("family: chaudronnerie-soudure", "family: x"))
    # A trade named in the masculine alone in its summary.
    edit(content / "metiers" / "soudeur.md", "Le soudeur ou la soudeuse assemble des pièces de métal",
         "Le soudeur assemble des pièces de métal")
    # Organisation: the phone is missing.
    org = s.BY_NAME["organisation"]
    write(content / org.data_file, yaml12.dump({f.name: sample(f) for f in org.fields if f.name != "phone"}))
    # The only event is over, and its text still announces it.
    write(content / "evenements" / "portes-ouvertes-printemps.md",
          EVENT.format(start="2025-03-14 09:00", verb="aura lieu"))
    # The newest news item is old; another is scheduled after today.
    edit(content / "actualites" / "ouverture.md", '"2026-11-20 09:00"', '"2025-05-02 09:00"')
    write(content / "actualites" / "rentree.md", (content / "actualites" / "ouverture.md").read_text(
        encoding="utf-8").replace("slug: ouverture", "slug: rentree").replace("2025-05-02 09:00", "2027-01-15 09:30"))
    # A programme checked 13 months ago, one never dated; a figure from 2022.
    edit(content / "formations" / "bac-pro-test.md", '"2026-11"', '"2025-11"')
    edit(content / "formations" / "formation-continue.md", "valid_as_of: 2026\n", "")
    edit(content / "data" / "figures.yaml", '"2025-12"', '"2022"')
    # A draft page, and an evergreen page with a 2019 fact in the present tense.
    write(content / "pages" / "brouillon.md", "---\ntitle: Brouillon\nslug: brouillon\nsummary: À finir.\n"
                                              "status: draft\n---\n\nTexte.\n")
    edit(content / "pages" / "alternance.md", "\nTexte.", "\nTexte.\n\nHall 32 propose depuis 2019 des formations.")

    found = sections(report.collect(content, TODAY))
    expected = {
        "Fichiers refusés par la construction": ["content/metiers/casse.md : family: « x »"],
        "Métiers à nommer aux deux genres": ["content/metiers/soudeur.md : Résumé (summary) : « soudeur » 1 fois, "
                                             "« soudeuse » 0 fois : écrire « soudeur ou soudeuse »"],
        "Coordonnées de Hall 32 : informations manquantes": ["content/data/organisation.yaml : Téléphone : vide"],
        "Aucun événement à venir": ["content/evenements/ : aucun événement à venir", "14 mars 2025"],
        "Événements passés présentés comme à venir": [
            "portes-ouvertes-printemps.md : « Portes ouvertes de printemps » a eu lieu le 14 mars 2025, "
            "mais le texte dit « aura lieu » (ligne 9)", "« Inscrivez-vous » (ligne 9)"],
        "Dernière actualité de plus de 6 mois": [
            "content/actualites/ouverture.md : la plus récente, « No », date du 2 mai 2025 (il y a 1 an et 7 mois)"],
        "Actualités programmées": ["content/actualites/rentree.md : « No » : mise en ligne prévue le "
                                   "15 janvier 2027 à 9\u00a0h\u00a030"],
        "Informations de plus de 12 mois": [
            "content/formations/bac-pro-test.md : formation « Bac Pro de test » : informations de novembre 2025 "
            "(il y a 1 an et 1 mois)",
            "content/data/figures.yaml: figures[1] (eleves) : chiffre clé « élèves en formation initiale » : "
            "informations de 2022 (il y a 4 ans)"],
        "Date de validité manquante": ["content/formations/formation-continue.md : formation « Formation continue »"],
        "Années anciennes au présent": [
            "content/pages/alternance.md : ligne 9 : « Hall 32 propose depuis 2019 des formations. »"],
        "Brouillons en attente": ["content/pages/brouillon.md : page « Brouillon » : brouillon, non publié"],
        # Listed in test_report_advice.py, on fixtures of their own.
        "Mentions légales incomplètes": [], "Invitations écrites dans le texte": [],
        "Personnes nommées au masculin seul": [], "Phrases trop longues": [],
        "Orthographe des noms du site": [],
        "Textes de l'accueil et des rubriques : informations manquantes": [],
    }
    assert set(found) == set(expected)
    for title, fragments in expected.items():
        for fragment in fragments:
            assert fragment in messages(found[title]), (title, messages(found[title]))
    levels = {title: found[title].level for title in found}
    assert levels["Coordonnées de Hall 32 : informations manquantes"] == report.URGENT
    assert levels["Informations de plus de 12 mois"] == report.UPDATE
    assert levels["Brouillons en attente"] == report.INFO


def test_rendered_reports_group_by_urgency_and_escape_content(content):
    edit(content / "pages" / "alternance.md", "title: Page alternance", "title: Page *alternance* [x]")
    edit(content / "pages" / "alternance.md", "summary: Page", "status: draft\nsummary: Page")
    result = report.collect(content, TODAY)
    text, markdown = render.text(result), render.markdown(result)
    titles = [title for title, sections in result.by_level() if sections]
    assert [t.upper() for t in titles] == [line for line in text.splitlines() if line.isupper()]
    assert [f"### {t}" for t in titles] == [line for line in markdown.splitlines() if line.startswith("### ")]
    assert "« Page \\*alternance\\* \\[x\\] »" in markdown and "*alternance*" not in markdown
    assert text.rstrip().splitlines()[-1].startswith("Rien à signaler : ")


def test_without_organisation_or_events_in_the_schema_those_sections_are_left_out(content, monkeypatch):
    monkeypatch.setattr(s, "DATA_TYPES", tuple(t for t in s.DATA_TYPES if t.data_key))
    monkeypatch.setattr(s, "BY_NAME", {k: v for k, v in s.BY_NAME.items() if k != "evenement"})
    titles = {section.title for section in report.collect(content, TODAY).sections}
    assert not {t for t in titles if "Coordonnées" in t or "événement" in t.lower()}
    assert "Dernière actualité de plus de 6 mois" in titles


def test_ages_count_whole_months_and_a_year_counts_from_december():
    assert month_index("2022") == month_index("2022-12")
    assert age("2025-12", TODAY) == "il y a 1 an"
    assert age("2026-01", TODAY) == "il y a 11 mois"
    assert age("2026-12", TODAY) == "ce mois-ci"
    assert age(TODAY.replace(year=2024, month=1), TODAY) == "il y a 2 ans et 11 mois"


def test_invoke_report_prints_the_report_and_exits_0():
    invoke = [sys.executable, "-m", "invoke"]
    text = subprocess.run([*invoke, "report"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("État du contenu du site, au 3 décembre 2026")  # SOURCE_DATE_EPOCH
    assert "Traceback" not in text.stderr
    markdown = subprocess.run([*invoke, "report", "--format", "markdown"], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
    assert markdown.returncode == 0 and markdown.stdout.startswith("## État du contenu du site\n")
    wrong = subprocess.run([*invoke, "report", "--format", "pdf"], cwd=ROOT, capture_output=True, text=True,
                           timeout=120)
    assert wrong.returncode == 2 and "Format inconnu : pdf" in wrong.stderr + wrong.stdout


def test_the_workflow_rebuilds_daily_and_publishes_the_report():
    workflow = yaml12.load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    assert [entry["cron"] for entry in workflow["on"]["schedule"]]
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert '.venv/bin/invoke report --format markdown >> "$GITHUB_STEP_SUMMARY"' in steps
    (summary,) = [step for step in workflow["jobs"]["build"]["steps"] if "invoke report" in step.get("run", "")]
    assert summary["continue-on-error"] is True
    deploy = workflow["jobs"]["deploy"]["if"]
    assert "github.event_name != 'pull_request'" in deploy  # a scheduled run deploys too


def test_in_a_build_the_reader_s_parsed_front_matter_gives_the_same_report(content, tmp_path, monkeypatch):
    """The build reuses what content_model's reader parsed (ReaderCache.peek) instead of
    parsing the YAML again; the report is the same, and the cache's counts untouched."""
    from content_model.cache import ReaderCache, stamp
    from content_model.frontmatter import read_text, split
    from content_model.reader import CACHE
    from health.health import parsed_front_matter

    edit(content / "pages" / "alternance.md", "\nTexte.", "\nTexte.\n\nHall 32 propose depuis 2019 des formations.")
    cache = ReaderCache(tmp_path / "cache", {"PATH": str(content), "THEME": str(ROOT / "theme")})
    for path in sorted(content.rglob("*.md")):
        cache.put(str(path), stamp(str(path)), (split(read_text(path))[0], "<p>HTML</p>"))
    monkeypatch.setitem(CACHE, "reader", cache)
    parsed = parsed_front_matter()
    assert parsed(content / "pages" / "alternance.md")["slug"] == "alternance"
    assert render.text(report.collect(content, TODAY, parsed)) == render.text(report.collect(content, TODAY))
    assert (cache.hits, cache.misses) == (0, 0)
    (content / "pages" / "alternance.md").write_text("---\ntitle: Autre\n---\n", encoding="utf-8")
    assert parsed(content / "pages" / "alternance.md") is None  # edited since: parsed again


def test_advice_is_read_from_the_cache_for_unchanged_files(content, tmp_path, monkeypatch):
    """In a build (HEALTH_CACHE), an unchanged file's advice comes from the cache: the same
    report, no advice computed again; an edited file's advice is computed again."""
    edit(content / "pages" / "alternance.md", "\nTexte.", "\nTexte.\n\nHall 32 propose depuis 2019 "
         "des formations. Contactez-nous.")
    expected = render.text(report.collect(content, TODAY))
    assert render.text(report.collect(content, TODAY, cache=tmp_path / "advice")) == expected

    def only_data(check):  # entries of data files (key figures) are not cached
        return lambda entries, *args: (pytest.fail("advice computed again") if entries[0].digest
                                       else check(entries, *args))
    for module in report.ADVICE:
        monkeypatch.setattr(module, "found", only_data(module.found))
    monkeypatch.setattr(report, "present_tense", only_data(report.present_tense))
    assert render.text(report.collect(content, TODAY, cache=tmp_path / "advice")) == expected
    monkeypatch.undo()
    edit(content / "pages" / "alternance.md", "Contactez-nous.", "Venez nous voir.")
    edited = render.text(report.collect(content, TODAY, cache=tmp_path / "advice"))
    assert edited == render.text(report.collect(content, TODAY)) != expected
