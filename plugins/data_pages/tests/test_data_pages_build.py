"""Partners and key-figures pages built from YAML, with the real theme."""

from __future__ import annotations

from html import unescape
import re

import pytest
from PIL import Image

from support import TYPED, build_site

PARTNERS = "data/partners.yaml"


def edit(content, rel, old, new):
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_real_pages_render_series_tables_and_groups(real_site):
    html = (real_site.output / "chiffres-cles" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<table", html)) == 2
    assert "De 117 élèves en 2019 à 197 élèves en 2022 (+68 %)." in unescape(html).translate(TYPED)
    partners = (real_site.output / "partenaires" / "index.html").read_text(encoding="utf-8")
    headings = [unescape(h).translate(TYPED) for h in
                re.findall(r'<h2 class="h32-group__title"[^>]*>([^<]+)</h2>', partners)]
    assert headings == ["Association gestionnaire", "Partenaires qui portent Hall 32",
                        "Financeurs", "Partenaires des programmes",
                        "Partenaires d'origine, remplacés depuis"]
    assert "13,8\u202fM€" in partners  # Michelin's funding, formatted in French
    assert 'href="https://www.michelin.com"' in partners


def test_yaml_order_is_page_order(minimal_site, tmp_path):
    path = minimal_site / PARTNERS
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - id: limagrain\n    name: Limagrain\n    role: porteur\n"
        "    description: Membre fondateur.\n"
        "  - id: akto\n    name: AKTO\n    role: porteur\n    description: OPCO.\n"
    ), encoding="utf-8")
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    html = (tmp_path / "out" / "partenaires" / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<h3 class="h32-card__title">([^<]+)</h3>', html)
    assert names == ["Michelin", "Limagrain", "AKTO"]


def test_text_from_yaml_is_escaped(minimal_site, tmp_path):
    edit(minimal_site, PARTNERS, "description: Membre fondateur.",
         'description: "Pneus & mobilité : 1 < 2 > 0"')
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    html = (tmp_path / "out" / "partenaires" / "index.html").read_text(encoding="utf-8")
    assert "Pneus &amp; mobilité : 1 &lt; 2 &gt; 0" in html.translate(TYPED)  # typeset: « : »


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("description: Membre fondateur.", 'description: "<script>alert(1)</script>"',
         "partners[1] (michelin): description: doit respecter la règle : sans balise HTML"),
        ("https://www.michelin.com", "ftp://michelin.com", "partners[1] (michelin): url:"),
        ("funding: 13800000", "funding: 13,8 M€", "partners[1] (michelin): funding: doit être un nombre entier"),
        ("name: Michelin", "name: [Michelin]", "partners[1] (michelin): name: doit être un texte"),
        ("    role: porteur\n", "", "partners[1] (michelin): role: champ obligatoire manquant"),
    ],
)
def test_bad_partner_entries(minimal_site, tmp_path, old, new, expected):
    edit(minimal_site, PARTNERS, old, new)
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode != 0
    assert f"content/data/partners.yaml: {expected}" in result.log, result.log
    assert "Traceback" not in result.log


def test_logo_is_resized_and_sized_in_html(minimal_site, tmp_path):
    (minimal_site / "images").mkdir(exist_ok=True)
    Image.new("RGB", (1200, 400), "navy").save(minimal_site / "images" / "michelin.png")
    edit(minimal_site, PARTNERS, "funding:", "logo: images/michelin.png\n    funding:")
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    html = (tmp_path / "out" / "partenaires" / "index.html").read_text(encoding="utf-8")
    webp = re.search(r'<source srcset="/(images/michelin\.\w+-320\.webp)" type="image/webp">', html)
    img = re.search(r'<img class="h32-partner-logo__img" src="/(images/michelin\.\w+-320\.jpg)" '
                    r'width="(\d+)" height="(\d+)"', html)
    assert webp and img, html
    assert (img.group(2), img.group(3)) == ("320", "107")
    with Image.open(tmp_path / "out" / img.group(1)) as fallback:
        assert fallback.size == (320, 107)
    assert (tmp_path / "out" / webp.group(1)).is_file()


def test_partner_without_logo_gets_a_monogram(minimal_site, tmp_path):
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    html = (tmp_path / "out" / "partenaires" / "index.html").read_text(encoding="utf-8")
    assert '<span class="h32-partner-logo__monogram" aria-hidden="true">M</span>' in html


def test_corrupt_logo_is_an_error(minimal_site, tmp_path):
    (minimal_site / "images").mkdir(exist_ok=True)
    (minimal_site / "images" / "bad.png").write_bytes(b"not an image at all")
    edit(minimal_site, PARTNERS, "funding:", "logo: images/bad.png\n    funding:")
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode != 0
    assert "partners.yaml: partners[1] (michelin): logo: ce fichier n'est pas une image" in result.log


def test_featured_figures_come_from_the_data(minimal_site, tmp_path):
    edit(minimal_site, "data/figures.yaml", "value: 197", "value: 321")
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "321" in home and "197" not in home.replace("2019", "")


def test_oversized_logo_is_an_error(minimal_site, tmp_path):
    (minimal_site / "images").mkdir(exist_ok=True)
    Image.new("1", (7000, 6000)).save(minimal_site / "images" / "huge.png")  # 42 MP
    edit(minimal_site, PARTNERS, "funding:", "logo: images/huge.png\n    funding:")
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode != 0
    assert "partners.yaml: partners[1] (michelin): logo: image trop grande (7000×6000 pixels" in result.log
