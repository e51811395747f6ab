"""Claims the site makes about Hall 32 follow the fact sheet (issue 15, audit 1a–1b).

Each test reads content/ or the built real site and fails on a claim that the
sources do not support: a cost nobody wrote, a diploma a programme does not award,
a guessed publication date, an official-sounding diploma title, a successor called
a founder, a total presented as the sum of its parts.
"""

from __future__ import annotations

import json
import re

from content_model import schema as s
from content_model.frontmatter import read_text, split
from support import ROOT

CONTENT = ROOT / "content"
TEMPLATES = ROOT / "theme" / "templates"


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


def test_listing_does_not_call_every_programme_free():
    text = (TEMPLATES / "formations.html").read_text(encoding="utf-8")
    assert "toutes les formations de Hall 32 sont gratuites" not in text


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
