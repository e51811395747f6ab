"""Claims the site makes about Hall 32 follow the fact sheet (issues 15 and 27).

The rules are the schema's and the build's, tested here: a claim about the world carries
its date and source or the build refuses it, with the message the CMS shows (issue 27
item 2); a cost only when written; JSON-LD prices only with a cost; dates as precise as
the source; one role model for partners. How to source a claim: docs/verite-des-contenus.md.
No test here asserts that an old sentence of the content is absent: wording is checked
by the health report (plugins/health), on fixtures.
"""

from __future__ import annotations

import json
import re

from content_model import schema as s
from content_model.frontmatter import read_text, split
from support import ROOT, TYPED

CONTENT = ROOT / "content"


def front_matter(folder: str):
    for path in sorted((CONTENT / folder).glob("*.md")):
        meta, body, _ = split(read_text(path))
        yield path, meta, body


def graph(path) -> dict:
    html = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return {item["@type"]: item for item in json.loads(block.group(1))["@graph"]}


# 1. Cost: written and sourced, never by default.

def test_cost_has_no_default():
    cost = s.FORMATION.field("cost")
    assert cost.default is None and not cost.required


def test_only_work_study_diplomas_are_said_free():
    """« École 100 % gratuite » is said of the young people in work-study (sources 000,
    001): nothing says so of adult training or of the three programmes for audiences."""
    for path, meta, _ in front_matter("formations"):
        if meta["level"] not in ("bac-pro", "bts"):
            assert not meta.get("cost"), f"{path.name}: coût sans source"


def test_json_ld_price_only_with_a_cost(real_site):
    costs = {meta["slug"]: meta.get("cost") for _, meta, _ in front_matter("formations")}
    levels = {meta["slug"]: meta["level"] for _, meta, _ in front_matter("formations")}
    for slug, cost in costs.items():
        program = graph(real_site.output / f"formations/{slug}/index.html")[
            "EducationalOccupationalProgram"]
        if not cost:
            assert "offers" not in program, slug
        awarded = program.get("educationalCredentialAwarded")
        assert (awarded is not None) == (levels[slug] in ("bac-pro", "bts")), slug


# 2. News dates: sourced, as precise as the source, never guessed.

def news():
    for path, meta, body in front_matter("actualites"):
        if meta.get("status") != "draft":
            yield path, meta, body


def test_no_guessed_day_shared_by_several_news_items():
    """Five items once shared a guessed 2022-11-21: a day is given only when a source
    gives it, so two items on one day is the sign of a guess."""
    days = [str(meta["date"])[:10] for _, meta, _ in news() if len(str(meta["date"])) >= 10]
    assert sorted(d for d in set(days) if days.count(d) > 1) == []


def test_a_dated_item_does_not_know_later_years():
    """An item "published" on a day cannot cite a later year (30 June 2022 citing 2024,
    31 March 2017 citing the 2019 opening): its real date is then unknown."""
    for path, meta, body in news():
        if len(str(meta["date"])) < 10:
            continue  # month or year: when the facts were reported, said so on the page
        year = int(str(meta["date"])[:4])
        later = [y for y in re.findall(r"\b(?:19|20)\d\d\b", body + meta["summary"]) if int(y) > year]
        assert later == [], f"{path.name}: daté de {year}, cite {later}"


def test_partial_dates_are_shown_as_reported_not_published(real_site):
    for path, meta, _ in news():
        date = str(meta["date"])
        page = (real_site.output / f"actualites/{date[:4]}/{meta['slug']}/index.html").read_text(
            encoding="utf-8")
        if len(date) < 10:
            assert "Publié le" not in page and "Informations de" in page, path.name
            assert f'<time datetime="{date}">' in page, path.name
        else:
            assert "Publié le" in page, path.name
    page = (real_site.output / "actualites/2017/campus-entreprises-2017/index.html").read_text(
        encoding="utf-8")
    assert '<time datetime="2017-03">mars 2017</time>' in page


