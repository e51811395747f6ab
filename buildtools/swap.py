"""One build at a time per output folder, swapped in atomically (used by tasks.py).

Beside output/ (same file system, so renames are atomic):
  .output.lock      the lock file (flock), kept: deleting a lock file races;
  .output.build-*   one temporary folder per build (tempfile.mkdtemp); after the
                    swap it holds the previous site until deleted;
  .output.prev      the previous site, only in the two-rename fallback.
Whatever a kill -9 leaves behind is sorted out by the next build, under the lock.

``build_lock(output)`` holds the lock; ``install_build(new, output)`` swaps a finished
build in (renameat2 RENAME_EXCHANGE, else two renames); ``remove(path)`` deletes a file
or a folder. tasks.safe_build puts them together with Pelican and the quality gates.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import filecmp
import os
import platform
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
    if prev.is_dir() and not output.exists():
        os.rename(prev, output)
        print(f"{output.name}/ restauré : une construction avait été interrompue pendant le "
              f"remplacement.", flush=True)
    for leftover in [prev, _sibling(output, "new"), *output.parent.glob(f".{output.name}.build-*")]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def _libc_renameat2():
    """renameat2(2): the C library's (glibc ≥ 2.28), else the raw system call on x86-64 and
    arm64; None elsewhere (not Linux)."""
    if platform.system() != "Linux":
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    types = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if hasattr(libc, "renameat2"):
        function = libc.renameat2
        function.argtypes, function.restype = types, ctypes.c_int
        return function
    number = {"x86_64": 316, "aarch64": 276}.get(platform.machine())
    if number is None:
        return None
    return lambda *args: libc.syscall(ctypes.c_long(number), *(t(a) for t, a in zip(types, args)))


_renameat2 = _libc_renameat2()
AT_FDCWD, RENAME_EXCHANGE = -100, 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False when the system
    or the file system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _reuse_unchanged(old: Path, new: Path) -> tuple[int, int, int]:
    """Give the files of ``new`` whose bytes are those of ``old`` the old file itself (a
    hard link; or its mtime where links are not possible), so that hosts and rsync see
    only the real changes (Pelican rewrites every file on every build).
    Returns (files written, files removed, files kept)."""
    written = kept = 0
    wanted = set()
    for path in new.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(new)
        wanted.add(rel)
        before = old / rel
        if before.is_symlink() or not before.is_file():
            written += 1
        elif os.path.samefile(path, before):  # both links to one cached file
            kept += 1
        elif filecmp.cmp(path, before, shallow=False):
            link = path.with_name(f".{path.name}.link")
            try:
                os.link(before, link)
                os.replace(link, path)
            except OSError:  # no hard links here: keep at least the date
                stat = before.stat()
                os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            kept += 1
        else:
            written += 1
    removed = sum(1 for p in old.rglob("*") if p.is_file() and p.relative_to(old) not in wanted) \
        if old.is_dir() else 0
    return written, removed, kept


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def install_build(new: Path, output: Path) -> tuple[int, int, int]:
    """Make the finished build ``new`` the content of ``output`` in one step: unchanged
    files keep their inode and mtime, then the two folders are exchanged atomically
    (renameat2) and the previous site is deleted. Without renameat2: output → .prev,
    new → output (build_lock() puts .prev back if killed in between), delete .prev.
    Returns (files written, files removed, files kept). Call under build_lock()."""
    counts = _reuse_unchanged(output, new)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(new, 0o777 & ~umask)  # mkdtemp makes 0700 folders; a web server may read output/
    _pause_for_tests("swap")
    if not output.exists() and not output.is_symlink():
        os.rename(new, output)
    elif _exchange(new, output):
        _pause_for_tests("swapped")
        remove(new)  # now the previous site
    else:
        prev = _sibling(output, "prev")
        os.rename(output, prev)
        try:
            _pause_for_tests("renamed")
            os.rename(new, output)
        except BaseException:  # Ctrl-C or an error: the previous site back at once
            os.rename(prev, output)
            raise
        remove(prev)
    return counts
