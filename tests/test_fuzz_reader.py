"""Fuzzing the reader (issue 26, item 9), fast lane: random and adversarial values of every
field kind of a trade and an event, and random Markdown bodies, written into a real content
file and read by the build's own reader (FrontMatterReader: YAML, schema, bounds, Markdown,
sanitizer). Each read either gives safe HTML and metadata, or logs French problems that name
the field (or the body's line) and raises ContentError: never another exception, never past
the deadline. Fixed seed and a small budget here (`invoke test --fast`: 10 examples per
field); FUZZ_EXAMPLES sets more (60 when CI is set: with the fixed seed every run tries the
same values, and 150 cost CI about 20 s more). Every failure found stays below as an
@example."""

from __future__ import annotations

import logging
import os
import re
import shutil

import pytest
from hypothesis import HealthCheck, example, given, settings
from pelican.settings import read_settings

from content_model import schema as s
from content_model import textrules, yaml12
from content_model.reader import ContentError, FrontMatterReader
from fuzz_values import markdown, value_for
from support import FIXTURES, ROOT

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60" if os.environ.get("CI") else "10"))
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))
BASE = {
    s.METIER: {"title": "Soudeur ou soudeuse", "slug": "soudeur", "summary": "Assembler des pièces.",
               "family": s.METIER.field("family").option_values[0], "skills": ["Souder"],
               "workplaces": ["Ateliers"], "keywords": ["soudure"]},
    s.EVENT: {"title": "Portes ouvertes", "slug": "portes", "kind": s.EVENT.field("kind").option_values[0],
              "start": "2026-03-28 10:00", "summary": "Visite des ateliers."},
}
CONTROLS = re.compile(f"[{textrules._C0_C1}{textrules._SEPARATORS}]")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    content = root / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    (content / "evenements").mkdir()
    conf = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content),
                                                                  "CACHE_PATH": str(root / "cache")})
    return content, FrontMatterReader(conf)


def read(workspace, ctype, record, body="Texte.\n"):
    content, reader = workspace
    path = content / ctype.folder / f"{BASE[ctype]['slug']}.md"
    path.write_text("---\n" + yaml12.dump(record) + "---\n\n" + body, encoding="utf-8")
    return str(path), reader


def check(path, reader, caplog, fields):
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        try:
            html, meta = reader.read(path)
        except ContentError:
            messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
            assert messages, "refused without a message"
            for message in messages:
                assert message.startswith("content/") or path in message or message.startswith(os.path.relpath(path)), message
                assert "Traceback" not in message
                named = message.split(": ")[1] if ": " in message else ""
                assert named in (*fields, "corps", "slug", "") or any(named.startswith(f) for f in fields) \
                    or "en-tête" in message or "fichier" in message, message
            return
    # Accepted: nothing a reader never means reached the HTML or the text fields.
    assert not CONTROLS.search(html.replace("\n", "").replace("\t", "")), repr(html[:200])
    assert textrules.bidi_problem(html) is None
    for name, value in meta.items():
        if isinstance(value, str):
            assert not CONTROLS.search(value.replace("\n", "").replace("\t", "")), (name, value)
            assert textrules.bidi_problem(value) is None, name


FIELDS = [(ctype, f) for ctype in BASE for f in ctype.fields]


@pytest.mark.parametrize("ctype, field", FIELDS, ids=[f"{c.name}.{f.name}" for c, f in FIELDS])
def test_every_field_kind_gives_safe_output_or_a_french_error(workspace, caplog, ctype, field):
    @FUZZ
    @given(value=value_for(field))
    @example(value="Portes\u2029ouvertes")  # crashed the social cards (issue 26)
    @example(value="Portes\x0bouvertes")  # Word's manual line break: crashed the Atom feed
    @example(value="9999-01-01 10:00")  # overflowed the date code
    @example(value="2026-03-29 02:30")  # the spring-forward gap: 0 min in the .ics, 1 h on the page
    @example(value="https://www.hall32.fr@evil.example/")
    @example(value="Titre \u202einversé")
    def run(value):
        record = dict(BASE[ctype], **{field.name: value})
        path, reader = read(workspace, ctype, record)
        check(path, reader, caplog, [field.name, "image_alt", "end"])
    run()


@FUZZ
@given(body=markdown())
@example(body="".join("  " * i + "- a\n" for i in range(400)))  # RecursionError before
@example(body="para\n\n<![foo[ x ]]>\n")  # AssertionError in html.parser
@example(body="[" * 60_000)  # past 60 s
@example(body="&amp;" * 200_000)
@example(body="mot " * 50_000)
@example(body="Texte\x00nul \x1b[31m")
def test_markdown_bodies_give_safe_html_or_a_french_error_with_the_line(workspace, caplog, body):
    path, reader = read(workspace, s.METIER, BASE[s.METIER], body)
    check(path, reader, caplog, ["corps"])
