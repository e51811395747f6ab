"""Output folders that a page slug must not take (a page is written to ``<slug>/``).

Each folder is declared where it is decided, never listed here:
- the content types' listings, by the schema (``metiers/``, ``partenaires/``…);
- Pelican's own outputs, by its settings: THEME_STATIC_DIR and the first folder of every
  ``*_SAVE_AS``, ``*_ATOM`` and ``*_RSS`` setting, with Pelican's defaults too, so that a
  feed set only in publishconf.py (``feeds/``) is reserved in development as well;
- every other folder, by the generator that writes it: a generator with an
  ``output_folders()`` method (``("recherche", "search")``) reserves what it returns.
"""

from __future__ import annotations

from pelican.settings import DEFAULT_CONFIG

from . import schema as s

PELICAN_OUTPUT_SUFFIXES = ("_SAVE_AS", "_ATOM", "_RSS")


def first_folder(pattern) -> str | None:
    """"feeds" of "feeds/{slug}.atom.xml"; None for a file at the root, a pattern that
    starts with a placeholder ("{slug}/index.html") or no output ("", None)."""
    if not isinstance(pattern, str) or "/" not in pattern.lstrip("/"):
        return None
    folder = pattern.lstrip("/").split("/")[0]
    return None if "{" in folder else folder


def pelican_folders(settings) -> set[str]:
    folders = set()
    for config in (DEFAULT_CONFIG, settings):
        folders.add(config.get("THEME_STATIC_DIR"))
        folders |= {first_folder(value) for name, value in config.items()
                    if name.endswith(PELICAN_OUTPUT_SUFFIXES)}
    return folders - {None, ""}


def reserved_folders(settings, generators) -> dict[str, str]:
    """{folder: who writes it} for this build."""
    owners = dict.fromkeys(pelican_folders(settings), "pelican")
    # The content types' listing folders (an entry's own URL is under its listing's).
    owners.update(dict.fromkeys({first_folder(t.index_url) for t in s.TYPES} - {None}, "schema.py"))
    for generator in generators:
        declared = getattr(generator, "output_folders", None)
        for folder in declared() if declared else ():
            owners[folder] = type(generator).__module__.split(".")[0]
    return owners
