"""Every internal href/src/srcset resolves to a file of the output, every #anchor to an id."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .site import Page

SKIPPED_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript"}


def target_file(output: Path, path: str) -> Path | None:
    candidate = output / unquote(path).lstrip("/")
    if path.endswith("/"):
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate
    if (candidate / "index.html").is_file():
        return candidate / "index.html"
    return None


def check(output: Path, pages: list[Page]) -> list[str]:
    by_file = {page.path.resolve(): page for page in pages}
    failures = []
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
                failures.append(f"{page.name}: {ref}: lien cassé ({resolved.path} n'existe pas)")
                continue
            if parts.fragment and target.suffix == ".html":
                anchor = unquote(parts.fragment)
                target_page = by_file.get(target.resolve())
                if target_page is not None and anchor not in target_page.ids:
                    failures.append(f"{page.name}: {ref}: ancre #{anchor} absente de "
                                    f"/{target_page.url}")
    return failures
