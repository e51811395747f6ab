"""The reader's cache (CONTENT_MODEL_CACHE) changes how fast a build is, never what it gives.

Unchanged Markdown files are not parsed and converted again, but every build
still validates every file and runs the cross-file checks; a file with a
problem is never cached.
"""

from __future__ import annotations

import re

from pelicanconf import cache_overrides
from support import DEV_CONF, ROOT, build_site, snapshot

METIER = "metiers/usineur.md"


def build(content, output, cache):
    return build_site(content, output, DEV_CONF, "-v", "-e", f'CONTENT_MODEL_CACHE="{cache}"')


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_second_build_reads_from_cache_and_gives_the_same_site(minimal_site, tmp_path):
    cache = tmp_path / "cache"
    markdown = len(list(minimal_site.rglob("*.md")))
    first = build(minimal_site, tmp_path / "a", cache)
    assert first.returncode == 0, first.log
    assert f"{markdown} fichier(s) Markdown lus, 0 depuis le cache" in first.log
    second = build(minimal_site, tmp_path / "b", cache)
    assert second.returncode == 0, second.log
    assert f"{markdown} fichier(s) Markdown lus, {markdown} depuis le cache" in second.log
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_edited_file_is_read_again(minimal_site, tmp_path):
    cache = tmp_path / "cache"
    markdown = len(list(minimal_site.rglob("*.md")))
    assert build(minimal_site, tmp_path / "a", cache).returncode == 0
    edit(minimal_site / METIER, "Texte.", "Texte réécrit par une rédactrice.")
    result = build(minimal_site, tmp_path / "b", cache)
    assert result.returncode == 0, result.log
    assert "Texte réécrit par une rédactrice." in result.page("metiers/usineur/").words
    assert f"{markdown} fichier(s) Markdown lus, {markdown - 1} depuis le cache" in result.log


def test_unchanged_file_is_still_validated(minimal_site, tmp_path):
    """A cached file whose image was deleted is an error, with its path and field."""
    cache = tmp_path / "cache"
    edit(minimal_site / METIER, "family:", "image: images/atelier.jpg\nimage_alt: Un atelier\nfamily:")
    assert build(minimal_site, tmp_path / "a", cache).returncode == 0
    (minimal_site / "images" / "atelier.jpg").unlink()
    result = build(minimal_site, tmp_path / "b", cache)
    assert result.returncode == 1
    assert "usineur.md: image: l'image « images/atelier.jpg » est introuvable" in result.log
    assert "Traceback" not in result.log


def test_file_with_a_problem_is_never_cached(minimal_site, tmp_path):
    cache = tmp_path / "cache"
    edit(minimal_site / METIER, "family: usinage", "family: x")
    for run in ("a", "b"):  # the second build reports it again
        result = build(minimal_site, tmp_path / run, cache)
        assert result.returncode == 1
        assert "usineur.md: family: « x »" in result.log
    (stored,) = cache.glob("reader-*.cache")
    lines = stored.read_text(encoding="utf-8").split("\n")[1:]  # after the seal's header
    entries = [line.split("\t", 1)[0] for line in lines]
    assert entries and not [path for path in entries if path.endswith("usineur.md")]


def test_real_site_is_the_same_from_every_cache(tmp_path):
    """Every cache (content, templates, typeset pages, images, cards, search index) cold, then warm:
    the same bytes in every output file."""
    caches = cache_overrides(tmp_path / "cache")
    cold = build_site(ROOT / "content", tmp_path / "cold", DEV_CONF, "-v", "-e", *caches, cwd=ROOT)
    warm = build_site(ROOT / "content", tmp_path / "warm", DEV_CONF, "-v", "-e", *caches, cwd=ROOT)
    assert cold.returncode == 0 and warm.returncode == 0, cold.log + warm.log
    read = re.compile(r"(\d+) fichier\(s\) Markdown lus, (\d+) depuis le cache")
    cards = re.compile(r"seo: (\d+) social cards, (\d+) drawn")
    (total, hits), = read.findall(cold.log)
    assert int(total) > 30 and hits == "0"
    assert read.findall(warm.log) == [(total, total)]
    (count, drawn), = cards.findall(cold.log)
    assert int(drawn) == int(count) > 30 and cards.findall(warm.log) == [(count, "0")]
    assert "(depuis le cache, construit en 0 ms" in warm.log  # the search index
    typeset = re.compile(r"french_format: (\d+) page\(s\) typographiée\(s\), (\d+) depuis le cache")
    (pages, typeset_hits), = typeset.findall(cold.log)
    assert int(pages) > 30 and typeset_hits == "0" and typeset.findall(warm.log) == [(pages, pages)]
    assert snapshot(tmp_path / "cold") == snapshot(tmp_path / "warm")
