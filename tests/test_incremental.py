"""Builds replace output/ at once, but unchanged files keep their inode and mtime."""

from __future__ import annotations

from invoke import Context

import tasks
from support import DEV_CONF


def mtimes(folder):
    return {p.relative_to(folder): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_rebuild_touches_only_what_changed(minimal_site, tmp_path, capfd):
    output = tmp_path / "output"
    tasks.safe_build(Context(), DEV_CONF, output=output, content=minimal_site)
    first = mtimes(output)
    tasks.safe_build(Context(), DEV_CONF, output=output, content=minimal_site)
    assert mtimes(output) == first
    assert "0 fichier(s) écrit(s), 0 supprimé(s)" in capfd.readouterr().out

    page = minimal_site / "metiers" / "usineur.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Texte.", "Texte modifié."), encoding="utf-8")
    tasks.safe_build(Context(), DEV_CONF, output=output, content=minimal_site)
    after = mtimes(output)
    changed = {str(p) for p in after if first.get(p) != after[p]}
    assert "metiers/usineur/index.html" in changed
    assert "metiers/soudeur/index.html" not in changed and "index.html" not in changed
    # the page itself, /recherche/ (it names the search index's entry) and the search files
    # whose bytes changed (content-hashed names): the entry and the shards of the terms whose
    # weights moved (docs/search.md), not the excerpts (title and summary are the same)
    assert {p for p in changed if not p.startswith("search/")} == {
        "metiers/usineur/index.html", "recherche/index.html"}, changed
    shards = [p for p in after if str(p).startswith("search/terms.")]
    assert {p.split(".")[0] for p in changed if p.startswith("search/")} == {"search/index", "search/terms"}
    assert len([p for p in changed if p.startswith("search/terms.")]) < len(shards), changed
    assert len(changed) < len(after) * 0.1


def test_install_build_counts_what_disappeared(tmp_path):
    new, output = tmp_path / "new", tmp_path / "output"
    (new / "a").mkdir(parents=True)
    (new / "a" / "keep.txt").write_text("same")
    (output / "a" / "gone").mkdir(parents=True)
    (output / "a" / "keep.txt").write_text("same")
    (output / "a" / "gone" / "old.txt").write_text("old")
    inode = (output / "a" / "keep.txt").stat().st_ino
    assert tasks.install_build(new, output) == (0, 1, 1)
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == ["a", "a/keep.txt"]
    assert (output / "a" / "keep.txt").stat().st_ino == inode
    assert not new.exists()
