"""The checker of the trade-name rule (plugins/content_model/language.py), on its own
fixtures.

The rule (docs/guide-redaction.md): a trade is named by the full doublet, « le soudeur ou
la soudeuse », never by a contracted form (« soudeur·se ») and never by the masculine
alone, in the title, the summary and the first paragraph of the text. It is advice (the
CMS cannot express it): the health report lists it at /admin/etat/ and in `invoke report`,
and nothing fails the build, CI or a deploy on it. So these tests read only the pages
written below, never content/: an editor's save cannot break a unit test (issue 23).
"""

from __future__ import annotations

import pytest

from content_model import language

# A trade page as an editor writes it, in the three places the rule reads.
GOOD = {
    "slug": "chaudronnier",
    "title": "Chaudronnier ou chaudronnière",
    "summary": "Le chaudronnier ou la chaudronnière façonne des tôles et des tubes.",
    "body": "## Le métier\n\nLe chaudronnier ou la chaudronnière lit un plan, découpe et "
            "assemble des pièces de métal.\n\nDeuxième paragraphe : chaudronnier seul ici.\n",
}
EPICENE = {
    "slug": "pilote-ligne-production",
    "title": "Pilote de ligne de production",
    "summary": "Le ou la pilote de ligne de production surveille une ligne automatisée.",
    "body": "Le ou la pilote de ligne de production règle les machines.\n",
}


def check(page: dict, **changes) -> list[str]:
    page = {**page, **changes}
    meta = {"title": page["title"], "summary": page["summary"]}
    return [str(p) for p in language.problems(page["slug"], meta, page["body"])]


def test_a_page_naming_the_trade_in_both_genders_has_no_problem():
    assert check(GOOD) == []
    assert check(EPICENE) == []
    assert language.pair("chaudronnier", GOOD["title"]) == ("chaudronnier", "chaudronnière")
    assert language.pair("pilote-ligne-production", EPICENE["title"]) == ("pilote", "pilote")


@pytest.mark.parametrize("page, changes, expected", [
    # the title with the masculine only
    (GOOD, {"title": "Chaudronnier"}, "title: nommer le métier aux deux genres"),
    # the summary with the masculine only
    (GOOD, {"summary": "Le chaudronnier façonne des tôles."},
     "summary: « chaudronnier » 1 fois, « chaudronnière » 0 fois"),
    # the first paragraph with the feminine dropped (the second paragraph is not read)
    (GOOD, {"body": "Le chaudronnier lit un plan.\n"},
     "premier paragraphe: « chaudronnier » 1 fois, « chaudronnière » 0"),
    # a contracted form in the title
    (GOOD, {"title": "Chaudronnier·ère"}, "title: nommer le métier"),
    # a contracted form in the summary, whole word quoted
    (GOOD, {"summary": "Le ou la chaudronnier·ère façonne."},
     "summary: forme contractée « chaudronnier·ère »"),
    # a contracted form with a period
    (GOOD, {"summary": "Le chaudronnier ou la chaudronnière, technicien.ne du métal."},
     "summary: forme contractée « technicien.ne »"),
    # an epicene trade named with one article
    (EPICENE, {"body": "Le pilote de ligne de production règle les machines.\n"},
     "premier paragraphe: « le ou la pilote » absent"),
    # a summary that does not name the trade
    (GOOD, {"summary": "Façonner des tôles."}, "summary: le métier n'est pas nommé"),
])
def test_the_checker_finds_each_kind_of_problem(page, changes, expected):
    problems = check(page, **changes)
    assert any(expected in p for p in problems), problems


def test_a_title_without_its_pair_quotes_the_title_and_no_source_path():
    (problem,) = check(GOOD, title="Chaudronnier")
    assert "« Chaudronnier »" in problem and "plugins/" not in problem


def test_addresses_are_not_contracted_forms():
    """F2 of the 2026-12-07 code review: « www.alternance » was read as « forme contractée »."""
    body = ("Le chaudronnier ou la chaudronnière trouve les offres sur "
            "www.alternance.emploi.gouv.fr, sur [le portail](https://www.service-public.fr/"
            "particuliers.entreprise), à <https://example.org/offre.ne> ou par contact@hall32.fr.\n")
    assert check(GOOD, body=body) == []


def test_an_undeclared_trade_is_read_from_its_title():
    page = {**GOOD, "slug": "plombier", "title": "Plombier ou plombière",
            "summary": "Le plombier ou la plombière installe des réseaux.",
            "body": "Le plombier ou la plombière pose des tuyaux.\n"}
    assert language.pair("plombier", page["title"]) == ("plombier", "plombière")
    assert check(page) == []
    assert "nommer le métier aux deux genres" in check(page, title="Plombier")[0]
