"""The real site: every « contactez Hall 32 » leads to the contact page, which gives
what organisation.yaml holds and the next events (or says there is none)."""

from __future__ import annotations

import re

from content_model import yaml12
from content_model.frontmatter import read_text
from support import ROOT

LINKED = re.compile(r'<a href="/contact/">(contactez Hall 32)</a>', re.I)


def test_every_contactez_hall_32_links_to_the_contact_page(real_site):
    found = 0
    for path in real_site.html_files():
        html = path.read_text(encoding="utf-8")
        found += len(LINKED.findall(html))
        assert not re.search(r"contactez Hall 32", LINKED.sub("", html), re.I), path
    assert found >= 10  # programmes' admission, their text, news


def test_contact_page_gives_what_the_data_holds(real_site):
    org = yaml12.load(read_text(ROOT / "content" / "data" / "organisation.yaml"))
    html = (real_site.output / "contact" / "index.html").read_text(encoding="utf-8")
    assert org["street"] in html and org["city"] in html
    assert 'aria-labelledby="contact-evenements"' in html
    for path in real_site.html_files():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bNone\b", text), path
        assert 'href="tel:"' not in text and 'href="mailto:"' not in text, path
