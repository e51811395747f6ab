"""The serialised lunr index of a build: from the cache, or built beside the pages.

lunr.py is the slowest part of a build in which a document changed (about a
second for 1,000 documents, after TermsBuilder). Its input is known once every
generator has its context, and only /recherche/ needs the result, which is
written last: so the index is built in a second process (fork, when the
machine has two cores or more) while this one renders the pages, and
``result()`` waits for it. The result is the same bytes either way (tested).
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from buildkit.workers import can_fork, fork_pool

from .index import build_index, dumps

CODE = sorted(Path(__file__).parent.glob("*.py"))


def serialised_index(docs) -> bytes:
    return dumps(build_index(docs))


def _timed(docs) -> tuple[bytes, float]:
    # Run by name in the forked worker, which shares this module's state.
    started = time.perf_counter()
    return serialised_index(docs), time.perf_counter() - started


def cache_key(docs) -> str:
    """Digest of the documents and of the code that indexes them."""
    h = hashlib.sha256()
    for path in CODE:
        h.update(path.read_bytes())
    h.update(dumps([d.fields() for d in docs]))
    return h.hexdigest()[:20]


class IndexJob:
    """``IndexJob(docs, cache_dir, parallel).result()`` → the index as JSON bytes;
    ``source``: "cache", "worker" (another process) or "inline" (this one)."""

    def __init__(self, docs, cache_dir: Path | None, parallel: bool = True):
        self.cached = Path(cache_dir) / f"index-{cache_key(docs)}.json" if cache_dir else None
        self._data: bytes | None = None
        self._future = None
        self.seconds = 0.0  # spent building the index, in whichever process built it
        if self.cached and self.cached.is_file():
            self.source = "cache"
            self._data = self.cached.read_bytes()
        elif parallel and can_fork():
            self.source = "worker"
            pool = fork_pool(1)
            self._future = pool.submit(_timed, docs)
            pool.shutdown(wait=False)  # the worker ends once it has built the index
        else:
            self.source = "inline"
            self._data, self.seconds = _timed(docs)
        self._stored = self.source == "cache"

    def result(self) -> bytes:
        """The index (waits for the worker); kept in the cache for the next build.
        An error of the build, in the worker or here, is raised again here."""
        if self._data is None:
            self._data, self.seconds = self._future.result()
        if self.cached and not self._stored:
            self.cached.parent.mkdir(parents=True, exist_ok=True)
            for old in self.cached.parent.glob("index-*.json"):  # one index is enough to keep
                old.unlink()
            tmp = self.cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(self._data)
            tmp.replace(self.cached)
            self._stored = True
        return self._data
