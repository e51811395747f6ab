"""The content model of the Hall 32 site, declared once.

Every content type and every field is declared here or beside it (``schema_fields.py``,
``schema_dated.py``, ``schema_data.py``; the kinds and classes in ``model.py``); import
``schema`` only: it re-exports every name. Validation, the CMS configuration, templates and
search all derive from these declarations. Labels and hints are French: editors see them.
"""

from __future__ import annotations

from .model import (  # noqa: F401  (re-exported: schema is the one import)
    BOOLEAN, CHOICES, DATETIME, EMAIL, IMAGE, INTEGER, KINDS, MONTH, NUMBER, OBJECTS, PHONE,
    REFS, SELECT, SLUG, STRING, STRINGS, TEXT, URL, ContentType, Field, options as _options,
)
from .schema_data import (  # noqa: F401
    FIGURE, MAX_POINTS, ORGANISATION, PERCENT, SERIES, TEXTS, VALUE_HINT,
)
from .schema_dated import EVENT, NEWS
from .schema_fields import (  # noqa: F401
    AUDIENCES, IMAGE_ALT, IMAGE_FIELD, KEYWORDS, ORDER, PROFILES, SEARCH_FIELDS,
    SEARCH_MAX_WORDS, SLUG_FIELD,
    STATUS, SUMMARY, TEMPLATE_HEADINGS, TITLE, VALID_AS_OF, audiences_field,
)

METIER = ContentType(
    name="metier",
    label="Métiers",
    label_singular="Métier",
    folder="metiers",
    body=True,
    url="metiers/{slug}/",
    index_url="metiers/",
    fields=(
        TITLE,
        SLUG_FIELD,
        SUMMARY,
        Field(
            "family", SELECT, "Famille de métiers", search=("body",),
            options=_options(
                "maintenance", "Maintenance",
                "production", "Production",
                "usinage", "Usinage",
                "chaudronnerie-soudure", "Chaudronnerie et soudure",
                "electricite-electronique", "Électricité et électronique",
                "conception", "Conception et méthodes",
                "industrie-du-futur", "Industrie du futur",
            ),
        ),
        Field("skills", STRINGS, "Compétences", min_items=1, search=("body",)),
        Field("workplaces", STRINGS, "Où s'exerce le métier", min_items=1, search=("body",)),
        # A claim about the world is shown with when it was true and who said so
        # (« Métier qui recrute en 2022, selon … »): rules.REQUIREMENTS makes both
        # required when the box is ticked, in the build and in the CMS.
        Field(
            "in_demand", BOOLEAN, "Métier qui recrute", required=False, default=False,
            hint="Cochez seulement si une source le dit (métier en tension), et donnez "
            "l'année et la source : la page affiche « Métier qui recrute en 2022, selon … ».",
        ),
        Field("in_demand_as_of", MONTH, "Métier qui recrute : année de la source",
              required=False, hint="Année (AAAA) ou mois (AAAA-MM) où la source le disait."),
        Field("in_demand_source", STRING, "Métier qui recrute : source", required=False,
              max_length=120, hint="Le document qui le dit, tel qu'il suit « selon » sur la "
              "page : « le dossier de presse « Hall 32 fête ses trois ans » (2022) »."),
        KEYWORDS,
        IMAGE_FIELD,
        IMAGE_ALT,
        ORDER,
        STATUS,
    ),
)

# A partner's role is its role today; what it was before (a founder in 2017, replaced by a
# successor since) is in `founder` and `history`. The footer lists today's roles only.
# No « partenaire depuis » year: it tells as current a link the sources date only once
# (docs/verite-des-contenus.md); a dated step goes in `history`.
PARTNER_ROLES = _options(
    "operateur", "Association gestionnaire",
    "porteur", "Partenaires qui portent Hall 32",
    "financeur", "Financeurs",
    "programme", "Partenaires des programmes",
    "ancien", "Partenaires d'origine, remplacés depuis",
)

PARTNER = ContentType(
    name="partner",
    label="Partenaires",
    label_singular="Partenaire",
    data_file="data/partners.yaml",
    data_key="partners",
    id_field="id",
    url="partenaires/",
    index_url="partenaires/",
    fields=(
        Field("id", SLUG, "Identifiant", hint="Minuscules et tirets, par exemple banque-de-france."),
        Field("name", STRING, "Nom", max_length=90, search=("title",)),
        Field("role", SELECT, "Rôle aujourd'hui", options=PARTNER_ROLES, search=("keywords",),
              hint="Le rôle actuel. Un partenaire remplacé (Opcalia par AKTO) est « Partenaires "
              "d'origine, remplacés depuis » ; son successeur porte le rôle actuel."),
        Field("founder", BOOLEAN, "Partenaire fondateur en 2017", required=False, default=False,
              hint="Seulement pour les six partenaires fondateurs du projet en 2017 (source "
              "de 2017) : Michelin, Opcalia, Banque de France, Limagrain, ViaMéca, rectorat. "
              "Un successeur n'est pas un fondateur."),
        Field(
            "history", OBJECTS, "Historique", required=False, default=(), max_items=10,
            hint="Les étapes datées par une source, de la plus ancienne à la plus récente.",
            fields=(
                Field("year", INTEGER, "Année", minimum=1900, maximum=2999),
                Field("event", STRING, "Ce qui s'est passé", max_length=160),
            ),
        ),
        Field("description", TEXT, "Description", max_length=400, search=("summary",)),
        Field("url", URL, "Site web", required=False, hint="Adresse complète en https://"),
        Field("logo", IMAGE, "Logo", required=False),
        Field(
            "funding", INTEGER, "Financement (euros)", required=False,
            hint="Montant en euros, sans espace ni symbole : 13800000. Avec sa date et sa "
            "source : la page affiche « Financement : 13,8 M€ en mars 2017, selon … ».",
        ),
        Field("funding_as_of", MONTH, "Financement : date de la source", required=False,
              hint="Mois (AAAA-MM) ou année (AAAA) du document qui donne le montant."),
        Field("funding_source", STRING, "Financement : source", required=False, max_length=160,
              hint="Le document qui donne le montant, tel qu'il suit « selon » sur la "
              "page : « l'article « … » (2017) »."),
    ),
)

