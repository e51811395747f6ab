"""Invitations typed in the content, for the report (advice).

Whether a page invites the visitor to contact Hall 32, to an open day, a fair or a
meeting is decided by the templates from the data (theme/templates/components/
invite.html: a channel in organisation.yaml, an announced event in content/evenements/).
An invitation typed in a page's text stays when its object is gone, so it is listed
here, with its file and line, to be removed. Events are left out: an announced event
invites to itself (the report lists past events whose text still announces them).
"""

from __future__ import annotations

import re

from . import textcheck

TITLE = "Invitations écrites dans le texte"
NOTE = ("Les pages invitent d'elles-mêmes à contacter Hall 32 quand ses coordonnées contiennent "
        "un téléphone, un courriel ou un formulaire, et aux portes ouvertes, salons ou réunions "
        "quand un événement est annoncé. Une invitation écrite à la main reste quand son objet "
        "manque : retirez la phrase, gardez le fait.")
INVITE_RE = re.compile(
    r"\b(contactez(?:-(?:nous|le|la|les))?|contacter Hall 32|venez|rencontrez-nous|"
    r"écrivez-nous|appelez-nous|inscrivez-vous|par les moyens indiqués|"
    r"(?:occasions|rendez-vous) (?:de|pour) nous rencontrer|nous rencontrer)\b", re.I)
# Text fields of a page that are shown as written (a programme's « Comment candidater »).
FIELDS = ("summary", "admission")


def found(entries) -> list[tuple[str, str]]:
    """[(file, « ligne N : « phrase » in « sentence » »)] for published pages."""
    items = []
    for entry in entries:
        if not entry.ctype.folder or entry.draft or entry.ctype.name == "evenement":
            continue
        places = [(name, str(entry.values.get(name) or "")) for name in FIELDS]
        places += [(f"ligne {line}", sentence)
                   for line, sentence in textcheck.sentences(entry.body, entry.body_line)]
        for place, raw in places:
            sentence = textcheck.plain(raw)
            for match in INVITE_RE.finditer(sentence):
                items.append((entry.where, f"{place} : « {match.group(0)} » "
                                           f"(« {textcheck.excerpt(sentence)} »)"))
    return items
