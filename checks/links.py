"""Every internal href/src/srcset resolves to a file of the output, every #anchor to an id.

A failure names the output page and, when the broken URL is typed in a content file, that
file and line: ``/accessibilite/ (content/pages/accessibilite.md:12): <a href="/metiers/inexistant/"> …``.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .site import Page

SKIPPED_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript"}
CONTENT = Path(__file__).resolve().parents[1] / "content"
SOURCE_SUFFIXES = {".md", ".markdown", ".yaml", ".yml"}
MAX_SOURCES = 3


def target_file(output: Path, path: str) -> Path | None:
    candidate = output / unquote(path).lstrip("/")
    if path.endswith("/"):
        candidate = candidate / "index.html"
    return next((p for p in (candidate, candidate / "index.html") if p.is_file()), None)


class Sources:
    """Where a URL is typed in the content files: ``find(url, page)`` → ["content/x.md:12"]."""

    def __init__(self, root: Path | None):
        self.root = Path(root) if root else None

    @cached_property
    def _files(self) -> list[tuple[Path, list[str]]]:
        files = sorted(self.root.rglob("*")) if self.root and self.root.is_dir() else []
        return [(path, path.read_text(encoding="utf-8", errors="replace").splitlines())
                for path in files if path.suffix in SOURCE_SUFFIXES and path.is_file()]

    def find(self, url: str, page: Page) -> list[str]:
        if not url:
            return []
        # The URL as a whole token: after "(", a quote, "<", "=", ":" or a space, before
        # ")", a quote, ">" or a space (Markdown, YAML, HTML attributes).
        token = re.compile(r"(?<![^\s(\"'<=:])" + re.escape(url) + r"(?![^\s)\"'>])")
        found = [(path, number) for path, lines in self._files
                 for number, line in enumerate(lines, 1) if url in line and token.search(line)]
        segments = set(page.url.strip("/").split("/"))
        own = [(path, number) for path, number in found if path.stem in segments]
        return [f"{path.relative_to(self.root.parent)}:{number}" for path, number in (own or found)[:MAX_SOURCES]]


def check(output: Path, pages: list[Page], sources: Path | None = CONTENT) -> list[str]:
    """Failures as "page (source file:line): element: problem"; ``sources``: the content
    folder where broken URLs are looked up (None: pages only)."""
    by_file = {page.path.resolve(): page for page in pages}
    typed = Sources(sources)
    failures = []

    def fail(page: Page, ref, problem: str) -> None:
        where = typed.find(ref.value, page)
        name = f"{page.name} ({', '.join(where)})" if where else page.name
        failures.append(f"{name}: {ref}: {problem}")

    for page in pages:
        base = "/" + page.url
        for ref in page.refs:
            parts = urlsplit(ref.value)
            if parts.scheme in SKIPPED_SCHEMES or parts.netloc:
                continue  # another site (and canonical/og URLs, absolute by design)
            if ref.tag == "form" and not ref.value:
                continue
            resolved = urlsplit(urljoin(base, ref.value))
            target = target_file(output, resolved.path) if resolved.path else page.path
            if target is None:
                fail(page, ref, f"lien cassé ({resolved.path} n'existe pas)")
                continue
            if parts.fragment and target.suffix == ".html":
                anchor = unquote(parts.fragment)
                target_page = by_file.get(target.resolve())
                if target_page is not None and anchor not in target_page.ids:
                    fail(page, ref, f"ancre #{anchor} absente de /{target_page.url}")
    return failures
