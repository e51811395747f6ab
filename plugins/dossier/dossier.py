"""dossier: a printable PDF sheet for every programme and a catalogue, made by the build.

Signal get_generators adds DossierGenerator; at all_generators_finalized (every
programme read, its trades and partners resolved, organisation.yaml and the events
read) it renders the templates theme/templates/dossier/fiche.html and
catalogue.html with the site's Jinja filters, typesets them like the pages
(buildkit.french_typeset) and makes each PDF with WeasyPrint (render.py), unless
the cache already holds it:

- ``formations/<slug>/hall32-<slug>.pdf`` for every programme (a past programme's
  sheet says it is over, as its page does); ``formation.dossier`` (url, size) for
  the programme page's link (components/dossier-link.html);
- ``hall32-catalogue.pdf``: every open programme and the trades, with a table of
  contents; context ``dossier_catalogue`` (components/catalogue-link.html).

The QR code and the printed address are the page's absolute URL (``buildkit.site.site_url``).
PDFs are cached in DOSSIER_CACHE by ``render.key``. DOSSIER_PDF False makes none and shows no link.
"""

from __future__ import annotations

import logging
import math
import re
from urllib.parse import urlsplit
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from buildkit.cachefiles import write_atomic
from buildkit.files import publish_file
from buildkit.french_typeset import typeset_html
from buildkit.site import site_url
from buildkit.workers import parallel_map
from content_model.paths import display_path

from . import render

logger = logging.getLogger(__name__)

DEFAULTS = {"DOSSIER_PDF": True, "DOSSIER_CACHE": ".cache/dossier"}
CATALOGUE = "hall32-catalogue.pdf"
# The print stylesheet of the PDFs, after the theme's tokens (colours, fonts).
STYLESHEETS = ("static/css/tokens.css", "dossier/dossier.css")
HEADING = re.compile(r"<(/?)h([1-6])\b")
HEADING_ID = re.compile(r'(<h[1-6]\b[^>]*?)\s+id="[^"]*"')
ROOT_LINK = re.compile(r'(<a\b[^>]*?\shref=")/')
# A body's images (the images plugin's <picture>, or an <img>): their variants are made in
# the background while the pages are written, after the PDFs; the sheet says where to see them.
IMAGE = re.compile(r"<picture\b.*?</picture>|<img\b[^>]*>", re.S)
ALT = re.compile(r'<img\b[^>]*?\salt="([^"]*)"')


@dataclass(frozen=True)
class Dossier:
    url: str  # inside the site, without SITE_PATH: "formations/x/hall32-x.pdf"
    size: int  # bytes

    @property
    def ko(self) -> int:
        """Size in kilo-octets (1 000 bytes), rounded up, as shown in the link."""
        return max(1, math.ceil(self.size / 1000))


def shift_headings(html: str, by: int) -> str:
    """The body's headings ``by`` levels lower (a programme's h2 is an h4 in the
    catalogue, under « Les formations » and the programme's title), at most h6, without
    their ids."""
    html = HEADING_ID.sub(r"\1", html)  # ids of one programme's body would repeat another's
    return HEADING.sub(lambda m: f"<{m[1]}h{min(6, int(m[2]) + by)}", html)


def image_notes(html: str) -> str:
    """Each image of ``html`` but the embedded ones (data: URLs, the QR code) replaced by
    a note with its alt text: « [Image sur la page en ligne : …] »."""
    def note(match: re.Match) -> str:
        if 'src="data:' in match[0]:
            return match[0]
        alt = ALT.search(match[0])
        text = f" : {alt[1]}" if alt and alt[1].strip() else ""
        return f'<span class="d-image-note">[Image sur la page en ligne{text}]</span>'
    return IMAGE.sub(note, html)


def _make(job: tuple) -> tuple[str, int, str]:
    """(where, size, error): one PDF rendered into its cache file (run in a worker)."""
    where, html, base_url, css, target = job
    try:
        data = render.render_pdf(html, base_url, css)
    except render.RenderError as error:
        return where, 0, str(error)
    write_atomic(target, data)
    return where, len(data), ""


