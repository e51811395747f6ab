"""The quality gates catch what they are for: each broken page is named, with its element."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import browser, html, links
from checks.__main__ import AXE_JS, VNU_JAR
from checks.server import headers_for, parse_headers
from checks.site import load_pages

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
    failures = links.check(broken_site, load_pages(broken_site))
    assert any(f.startswith('/liens/: <a href="/absent/"> (ligne 1): lien cassé') for f in failures)
    assert any("/liens/" in f and "ancre #nulle-part absente de /ok/" in f for f in failures)
    assert any('<img src="/img/absente.png">' in f for f in failures)
    assert not any("example.org" in f or f.startswith("/: ") for f in failures)


def test_html_validation_names_page_and_line(broken_site):
    failures = html.check(broken_site, VNU_JAR)
    invalid = [f for f in failures if f.startswith("/invalide/: ligne 1:")]
    assert len(invalid) >= 2, failures  # <div> in <p>, duplicate id
    assert not [f for f in failures if f.startswith("/ok/")]


def test_browser_gates(broken_site):
    report: list[str] = []
    pages = load_pages(broken_site)
    failures = browser.check(broken_site, pages, AXE_JS, report)
    assert any(f.startswith("/inline/: console :") and "Content Security Policy" in f for f in failures)
    assert any(f.startswith("/sans-alt/: axe image-alt") for f in failures)
    assert any(f.startswith("/lourde/:") and "budget 50 kB" in f for f in failures)
    assert not any(f.startswith(("/ok/", "/: ")) for f in failures), failures
    assert len(report) == len(pages)


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
