"""Files the build may read: inside the content folder, of a declared kind.

Why and what is refused: docs/untrusted-content.md.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import unicodedata
from pathlib import Path

from . import schema as s
from . import textrules

# What content/ may hold, declared once: the reader, the catalogue and the
# stray-file check use these.
MARKDOWN_EXTENSIONS = (".md",)
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")
IMAGES_FOLDER = "images"
# Longest file path under content/ and longest name before its extension (and slug).
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


# Files of content/ that the build never reads, lists or publishes, whatever they hold
# (pelicanconf's IGNORE_FILES is this list). Every other file is published or reported.
IGNORED = (".*", "_*", "#*", "*~", "Thumbs.db", "thumbs.db", "ehthumbs.db", "desktop.ini",
           "Desktop.ini")
# Names Windows cannot hold (so Git for Windows cannot check the repository out), any case,
# any extension: the reserved device names, and these characters.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul"} | {f"com{i}" for i in "123456789¹²³"}
                             | {f"lpt{i}" for i in "123456789¹²³"})
WINDOWS_FORBIDDEN = frozenset('<>:"|?*\\')


def ignored(rel: Path) -> bool:
    """Whether the file (or a folder above it) is one the build ignores (``IGNORED``)."""
    return any(fnmatch.fnmatchcase(part, pattern) for part in rel.parts for pattern in IGNORED)


@functools.lru_cache(maxsize=64)
def _folded(folder: str, mtime_ns: int) -> dict[str, tuple[str, ...]]:
    """The names of a folder by their case-folded form, read once per state of the folder
    (its mtime changes when a name is added, removed or renamed): each file's check would
    otherwise list its whole folder again."""
    names: dict[str, tuple[str, ...]] = {}
    for entry in os.listdir(folder):
        names[entry.casefold()] = (*names.get(entry.casefold(), ()), entry)
    return names


def name_problem(path: Path) -> str | None:
    """Why the name of ``path`` cannot be held by every checkout (Windows, macOS), or None."""
    name = path.name
    if name.split(".")[0].lower().rstrip(" ") in WINDOWS_RESERVED:
        return (f"nom « {name} » réservé par Windows (con, prn, aux, nul, com1…, lpt1…) : le "
                "dépôt ne pourrait plus être ouvert sous Windows ; renommez le fichier")
    bad = sorted({c for c in name if c in WINDOWS_FORBIDDEN})
    if bad or name.endswith((".", " ")):
        shown = " ".join(bad) or "un point ou une espace à la fin"
        return f"nom « {name} » impossible sous Windows ({shown}) : renommez le fichier"
    chars = textrules.char_problem(textrules.NAME, name)
    if chars:
        return f"nom de fichier : {chars}"
    if not unicodedata.is_normalized("NFC", name):
        return (f"nom « {name} » écrit avec des accents décomposés (forme NFD, typique de "
                "macOS) : retapez-le pour qu'il ait la forme NFC")
    folded = name.casefold()
    try:
        twins = sorted(n for n in _folded(str(path.parent), os.stat(path.parent).st_mtime_ns).get(folded, ())
                       if n != name)
    except OSError:
        twins = []
    if twins:
        return (f"nom « {name} » identique à « {twins[0]} » aux majuscules près : Windows et "
                "macOS ne peuvent pas garder les deux ; renommez l'un d'eux")
    return None


def problem(path: Path, root: Path) -> str | None:
    """Why the file ``path`` of the content tree cannot be part of the site, or None."""
    rel = path.relative_to(root)
    if not inside(path, root):
        return "lien symbolique vers un fichier hors du dossier du contenu : refusé"
    if path.is_symlink() and not path.exists():
        return "lien symbolique cassé (il ne mène à aucun fichier) : supprimez-le"
    if len(rel.as_posix()) > MAX_PATH or any(len(Path(p).stem) > MAX_NAME for p in rel.parts):
        return f"nom de fichier trop long ({MAX_NAME} caractères au plus par nom)"
    for part in range(1, len(rel.parts) + 1):
        problem_of_name = name_problem(root / Path(*rel.parts[:part]))
        if problem_of_name:
            return problem_of_name
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
