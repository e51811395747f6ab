"""seo: sitemap.xml, robots.txt, social cards and schema.org JSON-LD.

Signals:
- generator_init: Jinja globals ``breadcrumb_trail(obj | title=, url=)`` and
  ``structured_data(obj | title=, url=)`` (a page's JSON-LD: its type and BreadcrumbList);
  filters ``meta_description`` (≤ 160 chars) and ``plain_text`` (typeset text for attributes).
- get_generators: SeoGenerator. generate_context (after every generator with content but
  images, which adds none) lists the public pages, publishes ``site_absolute_url`` and
  ``social_cards`` ({page url: card image url}) and draws the missing cards (SEO_CARD_CACHE);
  generate_output writes sitemap.xml, robots.txt and the cards.

Absolute URLs use SITEURL, or SEO_LOCAL_SITEURL when SITEURL is empty (dev).
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from buildkit.french_typeset import typeset_text
from buildkit.files import publish_file, write_files
from buildkit.site import site_url
from buildkit.workers import parallel_map
from content_model import schema as s

from . import cards, jsonld
from .sitemap import robots_txt, sitemap_xml
from .trail import breadcrumb_trail

logger = logging.getLogger(__name__)
CARD_DIR = "cartes"
DESCRIPTION_MAX = 160


ITEMS = {"metier": jsonld.occupation, "formation": jsonld.program, "actualite": jsonld.news_article}


def structured_items(obj, siteurl: str, title=None, url=None, org=None) -> list[dict]:
    kind = getattr(obj, "content_type", None)
    items = []
    if kind in ITEMS:
        items.append(ITEMS[kind](obj, siteurl))
    elif kind == "evenement":
        items.append(jsonld.event(obj, siteurl, org))
    elif kind == "page" and getattr(obj, "layout", None) == "accueil":
        items.append(jsonld.organization(siteurl, org))  # its trail is the home page alone
    trail = breadcrumb_trail(obj, title=title, url=url)
    return items + [jsonld.breadcrumb_list(trail, siteurl)]


def plain_text(text) -> str:
    """Text of a block or a title for an attribute: tags out, entities read, French
    typesetting (attributes are not typeset by the writer, which reads text nodes)."""
    return typeset_text(" ".join(Markup(str(text)).striptags().split()))


def meta_description(text) -> str:
    """Plain text of at most 160 characters, cut at a word with an ellipsis."""
    text = " ".join(Markup(str(text)).striptags().split())
    if len(text) > DESCRIPTION_MAX:
        text = text[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return typeset_text(text)  # tags and entities read once, above


def add_globals(generator) -> None:
    siteurl = site_url(generator.settings)

    def structured_data(obj=None, title=None, url=None):
        # The context is shared by every generator: organisation.yaml is in it by then.
        org = generator.context.get("organisation")
        return jsonld.script(*structured_items(obj, siteurl, title, url, org))

    generator.env.globals.update(breadcrumb_trail=breadcrumb_trail, structured_data=structured_data)
    generator.env.filters["meta_description"] = meta_description
    generator.env.filters["plain_text"] = plain_text


def public_pages(context, palette: cards.Palette) -> dict[str, cards.Card]:
    """{url: the card that represents it} for every public page."""
    pages: dict[str, cards.Card] = {}
    org = context.get("organisation") or {}  # the facts an editor can correct in the CMS
    tagline = org.get("tagline") or ""
    for ctype in s.TYPES:
        if ctype.index_url and ctype.index_url not in pages:
            pages[ctype.index_url] = cards.Card(ctype.label, "Hall 32", palette, tagline)
    for page in context.get("pages", []):
        kind = (org.get("home_kicker") or "Hall 32") if page.url == "" else "Hall 32"
        pages[page.url] = cards.Card(page.title, kind, palette, tagline)
    for item in (i for name in ("metiers", "formations", "articles", "evenements") for i in context.get(name, [])):
        pages[item.url] = cards.Card(item.title, s.BY_NAME[item.content_type].label_singular, palette, tagline)
    return pages


class SeoGenerator(Generator):
    def output_folders(self):
        return (CARD_DIR,)

    def generate_context(self) -> None:
        siteurl = site_url(self.settings)
        cache = Path(self.settings["SEO_CARD_CACHE"])
        self.files: dict[str, Path] = {}  # output path -> cached card
        social_cards: dict[str, str] = {}
        own_images = {item.url: item.image_set.src.url
                      for name in ("pages", "metiers", "formations", "articles")
                      for item in self.context.get(name, []) if getattr(item, "image_set", None)}
        files: dict[str, Path] = {}
        missing: dict[str, cards.Card] = {}  # by file: a card shared by two pages is drawn once
        try:
            palette = cards.Palette.from_tokens(self.context["theme_tokens"])  # the assets plugin's
        except cards.CardError as exc:
            logger.error("seo: %s", exc)
            return
        for url, card in public_pages(self.context, palette).items():
            if url in own_images:  # a page with its own image shares that image
                social_cards[url] = own_images[url]
                continue
            path = f"{CARD_DIR}/{card.key}.png"
            social_cards[url] = path
            files[path] = cards.cached_file(card, cache)  # where render() puts it
            if not cards.is_cached(card, files[path]):  # never drawn, or damaged
                missing[path] = card
        try:
            parallel_map(partial(cards.render, cache_dir=cache), list(missing.values()))
        except cards.CardError as exc:
            logger.error("seo: %s", exc)
            return
        self.files = files
        logger.info("seo: %d social cards, %d drawn, %d from cache", len(files), len(missing),
                    len(files) - len(missing))
        self.context.update(site_absolute_url=siteurl, social_cards=social_cards)

    def generate_output(self, writer) -> None:
        siteurl = site_url(self.settings)
        out = Path(self.output_path)
        write_files(out, {"sitemap.xml": sitemap_xml(self.context, siteurl).encode(),
                          "robots.txt": robots_txt(siteurl).encode()})
        for path, cached in self.files.items():
            publish_file(cached, out / path)


def get_generators(pelican):
    return SeoGenerator


def register():
    signals.generator_init.connect(add_globals)
    signals.get_generators.connect(get_generators)
