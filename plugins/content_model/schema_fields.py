"""Fields shared by several content types, and the search fields they feed.

Part of the content model declared in ``schema.py`` (which re-exports these names).
"""

from __future__ import annotations

from .model import (
    CHOICES, IMAGE, INTEGER, MONTH, SELECT, SLUG, STRING, STRINGS, TEXT, Field,
    options as _options,
)

# The site search's index fields and their boosts. Each Field names those it feeds (``search``);
# a type's Markdown body feeds ``headings`` (its headings) and ``body`` (the rest of its text).
SEARCH_FIELDS = (("title", 10), ("keywords", 6), ("summary", 3), ("headings", 2), ("body", 1))
# Distinct words one document may bring to the search index's entry (docs/untrusted-content.md).
SEARCH_MAX_WORDS = 1_500

# The sections a type's template adds to each of its pages, not written in its Markdown
# (« Comment candidater » on every programme): their headings are searched with the page
# as ``headings`` (plugins/search_index), so « candidater » finds the programmes; the
# sections' text comes from fields already searched (admission, duration…).
# tests/test_search.py checks each heading is on every built page of its type.
TEMPLATE_HEADINGS = {
    "formation": ("L'essentiel", "Comment candidater"),
    "metier": ("Formations qui y mènent", "Compétences", "Où s'exerce ce métier"),
}

STATUS = Field(
    "status", SELECT, "Statut", required=False, default="published",
    options=_options("published", "Publié", "draft", "Brouillon"),
    hint="Un brouillon n'apparaît pas sur le site.",
)
TITLE = Field("title", STRING, "Titre", max_length=90, search=("title",))
SLUG_FIELD = Field(
    "slug", SLUG, "Identifiant d'adresse (slug)",
    hint="Minuscules sans accents et tirets, par exemple technicien-maintenance. "
    "Il forme l'adresse de la page : ne le changez plus après publication.",
)
SUMMARY = Field(
    "summary", TEXT, "Résumé", max_length=220, search=("summary",),
    hint="Une ou deux phrases : elles apparaissent dans les listes, la recherche "
    "et les moteurs de recherche.",
)
IMAGE_FIELD = Field("image", IMAGE, "Image", required=False)
IMAGE_ALT = Field(
    "image_alt", STRING, "Texte alternatif de l'image", required=False,
    hint="Décrit l'image pour qui ne la voit pas. Obligatoire si une image est donnée.",
)
ORDER = Field(
    "order", INTEGER, "Ordre d'affichage", required=False,
    hint="Les plus petits nombres viennent en premier.",
)
KEYWORDS = Field(
    "keywords", STRINGS, "Mots-clés de recherche", min_items=1, max_items=40, search=("keywords",),
    hint="Synonymes que les visiteurs tapent : fraiseur, usineur, soudure…",
)

# Who a piece of content is for, declared once: events say whom they welcome, and
# pages written for one audience (alternance: parents; Pôle Industrie: companies)
# announce the events for it.
AUDIENCES = _options(
    "jeunes", "Jeunes",
    "parents", "Parents",
    "enseignants", "Personnel enseignant",
    "adultes", "Adultes (en poste ou en recherche d'emploi)",
    "entreprises", "Entreprises",
)


def audiences_field(hint: str, search: tuple[str, ...] = ()) -> Field:
    return Field("audiences", CHOICES, "Publics", required=False, default=(),
                 options=AUDIENCES, hint=hint, search=search)


# Whom a programme is for, finer than AUDIENCES: the first question of the orientation
# path (plugins/orientation), which lists the programmes declaring the visitor's profile.
PROFILES = _options(
    "college", "Collégiens et collégiennes de 3e",
    "lycee", "Lycéens, lycéennes et titulaires du bac (vers un BTS)",
    "jeunes-sans-solution", "Jeunes de 16 à 25 ans sans école ni emploi",
    "salaries", "Salariés et salariées",
    "demandeurs-emploi", "Demandeurs et demandeuses d'emploi",
    "refugies", "Personnes réfugiées",
    "entreprises", "Entreprises",
)

# When the facts of a programme, a page or a key figure were true or last checked:
# pages show it ("Informations de décembre 2022") and the health report lists the
# entries older than 12 months, and those without it (plugins/health).
VALID_AS_OF = Field(
    "valid_as_of", MONTH, "Informations valables en", required=False,
    hint="Mois (AAAA-MM, par exemple 2022-12) ou année (AAAA) où ces informations "
    "étaient exactes ou ont été vérifiées : celle du document source. Laissez vide si "
    "vous ne savez pas : le rapport d'état du site le signale.",
)
