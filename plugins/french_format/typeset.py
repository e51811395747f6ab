"""French typesetting of the rendered pages: text nodes only (issue 15, item 8).

Editors type plain spaces and straight apostrophes; the written HTML gets French
typography at the end of the build (signal ``finalized``), after the search index was
built from the raw text (plugins/search_index reads the content, not the pages), so
search keeps matching what visitors type.

Rules, on text nodes only (never in tags, attributes, comments, <script>, <style>,
<code>, <pre>, <kbd>, <samp>, <textarea>, so never in URLs, JSON-LD or code):
- a space before ; ! ? » and after « becomes U+202F (narrow no-break space), one before
  : becomes U+00A0; no space is added where none was typed ("10:30", "?q=" stay);
- a space inside a number ("220 000") and between a number and a short unit ("100 %",
  "30 M€", "10 000 m²") becomes U+202F, as Babel and the figure_fr filter write them;
- a straight apostrophe becomes ’ (straight double quotes are left as typed).

The pages are tokenised with Python's html.parser (a real HTML tokenizer: it knows that
<script> and <style> hold raw text, and it keeps the start tags as written); a text run
is unescaped, typeset and escaped again, and everything else is written back as it was.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

NNBSP = "\u202f"
NBSP = "\u00a0"
RAW_ELEMENTS = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea"})
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


def typeset_text(text: str) -> str:
    """French typography of one run of text (already unescaped)."""
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    return GROUPED.sub(lambda m: re.sub(r"[ \u00a0]", NNBSP, m.group(0)), text)


class _Typesetter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.text: list[str] = []  # the current text run, raw (with its character references)
        self.raw_depth = 0  # inside how many RAW_ELEMENTS

    def flush(self) -> None:
        if not self.text:
            return
        raw = "".join(self.text)
        self.text = []
        if self.raw_depth:
            self.out.append(raw)
            return
        typeset = typeset_text(html.unescape(raw))
        # Unchanged runs keep their exact bytes (entities included).
        self.out.append(raw if typeset == html.unescape(raw) else html.escape(typeset, quote=False))

    def handle_starttag(self, tag, attrs):
        self.flush()
        self.out.append(self.get_starttag_text())
        if tag in RAW_ELEMENTS:
            self.raw_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.flush()
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.flush()
        self.out.append(f"</{tag}>")
        if tag in RAW_ELEMENTS and self.raw_depth:
            self.raw_depth -= 1

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


def typeset_output(output: Path) -> int:
    """Typeset every page of the site (not /admin/, the CMS application); files whose
    text needs nothing are not rewritten. Returns the number of files rewritten."""
    changed = 0
    for path in sorted(Path(output).rglob("*.html")):
        if path.relative_to(output).parts[0] == "admin":
            continue
        source = path.read_text(encoding="utf-8")
        result = typeset_html(source)
        if result != source:
            tmp = path.with_name(path.name + ".typeset")
            tmp.write_text(result, encoding="utf-8")
            tmp.replace(path)  # a new file: a hard-linked cache file is never changed
            changed += 1
    return changed
