"""A damaged cache never changes the site: every entry of every cache (.cache/content,
jinja, images, cards, search, typeset, dossier) cut short, overwritten, emptied, replaced by a file
of another cache or by a folder gives the cold build's site, exit 0, and the
cache written back as a cold build writes it.

Before, a damaged image manifest made the build leave /metiers/usineur/ out with
exit 0 and nothing logged, and a damaged search index or social card was
published as it was.
"""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from damage import DAMAGES, copy_tree, damage
from pelicanconf import CACHE_FOLDERS as CACHES
from pelicanconf import cache_overrides
from support import DEV_CONF, FIXTURES, build_site, snapshot


def build(content, output, cache):
    # DOSSIER_PDF: the development build makes no PDF; here its cache is damaged too.
    return build_site(content, output, DEV_CONF, "-e", "DOSSIER_PDF=true", *cache_overrides(cache))


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    """The minimal site (a trade with a photo) built with every cache empty."""
    root = tmp_path_factory.mktemp("cold")
    content = root / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    page = content / "metiers" / "usineur.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "family:", "image: images/atelier.jpg\nimage_alt: Un atelier\nfamily:", 1), encoding="utf-8")
    result = build(content, root / "output", root / "cache")
    assert result.returncode == 0, result.log
    entries = {folder: sorted(p for p in (root / "cache" / folder).rglob("*") if p.is_file())
               for folder in CACHES.values()}
    assert all(entries.values()), entries  # every cache has entries to damage
    assert (root / "output" / "metiers" / "usineur" / "index.html").is_file()
    return SimpleNamespace(content=content, cache=snapshot(root / "cache"), output=snapshot(root / "output"),
                           folder=root / "cache", entries=entries)


@pytest.mark.parametrize("how", DAMAGES)
def test_every_damaged_entry_is_a_miss_and_replaced(cold, tmp_path, how):
    cache = tmp_path / "cache"
    copy_tree(cold.folder, cache)
    folders = list(CACHES.values())
    for i, folder in enumerate(folders):
        # "foreign": a whole entry of the next cache in the list, under this entry's name
        foreign = cold.entries[folders[(i + 1) % len(folders)]][0].read_bytes()
        for entry in cold.entries[folder]:
            damage(cache / entry.relative_to(cold.folder), how, foreign=foreign)
    result = build(cold.content, tmp_path / "output", cache)
    assert result.returncode == 0, result.log
    assert "Traceback" not in result.log and "ERROR" not in result.log, result.log
    assert snapshot(tmp_path / "output") == cold.output
    assert snapshot(cache) == cold.cache  # each entry written back whole
