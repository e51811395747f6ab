"""Trade pages that do not name the trade in both genders are in the report (the rule of
content_model/language.py, advice: it never fails the build, CI or a deploy): file,
field and what to write, among what to update; the real content has none."""

from __future__ import annotations

import shutil

from buildkit import clock
from health import render, report, trade_names
from support import ROOT

TODAY = clock.now({"SOURCE_DATE_EPOCH": "1796292000"})  # 2026-12-03 11:00, Paris


def trade_items(root) -> list[str]:
    [section] = [x for x in report.collect(root, TODAY).sections if x.title == trade_names.TITLE]
    assert section.level == report.UPDATE  # advice, not a refusal
    return [f"{item.where} : {item.message}" for item in section.items]


def test_a_trade_named_in_the_masculine_alone_is_reported(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    page = root / "metiers" / "usineur.md"
    text = page.read_text(encoding="utf-8")
    old = 'summary: "L’usineur ou l’usineuse fabrique'
    assert old in text
    page.write_text(text.replace(old, 'summary: "L’usineur fabrique', 1), encoding="utf-8")
    assert trade_items(root) == ["content/metiers/usineur.md : Résumé (summary) : « usineur » 1 fois, "
                                 "« usineuse » 0 fois : écrire « usineur ou usineuse »"]
    result = report.collect(root, TODAY)
    assert "- content/metiers/usineur.md : Résumé (summary) : « usineur » 1 fois" in render.text(result)
    assert f"**{trade_names.TITLE}** (1)" in render.markdown(result)


def break_page(root, slug, old, new):
    page = root / "metiers" / f"{slug}.md"
    text = page.read_text(encoding="utf-8")
    assert old in text, (slug, old)
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_epicene_trade_and_a_contracted_form_in_the_first_paragraph(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    break_page(root, "pilote-ligne-production", "Le ou la pilote de ligne de production est",
               "Le pilote de ligne de production est")
    break_page(root, "technicien-methodes", "Le technicien ou la technicienne méthodes répond",
               "Le technicien·ne méthodes répond")
    first = "Texte (premier paragraphe) : "
    assert trade_items(root) == [
        f"content/metiers/pilote-ligne-production.md : {first}« le ou la pilote » absent : "
        "écrire « le ou la pilote »",
        f"content/metiers/technicien-methodes.md : {first}forme contractée « technicien·ne » : "
        "écrire les deux mots en entier",
        f"content/metiers/technicien-methodes.md : {first}« technicien » 1 fois, « technicienne » 0 fois : "
        "écrire « technicien ou technicienne »"]


def test_the_real_content_names_every_trade_in_both_genders():
    assert trade_items(ROOT / "content") == []
