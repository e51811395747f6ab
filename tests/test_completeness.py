"""Every content file of the real site is published, or it is a draft: nothing vanishes.

The list of what should be there is made from content/ and the schema, not
from the build: a page that a generator skipped silently (as catalogue.py's
old catch-all did) fails here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from content_model import schema as s
from content_model import yaml12
from content_model.frontmatter import read_text, split
from support import ROOT

CONTENT = ROOT / "content"
# Where each data entry shows: the listing page and the anchor of the entry.
DATA_ANCHORS = {
    s.PARTNER.name: "partenaires/#{id}",
    s.FIGURE.name: "chiffres-cles/#{id}",
    s.SERIES.name: "chiffres-cles/#serie-{id}",
    # One record, no entries to find: its fields show in the footer and on the contact
    # page (tests/test_contact.py, plugins/events/tests/test_events_build.py).
    s.ORGANISATION.name: "contact/",
    # One record: the home page's and the listings' texts (tests/test_site.py,
    # test_the_texts_of_textes_yaml_show_where_the_cms_says).
    s.TEXTS.name: "",
}


def expected_markdown():
    for ctype in s.MARKDOWN_TYPES:
        for path in sorted((CONTENT / ctype.folder).glob("*.md")):
            meta, _, _ = split(read_text(path))
            year = str(meta.get("date") or meta.get("start") or "")[:4]  # news, events
            url = "" if meta.get("layout") == "accueil" else ctype.url.format(slug=meta["slug"], year=year)
            yield path, url, meta.get("status") == "draft"


def missing(output: Path) -> list[str]:
    """What content/ says should be in ``output`` and is not (drafts: what should not be)."""
    problems = []
    for path, url, draft in expected_markdown():
        if (output / url / "index.html").is_file() == draft:
            problems.append(f"{path.relative_to(ROOT)} → /{url}" + (" (brouillon publié)" if draft else ""))
    assert {t.name for t in s.DATA_TYPES} <= set(DATA_ANCHORS), "say where the new data type shows"
    for ctype in s.DATA_TYPES:
        data = yaml12.load(read_text(CONTENT / ctype.data_file)) or {}
        for entry in data.get(ctype.data_key) or []:
            url, _, anchor = DATA_ANCHORS[ctype.name].format(id=entry[ctype.id_field]).partition("#")
            page = output / url / "index.html"
            if not page.is_file() or f'id="{anchor}"' not in page.read_text(encoding="utf-8"):
                problems.append(f"{ctype.data_file}: {entry[ctype.id_field]} → /{url}#{anchor}")
    return problems


def test_every_content_file_and_data_entry_is_published(real_site):
    assert len(list(expected_markdown())) >= 40
    assert missing(real_site.output) == []


def test_a_page_that_vanished_is_found(real_site, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(real_site.output, output)
    (output / "metiers" / "usineur" / "index.html").unlink()
    partners = output / "partenaires" / "index.html"
    partners.write_text(partners.read_text(encoding="utf-8").replace('id="michelin"', ""), encoding="utf-8")
    assert missing(output) == ["content/metiers/usineur.md → /metiers/usineur/",
                               "data/partners.yaml: michelin → /partenaires/#michelin"]
