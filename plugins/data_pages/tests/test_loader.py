"""The data files are read through the schema; an entry with problems is reported and
left out, the others stay (so that references to them are still checked right)."""

import logging

from data_pages.loader import load_all

FIGURES = """\
figures:
  - id: bonne
    label: élèves
    value: 197
    period: "2022"
    source: Presse
  - id: negative
    label: élèves
    value: -1
    period: "2022"
    source: Presse
series: []
"""
PARTNERS = """\
partners:
  - id: michelin
    name: Michelin
    role: porteur
    description: Membre fondateur.
"""


def test_bad_entry_is_reported_and_left_out_others_stay(tmp_path, caplog):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "figures.yaml").write_text(FIGURES, encoding="utf-8")
    (tmp_path / "data" / "partners.yaml").write_text(PARTNERS, encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        loaded = load_all(tmp_path)
    assert [f["id"] for f in loaded["figure"]] == ["bonne"]
    assert [p["id"] for p in loaded["partner"]] == ["michelin"]
    assert loaded["series"] == []
    errors = [r.getMessage() for r in caplog.records]
    assert len(errors) == 1 and errors[0].endswith(
        "data/figures.yaml: figures[2] (negative): value: doit être positif ou nul, pas « -1 »")


def test_unreadable_file_gives_no_entries_of_its_own(tmp_path, caplog):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "figures.yaml").write_text("figures: [", encoding="utf-8")
    (tmp_path / "data" / "partners.yaml").write_text(PARTNERS, encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        loaded = load_all(tmp_path)
    assert "figure" not in loaded and [p["id"] for p in loaded["partner"]] == ["michelin"]
    assert len(caplog.records) == 1
