"""outline.py without a browser: what the preview comparison sees and what it leaves
aside, and that a changed heading, a missing field or a swapped order is reported."""

from __future__ import annotations

from cms_config.tests.outline import difference, main_of, outline

SITE = """<main id="contenu" class="h32-main">
<nav class="h32-breadcrumb" aria-label="Fil d'Ariane"><ol><li><a href="/">Accueil</a></li></ol></nav>
<div class="h32-page-head"><p class="h32-page-head__kicker">Formation · BTS</p>
<h1 class="h32-page-head__title">BTS — maintenance</h1>
<div class="h32-page-head__extra"><span class="h32-badge h32-badge--accent">Gratuit</span>
<p class="h32-dated">Informations de <time datetime="2022-12">décembre 2022</time></p></div></div>
<dl class="h32-facts__list"><div><dt>Durée</dt><dd>En général 2&nbsp;ans</dd></div></dl>
<p class="h32-callout h32-callout--past"><strong>Session passée\u00a0:</strong> menée en 2022.</p>
<div class="h32-prose"><h2 id="x">Et après\u202f?</h2><ul><li><p>L\u2019usinage</p></li></ul>
<img src="a.webp" alt="Un atelier"></div>
<section class="h32-panel" aria-labelledby="formation-evenements"><h2>Prochains rendez-vous</h2></section>
<p class="h32-callout">Une question sur cette formation ?</p>
</main>"""
SKIP = (("aria-labelledby", "formation-evenements"), ("class", "h32-callout"))
PREVIEW = """<p class="h32-page-head__kicker">Formation · BTS</p><h1>BTS — maintenance</h1>
<span><span class="h32-badge">Gratuit</span></span><p>Informations de décembre 2022</p>
<dl><dt>Durée</dt><dd>En général 2 ans</dd></dl>
<p class="h32-callout h32-callout--past"><strong>Session passée :</strong> menée en 2022.</p>
<div><h2>Et après ?</h2><ul><li>L'usinage</li></ul><img alt="Un atelier"></div>"""


def test_outline_of_a_page():
    assert outline(main_of("<body>" + SITE + "<footer><p>Pied</p></footer>"), SKIP) == [
        ("p", "Formation · BTS"), ("h1", "BTS — maintenance"), ("badge", "Gratuit"),
        ("p", "Informations de décembre 2022"), ("dt", "Durée"), ("dd", "En général 2 ans"),
        ("p", "Session passée: menée en 2022."), ("h2", "Et après?"), ("li", "L'usinage"),
        ("img", "Un atelier")]


def test_a_preview_that_shows_the_same_agrees():
    """Typography, whitespace, classes, <li><p> and wrappers aside."""
    assert difference(outline(PREVIEW), outline(SITE, SKIP)) == ""


def test_a_changed_heading_is_reported():
    diff = difference(outline(PREVIEW.replace("Et après ?", "Débouchés")), outline(SITE, SKIP))
    assert "-h2: Et après?" in diff.splitlines() and "+h2: Débouchés" in diff.splitlines()


def test_a_missing_field_is_reported():
    diff = difference(outline(PREVIEW.replace('<span class="h32-badge">Gratuit</span>', "")),
                      outline(SITE, SKIP))
    assert "-badge: Gratuit" in diff.splitlines()
    diff = difference(outline(PREVIEW.replace('<img alt="Un atelier">', "")), outline(SITE, SKIP))
    assert "-img: Un atelier" in diff.splitlines()


def test_the_order_counts():
    swapped = PREVIEW.replace("<dt>Durée</dt><dd>En général 2 ans</dd>",
                              "<dd>En général 2 ans</dd><dt>Durée</dt>")
    assert difference(outline(swapped), outline(SITE, SKIP))


def test_skipped_parts_are_whole_attribute_values():
    """("class", "h32-callout") leaves out the contact note, not the past-session notice."""
    kinds = outline(SITE, SKIP)
    assert ("p", "Session passée: menée en 2022.") in kinds
    assert ("p", "Une question sur cette formation?") not in kinds
    assert ("p", "Une question sur cette formation?") in outline(SITE)
