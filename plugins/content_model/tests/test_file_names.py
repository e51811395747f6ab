"""Every file of content/ is published, reported or ignored by one rule (paths.py); names
that Git for Windows or macOS cannot hold are refused."""

import os
import unicodedata
from pathlib import Path

import pytest

from content_model import paths


@pytest.mark.parametrize("rel", [
    ".DS_Store", "metiers/.#soudeur.md", "metiers/#soudeur.md#", "metiers/soudeur.md~",
    "metiers/_brouillon.md", "images/._photo.jpg", "Thumbs.db", "images/Thumbs.db",
    "images/desktop.ini", ".git/config", "metiers/.soudeur.md.swp",
])
def test_hidden_files_locks_backups_and_os_files_are_ignored(rel):
    assert paths.ignored(Path(rel))


@pytest.mark.parametrize("rel", ["metiers/soudeur.md", "images/photo.jpg", "data/partners.yaml",
                                 "metiers/soudeur.bak", "metiers/soudeur.md.orig"])
def test_other_files_are_not_ignored(rel):
    assert not paths.ignored(Path(rel))


def test_pelican_ignores_the_same_names():
    import pelicanconf
    assert tuple(pelicanconf.IGNORE_FILES) == paths.IGNORED


@pytest.fixture
def root(tmp_path):
    (tmp_path / "metiers").mkdir()
    return tmp_path


@pytest.mark.parametrize("name, reason", [
    ("con.md", "réservé par Windows"),
    ("AUX.md", "réservé par Windows"),
    ("nul.md", "réservé par Windows"),
    ("com1.md", "réservé par Windows"),
    ("lpt9.tar.md", "réservé par Windows"),
    ("sou:deur.md", "impossible sous Windows"),
    ("soudeur .md", None),  # a space inside is fine for Windows; the slug check refuses it
    ("soudeur\u200b.md", "U+200B"),
    (unicodedata.normalize("NFD", "électricien.md"), "NFC"),
    ("x" * 101 + ".md", "trop long"),
])
def test_names_no_checkout_can_hold_are_refused(root, name, reason):
    path = root / "metiers" / name
    path.write_text("---\n---\n", encoding="utf-8")
    problem = paths.problem(path, root)
    if reason is None:
        assert problem is None
    else:
        assert problem and reason in problem, problem


def test_names_that_differ_only_by_case_are_refused(root):
    for name in ("soudeur.md", "Soudeur.md"):
        (root / "metiers" / name).write_text("---\n---\n", encoding="utf-8")
    for name in ("soudeur.md", "Soudeur.md"):
        assert "aux majuscules près" in paths.problem(root / "metiers" / name, root)


def test_a_dangling_symlink_is_reported_not_read(root):
    os.symlink("nulle-part.md", root / "metiers" / "soudeur.md")
    assert "lien symbolique cassé" in paths.problem(root / "metiers" / "soudeur.md", root)
