"""Every rendered page is typeset in French (issue 15, item 8): the proof over the site.

Reads the text nodes of every page of the real site (not tags, attributes, script,
style, code or pre) and fails on a breakable space before ; : ! ? » or after «, on a
straight apostrophe, and on a forbidden spelling (tests/test_spelling.py).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
