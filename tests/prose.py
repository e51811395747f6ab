"""The prose of built trade and programme pages, read with buildkit/sentences.py's counter
(tests/test_sentences.py; benchmarks/mobile_bench.py prints the same figures)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from buildkit.sentences import TYPES, Measure, Sentence, split


class _Prose(HTMLParser):
    """Text of the <p> and <li> elements inside the element of class h32-prose."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the prose block (0: outside)
        self.blocks: list[list[str]] = []
        self.block_depth: int | None = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += tag not in VOID
            if tag == "br" and self.block_depth is not None:
                self.blocks[-1].append(" ")
            if tag in ("p", "li"):
                self.blocks.append([])
                self.block_depth = self.depth
        elif "h32-prose" in classes:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            if self.block_depth == self.depth:
                self.block_depth = None
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.block_depth is not None and self.blocks:
            self.blocks[-1].append(data)


VOID = {"br", "img", "hr", "wbr", "source", "input", "meta", "link"}


def of_html(html: str) -> Measure:
    """The prose of a built page (the ``h32-prose`` block)."""
    parser = _Prose()
    parser.feed(html)
    return Measure([Sentence(x) for block in parser.blocks for x in split("".join(block))])


def pages(output: Path) -> dict[str, Measure]:
    """{URL: measure} for every built trade and programme page of a site."""
    found = {}
    for folder in TYPES.values():
        for page in sorted((Path(output) / folder).glob("*/index.html")):
            found[f"/{folder}/{page.parent.name}/"] = of_html(page.read_text(encoding="utf-8"))
    return found
