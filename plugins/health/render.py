"""The report as text (terminal: ``invoke report``) and Markdown (GitHub Actions job
summary); /admin/etat/ renders the same Report with theme/templates/admin-etat.html."""

from __future__ import annotations

from .dates import day
from .report import Report

TITLE = "État du contenu du site"


def intro(report: Report) -> str:
    count = report.count
    found = f"{count} point{'s' if count > 1 else ''} à vérifier" if count else "rien à signaler"
    return f"{TITLE}, au {day(report.today)} : {found}."


def clear_line(report: Report) -> str:
    titles = [x.title for x in report.clear]
    return "Rien à signaler : " + " ; ".join(titles) + "." if titles else ""


def text(report: Report) -> str:
    lines = [intro(report)]
    for level, sections in report.by_level():
        if not sections:
            continue
        lines += ["", level.upper()]
        for section in sections:
            lines += ["", f"  {section.title} ({len(section.items)})"]
            if section.note:
                lines.append(f"    {section.note}")
            lines += [f"    - {item.where} : {item.message}" for item in section.items]
    if report.clear:
        lines += ["", clear_line(report)]
    return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    """Text safe in a Markdown line: no markup or HTML from the content."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in value)


def markdown(report: Report) -> str:
    lines = [f"## {TITLE}", "", _md(intro(report))]
    for level, sections in report.by_level():
        if not sections:
            continue
        lines += ["", f"### {level}"]
        for section in sections:
            lines += ["", f"**{_md(section.title)}** ({len(section.items)})"]
            if section.note:
                lines += ["", f"_{_md(section.note)}_"]
            lines.append("")
            lines += [f"- {_md(item.where)} : {_md(item.message)}" for item in section.items]
    if report.clear:
        lines += ["", _md(clear_line(report))]
    return "\n".join(lines) + "\n"
