"""Every PDF of the output (plugins/dossier) read back: opens, tagged, in French, its QR
code and links lead to pages of the built site, within its size budget.

- it opens (pypdf for its structure, PDFium for its text) and has a title;
- tagged (/MarkInfo /Marked, a structure tree) with its language set (/Lang fr…);
- a programme's sheet (``formations/<slug>/*.pdf``) holds, in its text, the title (h1)
  of the programme's page and the page's « Informations de » date (when it has one);
- its first page, drawn to pixels (pypdfium2), holds a QR code that a real decoder
  (zxing-cpp) reads as the address of the page beside it (its canonical URL), or
  for a PDF at the root (the catalogue), of a page of the site;
- every link to the site (the canonical URLs' origin) resolves to a file of the output,
  and its #anchor to an id of the page; every link inside the PDF to a destination it has;
- a sheet is at most 300 kB, any other PDF at most 2 MB.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .links import target_file
from .site import Page

SHEET_LIMIT = 300_000
OTHER_LIMIT = 2_000_000
SPACES = re.compile(r"[\s\u00a0\u202f]+")
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
DATED = re.compile(r"Informations de\b.*?<time\b[^>]*>(.*?)</time>", re.S)
TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Text with every kind of space as one space (PDF extraction breaks lines)."""
    import html

    return SPACES.sub(" ", html.unescape(TAG.sub("", text))).strip()


def _page_facts(page_file: Path) -> tuple[str, str, str]:
    """(canonical URL, h1 text, « Informations de » date text) of a built page."""
    source = page_file.read_text(encoding="utf-8")
    canonical, h1, dated = CANONICAL.search(source), H1.search(source), DATED.search(source)
    return (canonical[1] if canonical else "", plain(h1[1]) if h1 else "",
            plain(dated[1]) if dated else "")


def _read(path: Path) -> tuple[str, list[str]]:
    """(text of every page, QR codes of the first page drawn at 144 dpi), by PDFium."""
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(str(path))
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in document)
        image = document[0].render(scale=2).to_pil()
    finally:
        document.close()
    return plain(text), [code.text for code in zxingcpp.read_barcodes(image)]


def _links(reader) -> tuple[list[str], list[str]]:
    """(URIs, named destinations asked for) of every link annotation."""
    uris, names = [], []
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            action = annot.get("/A") or {}
            if action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
            elif action.get("/S") == "/GoTo" and isinstance(action.get("/D"), str):
                names.append(str(action["/D"]))
            elif isinstance(annot.get("/Dest"), str):
                names.append(str(annot["/Dest"]))
    return uris, names


def check_one(output: Path, path: Path, by_file: dict, origin: str) -> list[str]:
    from pypdf import PdfReader

    name = "/" + path.relative_to(output).as_posix()
    failures: list[str] = []

    def fail(problem: str) -> None:
        failures.append(f"{name}: {problem}")

    try:
        reader = PdfReader(path)
        text, codes = _read(path)
    except Exception as error:  # pypdf raises many kinds of errors on a broken file
        return [f"{name}: PDF illisible ({type(error).__name__}: {error})"]
    root = reader.trailer["/Root"]
    if not (reader.metadata and reader.metadata.title):
        fail("pas de titre (métadonnées /Title)")
    if not str(root.get("/Lang", "")).lower().startswith("fr"):
        fail(f"langue du document absente ou autre que le français (/Lang {root.get('/Lang')!r})")
    if not (root.get("/MarkInfo") or {}).get("/Marked") or "/StructTreeRoot" not in root:
        fail("PDF non balisé (pas de /MarkInfo /Marked ni d'arbre de structure)")
    size = path.stat().st_size
    sheet = path.parent != output
    limit = SHEET_LIMIT if sheet else OTHER_LIMIT
    if size > limit:
        fail(f"{size} octets, plus que le budget de {limit} octets")

    beside = path.parent / "index.html"
    expected = ""
    if sheet and beside.is_file():
        expected, title, dated = _page_facts(beside)
        if not title or title not in text:
            fail(f"le titre de la page « {title} » n'est pas dans le texte du PDF")
        if dated and f"Informations de {dated}" not in text:  # no date: the page says none
            fail(f"« Informations de {dated} » (la date de la page) n'est pas dans le texte du PDF")
    elif sheet:
        fail("aucune page à côté du PDF (index.html)")
    if not codes:
        fail("aucun code QR lisible en première page")
    for code in codes:
        if expected and code != expected:
            fail(f"le code QR mène à {code}, pas à la page {expected}")
        elif not expected and not (code.startswith(origin + "/") and
                                   target_file(output, urlsplit(code).path)):
            fail(f"le code QR mène à {code}, qui n'est pas une page du site")

    uris, names = _links(reader)
    for uri in uris:
        parts = urlsplit(uri)
        if not origin or f"{parts.scheme}://{parts.netloc}" != origin:
            continue  # another site, mailto:, tel:
        target = target_file(output, parts.path or "/")
        if target is None:
            fail(f"lien cassé : {uri} ({parts.path} n'existe pas)")
        elif parts.fragment and target.suffix == ".html":
            page = by_file.get(target.resolve())
            if page is not None and unquote(parts.fragment) not in page.ids:
                fail(f"lien cassé : {uri} (ancre #{parts.fragment} absente)")
    if names:
        dests = set(reader.named_destinations)
        for missing in sorted(set(names) - dests):
            fail(f"lien interne vers la destination « {missing} », absente du PDF")
    return failures


def check(output: Path, pages: list[Page]) -> list[str]:
    by_file = {page.path.resolve(): page for page in pages}
    home = output / "index.html"
    canonical = _page_facts(home)[0] if home.is_file() else ""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(canonical)) if canonical else ""
    failures: list[str] = []
    for path in sorted(output.rglob("*.pdf")):
        failures += check_one(output, path, by_file, origin)
    return failures
