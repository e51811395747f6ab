"""Each kind of field refuses bad values with a message naming the field."""

import datetime as dt

import pytest

from content_model import schema as s
from content_model.validate import validate

GOOD_METIER = {
    "title": "Soudeur",
    "slug": "soudeur",
    "summary": "Assembler des pièces.",
    "family": "chaudronnerie-soudure",
    "skills": ["Lire un plan"],
    "workplaces": ["Ateliers"],
    "keywords": ["soudure"],
}


def problems_of(ctype, record, root=None):
    _values, problems = validate(ctype, record, root)
    return {p.field: p.message for p in problems}


def test_good_record_passes_and_gets_defaults():
    values, problems = validate(s.METIER, dict(GOOD_METIER))
    assert problems == []
    assert values["status"] == "published"
    assert values["in_demand"] is False
    assert values["family_label"] == "Chaudronnerie et soudure"


@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"colour": "bleu"}, "colour", "champ inconnu"),
        ({"title": None}, "title", "obligatoire"),
        ({"title": ""}, "title", "obligatoire"),
        ({"title": ["a", "b"]}, "title", "texte"),
        ({"title": "x" * 91}, "title", "trop long"),
        ({"title": "a\nb"}, "title", "une seule ligne"),
        ({"summary": "<script>alert(1)</script>"}, "summary", "HTML"),
        ({"slug": "Soudeur Pro"}, "slug", "identifiant"),
        ({"family": "cuisine"}, "family", "valeur permise"),
        ({"skills": "Lire un plan"}, "skills", "liste"),
        ({"skills": []}, "skills", "obligatoire"),
        ({"in_demand": "oui"}, "in_demand", "true ou false"),
        ({"order": "1"}, "order", "entier"),
        ({"order": True}, "order", "entier"),
        ({"status": "publie"}, "status", "valeur permise"),
        ({"image": "images/absente.jpg", "image_alt": "x"}, "image", "introuvable"),
        ({"image": "images/doc.pdf", "image_alt": "x"}, "image", "n'est pas une image"),
    ],
)
def test_bad_values_name_their_field(change, field, words, tmp_path):
    record = {**GOOD_METIER, **change}
    found = problems_of(s.METIER, record, tmp_path)
    assert field in found, found
    assert words in found[field]


@pytest.mark.parametrize("summary, tag", [
    ("Des pièces de moins de 2 mm quand l'écart < 5 et la cote > 10.", False),
    ("Assembler <b>vite</b>.", True),
    ("Assembler </div> des pièces.", True),
    ("Assembler <!-- note --> des pièces.", True),
])
def test_html_tags_are_refused_comparisons_are_text(summary, tag):
    found = problems_of(s.METIER, {**GOOD_METIER, "summary": summary})
    assert ("HTML" in found.get("summary", "")) is tag, found


def test_every_problem_is_reported_not_only_the_first():
    record = {**GOOD_METIER, "slug": "Bad", "family": "x", "extra": 1}
    assert set(problems_of(s.METIER, record)) == {"slug", "family", "extra"}


def test_image_needs_alt_text(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.jpg").write_bytes(b"x")
    found = problems_of(s.METIER, {**GOOD_METIER, "image": "images/a.jpg"}, tmp_path)
    assert "image_alt" in found


@pytest.mark.parametrize("value", ["2019-09-13 09:00", "2019-09-13", "2019-09-13T09:00:00"])
def test_dates(value):
    record = {"title": "t", "slug": "t", "date": value, "summary": "s",
              "category": "orientation"}
    values, problems = validate(s.NEWS, record)
    assert problems == []
    assert values["date"].date() == dt.date(2019, 9, 13)


@pytest.mark.parametrize("value", ["13/09/2019", "2019-02-30 10:00", "demain", 19, "2022-13",
                                   "2022-1", "22"])
def test_bad_dates(value):
    record = {"title": "t", "slug": "t", "date": value, "summary": "s",
              "category": "orientation"}
    assert "date" in problems_of(s.NEWS, record)


@pytest.mark.parametrize("value, day, precision", [
    ("2022-11", dt.date(2022, 11, 1), "month"), ("2022", dt.date(2022, 1, 1), "year"),
    (2022, dt.date(2022, 1, 1), "year"), ("2019-09-13 09:00", dt.date(2019, 9, 13), "day")])
def test_news_dates_known_to_the_month_or_the_year(value, day, precision):
    """A news date is a sourced date: only the month or the year may be known (issue 15)."""
    record = {"title": "t", "slug": "t", "date": value, "summary": "s",
              "category": "orientation"}
    values, problems = validate(s.NEWS, record)
    assert problems == []
    assert values["date"].date() == day and values["date_precision"] == precision


def test_event_dates_stay_whole_days():
    record = {"title": "t", "slug": "t", "kind": "salon", "start": "2022-11", "summary": "s"}
    assert "start" in problems_of(s.EVENT, record)


@pytest.mark.parametrize(
    "url, ok",
    [("https://www.michelin.com", True), ("http://a.fr/x", True),
     ("javascript:alert(1)", False), ("ftp://a.fr", False), ("www.a.fr", False)],
)
def test_urls(url, ok):
    record = {"id": "a", "name": "A", "role": "porteur", "description": "d", "url": url}
    assert ("url" not in problems_of(s.PARTNER, record)) is ok


def test_numbers_stay_numbers_and_strings_accept_numbers():
    record = {"id": "a", "label": "l", "value": "197", "period": 2022, "source": "s"}
    found = problems_of(s.FIGURE, record)
    assert "value" in found  # a quoted number is not a number
    assert "period" not in found  # `period: 2022` typed unquoted is fine


def test_objects_lists_check_each_item():
    record = {"id": "a", "label": "l", "unit": "u", "source": "s",
              "points": [{"period": "2019", "value": 1}, {"period": "2022", "valeur": 2}]}
    found = problems_of(s.SERIES, record)
    assert "élément 2" in found["points"] and "valeur" in found["points"]


def test_refs_must_be_slugs_and_unique():
    record = {"title": "t", "slug": "t", "summary": "s", "level": "bts", "audience": "a",
              "duration": "2 ans", "rhythm": "r", "admission": "a", "cost": "Gratuit",
              "metiers": ["soudeur", "soudeur", "Pas Un Slug"]}
    message = problems_of(s.FORMATION, record)["metiers"]
    assert "deux fois" in message and "Pas Un Slug" in message
