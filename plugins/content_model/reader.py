"""Pelican reader for Markdown with YAML 1.2 front matter, validated by the schema."""

from __future__ import annotations

import logging
import os
import time
from functools import cached_property
from pathlib import Path

from markdown import Markdown
from markdown.extensions.toc import slugify as toc_slugify
from pelican.readers import BaseReader
from pelican.urlwrappers import Category, Tag

from buildkit import clock

from . import bounds, paths, summary
from . import schema as s
from .cache import ReaderCache, stamp
from .frontmatter import SourceError, read_text, split
from .paths import display_path
from .sanitize import Policy, clean, theme_ids
from .validate import validate

logger = logging.getLogger(__name__)


class ContentError(ValueError):
    """A content file with problems; each one was already logged."""


# Source paths whose problems were logged by this reader during the build, so
# that Pelican's own "Could not process <path>" line can be left out.
REPORTED: set[str] = set()
# Parsed files of earlier builds (set up by the plugin at the start of each build).
CACHE: dict[str, ReaderCache] = {}


def content_type_for(source_path: str, content_root: str) -> s.ContentType | None:
    rel = Path(os.path.relpath(source_path, content_root))
    return s.type_for_folder(rel.parts[0]) if len(rel.parts) > 1 else None


def report(path: str, problems) -> None:
    REPORTED.add(os.path.realpath(path))
    for problem in problems:
        logger.error("%s: %s", display_path(path), problem)


def read_folder(generator, ctype: s.ContentType, content_class) -> list:
    """The items of ``ctype``'s folder that are not drafts, read by ``generator``; a file
    with problems is left out (the reader logged every one with the file's path)."""
    items = []
    for path in sorted(generator.get_files(ctype.folder)):
        try:
            item = generator.readers.read_file(base_path=generator.path, path=path,
                                               content_class=content_class, context=generator.context)
        except ContentError:
            continue
        if item.status != "draft":
            items.append(item)
    return items


def _free_id(slug: str, reserved) -> str:
    return f"{slug}-texte" if slug in reserved else slug


