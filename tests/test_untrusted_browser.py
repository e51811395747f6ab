"""What is published runs no script from content, even with no CSP at all.

The CSP is the second wall: these pages are opened with it bypassed and
without the _headers rules, as on a host that sends no header (GitHub Pages
for an SVG opened directly). Content that passes the build, including text
that quotes attacks and an SVG drawing, must not open a dialog or run code.
"""

from __future__ import annotations

import pytest

from checks.server import SiteServer
from support import build_site

QUOTED = ("Exemple à ne pas faire : <code>&lt;img src=x onerror=alert(1)&gt;</code> "
          '[un lien](/metiers/ "titre \\" onmouseover=\\"alert(2)") '
          "et « javascript:alert(3) » cité en texte.")
DRAWING = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><title>Plan</title>'
           '<defs><linearGradient id="g"><stop offset="0" stop-color="#036"/></linearGradient></defs>'
           '<style>rect{stroke:#000}</style><rect width="20" height="10" fill="url(#g)"/></svg>')


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory):
    from support import FIXTURES
    import shutil
    root = tmp_path_factory.mktemp("tricky")
    content = root / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    (content / "images" / "plan.svg").write_text(DRAWING, encoding="utf-8")
    path = content / "metiers" / "soudeur.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("family:", "image: images/plan.svg\nimage_alt: Plan de l'atelier\nfamily:")
    path.write_text(text.replace("Assembler des pièces.", QUOTED + "\n\n![Plan](/images/plan.svg)"),
                    encoding="utf-8")
    result = build_site(content, root / "output")
    assert result.returncode == 0, result.log
    return result


def _visit_all(browser, output):
    ran: list[str] = []
    with SiteServer(output, headers=False) as base:
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        page.on("dialog", lambda d: (ran.append(f"{page.url}: {d.message}"), d.dismiss()))
        urls = sorted(p.relative_to(output).as_posix() for p in output.rglob("*")
                      if p.suffix in (".html", ".svg") and p.relative_to(output).parts[0] != "admin")
        for url in urls:
            page.goto(f"{base}/{url}")
            page.mouse.move(10, 10)
            for link in page.query_selector_all("a[title]")[:5]:
                link.hover()
        context.close()
    return urls, ran


def test_tricky_but_allowed_content_runs_no_script(browser, tricky_site):
    urls, ran = _visit_all(browser, tricky_site.output)
    assert any(u.endswith(".svg") for u in urls)  # the drawing was published and opened
    html = (tricky_site.output / "metiers" / "soudeur" / "index.html").read_text(encoding="utf-8")
    assert "onerror=alert(1)" in html.replace("&gt;", ">").replace("&lt;", "<")  # quoted as text
    assert ran == []


def test_real_site_runs_no_content_script_without_csp(browser, real_site):
    urls, ran = _visit_all(browser, real_site.output)
    assert len(urls) > 30
    assert ran == []


def test_the_check_sees_a_script_that_runs(browser, tmp_path):
    """The same visit on an unprotected SVG (what the build used to publish) sees it."""
    (tmp_path / "x.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
        encoding="utf-8")
    _, ran = _visit_all(browser, tmp_path)
    assert ran and ran[0].endswith("x.svg: 1")
