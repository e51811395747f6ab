"""What visitors type about applying finds the programmes (issue 22 item 7), against the
real site's index; the headings the templates add (schema.TEMPLATE_HEADINGS) are on every
built page of their type, so the index says nothing the page does not show."""

from __future__ import annotations

import html

from content_model import schema as s
from test_search import run_queries

APPLY_QUERIES = {
    # query: a page that must be in the top 3; every top-3 result must be a programme
    "candidater": None,
    "inscription": None,
    "s'inscrire": None,
    "réfugiée": "formations/parcours-refugies/",
}


def test_applying_words_find_programmes_in_the_top_three(real_site):
    results = run_queries(real_site, list(APPLY_QUERIES))
    for (query, wanted), result in zip(APPLY_QUERIES.items(), results):
        top = result["results"][:3]
        assert len(top) == 3 or wanted, (query, top)
        if wanted:
            assert wanted in top, (query, top)
        else:
            assert all(url.startswith("formations/") and url != "formations/" for url in top), \
                (query, top)


def test_template_headings_are_on_every_page_of_their_type(real_site):
    folders = {"formation": "formations", "metier": "metiers"}
    assert set(s.TEMPLATE_HEADINGS) <= set(folders)
    for type_name, headings in s.TEMPLATE_HEADINGS.items():
        pages = [p for p in (real_site.output / folders[type_name]).glob("*/index.html")
                 if "/page/" not in p.as_posix()]
        assert pages
        for page in pages:
            text = html.unescape(page.read_text(encoding="utf-8")).replace("’", "'")
            for heading in headings:
                assert f">{heading}</h2>" in text, (page, heading)
