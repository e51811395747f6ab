"""In a build the report takes organisation's record from the context (data_pages read and
validated it) instead of reading organisation.yaml again; without it, the file."""

from __future__ import annotations

import shutil

from buildkit import clock
from content_model import schema as s
from health import report
from support import FIXTURES

TODAY = clock.now({"SOURCE_DATE_EPOCH": "1796292000"})  # 2026-12-03 11:00, Paris
TITLE = f"{s.ORGANISATION.label} : informations manquantes"


def missing(result) -> set[str]:
    [section] = [x for x in result.sections if x.title == TITLE]
    return {item.message for item in section.items}


def test_the_record_of_the_build_replaces_the_file(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", root)
    (root / s.ORGANISATION.data_file).write_text("street: 32 rue du Clos Four\n", encoding="utf-8")
    street, phone = (f"{s.ORGANISATION.field(name).label} : vide" for name in ("street", "phone"))
    from_file = missing(report.collect(root, TODAY))
    assert street not in from_file and phone in from_file
    record = {"phone": "04 73 00 00 00", "address_line": "", "_where": "x"}  # as data_pages leaves it
    from_context = missing(report.collect(root, TODAY, records={s.ORGANISATION.name: record}))
    assert street in from_context and phone not in from_context
    assert missing(report.collect(root, TODAY, records={})) == from_file  # no record: the file
