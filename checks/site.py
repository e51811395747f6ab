"""The pages of a built site and what the checks need from their HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Attributes holding a URL, by element; a srcset holds a list of candidates.
URL_ATTRS = {"a": ("href",), "link": ("href", "imagesrcset"), "img": ("src", "srcset"),
             "source": ("src", "srcset"), "script": ("src",), "iframe": ("src",),
             "form": ("action",), "video": ("src", "poster"), "audio": ("src",)}
SRCSET_ATTRS = {"srcset", "imagesrcset"}


def srcset_urls(value: str) -> list[str]:
    """The URL of each candidate of a srcset: the build writes them (the images plugin's
    names are [a-z0-9-]; content may not write srcset), so no URL holds a comma."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


@dataclass
class Ref:
    tag: str
    attr: str
    value: str
    line: int

    def __str__(self) -> str:
        return f'<{self.tag} {self.attr}="{self.value}"> (ligne {self.line})'


@dataclass
class Page:
    path: Path
    url: str  # "" for the home page, "metiers/" ...
    ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)

    @property
    def name(self) -> str:
        return "/" + self.url


class _Scanner(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.page.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.page.ids.add(attrs["name"])
        line = self.getpos()[0]
        for attr in URL_ATTRS.get(tag, ()):
            value = attrs.get(attr)
            if value is None:
                continue
            for url in srcset_urls(value) if attr in SRCSET_ATTRS else [value]:
                self.page.refs.append(Ref(tag, attr, url, line))


def url_of(output: Path, path: Path) -> str:
    rel = path.relative_to(output).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def load_pages(output: Path) -> list[Page]:
    pages = []
    for path in sorted(output.rglob("*.html")):
        page = Page(path, url_of(output, path))
        _Scanner(page).feed(path.read_text(encoding="utf-8"))
        pages.append(page)
    return pages
