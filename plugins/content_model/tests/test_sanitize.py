"""The HTML allowlist: what Markdown and editors write passes unchanged, the rest is an error."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
from markdown import Markdown

import pelicanconf
from content_model.frontmatter import read_text, split
from content_model.sanitize import Policy, clean, theme_ids

ROOT = Path(__file__).resolve().parents[3]
POLICY = Policy(reserved_ids=theme_ids(ROOT / "theme" / "templates"))

# Each family of the issue: (HTML typed in Markdown, fragment of the expected message).
ATTACKS = {
    "form": ('<form action="https://evil.example/"><input name="a"></form>', "balise <form> refusée"),
    "formaction": ('<button formaction="https://evil.example/">Go</button>', "balise <button> refusée"),
    "svg animate": ('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
                    "balise <svg> refusée"),
    "svg set": ('<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
                "balise <set> refusée"),
    "noscript mutation": ('<noscript><p title="</noscript><svg onload=alert(1)>">x</p></noscript>',
                          "balise <noscript> refusée"),
    "noembed": ('<noembed><p title="</noembed><img src=x onerror=alert(1)>"></noembed>', "<noembed>"),
    "noframes": ('<noframes><p title="</noframes><img src=x onerror=alert(1)>"></noframes>', "<noframes>"),
    "xmp": ('<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>', "<xmp>"),
    "textarea": ('<textarea><p title="</textarea><img src=x onerror=alert(1)>"></textarea>', "<textarea>"),
    "title": ('<title><p title="</title><img src=x onerror=alert(1)>"></title>', "<title>"),
    "external script": ('<script src="https://evil.example/x.js"></script>', "balise <script> refusée"),
    "event handler": ('<p onclick="alert(1)">x</p>', "attribut onclick= refusé sur <p>"),
    "data attributes": ('<div data-module="search" data-index="/evil.json">x</div>',
                        "attribut data-module= refusé"),
    "theme id": ('<p id="search-results">x</p>', "id=« search-results » réservé au thème"),
    "theme class": ('<p class="h32-search js-search-form">x</p>', "classe « h32-search js-search-form »"),
    "javascript url": ('<a href="JaVaScRiPt:alert(1)">x</a>', "adresse « JaVaScRiPt:alert(1) » refusée"),
    "javascript url split": ('<a href="java\nscript:alert(1)">x</a>', "adresse « java script:alert(1) »"),
    "javascript url encoded": ('<a href="&#106;avascript:alert(1)">x</a>', "adresse « javascript:alert(1) »"),
    "data url": ('<a href="data:text/html,x">x</a>', "adresse « data:text/html,x » refusée"),
    "static outside": ('<a href="{static}/../../outside/x">x</a>', "{static} n'est pas permis"),
    "filename outside": ('<a href="{filename}/../../outside/x.md">x</a>', "« .. » sort du dossier"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', "balise <iframe> refusée"),
    "style attribute": ('<p style="color:red">x</p>', "attribut style= refusé"),
    "style element": ("<style>p{}</style>", "balise <style> refusée"),
    "mathml": ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "balise <math> refusée"),
    "object": ('<object data="x.swf"></object>', "balise <object> refusée"),
    "base": ('<base href="https://evil.example/">', "balise <base> refusée"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "balise <meta>"),
    "comment": ("<!-- note interne -->", "commentaire HTML refusé"),
    "h1": ("<h1>Deuxième titre</h1>", "balise <h1> refusée"),
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_each_attack_is_refused_and_named(name):
    html, expected = ATTACKS[name]
    source = f"---\ntitle: x\n---\nIntro.\n\n{html}\n"
    out, problems = clean(html, POLICY, source)
    assert problems, name
    assert any(expected in p for p in problems), problems
    assert any(p.startswith("ligne 6 : ") for p in problems), problems  # the Markdown line
    assert out == html  # nothing is rewritten: the build stops instead


def test_markup_that_only_looks_different_is_not_an_error():
    """Serialisation differences (case, quotes, self-closing) are the same document."""
    out, problems = clean('<P>a<BR/>b &amp; c</P><img src=/images/a.jpg alt=A>', POLICY)
    assert problems == []
    assert out == '<p>a<br>b &amp; c</p><img src="/images/a.jpg" alt="A">'


def test_allowed_html_passes_byte_identical():
    html = ('<p>Texte <strong>gras</strong>, <em>italique</em>, <a href="/metiers/">lien</a>, '
            '<a href="{filename}/metiers/soudeur.md">fiche</a>, <a href="mailto:x@example.org">m</a>, '
            '<abbr title="Brevet de technicien supérieur">BTS</abbr>.</p>\n'
            '<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n'
            '</tr>\n</tbody>\n</table>\n<div class="footnote"><a class="footnote-ref" href="#fn:1">1</a></div>')
    assert clean(html, POLICY) == (html, [])


def test_every_real_content_file_passes_unchanged():
    """The real site's Markdown, converted as the reader does, goes through untouched."""
    config = pelicanconf.MARKDOWN["extension_configs"]
    md = Markdown(extensions=list(config), extension_configs=config, output_format="html5")
    files = sorted(glob.glob(str(ROOT / "content" / "**" / "*.md"), recursive=True))
    assert len(files) > 30
    for path in files:
        _, body, _ = split(read_text(path))
        md.reset()
        html = md.convert(body)
        assert clean(html, POLICY) == (html, []), path


def test_theme_ids_are_read_from_the_templates():
    assert {"contenu", "search-results", "recherche-q"} <= POLICY.reserved_ids
