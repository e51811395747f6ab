"""The report as /admin/etat/ shows it: a public URL (``noindex`` is not access control),
so nothing there names unpublished content.

Sections whose items are drafts or scheduled news (``Section.private``) keep only their
count; an item of any other section about an unpublished file (advice on a draft's
sentences, say) is left out and counted. The details stay in ``invoke report`` (on the
editor's machine) and in the CI job summary (render.text, render.markdown).
"""

from __future__ import annotations

from .report import Item, Report, Section

WHERE_DETAILS = "détails dans « invoke report » et dans le résumé de la construction (CI)"


def public(report: Report) -> Report:
    sections = []
    for section in report.sections:
        if section.private:
            count = len(section.items)
            items = [Item("", f"{count} contenu{'s' if count > 1 else ''} non publié"
                              f"{'s' if count > 1 else ''} : {WHERE_DETAILS}")] if count else []
        else:
            items = [i for i in section.items if i.where.split(": ")[0] not in report.unpublished]
            hidden = len(section.items) - len(items)
            if hidden:
                items.append(Item("", f"{hidden} point{'s' if hidden > 1 else ''} sur des "
                                      f"contenus non publiés : {WHERE_DETAILS}"))
        sections.append(Section(section.level, section.title, items, section.note))
    return Report(report.today, sections)
