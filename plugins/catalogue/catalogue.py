"""catalogue: the trades and programmes of the content model, read and written.

Signal get_generators adds CatalogueGenerator, which reads content/metiers/
and content/formations/ with the content_model reader, hands them to
content_model for the cross-file checks (content_model_items), and writes
/metiers/, /metiers/<slug>/, /formations/ and /formations/<slug>/.
"""

from __future__ import annotations

import logging
from itertools import groupby

from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator

from content_model import schema as s
from content_model.paths import display_path
from content_model.reader import read_folder

logger = logging.getLogger(__name__)


class Metier(Page):
    default_template = "metier"


class Formation(Page):
    default_template = "formation"


CLASSES = {s.METIER.name: Metier, s.FORMATION.name: Formation}


def sort_key(item):
    order = getattr(item, "order", None)
    return (order if order is not None else 10**6, item.title.casefold())


def grouped(items, ctype: s.ContentType, field_name: str):
    """[(value, label, [items])] in the order of the select's options (value: an anchor id)."""
    f = ctype.field(field_name)
    rank = {value: i for i, value in enumerate(f.option_values)}
    ordered = sorted(items, key=lambda i: (rank[getattr(i, field_name)], sort_key(i)))
    return [(key, f.option_label(key), list(group))
            for key, group in groupby(ordered, key=lambda i: getattr(i, field_name))]


class CatalogueGenerator(Generator):
    """Reads and writes the Markdown collections that are not pages or articles."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.items: dict[str, list] = {}

    def generate_context(self) -> None:
        for ctype in (s.METIER, s.FORMATION):
            self.items[ctype.name] = sorted(read_folder(self, ctype, CLASSES[ctype.name]), key=sort_key)
        self.context["metiers"] = self.items[s.METIER.name]
        self.context["formations"] = self.items[s.FORMATION.name]
        self.context["metier_families"] = grouped(self.context["metiers"], s.METIER, "family")
        self.context["formation_levels"] = grouped(self.context["formations"], s.FORMATION, "level")

    def content_model_items(self):
        for name, items in self.items.items():
            yield s.BY_NAME[name], items, lambda obj: display_path(obj.source_path)

    def generate_output(self, writer) -> None:
        for ctype in (s.METIER, s.FORMATION):
            items = self.items[ctype.name]
            for item in items:
                writer.write_file(
                    item.save_as, self.get_template(item.template), self.context,
                    page=item, **{ctype.name: item}, relative_urls=self.settings["RELATIVE_URLS"],
                    override_output=True, url=item.url,
                )
            writer.write_file(
                ctype.index_url + "index.html", self.get_template(ctype.folder), self.context,
                relative_urls=self.settings["RELATIVE_URLS"], url=ctype.index_url,
            )


def get_generators(pelican):
    return CatalogueGenerator


def register():
    signals.get_generators.connect(get_generators)
