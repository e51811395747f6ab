"""Findable and shareable: sitemap.xml, robots.txt, structured data (JSON-LD)."""

from .seo import register  # noqa: F401
