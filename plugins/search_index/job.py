"""The split lunr index of a build (split.py's files): from the cache, or built in a forked
process while the pages render (why and figures: docs/search.md, docs/hand-written.md);
``result()`` waits for it. The files are packed in one blob (``pack``: a JSON line of names
and lengths, then the files' bytes), the entry file first, and cached sealed
(``buildkit.cachefiles``): a damaged or foreign file is a miss, never published.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from buildkit.cachefiles import read_sealed, remove, write_sealed
from buildkit.workers import can_fork, fork_pool

from .index import build_store, dumps, fed_builder, search_pipeline
from .split import build_split

CODE = sorted(Path(__file__).parent.glob("*.py"))


def pack(entry: str, files: dict[str, bytes]) -> bytes:
    names = [entry] + sorted(n for n in files if n != entry)
    head = json.dumps([[n, len(files[n])] for n in names]).encode("utf-8")
    return b"\n".join([head, *(files[n] for n in names)])


def unpack(data: bytes) -> tuple[str, dict[str, bytes]]:
    """(entry URL, {URL: bytes}) of ``pack``'s blob."""
    head, _, rest = data.partition(b"\n")
    files, at = {}, 0
    for name, length in json.loads(head):
        files[name] = rest[at:at + length]
        at += length + 1
    if at != len(rest) + 1:
        raise ValueError("search index: packed files of the wrong length")
    return next(iter(files)), files


def serialised_index(docs) -> bytes:
    """The split index's files (split.py), packed."""
    builder = fed_builder(docs)
    return pack(*build_split(builder, build_store(docs), search_pipeline(builder)))


def _timed(docs) -> tuple[bytes, float]:
    # Run by name in the forked worker, which shares this module's state.
    started = time.perf_counter()
    return serialised_index(docs), time.perf_counter() - started


def cache_key(docs) -> str:
    """Digest of the documents (their dates number them) and of the code that indexes them."""
    h = hashlib.sha256()
    for path in CODE:
        h.update(path.read_bytes())
    h.update(dumps([[d.fields(), d.date] for d in docs]))
    return h.hexdigest()[:20]


class IndexJob:
    """``IndexJob(docs, cache_dir, parallel).result()`` → the packed files of the index;
    ``source``: "cache", "worker" (another process) or "inline" (this one)."""

    def __init__(self, docs, cache_dir: Path | None, parallel: bool = True):
        key = cache_key(docs)
        self.cached = Path(cache_dir) / f"index-{key}.sealed" if cache_dir else None
        self.kind = f"search-index:{key}"
        self._data = read_sealed(self.cached, self.kind) if self.cached else None
        self._future = None
        self.seconds = 0.0  # spent building the index, in whichever process built it
        if self._data is not None:
            self.source = "cache"
        elif parallel and can_fork():
            self.source = "worker"
            # Kept (not shut down with wait=False) so that a build stopping before result()
            # joins it in workers.shutdown_all, before Python's exit hook races its pipes.
            self._pool = fork_pool(1)
            self._future = self._pool.submit(_timed, docs)
        else:
            self.source = "inline"
            self._data, self.seconds = _timed(docs)
        self._stored = self.source == "cache"

    def result(self) -> bytes:
        """The index (waits for the worker); kept in the cache for the next build.
        An error of the build, in the worker or here, is raised again here."""
        if self._data is None:
            try:
                self._data, self.seconds = self._future.result()
            finally:
                self._pool.shutdown()
        if self.cached and not self._stored:
            for old in self.cached.parent.glob("index-*"):  # one index is enough to keep
                if old != self.cached:
                    remove(old)
            write_sealed(self.cached, self.kind, self._data)
            self._stored = True
        return self._data
