"""French typesetting of rendered HTML: text nodes only, tricky input."""

from buildkit.french_typeset import NBSP, NNBSP, typeset_html, typeset_text


def test_text_rules():
    assert typeset_text("Pourquoi ? Parce que ! Voici : « Campus » ; fin") == (
        f"Pourquoi{NNBSP}? Parce que{NNBSP}! Voici{NBSP}: «{NNBSP}Campus{NNBSP}»{NNBSP}; fin")
    assert typeset_text("l'école d'AKTO") == "l’école d’AKTO"
    assert typeset_text("100 % gratuite, 30 M€, 10 000 m², 220 000 postes") == (
        f"100{NNBSP}% gratuite, 30{NNBSP}M€, 10{NNBSP}000{NNBSP}m², 220{NNBSP}000 postes")


def test_what_must_not_change():
    assert typeset_text("à 10:30, https://www.akto.fr/?q=x") == "à 10:30, https://www.akto.fr/?q=x"
    assert typeset_text('He said "hello"') == 'He said "hello"'
    assert typeset_text("117 en 2019 et 197 en 2022 680 jeunes") == "117 en 2019 et 197 en 2022 680 jeunes"


def test_only_text_nodes():
    page = ('<!DOCTYPE html><html lang="fr"><head><title>L\'école ?</title>'
            '<meta name="description" content="l\'école ? oui">'
            '<script type="application/ld+json">{"name":"l\'école ?"}</script>'
            '<style>a::after{content:" ?"}</style></head>'
            '<body><p title="a ? b">Qu&#39;est-ce ? <a href="/recherche/?q=l\'école : x">l\'école</a>'
            ' <code>x = a ? b : c</code> <pre>l\'a ; b</pre><!-- l\'a ? --></p></body></html>')
    out = typeset_html(page)
    assert f"<title>L’école{NNBSP}?</title>" in out
    assert '<meta name="description" content="l\'école ? oui">' in out
    assert '{"name":"l\'école ?"}' in out and 'content:" ?"' in out
    assert '<p title="a ? b">' in out and 'href="/recherche/?q=l\'école : x"' in out
    assert f"Qu’est-ce{NNBSP}? " in out and ">l’école</a>" in out
    assert "<code>x = a ? b : c</code>" in out and "<pre>l'a ; b</pre>" in out
    assert "<!-- l'a ? -->" in out


def test_a_page_without_anything_to_change_is_byte_identical():
    page = '<!DOCTYPE html>\n<p class="x">Texte&nbsp;&amp; suite<br/>fin</p>\n'
    assert typeset_html(page) == page


def test_ordinals_are_raised_in_running_text():
    page = "<p>le 1er juillet 1901, les classes de 3e, la 2nde et les 1res, le XXIe</p>"
    assert typeset_html(page) == ("<p>le 1<sup>er</sup> juillet 1901, les classes de 3<sup>e</sup>, "
                                  "la 2<sup>nde</sup> et les 1<sup>res</sup>, le XXIe</p>")
    assert typeset_html("<li>2e trimestre</li><dd>en 3e <a href=\"/x/\">changer</a></dd>") == (
        "<li>2<sup>e</sup> trimestre</li><dd>en 3<sup>e</sup> <a href=\"/x/\">changer</a></dd>")


def test_ordinals_are_left_where_markup_cannot_go_or_is_not_wanted():
    page = ('<head><title>Le 1er mai</title></head><h1>Le 1er mai</h1><h2>3e</h2>'
            '<a href="/orientation/college/">En 3e au collège</a>'
            '<select><option>1er</option></select><svg><text>1er semestre</text></svg>'
            '<p title="le 1er"><code>1er</code> <a href="/2e/">1e6, 2,5e, https://x.fr/2e, a3e, 2e-3</a></p>')
    assert typeset_html(page) == page


def test_ordinals_after_the_elements_that_hold_them_back():
    out = typeset_html("<h1>1er</h1><p>1er</p><svg><text>2e</text></svg><p>2e</p>")
    assert out == "<h1>1er</h1><p>1<sup>er</sup></p><svg><text>2e</text></svg><p>2<sup>e</sup></p>"


def test_typesetting_twice_changes_nothing_more():
    page = "<p>Le 1er mai : l'école ? 100 % gratuite</p>"
    assert typeset_html(typeset_html(page)) == typeset_html(page)
