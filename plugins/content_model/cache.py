"""Cache of the reader's pure work: front matter parsed and body converted to HTML.

Parsing YAML, converting Markdown and checking the HTML take about 2 ms a file;
a file whose bytes did not change since the last build gives the same result.
The cache keeps, per source file, its stamp (mtime in ns, size, inode) and the
result of that work; validation against the schema and every cross-file check
still run on every build, so a schema change, a deleted image or a duplicate id
is always reported. Files with problems are never cached.

One pickle per content folder, named by a digest of everything the cached work
depends on (this package's code, the Markdown settings and versions, the
allowed iframe hosts): change any of them and the old cache is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import markdown
import pelican

KEEP = 8  # cache files kept in the folder (one per content folder built lately)


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


class ReaderCache:
    """``get(path)`` → cached value or None; ``put(path, stamp, value)``; ``save()``."""

    def __init__(self, folder: str | os.PathLike | None, settings: dict):
        self.file = Path(folder) / f"reader-{salt(settings)}.pickle" if folder else None
        self.entries: dict[str, tuple] = {}
        self.used: dict[str, tuple] = {}
        self.hits = self.misses = 0
        if self.file and self.file.is_file():
            try:
                self.entries = pickle.loads(self.file.read_bytes())
            except Exception:  # a damaged cache is only a slower build
                self.entries = {}

    def get(self, path: str):
        entry = self.entries.get(path)
        if entry is not None and entry[0] == stamp(path):
            self.used[path] = entry
            self.hits += 1
            return pickle.loads(entry[1])  # a fresh copy: callers may change what they get
        self.misses += 1
        return None

    def put(self, path: str, file_stamp: tuple, value) -> None:
        if file_stamp == stamp(path):  # not edited while it was being read
            self.used[path] = (file_stamp, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def save(self) -> None:
        """Write the entries used in this build (files gone are dropped), if any changed."""
        if not self.file or (self.misses == 0 and self.used.keys() == self.entries.keys()):
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}")
        tmp.write_bytes(pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(self.file)
        others = sorted(self.file.parent.glob("reader-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in others[:-KEEP]:
            old.unlink(missing_ok=True)
