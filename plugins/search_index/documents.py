"""What the search index holds: one document per page, event, partner and key figure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from content_model import schema as s

SKIPPED_LAYOUTS = {"plan-du-site"}  # a list of links: it would match every query


@dataclass
class Document:
    url: str
    type: str  # French label, also the filter value
    title: str
    summary: str = ""
    keywords: str = ""
    headings: str = ""
    body: str = ""

    def fields(self) -> dict:
        return {"url": self.url, "title": self.title, "keywords": self.keywords,
                "summary": self.summary, "headings": self.headings, "body": self.body,
                "type": self.type}


class _TextSplitter(HTMLParser):
    """Headings apart from the rest of the text of rendered Markdown."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.body: list[str] = []
        self._in_heading = 0

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading += 1
            self.headings.append("")

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self._in_heading:
            self._in_heading -= 1

    def handle_data(self, data):
        if self._in_heading:
            self.headings[-1] += data
        else:
            self.body.append(data)


def split_html(html: str) -> tuple[str, str]:
    parser = _TextSplitter()
    parser.feed(html or "")
    return " ; ".join(h.strip() for h in parser.headings), " ".join(" ".join(parser.body).split())


def from_content(item) -> Document:
    headings, body = split_html(getattr(item, "content", ""))
    keywords = " ; ".join(getattr(item, "keywords", None) or [])
    extra = []
    if item.content_type == s.METIER.name:
        extra = list(item.skills) + list(item.workplaces) + [item.family_label]
    elif item.content_type == s.FORMATION.name:
        extra = [item.level_label, item.audience, item.duration, item.rhythm, item.admission]
    elif item.content_type == s.EVENT.name:
        extra = [item.kind_label, item.when, item.place or "", item.address or ""]
        extra += item.audiences_labels or []
    return Document(
        url=item.url, type=s.BY_NAME[item.content_type].label_singular, title=item.title,
        summary=item.summary, keywords=keywords, headings=headings,
        body=" ".join(extra + [body]),
    )


def from_partner(partner: dict) -> Document:
    return Document(url=f"partenaires/#{partner['id']}", type=s.PARTNER.label_singular,
                    title=partner["name"], summary=partner["description"],
                    keywords=partner["role_label"])


def from_figure(figure: dict, number: str) -> Document:
    title = f"{'environ ' if figure['approx'] else ''}{number} {figure['label']}"
    summary = " ".join(p for p in (figure.get("detail"), f"({figure['period']})") if p)
    return Document(url=f"chiffres-cles/#{figure['id']}", type=s.FIGURE.label_singular,
                    title=title, summary=summary, keywords=figure["period"],
                    body=figure["source"])


def from_section(section: dict) -> Document:
    return Document(url=section["url"], type=s.PAGE.label_singular, title=section["title"],
                    summary=section["description"])


def collect(context, format_figure) -> list[Document]:
    docs = [from_section(section) for section in context.get("SECTIONS", {}).values()]
    docs += [from_content(page) for page in context.get("pages", [])
            if getattr(page, "layout", "page") not in SKIPPED_LAYOUTS]
    for name in ("metiers", "formations", "articles", "evenements"):
        docs += [from_content(item) for item in context.get(name, [])]
    docs += [from_partner(p) for p in context.get("partners", [])]
    docs += [from_figure(f, format_figure(f)) for f in context.get("figures", [])]
    return docs
