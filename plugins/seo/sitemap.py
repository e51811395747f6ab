"""sitemap.xml and robots.txt from the published content (no drafts, no /admin/)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from content_model import schema as s
from buildkit.french import published_iso


def entries(context) -> list[tuple[str, str | None]]:
    """[(url, lastmod)] of every public page, home first, then in a stable order."""
    urls: dict[str, str | None] = {"": None}
    for ctype in s.TYPES:
        if ctype.index_url:
            urls.setdefault(ctype.index_url, None)
    if context.get("orientation"):  # the path's entry; its questions and results stay out
        urls[context["orientation"]["url"]] = None
    for page in context.get("pages", []):
        urls[page.url] = None
    for item in context.get("metiers", []) + context.get("formations", []) + context.get("evenements", []):
        urls[item.url] = None
    for article in context.get("articles", []):
        modified = getattr(article, "modified", None)
        # A news date known to the month only stays "2022-11" (W3C datetime allows it).
        urls[article.url] = modified.date().isoformat() if modified else published_iso(article)[:10]
    return sorted(urls.items(), key=lambda kv: (kv[0] != "", kv[0]))


def sitemap_xml(context, siteurl: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, lastmod in entries(context):
        lines.append(f"  <url><loc>{escape(f'{siteurl}/{url}')}</loc>"
                     + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "") + "</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(siteurl: str) -> str:
    return f"User-agent: *\nDisallow: /admin/\n\nSitemap: {siteurl}/sitemap.xml\n"