def _cached_size(path: Path) -> int | None:
    """Size of a whole cached PDF, else None (missing or damaged: made again)."""
    try:
        with open(path, "rb") as f:
            head = f.read(5)
            f.seek(-6, 2)
            tail = f.read()
    except OSError:
        return None
    return path.stat().st_size if head == b"%PDF-" and b"%%EOF" in tail else None


class DossierGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, value in DEFAULTS.items():
            self.settings.setdefault(name, value)
        self.files: dict[str, Path] = {}  # output path -> cache file
        self.rendered: list[str] = []

    def _html(self, template: str, **values) -> str:
        """The template rendered and typeset like a page; root-relative links made absolute
        (printed after their text, and clickable in the PDF); images as notes (image_notes)."""
        html = self.get_template(template).render({**self.context, **values})
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(values["site_root"]))
        return typeset_html(image_notes(ROOT_LINK.sub(lambda m: m[1] + origin + "/", html)))

    def prepare(self) -> None:
        """Every PDF made or found in the cache; links set in the context."""
        if not self.settings["DOSSIER_PDF"]:
            return
        base = site_url(self.settings).rstrip("/") + "/"
        theme = Path(self.theme)
        css = "\n".join((theme / name).read_text(encoding="utf-8") for name in STYLESHEETS)
        cache = Path(self.settings["DOSSIER_CACHE"])
        formations = self.context.get("formations", [])
        jobs, sizes, where_of = [], {}, {}

        def plan(save_as: str, where: str, html: str) -> None:
            target = cache / f"{render.key(html, css, base)}.pdf"
            self.files[save_as], where_of[save_as] = target, where
            size = _cached_size(target)
            if size is None:
                jobs.append((save_as, html, base, css, target))
            else:
                sizes[save_as] = size

        for formation in formations:
            page_url = base + formation.url
            html = self._html("dossier/fiche", formation=formation, page_url=page_url, site_root=base,
                              qr=render.qr_data_uri(page_url))
            plan(f"{formation.url}hall32-{formation.slug}.pdf", display_path(formation.source_path), html)
        listing = base + "formations/"
        open_ones = [f for f in formations if not getattr(f, "past_run", None)]
        html = self._html("dossier/catalogue", open_formations=open_ones, page_url=listing, site_root=base,
                          qr=render.qr_data_uri(listing), shift_headings=shift_headings)
        plan(CATALOGUE, "le catalogue des formations", html)

        for save_as, size, error in parallel_map(_make, jobs):
            if error:
                logger.error("%s: fiche PDF %s impossible à faire : %s", where_of[save_as], save_as, error)
                self.files.pop(save_as, None)
                continue
            sizes[save_as] = size
            self.rendered.append(save_as)
        logger.info("dossier: %d PDF, %d rendered, %d from the cache", len(self.files),
                    len(self.rendered), len(self.files) - len(self.rendered))
        for formation in formations:
            save_as = f"{formation.url}hall32-{formation.slug}.pdf"
            if save_as in sizes:
                formation.dossier = Dossier(save_as, sizes[save_as])
        if CATALOGUE in sizes:
            self.context["dossier_catalogue"] = Dossier(CATALOGUE, sizes[CATALOGUE])

    def generate_output(self, writer) -> None:
        if not self.settings["DOSSIER_PDF"]:
            return
        out = Path(self.output_path)
        for save_as, source in self.files.items():
            publish_file(source, out / save_as)
        self._prune()

    def _prune(self) -> None:
        """Cache entries this build did not use are removed (the cache keeps one site)."""
        used = {path.name for path in self.files.values()}
        cache = Path(self.settings["DOSSIER_CACHE"])
        for entry in cache.glob("*.pdf") if cache.is_dir() else ():
            if entry.name not in used:
                entry.unlink(missing_ok=True)


def get_generators(pelican):
    return DossierGenerator


def prepare(generators) -> None:
    for generator in generators:
        if isinstance(generator, DossierGenerator):
            generator.prepare()


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(prepare)
