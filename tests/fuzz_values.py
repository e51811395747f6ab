"""Hypothesis strategies for every field kind of the schema, random and adversarial
(issue 26, item 9): Unicode of every category (controls, separators, bidirectional and
zero-width characters, private use), lengths past the limits, impossible and far dates,
DST gaps, URLs with credentials, mixed scripts and other schemes, deeply nested Markdown."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from content_model import schema as s

NASTY = ["\x00", "\x1b", "\x07", "\t", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\x9b", "\u2028",
         "\u2029", "\u202e", "\u202c", "\u2066", "\u2069", "\u200b", "\u200d", "\ufeff", "\ue000",
         "<script>", "</p>", "<![foo[", "&amp;", "&#0;", "{filename}", "---", "\\", '"', "'",
         ": ", "#", "*", "[", "](", "`", "~", "\u00a0", "\u202f", "é", "e\u0301", "عربي", "日本"]
nasty = st.sampled_from(NASTY)
any_char = st.characters(codec="utf-8", exclude_categories=["Cs"])
text = st.lists(st.one_of(st.text(any_char, max_size=12), nasty), max_size=30).map("".join)
long_text = st.builds(lambda t, n: (t or "a") * n, text, st.integers(1, 400))
one_line = st.one_of(text, long_text, st.integers(-10**20, 10**20), st.booleans(), st.none())


def dates():
    far = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31))
    dst = st.builds(lambda year, gap: (dt.datetime(year, 3, 31, 2, 30) if gap
                                       else dt.datetime(year, 10, 31, 2, 30)),
                    st.integers(1990, 2100), st.booleans())  # around the last Sundays
    formatted = st.one_of(far, dst).flatmap(lambda d: st.sampled_from(
        [f"{d:%Y-%m-%d %H:%M}", f"{d:%Y-%m-%d}", f"{d:%Y-%m}", f"{d:%Y}", d.isoformat()]))
    return st.one_of(formatted, text, st.integers(-10**15, 10**15))


def urls():
    host = st.one_of(st.sampled_from(["www.hall32.fr", "h\u0430ll32.fr", "xn--hall32-7ve.fr",
                                      "例え.jp", "münchen.de", "127.0.0.1", "[::1]", "a..b", ""]),
                     st.text(any_char, max_size=15))
    scheme = st.sampled_from(["https", "http", "mailto", "tel", "javascript", "data", "ftp",
                              "HTTPS", " https", ""])
    user = st.sampled_from(["", "www.hall32.fr@", "user:pass@", "@"])
    return st.one_of(st.builds(lambda sc, u, h, p: f"{sc}://{u}{h}/{p}", scheme, user, host, text),
                     text)


def markdown():
    nested = st.integers(1, 500).map(lambda n: "".join("  " * i + "- a\n" for i in range(n)))
    quotes = st.integers(1, 300).map(lambda n: "> " * n + "x\n")
    brackets = st.builds(lambda unit, n: unit * n, st.sampled_from(["[", "[a](", "(", "*a", "<", "&amp;", "mot "]),
                         st.integers(1, 30_000))
    html = st.sampled_from(["<![foo[ x ]]>", "<!x y>", "<div><p>a</div>", "<a href='javascript:x'>a</a>",
                            "<img src=x onerror=alert(1)>", "<!-- c -->", "<details><summary>a"])
    lines = st.lists(st.one_of(text, html, nasty), min_size=1, max_size=20).map("\n".join)
    return st.one_of(lines, nested, quotes, brackets)


def value_for(field: s.Field):
    """Random values for one field (right kind or not: editors type anything)."""
    kind = field.kind
    if kind in (s.DATETIME, s.MONTH):
        return dates()
    if kind == s.URL:
        return urls()
    if kind in (s.STRINGS, s.REFS, s.CHOICES):
        return st.one_of(st.lists(one_line, max_size=60), one_line)
    if kind == s.OBJECTS:
        return st.lists(st.dictionaries(st.sampled_from([f.name for f in field.fields]),
                                        one_line, max_size=4), max_size=5)
    if kind in (s.INTEGER, s.NUMBER):
        return st.one_of(st.integers(-10**30, 10**30), st.floats(), text)
    if kind == s.SELECT:
        return st.one_of(st.sampled_from(field.option_values), text)
    return one_line  # STRING, TEXT, SLUG, EMAIL, PHONE, IMAGE, BOOLEAN
