"""schema.org structured data, only from the facts and the content itself."""

from __future__ import annotations

import json
import re

from markupsafe import Markup

ORGANIZATION_ID = "#organisation"

# Facts about Hall 32 (see the fact sheet): nothing here is invented.
ORGANIZATION = {
    "@type": "EducationalOrganization",
    "name": "Hall 32",
    "description": "Centre de promotion et de formation aux métiers de l'industrie, "
                   "école 100 % gratuite, à Clermont-Ferrand.",
    "foundingDate": "2019-09",
    "address": {
        "@type": "PostalAddress",
        "streetAddress": "32 rue du Clos Four",
        "addressLocality": "Clermont-Ferrand",
        "addressCountry": "FR",
    },
    "parentOrganization": {
        "@type": "Organization",
        "name": "2ARAMI",
        "alternateName": "Association Auvergne-Rhône-Alpes pour les Métiers de l'Industrie",
    },
}

DURATION_RE = re.compile(r"(\d+)\s*(ans?|mois|semaines?)\b", re.I)
DURATION_UNITS = {"an": "Y", "ans": "Y", "mois": "M", "semaine": "W", "semaines": "W"}


def absolute(siteurl: str, url: str) -> str:
    return f"{siteurl}/{url}"


def iso_duration(text: str) -> str | None:
    """'En général 3 ans' -> 'P3Y'; '10 semaines' -> 'P10W'; otherwise None."""
    match = DURATION_RE.search(text or "")
    if not match:
        return None
    return f"P{match.group(1)}{DURATION_UNITS[match.group(2).lower()]}"


def organization(siteurl: str) -> dict:
    return {**ORGANIZATION, "@id": absolute(siteurl, ORGANIZATION_ID), "url": absolute(siteurl, "")}


def provider(siteurl: str) -> dict:
    return {"@type": "EducationalOrganization", "@id": absolute(siteurl, ORGANIZATION_ID),
            "name": ORGANIZATION["name"]}


def program(formation, siteurl: str) -> dict:
    data = {
        "@type": "EducationalOccupationalProgram",
        "name": formation.title,
        "description": formation.summary,
        "url": absolute(siteurl, formation.url),
        "provider": provider(siteurl),
        "educationalCredentialAwarded": formation.level_label,
        "occupationalCategory": [m.title for m in formation.metiers],
        "inLanguage": "fr",
    }
    duration = iso_duration(formation.duration)
    if duration:
        data["timeToComplete"] = duration
    if formation.cost.strip().lower().startswith("gratuit"):
        data["offers"] = {"@type": "Offer", "price": 0, "priceCurrency": "EUR",
                          "category": "Gratuit"}
    return data


def occupation(metier, siteurl: str) -> dict:
    return {
        "@type": "Occupation",
        "name": metier.title,
        "description": metier.summary,
        "url": absolute(siteurl, metier.url),
        "skills": ", ".join(metier.skills),
        "occupationalCategory": metier.family_label,
    }


def news_article(article, siteurl: str, image: str | None = None) -> dict:
    data = {
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "url": absolute(siteurl, article.url),
        "datePublished": article.date.isoformat(),
        "inLanguage": "fr",
        "publisher": provider(siteurl),
        "author": provider(siteurl),
    }
    if getattr(article, "modified", None):
        data["dateModified"] = article.modified.isoformat()
    if image:
        data["image"] = image
    return data


def breadcrumb_list(trail, siteurl: str) -> dict:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": label, "item": absolute(siteurl, url)}
            for i, (label, url) in enumerate(trail, 1)
        ],
    }


def script(*items: dict) -> Markup:
    """One <script type="application/ld+json"> block (data, not code: CSP-safe)."""
    graph = {"@context": "https://schema.org", "@graph": list(items)}
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')
