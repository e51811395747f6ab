"""search_index: the site's French search, built at build time.

Signal get_generators adds SearchIndexGenerator (after catalogue and
data_pages in PLUGINS, so every document is in the context):
- generate_context collects the documents, starts the split lunr index (job.py) and
  publishes ``search`` (URLs of the lunr scripts, the documents' types; the entry's URL
  once the index is built) for the templates;
- generate_output writes the index files of split.py under search/, the lunr.js files
  copied from node_modules and the /recherche/ page.

Settings: the SEARCH_* of docs/settings.md.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from buildkit.files import hashed_name, write_files
from buildkit.french import figure_fr

from . import caps
from .documents import collect
from .index import build_index, dumps
from .job import IndexJob, unpack
from .split import TYPE_ORDER

logger = logging.getLogger(__name__)

VENDOR = (
    ("lunr", "lunr/lunr.min.js"),
    ("stemmer_support", "lunr-languages/min/lunr.stemmer.support.min.js"),
    ("fr", "lunr-languages/min/lunr.fr.min.js"),
)
OUTPUT_DIR = "search"


class SearchIndexGenerator(Generator):
    def output_folders(self):
        return ("recherche", OUTPUT_DIR)

    def generate_context(self) -> None:
        self.files: dict[str, bytes] = {}
        self.job = None
        node_modules = Path(self.settings.get("SEARCH_NODE_MODULES") or "node_modules")
        urls = {}
        for key, rel in VENDOR:
            path = node_modules / rel
            if not path.is_file():
                logger.error("search_index: %s introuvable : installez les paquets npm "
                             "(./scripts/bootstrap, qui lance npm ci)", path)
                return
            data = path.read_bytes()
            urls[key] = hashed_name(OUTPUT_DIR, Path(rel).name, data)
            self.files[urls[key]] = data
        docs = collect(self.context, figure_fr)
        for problem in caps.problems(docs):  # the build stops (content_model counts errors)
            logger.error("%s", problem)
        self.job = IndexJob(docs, Path(self.settings["SEARCH_CACHE"]))
        if self.settings.get("SEARCH_WHOLE_INDEX"):
            whole = dumps(build_index(docs))
            self.files[hashed_name(OUTPUT_DIR, "whole.json", whole)] = whole
        present = {d.type for d in docs}
        urls["types"] = [t for t in TYPE_ORDER if t in present] + sorted(present - set(TYPE_ORDER))
        self.context["search"] = urls
        self.count = len(docs)

    def _finish_index(self) -> bool:
        started = time.perf_counter()
        try:
            index = self.job.result()
        except Exception as exc:  # lunr.py gives no narrower error type
            logger.error("search_index: l'index de recherche n'a pas pu être construit (%s: %s)",
                         exc.__class__.__name__, exc)
            return False
        entry, files = unpack(index)
        self.context["search"]["index"] = entry
        self.files.update(files)
        size = caps.entry_size(files[entry])
        if size > caps.ENTRY_BUDGET:
            logger.warning("search_index: l'index téléchargé par chaque première recherche pèse "
                           "%d octets compressés, au-delà des %d prévus (search_index/caps.py)",
                           size, caps.ENTRY_BUDGET)
        how = {"cache": "depuis le cache", "worker": "processus parallèle", "inline": "construit ici"}[self.job.source]
        logger.info("search_index: %d documents, index %d bytes in %d files, entry %d bytes (%s, "
                    "construit en %.0f ms, attendu %.0f ms)", self.count, len(index), len(files),
                    len(files[entry]), how, self.job.seconds * 1000, (time.perf_counter() - started) * 1000)
        return True

    def generate_output(self, writer) -> None:
        if "search" not in self.context or not self._finish_index():
            return
        write_files(Path(self.output_path), self.files)
        writer.write_file("recherche/index.html", self.get_template("recherche"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url="recherche/")


def get_generators(pelican):
    return SearchIndexGenerator


def register():
    signals.get_generators.connect(get_generators)
