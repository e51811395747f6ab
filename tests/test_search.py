"""Search: the real lunr.js and lunr.fr.js (Node) against the split index of the real site."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from pathlib import Path

from search_index import french
from support import ROOT, build_site

RUNNER = ROOT / "tests" / "search" / "run-queries.js"
STEMMER = ROOT / "tests" / "search" / "stem-words.js"
LUNR_FR = ROOT / "node_modules" / "lunr-languages" / "lunr.fr.js"

# (what a visitor types, a page that must be in the first three results)
QUERIES = [
    ("metier", "metiers/"),
    ("métiers", "metiers/"),
    ("formations", "formations/"),
    ("electricite", "metiers/cableur-electrique/"),
    ("électricité", "metiers/cableur-electrique/"),
    ("chaudronier", "metiers/chaudronnier/"),
    ("chaudronnerie", "metiers/chaudronnier/"),
    ("maintenence", "metiers/technicien-maintenance/"),
    ("maintenance", "metiers/technicien-maintenance/"),
    ("l'usinage", "metiers/usineur/"),
    ("d’usinage", "metiers/usineur/"),
    ("fraiseur", "metiers/usineur/"),
    ("usineuse", "metiers/usineur/"),
    ("soudure", "metiers/soudeur/"),
    ("soudeuse", "metiers/soudeur/"),
    ("robots", "metiers/technicien-robotique/"),
    ("robotiq", "metiers/technicien-robotique/"),
    ("impression 3d", "metiers/technicien-fabrication-additive/"),
    ("fabrication additive", "metiers/technicien-fabrication-additive/"),
    ("electronique", "metiers/technicien-electronique/"),
    ("bureau d'etudes", "metiers/concepteur-produit/"),
    ("pilote de ligne", "metiers/pilote-ligne-production/"),
    ("cablage", "formations/bac-pro-cablage-electrique/"),
    ("bts maintenance", "formations/bts-maintenance/"),
    ("bac pro usinage", "formations/bac-pro-usinage/"),
    ("alternance", "alternance/"),
    ("l'alternance", "alternance/"),
    ("apprentissage", "alternance/"),
    ("refugies", "formations/parcours-refugies/"),
    ("remobilisation", "formations/parcours-remobilisation/"),
    ("decrocheurs 16 25 ans", "formations/parcours-jeunes-16-25/"),
    ("adultes reconversion", "formations/formation-continue/"),
    ("filles", "filles-et-industrie/"),
    ("femmes dans l'industrie", "filles-et-industrie/"),
    ("inauguration", "actualites/2019/inauguration-hall-32/"),
    ("portes ouvertes", "actualites/2022/portes-ouvertes-2022/"),
    ("77", "chiffres-cles/#clients-pole-industrie-fideles"),
    ("680", "chiffres-cles/#jeunes-formes"),
    ("michelin", "partenaires/#michelin"),
    ("banque de france", "partenaires/#banque-de-france"),
    ("pole industrie", "pole-industrie/"),
    ("adresse", "contact/"),
    ("bts:maintenance~", "formations/bts-maintenance/"),
    ("+alternance -gratuit", "alternance/"),
    ("robot*", "metiers/technicien-robotique/"),
    ("soudure^10", "metiers/soudeur/"),
]
SYNTAX_ONLY = ["*", ":", "~", "^", "+", "-", "***", "~1", "\u202f", "'", "l'", ""]


def index_path(build) -> Path:
    (path,) = build.output.glob("search/index.*.json")
    return path


def run_queries(build, queries):
    rel = index_path(build).relative_to(build.output).as_posix()
    proc = subprocess.run(["node", str(RUNNER), str(build.output), rel], input=json.dumps(queries),
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(proc.stdout)


def test_query_set_finds_the_expected_page_in_the_top_three(real_site):
    assert len(QUERIES) >= 30
    results = run_queries(real_site, [q for q, _ in QUERIES])
    missed = [(q, want, r["results"][:3]) for (q, want), r in zip(QUERIES, results)
              if want not in r["results"][:3]]
    assert not [r for r in results if r.get("error")]
    assert missed == []


def test_syntax_characters_never_throw(real_site):
    results = run_queries(real_site, SYNTAX_ONLY)
    assert [r["error"] for r in results if r.get("error")] == []


def test_every_result_points_to_a_page_with_an_excerpt(real_site):
    results = run_queries(real_site, ["industrie"])[0]["results"]
    store = {}
    for path in real_site.output.glob("search/docs.*.json"):
        store.update({ref: (title, excerpt) for ref, title, excerpt in json.loads(path.read_text("utf-8"))})
    assert len(results) > 10
    for ref in results:
        assert ref in store
        page = real_site.output / ref.split("#")[0] / "index.html"
        assert page.is_file(), ref


def test_every_published_search_file_is_named_after_its_bytes(real_site):
    """search/ is cached for a year (_headers): a file whose bytes change changes name."""
    files = [p for p in real_site.output.glob("search/*") if p.is_file()]
    assert len(files) > 10
    for path in files:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        assert path.name.split(".")[-2] == digest, path.name
    assert not list(real_site.output.glob("search/whole.*"))  # only for the tests


def test_python_and_browser_pipelines_agree_on_every_word_of_the_site():
    words = set()
    for path in (ROOT / "content").rglob("*"):
        if path.suffix in (".md", ".yaml"):
            words.update(french.normalize(path.read_text(encoding="utf-8")).lower().split())
    words.update(["l'école", "qu'est", "aujourd'hui", "«", "2019", "œuvre", "ÉLÈVES"])
    words = sorted(w for word in words for w in re.split(r"-+", word) if w)
    proc = subprocess.run(["node", str(STEMMER), french.ELISION.pattern], input=json.dumps(words),
                          capture_output=True, text=True, check=True, timeout=120)
    browser = json.loads(proc.stdout)
    mismatches = []
    for word, (trimmed, folded, stem, kept) in zip(words, browser):
        ours_trimmed = french.elide(french.trim(word))
        ours = (ours_trimmed, french.fold(ours_trimmed), french.stem(french.fold(ours_trimmed)),
                word not in french.stop_words())
        if ours != (trimmed, folded, stem, kept):
            mismatches.append((word, ours, (trimmed, folded, stem, kept)))
    assert len(words) > 2000
    assert mismatches == []


def test_the_elision_rule_has_one_home(real_site):
    """french.py's rule reaches the browser in the entry; search-core.js holds no copy."""
    index = json.loads(index_path(real_site).read_text(encoding="utf-8"))
    assert index["elision"] == french.ELISION.pattern
    core = (ROOT / "theme/static/js/search-core.js").read_text(encoding="utf-8")
    assert "jusqu" not in core and "lorsqu" not in core


