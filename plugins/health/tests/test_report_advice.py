"""The report's advice on the text, on fixtures (issue 27 items 3-5, issue 22 item 6): invitations
typed in the content, groups of people named in the masculine alone, sentences past the
limits (buildkit/sentences.py), and the legal notice's missing facts (urgent). Each is
listed with its file and its line or field; none fails the build."""

from __future__ import annotations

import shutil

from buildkit import clock, sentences
from health import invitations, legal, people_nouns, report, sentence_length
from support import FIXTURES

TODAY = clock.now({"SOURCE_DATE_EPOCH": "1796292000"})  # 2026-12-03 11:00, Paris
LONG = ("Le soudeur ou la soudeuse assemble des pièces de métal dans un atelier de chaudronnerie "
        "avec des procédés variés comme le TIG ou le MIG qui demandent un réglage précis et "
        "une grande attention à chaque instant.")


def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def append(root, path, text):
    page = root / path
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n",
                    encoding="utf-8")
    return page.read_text(encoding="utf-8").count("\n")  # the line of the paragraph added


def section(root, title):
    [found] = [x for x in report.collect(root, TODAY).sections if x.title == title]
    return found, [f"{item.where} : {item.message}" for item in found.items]


def test_the_fixture_has_no_advice(tmp_path):
    root = content(tmp_path)
    for module in (invitations, people_nouns, sentence_length):
        found, items = section(root, module.TITLE)
        assert items == [] and found.level == report.UPDATE


def test_an_invitation_typed_in_a_page_is_listed_with_its_line(tmp_path):
    root = content(tmp_path)
    line = append(root, "pages/alternance.md", "Pour en savoir plus, [contactez Hall 32](/contact/).")
    _, items = section(root, invitations.TITLE)
    assert items == [f"content/pages/alternance.md : ligne {line} : « contactez » "
                     "(« Pour en savoir plus, contactez Hall 32. »)"]


def test_a_group_named_in_the_masculine_alone_is_listed_with_what_to_write(tmp_path):
    root = content(tmp_path)
    line = append(root, "pages/alternance.md",
                  "Les enseignants et les opérateurs et opératrices accueillent les élèves.")
    _, items = section(root, people_nouns.TITLE)
    assert items == [f"content/pages/alternance.md : ligne {line} : « enseignants » sans "
                     "« enseignantes » : écrire « le personnel enseignant, ou les enseignants et "
                     "enseignantes » (« Les enseignants et les opérateurs et opératrices "
                     "accueillent les élèves. »)"]


def test_a_sentence_past_the_limits_is_listed_with_the_sentence(tmp_path):
    root = content(tmp_path)
    assert sentences.words(LONG) > sentences.MAX_WORDS
    line = append(root, "metiers/soudeur.md", LONG)
    _, items = section(root, sentence_length.TITLE)
    assert len(items) == 2  # the page's average, and the sentence itself
    assert items[0].startswith("content/metiers/soudeur.md : ")
    assert f"phrase de {sentences.words(LONG)} mots (au plus 30), ligne {line} : « {LONG} »" in items[1]


def test_the_legal_notice_lists_its_missing_facts_as_urgent(tmp_path):
    root = content(tmp_path)
    (root / "data" / "organisation.yaml").write_text(
        "name: Hall 32\npublisher: l'association X\nhost_name: Hébergeur\n", encoding="utf-8")
    found, items = section(root, legal.TITLE)
    assert found.level == report.URGENT
    assert [x.split(" : ", 1)[1] for x in items] == [
        "Éditeur du site : adresse du siège : vide",
        "Directeur ou directrice de la publication : vide",
        "Hébergeur du site : adresse : vide", "Hébergeur du site : téléphone : vide"]
    _, general = section(root, "Coordonnées de Hall 32 : informations manquantes")
    assert not any("Hébergeur" in x or "publication" in x for x in general)  # listed once


def test_a_key_figure_label_is_read_too(tmp_path):
    root = content(tmp_path)
    figures = root / "data" / "figures.yaml"
    text = figures.read_text(encoding="utf-8")
    assert "label: élèves en formation initiale" in text
    figures.write_text(text.replace("label: élèves en formation initiale",
                                    "label: apprentis en formation initiale", 1), encoding="utf-8")
    _, items = section(root, people_nouns.TITLE)
    assert items == ["content/data/figures.yaml: figures[1] (eleves) : label : « apprentis » sans "
                     "« apprenties » : écrire « les apprentis et apprenties » (« apprentis en "
                     "formation initiale »)"]
