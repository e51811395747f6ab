"""HTML of Markdown bodies: an allowlist (``TAGS``, ``ATTRIBUTES``, ``CLASSES``, ``Policy``),
applied by nh3 (Rust's ammonia), never silent.

``clean()`` publishes nh3's output only when it equals the same HTML cleaned with everything
present allowed; otherwise each refused element or attribute is a problem naming its line.
What is refused and why: docs/untrusted-content.md.
"""

from __future__ import annotations

import re
from html import unescape
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nh3

from . import urls

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Pelican's own link syntax: only links to other content files ({filename}); the
# images plugin publishes images, nothing is copied as a static file.
PELICAN_LINK = re.compile(r"^\{(\w+)\}")
PELICAN_LINKS_ALLOWED = frozenset({"filename", "index"})

TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "strong", "em", "b", "i", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr",
    "cite", "q", "code", "pre", "kbd", "samp", "var", "blockquote", "a", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure",
    "figcaption", "div", "span", "time", "details", "summary",
})
ATTRIBUTES = {
    "*": frozenset({"id", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"colspan", "rowspan", "scope", "abbr"}),
    "td": frozenset({"colspan", "rowspan"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
# Classes that Markdown's extensions write (footnotes); the theme's classes are not
# for content: its scripts and styles read them.
CLASSES = {
    "div": frozenset({"footnote"}),
    "a": frozenset({"footnote-ref", "footnote-backref"}),
}

HINTS = {
    "h1": "le titre de la page est son seul <h1> : commencez les intertitres à ## (<h2>)",
    "script": "aucun script dans le contenu",
    "style": "la mise en forme vient du thème",
    "form": "aucun formulaire dans le contenu : mettez un lien vers la page concernée",
    "iframe": "contenu d'un autre site non autorisé",
    "svg": "déposez l'image SVG dans content/images et insérez-la comme image",
}


def theme_ids(theme: str | Path) -> frozenset[str]:
    """Every literal id="…" of the theme's templates: content may not reuse them."""
    ids = set()
    for path in sorted(Path(theme).rglob("*.html")):
        ids.update(re.findall(r'\bid="([^"{}]+)"', path.read_text(encoding="utf-8")))
    return frozenset(ids)


@dataclass(frozen=True)
class Policy:
    reserved_ids: frozenset[str] = frozenset()

    def url_problem(self, tag: str, value: str) -> str | None:
        """Why a URL may not be used (None if it may)."""
        plain = re.sub(r"[\x00-\x20]", "", value)
        value = " ".join(value.split())  # as shown in messages: one line
        pelican = PELICAN_LINK.match(plain)
        if pelican:
            if pelican.group(1) not in PELICAN_LINKS_ALLOWED:
                return (f"lien « {value[:60]} » refusé : {{{pelican.group(1)}}} n'est pas permis "
                        "(images : /images/…, pages : {filename}/…)")
            if ".." in plain.split("/"):
                return f"lien « {value[:60]} » refusé : « .. » sort du dossier du contenu"
            return None
        parts = urlsplit(plain)
        if parts.scheme and parts.scheme.lower() not in URL_SCHEMES:
            return (f"adresse « {value[:60]} » refusée dans <{tag}> (permis : "
                    + ", ".join(sorted(URL_SCHEMES)) + " et les adresses du site)")
        if parts.netloc:  # credentials before the host, mixed-script host (urls.py)
            problem = urls.problem(plain if parts.scheme else "https:" + plain, URL_SCHEMES)
            if problem:
                return f"lien refusé dans <{tag}> : {problem}"
        return None

    def attribute_problem(self, tag: str, name: str, value: str) -> str | None:
        """Why the attribute ``name`` of ``<tag>`` is refused (None if allowed)."""
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, frozenset())
        if name == "class":
            bad = [c for c in value.split() if c not in CLASSES.get(tag, ())]
            return f"classe « {' '.join(bad)} » refusée sur <{tag}> (réservée au thème)" if bad else None
        if name not in allowed:
            why = {"style": " (la mise en forme vient du thème)",
                   "data": " (les attributs data-* sont réservés au thème)"}
            hint = why.get("data" if name.startswith("data-") else name, "")
            if name.startswith("on"):
                hint = " (aucun script dans le contenu)"
            return f"attribut {name}= refusé sur <{tag}>{hint}"
        if name == "id" and value in self.reserved_ids:
            return f"identifiant id=« {value} » réservé au thème : choisissez-en un autre"
        if name in URL_ATTRIBUTES:
            return self.url_problem(tag, value)
        return None

    def _filter(self, tag: str, name: str, value: str) -> str | None:
        if name == "class" or name not in ATTRIBUTES["*"] | URL_ATTRIBUTES:
            return value  # nh3's own allowlists decide
        return None if self.attribute_problem(tag, name, value) else value

    def strict(self, html: str) -> str:
        return nh3.clean(
            html, tags=set(TAGS), clean_content_tags=set(), attributes={t: set(a) for t, a in ATTRIBUTES.items()},
            attribute_filter=self._filter, strip_comments=True, link_rel=None,
            url_schemes=set(URL_SCHEMES), allowed_classes={t: set(c) for t, c in CLASSES.items()},
        )


def reference(html: str) -> str:
    """The same HTML through the same parser and serializer, with every element,
    attribute and URL scheme it contains allowed (and comments kept). Names are
    over-approximated: anything that could be a name counts as one."""
    words = {w.lower() for w in re.findall(r"[^\s\"'<>/=`]+", html)}
    tags = {m.lower() for m in re.findall(r"</?([^\s/>]+)", html)}
    # Browsers drop tabs and newlines inside URLs and decode character references.
    plain = re.sub(r"[\x00-\x20]", "", unescape(html))
    schemes = {m.lower() for m in re.findall(r"(?<![A-Za-z0-9+.\-])([A-Za-z][A-Za-z0-9+.\-]*+):", plain)} | set(URL_SCHEMES)
    return nh3.clean(
        html, tags=tags, clean_content_tags=set(), attributes={"*": words},
        strip_comments=False, link_rel=None, url_schemes=schemes,
    )


class _Explainer(HTMLParser):
    """Names what the policy refuses, element by element (for the error message)."""

    def __init__(self, policy: Policy):
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.found: list[tuple[str, str]] = []  # (problem, snippet to locate)

    def handle_starttag(self, tag, attrs):
        snippet = self.get_starttag_text() or f"<{tag}"
        if tag not in TAGS:
            hint = HINTS.get(tag, "")
            self.found.append((f"balise <{tag}> refusée" + (f" ({hint})" if hint else ""), snippet))
            return
        for name, value in attrs:
            problem = self.policy.attribute_problem(tag, name, value or "")
            if problem:  # a Markdown link or image holds the value, not the tag
                self.found.append((problem, snippet if value is None else f"{snippet}\0{value}"))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.found.append(("commentaire HTML refusé (il serait publié dans le code de la page)",
                           f"<!--{data[:20]}"))


def _line_of(snippet: str, source: str, first_line: int) -> str:
    """« ligne N » of ``snippet`` in the Markdown source, if it can be found."""
    snippet, _, value = snippet.partition("\0")
    for needle in (snippet, value, snippet[:40], snippet.split()[0] if snippet.split() else snippet):
        index = source.find(needle) if needle else -1
        if index >= 0:
            return f"ligne {first_line + source.count(chr(10), 0, index)} : "
    return ""


def clean(html: str, policy: Policy, source: str = "", first_line: int = 1) -> tuple[str, list[str]]:
    """Return (HTML to publish, problems). ``source`` is the Markdown the HTML came
    from (its lines start at ``first_line``): problems say where."""
    strict, ref = policy.strict(html), reference(html)
    if strict == ref:
        return strict, []
    explainer = _Explainer(policy)
    try:
        explainer.feed(html)
        explainer.close()
    except AssertionError as exc:  # html.parser's way of saying a declaration is malformed
        explainer.found.append((f"HTML mal formé ({exc})", "<!"))
    problems, seen = [], set()
    for problem, snippet in explainer.found:
        message = _line_of(snippet, source, first_line) + problem
        if message not in seen:
            seen.add(message)
            problems.append(message)
    if not problems:  # markup the browser reads differently from how it looks
        at = next((i for i, (a, b) in enumerate(zip(ref, strict)) if a != b), min(len(ref), len(strict)))
        problems.append("HTML ambigu ou mal formé, il serait modifié à la publication : "
                        f"« {ref[max(0, at - 30):at + 50]} »")
    return html, problems
