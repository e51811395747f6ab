"""Every rendered page is typeset in French (issue 15, item 8): the proof over the site.

Reads the text nodes of every page of the real site (not tags, attributes, script,
style, code or pre) and fails on a breakable space before ; : ! ? » or after «, and on a
straight apostrophe (house spellings are advice in the health report,
plugins/health/spelling.py). The same
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

from support import TYPED

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
    return found


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


# The typesetter changes nothing but its own characters (plugins/buildkit/french_typeset.py).
# Where a page has markup, not text: comments, CDATA, raw elements, tags (quoted attributes).
MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?][^>]*>"
                    r"|<(script|style|code|pre|kbd|samp|textarea)\b[^>]*>.*?</\1\s*>"
                    r"|</?[a-zA-Z](?:\"[^\"]*\"|'[^']*'|[^>\"'])*>", re.S | re.I)
SPACES = re.compile(r"(?:[ \u00a0\u202f]|&nbsp;|&#160;|&#xa0;|&#8239;|&#x202f;)+", re.I)
TOKEN = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);?|</?sup>|.", re.S)
NNBSP_OR_NBSP = {"\u202f", "\u00a0"}
APOSTROPHES = re.compile(r"[’']|&#39;?|&#x27;?|&apos;?|&rsquo;", re.I)


def plain(chunk: str) -> str:
    """A changed chunk without the typesetter's characters: spaces, apostrophes, <sup>."""
    chunk = chunk.replace("<sup>", "").replace("</sup>", "")
    return APOSTROPHES.sub("'", SPACES.sub(" ", chunk))


def typeset_differences(before: str, after: str) -> list[str]:
    """How ``after`` differs from ``before`` other than by the typesetter's substitutions
    (’, U+202F, U+00A0 for typed spaces and apostrophes, <sup> around ordinals) in text
    outside markup; empty when it does not."""
    from difflib import SequenceMatcher
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        return ["lines added or removed"]
    markup = [m.span() for m in MARKUP.finditer(before)]
    found, base = [], 0
    for a, b in zip(old, new):
        ta, tb = TOKEN.findall(a), TOKEN.findall(b)  # a reference or a <sup> is one token
        opcodes = SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes() if a != b else []
        for op, i1, i2, j1, j2 in opcodes:
            if op == "equal":
                continue
            lo, hi = (base + len("".join(ta[:i])) for i in (i1, i2))
            x, y, where = "".join(ta[i1:i2]), "".join(tb[j1:j2]), repr(before[max(0, lo - 30):hi + 30])
            if any(s < lo < e if op == "insert" else s < hi and e > lo for s, e in markup):
                found.append(f"changed in markup: {where} → {y!r}")
            elif op == "insert" and y not in ("<sup>", "</sup>"):
                found.append(f"inserted {y!r}: {where}")
            elif op == "delete" and not (SPACES.fullmatch(x) and NNBSP_OR_NBSP & set(tb[max(0, j1 - 1):j1 + 1])):
                found.append(f"deleted {x!r}: {where}")
            elif op == "replace" and (plain(x) != plain(y) or not set(plain(y)) <= {" ", "'"}):
                found.append(f"replaced {x!r} by {y!r}: {where}")
        base += len(a) + 1
    return found


def typed(page: str) -> str:
    """A page as editors type it: the typesetter's characters taken out, everywhere."""
    return page.replace("<sup>", "").replace("</sup>", "").translate(TYPED)


def test_the_typesetter_changes_nothing_else_on_any_page(real_site):
    from buildkit.french_typeset import typeset_html
    bad, changed = {}, 0
    for path in real_site.html_files():
        page = path.read_text(encoding="utf-8")
        source = typed(page)
        out = typeset_html(source)
        found = typeset_differences(source, out)
        if typeset_html(out) != out or typeset_html(page) != page:
            found.append("typesetting twice changes the page")
        if found:
            bad[str(path.relative_to(real_site.output))] = found[:3]
        changed += out != source
    assert bad == {}
    assert changed > len(real_site.html_files()) // 2  # the pages were typeset, not skipped


def test_the_check_finds_other_changes():
    assert typeset_differences("<p>R&D ?</p>", "<p>R&D;\u202f?</p>")
    assert typeset_differences("<p title='a ?'>x</p>", "<p title='a\u202f?'>x</p>")
    assert typeset_differences("<![CDATA[x]]>", "<![CDATA[x]>")
    assert typeset_differences("<p>a &gt; b ?</p>", "<p>a > b\u202f?</p>")
    assert typeset_differences("<p>l'a  ; 3e</p>", "<p>l’a\u202f; 3<sup>e</sup></p>") == []


# A page's name (heading, <title>, link text: breadcrumb, cards, lists) is written plain.
NAME_WITH_SUP = re.compile(r"<(a|h[1-6]|title)\b[^>]*>(?:(?!</\1>).)*?<sup>", re.S)


def test_a_pages_name_is_plain_wherever_it_is_written(real_site):
    bad, raised = {}, 0
    for path in real_site.html_files():
        page = path.read_text(encoding="utf-8")
        raised += page.count("<sup>")
        found = [m.group(0)[-80:] for m in NAME_WITH_SUP.finditer(page)]
        if found:
            bad[str(path.relative_to(real_site.output))] = found[:2]
    assert bad == {}
    assert raised  # ordinals are still raised in running text
