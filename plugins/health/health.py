"""health: what editors need to know about the site, at /admin/ (not public).

Signal get_generators adds HealthGenerator:
- generate_context computes the content-health report (report.py: missing
  organisation data, the legal notice's gaps, trade pages not named in both
  genders, no upcoming event, stale news, figures and programmes, drafts,
  scheduled news; advice on the text: invitations typed in it, people named in
  the masculine alone, long sentences, house spellings…) and the build
  info (buildinfo.py: commit and time), both from buildkit.clock.now(); context
  ``build_info``;
- generate_output writes admin/etat/index.html (the report; noindex, out of the
  sitemap and the search index, which list content only) and admin/build.json
  (read by /admin/ to show which build is online).

``invoke report`` prints the same report (render.text), the GitHub workflow puts
it in the job summary (render.markdown). The report never fails a build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from buildkit import clock
from buildkit.files import write_files
from content_model.reader import CACHE

from .buildinfo import build_info, to_json
from . import render
from .public import public
from .report import collect

logger = logging.getLogger(__name__)
REPORT_URL = "admin/etat/"
BUILD_INFO = "admin/build.json"


def parsed_front_matter():
    """The front matter content_model's reader parsed in this build (its cache: every
    valid file read or stored), so that the report does not parse the YAML again."""
    cache = CACHE.get("reader")
    if cache is None:
        return None

    def front_matter(path: Path, data: bytes | None = None):
        value = cache.peek(str(path), data)
        return value[0] if value and isinstance(value[0], dict) else None
    return front_matter


class HealthGenerator(Generator):
    def output_folders(self):
        return (REPORT_URL.split("/")[0],)

    def generate_context(self) -> None:
        today = clock.now()
        self.report = collect(Path(self.path), today, parsed_front_matter(), records=self.context,
                              cache=self.settings.get("HEALTH_CACHE"))
        self.build_info = build_info(self.settings, today)
        self.context["build_info"] = self.build_info
        logger.info("health: %d point(s) à vérifier, voir /%s", self.report.count, REPORT_URL)

    def generate_output(self, writer) -> None:
        write_files(Path(self.output_path), {BUILD_INFO: to_json(self.build_info).encode()})
        shown = public(self.report)  # a public URL: unpublished content only counted
        writer.write_file(REPORT_URL + "index.html", self.get_template("admin-etat"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=REPORT_URL,
                          report=shown, report_intro=render.intro(shown),
                          report_clear=render.clear_line(shown))


def get_generators(pelican):
    return HealthGenerator


def register():
    signals.get_generators.connect(get_generators)
