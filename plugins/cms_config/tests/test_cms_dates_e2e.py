"""A news date known only to the month, entered in Decap CMS (real Chromium, decap-server,
the `cms` fixture of conftest.py): the date field is a text field whose pattern accepts
what the build accepts (rules.PARTIAL_DATE), so "2022-11" is saved as typed and
the page says « Informations de novembre 2022 »; "novembre 2022" is refused on screen
with the formats to use."""

from __future__ import annotations

from cms_config.tests.cms_support import front_matter, new_page, publish, quietly, wait_for
from content_model import rules
from content_model import schema as s
from content_model.frontmatter import read_text
from content_model.validate import validate
from support import ROOT, build_site

SLUG = "actualite-de-novembre-2022"


def test_a_news_date_known_to_the_month_is_saved_and_shown(cms, browser, tmp_path):
    context, page = new_page(browser, cms)
    page.goto(f"{cms.base}/admin/#/collections/actualites/new")
    page.get_by_label("Titre", exact=True).fill("Une actualité de novembre 2022")
    page.get_by_label("Identifiant d'adresse (slug)").fill(SLUG)
    date = page.locator("[id^=date-field]")
    date.fill("novembre 2022")  # refused: the message names the formats
    page.get_by_label("Résumé", exact=True).fill("Seul le mois de l'information est connu.")
    page.locator("[id^=category-field]").click()
    page.get_by_text("Orientation", exact=True).click()
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Le texte de l'actualité.")
    publish(page)
    page.get_by_text(f"Le champ Date de publication ne correspond pas au schéma: "
                     f"{rules.combine([rules.PARTIAL_DATE])[1]}.").wait_for()
    news = cms.repo / "content" / "actualites" / f"{SLUG}.md"
    assert not news.exists()
    date.fill("")  # after a refused publication, fill alone appends to the old value
    date.fill("2022-11")
    assert date.input_value() == "2022-11"
    publish(page)
    wait_for(lambda: quietly(lambda: "Le texte de l'actualité." in read_text(news)),
             what="the news file, written completely")
    context.close()

    meta = front_matter(news)
    assert meta["date"] == "2022-11"  # a string as typed, not a date Decap made up
    values, problems = validate(s.NEWS, meta)
    assert not problems and values["date_precision"] == "month"
    result = build_site(cms.repo / "content", tmp_path / "site", ROOT / "pelicanconf.py",
                        cwd=cms.repo)
    assert result.returncode == 0, result.log
    assert "Informations de novembre 2022" in result.page(f"actualites/2022/{SLUG}/").words
