"""Files of the output: fingerprinted names, bytes written, cached files linked.

``hashed_name`` and ``write_files`` serve the assets and the search index: a
name that changes with the bytes can be cached by browsers forever.

``publish_file`` puts a file that already exists elsewhere (a cache, node_modules)
into the output.

Social cards, image variants and the CMS's scripts are the same bytes from build
to build: they are hard-linked (caches never change a file in place), or copied
where a link is not possible (another file system).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path


def hashed_name(folder: str, name: str, data: bytes) -> str:
    """``folder/stem.<10 hex digits of sha256>.ext`` for the file ``name`` holding ``data``."""
    stem, _, ext = name.rpartition(".")
    return f"{folder}/{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{ext}"


def write_files(output: Path, files: dict[str, bytes]) -> None:
    """Write {path inside the output: bytes}."""
    for url, data in files.items():
        target = Path(output) / url
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def publish_file(source: Path, target: Path) -> None:
    """Make ``target`` hold the bytes of ``source``: a hard link, else a copy."""
    if target.is_file() or target.is_symlink():
        if os.path.samefile(source, target):
            return
        target.unlink()
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
