"""Files the build may read: inside the content folder, of a declared kind.

Content is untrusted (a pull request, a paste, a compromised CMS account): a
symlink or a ``..`` path must never bring a file from elsewhere on the machine
into the site. Every path the build reads or publishes is resolved (realpath,
symlinks followed) and must stay under the content folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import schema as s

# What content/ may hold, declared once: the reader, the catalogue and the
# stray-file check use these.
MARKDOWN_EXTENSIONS = (".md",)
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")
IMAGES_FOLDER = "images"
# Longest file path under content/ and longest slug: far above real names
# (the longest real slug has 40 characters), far below file-system limits.
MAX_NAME = 100
MAX_PATH = 240


def display_path(path: str | os.PathLike) -> str:
    """Path as an editor knows it: relative to the working directory if inside."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


def inside(path: str | os.PathLike, root: str | os.PathLike) -> bool:
    """Whether ``path``, every symlink resolved, is ``root`` or under it."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def accepted() -> str:
    """French list of what content/ accepts, for error messages."""
    folders = ", ".join(f"{t.folder}/*.md" for t in s.MARKDOWN_TYPES)
    data = ", ".join(sorted({t.data_file for t in s.DATA_TYPES}))
    images = ", ".join(e.lstrip(".") for e in IMAGE_EXTENSIONS)
    return f"{folders} ; {data} ; {IMAGES_FOLDER}/ ({images})"


def ignored(rel: Path) -> bool:
    """Hidden and private files (IGNORE_FILES: .git, .DS_Store, _brouillon.md)."""
    return any(part.startswith((".", "_", "#")) for part in rel.parts)


def problem(path: Path, root: Path) -> str | None:
    """Why the file ``path`` of the content tree cannot be part of the site, or None."""
    rel = path.relative_to(root)
    if not inside(path, root):
        return "lien symbolique vers un fichier hors du dossier du contenu : refusé"
    if len(rel.as_posix()) > MAX_PATH or any(len(Path(p).stem) > MAX_NAME for p in rel.parts):
        return f"nom de fichier trop long ({MAX_NAME} caractères au plus par nom)"
    folders = {t.folder for t in s.MARKDOWN_TYPES}
    data_files = {t.data_file for t in s.DATA_TYPES}
    suffix = path.suffix.lower()
    if rel.parts[0] == IMAGES_FOLDER and len(rel.parts) > 1:
        if suffix in IMAGE_EXTENSIONS:
            return None
        return f"fichier de type « {suffix or 'sans extension'} » dans {IMAGES_FOLDER}/ : seules les images sont acceptées ({accepted()})"
    if rel.as_posix() in data_files:
        return None
    if len(rel.parts) == 2 and rel.parts[0] in folders and suffix in MARKDOWN_EXTENSIONS and path.suffix == suffix:
        return None
    if suffix in (".yaml", ".yml"):
        return "fichier de données inconnu (fichiers lus : " + ", ".join(sorted(data_files)) + ")"
    if suffix in MARKDOWN_EXTENSIONS and path.suffix == suffix:
        return "fichier hors des dossiers de contenu (" + ", ".join(sorted(folders)) + ") : il ne serait pas publié"
    return (f"fichier non pris en charge, il ne serait pas publié : le site accepte {accepted()}"
            + (" — renommez-le en .md" if suffix in (".markdown", ".mkd", ".mdown", ".txt", ".md") else ""))
