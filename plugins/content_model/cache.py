"""Cache of the reader's pure work: front matter parsed and body converted to HTML.

Parsing YAML, converting Markdown and checking the HTML take about 2 ms a file;
a file whose bytes did not change since the last build gives the same result.
The cache keeps, per source file, its stamp (mtime in ns, size, inode) and the
result of that work; validation against the schema and every cross-file check
still run on every build, so a schema change, a deleted image or a duplicate id
is always reported. Files with problems are never cached.

One file per content folder, named by a digest of everything the cached work
depends on (this package's code, the Markdown settings and versions, the
allowed iframe hosts): change any of them and the old cache is simply not used.

The file is JSON (front matter is YAML 1.2 core: text, numbers, booleans, null,
lists and mappings, all of which JSON keeps as they are; a value JSON would not
give back unchanged is not cached), sealed by ``buildkit.cachefiles``: a
damaged, truncated or foreign file is read as an empty cache. Not pickle: a
pickle runs code when it is loaded, and a cache folder travels (CI restores it
from earlier runs); JSON only ever gives data back. It costs about 40 ms more
than pickle for 1,000 documents (loading and saving), under 1 % of that build.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import markdown
import pelican
from buildkit.cachefiles import read_sealed, write_sealed

KEEP = 8  # cache files kept in the folder (one per content folder built lately)
FORMAT = "content-reader-1"  # the layout of the file; the salt covers the code that fills it


def salt(settings: dict) -> str:
    """Digest of what a cached entry depends on besides the file's own bytes."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    h.update(repr((markdown.__version__, pelican.__version__, settings.get("MARKDOWN"),
                   sorted(settings.get("CONTENT_MODEL_IFRAME_HOSTS", ())),
                   os.path.realpath(settings["PATH"]))).encode())
    return h.hexdigest()[:20]


def stamp(path: str) -> tuple[int, int, int]:
    st = os.stat(path)
    return st.st_mtime_ns, st.st_size, st.st_ino


def _load(file: Path | None, kind: str) -> dict[str, tuple]:
    """{path: (stamp, JSON text of the value)} from the cache file; {} for anything unusable."""
    data = read_sealed(file, kind) if file else None
    if data is None:
        return {}
    try:
        raw = json.loads(data)
    except ValueError:
        return {}
    entries = {}
    for path, entry in (raw.items() if isinstance(raw, dict) else ()):
        if (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], str)
                and isinstance(entry[0], list) and len(entry[0]) == 3
                and all(type(n) is int for n in entry[0])):
            entries[path] = (tuple(entry[0]), entry[1])
    return entries


class ReaderCache:
    """``get(path)`` → cached value (a tuple) or None; ``put(path, stamp, value)``; ``save()``."""

    def __init__(self, folder: str | os.PathLike | None, settings: dict):
        digest = salt(settings)
        self.file = Path(folder) / f"reader-{digest}.json" if folder else None
        self.kind = f"{FORMAT}:{digest}"
        self.entries: dict[str, tuple] = _load(self.file, self.kind)
        self.used: dict[str, tuple] = {}
        self.hits = self.misses = 0

    def get(self, path: str):
        entry = self.entries.get(path)
        if entry is not None and entry[0] == stamp(path):
            try:
                value = json.loads(entry[1])  # a fresh copy: callers may change what they get
            except ValueError:
                value = None
            if isinstance(value, list):
                self.used[path] = entry
                self.hits += 1
                return tuple(value)
        self.misses += 1
        return None

    def put(self, path: str, file_stamp: tuple, value: tuple) -> None:
        if file_stamp != stamp(path):  # edited while it was being read
            return
        try:
            text = json.dumps(list(value), ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):  # not plain data: read again next time
            return
        if json.loads(text) == list(value):  # tuples, for one, would come back as lists
            self.used[path] = (file_stamp, text)

    def save(self) -> None:
        """Write the entries used in this build (files gone are dropped), if any changed."""
        if not self.file or (self.misses == 0 and self.used.keys() == self.entries.keys()):
            return
        data = json.dumps({path: [list(st), text] for path, (st, text) in sorted(self.used.items())},
                          ensure_ascii=False)
        write_sealed(self.file, self.kind, data.encode("utf-8"))
        folder = self.file.parent
        for old in folder.glob("reader-*.pickle"):  # the format before this one
            old.unlink(missing_ok=True)
        others = sorted((p for p in folder.glob("reader-*.json") if p.is_file()),
                        key=lambda p: p.stat().st_mtime)
        for old in others[:-KEEP]:
            old.unlink(missing_ok=True)
