"""docs/guide-redaction.md read as data, for the tests that hold it to the real screens.

The guide's convention (stated at its top): text in bold is the exact text of a
screen of the editing space (collection, button, field, option, message) and bold
serves nothing else. Code spans and fenced blocks are not prose: their bold, if
any, is ignored.
"""

from __future__ import annotations

import re
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "guide-redaction.md"
FENCE = re.compile(r"^```.*?^```[ \t]*$", re.S | re.M)
CODE_SPAN = re.compile(r"`[^`\n]*`")
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def sections(source: str | None = None) -> dict[str, str]:
    """{"## " title: its text, "### " subsections included}."""
    out: dict[str, str] = {}
    title = None
    for line in (text() if source is None else source).splitlines(keepends=True):
        if line.startswith("## "):
            title = line[3:].strip()
            out[title] = ""
        elif title is not None:
            out[title] += line
    return out


def labels(section_text: str) -> list[str]:
    """The screen texts a section names, in order, whitespace as on screen."""
    prose = CODE_SPAN.sub("", FENCE.sub("", section_text))
    found: list[str] = []
    for match in BOLD.finditer(prose):
        label = " ".join(match.group(1).split())
        if label not in found:
            found.append(label)
    return found


def code_lines(source: str | None = None) -> list[str]:
    """Every line of the fenced blocks."""
    return [line for block in FENCE.findall(text() if source is None else source)
            for line in block.splitlines()[1:-1]]


def table(first_header: str, source: str | None = None) -> list[list[str]]:
    """Rows of the Markdown table whose first header cell is ``first_header``."""
    rows: list[list[str]] = []
    inside = False
    for line in (text() if source is None else source).splitlines():
        if not line.startswith("|"):
            inside = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == first_header:
            inside = True
        elif inside and not set(cells[0]) <= {"-", ":"}:
            rows.append(cells)
    return rows
