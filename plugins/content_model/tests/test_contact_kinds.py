"""Field kinds of contact data and events: e-mail, phone (tel: link), several choices."""

from __future__ import annotations

import pytest

from content_model import schema as s
from content_model.validate import check_value, tel_uri, validate

PHONE = s.ORGANISATION.field("phone")
EMAIL = s.ORGANISATION.field("email")
AUDIENCES = s.EVENT.field("audiences")


@pytest.mark.parametrize("value, uri", [
    ("04 73 00 00 00", "tel:+33473000000"),
    ("04.73.00.00.00", "tel:+33473000000"),
    ("0473000000", "tel:+33473000000"),
    ("+33 4 73 00 00 00", "tel:+33473000000"),
    ("+1 202-555-0100", "tel:+12025550100"),
])
def test_phone_numbers_and_their_tel_links(value, uri):
    assert check_value(PHONE, value) == (value, None)
    assert tel_uri(value) == uri


@pytest.mark.parametrize("value", ["04 73 00 00", "4 73 00 00 00", "00 73 00 00 00",
                                   "04 73 00 00 00 poste 12", "0800-HALL32", 473000000])
def test_wrong_phone_numbers_name_the_value(value):
    clean, error = check_value(PHONE, value)
    assert clean is None and str(value) in error and "téléphone" in error


@pytest.mark.parametrize("value", ["contact@hall32.fr", "prenom.nom+site@exemple.co.uk"])
def test_emails(value):
    assert check_value(EMAIL, value) == (value, None)


@pytest.mark.parametrize("value", ["contact", "contact@hall32", "a b@hall32.fr", "<a>@x.fr",
                                   "contact@@hall32.fr"])
def test_wrong_emails(value):
    clean, error = check_value(EMAIL, value)
    assert clean is None and error


def test_choices_are_values_of_the_options_none_twice():
    assert check_value(AUDIENCES, ["jeunes", "parents"]) == (["jeunes", "parents"], None)
    _, error = check_value(AUDIENCES, ["jeunes", "eleves"])
    assert "eleves" in error and "jeunes, parents" in error
    _, error = check_value(AUDIENCES, ["jeunes", "jeunes"])
    assert "deux fois" in error
    _, error = check_value(AUDIENCES, "jeunes")
    assert "liste" in error


def test_choices_get_their_french_labels():
    event = {"title": "Forum", "slug": "forum", "kind": "forum", "start": "2026-03-14 09:00",
             "summary": "Un forum.", "audiences": ["parents", "entreprises"]}
    values, problems = validate(s.EVENT, event)
    assert problems == []
    assert values["audiences_labels"] == ["Parents", "Entreprises"]
    values, _ = validate(s.EVENT, {**event, "audiences": None})
    assert values["audiences"] == [] and values["audiences_labels"] == []


def test_an_empty_organisation_is_valid_and_every_field_is_none():
    values, problems = validate(s.ORGANISATION, {})
    assert problems == []
    assert all(values[name] in (None, []) for name in s.ORGANISATION.field_names)
