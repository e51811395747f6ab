"""Trade pages name the trade in both genders (issue 15, item 10; audit section 3).

The site's rule (docs/guide-redaction.md): a trade is named by the full doublet,
« le soudeur ou la soudeuse », never by a contracted form (« soudeur·se ») and never by
the masculine alone. This test reads each trade page of content/metiers/ and checks the
three places every visitor sees first (listings, search results and the page head):
the title, the summary and the first paragraph of the text. Each must name the trade in
both forms, each masculine paired with a feminine. A trade whose name is the same in
both genders (« pilote ») is named with both articles: « le ou la pilote ».
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from content_model.frontmatter import read_text, split
from support import ROOT

METIERS = ROOT / "content" / "metiers"

# Epicene trades (the same noun in both genders, named with both articles), by slug.
# Every other trade page is read from its title, « Soudeur ou soudeuse … », so a trade
# added, renamed or removed in the CMS needs no change here; a line for a page that no
# longer exists is ignored.
EPICENE = {
    "pilote-ligne-production": "pilote",
}
CONTRACTED = re.compile(r"\w[·.•]\w*(?:e|se|ne|ice|ère)\b|\w\((?:e|se|ne|ice|ère)\)", re.I)


def word(form: str) -> re.Pattern:
    """The form as a whole word, singular or plural (« technicien » never matches
    « technicienne »; « l’usineur » matches « usineur »)."""
    return re.compile(rf"(?<!\w){re.escape(form)}s?(?!\w)", re.I)


def first_paragraph(body: str) -> str:
    for block in re.split(r"\n\s*\n", body.strip()):
        block = block.strip()
        if block and not block.startswith(("#", "-", "*", ">")):
            return block
    return ""


def places(path: Path) -> dict[str, str]:
    meta, body, _ = split(read_text(path))
    return {"title": str(meta.get("title", "")), "summary": str(meta.get("summary", "")),
            "premier paragraphe": first_paragraph(body)}


def epicene_problem(text: str, noun: str, place: str) -> str | None:
    doublet = re.compile(rf"\b(?:le ou la|la ou le|un ou une|une ou un) {noun}s?\b", re.I)
    if place == "title":
        return None if word(noun).search(text) else f"« {noun} » absent"
    if not doublet.search(text):
        return f"« le ou la {noun} » absent"
    alone = re.search(rf"\b(?:le|la|un|une|du|au)\s+{noun}\b", doublet.sub("", text), re.I)
    return f"« {alone.group(0)} » sans l'autre genre" if alone else None


def gendered_problem(text: str, masculine: str, feminine: str) -> str | None:
    males, females = len(word(masculine).findall(text)), len(word(feminine).findall(text))
    if not males and not females:
        return f"le métier n'est pas nommé (« {masculine} ou {feminine} »)"
    if males != females:
        return (f"« {masculine} » {males} fois, « {feminine} » {females} fois : "
                f"écrire « {masculine} ou {feminine} »")
    return None


TITLE_DOUBLET = re.compile(r"^(\w+) ou (\w+)\b")


def pair(path: Path) -> tuple[str, str] | None:
    """The trade's two forms: the title's « X ou Y », or an epicene noun twice."""
    if path.stem in EPICENE:
        return EPICENE[path.stem], EPICENE[path.stem]
    match = TITLE_DOUBLET.match(places(path)["title"])
    return (match.group(1).lower(), match.group(2).lower()) if match else None


def gender_problems(path: Path) -> list[str]:
    """What the page's title, summary and first paragraph get wrong, in French."""
    forms = pair(path)
    if forms is None:
        return [f"{path.name}: title: nommer le métier aux deux genres, « Plombier ou "
                "plombière … » (un nom épicène : une ligne dans EPICENE, "
                "tests/test_content_language.py)"]
    masculine, feminine = forms
    problems = []
    for place, text in places(path).items():
        contracted = CONTRACTED.search(text)
        if contracted:
            problems.append(f"{path.name}: {place}: forme contractée « {contracted.group(0)} »")
        if masculine == feminine:
            problem = epicene_problem(text, masculine, place)
        else:
            problem = gendered_problem(text, masculine, feminine)
        if problem:
            problems.append(f"{path.name}: {place}: {problem}")
    return problems


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
