"""French typesetting of text and of rendered HTML (issue 15, item 8): pure functions.

Editors type plain spaces and straight apostrophes; what visitors read gets French
typography: the pages (french_format typesets their text nodes), the JSON-LD names, the
feed titles and the social cards (``typeset_text``).

Rules of ``typeset_text``, on one run of text:
- a space before ; ! ? » and after « becomes U+202F (narrow no-break space), one before
  : becomes U+00A0; no space is added where none was typed ("10:30", "?q=" stay);
- a space inside a number ("220 000") and between a number and a short unit ("100 %",
  "30 M€", "10 000 m²") becomes U+202F, as Babel and the figure_fr filter write them;
- a straight apostrophe becomes ’ (straight double quotes are left as typed).

``typeset_html`` applies them to the text nodes of a page only: never in tags, attributes,
comments, <script>, <style>, <code>, <pre>, <kbd>, <samp>, <textarea>, so never in URLs,
JSON-LD or code. In running text it also raises ordinals: 1er, 2e, 3es → 1<sup>er</sup>;
not in <title> and <option> (plain text only), in inline <svg> (no HTML there), nor in
headings: a page's heading is its name, written the same in its <title>, breadcrumb,
social card and JSON-LD, where no markup can go.

The pages are tokenised with Python's html.parser (a real HTML tokenizer: it knows that
<script> and <style> hold raw text, and it keeps the start tags as written); a text run
is unescaped, typeset and escaped again, and everything else is written back as it was.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

NNBSP = "\u202f"
NBSP = "\u00a0"
RAW_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea"})
# Text typeset, but no markup added (plain text, SVG, or a page's name).
NO_SUP_ELEMENTS = frozenset({"title", "option", "svg", "math", "h1", "h2", "h3", "h4", "h5", "h6"})
UNITS = r"(?:%|M€|Md€|k€|€|m²|m2|km|kg|cm|mm)"

RULES = (
    (re.compile(r"'"), "’"),
    (re.compile(r"[ \u00a0]+(?=[;!?»])"), NNBSP),
    (re.compile(r"(?<=«)[ \u00a0]+"), NNBSP),
    (re.compile(r"[ \u202f]+(?=:)"), NBSP),
    (re.compile(rf"(?<=\d)[ \u00a0](?={UNITS}(?!\w))"), NNBSP),
)

# A number written in groups of three: "220 000", "1 800" (not "en 2019 680 jeunes").
GROUPED = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d,])")

# An ordinal: 1er, 1re, 1ers, 2e, 3es, 2nd, 2nde; a whole word, not inside a URL, a
# number ("1e6", "2,5e") or an identifier.
ORDINAL = re.compile(r"(?<![\w,./#=&?%+-])(\d+)(ers?|res?|es?|nde?s?)(?![\w/+-])")


def typeset_text(text: str) -> str:
    """French typography of one run of text (already unescaped)."""
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    return GROUPED.sub(lambda m: re.sub(r"[ \u00a0]", NNBSP, m.group(0)), text)


def ordinals_html(escaped: str) -> str:
    """Escaped text with its ordinals raised: 1<sup>er</sup>."""
    return ORDINAL.sub(r"\1<sup>\2</sup>", escaped)


class _Typesetter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.text: list[str] = []  # the current text run, raw (with its character references)
        self.open = {"raw": 0, "no_sup": 0}  # inside how many RAW_ELEMENTS, NO_SUP_ELEMENTS

    def _enter(self, tag: str, step: int) -> None:
        for kind, names in (("raw", RAW_ELEMENTS), ("no_sup", NO_SUP_ELEMENTS)):
            if tag in names:
                self.open[kind] = max(0, self.open[kind] + step)

    def flush(self) -> None:
        if not self.text:
            return
        raw = "".join(self.text)
        self.text = []
        if self.open["raw"]:
            self.out.append(raw)
            return
        text = html.unescape(raw)
        typeset = typeset_text(text)
        escaped = html.escape(typeset, quote=False)
        marked = escaped if self.open["no_sup"] else ordinals_html(escaped)
        # Unchanged runs keep their exact bytes (entities included).
        self.out.append(raw if typeset == text and marked == escaped else marked)

    def handle_starttag(self, tag, attrs):
        self.flush()
        self.out.append(self.get_starttag_text())
        self._enter(tag, +1)

    def handle_startendtag(self, tag, attrs):
        self.flush()
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.flush()
        self.out.append(f"</{tag}>")
        self._enter(tag, -1)

    def handle_data(self, data):
        self.text.append(data)

    def handle_entityref(self, name):
        self.text.append(f"&{name};")

    def handle_charref(self, name):
        self.text.append(f"&#{name};")

    def handle_comment(self, data):
        self.flush()
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.flush()
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.flush()
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.flush()
        self.out.append(f"<![{data}]>")


def typeset_html(source: str) -> str:
    """The page with French typography in its text nodes, everything else as it was."""
    parser = _Typesetter()
    parser.feed(source)
    parser.close()
    parser.flush()
    return "".join(parser.out)
