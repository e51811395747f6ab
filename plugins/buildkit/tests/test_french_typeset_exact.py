"""typeset_html writes the page back byte for byte, but for its own characters in text.

The check ``typeset_differences`` is the site's (tests/test_typography.py), which also runs
it over every page of the real site.
"""

import pytest
from test_typography import typeset_differences

from buildkit.french_typeset import NBSP, NNBSP, typeset_html

SNIPPETS = [
    "<p>R&D et AT&T ? Voir ?q=1er&a=2e</p>",
    "<p>a&b=1 ; c&d</p>",
    "<p>l&#39;a &eacute;t&eacute; ? &#34;Oui&#34; &#x27;x&#x27 a > b &amp</p>",
    "<![CDATA[l'a ? x]]><p>l'a ?</p>",
    "<!DOCTYPE html><!-- l'a ? 1er --><?xml l'a ?><p>l'a ?</p>",
    "<select><option>1er choix<option>2e choix</select><p>le 3e</p>",
    "<pre>l'a ; 1er</pre><code>a ? b</code><p>l'a ?</p>",
    "<p title=\"l'a ?\" data-x='a \"b\" ?'>l'a « b » : 1 000 €</p>",
    "<P CLASS=x>l'a ?</P ><BR><img alt=\"l'a ?\"/>",
    "<p>a  ; b\u00a0! 1er</p><script>l'a ?",
    "<ul><li>1re année<li>2e année</ul><p>3e</p>",
]


@pytest.mark.parametrize("page", SNIPPETS)
def test_nothing_but_the_typesetters_characters_change(page):
    out = typeset_html(page)
    assert typeset_differences(page, out) == []
    assert typeset_html(out) == out


def test_a_bare_ampersand_is_written_as_typed():
    assert typeset_html("<p>R&D et AT&T</p>") == "<p>R&D et AT&T</p>"
    assert typeset_html("<p>R&D ? Voir /?q=1er&a=2e</p>") == f"<p>R&D{NNBSP}? Voir /?q=1er&a=2e</p>"


def test_references_keep_their_bytes_in_a_changed_run():
    page = "<p>l&#39;&eacute;t&eacute; ? &#34;x&#34; a &gt; b</p>"
    assert typeset_html(page) == f"<p>l’&eacute;t&eacute;{NNBSP}? &#34;x&#34; a &gt; b</p>"
    assert typeset_html("<p>a&nbsp;: b</p>") == "<p>a&nbsp;: b</p>"
    assert typeset_html("<p>&amp; l'a « b » : 1 000 € ; 220 000 ; 2e</p>") == (
        f"<p>&amp; l’a «{NNBSP}b{NNBSP}»{NBSP}: 1{NNBSP}000{NNBSP}€{NNBSP}; 220{NNBSP}000{NNBSP}; 2<sup>e</sup></p>")


def test_markup_is_written_as_it_was():
    page = "<![CDATA[x]]><!--x--><!doctype html><?pi x?><P >a</P ></Div>"
    assert typeset_html(page) == page
    left_open = "<p>l'a</p><!-- l'a ? <p>l'a ?</p>"  # a comment left open runs to the end
    assert typeset_html(left_open) == "<p>l’a</p><!-- l'a ? <p>l'a ?</p>"


def test_an_option_without_its_end_tag_holds_ordinals_back_in_its_select_only():
    out = typeset_html("<select><option>1er<option>2e</select><p>3e</p>")
    assert out == "<select><option>1er<option>2e</select><p>3<sup>e</sup></p>"


def test_a_pages_name_stays_plain_in_links_and_headings():
    page = ('<nav><a href="/orientation/college/">En 3e au collège</a></nav>'
            "<h1>En 3e au collège</h1><p>Vous êtes en 3e, <a href=\"/\">2e choix</a></p>")
    assert typeset_html(page) == (
        '<nav><a href="/orientation/college/">En 3e au collège</a></nav>'
        '<h1>En 3e au collège</h1><p>Vous êtes en 3<sup>e</sup>, <a href="/">2e choix</a></p>')


def test_an_unknown_marked_section_is_markup_not_a_crash():
    # html.parser raises AssertionError on « <![foo[ »: the writer would stop the build
    page = "<p>a</p><![foo[ l'x ]]><p>l'a</p>"
    assert typeset_html(page) == "<p>a</p><![foo[ l'x ]]><p>l’a</p>"
