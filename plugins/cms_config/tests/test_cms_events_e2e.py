"""End to end in real Chromium: an editor announces an event in Decap CMS (local
backend), and the next build shows it on the home page, with its page and .ics.

Uses the `cms` fixture of conftest.py (the real content, copied, and decap-server)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar

from cms_config.tests.cms_support import front_matter, new_page, quietly, wait_for
from content_model.frontmatter import read_text
from support import ROOT, build_site

PARIS = ZoneInfo("Europe/Paris")
URL = "evenements/2026/portes-ouvertes-decembre/"


def test_editor_creates_an_event_seen_on_the_home_page(cms, browser, tmp_path):
    context, page = new_page(browser, cms)
    page.goto(f"{cms.base}/admin/#/collections/evenements/new")
    page.get_by_label("Titre", exact=True).fill("Journée portes ouvertes de décembre")
    page.get_by_label("Identifiant d'adresse (slug)").fill("portes-ouvertes-decembre")
    page.locator("[id^=kind-field]").click()
    page.get_by_text("Journée portes ouvertes", exact=True).click()
    page.locator("[id^=start-field]").fill("2026-12-12T09:00")
    page.locator("[id^=end-field]").fill("2026-12-12T12:30")
    page.get_by_label("Résumé", exact=True).fill("Visite des ateliers avec les alternants.")
    page.locator("[id^=audiences-field]").click()
    page.get_by_text("Parents", exact=True).click()
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Présentation des formations et visite des ateliers.")
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()
    event = cms.repo / "content" / "evenements" / "portes-ouvertes-decembre.md"
    wait_for(lambda: quietly(lambda: "visite des ateliers." in read_text(event)),
             what="the event file, written completely")
    context.close()
    meta = front_matter(event)
    assert (meta["start"], meta["end"]) == ("2026-12-12 09:00", "2026-12-12 12:30")
    assert meta["kind"] == "portes-ouvertes" and meta["audiences"] == ["parents"]

    # Built on 3 December 2026, the event is upcoming: first on the home page.
    today = dt.datetime(2026, 12, 3, 8, tzinfo=PARIS)
    result = build_site(cms.repo / "content", tmp_path / "site", ROOT / "pelicanconf.py",
                        cwd=cms.repo, env={"SOURCE_DATE_EPOCH": str(int(today.timestamp()))})
    assert result.returncode == 0, result.log
    home = (result.output / "index.html").read_text(encoding="utf-8")
    block = home[home.index('aria-labelledby="rendez-vous"'):]
    block = block[:block.index("</section>")]
    assert f'href="/{URL}"' in block and "Journée portes ouvertes de décembre" in block
    assert "samedi 12 décembre 2026 de 9\u00a0h à 12\u00a0h\u00a030" in block
    assert result.page(URL).h1 == ["Journée portes ouvertes de décembre"]
    [vevent] = Calendar.from_ical((result.output / URL / "portes-ouvertes-decembre.ics")
                                  .read_bytes()).events
    assert vevent.decoded("dtstart") == dt.datetime(2026, 12, 12, 9, tzinfo=PARIS)
    assert "32 rue du Clos Four" in vevent["location"]
