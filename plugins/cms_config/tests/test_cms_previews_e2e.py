"""Decap's previews (theme/static/js/cms-previews.js, written by hand) checked against the
site's templates, in real Chromium through the real Decap CMS and decap-server (the
`cms` fixture of conftest.py: the real content, copied and built).

For each collection with a preview, entries of the real content that together fill
every field that content uses are opened in Decap; the outline (outline.py: headings,
paragraphs, list items, terms and definitions, badges, image alt texts, in order) of
the preview's main content must equal that of the page the build wrote for the same
entry, less the parts only the build can know (PREVIEWS). A preview whose heading or
field differs from the template fails: test_an_altered_preview_is_caught serves a
preview with one heading changed and checks that the comparison names it.
"""

from __future__ import annotations

import re
import time

from cms_config.tests.cms_support import front_matter, new_page
from cms_config.tests.outline import difference, main_of, outline
from content_model import schema as s
from content_model.validate import date_precision
from support import ROOT

PREVIEWS_JS = ROOT / "theme" / "static" / "js" / "cms-previews.js"
# Collection: the parts of its built pages that its preview leaves out, and why.
PREVIEWS = {
    # « Formations qui y mènent »: derived from the programmes' files.
    "metiers": (("aria-labelledby", "metier-formations"),),
    # Upcoming events: derived from the events' files and the build's day; the next step
    # (components/invite.html) from organisation.yaml and the events, the same on every
    # programme.
    "formations": (("aria-labelledby", "formation-evenements"), ("class", "h32-next-step")),
    # The link to all news, the same on every news item.
    "actualites": (("class", "h32-back"),),
}


def registered_previews() -> set[str]:
    return set(re.findall(r'registerPreviewTemplate\("([^"]+)"', PREVIEWS_JS.read_text(encoding="utf-8")))


def test_every_preview_is_compared():
    """A preview added to cms-previews.js is compared too (PREVIEWS says what it leaves out)."""
    assert registered_previews() == set(PREVIEWS)


def features(ctype: s.ContentType, meta: dict) -> set[str]:
    """What an entry exercises: its filled fields, and how precise a partial date is."""
    found = {name for name, value in meta.items() if value not in (None, "", [], False)}
    for f in ctype.fields:
        if f.partial and meta.get(f.name) is not None:
            found.add(f"{f.name}:{date_precision(meta[f.name])}")
    return found


def covering_entries(cms, ctype: s.ContentType) -> list[tuple[str, str]]:
    """(slug, page URL) of a few built entries that together fill every field (and every
    date precision) the built entries of the type use, richest first."""
    candidates = {}
    for path in sorted((cms.repo / "content" / ctype.folder).glob("*.md")):
        meta = front_matter(path)
        url = ctype.url.format(slug=path.stem, year=str(meta.get("date", ""))[:4])
        if (cms.site / url / "index.html").is_file():  # not a draft, not an entry of a test
            candidates[path.stem] = (url, features(ctype, meta))
    wanted = set().union(*(f for _, f in candidates.values()))
    chosen = []
    while wanted:
        slug = max(candidates, key=lambda k: (len(candidates[k][1] & wanted), k))
        chosen.append((slug, candidates[slug][0]))
        wanted -= candidates.pop(slug)[1]
    return chosen


def preview_outline(page, expected=None) -> list:
    """The preview's outline once it equals ``expected`` (relation fields show titles once
    Decap has loaded the entries they name), or as it is after 20 s; without
    ``expected``, as it is now."""
    frame = page.frame_locator("#preview-pane")
    frame.locator("main").wait_for()
    deadline = time.monotonic() + 20
    while True:
        got = outline(frame.locator("main").inner_html())
        if expected is None or got == expected or time.monotonic() > deadline:
            return got
        time.sleep(0.1)


def site_outline(cms, url: str, skip) -> list:
    return outline(main_of((cms.site / url / "index.html").read_text(encoding="utf-8")), skip)


def test_previews_show_what_the_site_shows(cms, browser):
    context, page = new_page(browser, cms)
    page.close()
    compared, problems = set(), []
    for ctype in s.MARKDOWN_TYPES:
        if ctype.folder not in PREVIEWS:
            continue
        for slug, url in covering_entries(cms, ctype):
            expected = site_outline(cms, url, PREVIEWS[ctype.folder])
            page = context.new_page()  # the login is remembered; a new page per entry:
            # leaving an entry's editor may ask to confirm (relation fields mark it changed)
            page.goto(f"{cms.base}/admin/#/collections/{ctype.folder}/entries/{slug}")
            diff = difference(preview_outline(page, expected), expected)
            page.close()
            compared.add(ctype.folder)
            if diff:
                problems.append(f"{ctype.folder}/{slug} (/{url}):\n{diff}")
    context.close()
    assert compared == set(PREVIEWS)
    assert not problems, "previews differ from the site:\n\n" + "\n\n".join(problems)


def test_an_altered_preview_is_caught(cms, browser):
    """The same comparison with cms-previews.js served with one heading changed."""
    altered = PREVIEWS_JS.read_text(encoding="utf-8").replace('"Compétences"', '"Savoir-faire"')
    assert "Savoir-faire" in altered
    context, page = new_page(browser, cms, login=False)
    page.route("**/theme/js/cms-previews.*.js",
               lambda route: route.fulfill(body=altered, content_type="text/javascript"))
    page.goto(f"{cms.base}/admin/")
    page.get_by_role("button", name="Se connecter").click()
    url = s.METIER.url.format(slug="soudeur")
    expected = site_outline(cms, url, PREVIEWS["metiers"])
    page.goto(f"{cms.base}/admin/#/collections/metiers/entries/soudeur")
    page.frame_locator("#preview-pane").get_by_role("heading", name="Savoir-faire").wait_for()
    diff = difference(preview_outline(page), expected)
    context.close()
    assert "-h2: Compétences" in diff.splitlines() and "+h2: Savoir-faire" in diff.splitlines()
