"""Findable and shareable: JSON-LD, unique titles and descriptions, sitemap, feeds, cards."""

from __future__ import annotations

import json
import re
from collections import Counter
from xml.etree import ElementTree

from PIL import Image

from checks.site import url_of as _url_of
from support import build_site

LOCAL = "http://127.0.0.1:8000"
REQUIRED = {
    "EducationalOrganization": {"name", "address", "foundingDate", "parentOrganization", "url"},
    "EducationalOccupationalProgram": {"name", "description", "url", "provider",
                                       "occupationalCategory"},
    "Occupation": {"name", "description", "url", "skills"},
    "NewsArticle": {"headline", "datePublished", "description", "url", "publisher"},
    "Event": {"name", "startDate", "location", "url", "description", "organizer"},
    "BreadcrumbList": {"itemListElement"},
}
EXPECTED_TYPE = {"metiers": "Occupation", "formations": "EducationalOccupationalProgram",
                 "actualites": "NewsArticle", "evenements": "Event"}


def public_html(build):
    """Pages meant for search engines: not the 404 page, the search page, the CMS, or a
    page marked noindex (the orientation path's questions and results)."""
    return [p for p in build.html_files()
            if p.name != "404.html" and p.parent.name != "recherche"
            and '<meta name="robots" content="noindex' not in p.read_text(encoding="utf-8")]


def url_of(build, path) -> str:
    return _url_of(build.output, path)


def graph(path) -> list[dict]:
    html = path.read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, path
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def meta(path, attr, name) -> str | None:
    html = path.read_text(encoding="utf-8")
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', html)
    return match and match.group(1)


def test_every_page_has_valid_structured_data(real_site):
    for path in public_html(real_site):
        url = url_of(real_site, path)
        items = {item["@type"]: item for item in graph(path)}
        for kind, item in items.items():
            assert REQUIRED[kind] <= set(item), (url, kind, REQUIRED[kind] - set(item))
        crumbs = items["BreadcrumbList"]["itemListElement"]
        assert crumbs[0]["item"] == f"{LOCAL}/"
        assert crumbs[-1]["item"] == f"{LOCAL}/{url}" or "/page/" in url
        assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
        section = url.split("/")[0]
        if url.count("/") >= 2 and section in EXPECTED_TYPE and "/page/" not in url:
            assert EXPECTED_TYPE[section] in items, url
    home = {item["@type"]: item for item in graph(real_site.output / "index.html")}
    org = home["EducationalOrganization"]
    assert org["address"]["streetAddress"] == "32 rue du Clos Four"
    assert org["parentOrganization"]["name"] == "2ARAMI"


def test_programme_data_comes_from_the_content(real_site):
    items = {i["@type"]: i for i in graph(real_site.output / "formations/bac-pro-maintenance/index.html")}
    program = items["EducationalOccupationalProgram"]
    assert program["offers"]["price"] == 0
    assert program["occupationalCategory"] == ["Technicien ou technicienne de maintenance industrielle"]


def test_titles_and_descriptions_are_unique_and_short(real_site):
    titles, descriptions = Counter(), Counter()
    for path in public_html(real_site):
        html = path.read_text(encoding="utf-8")
        titles[re.search(r"<title>(.*?)</title>", html, re.S).group(1)] += 1
        description = meta(path, "name", "description")
        assert description and len(description.replace("&#39;", "'").replace("&amp;", "&")) <= 160, path
        descriptions[description] += 1
    assert [t for t, n in titles.items() if n > 1] == []
    assert [d for d, n in descriptions.items() if n > 1] == []


def test_open_graph_on_every_page_with_a_real_card(real_site):
    for path in public_html(real_site):
        for prop in ("og:title", "og:description", "og:url", "og:image", "og:type"):
            assert meta(path, "property", prop), (path, prop)
        assert meta(path, "property", "og:url") == f"{LOCAL}/{url_of(real_site, path)}"
        image = meta(path, "property", "og:image").removeprefix(LOCAL + "/")
        with Image.open(real_site.output / image) as card:
            assert card.size == (1200, 630)
    assert meta(real_site.output / "actualites/2019/inauguration-hall-32/index.html",
                "property", "og:type") == "article"


def test_sitemap_lists_every_public_page_and_nothing_else(real_site):
    tree = ElementTree.parse(real_site.output / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text.removeprefix(LOCAL + "/") for loc in tree.findall(".//s:loc", ns)}
    pages = {url_of(real_site, p) for p in public_html(real_site) if "/page/" not in url_of(real_site, p)}
    assert listed == pages
    assert not any(url.startswith("admin") or "drafts" in url for url in listed)
    robots = (real_site.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {LOCAL}/sitemap.xml" in robots and "Disallow: /admin/" in robots


def test_drafts_stay_out_of_sitemap_and_feeds(published):
    feeds = sorted((published.output / "feeds").glob("*.atom.xml"))
    assert feeds
    for path in [published.output / "sitemap.xml", *feeds]:
        assert "convention-education-nationale-uimm" not in path.read_text(encoding="utf-8"), path


def test_404_page_is_useful_and_not_indexed(real_site):
    html = (real_site.output / "404.html").read_text(encoding="utf-8")
    assert 'name="robots" content="noindex"' in html
    for link in ("/metiers/", "/formations/", "/plan-du-site/"):
        assert f'href="{link}"' in html
    assert re.search(r'<form[^>]+action="/recherche/"', html) and 'name="q"' in html


def test_publication_feeds_use_absolute_urls(published):
    feed = ElementTree.parse(published.output / "feeds" / "actualites.atom.xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [l.get("href") for l in feed.findall(".//a:entry/a:link", ns)]
    assert len(links) >= 8 and all(l.startswith("https://") for l in links)
    assert sorted(published.output.glob("feeds/*.atom.xml"))[1:]  # per category too
    html = (published.output / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in html
    assert re.search(r'<link rel="canonical" href="https://[^"]+/">', html)


def test_a_page_with_its_own_image_shares_it(minimal_site, tmp_path):
    (minimal_site / "images").mkdir(exist_ok=True)
    Image.new("RGB", (1200, 630), "white").save(minimal_site / "images" / "soudure.jpg")
    path = minimal_site / "metiers" / "soudeur.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "family:", "image: images/soudure.jpg\nimage_alt: Une soudeuse au travail\nfamily:"), encoding="utf-8")
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    page = tmp_path / "out" / "metiers" / "soudeur" / "index.html"
    # shared as its largest responsive variant
    assert re.fullmatch(rf"{LOCAL}/images/soudure\.\w+-1200\.jpg", meta(page, "property", "og:image"))
    other = tmp_path / "out" / "metiers" / "usineur" / "index.html"
    assert "/cartes/" in meta(other, "property", "og:image")
