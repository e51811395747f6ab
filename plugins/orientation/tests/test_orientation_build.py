"""The orientation path in the real build: reachable by plain links, exactly the
programmes whose front matter matches (read here from content/, not from the plugin),
out of the sitemap and the search index, « Comment candidater » on programme pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from content_model.frontmatter import read_text, split
from orientation import questions as q
from support import ROOT, build_site

HREF = re.compile(r'<a [^>]*href="/([^"#]*)"')
MAX_PAGES = 40  # "a few dozen": the real site has 25


def front(folder: Path):
    for path in sorted(folder.glob("*.md")):
        meta, _, _ = split(read_text(path))
        if meta.get("status") != "draft":
            yield meta


def expected(content: Path, profile: str, family: str | None) -> tuple[set, set]:
    """(open, past) programme URLs for these answers, straight from the front matter."""
    families = {m["slug"]: m["family"] for m in front(content / "metiers")}
    open_, past = set(), set()
    for meta in front(content / "formations"):
        own = {families[t] for t in meta.get("metiers") or []}
        if profile in (meta.get("audiences") or []) and (family is None or not own or family in own):
            (past if meta.get("past_run") else open_).add(f"formations/{meta['slug']}/")
    return open_, past


def section_links(html: str, section_id: str) -> set[str]:
    match = re.search(rf'aria-labelledby="{section_id}">(.*?)</section>', html, re.S)
    return {u for u in HREF.findall(match.group(1)) if u.startswith("formations/")} if match else set()


def crawl(output: Path) -> dict[str, str]:
    """Every page reached from /orientation/ by following links inside the path."""
    seen, todo = {}, [q.ROOT]
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen[url] = (output / url / "index.html").read_text(encoding="utf-8")
        todo += [u for u in HREF.findall(seen[url]) if u.startswith(q.ROOT)]
    return seen


def result_answers(url: str) -> tuple[str, str | None]:
    parts = url.removeprefix(q.ROOT).strip("/").split("/")
    family = parts[1] if len(parts) > 1 else None
    return parts[0], None if family == q.ANY_FAMILY else family


def check_results(output: Path, content: Path) -> dict[str, set]:
    """Every result page lists exactly the matching programmes; returns {url: open}."""
    pages = crawl(output)
    written = {str(p.parent.relative_to(output)) + "/" for p in (output / q.ROOT).rglob("index.html")}
    assert set(pages) == written  # every page of the path is reachable by links alone
    found = {}
    for url, html in pages.items():
        if 'id="reponses"' in html:  # a question
            continue
        profile, family = result_answers(url)
        open_, past = expected(content, profile, family)
        assert section_links(html, "orientation-formations") == open_, url
        assert section_links(html, "orientation-passees") == past, url
        if not open_:
            assert "Pas " in re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1), url
        found[url] = open_
    return found


def test_every_result_lists_exactly_the_matching_programmes(real_site):
    content = ROOT / "content"
    found = check_results(real_site.output, content)
    assert 10 < len(crawl(real_site.output)) <= MAX_PAGES
    offered = set().union(*found.values())
    for meta in front(content / "formations"):
        url = f"formations/{meta['slug']}/"
        assert meta.get("audiences"), f"{url}: no audiences, in no result"
        if not meta.get("past_run"):
            assert url in offered, url
            assert any(url in programmes for page, programmes in found.items()
                       if result_answers(page)[0] in meta["audiences"]), url


def test_path_pages_are_out_of_sitemap_and_search_but_the_entry(real_site):
    out = real_site.output
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    entry = f"/{q.ROOT}</loc>"  # "/orientation/", not "salons-orientation/"
    assert sitemap.count(f"/{q.ROOT}") == sitemap.count(entry) == 1
    stores = list((out / "search").glob("*.json"))
    assert stores
    for path in stores:
        assert f'"{q.ROOT}' not in path.read_text(encoding="utf-8"), path
    pages = crawl(out)
    assert len(pages) > 10
    for url, html in pages.items():
        noindex = '<meta name="robots" content="noindex, follow">' in html
        assert noindex != (url.strip("/") == q.ROOT.strip("/")), url


def test_entry_points(real_site):
    """Home page, programmes listing, every trade page (its programmes), 404 page, and
    the header of every page."""
    out = real_site.output
    trades = [p.relative_to(out) for p in (out / "metiers").glob("*/index.html")]
    assert trades
    for page in ("index.html", "formations/index.html", "404.html", *map(str, trades)):
        assert f'href="/{q.ROOT}"' in (out / page).read_text(encoding="utf-8"), page
    for page in out.rglob("*.html"):
        if page.relative_to(out).parts[0] != "admin":
            header = page.read_text(encoding="utf-8").split("</header>")[0]
            assert f'class="h32-header__orientation" href="/{q.ROOT}"' in header, page


def test_how_to_apply_shows_only_what_is_filled(tmp_path):
    """« Comment candidater »: the admission text always, the steps, when, contact and
    documents only when written; and a fixture programme lands in the right results."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    fixture = (Path(__file__).parent / "fixtures" / "bac-pro-chaudronnerie.md").read_text("utf-8")
    (content / "formations" / "bac-pro-chaudronnerie.md").write_text(fixture, encoding="utf-8")
    build = build_site(content, tmp_path / "out", cwd=ROOT)
    assert build.returncode == 0, build.log
    found = check_results(build.output, content)
    new = "formations/bac-pro-chaudronnerie/"
    assert new in found["orientation/college/chaudronnerie-soudure/"]
    assert new in found["orientation/college/je-ne-sais-pas/"]
    assert not any(new in progs for url, progs in found.items()
                   if "chaudronnerie" not in url and "je-ne-sais-pas" not in url)
    html = (build.output / new / "index.html").read_text(encoding="utf-8")
    apply = html[html.index('id="candidater"'):]
    apply = apply[:apply.index("</section>")]
    for text in ("personnalité et la motivation", "Étape un de test", "Étape deux de test",
                 "Quand", "Période de test", "Documents à fournir", "Document de test"):
        assert text in apply, text
    assert "Qui contacter" not in apply  # left empty in the fixture
    plain = (build.output / "formations/bac-pro-usinage/index.html").read_text(encoding="utf-8")
    plain = plain[plain.index('id="candidater"'):]
    plain = plain[:plain.index("</section>")]
    assert "personnalité" in plain and "<ol" not in plain and "<dl" not in plain
