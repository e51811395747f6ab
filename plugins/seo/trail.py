"""Where a page sits in the site: the breadcrumb trail, from the content model."""

from __future__ import annotations

from content_model import schema as s

HOME = ("Accueil", "")


def section_of(obj) -> tuple[str, str] | None:
    """(label, url) of the listing a content item belongs to, if any."""
    name = getattr(obj, "content_type", None)
    ctype = s.BY_NAME.get(name) if name else None
    if ctype is None or not ctype.index_url:
        return None
    return ctype.label, ctype.index_url


def breadcrumb_trail(obj=None, title: str | None = None, url: str | None = None) -> list:
    """[(label, url)] from the home page to ``obj`` (or to ``title``/``url``)."""
    trail = [HOME]
    if obj is not None:
        section = section_of(obj)
        if section:
            trail.append(section)
        title, url = obj.title, obj.url
    if url:
        trail.append((title, url))
    return trail
