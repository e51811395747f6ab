"""Ways a cache entry gets damaged, for the tests of every cache (.cache/).

``damage(path, how, foreign)`` changes the file ``path`` in place, as a full
disk, a killed process, a bad copy or an editor would; ``foreign`` is a valid
file of another cache (or another entry), for ``how == "foreign"``. Each cache
must read a damaged entry as a miss, build the same site and replace the entry.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

DAMAGES = ("truncated", "garbage", "empty", "foreign", "directory")


def damage(path: Path, how: str, foreign: bytes = b"") -> None:
    data = path.read_bytes()
    if how == "truncated":
        os.truncate(path, len(data) // 2)
    elif how == "garbage":  # same length: a size check alone does not see it
        path.write_bytes(bytes((b * 7 + 13) % 256 for b in data) if data else b"\x00garbage")
    elif how == "empty":
        os.truncate(path, 0)
    elif how == "foreign":
        assert foreign and foreign != data
        path.write_bytes(foreign)
    elif how == "directory":
        path.unlink()
        path.mkdir()
        (path / "stray").write_bytes(b"x")
    else:
        raise ValueError(how)


def copy_tree(source: Path, target: Path) -> None:
    """Copy a cache folder with new inodes (a build hard-links some entries into its output)."""
    shutil.copytree(source, target, copy_function=shutil.copyfile)
