"""French typesetting of the written pages, as Pelican writes them.

french_format supplies Pelican's writer (signal ``get_writer``): ``TypesettingWriter`` is
Pelican's Writer, except that a page of the site (not /admin/) is typeset
(buildkit/french_typeset.py) between its rendering and its writing. Typeset pages are kept,
sealed, in FRENCH_TYPESET_CACHE, named by the digest of the rendered page and of the
typesetter's code (figures: docs/performance.md). Pages and feeds go through buildkit.files:
the writer's ``_open_w`` runs Pelican's checks with an ``open`` that hands the text to it.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from pathlib import Path, PurePosixPath

from pelican import writers
from pelican.writers import Writer

from buildkit import files, french_typeset
from buildkit.cachefiles import read_sealed, write_sealed
from buildkit.french_typeset import typeset_html

logger = logging.getLogger(__name__)
KIND = "typeset-page"
SALT = hashlib.sha256(Path(french_typeset.__file__).read_bytes()).digest()


def is_typeset(name: str) -> bool:
    """Pages of the site are typeset; the CMS application (/admin/) and non-HTML files are not."""
    path = PurePosixPath(str(name).replace("\\", "/"))
    return path.suffix == ".html" and path.parts[0] != "admin"


class PageCache:
    """Typeset pages by the digest of the rendered page; without a folder, no cache."""

    def __init__(self, folder: str | None):
        self.folder = Path(folder) if folder else None
        self.used: set[str] = set()
        self.pages = self.hits = 0

    def typeset(self, page: str) -> str:
        self.pages += 1
        if self.folder is None:
            return typeset_html(page)
        key = hashlib.sha256(SALT + page.encode()).hexdigest()
        path = self.folder / key
        self.used.add(key)
        cached = read_sealed(path, KIND)
        if cached is not None:
            self.hits += 1
            return cached.decode()
        typeset = typeset_html(page)
        write_sealed(path, KIND, typeset.encode())
        return typeset

    def prune(self) -> None:
        """Remove the entries this build did not use, once they are most of the folder."""
        if self.folder is None or not self.folder.is_dir():
            return
        names = os.listdir(self.folder)
        if len(names) > 4 * len(self.used):
            for name in names:
                if name not in self.used:
                    (self.folder / name).unlink(missing_ok=True)


class TypesetTemplate:
    """A Jinja template whose rendered page is typeset (Pelican's writer only calls render)."""

    def __init__(self, template, cache: PageCache):
        self.template = template
        self.cache = cache

    def render(self, *args, **kwargs) -> str:
        return self.cache.typeset(self.template.render(*args, **kwargs))


class PendingFile(io.StringIO):
    """A file Pelican's writer writes, handed to files.write_bytes when closed."""

    def __init__(self, path, encoding):
        super().__init__()
        self.path, self.charset = path, encoding or "utf-8"

    def close(self):
        if not self.closed:
            files.write_bytes(self.path, self.getvalue().encode(self.charset))
        super().close()


def _open(file, mode="r", *args, encoding=None, **kwargs):
    if mode == "w" and file != os.devnull:
        return PendingFile(file, encoding)
    return open(file, mode, *args, encoding=encoding, **kwargs)


class TypesettingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        files.start(output_path)
        self.page_cache = PageCache((settings or {}).get("FRENCH_TYPESET_CACHE"))
        CACHES.append(self.page_cache)

    def _open_w(self, filename, encoding, override=False):
        writers.open = _open  # Pelican's checks, then our open: only for this writer's files
        try:
            return super()._open_w(filename, encoding, override)
        finally:
            del writers.open

    def write_file(self, name, template, context, *args, **kwargs):
        if name and is_typeset(name):  # paginated pages are written in the folder of ``name``
            template = TypesetTemplate(template, self.page_cache)
        return super().write_file(name, template, context, *args, **kwargs)


CACHES: list[PageCache] = []  # the writers' caches of this process, pruned when the build ends


def finish_output(pelican) -> None:
    print("Sortie : {} fichier(s) écrit(s), {} inchangé(s), {} supprimé(s)".format(*files.finish()))


def prune_caches(pelican=None) -> None:
    while CACHES:
        cache = CACHES.pop()
        logger.info("french_format: %d page(s) typographiée(s), %d depuis le cache", cache.pages, cache.hits)
        cache.prune()
