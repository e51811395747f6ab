"""Events and contact data in real builds of the small fixture site.

The build's "today" is SOURCE_DATE_EPOCH: the same content built on 1 February and
on 1 April 2026 moves the open day of 28-29 March from « À venir » to « Passés »."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from support import FIXTURES, TYPED, build_site, snapshot

PARIS = ZoneInfo("Europe/Paris")
OPEN_DAY = "evenements/2026/portes-ouvertes-printemps/"
FAIR = "evenements/2026/salon-orientation/"

EVENTS = {
    "portes-ouvertes-printemps.md": """\
---
title: Journée portes ouvertes de printemps
slug: portes-ouvertes-printemps
kind: portes-ouvertes
start: 2026-03-28 10:00
end: 2026-03-29 12:30
summary: Visite des ateliers guidée par les alternants, sur deux jours.
audiences:
  - parents
formations:
  - bac-pro-test
registration_url: https://example.org/inscription
---

Venez découvrir les ateliers.
""",
    "salon-orientation.md": """\
---
title: Salon de l'orientation
slug: salon-orientation
kind: salon
start: 2026-01-15
summary: Hall 32 tient un stand au salon.
place: Polydome
address: Place du Premier-Mai, Clermont-Ferrand
---

Retrouvez-nous sur notre stand.
""",
}
ORGANISATION = """\
name: Hall 32
street: 32 rue du Clos Four
postal_code: "63100"
city: Clermont-Ferrand
phone: 04 73 00 00 00
email: contact@example.org
companies_email: entreprises@example.org
disability_phone: 04 73 00 00 01
publication_director: Camille Exemple
host_name: Hébergeur Exemple
host_address: 1 rue de l'Exemple, Paris
"""


def epoch(*args) -> dict:
    return {"SOURCE_DATE_EPOCH": str(int(dt.datetime(*args, tzinfo=PARIS).timestamp()))}


def site(tmp_path, organisation=ORGANISATION, events=EVENTS):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    (content / "evenements").mkdir()
    for name, text in events.items():
        (content / "evenements" / name).write_text(text, encoding="utf-8")
    if organisation is not None:
        (content / "data" / "organisation.yaml").write_text(organisation, encoding="utf-8")
    for page, layout in (("contact", "contact"), ("alternance", "page\naudiences:\n  - parents")):
        path = content / "pages" / f"{page}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("---\n", f"---\nlayout: {layout}\n", 1), encoding="utf-8")
    (content / "pages" / "mentions-legales.md").write_text(
        "---\ntitle: Mentions légales\nslug: mentions-legales\nsummary: Mentions.\n"
        "layout: mentions-legales\n---\n\nTexte.\n", encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("events")
    content = site(tmp)
    out = {}
    for name, when in (("february", (2026, 2, 1, 12)), ("april", (2026, 4, 1, 12)),
                       ("february_again", (2026, 2, 1, 12))):
        out[name] = build_site(content, tmp / name, env=epoch(*when))
        assert out[name].returncode == 0, out[name].log
    return out


def section(html: str, heading_id: str) -> str:
    """The HTML of the <section> labelled by ``heading_id``."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start:html.index("</section>", start)]


def html(build, url) -> str:
    """The page as typed: the typography filter's ’ and no-break spaces read back."""
    return (build.output / url / "index.html").read_text(encoding="utf-8").translate(TYPED)


def test_upcoming_then_past_as_source_date_epoch_moves(builds):
    feb, apr = html(builds["february"], "evenements/"), html(builds["april"], "evenements/")
    assert "Journée portes ouvertes de printemps" in section(feb, "a-venir")
    assert "Salon de l'orientation" in section(feb, "passes")
    assert "Journée portes ouvertes" not in section(apr, "a-venir")
    assert "Aucun rendez-vous n'est annoncé" in section(apr, "a-venir")
    past = section(apr, "passes")
    assert past.index("Journée portes ouvertes") < past.index("Salon de l'orientation")
    # The home page, the contact page, the programme and the page for parents follow.
    home_feb, home_apr = html(builds["february"], ""), html(builds["april"], "")
    assert OPEN_DAY in section(home_feb, "rendez-vous")
    assert OPEN_DAY not in home_apr and 'href="/actualites/"' in section(home_apr, "rendez-vous")
    assert OPEN_DAY in section(html(builds["february"], "contact/"), "contact-evenements")
    assert "/actualites/" in section(html(builds["april"], "contact/"), "contact-evenements")
    assert OPEN_DAY in html(builds["february"], "formations/bac-pro-test/")
    assert OPEN_DAY not in html(builds["april"], "formations/bac-pro-test/")
    assert OPEN_DAY in html(builds["february"], "alternance/")
    assert "Cet événement est passé" in html(builds["april"], OPEN_DAY)
    assert "Cet événement est passé" not in html(builds["february"], OPEN_DAY)


