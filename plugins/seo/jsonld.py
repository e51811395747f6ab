"""schema.org structured data, only from the facts and the content itself."""

from __future__ import annotations

import json
import re

from markupsafe import Markup

from content_model.validate import tel_uri
from buildkit.french import published_iso
from buildkit.french_typeset import typeset_text

ORGANIZATION_ID = "#organisation"

# Every fact about Hall 32 (description, opening, managing association, address,
# telephone, e-mail, profiles) comes from content/data/organisation.yaml, which editors
# correct in the CMS; a field left empty is left out.
ORGANIZATION = {"@type": "EducationalOrganization", "name": "Hall 32"}

CREDENTIAL_LEVELS = ("bac-pro", "bts")  # schema values of FORMATION.level that award a diploma
DURATION_RE = re.compile(r"(\d+)\s*(ans?|mois|semaines?)\b", re.I)
DURATION_UNITS = {"an": "Y", "ans": "Y", "mois": "M", "semaine": "W", "semaines": "W"}


def iso_duration(text: str) -> str | None:
    """'En général 3 ans' -> 'P3Y'; '10 semaines' -> 'P10W'; otherwise None."""
    match = DURATION_RE.search(text or "")
    if not match:
        return None
    return f"P{match.group(1)}{DURATION_UNITS[match.group(2).lower()]}"


def postal_address(org: dict) -> dict | None:
    """schema.org PostalAddress of the known parts of the address, or None."""
    parts = {"streetAddress": org.get("street"), "postalCode": org.get("postal_code"),
             "addressLocality": org.get("city")}
    parts = {key: value for key, value in parts.items() if value}
    return {"@type": "PostalAddress", **parts, "addressCountry": "FR"} if parts else None


def organization(siteurl: str, org: dict | None = None) -> dict:
    """The organisation: facts, plus the contact data that organisation.yaml holds."""
    org = org or {}
    data = {**ORGANIZATION, "@id": f"{siteurl}/{ORGANIZATION_ID}", "url": f"{siteurl}/"}
    parent = {"@type": "Organization", "name": org.get("parent_name"),
              "alternateName": org.get("parent_full_name")}
    parent = {key: value for key, value in parent.items() if value}
    extra = {"name": org.get("name"), "description": org.get("description"),
             "foundingDate": org.get("founding_date"),
             "parentOrganization": parent if parent.get("name") else None,
             "address": postal_address(org),
             "telephone": org.get("phone") and tel_uri(org["phone"]).removeprefix("tel:"),
             "email": org.get("email"),
             "sameAs": [p["url"] for p in org.get("social") or []]}
    return {**data, **{key: value for key, value in extra.items() if value}}


def event(item, siteurl: str, org: dict | None = None) -> dict:
    """An Event (schema.org): a place of its own, or Hall 32 and its address."""
    org = org or {}
    place = {"@type": "Place", "name": item.place or org.get("name") or ORGANIZATION["name"]}
    address = item.address if item.place else postal_address(org)
    if address:
        place["address"] = address
    data = {
        "@type": "Event",
        "name": item.title,
        "description": item.summary,
        "url": f"{siteurl}/{item.url}",
        "startDate": item.start_iso,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "organizer": provider(siteurl),
        "inLanguage": "fr",
    }
    if item.end_iso:
        data["endDate"] = item.end_iso
    if item.audiences_labels:
        data["audience"] = [{"@type": "Audience", "audienceType": label}
                            for label in item.audiences_labels]
    return data


def provider(siteurl: str) -> dict:
    return {"@type": "EducationalOrganization", "@id": f"{siteurl}/{ORGANIZATION_ID}",
            "name": ORGANIZATION["name"]}


def program(formation, siteurl: str) -> dict:
    data = {
        "@type": "EducationalOccupationalProgram",
        "name": formation.title,
        "description": formation.summary,
        "url": f"{siteurl}/{formation.url}",
        "provider": provider(siteurl),
        "occupationalCategory": [m.title for m in formation.metiers],
        "inLanguage": "fr",
    }
    # Only the Bac Pro and the BTS lead to a diploma; the other programmes award none.
    if getattr(formation, "level", None) in CREDENTIAL_LEVELS:
        data["educationalCredentialAwarded"] = formation.level_label
    duration = iso_duration(formation.duration)
    if duration:
        data["timeToComplete"] = duration
    # A price only from a written (sourced) cost, never by default; a programme whose
    # only session is over (past_run) offers nothing to join.
    cost = (getattr(formation, "cost", None) or "").strip().lower()
    if cost.startswith("gratuit") and not getattr(formation, "past_run", None):
        data["offers"] = {"@type": "Offer", "price": 0, "priceCurrency": "EUR",
                          "category": "Gratuit"}
    return data


def occupation(metier, siteurl: str) -> dict:
    return {
        "@type": "Occupation",
        "name": metier.title,
        "description": metier.summary,
        "url": f"{siteurl}/{metier.url}",
        "skills": ", ".join(metier.skills),
        "occupationalCategory": metier.family_label,
    }


def news_article(article, siteurl: str) -> dict:
    data = {
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "url": f"{siteurl}/{article.url}",
        # As precisely as the date is known: "2022-11" when only the month is sourced.
        "datePublished": published_iso(article),
        "inLanguage": "fr",
        "publisher": provider(siteurl),
        "author": provider(siteurl),
    }
    if getattr(article, "modified", None):
        data["dateModified"] = article.modified.isoformat()
    return data


def breadcrumb_list(trail, siteurl: str) -> dict:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": label, "item": f"{siteurl}/{url}"}
            for i, (label, url) in enumerate(trail, 1)
        ],
    }


# Texts a reader sees (names, titles, descriptions) get the pages' French typography
# (buildkit.french_typeset); URLs, dates, codes and identifiers are left as they are.
TEXT_KEYS = frozenset({"name", "headline", "description", "alternateName", "skills",
                       "occupationalCategory", "audienceType", "educationalCredentialAwarded"})


def _typeset(value, key: str = ""):
    if isinstance(value, dict):
        return {k: _typeset(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_typeset(v, key) for v in value]
    return typeset_text(value) if isinstance(value, str) and key in TEXT_KEYS else value


def script(*items: dict) -> Markup:
    """One <script type="application/ld+json"> block (data, not code: CSP-safe)."""
    graph = {"@context": "https://schema.org", "@graph": _typeset(list(items))}
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')
