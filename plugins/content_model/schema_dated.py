"""Declarations of the dated types: news items and events.

Part of the content model declared in ``schema.py`` (which re-exports these names).
"""

from __future__ import annotations

from .model import (
    DATETIME, REFS, SELECT, STRING, STRINGS, URL, ContentType, Field, options as _options,
)
from .schema_fields import (
    IMAGE_ALT, IMAGE_FIELD, SLUG_FIELD, STATUS, SUMMARY, TITLE, audiences_field,
)

NEWS = ContentType(
    name="actualite",
    label="Actualités",
    label_singular="Actualité",
    folder="actualites",
    body=True,
    url="actualites/{year}/{slug}/",
    index_url="actualites/",
    fields=(
        TITLE,
        SLUG_FIELD,
        Field(
            "date", DATETIME, "Date de publication", partial=True,
            hint="AAAA-MM-JJ HH:mm (heure de Paris) ou AAAA-MM-JJ, par exemple 2026-11-20 10:30. "
            "Une date tirée d'une source, jamais devinée : si seuls le mois ou l'année sont "
            "connus, écrivez AAAA-MM (2022-11) ou AAAA (2022) ; la page affiche alors "
            "« Informations de novembre 2022 ».",
        ),
        SUMMARY,
        Field(
            "category", SELECT, "Rubrique",
            options=_options(
                "vie-de-l-ecole", "Vie de l'école",
                "orientation", "Orientation",
                "partenariats", "Partenariats",
                "pole-industrie", "Pôle Industrie",
                "emploi", "Emploi et insertion",
            ),
        ),
        Field("tags", STRINGS, "Étiquettes", required=False, default=()),
        Field(
            "partners", REFS, "Partenaires cités", ref="partner", required=False,
            default=(), reverse="actualites",
        ),
        IMAGE_FIELD,
        IMAGE_ALT,
        STATUS,
    ),
)

EVENT = ContentType(
    name="evenement",
    label="Événements",
    label_singular="Événement",
    folder="evenements",
    body=True,
    url="evenements/{year}/{slug}/",
    index_url="evenements/",
    fields=(
        TITLE,
        SLUG_FIELD,
        Field(
            "kind", SELECT, "Type d'événement", search=("body",),
            options=_options(
                "portes-ouvertes", "Journée portes ouvertes",
                "salon", "Salon",
                "forum", "Forum",
                "information", "Réunion d'information",
                "autre", "Autre rendez-vous",
            ),
        ),
        Field(
            "start", DATETIME, "Début", search=("body",), search_text="when",  # events.py's words
            hint="Format AAAA-MM-JJ HH:mm, heure de Paris ; sans heure (AAAA-MM-JJ) : "
            "toute la journée.",
        ),
        Field(
            "end", DATETIME, "Fin", required=False,
            hint="Facultatif, même format, pas avant le début. L'événement passe dans "
            "« Passés » quand il est fini (sans fin : le soir du début).",
        ),
        SUMMARY,
        Field(
            "place", STRING, "Lieu", required=False, max_length=120, search=("body",),
            hint="Laissez vide si l'événement a lieu à Hall 32 (son adresse est reprise).",
        ),
        Field(
            "address", STRING, "Adresse du lieu", required=False, max_length=160, search=("body",),
            hint="Pour un autre lieu que Hall 32 : numéro, rue, code postal, ville.",
        ),
        audiences_field("À qui s'adresse l'événement ; vide : tout public.", search=("body",)),
        Field(
            "formations", REFS, "Formations concernées", ref="formation", required=False,
            default=(), reverse="evenements",
            hint="Les pages de ces formations annoncent l'événement.",
        ),
        Field(
            "registration_url", URL, "Adresse d'inscription", required=False,
            hint="Si une inscription est demandée : adresse complète en https://",
        ),
        STATUS,
    ),
)
