"""Trade pages that do not name the trade in both genders, for the report.

The rule and its checks are content_model/language.py's (its one home).
"""

from __future__ import annotations

from pathlib import Path

from content_model import language
from content_model import schema as s

TITLE = "Métiers à nommer aux deux genres"
NOTE = ("Le titre, le résumé et le premier paragraphe du texte d'un métier le nomment en entier "
        "aux deux genres : « le soudeur ou la soudeuse », « le ou la pilote », jamais "
        "« soudeur·se ». C'est un conseil : la page est publiée quand même ; corrigez-la "
        "dès que possible.")


def found(entries) -> list[tuple[str, str]]:
    """[(file, « Résumé (summary) : what to write »)] for every trade page the schema
    accepts, drafts too (CI checks every file of content/metiers/); the slug is the
    file's name, as in the test."""
    items = []
    for entry in entries:
        if entry.ctype.name != s.METIER.name:
            continue
        for problem in language.problems(Path(entry.where).stem, entry.values, entry.body):
            items.append((entry.where, f"{problem.label} ({problem.place}) : {problem.message}"))
    return items
