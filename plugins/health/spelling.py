"""One spelling for each recurring name, and « d’ » before a vowel, for the report (advice).

Read in what editors write: the title, summary and admission of every Markdown page and
its text (search keywords are left out: they are what visitors type). Each variant names
the spelling to use; the build never fails on it.
"""

from __future__ import annotations

import re

from . import textcheck

TITLE = "Orthographe des noms du site"
NOTE = "Une seule orthographe pour les noms qui reviennent (guide de rédaction)."
# (variant, the spelling to use)
FORBIDDEN = [
    (r"\bBacs? [Pp]rofessionnels?\b", "« Bac Pro » (« Bacs Pro »), ou « baccalauréat professionnel »"),
    (r"\b(?:bac pro|Bac pro|BAC PRO|Bac PRO)\b", "« Bac Pro »"),
    (r"\b(?:Bts|B\.T\.S\.?)\b", "« BTS »"),
    (r"Pôle Emploi|Pole [Ee]mploi|Pôle-emploi", "« Pôle emploi » (devenu France Travail en 2024)"),
    (r"\b2 ARAMI\b|\b2Arami\b|\b2-ARAMI\b", "« 2ARAMI »"),
    (r"Semaine de l['’]Industrie", "« Semaine de l’industrie »"),
    (r"fiches actions", "« fiches-actions »"),
    (r"\b(?:[Ll]es|[Dd]es|[Aa]ux|[Cc]es) start-up\b(?!s)|\b[Ss]tartups?\b",
     "« start-up », au pluriel « start-ups »"),
    (r"(?<!\w)[Dd]e (?=(?:AKTO|Adecco|Humando|Opcalia|Auversup|ALTERN)\b)", "l’élision « d’ »"),
    # An audience list in the masculine alone.
    (r"\bsalariés,? (?:et |ou )?(?:aux |les |des )?demandeurs d['’]emploi",
     "« en poste ou en recherche d’emploi », ou les doublets « salariés et salariées, "
     "demandeurs et demandeuses d’emploi »"),
]
_FORBIDDEN = [(re.compile(pattern), use) for pattern, use in FORBIDDEN]
FIELDS = ("title", "summary", "admission")


def variants(text: str) -> list[str]:
    return [f"« {match.group(0)} » : écrire {use}"
            for pattern, use in _FORBIDDEN for match in pattern.finditer(text)]


def found(entries) -> list[tuple[str, str]]:
    """[(file, « ligne N : « variant » : écrire … »)] for every Markdown page."""
    items = []
    for entry in entries:
        if not entry.ctype.folder:
            continue
        places = [(name, str(entry.values.get(name) or "")) for name in FIELDS]
        places += [(f"ligne {line}", text) for line, text in textcheck.sentences(entry.body, entry.body_line)]
        items += [(entry.where, f"{place} : {problem}")
                  for place, text in places for problem in variants(text)]
    return items
