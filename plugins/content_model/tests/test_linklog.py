"""Pelican's "Unable to find" warning names the content file and line that hold the link."""

from __future__ import annotations

import copy
import logging

from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG

from content_model import linklog


def page_with_link(root, name, lines_before=3):
    source = root / "content" / "pages" / f"{name}.md"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text("---\ntitle: A\n---\n" + "Texte.\n" * lines_before
                      + "[Métiers]({filename}/metiers/inexistant.md)\n", encoding="utf-8")
    context = {"generated_content": {}, "static_content": {}, "localsiteurl": ""}
    return Page('<p><a href="{filename}/metiers/inexistant.md">Métiers</a></p>', metadata={"title": "A"},
                settings=copy.deepcopy(DEFAULT_CONFIG), source_path=str(source), context=context)


def test_unable_to_find_names_each_file_and_line(tmp_path, monkeypatch, caplog):
    monkeypatch.chdir(tmp_path)
    linklog.install()
    linklog.install()  # once is enough
    assert logging.getLogger("pelican.contents").filters.count(linklog._filter) == 1
    with caplog.at_level(logging.WARNING, logger="pelican.contents"):
        for name, before in (("accessibilite", 3), ("plan", 1)):
            assert 'href="{filename}/metiers/inexistant.md"' in page_with_link(tmp_path, name, before).content
    messages = [r.getMessage() for r in caplog.records]
    assert messages == [
        "content/pages/accessibilite.md:7: lien vers « {filename}/metiers/inexistant.md » : "
        "fichier introuvable, lien laissé tel quel",
        "content/pages/plan.md:5: lien vers « {filename}/metiers/inexistant.md » : "
        "fichier introuvable, lien laissé tel quel",
    ]  # the second file too: not taken for a duplicate of the first


def test_other_messages_are_left_alone(caplog):
    linklog.install()
    with caplog.at_level(logging.WARNING, logger="pelican.contents"):
        logging.getLogger("pelican.contents").warning("Unable to find '%s', skipping url replacement.", "/x.md")
        logging.getLogger("pelican.contents").warning("autre chose")
    assert [r.getMessage() for r in caplog.records] == [
        "Unable to find '/x.md', skipping url replacement.", "autre chose"]  # not from a content object
