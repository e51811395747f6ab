"""Bounds on what the search downloads first: the index entry (its vocabulary).

Each document may bring at most ``schema.SEARCH_MAX_WORDS`` distinct words (``problems``:
the build stops and names the file); the entry is kept under ``ENTRY_BUDGET`` bytes gzipped
(a warning, fatal in the published build). Why: docs/untrusted-content.md (« search »).
"""

from __future__ import annotations

import gzip
import re

from content_model import schema as s
from content_model.paths import display_path

ENTRY_BUDGET = 30_000  # bytes, gzipped; the real site's entry is about 6.7 kB
_WORD_RE = re.compile(r"\w+")


def problems(docs) -> list[str]:
    """« file: recherche: problem » for each document past the cap (French, for editors)."""
    found = []
    for doc in docs:
        count = len({w.lower() for text in doc.text.values() for w in _WORD_RE.findall(text)})
        if count > s.SEARCH_MAX_WORDS:
            where = display_path(doc.source) if doc.source else doc.url
            found.append(f"{where}: recherche: {count} mots différents, {s.SEARCH_MAX_WORDS} au "
                         "plus par page (l'index que télécharge chaque recherche grossirait "
                         "d'autant) : découpez le texte en plusieurs pages")
    return found


def entry_size(data: bytes) -> int:
    return len(gzip.compress(data, 9))
