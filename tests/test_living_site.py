"""Time is one input (buildkit.clock, SOURCE_DATE_EPOCH): scheduled news, the editors'
report at /admin/etat/, the build info of /admin/, byte-identical builds, and dated
facts shown as such."""

from __future__ import annotations

import json
import re

from buildkit import clock
from health import render
from health.report import collect
from support import DEV_CONF, ROOT, build_site, snapshot

DEC_2026 = "1796292000"  # 2026-12-03 11:00, Paris
JAN_2027 = "1800003600"  # 2027-01-15 10:00, Paris
SHA = "0123456789abcdef0123456789abcdef01234567"
SCHEDULED = """---
title: Rentrée de janvier
slug: rentree-janvier
date: "2027-01-15 09:30"
summary: La rentrée de janvier.
category: vie-de-l-ecole
---

Texte de l'actualité programmée.
"""


def build(content, output, epoch, **env):
    result = build_site(content, output, DEV_CONF, env={"SOURCE_DATE_EPOCH": epoch, **env})
    assert result.returncode == 0, result.log
    return result


def listing(output) -> list[str]:
    """News URLs in the order of /actualites/."""
    html = (output / "actualites" / "index.html").read_text(encoding="utf-8")
    return re.findall(r'class="h32-news__link" href="/(actualites/[^"]+)"', html)


