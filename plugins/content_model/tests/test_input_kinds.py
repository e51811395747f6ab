"""One defence per kind of input (issue 26): one-line and multi-line text, names, dates,
URLs. Each rule is checked through the schema's fields, the way every file is validated."""

import datetime as dt

import pytest

from content_model import bounds, rules, textrules, urls
from content_model import schema as s
from content_model.validate import check_value

TITLE = s.Field("title", s.STRING, "Titre")
SUMMARY = s.Field("summary", s.TEXT, "Résumé")
LINK = s.Field("url", s.URL, "Site web")
WHEN = s.Field("start", s.DATETIME, "Début")


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07", "\t", "\r", "\x0b", "\x0c", "\x85",
                                  "\x9b", "\u2028", "\u2029", "\x7f"])
def test_one_line_fields_refuse_controls_and_separators_naming_the_character(char):
    value, error = check_value(TITLE, f"Portes{char}ouvertes")
    assert value is None and f"U+{ord(char):04X}" in error


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\r", "\x0b", "\u2028", "\u2029", "\x85"])
def test_multi_line_fields_accept_the_line_feed_only(char):
    assert check_value(SUMMARY, "Une ligne.\nUne autre.\tFin.") == ("Une ligne.\nUne autre.\tFin.", None)
    value, error = check_value(SUMMARY, f"Une ligne.{char}Une autre.")
    assert value is None and f"U+{ord(char):04X}" in error


@pytest.mark.parametrize("text, ok", [
    ("Salle \u202eA\u202c ouverte", True),  # closed override
    ("Nom \u2067عربي\u2069 ici", True),  # closed isolate
    ("\u2067a\u202eb\u2069", True),  # a PDI closes the embeddings opened inside its isolate
    ("Titre \u202egnilbmuts", False),  # never closed: the rest of a listing turns round
    ("fin\u202c", False),  # closes nothing
    ("\u2066a\u202c", False),
])
def test_bidirectional_controls_must_be_balanced(text, ok):
    for field in (TITLE, SUMMARY):
        value, error = check_value(field, text)
        assert (error is None) == ok, error
        if not ok:
            assert "direction" in error


def test_a_summary_with_an_override_closed_on_a_later_line_is_refused():
    assert check_value(SUMMARY, "a \u202eb\nc\u202c")[1]


@pytest.mark.parametrize("kind, rule", sorted(textrules.RULES_BY_KIND.items()))
def test_the_cms_pattern_refuses_what_the_build_refuses(kind, rule):
    pattern = rules.CHARS[kind]
    for code in list(range(0x00, 0xA0)) + [0x2028, 0x2029, 0x200B, 0x202E, 0xFEFF]:
        char = chr(code)
        build_refuses = textrules.char_problem(kind, f"a{char}b") is not None
        if char in "\u202e":  # balance: the build only (a pattern cannot count)
            continue
        assert pattern.match(f"a{char}b") == (not build_refuses), (kind, hex(code))


def test_names_refuse_zero_width_characters():
    for char in "\u200b\u200c\u200d\u2060\ufeff\u202e":
        assert textrules.char_problem(textrules.NAME, f"soudeur{char}") is not None
    assert check_value(s.Field("slug", s.SLUG, "Slug"), "soudeur\u200b")[1]


@pytest.mark.parametrize("value, reason", [
    ("https://www.hall32.fr@evil.example/", "identifiant avant « @ »"),
    ("https://user:pass@hall32.fr/", "identifiant avant « @ »"),
    ("https://h\u0430ll32.fr/", "mélange des alphabets"),  # Cyrillic а among Latin letters
    ("https://www.xn--hall32-7ve.fr/", "invalide"),  # hall3Ω2 in Punycode
    ("javascript:alert(1)", "http"),
    ("ftp://hall32.fr/", "http"),
    ("https://hall32.fr:http/", "invalide"),
    ("https://hall32.fr/\u202eevil", "invisible"),
    ("https://hall32.fr/\x00", "invisible"),
])
def test_url_fields_refuse_with_a_reason(value, reason):
    result, error = check_value(LINK, value)
    assert result is None and reason in error, error


@pytest.mark.parametrize("value", ["https://www.hall32.fr/", "http://example.org/a?b=c#d",
                                   "https://münchen.de/", "https://例え.jp/", "https://127.0.0.1:8000/"])
def test_url_fields_accept_real_addresses(value):
    assert check_value(LINK, value) == (value, None)


def test_markdown_links_use_the_same_url_check():
    from content_model.sanitize import Policy
    assert "identifiant" in Policy().url_problem("a", "https://www.hall32.fr@evil.example/")
    assert "alphabets" in Policy().url_problem("a", "//h\u0430ll32.fr/")
    assert Policy().url_problem("a", "mailto:contact@hall32.fr") is None
    assert urls.problem("tel:+33473000000", ("http", "https", "tel")) is None


@pytest.mark.parametrize("value, fine", [
    ("2026-03-29 02:30", False),  # spring forward: 02:00 -> 03:00
    ("2026-03-29 03:00", True),
    ("2026-10-25 02:30", True),  # autumn fold: the first 02:30 (summer time)
    ("9999-06-01 10:00", False),
    ("0202-06-01", False),
    ("1989-12-31", False),
    ("2100-12-31 23:59", True),
])
def test_dates_are_bounded_and_exist_in_paris(value, fine):
    result, error = check_value(WHEN, value)
    assert (error is None) == fine, error
    if fine:
        assert isinstance(result, dt.datetime)


def test_month_fields_are_bounded_too():
    assert check_value(s.Field("valid_as_of", s.MONTH, "Mois"), "2999-01")[1]
    assert check_value(s.Field("valid_as_of", s.MONTH, "Mois"), "2022-12") == ("2022-12", None)


@pytest.mark.parametrize("body, found", [
    ("Texte\x00nul", "U+0000"),
    ("Texte\x1b[31m", "U+001B"),
    ("Titre \u202einversé", "direction"),
    ("x" * (bounds.MAX_LINE_CHARS + 1), "ligne trop longue"),
    ("".join("  " * i + "- a\n" for i in range(60)), "imbriquées"),
    ("- " * 400 + "x", "imbriquées"),
    ("> " * 40 + "x", "imbriquées"),
    ("[" * 9_000, "crochets"),
    ("\n".join(["[" * 5_000] * 10), "crochets"),
    ("[a](" * 500, "crochets"),
    ("&amp;" * (bounds.MAX_ENTITIES + 1), "entités"),
    ("para\n\n<![foo[ x ]]>\n", "déclaration"),
    ("a" * (bounds.MAX_BODY_CHARS + 1), "trop long"),
])
def test_markdown_bodies_past_a_bound_are_refused_with_the_line(body, found):
    problems = bounds.problems(body, first_line=5)
    assert problems and found in problems[0], problems


def test_real_sized_bodies_pass_the_bounds():
    body = "\n\n".join(f"## Partie {i}\n\n- [lien](https://hall32.fr/) &amp; (note)\n  - sous-point"
                       for i in range(200))
    assert bounds.problems(body) == []


def test_time_budget_stops_a_runaway_parse():
    import time
    with pytest.raises(bounds.ParseTimeout):
        with bounds.time_budget(0.05):
            time.sleep(2)
