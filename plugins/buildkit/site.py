"""The site's absolute address, for the few outputs that need one (canonical and sharing
URLs, sitemap, feeds, calendar files): SITEURL, or SEO_LOCAL_SITEURL when SITEURL is
empty (development)."""


def site_url(settings) -> str:
    return settings.get("SITEURL") or settings.get("SEO_LOCAL_SITEURL") or ""
