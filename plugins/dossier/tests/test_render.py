"""dossier's PDF side on small documents: tagged, French, titled, real text, the same
bytes twice, a QR code a real decoder reads, nothing fetched from the network."""

import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from dossier import dossier, render

CSS = '@page { size: A4; margin: 15mm } html { font-family: "DejaVu Sans"; }'
URL = "https://www.hall32.fr/formations/bac-pro-usinage/"


def sheet(body: str = "", title: str = "Bac Pro — usinage") -> str:
    return (f'<!DOCTYPE html><html lang="fr-FR"><head><meta charset="utf-8"><title>{title}</title>'
            f'</head><body><h1>{title}</h1><p>L’essentiel : 3 ans « en alternance ».</p>'
            f'<img src="{render.qr_data_uri(URL)}" alt="Code QR de la page" width="108" height="108">'
            f'<h2>Métiers visés</h2><p><a href="/metiers/usineur/">Usineur</a></p>{body}</body></html>')


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render.render_pdf(sheet(), "https://www.hall32.fr/", CSS)


def structure(node, found):
    """Tag names of the structure tree, in reading order."""
    node = node.get_object()
    if isinstance(node, dict) or hasattr(node, "keys"):
        if "/S" in node:
            found.append((str(node["/S"]), node.get("/Alt")))
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                if hasattr(kid, "get_object") or isinstance(kid, (dict, list)):
                    structure(kid, found)
    elif isinstance(node, list):
        for kid in node:
            structure(kid, found)
    return found


def test_tagged_french_titled_pdf(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr-FR"
    assert root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "Bac Pro — usinage"
    tags = structure(root["/StructTreeRoot"], [])
    names = [name for name, _ in tags]
    assert names.index("/H1") < names.index("/H2")
    assert ("/Figure", "Code QR de la page") in tags  # the image's alt text


def test_text_is_real_and_links_are_absolute(pdf):
    document = pypdfium2.PdfDocument(pdf)
    text = document[0].get_textpage().get_text_range()
    assert "Bac Pro — usinage" in text and "« en alternance »" in text
    uris = [str(a.get_object()["/A"]["/URI"]) for a in PdfReader(io.BytesIO(pdf)).pages[0]["/Annots"]]
    assert uris == ["https://www.hall32.fr/metiers/usineur/"]


def test_qr_code_read_back_by_a_decoder(pdf):
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=2).to_pil()
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [URL]


def test_same_html_same_bytes(pdf):
    assert render.render_pdf(sheet(), "https://www.hall32.fr/", CSS) == pdf


def test_nothing_fetched_from_the_network():
    with pytest.raises(render.RenderError):
        render.render_pdf(sheet('<img src="https://example.org/x.png" alt="x">'), "https://www.hall32.fr/", CSS)


def test_key_follows_what_the_pdf_is_made_from():
    assert render.key("a", CSS) == render.key("a", CSS)
    assert render.key("a", CSS) != render.key("b", CSS)
    assert render.key("a", CSS) != render.key("a", CSS + " ")
    assert render.key("ab", "c") != render.key("a", "bc")


def test_headings_shifted_without_ids():
    html = '<h2 id="x">A</h2><p>t</p><h3 class="c" id="y">B</h3><h5>C</h5>'
    assert dossier.shift_headings(html, 2) == '<h4>A</h4><p>t</p><h5 class="c">B</h5><h6>C</h6>'


def test_size_in_ko_rounded_up():
    assert dossier.Dossier("x.pdf", 20_001).ko == 21
    assert dossier.Dossier("x.pdf", 20_000).ko == 20
    assert dossier.Dossier("x.pdf", 10).ko == 1


def test_damaged_cache_entry_is_a_miss(tmp_path, pdf):
    whole, cut = tmp_path / "a.pdf", tmp_path / "b.pdf"
    whole.write_bytes(pdf)
    cut.write_bytes(pdf[: len(pdf) // 2])
    assert dossier._cached_size(whole) == len(pdf)
    assert dossier._cached_size(cut) is None
    assert dossier._cached_size(tmp_path / "missing.pdf") is None


def test_images_become_notes_with_their_alt_text():
    html = ('<p>a</p><picture><source srcset="/images/x-480.webp 480w"><img src="/images/x-960.jpg" '
            'alt="Un atelier d’usinage"></picture><img src="/images/d.png" alt="">'
            '<img src="data:image/svg+xml;base64,AAAA" alt="Code QR">')
    assert dossier.image_notes(html) == (
        '<p>a</p><span class="d-image-note">[Image sur la page en ligne : Un atelier d’usinage]</span>'
        '<span class="d-image-note">[Image sur la page en ligne]</span>'
        '<img src="data:image/svg+xml;base64,AAAA" alt="Code QR">')


def test_refused_fetch_says_why_in_french():
    with pytest.raises(render.RenderError, match="« https://example.org/x.png » ne peut pas être lu"):
        render.render_pdf(sheet('<img src="https://example.org/x.png" alt="x">'), "https://www.hall32.fr/", CSS)


def test_a_pdf_that_cannot_be_made_is_reported_not_cached(tmp_path):
    target = tmp_path / "x.pdf"
    job = ("content/formations/x.md", sheet('<img src="https://example.org/x.png" alt="x">'),
           "https://www.hall32.fr/", CSS, target)
    where, size, error = dossier._make(job)
    assert (where, size) == ("content/formations/x.md", 0) and "ne peut pas être lu" in error
    assert not target.exists()


def test_fonts_embedded(pdf):
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    names = []
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), font["/BaseFont"]
        names.append(str(font["/BaseFont"]))
    assert names and all("+DejaVu-Sans" in name for name in names)  # subsets of DejaVu Sans
