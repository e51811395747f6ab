"""search_index: the site's French search, built at build time.

Signal get_generators adds SearchIndexGenerator (after catalogue and
data_pages in PLUGINS, so every document is in the context):
- generate_context builds the lunr index (lunr.py with the French pipeline of
  french.py) and the store of excerpts, and publishes ``search`` (URLs of the
  index, the store and the lunr scripts) for the templates;
- generate_output writes search/index.<hash>.json, search/store.<hash>.json,
  the lunr.js files copied from node_modules (installed by `npm ci`, pinned in
  package-lock.json) and the /recherche/ page.

Settings: SEARCH_NODE_MODULES (folder of the npm packages), SEARCH_CACHE (where
the last index is kept, keyed by a hash of the documents and of this plugin's code).
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from french_format.french_format import figure_fr

from .documents import collect
from .index import build_index, build_store, dumps

logger = logging.getLogger(__name__)

VENDOR = (
    ("lunr", "lunr/lunr.min.js"),
    ("stemmer_support", "lunr-languages/min/lunr.stemmer.support.min.js"),
    ("fr", "lunr-languages/min/lunr.fr.min.js"),
)
OUTPUT_DIR = "search"


def hashed(name: str, data: bytes) -> str:
    stem, _, ext = name.rpartition(".")
    return f"{OUTPUT_DIR}/{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{ext}"


class SearchIndexGenerator(Generator):
    def generate_context(self) -> None:
        self.files: dict[str, bytes] = {}
        node_modules = Path(self.settings.get("SEARCH_NODE_MODULES") or "node_modules")
        urls = {}
        for key, rel in VENDOR:
            path = node_modules / rel
            if not path.is_file():
                logger.error("search_index: %s introuvable : installez les paquets npm "
                             "(./scripts/bootstrap, qui lance npm ci)", path)
                return
            data = path.read_bytes()
            urls[key] = hashed(Path(rel).name, data)
            self.files[urls[key]] = data
        started = time.perf_counter()
        docs = collect(self.context, figure_fr)
        try:
            index = self._index(docs)
        except Exception as exc:  # lunr.py gives no narrower error type
            logger.error("search_index: l'index de recherche n'a pas pu être construit (%s: %s)",
                         exc.__class__.__name__, exc)
            return
        store = dumps(build_store(docs))
        urls["index"] = hashed("index.json", index)
        urls["store"] = hashed("store.json", store)
        self.files[urls["index"]] = index
        self.files[urls["store"]] = store
        self.context["search"] = urls
        logger.info("search_index: %d documents, index %d bytes, store %d bytes, %.0f ms",
                    len(docs), len(index), len(store), (time.perf_counter() - started) * 1000)

    def _index(self, docs) -> bytes:
        """The serialised index, from the cache when the documents and the code that
        indexes them are the same as in an earlier build (lunr.py is the slow part)."""
        code = b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
        key = hashlib.sha256(code + dumps([d.fields() for d in docs])).hexdigest()[:20]
        cache = Path(self.settings.get("SEARCH_CACHE") or Path(self.settings["CACHE_PATH"]) / "search")
        cached = cache / f"index-{key}.json"
        if cached.is_file():
            return cached.read_bytes()
        index = dumps(build_index(docs))
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob("index-*.json"):  # one index is enough to keep
            old.unlink()
        cached.write_bytes(index)
        return index

    def generate_output(self, writer) -> None:
        if "search" not in self.context:
            return
        out = Path(self.output_path)
        for url, data in self.files.items():
            target = out / url
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        writer.write_file("recherche/index.html", self.get_template("recherche"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url="recherche/")


def get_generators(pelican):
    return SearchIndexGenerator


def register():
    # Add the generator that builds the index and writes /recherche/.
    signals.get_generators.connect(get_generators)
