"""Builds bring output/ up to date file by file: unchanged files keep their mtime."""

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
    # the page itself and the search index and store (content-hashed names)
    assert len(changed) <= 4, changed
    assert len(changed) < len(after) * 0.1


def test_sync_tree_removes_what_disappeared(tmp_path):
    src, dst = tmp_path / "src", tmp_path / "dst"
    (src / "a").mkdir(parents=True)
    (src / "a" / "keep.txt").write_text("same")
    (dst / "a" / "gone").mkdir(parents=True)
    (dst / "a" / "keep.txt").write_text("same")
    (dst / "a" / "gone" / "old.txt").write_text("old")
    assert tasks.sync_tree(src, dst) == (0, 1, 1)
    assert sorted(p.relative_to(dst).as_posix() for p in dst.rglob("*")) == ["a", "a/keep.txt"]
