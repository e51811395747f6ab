"""The pages of a built site and what the checks need from their HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset",
             "iframe": "src", "form": "action", "video": "src", "audio": "src"}


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
        attr = URL_ATTRS.get(tag)
        value = attrs.get(attr) if attr else None
        if value is None:
            return
        line = self.getpos()[0]
        values = [v.strip().split(" ")[0] for v in value.split(",")] if attr == "srcset" else [value]
        for v in values:
            self.page.refs.append(Ref(tag, attr, v, line))


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
