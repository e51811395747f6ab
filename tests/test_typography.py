"""Every rendered page is typeset in French (issue 15, item 8): the proof over the site.

Reads the text nodes of every page of the real site (not tags, attributes, script,
style, code or pre) and fails on a breakable space before ; : ! ? » or after «, on a
straight apostrophe, and on a forbidden spelling (tests/test_spelling.py). The same
characters are checked where a page's name is written outside its text: <title>, the
description and sharing (OpenGraph) attributes, the JSON-LD names, the Atom feeds (the
social cards: plugins/seo/tests/test_cards.py).
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

from test_spelling import variants

RAW = {"script", "style", "code", "pre", "kbd", "samp", "textarea"}


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.raw, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.raw += tag in RAW

    def handle_endtag(self, tag):
        self.raw -= tag in RAW and self.raw > 0

    def handle_data(self, data):
        if not self.raw:
            self.parts.append(data)


def text_of(path) -> str:
    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "\n".join(parser.parts)


def problems(text: str) -> list[str]:
    found = [f"espace sécable ou apostrophe droite : « {m.group(0)} »"
             for m in re.finditer(r"\S{0,20} [;:!?»]|« \S{0,20}|'", text)]
    return found + variants(text)


def test_every_page_is_typeset(real_site):
    bad = {}
    for path in real_site.html_files():
        found = problems(text_of(path))
        if found:
            bad[str(path.relative_to(real_site.output))] = found[:3]
    assert bad == {}


def test_the_proof_finds_what_it_looks_for():
    assert problems("Pourquoi ? « Campus » l'école Pôle Emploi")
    assert problems("Pourquoi\u202f? «\u202fCampus\u202f» l’école Pôle emploi à 10:30") == []


ATOM = "{http://www.w3.org/2005/Atom}"
# JSON-LD values a reader sees (plugins/seo/jsonld.py TEXT_KEYS), not URLs or dates.
LD_TEXT = {"name", "headline", "description", "alternateName"}


def ld_texts(value, key=""):
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in ld_texts(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in ld_texts(v, key)]
    return [value] if key in LD_TEXT and isinstance(value, str) else []


def test_titles_sharing_and_json_ld_are_typeset(real_site):
    bad, checked = {}, 0
    for path in real_site.html_files():
        page = path.read_text(encoding="utf-8")
        title = html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        shared = [html.unescape(m) for m in re.findall(
            r'<meta (?:name|property)="(?:description|og:title|og:description|og:image:alt)"'
            r' content="([^"]*)"', page)]
        texts = [title] + shared + [t for block in blocks for t in ld_texts(json.loads(block))]
        checked += len(texts)
        found = [p for t in texts for p in problems(t)]
        if found:
            bad[str(path.relative_to(real_site.output))] = found[:3]
    assert bad == {}
    # a title, its description, og:title, og:description and JSON-LD names per page
    assert checked > 5 * len(real_site.html_files())


def test_feed_titles_are_typeset(published):
    feeds = sorted((published.output / "feeds").glob("*.xml"))
    assert feeds
    titles = []
    for path in feeds:
        root = ElementTree.parse(path).getroot()
        titles += [e.text or "" for e in root.iter(f"{ATOM}title")] + [e.text or "" for e in root.iter("title")]
    bad = [t for t in titles if problems(t)]
    assert bad == []
    assert len(titles) > 2 * len(feeds)  # the feeds' titles and their entries' are read


def test_the_proof_reads_typed_titles_as_wrong():
    assert problems("Hall 32 - L'actualité") and problems("Portes ouvertes : samedi")
    assert ld_texts({"@graph": [{"name": "a", "url": "b", "item": {"name": "c"}}]}) == ["a", "c"]
