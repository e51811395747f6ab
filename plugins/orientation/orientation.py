"""orientation: the path « Quelle formation pour moi ? », static pages, no script needed.

Signal get_generators adds OrientationGenerator (after catalogue and events in PLUGINS):
- generate_context plans every page of the path from the content model (plan.py:
  the schema's profiles and trade families, the programmes' ``audiences``, trades
  and ``past_run``, the pages' ``audiences``) and publishes ``orientation`` (the
  entry's URL and the pages) for the templates that link to it;
- generate_output writes /orientation/ and its question and result pages
  (templates orientation-question.html and orientation-resultat.html).

The pages are not searched; the questions and results after the entry carry ``noindex, follow``
and are out of the sitemap, so they never compete with the programmes' pages in search engines.
"""

from __future__ import annotations

import logging

from pelican import signals
from pelican.generators import Generator

from .plan import TITLE, plan
from .questions import ROOT

logger = logging.getLogger(__name__)


class OrientationGenerator(Generator):
    def output_folders(self):
        return (ROOT.strip("/"),)

    def generate_context(self) -> None:
        self.steps = plan(self.context.get("formations", []), self.context.get("metiers", []),
                          self.context.get("pages", []))
        self.context["orientation"] = {"url": ROOT, "title": TITLE, "steps": self.steps}
        logger.info("orientation: %d pages", len(self.steps))

    def generate_output(self, writer) -> None:
        relative = self.settings["RELATIVE_URLS"]
        for step in self.steps:
            template = "orientation-question" if step.is_question else "orientation-resultat"
            writer.write_file(step.url + "index.html", self.get_template(template),
                              self.context, step=step, relative_urls=relative, url=step.url)


def get_generators(pelican):
    return OrientationGenerator


def register():
    signals.get_generators.connect(get_generators)
