"""The French text pipeline, in Python, under the names lunr.fr.js registers.

The browser loads the index with lunr.js and lunr-languages' lunr.fr.js, which
register ``trimmer-fr``, ``stopWordFilter-fr``, ``accentFold-fr`` and
``stemmer-fr``; the site's search-core.js registers ``elision-fr``. A
serialised index names its search pipeline, so each function here must do
exactly what its namesake does in the browser: tests/test_search.py runs both
over the whole vocabulary of the site and compares.

lunr.py's ``languages="fr"`` is not used: it downloads NLTK data at every
build and folds no accents.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.token import Token

# Copied from lunr-languages 1.22.0 lunr.fr.js (lunr.fr.wordCharacters); the
# trimmer support adds ASCII digits, as lunr's own trimmer does.
WORD_CHARACTERS = (
    r"A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C"
    r"\u1D62-\u1D65\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A"
    r"\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA7AD\uA7B0-\uA7B7"
    r"\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A"
)
_ALLOWED = WORD_CHARACTERS + "0-9"
_START = re.compile(f"^[^{_ALLOWED}]+")
_END = re.compile(f"[^{_ALLOWED}]+$")

# lunr.fr.stopWordFilter's list, in the same order.
STOP_WORDS = frozenset(
    "ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez "
    "aurions aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez "
    "ayons c ce ceci celà ces cet cette d dans de des du elle en es est et eu eue eues "
    "eurent eus eusse eussent eusses eussiez eussions eut eux eûmes eût eûtes furent fus "
    "fusse fussent fusses fussiez fussions fut fûmes fût fûtes ici il ils j je l la le les "
    "leur leurs lui m ma mais me mes moi mon même n ne nos notre nous on ont ou par pas "
    "pour qu que quel quelle quelles quels qui s sa sans se sera serai seraient serais "
    "serait seras serez seriez serions serons seront ses soi soient sois soit sommes son "
    "sont soyez soyons suis sur t ta te tes toi ton tu un une vos votre vous y à étaient "
    "étais était étant étiez étions été étée étées étés êtes".split()
)

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
    return _END.sub("", _START.sub("", term))


def fold(term: str) -> str:
    return term.translate(_FOLD_TABLE)


@functools.lru_cache(maxsize=200_000)
def stem(term: str) -> str:
    """Snowball French; memoised: a site repeats the same words thousands of times."""
    return _stemmer.stemWord(term)


# The search pipeline, serialised in the index by name: the browser runs lunr.fr.js's
# functions of the same names (and search-core.js's elision-fr) on every query.
def elision_fr(token: Token, i=None, tokens=None):
    return token.update(lambda s, _m=None: elide(s))


def trimmer_fr(token: Token, i=None, tokens=None):
    return token.update(lambda s, _m=None: trim(s))


def accent_fold_fr(token: Token, i=None, tokens=None):
    return token.update(lambda s, _m=None: fold(s))


def stemmer_fr(token: Token, i=None, tokens=None):
    return token.update(lambda s, _m=None: stem(s))


for _fn, _label in ((trimmer_fr, "trimmer-fr"), (elision_fr, "elision-fr"),
                    (accent_fold_fr, "accentFold-fr"), (stemmer_fr, "stemmer-fr")):
    Pipeline.register_function(_fn, _label)

# Trim first: "**l'école**" must lose its asterisks before the elision can match.
SEARCH_PIPELINE = (trimmer_fr, elision_fr, accent_fold_fr, stemmer_fr)


@functools.lru_cache(maxsize=200_000)
def word_terms(word: str, keep_word: bool) -> tuple[str, ...]:
    """Index terms of one lowercased word, memoised: trimmer-fr, elision-fr,
    stopWordFilter-fr, accentFold-fr, stemmer-fr, as the browser runs them on a query.
    With ``keep_word`` the folded word is kept beside its stem, so that prefix and
    fuzzy clauses (which bypass the stemmer) match words typed with typos:
    "maintenence" is one edit from "maintenance"."""
    term = elide(trim(word))
    if not term or term in STOP_WORDS:
        return ()
    folded = fold(term)
    stemmed = stem(folded)
    if keep_word and stemmed != folded:
        return (stemmed, folded)
    return (stemmed,)


SEPARATORS = re.compile(r"[ \-]+")  # lunr's tokenizer: whitespace (normalised) and hyphens


def words(text: str) -> list[str]:
    return [w for w in SEPARATORS.split(normalize(text).lower()) if w]
