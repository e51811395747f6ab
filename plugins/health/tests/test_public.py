"""/admin/etat/ is a public URL: drafts and scheduled news are counted, never named."""

import datetime as dt

from health.public import public
from health.report import INFO, UPDATE, Item, Report, Section

TODAY = dt.datetime(2026, 1, 1)


def test_private_sections_keep_only_their_count_and_other_items_about_drafts_go():
    report = Report(TODAY, [
        Section(INFO, "Brouillons en attente", [Item("content/metiers/secret.md", "« Secret » : brouillon")],
                private=True),
        Section(UPDATE, "Phrases trop longues", [
            Item("content/metiers/secret.md: ligne 3", "« Le projet Secret… »"),
            Item("content/metiers/soudeur.md", "ligne 4 : « … »")]),
        Section(INFO, "Actualités programmées", [], private=True),
    ], unpublished=frozenset({"content/metiers/secret.md"}))
    shown = public(report)
    text = repr(shown)
    assert "secret" not in text.lower()
    drafts, sentences, scheduled = shown.sections
    assert [i.message for i in drafts.items] == [
        "1 contenu non publié : détails dans « invoke report » et dans le résumé de la construction (CI)"]
    assert sentences.items[0].where == "content/metiers/soudeur.md"
    assert "1 point sur des contenus non publiés" in sentences.items[1].message
    assert scheduled.items == []
    assert report.sections[0].items[0].where == "content/metiers/secret.md"  # the report keeps it
