"""images: every raster image used by content gets responsive variants.

Signals:
- initialized: one Pipeline for the build (cache in IMAGES_CACHE).
- generator_init: the Jinja global ``picture``.
- content_object_init: the front-matter ``image`` of a trade, programme, news item or page
  becomes ``image_set``; each <img> of the Markdown body is checked (file exists, alt text)
  and rewritten into a <picture> with WebP and fallback srcset, width, height, lazy loading.
- get_generators: ImagesGenerator writes the variants used.

Alt text: a body image needs one; "décorative" marks a decorative image (alt="").
"""

from __future__ import annotations

import logging
import re
import time
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from buildkit import imaging
from buildkit.files import publish_file
from content_model import paths, summary
from content_model.paths import display_path

from .pipeline import URL_DIR, ImageError, ImageSet, Pipeline

logger = logging.getLogger(__name__)
BODY_SIZES = "(min-width: 48rem) 44rem, 100vw"
DECORATIVE = "décorative"
IMG_RE = re.compile(r"<img\b[^>]*>")

_state: dict = {}


def start(pelican) -> None:
    settings = pelican.settings
    imaging.register(Pipeline(settings["IMAGES_CACHE"], background=True))
    _state["root"] = Path(settings["PATH"])
    _state["seconds"] = 0.0  # time the build spent on images (planning, waiting, publishing)
    _state["prefix"] = settings.get("SITE_PATH", "") + "/"


def picture_html(image_set: ImageSet, alt: str, sizes: str, lazy: bool = True) -> str:
    img = image_set.src
    attrs = (f'src="{_state.get("prefix", "/")}{img.url}" width="{image_set.width}" height="{image_set.height}" '
             f'alt="{escape(alt)}" decoding="async"' + (' loading="lazy"' if lazy else ""))
    if not image_set.webp:
        return f"<img {attrs}>"
    return (f'<picture><source type="image/webp" srcset="{_abs(image_set.srcset("webp"))}" '
            f'sizes="{sizes}"><img srcset="{_abs(image_set.srcset())}" sizes="{sizes}" {attrs}>'
            "</picture>")


def _abs(srcset: str) -> str:
    return ", ".join(_state.get("prefix", "/") + part.strip() for part in srcset.split(","))


def picture_global(image_set, alt: str, sizes: str = BODY_SIZES, lazy: bool = False) -> Markup:
    """Jinja: {{ picture(metier.image_set, metier.image_alt) }} (above the fold: not lazy)."""
    return Markup(picture_html(image_set, alt or "", sizes, lazy)) if image_set else Markup("")


def add_globals(generator) -> None:
    generator.env.globals["picture"] = picture_global


class _Attrs(HTMLParser):
    def handle_starttag(self, tag, attrs):
        self.attrs = dict(attrs)

    handle_startendtag = handle_starttag


def rewrite_body(html: str, where: str) -> str:
    def replace(match):
        parser = _Attrs()
        parser.feed(match.group(0))
        attrs = getattr(parser, "attrs", {})
        src, alt = attrs.get("src", ""), (attrs.get("alt") or "").strip()
        path = src.split("?")[0].split("#")[0]
        if re.match(r"^[a-z]+:|^//", path):
            logger.error("%s: corps: image « %s » hors du site : déposez-la dans content/images", where, src)
            return match.group(0)
        source = _state["root"] / path.lstrip("/")
        if not alt:
            logger.error("%s: corps: image « %s » sans texte alternatif (écrivez « %s » si elle "
                         "n'apporte pas d'information)", where, src, DECORATIVE)
            return match.group(0)
        if not paths.inside(source, _state["root"] / paths.IMAGES_FOLDER):
            logger.error("%s: corps: image « %s » hors du dossier content/%s : refusée",
                         where, src, paths.IMAGES_FOLDER)
            return match.group(0)
        if not source.is_file():
            logger.error("%s: corps: image « %s » introuvable", where, src)
            return match.group(0)
        try:
            image_set = imaging.pipeline().process(source, user=f"{where}: corps: {src} :")
        except ImageError as exc:
            logger.error("%s: corps: %s : %s", where, src, exc)
            return match.group(0)
        return picture_html(image_set, "" if alt.lower() == DECORATIVE else alt, BODY_SIZES)

    return IMG_RE.sub(replace, html)


def prepare(content) -> None:
    if "root" not in _state or not getattr(content, "source_path", None):
        return
    started = time.perf_counter()
    try:
        where = display_path(content.source_path)
        content.image_set = None
        image = getattr(content, "image", None)
        if image:
            try:
                content.image_set = imaging.pipeline().process(_state["root"] / image, user=f"{where}: image:")
            except ImageError as exc:
                logger.error("%s: image: %s", where, exc)
        if content._content and "<img" in content._content:
            content._content = rewrite_body(content._content, where)
    finally:
        _state["seconds"] += time.perf_counter() - started


class ImagesGenerator(Generator):
    def output_folders(self):
        return (URL_DIR,)

    def generate_output(self, writer) -> None:
        """Last of the generators (images is last in PLUGINS): the images made in the
        background had the whole page rendering to finish."""
        started = time.perf_counter()
        images = imaging.pipeline()
        for source, user, exc in images.finish():
            logger.error("%s %s", user or f"{display_path(source)}:", exc)
        for url, cached in images.outputs.items():
            if cached.is_file():  # not an image that failed above
                publish_file(cached, Path(self.output_path) / url)
        _state["seconds"] += time.perf_counter() - started
        summary.line(f"Images : {len(images.done)} ({images.work} traitée(s), "
                     f"{len(images.done) - images.work} depuis le cache, {summary.seconds_fr(_state['seconds'])})")


def get_generators(pelican):
    return ImagesGenerator


def register():
    signals.initialized.connect(start)
    signals.content_object_init.connect(prepare)
    signals.generator_init.connect(add_globals)
    signals.get_generators.connect(get_generators)
