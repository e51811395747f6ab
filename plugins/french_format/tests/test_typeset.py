"""French typesetting of rendered HTML: text nodes only, tricky input."""

from french_format.typeset import NBSP, NNBSP, typeset_html, typeset_text


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
