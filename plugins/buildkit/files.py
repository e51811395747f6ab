"""Files of the output: fingerprinted names, bytes written, cached files linked.

A build updates the output folder instead of emptying it (why and figures:
docs/hand-written.md): every file goes through ``write_bytes`` (Pelican's pages and feeds
too, see french_format's writer) or ``publish_file`` (a hard link to a cached file, else a
copy), which leave a file holding the right bytes alone and replace any other, never
writing through it; ``finish()`` removes the files the build did not write.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

_state: dict = {"root": None, "before": set(), "written": set(), "changed": 0}


def hashed_name(folder: str, name: str, data: bytes) -> str:
    """``folder/stem.<10 hex digits of sha256>.ext`` for the file ``name`` holding ``data``."""
    stem, _, ext = name.rpartition(".")
    return f"{folder}/{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{ext}"


def start(output) -> None:
    """Before a build writes into ``output``: note the files it holds, remove what is not
    a file or a folder."""
    root = os.path.abspath(output)
    before: set[str] = set()
    folders = [root] if os.path.isdir(root) and not os.path.islink(root) else []
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    before.add(entry.path)
                else:
                    os.unlink(entry.path)
    _state.update(root=root, before=before, written=set(), changed=0)


def _claim(path) -> str:
    path = os.path.abspath(path)
    _state["written"].add(path)
    return path


def _clear(path: str) -> None:
    """Make room for a new file at ``path``: remove a file or folder there, and a file of the
    output (never above it) where this build needs a folder."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.unlink(path)
    parent, root = os.path.dirname(path), _state["root"]
    while root and parent.startswith(root + os.sep) and not os.path.isdir(parent):
        if os.path.lexists(parent):
            os.unlink(parent)
        parent = os.path.dirname(parent)
    os.makedirs(os.path.dirname(path), exist_ok=True)


def write_bytes(path, data: bytes) -> None:
    """Make the file ``path`` hold ``data``: untouched if it already does."""
    path = _claim(path)
    try:
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size == len(data) and f.read() == data:
                return
    except OSError:
        pass
    _clear(path)
    with open(path, "xb") as f:
        f.write(data)
    _state["changed"] += 1


def write_files(output: Path, files: dict[str, bytes]) -> None:
    """Write {path inside the output: bytes}."""
    for url, data in files.items():
        write_bytes(Path(output) / url, data)


def publish_file(source: Path, target: Path) -> None:
    """Make ``target`` hold the bytes of ``source``: a hard link, else a copy."""
    _claim(target)
    try:
        if os.path.samefile(source, target):
            return
    except OSError:
        pass
    _clear(str(target))
    _state["changed"] += 1
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def finish() -> tuple[int, int, int]:
    """Remove the files of the output this build did not write, and the folders they leave
    empty; (files written, files already right, files removed)."""
    stale = [p for p in _state["before"] - _state["written"] if os.path.isfile(p)]  # not replaced since
    for path in stale:
        os.unlink(path)
    for folder in sorted({os.path.dirname(p) for p in stale}, key=len, reverse=True):
        while folder != _state["root"] and os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)
    written = len(_state["written"])
    return _state["changed"], written - _state["changed"], len(stale)
