"""Templates are compiled once, then loaded from the bytecode cache."""

from __future__ import annotations

from types import SimpleNamespace

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