def test_index_names_only_functions_the_browser_registers(real_site):
    index = json.loads(index_path(real_site).read_text(encoding="utf-8"))
    assert index["pipeline"] == ["trimmer-fr", "elision-fr", "accentFold-fr", "stemmer-fr"]
    registered = set(re.findall(r"registerFunction\([^,]+,\s*['\"]([^'\"]+)", LUNR_FR.read_text()))
    core = (ROOT / "theme/static/js/search-core.js").read_text(encoding="utf-8")
    registered |= set(re.findall(r'registerFunction\([^,]+,\s*"([^"]+)"', core))
    assert set(index["pipeline"]) <= registered


def test_index_budget(real_site):
    """The entry the page loads first, and the shards a query needs, stay small."""
    data = index_path(real_site).read_bytes()
    assert len(gzip.compress(data, 9)) <= 20_000
    shards = run_queries(real_site, ["soudure", "maintenance industrielle"])
    assert all(r["shards"] <= 8 for r in shards)


def test_search_page_and_header_form(real_site):
    page = (real_site.output / "recherche" / "index.html").read_text(encoding="utf-8")
    assert 'id="search-results"' in page and 'aria-live="polite"' in page
    assert 'href="/plan-du-site/"' in page  # said without JavaScript
    assert re.search(r'<form[^>]+action="/recherche/"[^>]+method="get"', page)
    home = (real_site.output / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<label[^>]+for="entete-recherche"', home)
    assert re.search(r'<script src="/theme/js/search\.\w+\.js" defer></script>', home)
    assert "lunr" not in home  # the index and lunr load only on the search page or on focus


def test_missing_npm_packages_fail_the_build_clearly(minimal_site, tmp_path):
    result = build_site(minimal_site, tmp_path / "out", ROOT / "pelicanconf.py",
                        "-e", f'SEARCH_NODE_MODULES="{tmp_path / "nowhere"}"')
    assert result.returncode != 0
    assert "search_index:" in result.log and "npm ci" in result.log
    assert "Traceback" not in result.log
