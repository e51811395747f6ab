"""Load the YAML data files declared in the content model, and check every entry."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from content_model import schema as s
from content_model import paths, summary, yaml12
from content_model.frontmatter import SourceError, read_text
from content_model.paths import display_path
from content_model.validate import validate

logger = logging.getLogger(__name__)


def data_files() -> dict[str, list[s.ContentType]]:
    """{relative file: [types stored in it]} from the schema."""
    files: dict[str, list[s.ContentType]] = {}
    for ctype in s.DATA_TYPES:
        files.setdefault(ctype.data_file, []).append(ctype)
    return files


def _error(where: str, message: str) -> None:
    logger.error("%s: %s", where, message)


def load_file(content_root: Path, rel: str, ctypes) -> dict[str, list[dict]]:
    """Return {type name: [entries without problems]}; problems are logged (they stop
    the build). Good entries are kept so that one wrong figure does not make every
    reference to a partner of another file look wrong too."""
    path = content_root / rel
    where = display_path(path)
    if path.exists() and not paths.inside(path, content_root):
        _error(where, "lien symbolique vers un fichier hors du dossier du contenu : refusé")
        return {}
    try:
        data = yaml12.load(read_text(path)) if path.is_file() else None
    except (SourceError, yaml12.YamlError) as exc:
        _error(where, str(exc))
        return {}
    if data is None:
        data = {}
    if len(ctypes) == 1 and ctypes[0].single:
        return {ctypes[0].name: load_record(ctypes[0], data, where, content_root)}
    if not isinstance(data, dict):
        _error(where, "le fichier doit contenir des listes nommées ("
               + ", ".join(t.data_key for t in ctypes) + ")")
        return {}
    for key in data:
        if key not in {t.data_key for t in ctypes}:
            _error(where, f"{key}: liste inconnue (listes permises : "
                   + ", ".join(t.data_key for t in ctypes) + ")")
    result = {}
    for ctype in ctypes:
        entries = data.get(ctype.data_key) or []
        if not isinstance(entries, list):
            _error(where, f"{ctype.data_key}: doit être une liste")
            continue
        result[ctype.name] = []
        for n, entry in enumerate(entries, 1):
            label = f"{ctype.data_key}[{n}]"
            if isinstance(entry, dict) and entry.get(ctype.id_field):
                label += f" ({entry[ctype.id_field]})"
            values, problems = validate(ctype, entry, content_root)
            for problem in problems:
                _error(f"{where}: {label}", str(problem))
            if not problems:
                values["_where"] = f"{where}: {label}"
                result[ctype.name].append(values)
    return result


def load_record(ctype: s.ContentType, data, where: str, content_root: Path) -> list[dict]:
    """A file that is one record (ContentType.single): [its values], or [] on a problem.
    A missing file is an empty record: every field of such a type is optional."""
    if not isinstance(data, dict):
        _error(where, "le fichier doit contenir des champs « nom: valeur » ("
               + ", ".join(ctype.field_names) + ")")
        return []
    values, problems = validate(ctype, data, content_root)
    for problem in problems:
        _error(where, str(problem))
    if problems:
        return []
    values["_where"] = where
    return [values]


def load_all(content_root: Path) -> dict[str, list[dict]]:
    """{type name: [entries without problems]} of every data file."""
    loaded: dict[str, list[dict]] = {}
    for rel, ctypes in data_files().items():
        started = time.perf_counter()
        loaded.update(load_file(content_root, rel, ctypes))
        for ctype in ctypes:  # one file, its time split between its lists
            summary.record(ctype.name, (time.perf_counter() - started) / len(ctypes))
    return loaded
