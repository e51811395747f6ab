"""The editors' guide (docs/guide-redaction.md) against the code, without a browser:
every collection is covered, the technical field names and build messages it
quotes are real. test_cms_guide_e2e checks its screen texts in Decap itself."""

from __future__ import annotations

import re

from cms_config.config import build
from cms_config.tests import guide
from content_model import schema as s
from support import ROOT, build_site
from test_bad_content import CASES, apply

BUILD_SOURCES = sorted((ROOT / "plugins" / "content_model").glob("*.py"))


def all_labels() -> set[str]:
    return {label for body in guide.sections().values() for label in guide.labels(body)}


def test_every_collection_and_data_file_is_in_the_guide():
    """A new content type (a collection, its + button, a data file) needs its steps."""
    named = all_labels()
    config = build({"CMS_REPO": "owner/site"})
    for collection in config["collections"]:
        wanted = [collection["label"]] + [f["label"] for f in collection.get("files", [])]
        if collection.get("create"):
            wanted.append(f"+ {collection['label_singular']}")
        for label in wanted:
            assert label in named, f"docs/guide-redaction.md never names « {label} » in bold"


def schema_labels(name: str) -> set[str]:
    def walk(fields):
        for f in fields:
            yield f
            yield from walk(f.fields)
    return {f.label for t in s.TYPES for f in walk(t.fields) if f.name == name}


def test_technical_field_names_match_the_screen_labels():
    rows = guide.table("nom technique")
    assert len(rows) >= 10
    for name, label in rows:
        name = name.strip("`")
        labels = {"Texte"} if name == "corps" else schema_labels(name)  # the Markdown body
        assert label in labels, (name, label, labels)


def test_frequent_messages_are_build_messages():
    """Each message of the table, placeholders (« x », …) aside, is printed by the build
    (content_model's source) or expected from it by tests/test_bad_content.py."""
    sources = "".join(p.read_text(encoding="utf-8") for p in BUILD_SOURCES)
    sources += (ROOT / "tests" / "test_bad_content.py").read_text(encoding="utf-8")
    rows = guide.table("message")
    assert len(rows) >= 8
    for message, _ in rows:
        for part in re.split(r"« [^»]* »|…", message.strip("`")):
            assert part.strip() in sources, (message, part)


def test_error_examples_are_lines_the_build_prints(minimal_site, tmp_path):
    """The ERROR lines the guide shows come from tests/test_bad_content.py's cases and
    are printed word for word by a build of the broken files."""
    examples = [line for line in guide.code_lines() if line.startswith("ERROR: ")]
    assert len(examples) >= 2
    for line in examples:
        cases = [c for c in CASES.values() if c[2] in line]
        assert cases, f"not a case of tests/test_bad_content.py: {line}"
        apply(minimal_site, cases[0][0], cases[0][1])
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode != 0
    printed = result.log.splitlines()
    for line in examples:
        assert line in printed, (line, [p for p in printed if p.startswith("ERROR")])
