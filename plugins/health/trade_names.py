"""Trade pages that do not name the trade in both genders, for the report.

The rule and its checks are content_model/language.py's (the one home that
tests/test_content_language.py uses too): the title, the summary and the first
paragraph of a trade page say « le soudeur ou la soudeuse », « le ou la pilote »,
never « soudeur·se » nor the masculine alone. The build writes such a page all the
same; CI's tests refuse it, so the report puts it with what to fix first.
"""

from __future__ import annotations

from pathlib import Path

from content_model import language
from content_model import schema as s

TITLE = "Métiers à nommer aux deux genres"
NOTE = ("Le titre, le résumé et le premier paragraphe du texte d'un métier le nomment en entier "
        "aux deux genres : « le soudeur ou la soudeuse », « le ou la pilote », jamais "
        "« soudeur·se ». Tant qu'un de ces points reste, la vérification du site échoue et le "
        "site en ligne n'est pas mis à jour.")


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
