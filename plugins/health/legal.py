"""What the legal notice cannot say yet, for the report (urgent).

The legal notice (theme/templates/mentions-legales.html) names the site's publisher,
its publication director and its host from organisation.yaml, and leaves each sentence
out while its field is empty. French law (LCEN, article 6) asks a site for all of
them, so each empty one is listed with what to fill in.
"""

from __future__ import annotations

from content_model import schema as s

TITLE = "Mentions légales incomplètes"
NOTE = ("La loi (LCEN, article 6) demande que les mentions légales nomment l'éditeur du site et "
        "son adresse, la personne qui dirige la publication et l'hébergeur (nom, adresse, "
        "téléphone). Tant qu'un champ est vide, sa phrase n'est pas affichée : demandez "
        "l'information à l'association 2ARAMI et remplissez « Coordonnées de Hall 32 ».")
FIELDS = ("publisher", "publisher_address", "publication_director", "host_name",
          "host_address", "host_phone")


def missing(record: dict) -> list[str]:
    """The labels of the legal notice's empty fields."""
    return [s.ORGANISATION.field(name).label for name in FIELDS
            if record.get(name) in (None, "", [], {})]