class FrontMatterReader(BaseReader):
    """Markdown files of every content type: front matter checked, body rendered."""

    enabled = True
    file_extensions = [e.lstrip(".") for e in paths.MARKDOWN_EXTENSIONS]

    def read(self, source_path):
        started = time.perf_counter()
        ctype = content_type_for(source_path, self.settings["PATH"])
        try:
            html, meta = self._read(source_path, ctype)
        finally:
            if ctype is not None:
                summary.record(ctype.name, time.perf_counter() - started)
        if meta.get("status") == "draft":
            summary.record(ctype.name, 0.0, draft=True)
        return html, meta

    def _read(self, source_path, ctype: s.ContentType | None):
        root = self.settings["PATH"]
        problem = paths.problem(Path(source_path), Path(root))
        if problem or ctype is None:
            report(source_path, [problem or "fichier hors des dossiers de contenu ("
                                 + ", ".join(t.folder for t in s.MARKDOWN_TYPES) + ")"])
            raise ContentError(source_path)
        cache = CACHE.get("reader")
        cached = cache.get(source_path) if cache else None
        if cached:
            meta, html = cached
        else:
            file_stamp = stamp(source_path)
            try:
                meta, body, body_line = split(read_text(source_path))
            except SourceError as exc:
                report(source_path, [exc])
                raise ContentError(source_path) from None
            html = self._convert(source_path, body, body_line) if body.strip() else ""
        # Validation always runs: the schema, images and other files may have changed.
        values, problems = validate(ctype, meta, Path(root))
        problems += self._check_name(source_path, values)
        if ctype.body and not html.strip():
            problems.append("corps: le texte de la page est vide (il est obligatoire)")
        if not cached:  # cached HTML passed this policy (the cache key has the theme's ids)
            html, refused = clean(html, self._policy)
            if refused:  # say where: look for what was refused in the file's text
                html, refused = clean(html, self._policy, read_text(source_path))
            problems += [f"corps: {p}" for p in refused]
        if problems:
            report(source_path, problems)
            raise ContentError(source_path)
        if cache and not cached:
            cache.put(source_path, file_stamp, (meta, html))
        return html, self._metadata(ctype, values)

    def _convert(self, source_path: str, body: str, body_line: int) -> str:
        """The body's HTML; past a bound (bounds.py) or the time budget, an error."""
        problems = bounds.problems(body, body_line)
        if not problems:
            try:
                with bounds.time_budget():
                    return self._converter.reset().convert(body)
            except bounds.ParseTimeout:
                problems = [f"la mise en forme du texte a pris plus de {bounds.PARSE_SECONDS} s "
                            "(structure anormale : crochets, listes ou balises en très grand "
                            "nombre) : simplifiez le texte"]
            except RecursionError:
                problems = ["texte imbriqué trop profondément (listes, citations ou balises) : "
                            "simplifiez-le"]
            self.__dict__.pop("_converter", None)  # a parse cut short leaves the converter half-way
        report(source_path, [f"corps: {p}" for p in problems])
        raise ContentError(source_path)

    @staticmethod
    def _check_name(source_path: str, values: dict) -> list[str]:
        """The slug is the file's name (the CMS names new files after it)."""
        slug, stem = values.get("slug"), Path(source_path).stem
        if not slug or slug == stem:
            return []
        return [f"slug: « {slug} » diffère du nom du fichier « {Path(source_path).name} » : "
                f"le slug doit être « {stem} » (l'adresse d'une page publiée ne change pas ; "
                "pour une nouvelle adresse, créez une nouvelle entrée)"]

    @cached_property
    def _policy(self) -> Policy:
        return Policy(reserved_ids=theme_ids(Path(self.settings["THEME"]) / "templates"))

    @cached_property
    def _converter(self) -> Markdown:
        """One Markdown converter per reader, reset between files (building one costs about 1 ms)."""
        config = dict(self.settings["MARKDOWN"])
        extensions = [e for e in config.get("extensions", []) if not e.endswith(".meta")]
        configs = {k: v for k, v in config.get("extension_configs", {}).items()
                   if not k.endswith(".meta")}
        # Heading ids never take an id of the theme's (« ## Contenu » would be #contenu,
        # the skip link's target): the sanitizer refuses those ids in content.
        reserved = self._policy.reserved_ids
        toc = "markdown.extensions.toc"
        if toc in configs:
            base = configs[toc].get("slugify", toc_slugify)
            configs[toc] = {**configs[toc], "slugify": lambda value, sep: _free_id(base(value, sep), reserved)}
        config.update(extensions=extensions + list(configs), extension_configs=configs)
        return Markdown(**config)

    def _metadata(self, ctype: s.ContentType, values: dict) -> dict:
        """Turn validated values into the metadata Pelican's content classes expect."""
        meta = {key: value for key, value in values.items() if value is not None}
        meta["content_type"] = ctype.name
        if "category" in meta:
            label = ctype.field("category").option_label(meta["category"])
            meta["category_value"] = meta["category"]
            meta["category"] = Category(label, self.settings)
        if "tags" in meta:
            meta["tags"] = [Tag(tag, self.settings) for tag in meta["tags"]]
        dated = meta.get("date") or meta.get("start")  # news: date; events: start
        url = ctype.url.format(slug=meta["slug"], year=f"{dated:%Y}" if dated else "")
        layout = meta.get("layout")
        if layout == "accueil":
            url = ""
        if layout and layout != "page":
            meta["template"] = layout
        meta["url"] = url
        if (ctype.name == s.NEWS.name and meta.get("status") != "draft"
                and clock.local(meta["date"]) > clock.now()):
            # Scheduled: kept off the site (as a draft) until the first build after its
            # date; the daily rebuild publishes it (plugins/health lists it meanwhile).
            meta["status"], meta["scheduled"] = "draft", True
        meta["save_as"] = "" if meta.get("status") == "draft" else url + "index.html"
        return meta
