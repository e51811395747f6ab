"""The search reads the schema: a searchable field declared there is indexed, shipped and
found by the browser's code, with nothing changed in plugins/search_index.

The schema is changed here (monkeypatched): a fixture trade type gets a field that feeds
a new index field with its own boost, and another field fed into the body; the documents
are collected by the search plugin as a build collects them, split, and searched with
the real lunr.js (Node) as the search worker does, beside the whole lunr index.
"""

from __future__ import annotations

import dataclasses
import json
from types import SimpleNamespace

from content_model import schema as s
from search_index.documents import collect
from test_search_split import compare, compare_weights, differences, write_split


def trade(slug: str, title: str, **values) -> SimpleNamespace:
    """A trade as the content_model reader gives it to the generators."""
    base = dict(content_type=s.METIER.name, url=f"metiers/{slug}/", title=title, slug=slug,
                summary=f"Le métier de {title.lower()}.", content="<h2>Le métier</h2><p>Régler, surveiller.</p>",
                family="maintenance", skills=["Régler"], workplaces=["Atelier"], keywords=["atelier"],
                motto="", insignia="")
    return SimpleNamespace(**{**base, **values})


def test_a_searchable_field_declared_in_the_schema_is_found(monkeypatch, tmp_path):
    motto = s.Field("motto", s.STRING, "Devise", required=False, search=("motto",))
    insignia = s.Field("insignia", s.STRING, "Insigne", required=False, search=("body",))
    metier = dataclasses.replace(s.METIER, fields=(*s.METIER.fields, motto, insignia))
    monkeypatch.setattr(s, "METIER", metier)
    monkeypatch.setitem(s.BY_NAME, metier.name, metier)
    monkeypatch.setattr(s, "SEARCH_FIELDS", (*s.SEARCH_FIELDS, ("motto", 7)))
    trades = [trade("soudeur", "Soudeur", motto="Zygomatique et précis"),
              trade("usineur", "Usineur", insignia="Xylophone"),
              trade("chaudronnier", "Chaudronnier", skills=["Zygomatique"])]
    trades += [trade(f"technicien-{n}", f"Technicien {n}") for n in range(6)]
    docs = collect({"metiers": trades}, str)
    site = tmp_path / "site"
    entry = write_split(docs, site)

    meta = json.loads((site / entry).read_text(encoding="utf-8"))
    assert meta["fields"][-1] == "motto" and meta["boosts"][-1] == 7
    results = compare(site / "whole.json", site, entry, ["zygomatique", "xylophone", "précis"])
    found = {r["query"]: [ref for ref, _ in r["split"]] for r in results}
    assert found["xylophone"] == ["metiers/usineur/"]
    assert found["précis"] == ["metiers/soudeur/"]
    # Found in the motto (boost 7) ranks above found in the skills (body, boost 1).
    assert found["zygomatique"] == ["metiers/soudeur/", "metiers/chaudronnier/"]
    assert differences(results) == []
    weights = compare_weights(site / "whole.json", site, entry)
    assert weights["checked"] > 50 and (weights["missing"], weights["different"]) == (0, [])


def test_without_the_declaration_the_field_is_not_searched(tmp_path):
    """The test above can fail: the same value, in a field the schema does not mark, is not found."""
    docs = collect({"metiers": [trade("soudeur", "Soudeur", motto="Zygomatique"), trade("usineur", "Usineur")]}, str)
    site = tmp_path / "site"
    entry = write_split(docs, site)
    assert compare(site / "whole.json", site, entry, ["zygomatique"])[0]["split"] == []


def test_every_search_declaration_names_an_index_field():
    names = [name for name, _ in s.SEARCH_FIELDS]
    declared = {name for t in s.TYPES for f in t.fields for name in f.search}
    assert declared and declared <= set(names)
    assert {"headings", "body"} <= set(names)  # fed by the Markdown body (documents.py)
    assert len(names) == len(set(names))
