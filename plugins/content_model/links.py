"""Checks across files: duplicate ids, reserved URLs, references, derived links.

Runs once every generator has read its content, before anything is written.
Items are Pelican content objects (attributes) or data entries (dicts); both
carry ``source`` (a display path) in ``_origin``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import paths
from . import schema as s


@dataclass
class Item:
    ctype: s.ContentType
    obj: object  # Pelican content or data dict
    where: str  # "content/metiers/x.md" or "content/data/partners.yaml: partners[3]"

    @property
    def id(self):
        return get(self.obj, self.ctype.id_field)


@dataclass
class Site:
    items: list[Item] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, ctype: s.ContentType, objs, where) -> None:
        for obj in objs:
            self.items.append(Item(ctype, obj, where(obj)))

    def of_type(self, name: str) -> list[Item]:
        return [i for i in self.items if i.ctype.name == name]

    def error(self, where: str, field_name: str, message: str) -> None:
        self.problems.append(f"{where}: {field_name}: {message}")


def get(obj, name, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def put(obj, name, value) -> None:
    if isinstance(obj, dict):
        obj[name] = value
    else:
        setattr(obj, name, value)


def check_duplicates(site: Site) -> None:
    for ctype in s.TYPES:
        seen: dict[str, Item] = {}
        for item in site.of_type(ctype.name):
            first = seen.setdefault(item.id, item)
            if first is not item:
                site.error(item.where, ctype.id_field,
                           f"« {item.id} » est déjà utilisé par {first.where}")


def check_reserved(site: Site, reserved: set[str]) -> None:
    for item in site.of_type(s.PAGE.name):
        if item.id in reserved:
            site.error(item.where, "slug",
                       f"« {item.id} » est réservé à une rubrique du site : choisissez-en un autre")


def check_strays(site: Site, content_root, display) -> None:
    """Files that no generator reads would silently vanish; symlinks that leave the
    content folder would bring files from elsewhere: both are errors."""
    root = Path(content_root)
    for folder, dirs, files in os.walk(root):  # symlinked folders are not entered
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not paths.ignored((here / d).relative_to(root)))
        for name in [d for d in dirs if (here / d).is_symlink()] + sorted(files):
            path = here / name
            if paths.ignored(path.relative_to(root)):
                continue
            if path.is_dir():
                if not paths.inside(path, root):
                    site.error(display(path), "emplacement",
                               "lien symbolique vers un dossier hors du dossier du contenu : refusé")
                continue
            rel = path.relative_to(root)
            if len(rel.parts) == 2 and s.type_for_folder(rel.parts[0]) and path.suffix in paths.MARKDOWN_EXTENSIONS:
                continue  # read, and reported if need be, by FrontMatterReader
            problem = paths.problem(path, root)
            if problem:
                site.error(display(path), "emplacement", problem)


def resolve_references(site: Site) -> None:
    """Replace ids in REFS fields by the objects, and set the derived reverse lists."""
    by_id = {ctype.name: {i.id: i.obj for i in site.of_type(ctype.name)} for ctype in s.TYPES}
    reverse: dict[tuple[int, str], list] = {}
    for item in site.items:
        for f in item.ctype.fields:
            if f.kind != s.REFS:
                continue
            targets = by_id[f.ref]
            resolved = []
            for ref in get(item.obj, f.name) or []:
                target = targets.get(ref)
                if target is None:
                    known = ", ".join(sorted(targets)) or "aucun"
                    site.error(item.where, f.name,
                               f"« {ref} » n'existe pas (identifiants connus : {known})")
                    continue
                resolved.append(target)
                if f.reverse:
                    reverse.setdefault((id(target), f.reverse), []).append(item.obj)
            put(item.obj, f.name, resolved)
    for ctype in s.TYPES:
        names = {f.reverse for t in s.TYPES for f in t.fields if f.ref == ctype.name and f.reverse}
        for item in site.of_type(ctype.name):
            for name in names:
                put(item.obj, name, reverse.get((id(item.obj), name), []))
