"""Each mistake an editor can commit stops the build with `path: field: problem`.

Every case breaks one file of the small valid site in tests/fixtures/minimal,
builds it as the tasks do, and checks: non-zero exit, the message names the
file and the field, no Python traceback. test_failed_build_keeps_last_output
checks the safe swap of tasks.py.
"""

from __future__ import annotations

import pytest
from invoke import Context, Exit

import tasks
from support import DEV_CONF, FIXTURES, build_site, refused_build, snapshot

FORMATION = "formations/bac-pro-test.md"
METIER = "metiers/soudeur.md"
NEWS = "actualites/ouverture.md"
TEXTS = "data/textes.yaml"


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = {
    # name: (file, (old, new) or full text or bytes, expected "file: field")
    "listing text pasted from a web page": (
        TEXTS, ('intro_metier: "Maintenance', 'intro_metier: "<iframe src=x></iframe>Maintenance'),
        "textes.yaml: intro_metier: doit respecter la règle : sans balise HTML"),
    "listing text too long": (TEXTS, ('intro_metier: "', 'intro_metier: "' + "x" * 300),
                              "textes.yaml: intro_metier: trop long"),
    "mission without its text": (TEXTS, ("    text: \"Faire découvrir", "    texte: \"Faire découvrir"),
                                 "textes.yaml: missions: élément 1 : texte: champ inconnu"),
    "unknown field": (METIER, ("family:", "couleur: bleu\nfamily:"), "soudeur.md: couleur: champ inconnu"),
    "missing required": (METIER, ("summary: Assembler des pièces de métal par la soudure.\n", ""),
                         "soudeur.md: summary: champ obligatoire manquant"),
    "wrong type list": (METIER, ("skills:\n  - Lire un plan", "skills: Lire un plan"),
                        "soudeur.md: skills: doit être une liste"),
    "wrong type bool": (FORMATION, ("cost: Gratuit", "cost: [1]"), "bac-pro-test.md: cost: doit être un texte"),
    "bad select": (METIER, ("family: chaudronnerie-soudure", "family: soudure"), "soudeur.md: family: « soudure »"),
    "bad slug": (METIER, ("slug: soudeur", "slug: Soudeur"), "soudeur.md: slug:"),
    "unknown trade": (FORMATION, ("  - soudeur", "  - plombier"),
                      "bac-pro-test.md: metiers: « plombier » n'existe pas"),
    "unknown partner": (NEWS, ("  - michelin", "  - renault"), "ouverture.md: partners: « renault » n'existe pas"),
    "bad date": (NEWS, ('"2019-09-01 09:00"', '"01/09/2019"'), "ouverture.md: date: date « 01/09/2019 » invalide"),
    "impossible date": (NEWS, ('"2019-09-01 09:00"', '"2019-02-30 09:00"'), "ouverture.md: date: date « 2019-02-30 09:00 » impossible"),
    "unknown status": (NEWS, ("category:", "status: publie\ncategory:"), "ouverture.md: status: « publie »"),
    "yaml syntax": (METIER, ("title: Soudeur ou soudeuse", "title: [Soudeur"), "soudeur.md: en-tête : ligne"),
    "duplicate key": (METIER, ("slug: soudeur", "slug: soudeur\nslug: soudeur2"), "soudeur.md: en-tête : ligne 4"),
    "no front matter": (METIER, "Juste du texte\n", "soudeur.md: en-tête manquant"),
    "empty file": (METIER, "", "soudeur.md: le fichier est vide"),
    "not utf-8": (METIER, "---\ntitle: Soudeur\n---\n".encode("latin-1") + "é".encode("latin-1"),
                  "soudeur.md: le fichier n'est pas en UTF-8"),
    "front matter not a mapping": (METIER, "---\n- a\n- b\n---\n", "soudeur.md: en-tête : il doit contenir"),
    "html in summary": (METIER, ("summary: Assembler", "summary: <script>alert(1)</script> Assembler"),
                        "soudeur.md: summary: doit respecter la règle : sans balise HTML"),
    "script in body": (NEWS, ("Texte de l'actualité.", "Texte.\n\n<script>alert(1)</script>"),
                       "ouverture.md: corps: ligne 13 : balise <script> refusée"),
    "event handler in body": (NEWS, ("Texte de l'actualité.", '<p onclick="alert(1)">Texte</p>'),
                              "ouverture.md: corps: ligne 11 : attribut onclick= refusé sur <p>"),
    "javascript link": (NEWS, ("Texte de l'actualité.", "[clic](javascript:alert(1))"),
                        "ouverture.md: corps: ligne 11 : adresse « javascript:alert(1) » refusée"),
    "iframe from elsewhere": (NEWS, ("Texte de l'actualité.", '<iframe src="https://evil.example/x"></iframe>'),
                              "ouverture.md: corps: ligne 11 : balise <iframe> refusée"),
    "inline style in body": (METIER, ("Assembler des pièces.", '<span style="color:red">Assembler</span>'),
                             "soudeur.md: corps: ligne 16 : attribut style= refusé"),
    "missing image": (METIER, ("family:", "image: images/absente.jpg\nimage_alt: Une soudeuse\nfamily:"),
                      "soudeur.md: image: l'image « images/absente.jpg » est introuvable"),
    "image without alt": (METIER, ("family:", "image: images/atelier.jpg\nfamily:"), "soudeur.md: image_alt: texte alternatif obligatoire"),
    "reserved page slug": ("pages/metiers.md", "---\ntitle: M\nslug: metiers\nsummary: M.\n---\n\nTexte.\n",
                           "pages/metiers.md: slug: « metiers » est réservé"),
    "slug differs from file name": ("pages/contact.md", ("slug: contact", "slug: nous-trouver"),
                                    "contact.md: slug: « nous-trouver » diffère du nom du fichier « contact.md »"),
    "empty body": (NEWS, ("Texte de l'actualité.", ""), "ouverture.md: corps: le texte de la page est vide"),
    "two home pages": ("pages/contact.md", ("menu: 1", "layout: accueil"), "layout: il faut exactement une page d'accueil"),
    "file outside folders": ("autre/note.md", "---\ntitle: x\n---\n", "autre/note.md: emplacement: fichier hors des dossiers"),
    "misnamed data file": ("data/partenaires.yml", "partners: []\n", "partenaires.yml: emplacement: fichier de données inconnu"),
    "partner bad url": ("data/partners.yaml", ("https://www.michelin.com", "javascript:alert(1)"),
                        "partners.yaml: partners[1] (michelin): url:"),
    "partner bad role": ("data/partners.yaml", ("role: porteur", "role: ami"), "partners.yaml: partners[1] (michelin): role:"),
    "figure without source": ("data/figures.yaml", ("    source: Dossier de presse\n    featured", "    featured"),
                              "figures.yaml: figures[1] (eleves): source: champ obligatoire manquant"),
    "data yaml syntax": ("data/figures.yaml", ("figures:", "figures: ["), "figures.yaml: ligne"),
    "unknown data list": ("data/partners.yaml", ("partners:", "partenaires:"), "partners.yaml: partenaires: liste inconnue"),
}


