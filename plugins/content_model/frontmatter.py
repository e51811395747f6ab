"""Read a Markdown file with YAML front matter, the way a git-based CMS writes it."""

from __future__ import annotations

import re
from pathlib import Path

from . import yaml12

FENCE_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


class SourceError(ValueError):
    """A source file that cannot be read at all (encoding, fences, YAML)."""


# A content file: 2,000 times the largest real one; read at most that much.
MAX_FILE_BYTES = 10_000_000


def read_bytes(path: str | Path) -> bytes:
    """A content file's bytes, at most MAX_FILE_BYTES and one."""
    with open(path, "rb") as file:
        return file.read(MAX_FILE_BYTES + 1)


def read_text(path: str | Path, data: bytes | None = None) -> str:
    """Decode a content file (``data``: its ``read_bytes``): UTF-8 with or without BOM, any
    line ends."""
    data = read_bytes(path) if data is None else data
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(f"fichier trop volumineux (plus de {MAX_FILE_BYTES // 1_000_000} Mo)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"le fichier n'est pas en UTF-8 (octet invalide en position {exc.start}) : "
            "enregistrez-le en UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> tuple[dict, str, int]:
    """Return (front matter mapping, Markdown body, line where the body starts)."""
    if not text.strip():
        raise SourceError("le fichier est vide")
    match = FENCE_RE.match(text)
    if not match:
        raise SourceError(
            "en-tête manquant : le fichier doit commencer par une ligne « --- », "
            "les champs, puis une autre ligne « --- »"
        )
    try:
        meta = yaml12.load(match.group(1) or "", first_line=2)
    except yaml12.YamlError as exc:
        raise SourceError(f"en-tête : {exc}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError("en-tête : il doit contenir des champs « nom: valeur »")
    body_line = text.count("\n", 0, match.end()) + 1
    return meta, text[match.end():], body_line
