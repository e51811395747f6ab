"""content_model/language.py's people nouns (issue 27 item 4): a declared noun written in
the masculine alone in a sentence is reported with what to write; with its feminine, or
in an epicene form, it is not."""

from __future__ import annotations

from content_model import language


def test_a_masculine_alone_is_reported_with_what_to_write():
    assert language.people_problems("Il travaille avec les ingénieurs.") == [
        "« ingénieurs » sans « ingénieures » : écrire « les ingénieurs et ingénieures »"]
    assert len(language.people_problems("Un maître d’apprentissage ou un tuteur l’accompagne.")) == 2


def test_both_genders_or_an_epicene_form_pass():
    for sentence in ("Les opérateurs et opératrices règlent la ligne.",
                     "Les alternantes et alternants guident la visite.",
                     "Le personnel enseignant et les élèves visitent l’atelier.",
                     "Un maître ou une maîtresse d'apprentissage, un tuteur ou une tutrice.",
                     "Les ingénieures et les ingénieurs conçoivent."):
        assert language.people_problems(sentence) == [], sentence


def test_every_declared_noun_has_a_distinct_feminine():
    for masculine, feminine, advice in language.PEOPLE:
        assert masculine != feminine and advice
        assert language.people_problems(masculine) and not language.people_problems(
            f"{masculine} et {feminine}")