def apply(content, target, change):
    path = content / target
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(change, tuple):
        replace(path, *change)
    elif isinstance(change, bytes):
        path.write_bytes(change)
    else:
        path.write_text(change, encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_and_costs_nothing(case, minimal_site, tmp_path, good_output, capfd):
    target, change, expected = CASES[case]
    apply(minimal_site, target, change)
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert expected in log, log


def test_duplicate_slug_in_two_files(minimal_site, tmp_path):
    """A copied file keeps the slug of its original: the slug is the file name, so the
    copy is named, and the two files can never claim one address."""
    source = minimal_site / METIER
    (minimal_site / "metiers" / "soudeur-bis.md").write_text(source.read_text(encoding="utf-8"))
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode != 0
    assert ("metiers/soudeur-bis.md: slug: « soudeur » diffère du nom du fichier « soudeur-bis.md » : "
            "le slug doit être « soudeur-bis »") in result.log, result.log


def test_duplicate_partner_id(minimal_site, tmp_path):
    path = minimal_site / "data" / "partners.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.split("partners:\n", 1)[1], encoding="utf-8")
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode != 0
    assert "partners[2] (michelin): id: « michelin » est déjà utilisé" in result.log


def test_all_problems_are_reported_before_failing(minimal_site, tmp_path):
    apply(minimal_site, METIER, ("family: chaudronnerie-soudure", "family: x"))
    apply(minimal_site, NEWS, ("category: vie-de-l-ecole", "category: y"))
    apply(minimal_site, FORMATION, ("  - soudeur", "  - z"))
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode != 0
    for fragment in ("soudeur.md: family", "ouverture.md: category", "bac-pro-test.md: metiers"):
        assert fragment in result.log
    assert "3 erreur(s)" in result.log
    assert "Could not process" not in result.log  # each problem is said once


def test_bom_crlf_and_yaml_1_2_values_build(minimal_site, tmp_path):
    path = minimal_site / FORMATION
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    formation = result.page("formations/bac-pro-test/")
    assert "1:30" in formation.words  # not 90 (YAML 1.1 sexagesimal)
    news = result.page("actualites/2019/ouverture/")
    assert news.h1 == ["No"]  # not False (YAML 1.1 boolean)


def test_draft_is_not_published_and_cannot_be_referenced(minimal_site, tmp_path):
    apply(minimal_site, METIER, ("family:", "status: draft\nfamily:"))
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode != 0
    assert "bac-pro-test.md: metiers: « soudeur » n'existe pas" in result.log
    apply(minimal_site, FORMATION, ("metiers:\n  - soudeur\n", ""))
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    assert not (tmp_path / "out" / "metiers" / "soudeur").exists()
    assert (tmp_path / "out" / "metiers" / "usineur" / "index.html").exists()


def test_failed_build_keeps_last_output(minimal_site, tmp_path):
    output = tmp_path / "output"
    tasks.safe_build(Context(), DEV_CONF, output=output, content=minimal_site)
    before = snapshot(output)
    assert before
    apply(minimal_site, METIER, ("family: chaudronnerie-soudure", "family: x"))
    with pytest.raises(Exit) as failure:
        tasks.safe_build(Context(), DEV_CONF, output=output, content=minimal_site)
    assert failure.value.code == 1
    assert snapshot(output) == before
    assert [p.name for p in tmp_path.glob(".output.*")] == [".output.lock"]  # no temporary folder left


def test_markdown_images_become_responsive_pictures(minimal_site, tmp_path):
    from PIL import Image

    Image.new("RGB", (2000, 1000), "navy").save(minimal_site / "images" / "grand.jpg")
    apply(minimal_site, METIER, ("Assembler des pièces.", "![Une soudeuse au travail](/images/grand.jpg)\n\n"
                                 "![décorative](/images/atelier.jpg)"))
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    html = (tmp_path / "out" / "metiers" / "soudeur" / "index.html").read_text(encoding="utf-8")
    assert '<source type="image/webp" srcset="/images/grand.' in html
    assert 'width="2000" height="1000" alt="Une soudeuse au travail" decoding="async" loading="lazy"' in html
    assert 'alt="" decoding="async" loading="lazy"' in html  # decorative
    assert not (tmp_path / "out" / "images" / "grand.jpg").exists()  # the original is not published


@pytest.mark.parametrize("markdown, expected", [
    ("![](/images/atelier.jpg)", "corps: image « /images/atelier.jpg » sans texte alternatif"),
    ("![Atelier](/images/absente.jpg)", "corps: image « /images/absente.jpg » introuvable"),
    ("![Atelier](https://example.org/a.jpg)", "corps: image « https://example.org/a.jpg » hors du site"),
])
def test_bad_markdown_images(minimal_site, tmp_path, markdown, expected):
    apply(minimal_site, METIER, ("Assembler des pièces.", markdown))
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode != 0
    assert f"content/metiers/soudeur.md: {expected}" in result.log, result.log


def test_image_that_breaks_while_being_encoded(minimal_site, tmp_path, good_output, capfd):
    """The header is fine, the data is cut: found by the background worker, reported
    with the file that uses the image, and the last good site is kept."""
    from PIL import Image

    photo = minimal_site / "images" / "coupee.jpg"
    Image.effect_noise((1600, 1200), 40).convert("RGB").save(photo, "JPEG")
    photo.write_bytes(photo.read_bytes()[:4000])
    apply(minimal_site, METIER, ("family:", "image: images/coupee.jpg\nimage_alt: Une soudeuse\nfamily:"))
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert "metiers/soudeur.md: image: image tronquée" in log, log


def test_wrong_source_date_epoch_stops_the_build_once(tmp_path):
    """The build's "today" (buildkit.clock) is checked once, before any plugin uses it."""
    result = build_site(FIXTURES / "minimal", tmp_path / "out", env={"SOURCE_DATE_EPOCH": "demain"})
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH « demain » n'est pas un nombre de secondes" in result.log
    assert "Traceback" not in result.log
    assert not (tmp_path / "out" / "index.html").exists()
