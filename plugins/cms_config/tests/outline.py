"""The outline of a page's main content, to compare a Decap preview with the page the
site builds for the same entry (test_cms_previews_e2e.py).

An outline is the list of (kind, text) of the blocks in document order: headings,
paragraphs, list items, terms and definitions of definition lists, badges (text of
class h32-badge) and images (their alt text). Text is the block's own text, with
whitespace collapsed and typography left aside (the site's pages are typeset in
French: ’, no-break spaces before « : » and inside « », which a preview does not
need). A paragraph inside a list item or a definition is part of it (Markdown writes
<li><p> for loose lists). Parts of a page that only the build can know (lists derived
from other entries, upcoming events) or that say the same on every page of a type
(links back, the contact note) are left out by `skip`: (attribute, whole value) pairs;
an element matching one is left out with its content.
"""

from __future__ import annotations

import difflib
import re
from html.parser import HTMLParser

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "blockquote", "figcaption"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                            "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2026": "..."})
# Always left out: the breadcrumb (the trail is the site's, not the entry's) and text
# read by screen readers only.
ALWAYS_SKIPPED = (("class", "h32-breadcrumb"), ("class", "h32-visually-hidden"))


def normalise(text: str) -> str:
    text = " ".join(text.translate(TYPOGRAPHY).split())
    text = re.sub(r"\s+([:;!?»])", r"\1", text)
    return re.sub(r"«\s+", "«", text)


class _Outline(HTMLParser):
    def __init__(self, skip):
        super().__init__(convert_charrefs=True)
        self.skip = tuple(skip) + ALWAYS_SKIPPED
        self.items: list[list[str]] = []  # [kind, text] in the order blocks open
        self.stack: list[tuple[str, int | None, bool]] = []  # (tag, item index, skipped)

    def _skipped(self) -> bool:
        return any(skipped for _, _, skipped in self.stack)

    def _matches(self, attrs: dict) -> bool:
        """The whole attribute value: ("class", "h32-callout") is not "h32-callout h32-callout--past"."""
        return any(attrs.get(name) == value for name, value in self.skip)

    def _open_block(self) -> int | None:
        for _, index, _ in reversed(self.stack):
            if index is not None:
                return index
        return None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = self._skipped() or self._matches(attrs)
        if tag == "img":
            if not skipped:
                self.items.append(["img", attrs.get("alt") or ""])
            return
        if tag in VOID:
            return
        index = None
        if not skipped:
            badge = "h32-badge" in (attrs.get("class") or "").split()
            inner_p = tag == "p" and any(t in ("li", "dd") for t, i, _ in self.stack
                                         if i is not None)
            if badge or (tag in BLOCKS and not inner_p):
                index = len(self.items)
                self.items.append(["badge" if badge else tag, ""])
        self.stack.append((tag, index, skipped))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        index = self._open_block()
        if index is not None and not self._skipped():
            self.items[index][1] += data


def outline(html: str, skip=()) -> list[tuple[str, str]]:
    parser = _Outline(skip)
    parser.feed(html)
    parser.close()
    return [(kind, normalise(text)) for kind, text in parser.items
            if kind == "img" or normalise(text)]


def main_of(page_html: str) -> str:
    """The <main> element of a built page."""
    start = page_html.index("<main")
    return page_html[start:page_html.index("</main>", start) + len("</main>")]


def difference(preview: list, site: list) -> str:
    """"" when the outlines agree, else a diff (- site, + preview)."""
    if preview == site:
        return ""
    lines = difflib.unified_diff([f"{k}: {t}" for k, t in site], [f"{k}: {t}" for k, t in preview],
                                 "site", "preview", lineterm="", n=2)
    return "\n".join(lines)
