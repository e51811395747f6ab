"""What the search index holds: one document per page, event, partner and key figure.

Which fields of each content type are searched, and in which index field, is declared in
the schema (``Field.search``, ``schema.SEARCH_FIELDS``); this module only reads them."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from content_model import schema as s

SKIPPED_LAYOUTS = {"plan-du-site"}  # a list of links: it would match every query


class Document:
    """One result: its URL, type (French label, also the filter value), title and excerpt as
    the results show them, and ``text``: {index field (schema.SEARCH_FIELDS): its text}, or
    the index fields as keywords. Unless said, the title is searched as ``title`` and the
    excerpt is the ``summary``. ``date``: "YYYY-MM-DD HH:MM" (Paris time) of a dated document
    (a news item's publication, an event's start), else None: it numbers the documents
    (split.number_order)."""

    def __init__(self, url: str, type: str, title: str, excerpt: str | None = None,
                 text: dict[str, str] | None = None, date: str | None = None,
                 source: str | None = None, **fields: str):
        self.url, self.type, self.title, self.date = url, type, title, date
        self.source = source  # the content file, for error messages (None: a data entry)
        self.text = {"title": title, **fields, **(text or {})}
        self.excerpt = self.text.get("summary", "") if excerpt is None else excerpt

    def fields(self) -> dict:
        """Every index field's text (empty when the document has none), URL and type."""
        return {"url": self.url, "type": self.type, "excerpt": self.excerpt,
                **{name: self.text.get(name, "") for name, _ in s.SEARCH_FIELDS}}


def searched(ctype, value_of, **extra: list[str]) -> dict[str, str]:
    """{index field: text} of one entry of ``ctype``: the fields whose declaration names an
    index field (``Field.search``), in the type's order, then ``extra`` (index field:
    texts). ``value_of(name)``: the entry's value of a field or attribute."""
    parts: dict[str, list[str]] = {}
    for f in ctype.fields:
        if not f.search:
            continue
        value = value_of(f.search_text or f.name)
        if value is None or value == "":
            continue
        if f.search_text is None and f.kind in (s.SELECT, s.CHOICES):
            value = f.option_label(value) if f.kind == s.SELECT else [f.option_label(v) for v in value]
        texts = [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
        for name in f.search:
            parts.setdefault(name, []).extend(texts)
    for name, texts in extra.items():
        parts.setdefault(name, []).extend(texts)
    return {name: " ; ".join(t for t in texts if t) for name, texts in parts.items()}


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
    """A page, with the headings its template adds (schema.TEMPLATE_HEADINGS) after its own."""
    ctype = s.BY_NAME[item.content_type]
    headings, body = split_html(getattr(item, "content", ""))
    added = list(s.TEMPLATE_HEADINGS.get(ctype.name, ()))
    text = searched(ctype, lambda name: getattr(item, name, None), headings=[headings, *added],
                    body=[body])
    return Document(item.url, ctype.label_singular, item.title, item.summary, text, date_of(ctype, item),
                    getattr(item, "source_path", None))


def date_of(ctype, item) -> str | None:
    """The value of the type's first date field (news: publication, event: start), if any."""
    name = next((f.name for f in ctype.fields if f.kind == s.DATETIME), None)
    value = getattr(item, name, None) if name else None
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else None


def from_partner(partner: dict) -> Document:
    return Document(f"partenaires/#{partner['id']}", s.PARTNER.label_singular, partner["name"],
                    partner["description"], searched(s.PARTNER, partner.get))


def from_figure(figure: dict, number: str) -> Document:
    """A key figure's title is its number and label, as the page shows them."""
    title = f"{'environ ' if figure['approx'] else ''}{number} {figure['label']}"
    text = searched(s.FIGURE, figure.get)
    for name in s.FIGURE.field("label").search:
        text[name] = title
    excerpt = " ".join(p for p in (figure.get("detail"), f"({figure['period']})") if p)
    return Document(f"chiffres-cles/#{figure['id']}", s.FIGURE.label_singular, title, excerpt, text)


def from_section(section: dict) -> Document:
    """A listing page (SECTIONS): its title and description, searched as a page's."""
    text = {name: section[key] for key, f in (("title", s.TITLE), ("description", s.SUMMARY))
            for name in f.search}
    return Document(section["url"], s.PAGE.label_singular, section["title"], section["description"],
                    text)


def collect(context, format_figure) -> list[Document]:
    docs = [from_section(section) for section in context.get("SECTIONS", {}).values()]
    docs += [from_content(page) for page in context.get("pages", [])
            if getattr(page, "layout", "page") not in SKIPPED_LAYOUTS]
    for name in ("metiers", "formations", "articles", "evenements"):
        docs += [from_content(item) for item in context.get(name, [])]
    docs += [from_partner(p) for p in context.get("partners", [])]
    docs += [from_figure(f, format_figure(f)) for f in context.get("figures", [])]
    return docs
