"""The real content, built once: every page exists, links both ways, French pages."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from support import ROOT, TYPED, Page
from content_model import schema as s, yaml12
from content_model.frontmatter import read_text, split

CONTENT = ROOT / "content"


def front_matter(folder: str) -> list[dict]:
    return [split(read_text(p))[0] for p in sorted((CONTENT / folder).glob("*.md"))]


def published(folder: str) -> list[dict]:
    return [m for m in front_matter(folder) if m.get("status", "published") == "published"]


def test_build_is_clean(real_site):
    assert "ERROR" not in real_site.log and "WARNING" not in real_site.log, real_site.log


def test_enough_real_content():
    assert len(published("metiers")) >= 10
    assert len(published("formations")) >= 11
    assert len(published("actualites")) >= 8
    slugs = {m["slug"] for m in published("pages")}
    assert {"accueil", "qui-sommes-nous", "pole-industrie", "filles-et-industrie", "alternance",
            "contact", "mentions-legales", "accessibilite", "plan-du-site"} <= slugs


@pytest.mark.parametrize("folder", ["metiers", "formations"])
def test_every_trade_and_programme_has_its_page(real_site, folder):
    items = published(folder)
    for meta in items:
        page = real_site.page(f"{folder}/{meta['slug']}/")
        assert page.h1 == [meta["title"].translate(TYPED)]
    listing = real_site.page(f"{folder}/")
    for meta in items:
        assert f"/{folder}/{meta['slug']}/" in listing.links


def test_trades_and_programmes_link_both_ways(real_site):
    leads_to: dict[str, set[str]] = {}
    for meta in published("formations"):
        page = real_site.page(f"formations/{meta['slug']}/")
        for trade in meta.get("metiers") or []:
            assert f"/metiers/{trade}/" in page.links, (meta["slug"], trade)
            leads_to.setdefault(trade, set()).add(meta["slug"])
    assert leads_to, "no programme names a trade"
    trades = published("metiers")
    family = {meta["slug"]: meta["family"] for meta in trades}
    for meta in trades:
        page = real_site.page(f"metiers/{meta['slug']}/")
        linked = {m.group(1) for link in page.links
                  if (m := re.fullmatch(r"/formations/([a-z0-9-]+)/", link))}
        if meta["slug"] in leads_to:
            assert linked == leads_to[meta["slug"]], meta["slug"]
        else:  # none leads to it: the nearest are those leading to a trade of its family
            near = {p for t, ps in leads_to.items() if family[t] == meta["family"] for p in ps}
            assert linked <= near, meta["slug"]


def test_news_urls_carry_the_year(real_site):
    for meta in published("actualites"):
        year = str(meta["date"])[:4]
        page = real_site.page(f"actualites/{year}/{meta['slug']}/")
        assert page.h1 == [meta["title"].translate(TYPED)]


def test_every_page_is_french_with_a_unique_title(real_site):
    titles = Counter()
    for path in real_site.html_files():
        page = Page.read(path)
        assert page.lang == "fr", path
        assert page.title.strip(), path
        assert len(page.h1) == 1, path
        titles[page.title.strip()] += 1
    assert [t for t, n in titles.items() if n > 1] == []


def test_pages_have_a_description(real_site):
    for path in real_site.html_files():
        assert Page.read(path).meta.get("description", "").strip(), path


def test_dates_are_french_whatever_the_locale(real_site):
    page = real_site.page("actualites/2019/inauguration-hall-32/")
    assert "13 septembre 2019" in page.words


def test_the_texts_of_textes_yaml_show_where_the_cms_says(real_site):
    texts = yaml12.load(read_text(CONTENT / "data" / "textes.yaml"))
    home = real_site.page("/")
    for mission in texts["missions"]:
        assert mission["name"] in home.words and mission["text"] in home.words, mission
    for name in ("for_young", "for_parents", "for_adults", "for_companies"):
        assert texts[name] in home.words, name
    for ctype in (t for t in s.TYPES if t.index_url):
        intro = texts[f"intro_{ctype.name}"]
        listing = real_site.page(ctype.index_url)
        assert intro in listing.words, ctype.index_url  # the lead under the title
        assert listing.meta["description"].rstrip("…").translate(TYPED) in intro  # cut to 160 characters


def test_home_shows_missions_audiences_news_and_figures(real_site):
    home = real_site.page("/")
    for mission in ("Informer", "Former", "Innover", "Connecter"):
        assert mission in home.words
    for link in ("/metiers/", "/alternance/", "/formations/formation-continue/", "/pole-industrie/"):
        assert link in home.links
    latest = sorted(published("actualites"), key=lambda m: str(m["date"]), reverse=True)[:3]
    for meta in latest:
        assert any(link.endswith(f"/{meta['slug']}/") for link in home.links), meta["slug"]
    figures = yaml12.load(read_text(CONTENT / "data" / "figures.yaml"))["figures"]
    for figure in (f for f in figures if f.get("featured")):
        assert figure["label"] in home.words


def test_partners_and_figures_pages(real_site):
    partners = yaml12.load(read_text(CONTENT / "data" / "partners.yaml"))["partners"]
    page = real_site.page("partenaires/")
    for partner in partners:
        assert partner["name"] in page.words
    figures = yaml12.load(read_text(CONTENT / "data" / "figures.yaml"))["figures"]
    page = real_site.page("chiffres-cles/")
    for figure in figures:
        assert figure["label"] in page.words


def test_no_third_party_requests_or_inline_code(real_site):
    for path in real_site.html_files():
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html):
            if re.search(r'rel="(canonical|alternate)"', tag):
                continue  # names an address, loads nothing
            assert not re.search(r'(src|href|srcset)="(https?:)?//', tag), (path, tag)
        for script in re.findall(r"<script[^>]*>", html):
            # JSON-LD or JSON data (the search page's configuration), or a deferred
            # same-origin file: never inline code
            assert script == '<script type="application/ld+json">' or re.fullmatch(
                r'<script src="/theme/js/[\w.-]+\.js" defer>|<script type="application/json" id="[\w-]+">',
                script), (path, script)
        assert not re.search(r"<script(?![^>]*application/(?:ld\+)?json)[^>]*>\s*[^<\s]", html), path
        assert "<style" not in html and " style=" not in html, path
