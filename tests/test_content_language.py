"""Trade pages name the trade in both genders (issue 15, item 10; audit section 3).

The site's rule (docs/guide-redaction.md): a trade is named by the full doublet,
« le soudeur ou la soudeuse », never by a contracted form (« soudeur·se ») and never by
the masculine alone, in the title, the summary and the first paragraph of the text
(plugins/content_model/language.py, where the rule and the epicene trades live; the
health report lists the same problems for editors at /admin/etat/). This test applies
it to each trade page of content/metiers/: CI refuses a page that breaks it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from content_model import language
from content_model.frontmatter import read_text, split
from support import ROOT

METIERS = ROOT / "content" / "metiers"


def pair(path: Path) -> tuple[str, str] | None:
    meta, _, _ = split(read_text(path))
    return language.pair(path.stem, str(meta.get("title") or ""))


def gender_problems(path: Path) -> list[str]:
    """What the page's title, summary and first paragraph get wrong, in French."""
    meta, body, _ = split(read_text(path))
    return [f"{path.name}: {problem}" for problem in language.problems(path.stem, meta, body)]


def trade_pages() -> list[Path]:
    return sorted(METIERS.glob("*.md"))


def test_every_trade_page_names_its_pair():
    """A pair for every page (the titles are read, none left out)."""
    pairs = {p.stem: pair(p) for p in trade_pages()}
    assert pairs and None not in pairs.values()


@pytest.mark.parametrize("path", trade_pages(), ids=lambda p: p.stem)
def test_trade_named_in_both_genders(path):
    assert gender_problems(path) == []


def broken_copy(tmp_path: Path, slug: str, old: str, new: str, count: int = 1) -> Path:
    copy = tmp_path / f"{slug}.md"
    shutil.copy(METIERS / f"{slug}.md", copy)
    text = copy.read_text(encoding="utf-8")
    assert old in text, old
    copy.write_text(text.replace(old, new, count), encoding="utf-8")
    return copy


@pytest.mark.parametrize("slug, old, new, expected", [
    # the title with the masculine only
    ("soudeur", "title: Soudeur ou soudeuse", "title: Soudeur", "title: nommer le métier"),
    # the summary with the masculine only
    ("usineur", "L’usineur ou l’usineuse fabrique", "L’usineur fabrique",
     "summary: « usineur »"),
    # the first paragraph with the feminine dropped
    ("technicien-methodes", "Le technicien ou la technicienne méthodes répond",
     "Le technicien méthodes répond",
     "premier paragraphe: « technicien » 1 fois, « technicienne » 0"),
    # a contracted form
    ("soudeur", "title: Soudeur ou soudeuse", "title: Soudeur·se", "title: nommer le métier"),
    # a contracted form in the summary
    ("soudeur", "Le soudeur ou la soudeuse", "Le soudeur·se", "summary: forme contractée"),
    # an epicene trade named with one article
    ("pilote-ligne-production", "Le ou la pilote de ligne de production est",
     "Le pilote de ligne de production est", "premier paragraphe: « le ou la pilote » absent"),
    # a summary that does not name the trade
    ("cableur-electrique", "Le câbleur ou la câbleuse électrique prépare", "Préparer",
     "summary: le métier n'est pas nommé"),
])
def test_the_check_fails_on_a_broken_copy(tmp_path, slug, old, new, expected):
    copy = broken_copy(tmp_path, slug, old, new)
    problems = gender_problems(copy)
    assert any(expected in p for p in problems), problems


def test_an_undeclared_trade_is_read_from_its_title(tmp_path):
    copy = tmp_path / "plombier.md"
    shutil.copy(METIERS / "soudeur.md", copy)
    text = copy.read_text(encoding="utf-8").replace("oudeur", "oudeurx").replace("oudeuse", "oudeusx")
    copy.write_text(text, encoding="utf-8")
    assert pair(copy) == ("soudeurx", "soudeusx")
    assert gender_problems(copy) == []
    copy.write_text(text.replace("title: Soudeurx ou soudeusx", "title: Soudeurx"), encoding="utf-8")
    assert "nommer le métier aux deux genres" in gender_problems(copy)[0]
