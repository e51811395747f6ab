"""Trade and programme pages whose prose goes past the sentence limits, for the report.

The counter and its limits are buildkit/sentences.py's (the one tests/test_sentences.py
applies to the built pages): at most MAX_AVERAGE words per sentence on average, none
longer than MAX_WORDS. Advice: the build never fails on it.
"""

from __future__ import annotations

from buildkit import sentences

TITLE = "Phrases trop longues"
NOTE = (f"Les textes des métiers et des formations sont lus par des jeunes de 15 ans : au plus "
        f"{sentences.MAX_AVERAGE} mots par phrase en moyenne, aucune phrase de plus de "
        f"{sentences.MAX_WORDS} mots. Coupez les phrases citées en deux ; gardez chaque fait, "
        f"sa source et sa date.")


def found(entries) -> list[tuple[str, str]]:
    """[(file, what goes past the limits, with the sentence)] for published trade and
    programme pages."""
    items = []
    for entry in entries:
        if entry.ctype.name not in sentences.TYPES or entry.draft:
            continue
        for problem in sentences.of_markdown(entry.body, entry.body_line).problems():
            items.append((entry.where, problem))
    return items
