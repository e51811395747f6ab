"""Sentence length of the prose of trade and programme pages.

One counter and its limits, declared once: the health report reads the Markdown of content/
with it, tests/test_sentences.py the built pages. Prose is the paragraphs and list items of a
page's text; how a sentence and a word are cut: docs/hand-written.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_AVERAGE = 14  # words per sentence, on average over a page's prose
MAX_WORDS = 30  # words in any one sentence
# The content types whose prose is held to these limits, and their URL folders.
TYPES = {"metier": "metiers", "formation": "formations"}

WORD_RE = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
# A sentence ends at . ! ? … (a closing » or ) may follow) before a new sentence or the end.
# Tried once per run of punctuation (lookbehind), never given back (possessive), and the
# white space after it read once: linear (tests/test_regex_linear.py).
END_RE = re.compile(r"(?<![.!?…])[.!?…]++(?:[\s\u00a0\u202f]*+[»)])?(?=\s++[«(\"A-ZÀ-ÖØ-Þ0-9]|\s*+$)")
# Bracket and tag contents stop at the next opening one too: linear (tests/test_regex_linear.py).
LINK_RE = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
TAG_RE = re.compile(r"<[^<>]+>")
MARK_RE = re.compile(r"[*_`]+")
ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")


def words(sentence: str) -> int:
    return len(WORD_RE.findall(sentence))


def split(text: str) -> list[str]:
    """The sentences of one paragraph or list item."""
    text = " ".join(text.split())
    ends = [match.end() for match in END_RE.finditer(text)]
    out = (text[start:end].strip() for start, end in zip([0, *ends], [*ends, None]))
    return [x for x in out if WORD_RE.search(x)]


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int = 0  # line in the Markdown file (0: unknown, e.g. a built page)

    @property
    def words(self) -> int:
        return words(self.text)


@dataclass
class Measure:
    """The sentences of one page's prose, against the limits."""

    sentences: list[Sentence] = field(default_factory=list)

    @property
    def average(self) -> float:
        return (sum(x.words for x in self.sentences) / len(self.sentences)
                if self.sentences else 0.0)

    @property
    def too_long(self) -> list[Sentence]:
        return [x for x in self.sentences if x.words > MAX_WORDS]

    @property
    def longest(self) -> Sentence | None:
        return max(self.sentences, key=lambda x: x.words, default=None)

    @property
    def ok(self) -> bool:
        return self.average <= MAX_AVERAGE and not self.too_long

    def problems(self) -> list[str]:
        """What goes past the limits, in French, each with its sentence."""
        found = [f"phrase de {x.words} mots (au plus {MAX_WORDS})"
                 + (f", ligne {x.line}" if x.line else "") + f" : « {x.text} »"
                 for x in self.too_long]
        if self.average > MAX_AVERAGE:
            longest = self.longest
            found.insert(0, f"{self.average:.1f} mots par phrase en moyenne (au plus "
                            f"{MAX_AVERAGE}) ; la plus longue, {longest.words} mots"
                            + (f", ligne {longest.line}" if longest.line else "")
                            + f" : « {longest.text} »")
        return found


def of_markdown(body: str, first_line: int = 1) -> Measure:
    """The prose of a Markdown body: paragraphs and list items (headings, tables, quotes'
    marks, HTML tags, link targets and emphasis left out), with their lines."""
    measure = Measure()
    block: list[str] = []
    block_line = first_line

    def flush():
        text = MARK_RE.sub("", TAG_RE.sub("", LINK_RE.sub(r"\1", " ".join(block))))
        measure.sentences.extend(Sentence(x, block_line) for x in split(text))
        block.clear()

    for offset, raw in enumerate(body.split("\n")):
        line = raw.strip()
        item = ITEM_RE.match(raw)
        if not line or line.startswith(("#", "|")) or item:
            flush()
        if not line or line.startswith(("#", "|")):
            continue
        if not block:
            block_line = first_line + offset
        block.append(ITEM_RE.sub("", line).lstrip("> "))
    flush()
    return measure
