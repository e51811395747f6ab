"""content_model: read, validate and link every piece of content; fail the build cleanly.

Signals:
- readers_init: Markdown files are read by FrontMatterReader (front matter validated).
- initialized: count the errors logged from now on; load the reader's cache (CONTENT_MODEL_CACHE).
- all_generators_finalized: save the reader's cache; cross-file checks (links.py, outputs.py)
  and derived links; stop the build before any output is written if anything was wrong.
- finalized: stop with a non-zero exit if an error was logged while writing.
"""

from __future__ import annotations

import logging
import os

from buildkit import clock, workers
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from . import links, outputs, paths, summary
from . import schema as s
from .cache import ReaderCache
from .paths import display_path
from .reader import CACHE, REPORTED, FrontMatterReader

logger = logging.getLogger(__name__)


class ContentModelError(Exception):
    """The build stops: problems in the content were logged above."""

    exitcode = 1


class _ErrorCounter(logging.Handler):
    count = 0

    def emit(self, record):
        if record.levelno < logging.CRITICAL:
            self.count += 1


class _NoTraceback(logging.Filter):
    """An editor's mistake ends with a message, not a Python traceback."""

    def filter(self, record):
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, ContentModelError) or (
            isinstance(exc, RuntimeError) and "encountered" in str(exc)
        ):
            if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
                record.exc_info = record.exc_text = None
        return True


class _AlreadyReported(logging.Filter):
    """Drop Pelican's "Could not process <path>" after the reader named the problems."""

    content_root = ""

    def filter(self, record):
        if record.msg == "Could not process %s" and record.args:
            path = os.path.realpath(os.path.join(self.content_root, str(record.args[0])))
            return path not in REPORTED
        return True


_counter = _ErrorCounter(logging.ERROR)
_already_reported = _AlreadyReported()
_no_traceback = _NoTraceback()
# Pelican's `--log-handler plain` installs no handler at all: give it one that
# prints "ERROR: content/x.md: field: problem", one line each, for editors and CI.
_plain = logging.StreamHandler()
_plain.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))


def add_reader(readers) -> None:
    """Markdown (paths.MARKDOWN_EXTENSIONS) is read by FrontMatterReader; Pelican's
    other readers (HTML, reStructuredText) are turned off: a file of another kind in
    content/ is reported by the stray-file check, never published as is."""
    for ext in list(readers.reader_classes):
        readers.reader_classes[ext] = None
    for ext in paths.MARKDOWN_EXTENSIONS:
        readers.reader_classes[ext.lstrip(".")] = FrontMatterReader


def start_build(pelican) -> None:
    # Listing pages' titles and URLs, for templates and search; data_pages adds each one's
    # description from content/data/textes.yaml.
    pelican.settings["SECTIONS"] = {
        t.name: {"title": t.label, "url": t.index_url, "description": ""} for t in s.TYPES if t.index_url
    }
    root = logging.getLogger()
    _counter.count = 0
    summary.reset()
    REPORTED.clear()
    _already_reported.content_root = pelican.settings["PATH"]
    CACHE["reader"] = ReaderCache(pelican.settings.get("CONTENT_MODEL_CACHE"), pelican.settings)
    generators_log = logging.getLogger("pelican.generators")
    if _already_reported not in generators_log.filters:
        generators_log.addFilter(_already_reported)
    if not [h for h in root.handlers if h is not _counter]:
        root.addHandler(_plain)
    if _counter not in root.handlers:
        root.addHandler(_counter)
    for handler in root.handlers:
        if _no_traceback not in handler.filters:
            handler.addFilter(_no_traceback)
    try:  # every plugin asks buildkit.clock for "today": a wrong value stops here, once
        clock.now()
    except clock.ClockError as exc:
        raise ContentModelError(str(exc)) from None


def _where(obj) -> str:
    return display_path(obj.source_path)


def collect(generators) -> links.Site:
    site = links.Site()
    for gen in generators:
        if isinstance(gen, ArticlesGenerator):
            site.add(s.NEWS, gen.articles, _where)
        elif isinstance(gen, PagesGenerator):
            site.add(s.PAGE, gen.pages + gen.hidden_pages, _where)
        elif hasattr(gen, "content_model_items"):
            for ctype, objs, where in gen.content_model_items():
                site.add(ctype, objs, where)
    return site


def check_site(generators) -> None:
    cache = CACHE.pop("reader", None)
    if cache:
        logger.info("content_model: %d fichier(s) Markdown lus, %d depuis le cache",
                    cache.hits + cache.misses, cache.hits)
        cache.save()
    site = collect(generators)
    links.check_duplicates(site)
    links.check_reserved(site, set(outputs.reserved_folders(generators[0].settings, generators)))
    links.check_strays(site, generators[0].path, display_path)
    homes = [i for i in site.of_type(s.PAGE.name) if links.get(i.obj, "layout") == "accueil"]
    if len(homes) != 1:
        where = ", ".join(i.where for i in homes) or "content/pages"
        site.error(where, "layout", f"il faut exactement une page d'accueil ({len(homes)} trouvée(s))")
    links.resolve_references(site)
    summary.published({t.name: len(site.of_type(t.name)) for t in s.TYPES})
    for problem in site.problems:
        logger.error("%s", problem)
    fail_if_errors("avant l'écriture du site")


def fail_if_errors(when: str) -> None:
    if _counter.count:
        workers.shutdown_all()  # before Python's exit hooks, see buildkit.workers
        raise ContentModelError(
            f"{_counter.count} erreur(s) {when} : corrigez les fichiers cités "
            "ci-dessus. Rien n'a été publié."
        )


def finish(pelican) -> None:
    fail_if_errors("pendant l'écriture du site")
    workers.shutdown_all()
    for text in summary.lines():  # printed: Pelican shows no INFO line by default
        print(text)


def register():
    signals.readers_init.connect(add_reader)
    signals.initialized.connect(start_build)
    signals.all_generators_finalized.connect(check_site)
    signals.finalized.connect(finish)
