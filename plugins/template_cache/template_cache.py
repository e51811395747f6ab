"""template_cache: compiled Jinja templates kept on disk between builds.

Pelican creates one Jinja environment per generator (about ten here), and each
compiles the templates it renders: 76 compilations, 0.3 to 0.6 s of every
build. With a bytecode cache, a template is compiled once and later loaded from
disk, as long as its source is unchanged (Jinja compares a checksum).

Signal initialized: puts a ``FileSystemBytecodeCache`` into JINJA_ENVIRONMENT,
in a folder of TEMPLATE_CACHE named after the environment's options (they change
the compiled code). TEMPLATE_CACHE empty: no cache.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals


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
    options["bytecode_cache"] = FileSystemBytecodeCache(str(folder))
    pelican.settings["JINJA_ENVIRONMENT"] = options


def register():
    # Before any generator creates its Jinja environment.
    signals.initialized.connect(add_bytecode_cache)
