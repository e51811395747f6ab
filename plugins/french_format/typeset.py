"""French typesetting of the written pages (issue 15, item 8), at the end of the build.

The rules are in buildkit/french_typeset.py. They are applied at signal ``finalized``,
after the search index was built from the raw text (plugins/search_index reads the
content, not the pages), so search keeps matching what visitors type.
"""

from __future__ import annotations

from pathlib import Path

from buildkit.french_typeset import typeset_html


def typeset_output(output: Path) -> int:
    """Typeset every page of the site (not /admin/, the CMS application); files whose
    text needs nothing are not rewritten. Returns the number of files rewritten."""
    changed = 0
    for path in sorted(Path(output).rglob("*.html")):
        if path.relative_to(output).parts[0] == "admin":
            continue
        source = path.read_text(encoding="utf-8")
        result = typeset_html(source)
        if result != source:
            tmp = path.with_name(path.name + ".typeset")
            tmp.write_text(result, encoding="utf-8")
            tmp.replace(path)  # a new file: a hard-linked cache file is never changed
            changed += 1
    return changed