def test_same_content_same_epoch_same_bytes(builds):
    assert snapshot(builds["february"].output) == snapshot(builds["february_again"].output)


def test_ics_files_parse_with_paris_times_across_the_dst_change(builds):
    out = builds["february"].output
    cal = Calendar.from_ical((out / OPEN_DAY / "portes-ouvertes-printemps.ics").read_bytes())
    [event] = cal.events
    assert event.decoded("dtstart") == dt.datetime(2026, 3, 28, 10, tzinfo=PARIS)
    assert event.decoded("dtend").utcoffset() == dt.timedelta(hours=2)
    assert event.decoded("dtend") == dt.datetime(2026, 3, 29, 12, 30, tzinfo=PARIS)
    assert event.decoded("dtstamp") == dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc)
    assert event["location"] == "Hall 32, 32 rue du Clos Four, 63100 Clermont-Ferrand"
    assert str(event["uid"]).startswith("evenement-2026-portes-ouvertes-printemps@")
    [fair] = Calendar.from_ical((out / FAIR / "salon-orientation.ics").read_bytes()).events
    assert fair.decoded("dtstart") == dt.date(2026, 1, 15)
    assert fair["location"] == "Polydome, Place du Premier-Mai, Clermont-Ferrand"
    feed = lambda b: Calendar.from_ical((b.output / "evenements/a-venir.ics").read_bytes())
    assert [str(e["summary"]) for e in feed(builds["february"]).events] == [
        "Journée portes ouvertes de printemps"]
    assert feed(builds["april"]).events == []
    assert 'href="/evenements/a-venir.ics"' in html(builds["february"], "evenements/")


def test_event_json_ld_sitemap_and_search(builds):
    page = html(builds["february"], OPEN_DAY)
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert '"@type":"Event"' in data and '"startDate":"2026-03-28T10:00:00+01:00"' in data
    assert '"endDate":"2026-03-29T12:30:00+02:00"' in data and '"postalCode":"63100"' in data
    out = builds["february"].output
    assert f"/{OPEN_DAY}</loc>" in (out / "sitemap.xml").read_text(encoding="utf-8")
    # The search files (their names and split change with the search plugin).
    search = " ".join(p.read_text(encoding="utf-8") for p in (out / "search").glob("*.json"))
    assert OPEN_DAY in search and "Journée portes ouvertes de printemps" in search


def test_organisation_fields_appear_where_set(builds):
    contact = html(builds["february"], "contact/")
    assert 'href="tel:+33473000000">04 73 00 00 00</a>' in contact
    assert 'href="mailto:entreprises@example.org"' in contact
    assert 'href="tel:+33473000001"' in contact  # disability contact
    assert "32 rue du Clos Four, 63100 Clermont-Ferrand" in contact
    legal = html(builds["february"], "mentions-legales/")
    assert "Camille Exemple" in legal and "Hébergeur Exemple, 1 rue de l'Exemple, Paris" in legal
    home = html(builds["february"], "")
    footer = home[home.index("<footer"):]
    assert 'href="mailto:contact@example.org"' in footer and 'href="tel:+33473000000"' in footer
    assert '"telephone":"+33473000000"' in home and '"email":"contact@example.org"' in home


@pytest.mark.parametrize("organisation", [None, "street: 32 rue du Clos Four\n"],
                         ids=["no file", "address only"])
