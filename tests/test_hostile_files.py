"""Files as Windows, macOS, Word and Emacs leave them, in real builds (issue 26).

Every file of content/ is published, reported or ignored by one rule (content_model.paths);
what is ignored, and drafts, reach no output, /admin/ included; hostile text is refused
with the file and the field."""

from __future__ import annotations

import os
import unicodedata

import pytest

from support import build_site, refused_build, snapshot

MARKER = "MARQUEUR-NON-PUBLIE"
USINEUR = "metiers/usineur.md"


def text_of(output) -> str:
    """Every file of the output, as text (HTML, JSON, XML, .ics, /admin/)."""
    return "\n".join(data.decode("utf-8", "replace") for data in snapshot(output).values())


def draft_of(path, title):
    text = path.read_text(encoding="utf-8")
    return text.replace("title:", f"status: draft\ntitle: {title}\n_old_title:", 1).replace(
        "\n_old_title:", "\n# ", 1)


def test_ignored_files_and_drafts_reach_no_output_admin_included(minimal_site, tmp_path):
    metiers = minimal_site / "metiers"
    source = (metiers / "usineur.md").read_text(encoding="utf-8")
    secret = source.replace("title:", f"title: {MARKER} titre\n#", 1)
    (metiers / "usineur.md~").write_text(secret, encoding="utf-8")  # editor's backup
    (metiers / "#usineur.md#").write_text(secret, encoding="utf-8")  # Emacs's autosave
    (metiers / "_brouillon.md").write_text(secret, encoding="utf-8")
    (metiers / ".cache.md").write_text(secret, encoding="utf-8")
    os.symlink(f"editeur@poste.{MARKER}:1234", metiers / ".#usineur.md")  # Emacs's lock
    (minimal_site / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + MARKER.encode())
    (minimal_site / "images" / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0" + MARKER.encode())
    (minimal_site / "images" / "desktop.ini").write_text(f"[.ShellClassInfo]\n{MARKER}\n")
    # A draft (and a scheduled news item): counted on /admin/etat/, never named there.
    draft = source.replace("slug: usineur", "slug: usineur\nstatus: draft").replace(
        "title:", f"title: {MARKER} brouillon\n#", 1)
    (metiers / "usineur.md").write_text(draft, encoding="utf-8")
    news = (minimal_site / "actualites" / "ouverture.md").read_text(encoding="utf-8")
    (minimal_site / "actualites" / "programmee.md").write_text(
        news.replace("slug: ouverture", "slug: programmee").replace("title: No", f"title: {MARKER} futur")
        .replace('date: "2019-09-01 09:00"', 'date: "2099-09-01 09:00"'), encoding="utf-8")
    for name in ("formations/bac-pro-test.md", "formations/formation-continue.md"):
        path = minimal_site / name  # programmes may not lead to a draft trade
        path.write_text(path.read_text(encoding="utf-8").replace("  - usineur\n", ""), encoding="utf-8")
    build = build_site(minimal_site, tmp_path / "out")
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    published = text_of(build.output)
    assert MARKER not in published
    for name in ("usineur", "programmee", "_brouillon", ".#usineur"):
        assert name not in (build.output / "admin" / "etat" / "index.html").read_text(encoding="utf-8")
    etat = (build.output / "admin" / "etat" / "index.html").read_text(encoding="utf-8")
    assert "non publié" in etat  # counted


def test_invoke_report_still_names_the_draft_for_its_editor(minimal_site):
    from health.render import text
    from health.report import collect
    from buildkit import clock

    path = minimal_site / USINEUR
    path.write_text(path.read_text(encoding="utf-8").replace("slug: usineur", "slug: usineur\nstatus: draft"),
                    encoding="utf-8")
    os.symlink("nowhere:1", minimal_site / "metiers" / ".#usineur.md")
    report = text(collect(minimal_site, clock.now()))
    assert "usineur.md" in report and "brouillon" in report
    assert ".#usineur" not in report


def test_a_notepad_file_with_bom_and_crlf_is_read_as_typed(minimal_site, tmp_path):
    """Windows Notepad saves UTF-8 with a byte order mark and CR LF line ends."""
    path = minimal_site / USINEUR
    text = path.read_text(encoding="utf-8").replace("title: Usineur", "title: Usineur édité sous Windows")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    build = build_site(minimal_site, tmp_path / "out")
    assert build.returncode == 0, build.log
    page = (build.output / "metiers" / "usineur" / "index.html").read_text(encoding="utf-8")
    assert "Usineur édité sous Windows" in page.replace("\u202f", " ").replace("\u00a0", " ")
    assert "\r" not in page and "\ufeff" not in page


@pytest.mark.parametrize("name, message", [
    ("metiers/con.md", "réservé par Windows"),
    ("metiers/nul.md", "réservé par Windows"),
    ("metiers/Usineur.md", "aux majuscules près"),
    ("metiers/" + unicodedata.normalize("NFD", "électricien.md"), "NFC"),
    ("metiers/soudeur\u200b.md", "U+200B"),
    ("images/aux.jpg", "réservé par Windows"),
])
def test_names_git_for_windows_or_macos_cannot_hold_are_refused(
        name, message, minimal_site, tmp_path, good_output, capfd):
    source = (minimal_site / USINEUR).read_bytes()
    (minimal_site / name).write_bytes(source)
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert message in log, log


def test_a_dangling_symlink_that_is_not_an_editor_lock_is_reported(
        minimal_site, tmp_path, good_output, capfd):
    os.symlink("nulle-part.md", minimal_site / "metiers" / "fraiseur.md")
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert "metiers/fraiseur.md" in log and "lien symbolique cassé" in log, log


@pytest.mark.parametrize("field, value, message", [
    ("title", "Usi\\Pneur", "U+2029"),  # a paragraph separator crashed the social cards
    ("title", "Usineur\\r\\nbis", "U+000D"),  # a carriage return, typed as a YAML escape
    ("title", "Usineur\\vbis", "U+000B"),  # Word's manual line break crashed the Atom feed
    ("title", "Usineur \u202eruenisu", "jamais refermé"),
    ("summary", "Texte\\x1b[31m rouge", "U+001B"),
    ("summary", "Texte\\0nul", "U+0000"),
])
def test_hostile_text_in_front_matter_is_refused_with_file_and_field(
        field, value, message, minimal_site, tmp_path, good_output, capfd):
    path = minimal_site / USINEUR
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = [f'{field}: "{value}"' if line.startswith(f"{field}:") else line for line in lines]
    path.write_text("\n".join(lines), encoding="utf-8")
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert f"content/{USINEUR}: {field}: " in log and message in log, log


def test_a_separator_typed_raw_in_front_matter_is_refused_not_folded_away(
        minimal_site, tmp_path, good_output, capfd):
    """YAML 1.1 reads U+2029 as a line break and would fold it into a space: refused."""
    path = minimal_site / USINEUR
    path.write_text(path.read_text(encoding="utf-8").replace("title: Usineur ou usineuse",
                                                                'title: "Usi\u2029neur ou usineuse"'),
                    encoding="utf-8")
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert f"content/{USINEUR}: en-tête : ligne 2: caractère U+2029" in log, log


@pytest.mark.parametrize("body, message", [
    ("Texte\x00nul.", "U+0000"),
    ("Texte \x1b[31m rouge.", "U+001B"),
    ("Texte \u202einversé.", "direction"),
    ("".join("  " * i + "- point\n" for i in range(400)), "imbriquées"),
    ("\n".join(["[" * 5_000] * 12), "crochets"),  # 60 kB of nested brackets
    ("\n".join(["&amp; " * 1_000] * 6), "entités"),
    ("mot " * 5_000, "ligne trop longue"),
    ("mot " * 50_000, "texte trop long"),  # 200 kB of words: past 60 s before issue 26
    ("Avant.\n\n<![foo[ x ]]>\n", "déclaration HTML"),
])
def test_hostile_markdown_is_refused_with_the_file_and_the_line(
        body, message, minimal_site, tmp_path, good_output, capfd):
    path = minimal_site / USINEUR
    head, _, _ = path.read_text(encoding="utf-8").partition("\n---\n")
    path.write_text(f"{head}\n---\n\n{body}\n", encoding="utf-8")
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert f"content/{USINEUR}: corps: " in log and message in log, log