# 4. Partners: one role model (today's role, founder in 2017, history).

FOUNDERS_2017 = {"michelin", "opcalia", "banque-de-france", "limagrain", "viameca",
                 "rectorat-clermont"}  # source 004 (facts.md, Partners)


def partners() -> list[dict]:
    from content_model import yaml12
    return yaml12.load((CONTENT / "data" / "partners.yaml").read_text(encoding="utf-8"))["partners"]


def test_founders_are_the_six_of_2017_and_successors_are_not_founders():
    founders = {p["id"] for p in partners() if p.get("founder")}
    assert founders == FOUNDERS_2017


def test_replaced_partners_are_not_current(real_site):
    roles = {p["id"]: p["role"] for p in partners()}
    assert roles["opcalia"] == roles["viameca"] == "ancien"
    assert {roles[i] for i in ("akto", "cimes", "region-auvergne-rhone-alpes")} == {"porteur"}
    footer = (real_site.output / "index.html").read_text(encoding="utf-8").split(
        '<footer class="h32-footer">')[1]
    for name in ("ViaMéca", "Opcalia"):
        assert name not in footer
    for name in ("AKTO", "CIMES", "Région Auvergne-Rhône-Alpes", "Michelin", "2ARAMI"):
        assert name in footer


def test_partner_links_elide_de(real_site):
    page = (real_site.output / "partenaires" / "index.html").read_text(encoding="utf-8")
    assert "Site de AKTO" not in page and "Site d’AKTO" in page
    assert "Site de la Banque de France" in page


# 3. Programme titles name a field, not an official diploma title (none is sourced).

def test_programme_titles_are_fields_not_official_names():
    for path, meta, _ in front_matter("formations"):
        if meta["level"] in ("bac-pro", "bts"):
            assert re.fullmatch(r"(Bac Pro|BTS) — [a-zàâçéèêëîïôûù].*", meta["title"]), \
                f"{path.name}: « {meta['title']} » se lit comme un intitulé officiel"


# 7. A claim about the world carries its date and its source (issue 27, item 2).

DATED_CLAIMS = {"metier": ("in_demand", ("in_demand_as_of", "in_demand_source")),
                "partner": ("funding", ("funding_as_of", "funding_source"))}


def test_each_claim_field_requires_its_date_and_source_in_the_build_and_the_cms():
    from cms_config.config import requirements
    from content_model import rules
    published = {(r["when"], r["then"]): r["message"] for r in requirements()}
    for type_name, (flag, needed) in DATED_CLAIMS.items():
        ctype = s.BY_NAME[type_name]
        declared = {(r.when, r.then): r.message for r in rules.requirements_for(ctype.fields)}
        for field in needed:
            assert (flag, field) in declared, (type_name, field)
            assert published[(flag, field)] == declared[(flag, field)]  # the CMS says the same


def test_a_flag_without_its_date_is_refused_by_the_build(minimal_site, good_output, tmp_path, capfd):
    from support import refused_build
    page = minimal_site / "metiers" / "soudeur.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "---\n\n", "in_demand: true\nin_demand_source: le dossier de 2022\n---\n\n", 1),
        encoding="utf-8")
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert ("content/metiers/soudeur.md: in_demand_as_of: année de la source obligatoire quand "
            "« Métier qui recrute » est coché") in log


def test_a_dated_claim_is_shown_with_its_date_and_source(real_site):
    for path, meta, _ in front_matter("metiers"):
        html = " ".join((real_site.output / f"metiers/{meta['slug']}/index.html").read_text(
            encoding="utf-8").split())
        if meta.get("in_demand"):
            assert f"Métier qui recrute en {meta['in_demand_as_of']}</span>" in html, path.name
            assert f"Selon {meta['in_demand_source']}.".translate(TYPED) in html.translate(TYPED)
        else:
            assert "Métier qui recrute" not in html, path.name
