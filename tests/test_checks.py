"""The quality gates catch what they are for: each broken page is named, with its element."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from checks import browser, html, links
from checks.__main__ import AXE_JS, VNU_JAR
from checks.server import headers_for, parse_headers
from checks.site import load_pages, srcset_urls

HEAD = ('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        '<body><main><h1>{title}</h1>{body}</main></body></html>')


def write(root: Path, url: str, body: str, title: str = "Page") -> None:
    path = root / url / "index.html" if not url.endswith(".html") else root / url
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD.format(title=title, body=body), encoding="utf-8")


@pytest.fixture
def broken_site(tmp_path) -> Path:
    root = tmp_path / "site"
    write(root, "", '<p><a href="/ok/">ok</a> <a href="/ok/#section">ok</a></p>', "Accueil")
    write(root, "ok", '<h2 id="section">Section</h2>', "OK")
    write(root, "liens", '<p><a href="/absent/">cassé</a> <a href="/ok/#nulle-part">ancre</a> '
          '<img src="/img/absente.png" alt="x"> <a href="https://example.org/">dehors</a></p>', "Liens")
    write(root, "invalide", '<p><div>bloc dans un paragraphe</div></p><p id="x"></p><p id="x"></p>', "Invalide")
    write(root, "inline", "<p>texte</p><script>document.title = 'x'</script>", "Inline")
    write(root, "sans-alt", '<p><img src="/ok.png" width="10" height="10"></p>', "Sans alt")
    write(root, "lourde", "<p>" + " ".join(f"mot{i:06d}x{i * 7919 % 100003}" for i in range(12000)) + "</p>", "Lourde")
    (root / "ok.png").write_bytes(Path(__file__).with_name("fixtures").joinpath(
        "minimal", "images", "atelier.jpg").read_bytes())
    (root / "_headers").write_text("/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'\n",
                                   encoding="utf-8")
    return root


def test_links_and_anchors(broken_site):
    failures = links.check(broken_site, load_pages(broken_site), sources=None)
    assert any(f.startswith('/liens/: <a href="/absent/"> (ligne 1): lien cassé') for f in failures)
    assert any("/liens/" in f and "ancre #nulle-part absente de /ok/" in f for f in failures)
    assert any('<img src="/img/absente.png">' in f for f in failures)
    assert not any("example.org" in f or f.startswith("/: ") for f in failures)


def test_html_validation_names_page_and_line(broken_site):
    failures = html.check(broken_site, VNU_JAR)
    invalid = [f for f in failures if f.startswith("/invalide/: ligne 1:")]
    assert len(invalid) >= 2, failures  # <div> in <p>, duplicate id
    assert not [f for f in failures if f.startswith("/ok/")]


@pytest.mark.slow  # drives Chromium (not seen by conftest's auto-marking: browser.check is an attribute)
def test_browser_gates(broken_site):
    report: list[str] = []
    pages = load_pages(broken_site)
    # Playwright's sync API refuses to start in a thread where another one runs (the
    # session's `browser` fixture, once a browser test used it): a thread of its own.
    with ThreadPoolExecutor(1) as thread:
        failures = thread.submit(browser.check, broken_site, pages, AXE_JS, report).result()
    assert any(f.startswith("/inline/: console :") and "Content Security Policy" in f for f in failures)
    assert any(f.startswith("/sans-alt/: axe image-alt") for f in failures)
    assert any(f.startswith("/lourde/:") and "budget 50 kB" in f for f in failures)
    assert not any(f.startswith(("/ok/", "/: ")) for f in failures), failures
    assert len(report) == len(pages)


@pytest.fixture
def sourced_site(tmp_path) -> tuple[Path, Path]:
    """(output, content): broken URLs typed in Markdown and YAML files, and one from a template."""
    content = tmp_path / "content"
    sources = {
        "pages/accessibilite.md": "---\ntitle: Accessibilité\n---\n\nTexte.\n\n"
                                  "Voir [les métiers](/metiers/inexistant/ \"Métiers\").\n",
        "pages/plan.md": "---\ntitle: Plan\n---\n- [Métiers](/metiers/inexistant/)\n",
        "pages/accueil.md": "---\ntitle: Accueil\n---\n[Soudeur]({filename}/metiers/soudeur.md)\n",
        "data/partners.yaml": "partners:\n  - name: Michelin\n    logo: /images/absent.png\n",
    }
    for name, text in sources.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    root = tmp_path / "site"
    write(root, "", '<p><a href="{filename}/metiers/soudeur.md">Soudeur</a></p>', "Accueil")
    write(root, "accessibilite", '<p><a href="/metiers/inexistant/">les métiers</a></p>', "Accessibilité")
    write(root, "plan", '<ul><li><a href="/metiers/inexistant/">Métiers</a></li></ul>', "Plan")
    write(root, "partenaires", '<img src="/images/absent.png" alt="Michelin">', "Partenaires")
    write(root, "gabarit", '<a href="/nulle-part/">pied de page</a>', "Gabarit")
    return root, content


def test_broken_links_name_the_content_file_and_line(sourced_site):
    output, content = sourced_site
    failures = links.check(output, load_pages(output), sources=content)
    assert ('/accessibilite/ (content/pages/accessibilite.md:7): <a href="/metiers/inexistant/"> '
            "(ligne 1): lien cassé (/metiers/inexistant/ n'existe pas)") in failures
    assert any(f.startswith('/plan/ (content/pages/plan.md:4): <a href="/metiers/inexistant/">')
               for f in failures)  # its own file, not accessibilite.md
    assert any(f.startswith('/partenaires/ (content/data/partners.yaml:3): <img src="/images/absent.png">')
               for f in failures)
    assert any(f.startswith('/ (content/pages/accueil.md:4): <a href="{filename}/metiers/soudeur.md">')
               for f in failures)
    assert any(f.startswith('/gabarit/: <a href="/nulle-part/">') for f in failures)  # in no content file
    assert len(failures) == 5


def test_every_srcset_candidate_is_checked(tmp_path):
    root = tmp_path / "site"
    write(root, "", '<picture><source type="image/webp" srcset="/a-480.webp 480w, /absent-960.webp 960w">'
          '<img src="/a.jpg" srcset="/a.jpg 1x, /absent-2x.jpg 2x" alt="A"></picture>'
          '<link rel="preload" as="image" imagesrcset="/a.jpg 1x, /absent-preload.jpg 2x">')
    for name in ("a-480.webp", "a.jpg"):
        (root / name).write_bytes(b"")
    failures = links.check(root, load_pages(root), sources=None)
    assert sorted(f.split(": ")[1] for f in failures) == [
        '<img srcset="/absent-2x.jpg"> (ligne 1)', '<link imagesrcset="/absent-preload.jpg"> (ligne 1)',
        '<source srcset="/absent-960.webp"> (ligne 1)']


def test_srcset_candidates_are_split():
    assert srcset_urls("/a-480.webp 480w, /a-960.webp 960w") == ["/a-480.webp", "/a-960.webp"]
    assert srcset_urls("/a.jpg,, /b.jpg") == ["/a.jpg", "/b.jpg"]
    assert srcset_urls("/a.jpg\n  2x,\n/b.jpg 3x") == ["/a.jpg", "/b.jpg"]
    assert srcset_urls("") == []


def test_headers_file_rules():
    rules = parse_headers("# comment\n/*\n  X-A: 1\n/theme/*\n  Cache-Control: immutable\n")
    assert headers_for(rules, "/theme/site.css") == {"X-A": "1", "Cache-Control": "immutable"}
    assert headers_for(rules, "/metiers/") == {"X-A": "1"}


def test_real_site_links(real_site):
    assert links.check(real_site.output, load_pages(real_site.output)) == []


def test_real_headers_file(real_site):
    rules = parse_headers((real_site.output / "_headers").read_text(encoding="utf-8"))
    page = headers_for(rules, "/metiers/")
    csp = page["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert page["X-Content-Type-Options"] == "nosniff"
    assert {"Referrer-Policy", "Permissions-Policy"} <= set(page)
    assert "Cache-Control" not in page  # HTML: the host's short default
    for asset in ("/theme/css/site.0123456789.css", "/search/index.0123456789.json", "/cartes/x.png"):
        assert "immutable" in headers_for(rules, asset)["Cache-Control"]
