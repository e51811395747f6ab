"""Fuzzing whole builds (issue 26, item 9), slow lane: random and adversarial values of every
field kind of a trade and an event, and a random Markdown body, written into real content
files of the small site, then a real build (Pelican in a subprocess, as the tasks run it).
The build either succeeds with output that the HTML, XML (sitemap, feeds), iCalendar and
JSON-LD parsers accept and that carries no control character, or stops with exit 1 and
French errors naming the file and the field: never a traceback, never past the time bound.
A fixed seed and FUZZ_BUILDS examples (3 by default, 12 when CI is set)."""

from __future__ import annotations

import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from content_model import schema as s
from content_model import yaml12
from fuzz_values import markdown, value_for
from support import FIXTURES, build_site
from test_fuzz_reader import BASE, CONTROLS

BUILDS = int(os.environ.get("FUZZ_BUILDS", "12" if os.environ.get("CI") else "3"))
FIELDS = st.sampled_from([(c, f) for c in BASE for f in c.fields])


def site(tmp, ctype, field, value, body) -> os.PathLike:
    content = tmp / "content"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(FIXTURES / "minimal", content)
    (content / "evenements").mkdir()
    for kind in BASE:
        record = dict(BASE[kind], **({field.name: value} if kind is ctype else {}))
        if kind is s.METIER:
            record["slug"] = "fuzz"
        path = content / kind.folder / f"{record['slug']}.md"
        path.write_text("---\n" + yaml12.dump(record) + "---\n\n" + (body if kind is ctype else "Texte.") + "\n",
                        encoding="utf-8")
    return content


def check_output(output):
    for path in output.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix in (".html", ".xml", ".json", ".ics", ".atom"):
            text = path.read_text(encoding="utf-8")
            assert not CONTROLS.search(text.replace("\n", "").replace("\t", "").replace("\r", "")), path
        if path.suffix == ".html":
            parser = HTMLParser()
            parser.feed(text)
            parser.close()
            for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
                json.loads(data)
        elif path.suffix in (".xml", ".atom"):
            ET.fromstring(path.read_bytes())
        elif path.suffix == ".ics":
            Calendar.from_ical(path.read_bytes())
        elif path.suffix == ".json" and path.parent.name in ("search", "admin"):
            json.loads(text)


@settings(max_examples=BUILDS, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(choice=FIELDS, data=st.data(), body=markdown())
@example(choice=(s.EVENT, s.EVENT.field("start")), data=None, body="Texte.")  # DST gap, below
def test_a_build_with_hostile_values_is_safe_or_refused_in_french(tmp_path_factory, choice, data, body):
    ctype, field = choice
    value = data.draw(value_for(field)) if data is not None else "2026-03-29 02:30"
    tmp = tmp_path_factory.mktemp("build")
    content = site(tmp, ctype, field, value, body)
    result = build_site(content, tmp / "out", env={"SOURCE_DATE_EPOCH": "1780000000"})
    assert "Traceback" not in result.log, result.log[-3000:]
    assert result.returncode in (0, 1), result.log[-3000:]
    if result.returncode == 1:
        errors = [line for line in result.log.splitlines() if line.startswith("ERROR: content/")]
        assert errors, result.log[-3000:]
        return
    check_output(tmp / "out")
