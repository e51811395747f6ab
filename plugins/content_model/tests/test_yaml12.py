"""YAML is read the YAML 1.2 way: what a CMS writes unquoted stays a string."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# What a plain scalar could be misread as: numbers, dates, booleans, nulls,
# YAML 1.1 values, and the characters that make YAML syntax.
LOOKALIKES = [
    "1e3", "1E3", "1.5e3", ".5e1", "-1e-3", "0o17", "0o7", "0x1F", "0xff", "010", "-0", "+1", "-.5",
    "+.5", "1.", ".5", "1_000", "1:30", "190:20:30", ".inf", "-.inf", "+.INF", ".nan", ".NaN",
    "2019-09-13", "2019-09-13 09:00", "2001-12-14t21:59:43.10-05:00", "true", "True", "TRUE",
    "false", "No", "no", "yes", "Y", "n", "on", "OFF", "null", "Null", "NULL", "~", "", " ",
    "=", "<<", "-", "---", "...", "#", "a #b", "a: b", ":", "- a", "? a", "[a]", "{a: 1}", "&a",
    "*a", "!a", "!!int 1", "%YAML", "@a", "`a", "|", ">", "'", '"', ",", " 1", "1 ", "1\n",
    "\n", "a\n\nb", " a\n", "a\n ", "\t1", "1\t", "\r", "\u2028", "\u2029", "\x85", "\ufeff",
    "\x00", "\x7f", "é", "Ünïcödé", "日本", "🙂", "\u00a01",
]


def same(a, b) -> bool:
    """Equal and of the same types throughout (1 == 1.0 == True for ==)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


@pytest.mark.parametrize("value", LOOKALIKES)
def test_dump_of_a_lookalike_string_loads_back_as_that_string(value):
    data = {"v": value, value: [value], "l": [{"k": value}]}
    text = yaml12.dump(data)
    assert same(yaml12.load(text), data), text


def test_dump_writes_only_what_needs_quotes_quoted():
    assert yaml12.dump({"a": "1e3", "b": "0o17", "c": "texte", "d": 1e3, "e": 15}) == (
        "a: '1e3'\nb: '0o17'\nc: texte\nd: 1000.0\ne: 15\n")


# Strings as they come from a UTF-8 file (no lone surrogates), built from the
# lookalikes above, from YAML's syntax characters, or anything at all.
strings = st.one_of(
    st.sampled_from(LOOKALIKES),
    st.lists(st.sampled_from(LOOKALIKES + list("#:-?[]{},&*!|>'\"%@` \t\n0123456789.+eExXoO")),
             max_size=6).map("".join),
    st.text(st.characters(exclude_categories=["Cs"])),
)
values = st.recursive(
    st.one_of(strings, st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=False)),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(strings, children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(values)
def test_dump_then_load_gives_back_the_same_value(value):
    text = yaml12.dump(value)
    assert same(yaml12.load(text), value), text
