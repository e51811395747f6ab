"""install_build() replaces output/ whole and counts what it wrote and removed."""

from __future__ import annotations

from buildtools.swap import install_build


def test_install_build_counts_what_disappeared(tmp_path):
    new, output = tmp_path / "new", tmp_path / "output"
    (new / "a").mkdir(parents=True)
    (new / "a" / "keep.txt").write_text("same")
    (output / "a" / "gone").mkdir(parents=True)
    (output / "a" / "keep.txt").write_text("same")
    (output / "a" / "gone" / "old.txt").write_text("old")
    assert install_build(new, output) == (1, 1)
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == ["a", "a/keep.txt"]
    assert not new.exists()
