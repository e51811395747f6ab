"""The printable PDFs (issue 25, plugins/dossier) of the real site: a sheet per programme
and the catalogue, read back with pypdf and PDFium, their QR codes decoded by zxing-cpp;
two builds give the same bytes; the cache renders only what changed; the quality gate
(checks/pdf.py) passes on the site and catches a sheet put in the wrong place."""

import math
import re
import shutil
import sys

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader
from support import DEV_CONF, ROOT, Page, build_site

from checks import pdf as pdf_gate
from checks.site import load_pages

sys.path.insert(0, str(ROOT))
from pelicanconf import cache_overrides  # noqa: E402

pytestmark = pytest.mark.slow
SPACES = re.compile(r"[\s\u00a0\u202f]+")
LINK = re.compile(r'<a href="([^"]+\.pdf)" type="application/pdf">([^<]+)</a>')


def plain(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u2019", "'")).strip()


def pdf_text(path) -> str:
    document = pypdfium2.PdfDocument(str(path))
    return plain(" ".join(page.get_textpage().get_text_range() for page in document))


def qr_codes(path) -> list[str]:
    image = pypdfium2.PdfDocument(str(path))[0].render(scale=2).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)]


def tags(node, found):
    """(structure type, alt text) of every element of the structure tree, in order."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for kid in node:
            tags(kid, found)
    elif hasattr(node, "keys"):
        if "/S" in node:
            found.append((str(node["/S"]), node.get("/Alt")))
        if "/K" in node:
            tags(node["/K"], found)
    return found


def programmes(output):
    return sorted(p.parent for p in (output / "formations").glob("*/index.html"))


def canonical(page_file) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)"', page_file.read_text())[1]


def test_every_programme_has_its_sheet(published):
    folders = programmes(published.output)
    assert len(folders) >= 10
    for folder in folders:
        sheet = folder / f"hall32-{folder.name}.pdf"
        html = (folder / "index.html").read_text()
        page = Page.read(folder / "index.html")
        # The page's link gives the size the file has.
        (href, label), = LINK.findall(html)
        assert href == f"/formations/{folder.name}/{sheet.name}"
        size = sheet.stat().st_size
        assert size <= 300_000
        assert plain(label) == f"Télécharger la fiche (PDF, {math.ceil(size / 1000)} ko)"
        reader = PdfReader(sheet)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "fr-FR" and root["/MarkInfo"]["/Marked"]
        assert 1 <= len(reader.pages) <= 2, f"{sheet.name}: {len(reader.pages)} pages"
        title = plain(page.h1[0])
        assert plain(reader.metadata.title).startswith(title)
        text = pdf_text(sheet)
        assert title in text
        for needed in ("L'essentiel", "Comment candidater", "Coordonnées de Hall 32", "Page en ligne"):
            assert needed in text, (sheet.name, needed)
        dated = re.search(r"Informations de <time[^>]*>([^<]+)</time>", html)
        if dated:
            assert f"Informations de {plain(dated[1])}" in text
        assert qr_codes(sheet) == [canonical(folder / "index.html")]
        assert canonical(folder / "index.html") in text  # the printed address
        found = tags(root["/StructTreeRoot"], [])
        levels = [int(name[2]) for name, _ in found if re.fullmatch(r"/H[1-6]", name)]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (sheet.name, levels)
        figures = [alt for name, alt in found if name == "/Figure"]
        assert figures and all(alt and "Code QR" in alt for alt in figures)
        # Links are clickable and absolute.
        uris = [a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots") or []
                if a.get_object().get("/A", {}).get("/S") == "/URI"]
        assert canonical(folder / "index.html") in uris


def test_past_programme_sheet_says_it_is_over_and_is_not_in_the_catalogue(published):
    past = [f for f in programmes(published.output) if "Session passée" in (f / "index.html").read_text()]
    assert past, "the real content has past programmes (past_run)"
    catalogue = pdf_text(published.output / "hall32-catalogue.pdf")
    for folder in past:
        text = pdf_text(folder / f"hall32-{folder.name}.pdf")
        assert "Session passée" in text and "Aucune nouvelle session n'est annoncée sur ce site" in text
        assert plain(Page.read(folder / "index.html").h1[0]) not in catalogue


def test_catalogue(published):
    path = published.output / "hall32-catalogue.pdf"
    assert path.stat().st_size <= 2_000_000
    for page in ("index.html", "formations/index.html"):
        (href, label), = LINK.findall((published.output / page).read_text())
        assert href == "/hall32-catalogue.pdf" and "catalogue" in label
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr-FR" and root["/MarkInfo"]["/Marked"]
    text = pdf_text(path)
    assert "Sommaire" in text
    open_ones = [f for f in programmes(published.output) if "Session passée" not in (f / "index.html").read_text()]
    for folder in open_ones + sorted(p.parent for p in (published.output / "metiers").glob("*/index.html")):
        assert plain(Page.read(folder / "index.html").h1[0]) in text
    levels = [int(name[2]) for name, _ in tags(root["/StructTreeRoot"], []) if re.fullmatch(r"/H[1-6]", name)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    # The table of contents links to each programme and trade inside the PDF.
    assert len(reader.named_destinations) >= len(open_ones)
    assert qr_codes(path) == [canonical(published.output / "formations" / "index.html")]


def test_gate_passes_on_the_site_and_catches_a_misplaced_sheet(published, tmp_path):
    assert pdf_gate.check(published.output, load_pages(published.output)) == []
    output = tmp_path / "output"
    shutil.copytree(published.output, output)
    a, b = programmes(output)[:2]
    shutil.copyfile(b / f"hall32-{b.name}.pdf", a / f"hall32-{a.name}.pdf")
    failures = "\n".join(pdf_gate.check(output, load_pages(output)))
    assert f"hall32-{a.name}.pdf: le code QR mène à {canonical(b / 'index.html')}" in failures
    assert f"hall32-{a.name}.pdf: le titre de la page" in failures


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Four builds with PDFs of a copy of the content: two cold ones with caches of their
    own, a warm one with no change, one after a programme's field changed."""
    root = tmp_path_factory.mktemp("dossier")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)

    def build(name: str, cache: str):
        result = build_site(content, root / name, DEV_CONF, "-e", "DOSSIER_PDF=true",
                            *cache_overrides(root / cache), cwd=ROOT)
        assert result.returncode == 0, result.log
        return root / name

    def entries(cache: str) -> dict:
        return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (root / cache / "dossier").glob("*.pdf")}

    # Consecutive builds run in the two builders of tests/forked_builds.py in turn: cold2
    # first, so that the warm build reads cold's cache in the other builder than cold's.
    done = {"cold2": build("cold2", "b"), "cold": build("cold", "a")}
    before = entries("a")
    done["warm"] = build("warm", "a")
    done["warm_entries"], done["cold_entries"] = entries("a"), before
    source = content / "formations" / "bac-pro-usinage.md"
    text = source.read_text()
    assert "duration: En général 3 ans" in text
    source.write_text(text.replace("duration: En général 3 ans", "duration: En général trois ans"))
    done["changed"] = build("changed", "a")
    done["changed_entries"] = entries("a")
    return done


def pdfs(output) -> dict:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*.pdf")}


def test_two_builds_give_the_same_bytes(builds):
    first, second = pdfs(builds["cold"]), pdfs(builds["cold2"])
    assert len(first) >= 11 and first == second


def test_a_warm_build_renders_none(builds):
    assert builds["warm_entries"] == builds["cold_entries"]  # no entry written again
    assert pdfs(builds["warm"]) == pdfs(builds["cold"])


def test_one_changed_programme_renders_its_sheet_and_the_catalogue(builds):
    before, after = pdfs(builds["warm"]), pdfs(builds["changed"])
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {"formations/bac-pro-usinage/hall32-bac-pro-usinage.pdf", "hall32-catalogue.pdf"}
    assert "En général trois ans" in pdf_text(builds["changed"] / "formations/bac-pro-usinage/hall32-bac-pro-usinage.pdf")
    old, new = builds["warm_entries"], builds["changed_entries"]
    kept = {name: old[name] for name in old.keys() & new.keys()}
    assert len(set(new) - set(old)) == 2 and len(kept) == len(old) - 2
    assert all(new[name] == stamp for name, stamp in kept.items())  # the others untouched
