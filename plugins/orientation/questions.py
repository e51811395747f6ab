"""The words of the orientation path: plain French for each answer of its questions.

The answers themselves come from the schema (content_model.schema.PROFILES for "who
are you", the trade families of METIER for "what attracts you"); this file only says
them in a 15-year-old's words. An id of the schema missing here still works (its
schema label is shown) and fails plugins/orientation/tests/test_plan.py.
"""

from __future__ import annotations

from dataclasses import dataclass

ROOT = "orientation/"
# Answers that are not schema ids (tested: never equal to one).
HELPER = "parent-ou-enseignant"  # a parent or a teacher, who then chooses for whom
ANY_FAMILY = "je-ne-sais-pas"  # "I don't know yet": every programme of the profile


@dataclass(frozen=True)
class ProfileWords:
    me: str  # the answer to "Vous êtes…", first person
    them: str  # the answer to "Pour qui cherchez-vous ?" (parents, teachers)
    short: str  # the profile in a summary line: « Vous êtes : … »
    events: tuple[str, ...]  # schema.AUDIENCES whose events the result announces


PROFILES = {
    "college": ProfileWords(
        "Je suis en 3e, au collège", "Un collégien ou une collégienne de 3e",
        "en 3e au collège", ("jeunes", "parents")),
    "lycee": ProfileWords(
        "Je suis au lycée, ou j'ai le bac", "Un lycéen ou une lycéenne, ou un jeune qui a le bac",
        "au lycée ou titulaire du bac", ("jeunes", "parents")),
    "jeunes-sans-solution": ProfileWords(
        "J'ai entre 16 et 25 ans, sans école ni emploi",
        "Un ou une jeune de 16 à 25 ans, sans école ni emploi",
        "jeune de 16 à 25 ans sans école ni emploi", ("jeunes", "parents")),
    "salaries": ProfileWords(
        "Je suis salarié ou salariée", "", "salarié ou salariée", ("adultes",)),
    "demandeurs-emploi": ProfileWords(
        "Je cherche un emploi", "", "à la recherche d'un emploi", ("adultes",)),
    "refugies": ProfileWords(
        "Je suis réfugié ou réfugiée", "", "réfugié ou réfugiée", ("adultes",)),
    "entreprises": ProfileWords(
        "Je représente une entreprise", "", "une entreprise", ("entreprises",)),
}
HELPER_WORDS = ("Je suis parent, ou enseignant ou enseignante",
                "Vous choisirez ensuite pour qui vous cherchez.")


@dataclass(frozen=True)
class FamilyWords:
    answer: str  # what one does, as the link's text
    hint: str  # one more line under it


FAMILIES = {
    "maintenance": FamilyWords("Réparer des machines",
                               "Trouver les pannes, entretenir, remettre en marche."),
    "production": FamilyWords("Faire tourner une ligne de production",
                              "Régler et surveiller des machines automatisées."),
    "usinage": FamilyWords("Fabriquer des pièces",
                           "Usiner des pièces précises sur des machines-outils."),
    "chaudronnerie-soudure": FamilyWords("Souder et assembler",
                                         "Couper, former et assembler le métal."),
    "electricite-electronique": FamilyWords("L'électricité",
                                            "Câbler, raccorder et tester des circuits."),
    "conception": FamilyWords("Dessiner et concevoir",
                              "Imaginer des produits et préparer leur fabrication."),
    "industrie-du-futur": FamilyWords("Les robots et l'impression 3D",
                                      "Robotique et fabrication additive."),
}
ANY_FAMILY_WORDS = FamilyWords("Je ne sais pas encore",
                               "Voir toutes les formations qui vous sont ouvertes.")


def profile_words(profile_id: str, label: str) -> ProfileWords:
    """The words of a profile; a profile added to the schema only is said with its label."""
    return PROFILES.get(profile_id) or ProfileWords(label, label, label.lower(), ())


def family_words(family_id: str, label: str) -> FamilyWords:
    return FAMILIES.get(family_id) or FamilyWords(label, "")
