"""One build at a time per output folder, swapped in whole (tasks.safe_build; docs/status.md).

Beside output/ (same file system, so each rename is atomic): ``.output.lock`` (flock, kept:
deleting a lock file races), ``.output.build`` (the folder a build updates) and
``.output.prev`` (the previous site, between the renames). Whatever a kill -9 leaves behind
is sorted out by the next build, under the lock. POSIX only (fcntl): on Windows, use WSL.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from pathlib import Path


def _sibling(output: Path, suffix: str) -> Path:
    return output.with_name(f".{output.name}.{suffix}")


def _pause_for_tests(point: str) -> None:
    """Test hook (tests/test_build_safety.py): with HALL32_TEST_PAUSE=<point>:<file>,
    create <file> when the build reaches <point>, then wait there to be killed."""
    wanted, _, flag = os.environ.get("HALL32_TEST_PAUSE", "").partition(":")
    if wanted == point:
        Path(flag).touch()
        while True:
            time.sleep(60)


@contextlib.contextmanager
def build_lock(output: Path):
    """Hold the lock of ``output`` (waiting for another build if needed), put back the
    previous site if a build was killed between two renames, and remove what killed
    builds left. Yields the lock's file descriptor: children that inherit it keep the
    lock while they run, even if this process is killed."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(_sibling(output, "lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Une autre construction est en cours dans {output.parent}/ "
                  f"(verrou {_sibling(output, 'lock').name}) : attente de sa fin…", flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        _recover(output)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def _recover(output: Path) -> None:
    prev = _sibling(output, "prev")
    if prev.is_dir() and not prev.is_symlink() and not output.exists():
        os.rename(prev, output)
        print(f"{output.name}/ restauré : une construction avait été interrompue pendant le "
              f"remplacement.", flush=True)
    remove(prev)


def build_folder(output: Path) -> Path:
    """The folder the next build of ``output`` updates (Pelican creates it if missing).
    Call under build_lock()."""
    folder = _sibling(output, "build")
    if folder.is_symlink() or folder.exists() and not folder.is_dir():
        folder.unlink()
    return folder


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def install_build(new: Path, output: Path) -> None:
    """Make the finished build ``new`` the content of ``output``: output → .prev, new →
    output, then .prev → new, the folder the next build updates. A build killed between
    the first two renames leaves .prev, which build_lock() puts back before anything else
    (after the second, it deletes it). Call under build_lock()."""
    _pause_for_tests("swap")
    if not output.exists() and not output.is_symlink():
        os.rename(new, output)
        return
    prev = _sibling(output, "prev")
    os.rename(output, prev)
    try:
        _pause_for_tests("renamed")
        os.rename(new, output)
    except BaseException:  # Ctrl-C or an error: the previous site back at once
        os.rename(prev, output)
        raise
    os.rename(prev, new)
