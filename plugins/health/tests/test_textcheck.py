"""The text heuristics: what they flag and what they leave, on sentences of the site's kind."""

from __future__ import annotations

import pytest

from health.textcheck import old_years_in_present, sentences, upcoming_phrases

FLAGGED = [
    "Hall 32 propose en 2022 quatre Bacs Pro.",
    "Depuis 2019, 30 entreprises ont fait appel au Pôle Industrie.",  # "since": until now
    "Le programme, lancé en 2022, est actuellement en cours.",
    "Hall 32 accueille 197 élèves (chiffre de 2022).",
    "Le [projet de 2017](/x/) **vise** 300 apprenants.",  # links and emphasis read as text
]
LEFT = [
    "En 2022, 54 % des élèves ont poursuivi leurs études.",  # passé composé
    "En 2021, seulement 30 % des personnes qui travaillaient dans l'industrie étaient des femmes.",
    "- **2014** : des industriels unissent leurs forces et créent le réseau.",  # a timeline
    "Septembre 2019 : Hall 32 ouvre ses portes.",
    "Entre 2019 et 2022, 30 entreprises ont fait appel au Pôle Industrie.",
    "Il est inauguré le 13 septembre 2019 en présence de la ministre du Travail.",
    "Pôle emploi, devenu France Travail en 2024, est partenaire.",  # 2024: two years ago
    "La première session s'est déroulée au deuxième trimestre 2022.",
    "En 2022, Hall 32 prenait part à ce programme.",
    "Hall 32 propose un parcours du Bac Pro au BTS.",  # no year at all
]


@pytest.mark.parametrize("sentence", FLAGGED)
def test_old_years_in_the_present_are_flagged(sentence):
    assert old_years_in_present(sentence, 2026)


@pytest.mark.parametrize("sentence", LEFT)
def test_past_tense_timelines_and_recent_years_are_left(sentence):
    assert old_years_in_present(sentence, 2026) == []


def test_sentences_keep_their_line_numbers():
    text = "Premier paragraphe. Deuxième phrase !\n\n- Un élément de liste\n"
    assert sentences(text, 10) == [(10, "Premier paragraphe."), (10, "Deuxième phrase !"),
                                   (12, "Un élément de liste")]


def test_upcoming_phrases_in_an_event_text():
    text = "Les portes ouvertes auront lieu le 12 mars.\nMerci à toutes et à tous.\n**Inscrivez-vous** vite !"
    assert upcoming_phrases(text, 5) == [(5, "auront lieu"), (7, "Inscrivez-vous")]
    assert upcoming_phrases("La journée a réuni 300 visiteurs.") == []
