"""ReaderCache: entries keyed by the file's bytes, one file per settings digest, damage is a miss."""

from __future__ import annotations

import os
import pickle

import pytest
from damage import DAMAGES, damage

from content_model.cache import KEEP, ReaderCache, salt, stamp


def settings(tmp_path, **extra):
    return {"PATH": str(tmp_path / "content"), "THEME": str(tmp_path / "theme"),
            "MARKDOWN": {"output_format": "html5"}, **extra}


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
    assert again.get(path) is not None  # the same bytes, another date: still a hit
    moved = tmp_path / "copy.md"  # a fresh checkout: another inode, the same bytes
    os.replace(path, moved)
    moved.rename(path)
    assert again.get(path) is not None
    source(tmp_path, text="---\ntitle: B\n---\n\nTexte.\n")
    assert again.get(path) is None  # other bytes: read again


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
    assert base != salt({**settings(tmp_path), "PATH": str(tmp_path / "other")})
    templates = tmp_path / "theme" / "templates"
    templates.mkdir(parents=True)
    (templates / "base.html").write_text('<main id="contenu"></main>', encoding="utf-8")
    assert base != salt(settings(tmp_path))  # the HTML policy refuses the theme's ids


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_or_foreign_cache_file_is_a_miss_then_replaced(tmp_path, how):
    conf, path = settings(tmp_path), source(tmp_path)
    cache = ReaderCache(tmp_path / "c", conf)
    cache.put(path, stamp(path), ({"title": "A"}, "<p>x</p>"))
    cache.save()
    good = cache.file.read_bytes()
    other = ReaderCache(tmp_path / "c", {**conf, "PATH": str(tmp_path / "other")})  # another version
    other.put(path, stamp(path), ({"title": "B"}, ""))
    other.save()
    damage(cache.file, how, foreign=other.file.read_bytes())
    again = ReaderCache(tmp_path / "c", conf)
    assert again.get(path) is None
    again.put(path, stamp(path), ({"title": "A"}, "<p>x</p>"))
    again.save()
    assert cache.file.read_bytes() == good
    assert ReaderCache(tmp_path / "c", conf).get(path) == ({"title": "A"}, "<p>x</p>")


def test_cache_file_is_never_run_as_code(tmp_path):
    """A pickle would run code when loaded: the cache is JSON, a pickle is a damaged file."""
    conf, path = settings(tmp_path), source(tmp_path)
    cache = ReaderCache(tmp_path / "c", conf)
    cache.put(path, stamp(path), ({}, ""))
    cache.save()
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return exec, (f"open({str(marker)!r}, 'w').close()",)

    cache.file.write_bytes(pickle.dumps({path: (stamp(path), pickle.dumps(Payload()))}))
    loaded = ReaderCache(tmp_path / "c", conf)
    loaded.get(path)
    assert not marker.exists()


@pytest.mark.parametrize("meta", [{"a": ("b", "c")}, {"a": float("nan")}, {"a": {1, 2}}, {"a": b"x"}])
def test_values_json_would_change_are_not_cached(tmp_path, meta):
    conf, path = settings(tmp_path), source(tmp_path)
    cache = ReaderCache(tmp_path / "c", conf)
    cache.put(path, stamp(path), (meta, ""))
    assert path not in cache.used


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
    assert len(list((tmp_path / "c").glob("reader-*.cache"))) == KEEP


def test_a_cache_file_removed_by_another_build_meanwhile_is_no_error(tmp_path, monkeypatch):
    conf = settings(tmp_path)
    a = source(tmp_path, "a.md")
    cache = ReaderCache(tmp_path / "c", conf)
    cache.put(a, stamp(a), ({}, a))
    listed = type(tmp_path).glob

    def glob(self, pattern):  # a file listed, then pruned by a build running beside this one
        yield from listed(self, pattern)
        if pattern == "reader-*.cache":
            gone = self / "reader-gone.cache"
            gone.write_bytes(b"")
            yield gone
            gone.unlink()

    monkeypatch.setattr(type(tmp_path), "glob", glob)
    cache.save()
    assert ReaderCache(tmp_path / "c", conf).get(a) is not None
