"""data_pages: partners (/partenaires/), key figures (/chiffres-cles/) and Hall 32's
contact data (organisation.yaml: footer, contact page, legal notice, JSON-LD) from YAML.

Signal get_generators adds DataPagesGenerator:
- generate_context loads content/data/*.yaml through the content model
  (YAML 1.2, every entry validated) and publishes ``partners``,
  ``partner_groups``, ``figures``, ``featured_figures``, ``series`` and
  ``organisation`` (one dict, its empty fields None, plus ``address_line``) and ``texts``
  (textes.yaml) in the template context, and each listing's description in ``SECTIONS``;
  content_model then checks references to partner ids.
- generate_output writes partenaires/index.html and chiffres-cles/index.html.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from buildkit import imaging
from content_model import schema as s

from . import logos
from .charts import bar_chart, describe
from .loader import load_all

logger = logging.getLogger(__name__)


def address_line(record: dict) -> str:
    """« 32 rue du Clos Four, 63100 Clermont-Ferrand »: the parts of an address that are
    known. The one place the line is made: footer, contact page, legal notice, event pages
    and .ics files read ``organisation.address_line``."""
    town = " ".join(p for p in (record.get("postal_code"), record.get("city")) if p)
    return ", ".join(p for p in (record.get("street"), town) if p)


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
            series["chart"] = bar_chart(series)
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


def get_generators(pelican):
    return DataPagesGenerator


def register():
    # Add the generator that loads the YAML data and writes its pages.
    signals.get_generators.connect(get_generators)
