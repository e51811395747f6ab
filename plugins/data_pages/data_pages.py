"""data_pages: partners (/partenaires/), key figures (/chiffres-cles/) and Hall 32's
contact data (organisation.yaml: footer, contact page, legal notice, JSON-LD) from YAML.

Signal get_generators adds DataPagesGenerator:
- generate_context loads content/data/*.yaml through the content model (every entry
  validated) and publishes ``partners``, ``partner_groups``, ``figures``, ``featured_figures``,
  ``series``, ``organisation`` (empty fields None, plus ``address_line``) and ``texts``
  (textes.yaml), and each listing's description in ``SECTIONS``;
- generate_output writes partenaires/index.html and chiffres-cles/index.html.

Signal generator_init adds the Jinja globals ``site_footer()`` (layout/footer.html) and
``site_nav(current_url)`` (layout/nav.html), rendered once per environment and per state of
the menu's links, not once per page (docs/hand-written.md).
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from buildkit import imaging
from buildkit.french import figure_fr, number_fr
from content_model import schema as s
from content_model.schema import PERCENT

from . import logos
from .loader import load_all

logger = logging.getLogger(__name__)


def address_line(record: dict) -> str:
    """« 32 rue du Clos Four, 63100 Clermont-Ferrand »: the parts of an address that are known."""
    town = " ".join(p for p in (record.get("postal_code"), record.get("city")) if p)
    return ", ".join(p for p in (record.get("street"), town) if p)


def amount(value, unit: str) -> str:
    """117 élèves, 54 % (French spaces, as on the key figures)."""
    return figure_fr({"value": value, "unit": unit})


def change(first, last, unit: str) -> str | None:
    """+68 % (relative), or +5 points for a share in %; None if it means nothing."""
    if unit == PERCENT:
        diff = last - first
        word = "point" if abs(diff) < 2 else "points"
        return f"{'+' if diff >= 0 else '−'}{number_fr(abs(diff))}\u00a0{word}"
    if first <= 0:  # no relative change from nothing (values are never negative)
        return None
    rate = round((last - first) / first * 100)
    return f"{'+' if rate >= 0 else '−'}{number_fr(abs(rate))}\u202f%"


def describe(series: dict) -> str:
    """« De 117 élèves en 2019 à 197 élèves en 2022 (+68 %). »: the table gives every value."""
    unit = series.get("unit") or ""
    first, last = series["points"][0], series["points"][-1]
    text = (f"De {amount(first['value'], unit)} en {first['period']} "
            f"à {amount(last['value'], unit)} en {last['period']}")
    difference = change(first["value"], last["value"], unit)
    return text + (f" ({difference})." if difference else ".")


def partner_groups(partners: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """[(role, French label, [partners])] in schema order, YAML order inside."""
    role = s.PARTNER.field("role")
    return [
        (value, label, [p for p in partners if p["role"] == value])
        for value, label in role.options
        if any(p["role"] == value for p in partners)
    ]


class DataPagesGenerator(Generator):
    def generate_context(self) -> None:
        data = load_all(Path(self.path))  # entries with problems left out (logged)
        self.data = {ctype.name: data.get(ctype.name, []) for ctype in s.DATA_TYPES}
        partners = self.data[s.PARTNER.name]
        for partner in partners:
            self._prepare_logo(partner)
        figures = self.data[s.FIGURE.name]
        for series in self.data[s.SERIES.name]:
            series["description"] = describe(series)
        organisation = (self.data[s.ORGANISATION.name] or [{}])[0]  # {} when it had a problem (logged)
        if organisation:
            organisation["address_line"] = address_line(organisation)
        texts = (self.data[s.TEXTS.name] or [{}])[0]
        for name, section in self.context["SECTIONS"].items():
            section["description"] = texts.get(f"intro_{name}") or ""
        self.context.update(
            partners=partners,
            partner_groups=partner_groups(partners),
            figures=figures,
            featured_figures=[f for f in figures if f["featured"]],
            series=self.data[s.SERIES.name],
            organisation=organisation,  # one record (organisation.yaml)
            texts=texts,  # one record (textes.yaml): the home page's and the listings' texts
        )

    def _prepare_logo(self, partner: dict) -> None:
        partner["monogram"] = logos.monogram(partner["name"])
        partner["logo_image"] = None
        if not partner.get("logo"):
            return
        try:
            partner["logo_image"] = imaging.pipeline().process(Path(self.path) / partner["logo"], logos.LOGO_WIDTHS,
                                                               user=f"{partner['_where']}: logo:")
        except imaging.ImageError as exc:
            logger.error("%s: logo: %s", partner["_where"], exc)

    def content_model_items(self):
        for name, entries in self.data.items():
            yield s.BY_NAME[name], entries, lambda entry: entry["_where"]

    def generate_output(self, writer) -> None:
        for ctype, template in ((s.PARTNER, "partenaires"), (s.FIGURE, "chiffres-cles")):
            writer.write_file(
                ctype.index_url + "index.html", self.get_template(template), self.context,
                relative_urls=self.settings["RELATIVE_URLS"], url=ctype.index_url,
            )


def add_layout(generator) -> None:
    rendered: dict = {}

    def render(key, template: str, context, **extra) -> Markup:
        if key not in rendered:
            page = generator.env.get_template(template).render(context.get_all(), **extra)
            rendered[key] = Markup(page)
        return rendered[key]

    @pass_context
    def site_footer(context):
        return render("footer", "layout/footer.html", context)

    @pass_context
    def site_nav(context, current_url: str):
        """The main menu: MAIN_MENU, then the pages with a menu position; each link's
        aria-current: "page" on the page itself, "true" inside its section."""
        pages = sorted((p for p in context["pages"] if getattr(p, "menu", None)), key=lambda p: p.menu)
        links = [*context["MAIN_MENU"], *((getattr(p, "menu_label", None) or p.title, p.url) for p in pages)]
        links = tuple((label, url, "page" if current_url == url else
                       "true" if url and current_url.startswith(url) else "") for label, url in links)
        return render(links, "layout/nav.html", context, nav_links=links)

    generator.env.globals.update(site_footer=site_footer, site_nav=site_nav)


def get_generators(pelican):
    return DataPagesGenerator


def register():
    signals.generator_init.connect(add_layout)
    signals.get_generators.connect(get_generators)
