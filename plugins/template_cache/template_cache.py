"""template_cache: compiled Jinja templates kept on disk between builds.

Signal initialized: puts Jinja's ``FileSystemBytecodeCache`` into JINJA_ENVIRONMENT, in a
folder of TEMPLATE_CACHE named after the environment's options (TEMPLATE_CACHE empty: no
cache); a damaged entry is a miss. The entries are code the build runs (marshal, pickle):
.cache/jinja is trusted like the plugins.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from buildkit.cachefiles import remove
from jinja2 import FileSystemBytecodeCache
from pelican import signals


class BytecodeCache(FileSystemBytecodeCache):
    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # cut short: Jinja's pickle or marshal fails
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        remove(self._get_cache_filename(bucket))  # Jinja would not replace a folder
        super().dump_bytecode(bucket)


def bytecode_folder(root: str | Path, options: dict) -> Path:
    """The cache folder for templates compiled with these environment options."""
    plain = {k: v for k, v in options.items() if k != "bytecode_cache"}
    digest = hashlib.sha256(repr(sorted(plain.items())).encode()).hexdigest()[:12]
    return Path(root) / digest


def add_bytecode_cache(pelican) -> None:
    root = pelican.settings.get("TEMPLATE_CACHE")
    if not root:
        return
    options = dict(pelican.settings.get("JINJA_ENVIRONMENT") or {})
    folder = bytecode_folder(root, options)
    folder.mkdir(parents=True, exist_ok=True)
    options["bytecode_cache"] = BytecodeCache(str(folder))
    pelican.settings["JINJA_ENVIRONMENT"] = options


def register():
    signals.initialized.connect(add_bytecode_cache)
