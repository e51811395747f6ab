"""organisation.yaml is one record (a mapping of fields), not a list: read through the
schema; a missing file is an empty record; problems name the file and the field."""

from __future__ import annotations

import logging

from data_pages.loader import load_all


def write(root, text):
    (root / "data").mkdir(exist_ok=True)
    (root / "data" / "organisation.yaml").write_text(text, encoding="utf-8")


def errors(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_mapping_of_fields(tmp_path, caplog):
    write(tmp_path, "name: Hall 32\nstreet: 32 rue du Clos Four\ncity: Clermont-Ferrand\n"
                    "phone: 04 73 00 00 00\nsocial:\n  - name: LinkedIn\n    url: https://example.org/h32\n")
    with caplog.at_level(logging.ERROR):
        [org] = load_all(tmp_path)["organisation"]
    assert errors(caplog) == []
    assert (org["street"], org["city"], org["phone"]) == ("32 rue du Clos Four", "Clermont-Ferrand",
                                                         "04 73 00 00 00")
    assert org["email"] is None and org["postal_code"] is None
    assert org["social"] == [{"name": "LinkedIn", "url": "https://example.org/h32"}]


def test_a_missing_or_empty_file_is_an_empty_record(tmp_path, caplog):
    with caplog.at_level(logging.ERROR):
        [org] = load_all(tmp_path)["organisation"]
        write(tmp_path, "# rien encore\n")
        [empty] = load_all(tmp_path)["organisation"]
    assert errors(caplog) == []
    assert org["street"] is None and empty["street"] is None


def test_problems_name_the_file_and_the_field(tmp_path, caplog):
    write(tmp_path, "phone: 04 73\nemail: contact\nfax: 04 73 00 00 01\n")
    with caplog.at_level(logging.ERROR):
        assert load_all(tmp_path)["organisation"] == []
    found = errors(caplog)
    where = "data/organisation.yaml"
    assert any(where in e and "phone:" in e and "« 04 73 »" in e for e in found), found
    assert any(where in e and "email:" in e for e in found), found
    assert any(where in e and "fax: champ inconnu" in e for e in found), found


def test_a_list_instead_of_fields_is_refused(tmp_path, caplog):
    write(tmp_path, "- name: Hall 32\n")
    with caplog.at_level(logging.ERROR):
        assert load_all(tmp_path)["organisation"] == []
    assert any("organisation.yaml" in e and "champs « nom: valeur »" in e for e in errors(caplog))
