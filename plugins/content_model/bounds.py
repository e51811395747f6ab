"""Bounds on a Markdown body, checked before it is parsed, and a time budget for the parse.

``problems`` says what is past a bound, with its line; ``time_budget`` bounds the parse
itself. Why (Python-Markdown is not linear on every input): docs/untrusted-content.md.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager

from . import textrules

MAX_BODY_CHARS = 200_000  # 40 times the largest real body
MAX_LINE_CHARS = 10_000  # a paragraph is one line in the CMS's files: ~150 lines of text
MAX_NESTING = 16  # containers opened on one line: list items and quotes
MAX_INDENT = 64  # columns of leading white space (tabs count 4)
MAX_BRACKET_DEPTH = 16  # « [ » and « ( » open at once in a paragraph
MAX_BRACKETS = 2_000  # « [ » in one paragraph
MAX_ENTITIES = 5_000  # character references (&amp; &#233;) in a body
PARSE_SECONDS = 10  # the longest real body parses in 20 ms

# Each alternative starts with a different character and consumes at least one:
# linear. Containers: « > », a bullet or a number followed by white space.
_PREFIX_RE = re.compile(r"(?:[ \t]|>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))*")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,40});")
_DECLARATION_RE = re.compile(r"<!(?!--)[^\n>]{0,40}")


def _n(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")  # 200 000: French digit groups


class ParseTimeout(Exception):
    """The parse of one body ran past PARSE_SECONDS."""


def _bracket_problem(paragraph: str) -> str | None:
    if paragraph.count("[") > MAX_BRACKETS:
        return f"plus de {MAX_BRACKETS} crochets « [ » dans un paragraphe"
    depth = deepest = 0
    for char in re.findall(r"[\[\]()]", paragraph):
        depth = depth + 1 if char in "[(" else max(depth - 1, 0)
        deepest = max(deepest, depth)
        if deepest > MAX_BRACKET_DEPTH:
            return (f"plus de {MAX_BRACKET_DEPTH} crochets ou parenthèses ouverts les uns dans "
                    "les autres")
    return None


def problems(body: str, first_line: int = 1) -> list[str]:
    """What in ``body`` (whose first line is ``first_line`` of the file) is past a bound."""
    if len(body) > MAX_BODY_CHARS:
        return [f"texte trop long ({_n(len(body))} caractères, {_n(MAX_BODY_CHARS)} au plus) : "
                "découpez-le en plusieurs pages"]
    found = []
    chars = textrules.line_of_problem(textrules.MULTI_LINE, body, first_line)
    if chars:
        found.append(chars)
    entities = len(_ENTITY_RE.findall(body))
    if entities > MAX_ENTITIES:
        found.append(f"{entities} entités HTML (&…;), {MAX_ENTITIES} au plus : tapez les "
                     "caractères eux-mêmes")
    paragraph_start, paragraph = first_line, []
    for number, line in enumerate(body.split("\n") + [""], first_line):
        where = f"ligne {number} : "
        if len(line) > MAX_LINE_CHARS:
            found.append(where + f"ligne trop longue ({len(line)} caractères, "
                                 f"{MAX_LINE_CHARS} au plus)")
            break
        prefix = _PREFIX_RE.match(line).group()
        indent = len(prefix.replace("\t", "    ")) - len(prefix.replace(" ", "").replace("\t", ""))
        markers = len(re.findall(r">|[*+-]|\d+[.)]", prefix))
        if markers > MAX_NESTING or indent > MAX_INDENT:
            found.append(where + f"listes ou citations imbriquées trop profondément "
                                 f"({MAX_NESTING} niveaux au plus)")
            break
        declaration = _DECLARATION_RE.search(line)
        if declaration:
            found.append(where + f"déclaration HTML « {declaration.group()} » refusée (seuls "
                                 "les commentaires <!-- --> commencent par « <! », et ils ne "
                                 "sont pas publiés)")
            break
        if line.strip():
            paragraph.append(line)
            continue
        problem = _bracket_problem("\n".join(paragraph)) if paragraph else None
        if problem:
            found.append(f"ligne {paragraph_start} : {problem}")
            break
        paragraph_start, paragraph = number + 1, []
    return found


@contextmanager
def time_budget(seconds: float = PARSE_SECONDS):
    """Raise ParseTimeout in the block after ``seconds`` (main thread only, where
    signals are delivered; elsewhere the bounds above are the only guard)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(_signum, _frame):
        raise ParseTimeout()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
