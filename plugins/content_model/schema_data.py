"""Declarations of the types kept in YAML data files: key figures, series, contact record.

Part of the content model declared in ``schema.py`` (which re-exports these names).
"""

from __future__ import annotations

from .model import (
    BOOLEAN, EMAIL, MONTH, NUMBER, OBJECTS, PHONE, SLUG, STRING, TEXT, URL, ContentType, Field,
)
from .schema_fields import VALID_AS_OF

# Key figures and series are counts, amounts and shares: never negative, and a
# share (unit "%") is a part of a whole, from 0 to 100. A growth rate is not typed
# in: the page computes the change of a series itself (data_pages/data_pages.py).
PERCENT = "%"
VALUE_HINT = "Nombre positif ou nul, sans espace ni unité ; avec l'unité %, de 0 à 100."
# The most points of a series (one table row each): a yearly series over 24 years or a
# monthly one over two years.
MAX_POINTS = 24

FIGURE = ContentType(
    name="figure",
    label="Chiffres clés",
    label_singular="Chiffre clé",
    data_file="data/figures.yaml",
    data_key="figures",
    id_field="id",
    url="chiffres-cles/",
    index_url="chiffres-cles/",
    fields=(
        Field("id", SLUG, "Identifiant"),
        # Searched as the page shows it: its title is the number and the label.
        Field("label", STRING, "Libellé", max_length=120, hint="Ce que mesure le chiffre.",
              search=("title",)),
        Field("value", NUMBER, "Valeur", minimum=0, unit_maximum=((PERCENT, 100),),
              hint=VALUE_HINT),
        Field("unit", STRING, "Unité", required=False,
              hint="% (une part, de 0 à 100), M€, élèves…"),
        Field("approx", BOOLEAN, "Valeur approchée (« environ »)", required=False, default=False),
        Field("detail", STRING, "Précision", required=False, search=("summary",)),
        Field("period", STRING, "Année ou période", hint="2022, 2019-2022, depuis 2019…",
              search=("summary", "keywords")),
        Field("source", STRING, "Source", search=("body",)),
        VALID_AS_OF,
        Field(
            "featured", BOOLEAN, "Afficher sur la page d'accueil", required=False,
            default=False,
        ),
    ),
)

SERIES = ContentType(
    name="series",
    label="Séries de chiffres",
    label_singular="Série",
    data_file="data/figures.yaml",
    data_key="series",
    id_field="id",
    url="chiffres-cles/",
    fields=(
        Field("id", SLUG, "Identifiant"),
        Field("label", STRING, "Titre de la série", max_length=120),
        Field("unit", STRING, "Unité", hint="élèves, entreprises, % (une part, de 0 à 100)…"),
        Field("source", STRING, "Source"),
        Field(
            "points", OBJECTS, "Valeurs", min_items=2, max_items=MAX_POINTS,
            hint=f"De 2 à {MAX_POINTS} valeurs, de la plus ancienne à la plus récente.",
            fields=(
                Field("period", STRING, "Année ou période", max_length=20,
                      hint="2019, 2019-2020, 1er semestre 2022…"),
                Field("value", NUMBER, "Valeur", minimum=0, unit_maximum=((PERCENT, 100),),
                      hint=VALUE_HINT),
            ),
        ),
    ),
)

