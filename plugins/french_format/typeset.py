"""French typesetting of the written pages (issue 15, item 8), as Pelican writes them.

french_format supplies Pelican's writer (signal ``get_writer``): ``TypesettingWriter`` is
Pelican's Writer, except that a page of the site is typeset (buildkit/french_typeset.py)
between its rendering and its writing, so each page is written once, already typeset. The
search index is built from the content, not from the pages (plugins/search_index), so search
keeps matching what visitors type. The CMS application (/admin/) is written as rendered.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from pelican.writers import Writer

from buildkit.french_typeset import typeset_html


def is_typeset(name: str) -> bool:
    """Pages of the site are typeset; the CMS application (/admin/) and non-HTML files are not."""
    path = PurePosixPath(str(name).replace("\\", "/"))
    return path.suffix == ".html" and path.parts[0] != "admin"


class TypesetTemplate:
    """A Jinja template whose rendered page is typeset (Pelican's writer only calls render)."""

    def __init__(self, template):
        self.template = template

    def render(self, *args, **kwargs) -> str:
        return typeset_html(self.template.render(*args, **kwargs))


class TypesettingWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        if name and is_typeset(name):  # paginated pages are written in the folder of ``name``
            template = TypesetTemplate(template)
        return super().write_file(name, template, context, *args, **kwargs)
