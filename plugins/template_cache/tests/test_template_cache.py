"""Templates are compiled once, then loaded from the bytecode cache; a damaged file is a miss."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from damage import DAMAGES, damage
from jinja2 import DictLoader, Environment

from template_cache.template_cache import add_bytecode_cache, bytecode_folder

OPTIONS = {"trim_blocks": True, "autoescape": True}


def configured(tmp_path, options=OPTIONS) -> dict:
    pelican = SimpleNamespace(settings={"TEMPLATE_CACHE": str(tmp_path), "JINJA_ENVIRONMENT": dict(options)})
    add_bytecode_cache(pelican)
    return pelican.settings["JINJA_ENVIRONMENT"]


def test_second_environment_loads_instead_of_compiling(tmp_path, monkeypatch):
    templates = DictLoader({"page.html": "{% for x in items %}<b>{{ x }}</b>{% endfor %}"})
    first = Environment(loader=templates, **configured(tmp_path))
    assert first.get_template("page.html").render(items=["<a>"]) == "<b>&lt;a&gt;</b>"
    assert list(bytecode_folder(tmp_path, OPTIONS).glob("*.cache"))

    second = Environment(loader=templates, **configured(tmp_path))
    monkeypatch.setattr(Environment, "compile", lambda *a, **k: (_ for _ in ()).throw(AssertionError("compiled")))
    assert second.get_template("page.html").render(items=[1]) == "<b>1</b>"


def test_changed_source_is_compiled_again(tmp_path):
    env = Environment(loader=DictLoader({"p.html": "old"}), **configured(tmp_path))
    assert env.get_template("p.html").render() == "old"
    env = Environment(loader=DictLoader({"p.html": "new"}), **configured(tmp_path))
    assert env.get_template("p.html").render() == "new"


def test_other_options_use_another_folder(tmp_path):
    assert bytecode_folder(tmp_path, OPTIONS) != bytecode_folder(tmp_path, {**OPTIONS, "trim_blocks": False})
    assert bytecode_folder(tmp_path, OPTIONS) == bytecode_folder(tmp_path, configured(tmp_path))


def test_no_folder_no_cache(tmp_path):
    pelican = SimpleNamespace(settings={"TEMPLATE_CACHE": "", "JINJA_ENVIRONMENT": dict(OPTIONS)})
    add_bytecode_cache(pelican)
    assert "bytecode_cache" not in pelican.settings["JINJA_ENVIRONMENT"]


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_or_foreign_file_is_compiled_again_and_replaced(tmp_path, how):
    sources = {"page.html": "{% for x in items %}<b>{{ x }}</b>{% endfor %}", "other.html": "{{ 1 + 2 }}"}
    first = Environment(loader=DictLoader(sources), **configured(tmp_path))
    folder = bytecode_folder(tmp_path, OPTIONS)
    first.get_template("page.html")
    (page_file,) = folder.glob("*.cache")
    first.get_template("other.html")
    (other_file,) = set(folder.glob("*.cache")) - {page_file}
    good = page_file.read_bytes()
    damage(page_file, how, foreign=other_file.read_bytes())

    compiled = []
    second = Environment(loader=DictLoader(sources), **configured(tmp_path))
    original_compile = Environment.compile

    def counting_compile(self, *args, **kwargs):
        compiled.append(args)
        return original_compile(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Environment, "compile", counting_compile)
        assert second.get_template("page.html").render(items=["<a>"]) == "<b>&lt;a&gt;</b>"
    assert len(compiled) == 1  # a miss, not an error
    assert page_file.read_bytes() == good  # replaced by a whole file


@pytest.mark.parametrize("cut", [18, 45])
def test_file_cut_just_after_its_first_bytes_is_a_miss(tmp_path, cut):
    """Jinja's own load raises UnpicklingError there (its checksum is a pickle)."""
    sources = {"p.html": "{{ 1 + 2 }}"}
    Environment(loader=DictLoader(sources), **configured(tmp_path)).get_template("p.html")
    (file,) = bytecode_folder(tmp_path, OPTIONS).glob("*.cache")
    file.write_bytes(file.read_bytes()[:cut])
    assert Environment(loader=DictLoader(sources), **configured(tmp_path)).get_template("p.html").render() == "3"
