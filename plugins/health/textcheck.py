"""Heuristics on the French text of the content: approximate, and said so in the report.

- ``upcoming_phrases``: words that announce something to come (« aura lieu »,
  « inscrivez-vous », « à venir »…), looked for in events that are already over.
- ``old_years_in_present``: sentences of evergreen pages that cite a year more than
  two years old and read as present (a present-tense verb or « aujourd'hui »,
  « actuellement », « depuis 2019 »…); a present-tense verb counts only without a
  past-tense verb beside it. Timeline lines (« **2014** : … ») are history and left out.
"""

from __future__ import annotations

import re

YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
SINCE_RE = re.compile(r"\bdepuis (?:(?:le |la |l'|l’)?\w+ )?(19[5-9]\d|20\d\d)\b", re.I)
# Words that say "now" whatever the verbs around them.
NOW_RE = re.compile(r"\b(actuellement|aujourd['’]hui|désormais|en cours|à ce jour)\b", re.I)
PRESENT_RE = re.compile(
    r"\b(encore|toujours|est|sont|compte|comptent|propose|proposent|accueille|accueillent|"
    r"forme|forment|vise|visent|prévoit|prévoient|reste|restent|recrute|recrutent|offre|offrent|"
    r"poursuit|poursuivent|entrent|travaille|travaillent|dispose|disposent|mène|mènent|"
    r"atteint|atteignent|rassemble|rassemblent|participe|participent|prend part)\b", re.I)
# Past tenses: imparfait, passé simple of être/avoir, passé composé (avoir or être +
# a past participle: -é, -i, -u, -is, -it, -ert, -int, fait).
PAST_RE = re.compile(
    r"\b\w+(?:ait|aient)\b|\b(?:fut|furent|eut|eurent)\b|"
    r"\b(?:a|ont|avait|avaient|est|sont|s['’]est|se sont)\s+(?:\w+\s+)?"
    r"\w*(?:é|ée|i|ie|u|ue|is|ise|it|ite|ert|erte|int|inte)s?\b", re.I)
TIMELINE_RE = re.compile(r"^\W*(?:\w+\s+)?(?:19|20)\d\d\W*\s*:")
UPCOMING_RE = re.compile(
    r"\b(à venir|aura lieu|auront lieu|aura|auront|se tiendra|se tiendront|se déroulera|"
    r"se dérouleront|prochaine?s?|inscrivez-vous|venez|ne manquez pas|nous vous attendons|"
    r"rendez-vous le|ouvrira|accueillera|accueilleront|sera|seront)\b", re.I)
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[«A-ZÀ-ÖØ-Þ0-9*])")
LINK_RE = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")  # linear: stops at the next bracket
MARKUP_RE = re.compile(r"[*_`#>]+")


def plain(markdown: str) -> str:
    """Markdown without links' targets, emphasis, headings' marks."""
    return MARKUP_RE.sub("", LINK_RE.sub(r"\1", markdown)).strip()


def sentences(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """[(line number, sentence)] of a Markdown text: one paragraph or list item per
    line block, cut at sentence ends."""
    out: list[tuple[int, str]] = []
    for offset, line in enumerate(text.split("\n")):
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)  # list item marks
        if not line.strip():
            continue
        for sentence in SENTENCE_END_RE.split(line):
            if sentence.strip():
                out.append((first_line + offset, sentence.strip()))
    return out


def old_years_in_present(text: str, this_year: int, first_line: int = 1) -> list[tuple[int, str]]:
    """[(line, sentence)] citing a year older than two years and reading as present."""
    found = []
    for line, raw in sentences(text, first_line):
        sentence = plain(raw)
        years = [int(y) for y in YEAR_RE.findall(sentence)]
        if not any(this_year - year > 2 for year in years) or TIMELINE_RE.match(raw):
            continue
        since = [int(y) for y in SINCE_RE.findall(sentence) if this_year - int(y) > 2]
        if since or NOW_RE.search(sentence) or (PRESENT_RE.search(sentence)
                                                and not PAST_RE.search(sentence)):
            found.append((line, sentence))
    return found


def upcoming_phrases(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """[(line, phrase)] that announce something to come."""
    return [(line, match.group(0)) for line, sentence in sentences(text, first_line)
            for match in [UPCOMING_RE.search(plain(sentence))] if match]


def excerpt(sentence: str, limit: int = 140) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
