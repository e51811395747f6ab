"""A build updates its output folder (buildkit.files): what changed is written, what the build
did not write is removed, a hard link into a cache is replaced, never written through;
install_build() swaps the updated folder in and keeps the previous site for the next build."""

from __future__ import annotations

import os

from buildkit import files
from buildtools.swap import build_folder, install_build


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
            for p in folder.rglob("*")}


def test_a_build_writes_what_changed_and_removes_what_it_did_not_write(tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    (out / "gone" / "deep").mkdir(parents=True)
    (out / "gone" / "deep" / "old.html").write_text("old")
    (out / "same.html").write_text("same")
    (out / "page").write_text("a file where the new build needs a folder")
    (out / "robots.txt").mkdir()
    (out / "robots.txt" / "x").write_text("a folder where the new build needs a file")
    cache.mkdir()
    (cache / "card.png").write_bytes(b"card")
    os.link(cache / "card.png", out / "card.png")
    os.symlink("/etc", out / "link")
    same_inode = (out / "same.html").stat().st_ino
    files.start(out)
    assert not os.path.lexists(out / "link")  # never part of a build
    files.write_files(out, {"same.html": b"same", "card.png": b"new card", "page/index.html": b"page",
                            "robots.txt": b"robots"})
    files.publish_file(cache / "card.png", out / "cards" / "card.png")
    assert files.finish() == (4, 1, 1)
    assert tree(out) == {"same.html": b"same", "card.png": b"new card", "page": None, "robots.txt": b"robots",
                         "page/index.html": b"page", "cards": None, "cards/card.png": b"card"}
    assert (out / "same.html").stat().st_ino == same_inode  # left alone
    assert (cache / "card.png").read_bytes() == b"card"  # the cache's file was not written through


def test_install_build_keeps_the_previous_site_for_the_next_build(tmp_path):
    output = tmp_path / "output"
    new = build_folder(output)
    (new / "a").mkdir(parents=True)
    (new / "a" / "one.txt").write_text("1")
    install_build(new, output)
    assert tree(output) == {"a": None, "a/one.txt": b"1"} and not new.exists()
    (new / "a").mkdir(parents=True)
    (new / "a" / "two.txt").write_text("2")
    install_build(new, output)
    assert tree(output) == {"a": None, "a/two.txt": b"2"}
    assert tree(build_folder(output)) == {"a": None, "a/one.txt": b"1"}
