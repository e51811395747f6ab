"""Reserved output folders: each one declared where it is decided, none listed in content_model."""

from __future__ import annotations

import shutil
import textwrap

import pytest
from support import FIXTURES, ROOT, build_site

import pelicanconf
from content_model.outputs import first_folder, reserved_folders

SETTINGS = {name: getattr(pelicanconf, name) for name in dir(pelicanconf) if name.isupper()}
PAGE = "---\ntitle: {0}\nslug: {0}\nsummary: Une page.\n---\n\nTexte.\n"


class WorkshopGenerator:
    """What a plugin's generator does to keep a folder of its own."""

    def output_folders(self):
        return ("ateliers",)


@pytest.mark.parametrize("pattern, folder", [
    ("feeds/{slug}.atom.xml", "feeds"), ("metiers/", "metiers"), ("/recherche/index.html", "recherche"),
    ("{slug}/index.html", None), ("404.html", None), ("", None), (None, None),
])
def test_first_folder(pattern, folder):
    assert first_folder(pattern) == folder


def test_folders_come_from_the_schema_pelican_and_each_generator():
    owners = reserved_folders(SETTINGS, [WorkshopGenerator()])
    assert owners["ateliers"] == WorkshopGenerator.__module__.split(".")[0]
    for folder in ("metiers", "formations", "actualites", "evenements", "partenaires", "chiffres-cles"):
        assert owners[folder] == "schema.py", folder
    # Pelican's: the theme's files, and feeds (set in publishconf.py only) in development too
    for folder in ("theme", "feeds", "drafts", "tag", "category", "author"):
        assert owners[folder] == "pelican", folder
    assert "ateliers" not in reserved_folders(SETTINGS, [])


def test_plugins_declare_their_folders():
    from cms_config.cms_config import CmsGenerator
    from health.health import HealthGenerator
    from orientation.orientation import OrientationGenerator
    from search_index.search_index import SearchIndexGenerator
    from seo.seo import SeoGenerator

    generators = [object.__new__(cls) for cls in (CmsGenerator, HealthGenerator, OrientationGenerator,
                                                  SearchIndexGenerator, SeoGenerator)]
    owners = reserved_folders(SETTINGS, generators)
    assert {owners[f] for f in ("recherche", "search")} == {"search_index"}
    assert (owners["cartes"], owners["orientation"]) == ("seo", "orientation")
    # admin/ is written by two plugins (Decap's files, the health page): reserved whichever
    # comes first in the list, and named after one of them, never after someone else.
    for order in (generators, generators[::-1]):
        assert reserved_folders(SETTINGS, order)["admin"] in {"cms_config", "health"}
    for cls in (CmsGenerator, HealthGenerator):
        alone = reserved_folders(SETTINGS, [object.__new__(cls)])
        assert alone["admin"] == cls.__module__.split(".")[0], cls


def test_a_page_cannot_take_a_folder_a_plugin_declares(tmp_path):
    """A plugin outside content_model keeps its folder: content_model is not edited."""
    plugin = tmp_path / "plugins" / "workshop"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(textwrap.dedent("""
        from pelican import signals
        from pelican.generators import Generator


        class WorkshopGenerator(Generator):
            def output_folders(self):
                return ("ateliers",)


        def get_generators(pelican):
            return WorkshopGenerator


        def register():
            signals.get_generators.connect(get_generators)
        """), encoding="utf-8")
    conf = tmp_path / "conf.py"
    conf.write_text(f"from pelicanconf import *\nTHEME = {str(ROOT / 'theme')!r}\n"
                    f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}, {str(plugin.parent)!r}]\n"
                    "PLUGINS = PLUGINS + ['workshop']\n", encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    for slug in ("ateliers", "search", "images"):
        (content / "pages" / f"{slug}.md").write_text(PAGE.format(slug), encoding="utf-8")
    result = build_site(content, tmp_path / "output", conf, cwd=ROOT)
    assert result.returncode == 1, result.log
    for slug in ("ateliers", "search", "images"):
        assert f"pages/{slug}.md: slug: « {slug} » est réservé" in result.log, result.log
