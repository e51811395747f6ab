"""Files of the build caches (.cache/): written atomically, read back only when whole.

- ``write_atomic(path, data)``: a temporary file renamed over ``path``, so that nothing sees
  half a file; a folder in the way is removed; no fsync (after a power cut: a miss).
- ``write_sealed`` / ``read_sealed``: a line with the SHA-256 of the entry's kind (cache and
  key) and bytes, then the bytes; anything else reads as None (a miss, never an error). The
  digest detects damage, not malice: .cache/ is trusted like the code that writes it.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from pathlib import Path


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


def _seal(kind: str, data: bytes) -> bytes:
    return hashlib.sha256(kind.encode() + b"\0" + data).hexdigest().encode() + b"\n"


def write_sealed(path: str | os.PathLike, kind: str, data: bytes) -> None:
    write_atomic(path, _seal(kind, data) + data)


def read_sealed(path: str | os.PathLike, kind: str) -> bytes | None:
    """The entry's bytes, or None when it is missing or is not whole (a cache miss)."""
    try:
        blob = Path(path).read_bytes()
    except OSError:  # missing, a folder, unreadable
        return None
    data = blob[65:]
    return data if blob[:65] == _seal(kind, data) else None