def test_news_dated_after_today_waits_for_its_date(minimal_site, tmp_path):
    (minimal_site / "actualites" / "rentree-janvier.md").write_text(SCHEDULED, encoding="utf-8")
    before = build(minimal_site, tmp_path / "dec", DEC_2026)
    page = "actualites/2027/rentree-janvier/"
    assert not (before.output / page).exists()
    assert listing(before.output) == ["actualites/2019/ouverture/"]
    assert page not in (before.output / "sitemap.xml").read_text(encoding="utf-8")
    assert not [p for p in before.output.rglob("*") if p.is_file() and "rentree-janvier" in p.name]
    for index in (before.output / "search").glob("*.json"):  # index and excerpts
        assert "rentree-janvier" not in index.read_text(encoding="utf-8")
    # The public /admin/etat/ counts the scheduled item without naming it; `invoke report`
    # (the editor's machine, the CI job summary) gives its title and its date.
    public = (before.output / "admin" / "etat" / "index.html").read_text(encoding="utf-8")
    assert "Actualités programmées" in public and "1 contenu non publié" in public
    assert "rentree-janvier" not in public and "Rentrée de janvier" not in public
    details = render.text(collect(minimal_site, clock.now({"SOURCE_DATE_EPOCH": DEC_2026})))
    assert "Rentrée de janvier" in details
    assert "mise en ligne prévue le 15 janvier 2027 à 9\u00a0h\u00a030" in details

    after = build(minimal_site, tmp_path / "jan", JAN_2027)
    assert (after.output / page / "index.html").is_file()
    assert listing(after.output) == [page, "actualites/2019/ouverture/"]  # newest first
    assert page in (after.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "Actualités programmées" not in (after.output / "admin" / "etat" / "index.html").read_text(
        encoding="utf-8").split("Rien à signaler")[0]


def test_admin_shows_the_report_and_the_published_build(minimal_site, tmp_path):
    site = build(minimal_site, tmp_path / "out", DEC_2026, GITHUB_SHA=SHA, GITHUB_REPOSITORY="hall32/site")
    info = json.loads((site.output / "admin" / "build.json").read_text(encoding="utf-8"))
    assert info["commit"] == SHA and info["built_at"] == "2026-12-03T11:00:00+01:00"
    assert info["commit_url"] == f"https://github.com/hall32/site/commit/{SHA}"
    admin = (site.output / "admin" / "index.html").read_text(encoding="utf-8")
    script = re.search(r'<script src="/(theme/js/build-info\.[0-9a-f]+\.js)" data-src="/admin/build\.json" '
                       r'data-report="/admin/etat/"[^>]*></script>', admin)
    assert script and (site.output / script.group(1)).is_file()
    assert "<script>" not in admin and " style=" not in admin  # strict CSP: nothing inline

    report = site.page("admin/etat/")
    assert report.meta["robots"] == "noindex, nofollow" and report.h1 == ["État du contenu"]
    assert "Site construit le 3 décembre 2026 à 11 h 00 min 00 s, version 0123456" in " ".join(report.text.split())
    assert "Dernière actualité de plus de 6 mois" in report.text  # the fixture's news is from 2019
    # The fixture's trades are not named in both genders (a style rule CI's tests enforce,
    # content_model/language.py): the build writes them, and the report says what to fix.
    assert (site.output / "metiers" / "soudeur" / "index.html").is_file()
    assert ("content/metiers/soudeur.md : Résumé (summary) : le métier n'est pas nommé : écrire "
            "« soudeur ou soudeuse »") in " ".join(report.text.split())
    assert "admin" not in (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "Disallow: /admin/" in (site.output / "robots.txt").read_text(encoding="utf-8")
    for index in (site.output / "search").glob("*.json"):
        assert "admin/etat" not in index.read_text(encoding="utf-8")


def test_two_builds_of_one_commit_and_one_today_are_byte_identical(tmp_path):
    env = {"GITHUB_SHA": SHA}
    first = snapshot(build(ROOT / "content", tmp_path / "a", DEC_2026, **env).output)
    second = build(ROOT / "content", tmp_path / "b", DEC_2026, **env)
    assert first == snapshot(second.output)
    later = build(ROOT / "content", tmp_path / "c", JAN_2027, **env)
    changed = {path for path, data in snapshot(later.output).items() if first.get(path) != data}
    assert {"admin/build.json", "admin/etat/index.html"} <= {str(p) for p in changed}


def test_dated_facts_say_when_they_were_true(real_site):
    bts = (real_site.output / "formations" / "bts-maintenance" / "index.html").read_text(encoding="utf-8")
    assert 'Informations de <time datetime="2022-12">décembre 2022</time>' in bts
    youth = real_site.page("formations/parcours-jeunes-16-25/")
    text = " ".join(youth.text.split())
    assert "Session passée : Parcours mené en 2021 avec 8 jeunes." in text
    assert "Aucune nouvelle session n'est annoncée sur ce site." in text
    assert "Session passée" in real_site.page("formations/").text
    html = (real_site.output / "formations" / "parcours-jeunes-16-25" / "index.html").read_text(encoding="utf-8")
    assert '"EducationalOccupationalProgram"' in html and '"Offer"' not in html  # nothing to join
    assert '"Offer"' in bts
    assert "Informations de 2022" in real_site.page("pole-industrie/").text
    figures = (real_site.output / "chiffres-cles" / "index.html").read_text(encoding="utf-8")
    assert 'Informations de <time datetime="2017-03">mars 2017</time>' in figures
    # No page without a validity date shows one (nothing invented).
    assert "Informations de" not in real_site.page("formations/formation-continue/").text
    current = re.compile(r"\bactuellement\b|\bprochaines étapes\b|\ben cours\b(?! de fabrication)", re.I)
    for path in real_site.html_files():
        words = " ".join(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")).split())
        assert not current.search(words), (path, current.search(words).group(0))


def test_a_wrong_validity_date_names_the_file_and_the_field(minimal_site, tmp_path):
    programme = minimal_site / "formations" / "bac-pro-test.md"
    programme.write_text(programme.read_text(encoding="utf-8").replace(
        "cost: Gratuit\n", 'cost: Gratuit\nvalid_as_of: "2022-13"\n'), encoding="utf-8")
    result = build_site(minimal_site, tmp_path / "out", DEV_CONF)
    assert result.returncode == 1
    assert "bac-pro-test.md: valid_as_of: « 2022-13 » : le mois 13 n'existe pas (01 à 12)" in result.log
    assert "Traceback" not in result.log
