"""No invitation without its object (issue 27 item 3, issue 22 item 8): the templates
decide from the data. A page asks the visitor to contact Hall 32 only when
organisation.yaml holds a channel (phone, e-mail or form), and invites to an open day
only when one is announced; otherwise it gives the address and says where
announcements will appear. Both states are built from the minimal fixture."""

from __future__ import annotations

import re
import shutil

import pytest

from support import FIXTURES, TYPED, build_site

ORGANISATION = """\
name: Hall 32
street: 1 rue de l'Essai
postal_code: "63000"
city: Clermont-Ferrand
phone: 04 73 00 00 00
email: contact@example.org
"""
# Upcoming by the session's today (conftest.py: 2026-12-03).
OPEN_DAY = """\
---
title: Journée portes ouvertes d'hiver
slug: portes-ouvertes-hiver
kind: portes-ouvertes
start: 2027-01-16 10:00
summary: Visite des ateliers.
---

Visite des ateliers.
"""
PROGRAMME = "formations/bac-pro-test/index.html"
PAGE_FOR_AN_AUDIENCE = "alternance/index.html"


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).translate(TYPED)


def next_step(output, url) -> str:
    html = (output / url).read_text(encoding="utf-8")
    found = re.findall(r'<p class="h32-next-step">(.*?)</p>', html, re.S)
    assert len(found) == 1, url
    return found[0]


def build(tmp_path, organisation: str | None, event: str | None):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    if organisation is not None:
        (content / "data" / "organisation.yaml").write_text(organisation, encoding="utf-8")
    if event is not None:
        (content / "evenements").mkdir()
        (content / "evenements" / "portes-ouvertes-hiver.md").write_text(event, encoding="utf-8")
    pages = content / "pages" / "alternance.md"  # a page written for an audience
    pages.write_text(pages.read_text(encoding="utf-8").replace(
        "---\n\n", "audiences:\n  - jeunes\n---\n\n", 1), encoding="utf-8")
    result = build_site(content, tmp_path / "output")
    assert result.returncode == 0, result.log
    return result.output


@pytest.fixture(scope="module")
def with_objects(tmp_path_factory):
    return build(tmp_path_factory.mktemp("with"), ORGANISATION, OPEN_DAY)


@pytest.fixture(scope="module")
def without_objects(tmp_path_factory):
    return build(tmp_path_factory.mktemp("without"), "name: Hall 32\nstreet: 1 rue de l'Essai\n"
                                                     "city: Clermont-Ferrand\n", None)


@pytest.mark.slow
@pytest.mark.parametrize("url", [PROGRAMME, PAGE_FOR_AN_AUDIENCE])
def test_with_a_channel_and_an_open_day_the_page_invites(with_objects, url):
    html = next_step(with_objects, url)
    said = text(html)
    assert "contactez Hall 32 par téléphone au 04 73 00 00 00 ou par courriel à contact@example.org" in said
    assert 'href="tel:+33473000000"' in html and 'href="mailto:contact@example.org"' in html
    assert "Prochain rendez-vous : Journée portes ouvertes d'hiver" in said
    assert "seront annoncés" not in said


@pytest.mark.slow
@pytest.mark.parametrize("url", [PROGRAMME, PAGE_FOR_AN_AUDIENCE])
def test_without_them_the_page_says_what_the_visitor_can_do_now(without_objects, url):
    said = text(next_step(without_objects, url))
    assert "contactez" not in said.lower() and "rendez-vous :" not in said
    assert "Adresse de Hall 32 : 1 rue de l'Essai, Clermont-Ferrand" in said
    assert "Si des journées portes ouvertes, des salons ou des réunions d'information sont " \
           "fixés, ils seront annoncés dans les événements et dans les actualités" in said


@pytest.mark.slow
def test_no_page_says_contactez_without_a_channel(without_objects):
    for path in without_objects.rglob("*.html"):
        if path.relative_to(without_objects).parts[0] == "admin":
            continue
        html = path.read_text(encoding="utf-8")
        assert "contactez" not in text(html).lower(), path
        assert not re.search(r"\bNone\b", html) and 'href="tel:"' not in html, path
