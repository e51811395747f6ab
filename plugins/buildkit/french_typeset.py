"""French typesetting of text and of rendered HTML: pure functions.

Rules of ``typeset_text``, on one run of text:
- a space before ; ! ? » and after « becomes U+202F (narrow no-break space), one before
  : becomes U+00A0; no space is added where none was typed ("10:30", "?q=" stay);
- a space inside a number ("220 000") and between a number and a short unit ("100 %",
  "30 M€", "10 000 m²") becomes U+202F, as Babel and the figure_fr filter write them;
- a straight apostrophe becomes ’ (straight double quotes are left as typed).

``typeset_html`` applies them to the text nodes of a page only: never in tags, attributes,
comments, <script>, <style>, <code>, <pre>, <kbd>, <samp>, <textarea>, so never in URLs,
JSON-LD or code. In running text it also raises ordinals: 1er, 2e, 3es → 1<sup>er</sup>;
not where no markup can go (<title>, <option>, inline <svg> and <math>), nor where a page's
name is written: headings and link text (breadcrumb, cards, lists, menus). A page's name
stays plain wherever it is written, as in its <title>, social card and JSON-LD.

Nothing else changes, byte for byte: each token html.parser finds is written back as its slice
of the source, and a character reference keeps its bytes unless a rule replaces its character.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

NNBSP = "\u202f"
NBSP = "\u00a0"
RAW_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea"})
# Typeset, but no <sup> added: plain text, SVG, a page's name (headings, links), already raised.
NO_SUP_ELEMENTS = frozenset({"title", "option", "svg", "math", "h1", "h2", "h3", "h4", "h5",
                             "h6", "a", "sup", "sub"})
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                           "meta", "param", "source", "track", "wbr"})
UNITS = r"(?:%|M€|Md€|k€|€|m²|m2|km|kg|cm|mm)"

# Each run of spaces is tried once, from its start (lookbehind), and never given back
# (possessive): linear. Without both, a long run of spaces not followed by the
# punctuation was tried from each of its spaces: quadratic (tests/test_regex_linear.py).
RULES = (
    (re.compile(r"'"), "’"),
    (re.compile(r"(?<![ \u00a0])[ \u00a0]++(?=[;!?»])"), NNBSP),
    (re.compile(r"(?<=«)[ \u00a0]+"), NNBSP),
    (re.compile(r"(?<![ \u202f])[ \u202f]++(?=:)"), NBSP),
    (re.compile(rf"(?<=\d)[ \u00a0](?={UNITS}(?!\w))"), NNBSP),
)

# A number written in groups of three: "220 000", "1 800" (not "en 2019 680 jeunes").
GROUPED = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d,])")

# An ordinal: 1er, 1re, 1ers, 2e, 3es, 2nd, 2nde; a whole word, not inside a URL, a
# number ("1e6", "2,5e") or an identifier.
ORDINAL = re.compile(r"(?<![\w,./#=&?%+-])(\d+)(ers?|res?|es?|nde?s?)(?![\w/+-])")

# A character reference as html.parser cuts it (the ";" may be missing: R&D, &amp).
REFERENCE = re.compile(r"&(?:#(?:[0-9]+|[xX][0-9a-fA-F]+)|[a-zA-Z][-.a-zA-Z0-9]*);?")
# Markup html.parser gave up on and reported as text: written as it was.
MARKUP = re.compile(r"<[a-zA-Z/!?]")

# A text run is a list of cells (text, source): one character as typed, or one character
# reference with what it stands for. A rule rewrites whole cells only.
Cell = tuple[str, str]


def _cells(source: str) -> list[Cell]:
    cells, done = [], 0
    for match in REFERENCE.finditer(source):
        cells += [(c, c) for c in source[done:match.start()]]
        cells.append((html.unescape(match.group()) or match.group(), match.group()))
        done = match.end()
    return cells + [(c, c) for c in source[done:]]


def _text(cells: list[Cell]) -> str:
    return "".join(text for text, _ in cells)


def _starts(cells: list[Cell]) -> dict[int, int]:
    """Offset in the text → index of the cell that starts there (and the end)."""
    starts, offset = {}, 0
    for index, (text, _) in enumerate(cells):
        starts[offset] = index
        offset += len(text)
    starts[offset] = len(cells)
    return starts


def _replace(cells: list[Cell], spans, replacement: str) -> list[Cell]:
    """Each span (start, end) of the text, on cell boundaries, becomes ``replacement``."""
    if not spans:
        return cells
    starts, out, done = _starts(cells), [], 0
    for start, end in spans:
        first, last = starts.get(start), starts.get(end)
        if first is None or last is None or first < done or _text(cells[first:last]) == replacement:
            continue
        out += cells[done:first] + [(replacement, replacement)]
        done = last
    return out + cells[done:]


def _typeset(cells: list[Cell]) -> list[Cell]:
    for pattern, replacement in RULES:
        cells = _replace(cells, [m.span() for m in pattern.finditer(_text(cells))], replacement)
    text = _text(cells)
    spaces = [(k, k + 1) for m in GROUPED.finditer(text) for k in range(*m.span()) if text[k] in " \u00a0"]
    return _replace(cells, spaces, NNBSP)


def typeset_text(text: str) -> str:
    """French typography of one run of text (already unescaped): ``_typeset`` on cells of
    one character each, written on the string."""
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    return GROUPED.sub(lambda m: re.sub(r"[ \u00a0]", NNBSP, m.group(0)), text)


def _ordinals(cells: list[Cell]) -> str:
    """The source of the cells with their ordinals raised: 1<sup>er</sup>."""
    starts, marks = _starts(cells), {}
    for match in ORDINAL.finditer(_text(cells)):
        first, last = starts.get(match.start(2)), starts.get(match.end(2))
        if first is not None and last is not None:
            marks[first], marks[last] = "<sup>", "</sup>"
    return "".join(marks.get(i, "") + source for i, (_, source) in enumerate(cells)) + marks.get(len(cells), "")


def typeset_run(source: str, ordinals: bool) -> str:
    """A text run as written in the page, typeset; unchanged characters keep their bytes."""
    if MARKUP.search(source):
        return source
    if "&" not in source:  # each character is itself: the same, faster
        text = typeset_text(source)
        return ORDINAL.sub(r"\1<sup>\2</sup>", text) if ordinals else text
    cells = _typeset(_cells(source))
    return _ordinals(cells) if ordinals else "".join(s for _, s in cells)


class _Tokens(HTMLParser):
    """Where each token starts in the page, and for text how it is typeset: None (as it
    is: markup, or text in a raw element), "text", or "ordinals" (running text)."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.lines = [0] + [m.end() for m in re.finditer("\n", source)]
        self.tokens: list[tuple[int, str | None]] = []
        self.stack: list[str] = []  # the open elements (for NO_SUP_ELEMENTS)
        self.raw: list[str] = []  # the open RAW_ELEMENTS: each ends with its own end tag only
        self.commented = False  # after a comment left open: the rest of the page is in it

    def _token(self, text: bool) -> None:
        line, offset = self.getpos()
        kind = None
        if text and not self.raw and not self.commented:
            kind = "text" if NO_SUP_ELEMENTS.intersection(self.stack) else "ordinals"
        self.tokens.append((self.lines[line - 1] + offset, kind))

    def handle_starttag(self, tag, attrs):
        self._token(False)
        if tag in RAW_ELEMENTS:
            self.raw.append(tag)
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        self._token(False)
        if tag in self.raw:
            del self.raw[len(self.raw) - 1 - self.raw[::-1].index(tag)]
        if tag in self.stack:  # closes the elements left open inside it
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag):]

    def handle_data(self, data):
        self.commented = self.commented or data.startswith("<!--")  # html.parser's text
        self._token(True)

    def handle_entityref(self, name):
        self._token(True)

    handle_charref = handle_entityref

    def handle_startendtag(self, tag, attrs):
        self._token(False)

    def handle_comment(self, data):
        self._token(False)

    handle_decl = handle_pi = unknown_decl = handle_comment

    def parse_marked_section(self, i, report=1):
        """``<![…[ … ]]>`` as one piece of markup, whatever its keyword: html.parser
        raises AssertionError on one it does not know (``<![foo[``)."""
        end = self.rawdata.find("]]>", i + 3)
        if end < 0:
            return -1
        if report:
            self.unknown_decl(self.rawdata[i + 3:end])
        return end + 3


def typeset_html(source: str) -> str:
    """The page with French typography in its text nodes, everything else as it was."""
    parser = _Tokens(source)
    parser.feed(source)
    parser.close()
    runs: list[list] = []  # [start, kind]: consecutive tokens of the same kind of text merged
    for start, kind in [(0, None)] + parser.tokens:
        if runs and start < runs[-1][0]:
            continue
        if runs and kind is not None and runs[-1][1] == kind:
            continue
        runs.append([start, kind])
    out = []
    for (start, kind), (end, _) in zip(runs, runs[1:] + [[len(source), None]]):
        piece = source[start:end]
        out.append(piece if kind is None else typeset_run(piece, kind == "ordinals"))
    return "".join(out)
