"""Files of the build caches (.cache/): written atomically, read back only when whole.

Every cache goes through these helpers, so that a cache entry is either the
bytes a build wrote or nothing:

- ``write_atomic(path, data)`` writes a temporary file in the same folder, then
  renames it over ``path`` (``os.replace``): a reader, another build or a link
  into the output never sees a half-written file, and a build stopped midway
  leaves the old entry or none. A folder found where the file belongs is
  removed first. No fsync: after a power cut an entry may be empty or missing,
  which readers treat as a miss like any other damage.
- ``write_sealed`` / ``read_sealed``: for entries the build reads back itself (the
  reader's cache, compiled templates, image manifests, the search index), a
  one-line header names the cache and the entry (its key) and gives the length
  and SHA-256 of what follows. ``read_sealed`` returns None for anything else:
  a missing, empty, truncated or overwritten file, a folder, a file of another
  cache or of another entry. A damaged entry is a cache miss, never an error.

Files published by hard link (image variants, social cards) cannot carry a
header: their caches check them their own way (size in the manifest, PNG
structure and key).

The digest detects damage, not malice: .cache/ is local to the machine (or to
one CI branch's cache) and trusted like the code that writes it.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from pathlib import Path

MAGIC = b"hall32-cache/1"


def remove(path: str | os.PathLike) -> None:
    """Remove a cache entry, file or folder (damage), if it is there."""
    path = Path(path)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Make ``path`` hold ``data``, all at once (temporary file, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    # Mode 0o666 less the umask, as for any new file: entries are published by hard link.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _header(kind: str, data: bytes) -> bytes:
    if not kind or any(c.isspace() for c in kind):
        raise ValueError(f"cache kind without spaces expected, got {kind!r}")
    return b"%s %s %d %s\n" % (MAGIC, kind.encode(), len(data), hashlib.sha256(data).hexdigest().encode())


def seal(kind: str, data: bytes) -> bytes:
    """``data`` behind a header naming ``kind`` (cache and entry) with its length and digest."""
    return _header(kind, data) + data


def unseal(kind: str, blob: bytes) -> bytes | None:
    """What ``seal(kind, data)`` sealed, or None if ``blob`` is anything else."""
    end = blob.find(b"\n", 0, 256)
    if end < 0:
        return None
    data = blob[end + 1:]
    try:
        expected = _header(kind, data)
    except ValueError:
        return None
    return data if blob[: end + 1] == expected else None


def write_sealed(path: str | os.PathLike, kind: str, data: bytes) -> None:
    write_atomic(path, seal(kind, data))


def read_sealed(path: str | os.PathLike, kind: str) -> bytes | None:
    """The entry's bytes, or None when it is missing or is not whole (a cache miss)."""
    try:
        blob = Path(path).read_bytes()
    except OSError:  # missing, a folder, unreadable
        return None
    return unseal(kind, blob)
