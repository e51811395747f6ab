"""The plugin wires buildkit's French formatting and typesetting into the build."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from jinja2 import Environment

from buildkit import french
from french_format.french_format import FILTERS, add_filters
from french_format.typeset import typeset_output


def test_templates_get_the_french_filters():
    generator = SimpleNamespace(env=Environment())
    add_filters(generator)
    template = generator.env.from_string("{{ d | date_fr }} à {{ d | hour_fr }}, {{ n | number_fr }}")
    assert template.render(d=dt.datetime(2026, 3, 1, 10, 30), n=1800) == (
        "1er mars 2026 à 10\u00a0h\u00a030, 1\u202f800")
    assert FILTERS["date_fr"] is french.date_fr  # one implementation, in buildkit


def test_every_page_is_typeset_but_not_the_cms(tmp_path):
    page, admin, plain = tmp_path / "a" / "index.html", tmp_path / "admin" / "index.html", tmp_path / "b.html"
    for path in (page, admin, plain):
        path.parent.mkdir(exist_ok=True)
    page.write_text("<p>l'école ?</p>", encoding="utf-8")
    admin.write_text("<p>l'école ?</p>", encoding="utf-8")
    plain.write_text("<p>rien</p>", encoding="utf-8")
    before = plain.stat().st_ino
    assert typeset_output(tmp_path) == 1
    assert page.read_text(encoding="utf-8") == "<p>l’école\u202f?</p>"
    assert admin.read_text(encoding="utf-8") == "<p>l'école ?</p>"
    assert plain.stat().st_ino == before  # nothing to change: not rewritten


def test_feeds_are_typeset_before_they_are_written():
    from feedgenerator import Atom1Feed
    from french_format.french_format import typeset_feed
    feed = Atom1Feed(title="Hall 32 - L'actualité", link="https://x/", description="")
    feed.add_item(title="L'école ouvre ?", link="https://x/a/", description="<p>l'école : <code>a ? b</code></p>",
                  content="<p>le 1er mai</p>")
    typeset_feed({}, feed)
    item = feed.items[0]
    assert feed.feed["title"] == "Hall 32 - L’actualité" and item["title"] == "L’école ouvre\u202f?"
    assert item["description"] == "<p>l’école\u00a0: <code>a ? b</code></p>"
    assert item["content"] == "<p>le 1<sup>er</sup> mai</p>" and item["link"] == "https://x/a/"
