"""The sentence counter of buildkit/sentences.py: words, sentence ends, prose blocks of a
Markdown body and of a built page, and the limits' French messages."""

from __future__ import annotations

from buildkit import sentences as st
from prose import of_html


def test_words_join_elisions_and_hyphens():
    assert st.words("L’usineur ou l’usineuse règle peut-être la machine.") == 7
    assert st.words("13,8 M€ en 2017 : 30 %") == 6


def test_sentences_end_before_a_capital_a_digit_a_quote_or_the_end():
    assert st.split("Il règle la machine. Elle contrôle ! « Pourquoi ? » 3 ans suffisent… fin") == [
        "Il règle la machine.", "Elle contrôle !", "« Pourquoi ? »", "3 ans suffisent… fin"]
    assert st.split("Un Bac Pro, etc. puis un BTS.") == ["Un Bac Pro, etc. puis un BTS."]


def test_markdown_prose_leaves_out_headings_and_tables_and_keeps_lines():
    body = ("\n## Le métier\n\nUne phrase [avec un lien](/x/) et **du gras**.\nSuite du "
            "paragraphe.\n\n- Un élément de liste\n\n| a | b |\n")
    measure = st.of_markdown(body, first_line=10)
    assert [(x.text, x.line) for x in measure.sentences] == [
        ("Une phrase avec un lien et du gras.", 13), ("Suite du paragraphe.", 13),
        ("Un élément de liste", 16)]


def test_built_page_prose_is_the_h32_prose_block_only():
    html = ('<main><p>Hors du texte, jamais compté ici.</p><div class="h32-prose"><h2>Titre</h2>'
            '<p>Une <a href="/x/">phrase</a> courte.<br>Une autre.</p><ul><li>Un point</li></ul>'
            '</div><p>Après.</p></main>')
    assert [x.text for x in of_html(html).sentences] == ["Une phrase courte.", "Une autre.",
                                                             "Un point"]


def test_limits_and_their_messages():
    long = " ".join(["mot"] * (st.MAX_WORDS + 1)) + "."
    measure = st.Measure([st.Sentence(long, 7), st.Sentence("Court.", 8)])
    assert not measure.ok and measure.too_long == [measure.sentences[0]]
    problems = measure.problems()
    assert problems[0].startswith(f"{measure.average:.1f} mots par phrase en moyenne (au plus "
                                  f"{st.MAX_AVERAGE}) ; la plus longue, {st.MAX_WORDS + 1} mots, ligne 7")
    assert problems[1].startswith(f"phrase de {st.MAX_WORDS + 1} mots (au plus {st.MAX_WORDS}), ligne 7")
    assert st.Measure([st.Sentence("Une phrase de cinq mots.")]).ok
