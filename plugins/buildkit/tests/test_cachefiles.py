"""Cache files: written whole or not at all; read back only when whole and of the right kind."""

from __future__ import annotations

import os
import stat

import pytest
from damage import DAMAGES, damage

from buildkit import cachefiles as cf


def test_sealed_round_trip_and_kind(tmp_path):
    path = tmp_path / "sub" / "entry"
    cf.write_sealed(path, "search-index:abc", b"{}\n")
    assert cf.read_sealed(path, "search-index:abc") == b"{}\n"
    assert cf.read_sealed(path, "search-index:abd") is None  # another entry
    assert cf.read_sealed(path, "reader:abc") is None  # another cache
    assert cf.read_sealed(tmp_path / "missing", "search-index:abc") is None
    cf.write_sealed(path, "k", b"")
    assert cf.read_sealed(path, "k") == b""


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_sealed_file_reads_as_none(tmp_path, how):
    path, other = tmp_path / "entry", tmp_path / "other"
    cf.write_sealed(path, "k", b"payload " * 100)
    cf.write_sealed(other, "j", b"payload " * 100)
    damage(path, how, foreign=other.read_bytes())
    assert cf.read_sealed(path, "k") is None
    cf.write_sealed(path, "k", b"new")  # a folder in the way is replaced too
    assert cf.read_sealed(path, "k") == b"new"


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "card.png"
    cf.write_atomic(path, b"one")
    linked = tmp_path / "published.png"
    os.link(path, linked)
    cf.write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert linked.read_bytes() == b"one"  # a file published by hard link never changes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["card.png", "published.png"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # readable once published


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "entry"
    cf.write_atomic(path, b"old")
    monkeypatch.setattr(cf.os, "replace", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        cf.write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["entry"]


def test_remove_takes_files_and_folders(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x").write_bytes(b"")
    (tmp_path / "f").write_bytes(b"")
    for name in ("d", "f", "missing"):
        cf.remove(tmp_path / name)
    assert not list(tmp_path.iterdir())
