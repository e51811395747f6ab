"""YAML is read the YAML 1.2 way: what a CMS writes unquoted stays a string."""

import pytest

from content_model import yaml12


@pytest.mark.parametrize(
    "text, expected",
    [
        ("v: No", "No"),
        ("v: yes", "yes"),
        ("v: on", "on"),
        ("v: OFF", "OFF"),
        ("v: 1:30", "1:30"),
        ("v: 2019-09-13", "2019-09-13"),
        ("v: 2019-09-13 09:00", "2019-09-13 09:00"),
        ("v: 010", 10),
        ("v: 0o17", 15),
        ("v: 0x1F", 31),
        ("v: 1.5", 1.5),
        ("v: true", True),
        ("v: False", False),
        ("v: ~", None),
        ("v:", None),
        ("v: 1_000", "1_000"),
    ],
)
def test_core_schema(text, expected):
    value = yaml12.load(text)["v"]
    assert value == expected
    assert type(value) is type(expected)


def test_duplicate_key_is_an_error_with_its_line():
    with pytest.raises(yaml12.YamlError) as err:
        yaml12.load("title: a\nslug: b\ntitle: c\n", first_line=2)
    assert "ligne 4" in str(err.value)
    assert "title" in str(err.value)


def test_syntax_error_names_the_line():
    with pytest.raises(yaml12.YamlError) as err:
        yaml12.load("a: 1\nb: [1, 2\nc: 3\n")
    assert "ligne" in str(err.value)


def test_dump_quotes_what_yaml_1_1_would_misread():
    text = yaml12.dump({"a": "No", "b": "1:30", "c": "texte"})
    assert "'No'" in text and "'1:30'" in text and "c: texte" in text
    assert yaml12.load(text) == {"a": "No", "b": "1:30", "c": "texte"}
