"""The French text pipeline, in Python, under the names lunr.fr.js registers.

The browser runs lunr.fr.js's ``trimmer-fr``, ``stopWordFilter-fr``, ``accentFold-fr`` and
``stemmer-fr`` and search-core.js's ``elision-fr`` on queries: each function here must do
exactly what its namesake does (tests/test_search.py compares them on the site's vocabulary).

lunr.py's ``languages="fr"`` is not used: it downloads NLTK data at every
build and folds no accents.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.token import Token

# lunr.fr.js, which the browser runs (npm lunr-languages, pinned): its word characters and
# stop words are read from it, never copied.
LUNR_FR = Path(__file__).resolve().parents[2] / "node_modules" / "lunr-languages" / "lunr.fr.js"


@functools.cache
def _lunr_fr() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """trimmer-fr's patterns (lunr.fr.wordCharacters and the ASCII digits that lunr's own
    trimmer adds) and stopWordFilter-fr's words."""
    source = LUNR_FR.read_text(encoding="utf-8")
    chars = re.search(r'lunr\.fr\.wordCharacters = "([^"]+)"', source).group(1) + "0-9"
    stop = re.search(r"generateStopWordFilter\('([^']+)'", source).group(1).split()
    return re.compile(f"^[^{chars}]+"), re.compile(f"[^{chars}]+$"), frozenset(stop)


def stop_words() -> frozenset[str]:
    return _lunr_fr()[2]


_FOLD = [
    ("àáâäÀÁÂÄ", "a"), ("çÇ", "c"), ("éèêëÉÈÊË", "e"), ("îïÎÏ", "i"), ("ôöÔÖ", "o"),
    ("ùûüÙÛÜ", "u"), ("Ÿÿ", "y"), ("æÆ", "ae"), ("œŒ", "oe"),
]
_FOLD_TABLE = {ord(ch): repl for chars, repl in _FOLD for ch in chars}

# Elided articles and pronouns: l'usinage, d'usinage, qu'est-ce, jusqu'au...
ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=.)")

_stemmer = snowballstemmer.stemmer("french")


def normalize(text: str) -> str:
    """What both sides do to text first: NFC, one kind of apostrophe and space."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    return re.sub(r"\s+", " ", text)  # \s covers no-break and narrow no-break spaces


def elide(term: str) -> str:
    return ELISION.sub("", term)


def trim(term: str) -> str:
    start, end, _ = _lunr_fr()
    return end.sub("", start.sub("", term))


def fold(term: str) -> str:
    return term.translate(_FOLD_TABLE)


@functools.lru_cache(maxsize=200_000)
def stem(term: str) -> str:
    """Snowball French; memoised: a site repeats the same words thousands of times."""
    return _stemmer.stemWord(term)


# The search pipeline, serialised in the index by name: the browser runs lunr.fr.js's
# functions of the same names (and search-core.js's elision-fr) on every query.
def _on_token(fn, label: str):
    """``fn`` on a token's text, as a lunr.py pipeline function registered as ``label``."""
    def step(token: Token, i=None, tokens=None):
        return token.update(lambda s, _m=None: fn(s))
    Pipeline.register_function(step, label)
    return step


# Trim first: "**l'école**" must lose its asterisks before the elision can match.
SEARCH_PIPELINE = (_on_token(trim, "trimmer-fr"), _on_token(elide, "elision-fr"),
                   _on_token(fold, "accentFold-fr"), _on_token(stem, "stemmer-fr"))


@functools.lru_cache(maxsize=200_000)
def word_terms(word: str, keep_word: bool) -> tuple[str, ...]:
    """Index terms of one lowercased word, as the browser's pipeline makes them; with
    ``keep_word`` the folded word too, so that prefix and fuzzy clauses (no stemmer) match typos."""
    term = elide(trim(word))
    if not term or term in stop_words():
        return ()
    folded = fold(term)
    stemmed = stem(folded)
    if keep_word and stemmed != folded:
        return (stemmed, folded)
    return (stemmed,)


SEPARATORS = re.compile(r"[ \-]+")  # lunr's tokenizer: whitespace (normalised) and hyphens


def words(text: str) -> list[str]:
    return [w for w in SEPARATORS.split(normalize(text).lower()) if w]
