"""The PDF side of dossier: HTML made into a tagged PDF by WeasyPrint, a QR code, a cache key.

``render_pdf(html, base_url, css)``: PDF/UA-1 (tagged, /Lang from the page's ``lang``,
the page's ``<title>`` as document title), fonts found by fontconfig and embedded as
subsets. Only ``data:`` URLs are fetched (the QR code): nothing is downloaded while
building, and a page that asks for anything else fails with WeasyPrint's reason.
WeasyPrint writes no date and derives the file identifier from the document, so the
same HTML gives the same bytes.

``key(*parts)``: the SHA-256 of what a PDF is made from (its HTML, the stylesheets, the
font files fontconfig picks, the versions of WeasyPrint and of this code): the cache
entry's name.
"""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import subprocess
from functools import lru_cache

# Bumped when the way a PDF is made changes without its HTML changing.
VERSION = "1"
# The families the print stylesheet asks for (theme/dossier/dossier.css).
FONT_PATTERNS = ("DejaVu Sans", "DejaVu Sans:bold", "DejaVu Sans:italic", "DejaVu Sans:bold:italic")


class RenderError(Exception):
    """A PDF WeasyPrint could not make (the message says why)."""


def qr_data_uri(url: str) -> str:
    """A QR code of ``url`` as an SVG data URL (vector: sharp at any print size)."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, border=4, xmldecl=False,
                                     svgns=True, nl=False, dark="#000", light="#fff")
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode("ascii")


@lru_cache(maxsize=1)
def font_files() -> tuple[str, ...]:
    """The font files fontconfig gives for FONT_PATTERNS (what the PDF embeds)."""
    if not shutil.which("fc-match"):
        return ("fc-match absent",)
    files = []
    for pattern in FONT_PATTERNS:
        proc = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True,
                              text=True, timeout=30)
        files.append(proc.stdout.strip())
    return tuple(files)


@lru_cache(maxsize=1)
def _fonts_digest() -> str:
    digest = hashlib.sha256()
    for name in font_files():
        digest.update(name.encode())
        try:
            with open(name, "rb") as f:
                digest.update(hashlib.file_digest(f, "sha256").digest())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _versions() -> str:
    """Versions of the libraries that draw the PDF, read without importing them (a warm
    build that renders nothing does not load WeasyPrint and Pango)."""
    from importlib.metadata import version

    return " ".join(f"{name}={version(name)}" for name in ("weasyprint", "pydyf", "segno"))


def key(*parts: str | bytes) -> str:
    """SHA-256 of ``parts`` and of everything else a PDF depends on."""
    digest = hashlib.sha256()
    for part in (VERSION, _versions(), _fonts_digest(), *parts):
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(b"%d:" % len(data) + data)
    return digest.hexdigest()


def render_pdf(html: str, base_url: str, css: str) -> bytes:
    """The tagged PDF (PDF/UA-1) of ``html``; links relative to ``base_url``."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.urls import FatalURLFetchingError, URLFetcher
    except OSError as error:  # cffi could not load Pango's shared libraries
        raise RenderError(f"WeasyPrint ne trouve pas Pango ({error}) : installez libpango-1.0-0 et "
                          "libpangoft2-1.0-0 (./scripts/bootstrap en root)") from error

    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    try:
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        return document.write_pdf(stylesheets=[CSS(string=css, url_fetcher=fetcher)],
                                  pdf_variant="pdf/ua-1")
    except FatalURLFetchingError as error:  # a BaseException, so that WeasyPrint lets it through
        url = str(error).partition('"')[2].rstrip('"')
        raise RenderError(f"« {url} » ne peut pas être lu : une fiche PDF ne lit que les "
                          "données qu'elle contient (data:), rien sur le réseau") from error
    except Exception as error:  # WeasyPrint's own errors have no common base class
        raise RenderError(f"{type(error).__name__}: {error}") from error
