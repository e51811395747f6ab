"""ReaderCache: entries keyed by file stamp, one file per settings digest, damage tolerated."""

from __future__ import annotations

import os

from content_model.cache import KEEP, ReaderCache, salt, stamp


def settings(tmp_path, **extra):
    return {"PATH": str(tmp_path / "content"), "MARKDOWN": {"output_format": "html5"}, **extra}


def source(tmp_path, name="a.md", text="---\ntitle: A\n---\n"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_round_trip_and_stamp(tmp_path):
    conf, path = settings(tmp_path), source(tmp_path)
    cache = ReaderCache(tmp_path / "c", conf)
    assert cache.get(path) is None
    cache.put(path, stamp(path), ({"title": "A"}, "<p>x</p>"))
    cache.save()
    again = ReaderCache(tmp_path / "c", conf)
    value = again.get(path)
    assert value == ({"title": "A"}, "<p>x</p>")
    value[0]["title"] = "changed by a caller"
    assert again.get(path)[0]["title"] == "A"  # every hit is a fresh copy
    os.utime(path, ns=(1, 1))
    assert again.get(path) is None  # another mtime: read again


def test_file_changed_while_read_is_not_cached(tmp_path):
    conf, path = settings(tmp_path), source(tmp_path)
    cache = ReaderCache(tmp_path / "c", conf)
    before = stamp(path)
    source(tmp_path, text="---\ntitle: B, longer\n---\n")
    cache.put(path, before, ({"title": "A"}, ""))
    assert path not in cache.used


def test_settings_and_content_folder_select_the_file(tmp_path):
    base = salt(settings(tmp_path))
    assert base == salt(settings(tmp_path))
    assert base != salt(settings(tmp_path, MARKDOWN={"output_format": "xhtml"}))
    assert base != salt(settings(tmp_path, CONTENT_MODEL_IFRAME_HOSTS=["www.youtube-nocookie.com"]))
    assert base != salt({**settings(tmp_path), "PATH": str(tmp_path / "other")})


def test_damaged_cache_is_ignored(tmp_path):
    conf, path = settings(tmp_path), source(tmp_path)
    cache = ReaderCache(tmp_path / "c", conf)
    cache.put(path, stamp(path), ({}, ""))
    cache.save()
    cache.file.write_bytes(b"not a pickle")
    assert ReaderCache(tmp_path / "c", conf).get(path) is None


def test_files_gone_are_dropped_and_old_caches_pruned(tmp_path):
    conf = settings(tmp_path)
    a, b = source(tmp_path, "a.md"), source(tmp_path, "b.md")
    cache = ReaderCache(tmp_path / "c", conf)
    for path in (a, b):
        cache.put(path, stamp(path), ({}, path))
    cache.save()
    cache = ReaderCache(tmp_path / "c", conf)
    assert cache.get(a) is not None  # b is not read in this build
    cache.save()
    assert set(ReaderCache(tmp_path / "c", conf).entries) == {a}
    for i in range(KEEP + 3):
        other = ReaderCache(tmp_path / "c", {**conf, "PATH": str(tmp_path / f"s{i}")})
        other.put(a, stamp(a), ({}, ""))
        other.save()
    assert len(list((tmp_path / "c").glob("reader-*.pickle"))) == KEEP
