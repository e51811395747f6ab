"""Cache of the reader's pure work: front matter parsed and body converted to HTML.

``ReaderCache`` keeps, per source file, a stamp of its bytes and that work's result as JSON,
in one sealed file (``buildkit.cachefiles``) per content folder named by a digest of what the
work depends on (``salt``): anything unusable is a miss. Validation and cross-file checks
still run on every build; files with problems are never cached. Why JSON and not Pelican's
cache, and what it saves: docs/hand-written.md, docs/performance.md.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import markdown
import pelican
from buildkit.cachefiles import read_sealed, write_sealed

from .sanitize import theme_ids

KEEP = 8  # cache files kept in the folder (one per content folder built lately)
FORMAT = "content-reader-3"  # the layout of the file; the salt covers the code that fills it


def salt(settings: dict) -> str:
    """Digest of what a cached entry depends on besides the file's own bytes."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    h.update(repr((markdown.__version__, pelican.__version__, settings.get("MARKDOWN"),
                   sorted(theme_ids(Path(settings["THEME"]) / "templates")),  # the HTML policy
                   os.path.realpath(settings["PATH"]))).encode())
    return h.hexdigest()[:20]


def stamp(path: str, data: bytes | None = None) -> tuple[int, int, int]:
    """(size, a 64-bit digest of the bytes, 0): what the cached work depends on (``data``:
    the file's bytes, when already read)."""
    data = Path(path).read_bytes() if data is None else data
    return len(data), int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big"), 0


def _load(file: Path | None, kind: str) -> dict[str, tuple]:
    """{path: (stamp, JSON text of the value)} from the cache file; {} for anything unusable.
    Lines are "path<TAB>size<TAB>digest<TAB>0<TAB>JSON" (JSON escapes tabs and newlines)."""
    data = read_sealed(file, kind) if file else None
    try:
        text = data.decode("utf-8") if data else ""
    except UnicodeDecodeError:
        return {}
    entries = {}
    for line in text.split("\n"):
        fields = line.split("\t", 4)
        if len(fields) == 5 and all(n.isdigit() for n in fields[1:4]):
            entries[fields[0]] = ((int(fields[1]), int(fields[2]), int(fields[3])), fields[4])
    return entries


def _fresh(entry, path: str, data: bytes | None = None):
    """The entry's value (a fresh copy: callers may change what they get) if the file has
    not changed since, else None."""
    if entry is None or entry[0] != stamp(path, data):
        return None
    try:
        value = json.loads(entry[1])
    except ValueError:
        return None
    return tuple(value) if isinstance(value, list) else None


class ReaderCache:
    """``get(path)`` → cached value (a tuple) or None; ``put(path, stamp, value)``; ``save()``."""

    def __init__(self, folder: str | os.PathLike | None, settings: dict):
        digest = salt(settings)
        self.file = Path(folder) / f"reader-{digest}.cache" if folder else None
        self.kind = f"{FORMAT}:{digest}"
        self.entries: dict[str, tuple] = _load(self.file, self.kind)
        self.used: dict[str, tuple] = {}
        self.hits = self.misses = 0

    def get(self, path: str):
        value = _fresh(entry := self.entries.get(path), path)
        if value is None:
            self.misses += 1
        else:
            self.used[path], self.hits = entry, self.hits + 1
        return value

    def peek(self, path: str, data: bytes | None = None):
        """The value read or stored for ``path`` in this build, if the file (``data``: its
        bytes, when already read) has not changed since; not counted as a hit or a miss
        (plugins/health reuses parsed front matter)."""
        return _fresh(self.used.get(path), path, data)

    def put(self, path: str, file_stamp: tuple, value: tuple) -> None:
        if file_stamp != stamp(path) or "\t" in path or "\n" in path:  # edited while read; odd name
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
        lines = ("\t".join((path, *map(str, st), text)) for path, (st, text) in sorted(self.used.items()))
        write_sealed(self.file, self.kind, "\n".join(lines).encode("utf-8"))
        ages = []
        for other in self.file.parent.glob("reader-*.cache"):
            try:  # another build (tests run two at once) may remove it meanwhile
                if other.is_file():
                    ages.append((other.stat().st_mtime, other))
            except FileNotFoundError:
                continue
        for _, old in sorted(ages)[:-KEEP]:
            old.unlink(missing_ok=True)
