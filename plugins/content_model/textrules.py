"""Characters a reader never means, refused by kind of text: one place for every field.

``RULES`` says, for one-line text, multi-line text and names, which characters are refused
(a character class Python and JavaScript read alike: the CMS's patterns, ``rules.CHARS``) and
the French messages. ``bidi_problem`` checks that bidirectional controls are balanced on each
line: no pattern can say it, so the build alone checks it. The rules: docs/untrusted-content.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ONE_LINE = "one_line"
MULTI_LINE = "multi_line"
NAME = "name"


@dataclass(frozen=True)
class CharRule:
    """Characters refused in a kind of text. ``chars`` is the inside of a character
    class, written so that Python's ``re`` and JavaScript's ``RegExp`` read it alike."""

    kind: str
    chars: str
    message: str  # French; « {char} » is replaced by the character's code and name
    expected: str  # French, what is expected (the CMS's message: rules.Pattern)

    @property
    def regex(self) -> re.Pattern:
        return re.compile(f"[{self.chars}]")

    @property
    def js_pattern(self) -> str:
        """Decap's ``pattern``: the whole value holds none of these characters."""
        return f"^[^{self.chars}]*$"


_C0_C1 = r"\u0000-\u0008\u000b-\u001f\u007f-\u009f"
_SEPARATORS = r"\u2028\u2029"
_INVISIBLE = r"\u200b-\u200f\u2060-\u2064\ufeff"
_BIDI = r"\u202a-\u202e\u2066-\u2069"

RULES = (
    CharRule(ONE_LINE, r"\u0000-\u001f\u007f-\u009f" + _SEPARATORS,
             "caractère {char} interdit : ce champ doit tenir sur une seule ligne, sans "
             "tabulation ni caractère de contrôle (souvent collé d'un traitement de texte : "
             "retapez le texte)",
             "une ligne sans tabulation ni caractère de contrôle ou invisible"),
    CharRule(MULTI_LINE, _C0_C1 + _SEPARATORS,
             "caractère {char} interdit : seuls les retours à la ligne ordinaires sont permis, "
             "aucun caractère de contrôle (souvent collé d'un traitement de texte : retapez "
             "ce passage)",
             "aucun caractère de contrôle ou séparateur invisible (seuls les retours à la ligne "
             "ordinaires)"),
    CharRule(NAME, r"\u0000-\u001f\u007f-\u009f" + _SEPARATORS + _INVISIBLE + _BIDI,
             "caractère invisible {char} interdit dans un nom",
             "aucun caractère invisible (contrôle, espace de largeur nulle, direction)"),
)
RULES_BY_KIND = {rule.kind: rule for rule in RULES}

# Embeddings and overrides (closed by PDF) and isolates (closed by PDI).
_OPENERS = {"\u202a": "PDF", "\u202b": "PDF", "\u202d": "PDF", "\u202e": "PDF",
            "\u2066": "PDI", "\u2067": "PDI", "\u2068": "PDI"}
_CLOSERS = {"\u202c": "PDF", "\u2069": "PDI"}
_BIDI_RE = re.compile(f"[{_BIDI}]")


# French names of the characters editors meet (pasted from a word processor).
_NAMES = {"\n": "retour à la ligne", "\r": "retour chariot", "\t": "tabulation",
          "\x0b": "saut de ligne manuel de Word", "\x0c": "saut de page",
          "\x00": "caractère nul", "\x1b": "échappement", "\x85": "retour à la ligne",
          "\u2028": "séparateur de ligne", "\u2029": "séparateur de paragraphe",
          "\u200b": "espace de largeur nulle", "\ufeff": "espace insécable de largeur nulle",
          "\u202e": "forçage de droite à gauche", "\u202d": "forçage de gauche à droite",
          "\u202a": "enchâssement de gauche à droite", "\u202b": "enchâssement de droite à gauche",
          "\u202c": "fin d'enchâssement", "\u2066": "isolat de gauche à droite",
          "\u2067": "isolat de droite à gauche", "\u2068": "isolat neutre",
          "\u2069": "fin d'isolat"}


def describe(char: str) -> str:
    name = _NAMES.get(char) or unicodedata.name(char, "") or "caractère de contrôle"
    return f"U+{ord(char):04X} ({name})"


def char_problem(kind: str, text: str) -> str | None:
    """The first forbidden character of ``text`` for ``kind``, worded, or None."""
    match = RULES_BY_KIND[kind].regex.search(text)
    if match:
        return RULES_BY_KIND[kind].message.format(char=describe(match.group()))
    return bidi_problem(text)


def bidi_problem(text: str) -> str | None:
    """Whether every bidirectional embedding, override or isolate opened on a line is
    closed on that line, in order (Unicode's rule: a paragraph ends them all)."""
    if not _BIDI_RE.search(text):
        return None
    for line in text.split("\n"):
        stack: list[str] = []
        for match in _BIDI_RE.finditer(line):
            char = match.group()
            if char in _OPENERS:
                stack.append(_OPENERS[char])
                continue
            closer = _CLOSERS[char]
            if closer == "PDI":  # a PDI also closes the embeddings opened inside the isolate
                while stack and stack[-1] == "PDF":
                    stack.pop()
            if not stack or stack[-1] != closer:
                return (f"caractère de direction {describe(char)} sans ouverture "
                        "correspondante : supprimez-le")
            stack.pop()
        if stack:
            opener = next(c for c in reversed(_BIDI_RE.findall(line)) if c in _OPENERS)
            return (f"caractère de direction {describe(opener)} jamais refermé sur sa ligne : "
                    "il retournerait le texte qui suit ; supprimez-le")
    return None


def line_of_problem(kind: str, text: str, first_line: int = 1) -> str | None:
    """Like ``char_problem`` for a long text (the Markdown body): says the line."""
    if char_problem(kind, text) is None:
        return None
    for number, line in enumerate(text.split("\n"), first_line):
        problem = char_problem(kind, line)
        if problem:
            return f"ligne {number} : {problem}"
    return None
