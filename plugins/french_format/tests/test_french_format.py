"""The plugin wires buildkit's French formatting and typesetting into the build."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import Environment

from buildkit import french
from french_format.french_format import FILTERS, add_filters
from french_format.typeset import TypesettingWriter, is_typeset
from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.writers import Writer


def test_templates_get_the_french_filters():
    generator = SimpleNamespace(env=Environment())
    add_filters(generator)
    template = generator.env.from_string("{{ m | month_fr }}, {{ n | number_fr }}")
    assert template.render(m="2026-03", n=1800) == "mars 2026, 1\u202f800"
    assert FILTERS["month_fr"] is french.month_fr  # one implementation, in buildkit


def write(tmp_path, name: str, source: str, **kwargs) -> str:
    writer = TypesettingWriter(str(tmp_path), settings=dict(DEFAULT_CONFIG))
    writer.write_file(name, Environment().from_string(source), {}, **kwargs)
    return (tmp_path / name).read_text(encoding="utf-8")


def test_pages_are_typeset_as_they_are_written(tmp_path):
    page = "<title>L'école ?</title><p>l'école : le 1er mai</p><code>a ? b</code>"
    assert write(tmp_path, "a/index.html", page) == (
        "<title>L’école\u202f?</title><p>l’école\u00a0: le 1<sup>er</sup> mai</p><code>a ? b</code>")
    assert write(tmp_path, "404.html", "<p>Perdu ?</p>") == "<p>Perdu\u202f?</p>"


def test_the_cms_and_other_files_are_written_as_rendered(tmp_path):
    assert write(tmp_path, "admin/index.html", "<p>l'école ?</p>") == "<p>l'école ?</p>"
    assert write(tmp_path, "admin/etat/index.html", "<p>l'école ?</p>") == "<p>l'école ?</p>"
    assert write(tmp_path, "x.txt", "l'école ?") == "l'école ?"
    assert write(tmp_path, "admin.html", "<p>l'a</p>") == "<p>l’a</p>"  # only the folder is the CMS


def test_paginated_pages_are_typeset(tmp_path):
    items = [SimpleNamespace(title=f"L'actualité {i}") for i in range(3)]
    settings = read_settings(override={"PAGINATED_TEMPLATES": {"index": 2}})
    writer = TypesettingWriter(str(tmp_path), settings=settings)
    template = Environment().from_string("{% for a in articles_page.object_list %}<p>{{ a.title }}</p>{% endfor %}")
    writer.write_file("index.html", template, {}, template_name="index", url="", articles=items)
    pages = [tmp_path / "index.html", tmp_path / "index2.html"]
    assert [p.read_text(encoding="utf-8") for p in pages] == [
        "<p>L’actualité 0</p><p>L’actualité 1</p>", "<p>L’actualité 2</p>"]


def test_french_format_supplies_the_writer():
    from french_format.french_format import get_writer
    assert issubclass(get_writer(None), Writer)
    assert is_typeset("metiers/soudeur/index.html") and not is_typeset("admin/index.html")


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


def test_a_page_rendered_as_before_is_not_typeset_again(tmp_path, monkeypatch):
    from french_format import typeset
    calls = []
    monkeypatch.setattr(typeset, "typeset_html", lambda page: calls.append(page) or page.upper())
    cache = typeset.PageCache(str(tmp_path / "cache"))
    assert cache.typeset("<p>a</p>") == "<P>A</P>"
    assert typeset.PageCache(str(tmp_path / "cache")).typeset("<p>a</p>") == "<P>A</P>"
    assert calls == ["<p>a</p>"]
    for entry in (tmp_path / "cache").iterdir():  # a damaged entry is typeset again
        entry.write_bytes(entry.read_bytes()[:-1])
    assert typeset.PageCache(str(tmp_path / "cache")).typeset("<p>a</p>") == "<P>A</P>"
    assert len(calls) == 2
    assert typeset.PageCache(None).typeset("<p>b</p>") == "<P>B</P>" and len(calls) == 3


def test_entries_no_build_uses_leave_the_cache(tmp_path):
    from french_format import typeset
    old = typeset.PageCache(str(tmp_path))
    for i in range(5):
        old.typeset(f"<p>{i}</p>")
    new = typeset.PageCache(str(tmp_path))
    new.typeset("<p>0</p>")
    new.prune()
    assert len(list(tmp_path.iterdir())) == 1
