"""End to end in real Chromium: Decap CMS at /admin/ with decap-server (local backend,
MODE=fs) on loopback writes Markdown and YAML that the build reads (the `cms` fixture
of conftest.py).

- test_editor_creates_news_and_edits_partner: a news item titled "No" and an edited
  partner, then the build.
- test_news_with_an_uploaded_image_is_published: the guide's image procedure to the
  end (it needs blob: in the connect-src of /admin/'s CSP).
"""

from __future__ import annotations

from cms_config.tests.cms_support import front_matter, new_page, photo, quietly, wait_for
from cms_config.tests.walk import GuideWalk, Pick
from content_model import yaml12
from content_model.frontmatter import read_text, split
from support import ROOT, build_site


def test_editor_creates_news_and_edits_partner(cms, browser, tmp_path):
    repo = cms.repo
    context, page = new_page(browser, cms)

    # A news item whose title YAML 1.1 would read as the boolean false.
    page.goto(f"{cms.base}/admin/#/collections/actualites/new")
    page.get_by_label("Titre", exact=True).fill("No")
    page.get_by_label("Identifiant d'adresse (slug)").fill("titre-no")
    page.locator("[id^=date-field]").fill("2026-11-20 10:30")
    page.get_by_label("Résumé", exact=True).fill("Un titre qui ressemble à un booléen.")
    page.locator("[id^=category-field]").click()
    page.get_by_text("Orientation", exact=True).click()
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Texte écrit dans le CMS.")
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()
    news = repo / "content" / "actualites" / "titre-no.md"
    wait_for(lambda: quietly(lambda: "Texte écrit dans le CMS." in split(read_text(news))[1]),
             what="the news file, written completely")
    meta, body, _ = split(read_text(news))
    assert meta["title"] == "No" and meta["date"] == "2026-11-20 10:30"
    assert "Texte écrit dans le CMS." in body

    # A partner of the YAML data file (a fresh tab: the login is remembered).
    page.close()
    page = context.new_page()
    partners_file = repo / "content" / "data" / "partners.yaml"
    count = len(yaml12.load(read_text(partners_file))["partners"])
    page.goto(f"{cms.base}/admin/#/collections/donnees/entries/partners")
    page.wait_for_selector("textarea[id^=description-field]", state="attached")
    page.locator("[id^=partners-field] button").first.click()  # expand every partner
    description = page.locator("textarea[id^=description-field]").nth(1)
    description.wait_for(state="visible")
    description.fill("Michelin, membre fondateur : description modifiée dans le CMS.")
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()

    def partners_saved():
        text = partners_file.read_text(encoding="utf-8")
        return "modifiée dans le CMS" in text and len(yaml12.load(text)["partners"]) == count

    wait_for(lambda: quietly(partners_saved), what="the partners file, written completely")
    context.close()
    michelin = [p for p in yaml12.load(read_text(partners_file))["partners"] if p["id"] == "michelin"]
    assert michelin[0]["description"].endswith("modifiée dans le CMS.")

    # What the CMS wrote builds, unchanged.
    result = build_site(repo / "content", tmp_path / "after", ROOT / "pelicanconf.py", cwd=repo)
    assert result.returncode == 0, result.log
    assert result.page("actualites/2026/titre-no/").h1 == ["No"]
    assert "description modifiée dans le CMS" in result.page("partenaires/").words


def test_news_with_an_uploaded_image_is_published(cms, browser, tmp_path):
    """The guide's image steps to the end: the image and its text reach the repository
    and the build."""
    context, page = new_page(browser, cms)
    walk = GuideWalk(page)
    walk.create("Actualités", "+ Actualité", {
        "Titre": "Actualité avec image", "Identifiant d'adresse (slug)": "actualite-avec-image",
        "Date de publication": "2026-11-20", "Résumé": "Une actualité et son image.",
        "Rubrique": Pick("Orientation")})
    walk.click("Choisir une image")
    page.locator("input[type=file]").set_input_files(photo(tmp_path))
    walk.click("Choisir les éléments sélectionnés")
    walk.fill("Texte alternatif de l'image", "Un carré de couleur")
    walk.type_body("Texte.")
    try:
        walk.publish()
    finally:
        context.close()
    news = cms.repo / "content" / "actualites" / "actualite-avec-image.md"
    wait_for(lambda: quietly(lambda: "Texte." in read_text(news)), what="the news file")
    meta = front_matter(news)
    image = cms.repo / "content" / meta["image"].lstrip("/")
    try:
        assert meta["image_alt"] == "Un carré de couleur"
        assert image.is_file()
        result = build_site(cms.repo / "content", tmp_path / "after", ROOT / "pelicanconf.py",
                            cwd=cms.repo)
        assert result.returncode == 0, result.log
    finally:  # the repository is shared with the guide's walk, which builds it too
        news.unlink(missing_ok=True)
        image.unlink(missing_ok=True)