def test_empty_organisation_fields_vanish_cleanly(tmp_path, organisation):
    result = build_site(site(tmp_path, organisation, events={}), tmp_path / "out",
                        env=epoch(2026, 2, 1))
    assert result.returncode == 0, result.log
    for path in result.html_files():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r">\s*None\s*<|\bNone\b", text), path
        assert 'href="tel:' not in text and 'href="mailto:' not in text, path
        assert "<dd class=\"h32-facts__value\"></dd>" not in text, path
    legal = html(result, "mentions-legales/")
    assert "Direction de la publication" not in legal and "Hébergeur" not in legal
    home = html(result, "")
    assert ("<address" in home) is (organisation is not None)
    assert '"telephone"' not in home and '"email"' not in home


def test_an_event_that_ends_before_it_starts_stops_the_build(tmp_path):
    wrong = EVENTS["salon-orientation.md"].replace("start: 2026-01-15\n",
                                                   "start: 2026-01-15 10:00\nend: 2026-01-14 18:00\n")
    result = build_site(site(tmp_path, events={"salon-orientation.md": wrong}), tmp_path / "out",
                        env=epoch(2026, 2, 1))
    assert result.returncode != 0
    assert "content/evenements/salon-orientation.md: end: la fin (2026-01-14 18:00) précède" in result.log
    assert "Traceback" not in result.log


def test_a_wrong_audience_names_the_file_and_the_field(tmp_path):
    wrong = EVENTS["portes-ouvertes-printemps.md"].replace("  - parents", "  - eleves")
    result = build_site(site(tmp_path, events={"portes-ouvertes-printemps.md": wrong}),
                        tmp_path / "out", env=epoch(2026, 2, 1))
    assert result.returncode != 0 and "Traceback" not in result.log
    assert "content/evenements/portes-ouvertes-printemps.md: audiences: « eleves »" in result.log


def test_a_dst_gap_event_is_refused_naming_the_file_and_the_field(tmp_path):
    """02:30 on the last Sunday of March does not exist in Paris (02:00 -> 03:00): the
    page said 1 h, the JSON-LD and the .ics 0 min. Refused, never published."""
    gap = EVENTS["salon-orientation.md"].replace("start: 2026-01-15\n",
                                                 "start: 2026-03-29 02:30\nend: 2026-03-29 03:30\n")
    result = build_site(site(tmp_path, events={"salon-orientation.md": gap}), tmp_path / "out",
                        env=epoch(2026, 2, 1))
    assert result.returncode == 1 and "Traceback" not in result.log
    assert "content/evenements/salon-orientation.md: start: « 2026-03-29 02:30 » n'existe pas" in result.log


def test_an_autumn_fold_event_is_the_first_time_on_its_page_json_ld_and_ics(tmp_path):
    """02:30 happens twice on the last Sunday of October: the first one (summer time,
    RFC 5545's reading of a TZID time), everywhere."""
    fold = EVENTS["salon-orientation.md"].replace("start: 2026-01-15\n",
                                                  "start: 2026-10-25 02:30\nend: 2026-10-25 03:30\n")
    build = build_site(site(tmp_path, events={"salon-orientation.md": fold}), tmp_path / "out",
                       env=epoch(2026, 9, 1))
    assert build.returncode == 0, build.log
    url = "evenements/2026/salon-orientation/"
    page = html(build, url)
    assert "25 octobre 2026 de 2 h 30 à 3 h 30" in page
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    start = re.search(r'"startDate":"([^"]+)"', data).group(1)
    end = re.search(r'"endDate":"([^"]+)"', data).group(1)
    assert start == "2026-10-25T02:30:00+02:00"
    [event] = Calendar.from_ical((build.output / url / "salon-orientation.ics").read_bytes()).events
    instant = lambda moment: moment.astimezone(dt.timezone.utc)  # PEP 495: ambiguous times
    assert instant(event.decoded("dtstart")) == instant(dt.datetime.fromisoformat(start))  # compare
    assert instant(event.decoded("dtend")) == instant(dt.datetime.fromisoformat(end))  # unequal
    assert instant(event.decoded("dtend")) - instant(event.decoded("dtstart")) == dt.timedelta(hours=2)