FORMATION = ContentType(
    name="formation",
    label="Formations",
    label_singular="Formation",
    folder="formations",
    body=True,
    url="formations/{slug}/",
    index_url="formations/",
    fields=(
        TITLE,
        SLUG_FIELD,
        SUMMARY,
        Field(
            "level", SELECT, "Type de formation", search=("body",),
            options=_options(
                "bac-pro", "Bac Pro",
                "bts", "BTS",
                "formation-continue", "Formation continue",
                "parcours", "Parcours vers l'emploi",
            ),
        ),
        Field("audience", TEXT, "Public", search=("body",)),
        Field(
            "audiences", CHOICES, "Publics (parcours « Quelle formation pour moi ? »)",
            required=False, default=(), options=PROFILES,
            hint="Les profils à qui la formation s'adresse : le parcours d'orientation la "
            "propose à ces profils. Vide : elle n'y apparaît pas.",
        ),
        Field("duration", STRING, "Durée", search=("body",)),
        Field("rhythm", STRING, "Rythme", search=("body",)),
        Field("admission", TEXT, "Admission", search=("body",)),
        # « Comment candidater » on the programme's page: each part only when filled,
        # and only from a source (never an invented date, document or contact).
        Field("admission_steps", STRINGS, "Étapes pour candidater", required=False,
              default=(), max_items=10, hint="Une étape par ligne, dans l'ordre."),
        Field("admission_when", STRING, "Quand candidater", required=False, max_length=160),
        Field("admission_contact", STRING, "Qui contacter pour candidater", required=False,
              max_length=160),
        Field("admission_documents", STRINGS, "Documents à fournir", required=False,
              default=(), max_items=15),
        # No default: a cost is shown (and put in JSON-LD) only when written, from a
        # source ("école 100 % gratuite" covers the young people in work-study only).
        Field("cost", STRING, "Coût", required=False,
              hint="Seulement si une source le dit (par exemple « Gratuit » pour les Bacs Pro "
              "et BTS en alternance) ; laissez vide sinon : la page n'affiche aucun coût."),
        Field(
            "past_run", STRING, "Session passée", required=False, max_length=120,
            hint="Seulement si la seule session connue a déjà eu lieu, par exemple « Parcours "
            "mené en 2021 avec 8 jeunes » : la page l'annonce au lieu d'inviter à s'inscrire.",
        ),
        VALID_AS_OF,
        Field(
            "metiers", REFS, "Métiers visés", ref="metier", required=False, default=(),
            reverse="formations",
            hint="Les pages métiers affichent d'elles-mêmes les formations qui y mènent.",
        ),
        Field(
            "partners", REFS, "Partenaires", ref="partner", required=False, default=(),
            reverse="formations",
        ),
        Field("keywords", STRINGS, "Mots-clés de recherche", required=False, default=(),
              search=("keywords",)),
        IMAGE_FIELD,
        IMAGE_ALT,
        ORDER,
        STATUS,
    ),
)

PAGE = ContentType(
    name="page",
    label="Pages",
    label_singular="Page",
    folder="pages",
    body=True,
    url="{slug}/",
    fields=(
        TITLE,
        SLUG_FIELD,
        SUMMARY,
        Field(
            "layout", SELECT, "Mise en page", required=False, default="page",
            options=_options(
                "page", "Page simple",
                "accueil", "Page d'accueil",
                "plan-du-site", "Plan du site",
                "contact", "Contact (avec les coordonnées et les prochains événements)",
                "mentions-legales", "Mentions légales (avec l'éditeur et l'hébergeur)",
                "accessibilite", "Déclaration d'accessibilité (avec le contact accessibilité)",
            ),
            hint="Une seule page d'accueil : elle est publiée à la racine du site. Les "
            "coordonnées viennent de « Coordonnées de Hall 32 » (données du site).",
        ),
        Field(
            "menu", INTEGER, "Position dans le menu principal", required=False,
            hint="Laissez vide pour ne pas mettre la page dans le menu.",
        ),
        Field(
            "menu_label", STRING, "Libellé court dans le menu", required=False, max_length=30,
            hint="Par défaut, le titre de la page.",
        ),
        Field(
            "footer", BOOLEAN, "Lien en pied de page", required=False, default=False,
        ),
        Field("keywords", STRINGS, "Mots-clés de recherche", required=False, default=(),
              hint="Synonymes que les visiteurs tapent pour trouver cette page.",
              search=("keywords",)),
        VALID_AS_OF,  # for a page that states dated facts (figures, plans)
        audiences_field("Pour une page écrite pour ces publics : elle annonce leurs "
                        "prochains événements."),
        STATUS,
    ),
)

TYPES: tuple[ContentType, ...] = (METIER, FORMATION, NEWS, EVENT, PAGE, PARTNER, FIGURE, SERIES,
                                  ORGANISATION, TEXTS)
BY_NAME = {t.name: t for t in TYPES}
MARKDOWN_TYPES = tuple(t for t in TYPES if t.folder)
DATA_TYPES = tuple(t for t in TYPES if t.data_file)


def type_for_folder(folder: str) -> ContentType | None:
    for t in MARKDOWN_TYPES:
        if t.folder == folder:
            return t
    return None