# Hall 32's own contact data and the facts the site states about it, one record (a
# mapping, not a list): everything is optional, since only the address is known; a page
# leaves out what is empty, with the sentence that needs it. A contact channel (phone,
# e-mail or form) decides whether pages invite to contact Hall 32
# (theme/templates/components/invite.html).
ORGANISATION = ContentType(
    name="organisation",
    label="Coordonnées de Hall 32",
    label_singular="Coordonnées",
    data_file="data/organisation.yaml",
    id_field="",
    url="contact/",
    fields=(
        Field("name", STRING, "Nom", required=False, max_length=90,
              hint="Par défaut, le nom du site (Hall 32)."),
        Field("street", STRING, "Adresse : numéro et rue", required=False, max_length=120),
        Field("postal_code", STRING, "Code postal", required=False, max_length=10),
        Field("city", STRING, "Ville", required=False, max_length=60),
        Field("phone", PHONE, "Téléphone", required=False, hint="Par exemple 04 73 00 00 00."),
        Field("email", EMAIL, "Adresse électronique", required=False),
        Field("contact_form", URL, "Formulaire de contact : adresse", required=False,
              hint="Adresse complète en https:// d'un formulaire en ligne. Sans téléphone, "
              "courriel ni formulaire, les pages n'invitent pas à contacter Hall 32 : elles "
              "donnent l'adresse."),
        Field("opening_hours", TEXT, "Horaires d'accueil", required=False, max_length=300,
              hint="Une ligne par jour ou par période."),
        Field("companies_email", EMAIL, "Entreprises : adresse électronique", required=False),
        Field("companies_phone", PHONE, "Entreprises : téléphone", required=False),
        Field("disability_email", EMAIL, "Handicap et accessibilité : adresse électronique",
              required=False, hint="Contact des personnes en situation de handicap "
              "(accueil, formation, accessibilité du site)."),
        Field("disability_phone", PHONE, "Handicap et accessibilité : téléphone", required=False),
        Field(
            "social", OBJECTS, "Réseaux sociaux", required=False, default=(), max_items=10,
            fields=(
                Field("name", STRING, "Réseau", max_length=40, hint="LinkedIn, Instagram…"),
                Field("url", URL, "Adresse de la page", hint="Adresse complète en https://"),
            ),
        ),
        Field("publisher", STRING, "Éditeur du site", required=False, max_length=160,
              hint="Tel qu'il suit « Ce site est édité par » dans les mentions légales : "
              "« l'association 2ARAMI (…), association loi 1901 »."),
        Field("publisher_address", STRING, "Éditeur du site : adresse du siège", required=False,
              max_length=160, hint="L'adresse du siège de l'éditeur (pas forcément celle de "
              "Hall 32)."),
        Field("publication_director", STRING, "Directeur ou directrice de la publication",
              required=False, max_length=90),
        Field("host_name", STRING, "Hébergeur du site : nom", required=False, max_length=90),
        Field("host_address", STRING, "Hébergeur du site : adresse", required=False,
              max_length=160),
        Field("host_phone", PHONE, "Hébergeur du site : téléphone", required=False),
        # What the site says of Hall 32 outside the pages' text: header, titles, social
        # cards, the data for search engines (seo/jsonld.py, seo/cards.py).
        Field("tagline", STRING, "Phrase sous le nom du site", required=False, max_length=90,
              hint="En-tête, pied de page, titre de la page d'accueil, images de partage. "
              "Seulement ce qu'une source dit."),
        Field("home_kicker", STRING, "Mention au-dessus du titre de la page d'accueil",
              required=False, max_length=40, hint="Par exemple « École 100 % gratuite » "
              "(source : présentation « Qui sommes-nous ? »)."),
        Field("description", TEXT, "Présentation en une phrase (moteurs de recherche)",
              required=False, max_length=300),
        Field("founding_date", MONTH, "Ouverture (mois)", required=False,
              hint="AAAA-MM, par exemple 2019-09."),
        Field("parent_name", STRING, "Association gestionnaire : sigle", required=False,
              max_length=40),
        Field("parent_full_name", STRING, "Association gestionnaire : nom complet",
              required=False, max_length=160),
    ),
)


# What the home page and the listing pages say of Hall 32 besides their entries: one record,
# every field optional like organisation's (an empty one is left out of the page).
# A listing's introduction is also its description for search engines and the site's search.
TEXTS = ContentType(
    name="texts",
    label="Textes de l'accueil et des rubriques",
    label_singular="Textes",
    data_file="data/textes.yaml",
    id_field="",
    fields=(
        Field("missions", OBJECTS, "Accueil : les missions", required=False, max_items=6, fields=(
            Field("name", STRING, "Mission", max_length=30),
            Field("text", TEXT, "En une phrase", max_length=200),
        )),
        *(Field(name, TEXT, f"Accueil : « {audience} »", required=False, max_length=200) for name, audience in (
            ("for_young", "Jeunes"), ("for_parents", "Parents et enseignants"),
            ("for_adults", "Adultes en reconversion"), ("for_companies", "Entreprises"))),
        *(Field(f"intro_{name}", TEXT, f"Introduction de la page « {label} »", required=False, max_length=300,
                hint="Sous le titre de la page ; aussi sa description pour les moteurs de recherche.")
          for name, label in (("metier", "Métiers"), ("formation", "Formations"),
                              ("partner", "Partenaires"), ("actualite", "Actualités"),
                              ("evenement", "Événements"), ("figure", "Chiffres clés"))),
    ),
)
