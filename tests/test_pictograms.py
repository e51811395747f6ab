"""Pictograms (components/pictogram.html, issue 22 item 5): one for every trade family,
programme level, audience and orientation profile the schema declares; each small;
decorative unless labelled; colours only from the theme's classes (tokens.css)."""

from __future__ import annotations

import gzip
import re

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from content_model import schema as s
from support import ROOT

THEME = ROOT / "theme" / "templates"


def module():
    env = Environment(loader=FileSystemLoader(str(THEME)), autoescape=True)
    env.globals["picture"] = lambda image_set, alt: Markup("<picture>%s</picture>") % alt
    return env.get_template("components/pictogram.html").module


def declared_keys() -> set[str]:
    keys = {v for v, _ in s.METIER.field("family").options}
    keys |= {v for v, _ in s.FORMATION.field("level").options}
    keys |= {v for v, _ in s.AUDIENCES} | {v for v, _ in s.PROFILES}
    return keys


def test_every_family_level_audience_and_profile_has_a_pictogram():
    m = module()
    missing = sorted(k for k in declared_keys() if not str(m.pictogram(k)).strip())
    assert missing == []
    assert str(m.pictogram("no-such-key")).strip() == ""


def test_each_pictogram_is_small_decorative_and_styled_by_the_theme():
    m = module()
    for key in m.drawings:
        svg = str(m.pictogram(key)).strip()
        assert len(gzip.compress(svg.encode("utf-8"), 9)) <= 2048, key
        assert 'aria-hidden="true"' in svg and 'focusable="false"' in svg, key
        assert not re.search(r'\b(style|fill|stroke)="', svg.replace('fill="none"', "")), key
    labelled = str(m.pictogram("usinage", label="Usinage"))
    assert 'role="img" aria-label="Usinage"' in labelled and "aria-hidden" not in labelled


def test_an_uploaded_image_takes_the_pictogram_place():
    m = module()

    class Item:
        image_set, image_alt = object(), "Atelier d'usinage"

    class Bare:
        image_set = None

    assert str(m.visual(Item(), "usinage")) == f"<picture>{escape(Item.image_alt)}</picture>"
    assert "h32-picto" in str(m.visual(Bare(), "usinage"))
