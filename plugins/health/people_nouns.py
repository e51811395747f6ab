"""Groups of people named in the masculine alone, for the report (advice).

The nouns and the rule are content_model/language.py's (``PEOPLE``, ``people_problems``),
read in the title, summary and text of every published Markdown page and in the texts of
key figures.
"""

from __future__ import annotations

from content_model import language

from . import textcheck

TITLE = "Personnes nommées au masculin seul"
NOTE = ("Le site nomme les groupes de personnes aux deux genres ou sous une forme neutre : "
        "« les opérateurs et opératrices », « le personnel enseignant », « les alternantes et "
        "alternants ». Liste des noms suivis : PEOPLE, plugins/content_model/language.py.")


DATA_FIELDS = ("label", "detail", "description")


def found(entries) -> list[tuple[str, str]]:
    """[(file, « ligne N : what to write : « sentence » »)] for published pages."""
    items = []
    for entry in entries:
        if entry.draft:
            continue
        if not entry.ctype.folder:  # an entry of a data list (a key figure): its texts
            places = [(name, str(entry.values.get(name) or "")) for name in DATA_FIELDS]
        else:
            places = [("titre", entry.title), ("résumé", str(entry.values.get("summary") or ""))]
        places += [(f"ligne {line}", sentence)
                   for line, sentence in textcheck.sentences(entry.body, entry.body_line)]
        for place, raw in places:
            sentence = textcheck.plain(raw)
            for problem in language.people_problems(sentence):
                items.append((entry.where, f"{place} : {problem} (« {textcheck.excerpt(sentence)} »)"))
    return items
