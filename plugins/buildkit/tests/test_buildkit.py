"""publish_file links or copies; parallel_map gives what a loop gives, errors included."""

from __future__ import annotations

import os

import pytest

from buildkit import workers
from buildkit.files import publish_file


def test_publish_file_links_and_replaces(tmp_path):
    source = tmp_path / "cache" / "card.png"
    source.parent.mkdir()
    source.write_bytes(b"card")
    target = tmp_path / "out" / "cartes" / "card.png"
    publish_file(source, target)
    assert target.read_bytes() == b"card" and os.path.samefile(source, target)
    publish_file(source, target)  # already there: nothing to do
    other = tmp_path / "cache" / "other.png"
    other.write_bytes(b"other")
    publish_file(other, target)
    assert target.read_bytes() == b"other" and source.read_bytes() == b"card"


def test_publish_file_copies_when_links_fail(tmp_path, monkeypatch):
    source = tmp_path / "a.png"
    source.write_bytes(b"bytes")
    monkeypatch.setattr(os, "link", lambda *a: (_ for _ in ()).throw(OSError("cross-device")))
    publish_file(source, tmp_path / "b.png")
    assert (tmp_path / "b.png").read_bytes() == b"bytes" and not os.path.samefile(source, tmp_path / "b.png")


def square(n):
    if n == 13:
        raise ValueError("treize")
    return n * n, os.getpid()


@pytest.mark.skipif(not workers.can_fork(), reason="needs fork and two cores")
def test_parallel_map_uses_other_processes_and_keeps_order():
    results = workers.parallel_map(square, list(range(12)))
    assert [r for r, _ in results] == [n * n for n in range(12)]
    assert {pid for _, pid in results} - {os.getpid()}


@pytest.mark.parametrize("parallel", [True, False])
def test_parallel_map_raises_the_error(parallel):
    with pytest.raises(ValueError, match="treize"):
        workers.parallel_map(square, list(range(20)), parallel=parallel)
