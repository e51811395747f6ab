"""The split index ranks as the whole lunr index: the real lunr.js (Node) on both.

For every query of the search tests on the real site, and for several hundred
generated queries on the synthetic corpus of benchmarks/corpus.py, the first
ten results of the split index (plugins/search_index/split.py, read by
theme/static/js/search-split.js) are those of the whole index that lunr.py
builds, in the same order, with the same scores (to 1e-9), and the result
counts are equal. Exact comparison, nothing timed.
"""

from __future__ import annotations

import json
import math
import random
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from benchmarks import corpus
from content_model import schema
from search_index.documents import Document
from search_index.index import build_index, build_store, dumps, fed_builder, field_terms, search_pipeline
from search_index import split
from search_index.split import build_split, fragile
from support import ROOT, build_site
from test_search import QUERIES, SYNTAX_ONLY
from test_search_hostile import HOSTILE, MARKUP

COMPARE = ROOT / "tests" / "search" / "compare-split.js"
WEIGHTS = ROOT / "tests" / "search" / "compare-weights.js"
TOLERANCE = 1e-9


def compare(whole: Path, site: Path, entry: str, queries: list[str]) -> list[dict]:
    proc = subprocess.run(["node", str(COMPARE), str(whole), str(site), entry], input=json.dumps(queries),
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def compare_weights(whole: Path, site: Path, entry: str) -> dict:
    proc = subprocess.run(["node", str(WEIGHTS), str(whole), str(site), entry], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def differences(results: list[dict]) -> list[dict]:
    bad = []
    for r in results:
        same_refs = [ref for ref, _ in r["whole"]] == [ref for ref, _ in r["split"]]
        same_scores = all(abs(a[1] - b[1]) <= TOLERANCE for a, b in zip(r["whole"], r["split"]))
        if not (same_refs and same_scores and r["count"][0] == r["count"][1]):
            bad.append(r)
    return bad


def write_split(docs: list[Document], site: Path) -> str:
    builder = fed_builder(docs)
    entry, files = build_split(builder, build_store(docs), search_pipeline(builder))
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    (site / "whole.json").write_bytes(dumps(build_index(docs)))
    return entry


@pytest.fixture(scope="module")
def real_with_whole(tmp_path_factory):
    """The real site built with the whole index beside the split one (SEARCH_WHOLE_INDEX)."""
    output = tmp_path_factory.mktemp("split") / "output"
    result = build_site(ROOT / "content", output, ROOT / "pelicanconf.py", "-e", "SEARCH_WHOLE_INDEX=true",
                        cwd=ROOT)
    assert result.returncode == 0, result.log
    return output


def test_real_site_queries_rank_the_same(real_with_whole):
    (whole,) = real_with_whole.glob("search/whole.*.json")
    (entry,) = real_with_whole.glob("search/index.*.json")
    queries = [q for q, _ in QUERIES] + SYNTAX_ONLY + list(HOSTILE.values()) + MARKUP + ["industrie", "a"]
    results = compare(whole, real_with_whole, entry.relative_to(real_with_whole).as_posix(), queries)
    assert len(results) == len(queries)
    assert sum(1 for r in results if len(r["whole"]) == 10) >= 5  # full top tens are compared too
    assert differences(results) == []


def test_real_news_items_are_numbered_last_by_date(real_with_whole):
    """split.number_order on the real content: pages, trades, programmes... by URL, then the
    news items (dated by Pelican's reader) by date; the entry's urlOrder lists them by URL."""
    (entry,) = real_with_whole.glob("search/index.*.json")
    meta = json.loads(entry.read_text(encoding="utf-8"))
    urls = [doc[0] for h in meta["store"]
            for doc in json.loads((real_with_whole / f"search/docs.{h}.json").read_text(encoding="utf-8"))]
    news = [u for u in urls if re.match(r"actualites/\d{4}/", u)]
    assert len(news) >= 5 and urls[-len(news):] == news and urls[:-len(news)] == sorted(urls[:-len(news)])
    assert [int(u.split("/")[1]) for u in news] == sorted(int(u.split("/")[1]) for u in news)
    by_url, number = [], -1
    for difference in meta["urlOrder"]:
        number += difference
        by_url.append(urls[number])
    assert by_url == sorted(urls)


# --- Synthetic corpus -------------------------------------------------------------

def typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word))
    how = rng.choice(("drop", "swap", "change"))
    if how == "drop":
        return word[:i] + word[i + 1:]
    if how == "swap" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("aeioustrn") + word[i + 1:]


def generated_queries(words: list[str], count: int, seed: int = 17) -> list[str]:
    """Single words, two and three words, prefixes, typos, unaccented, elided, capitals."""
    rng = random.Random(seed)
    makers = [
        lambda: rng.choice(words),
        lambda: " ".join(rng.sample(words, 2)),
        lambda: " ".join(rng.sample(words, 3)),
        lambda: (lambda w: w[:rng.randint(3, max(3, len(w) - 1))])(rng.choice(words)),
        lambda: typo(rng, rng.choice([w for w in words if len(w) >= 5])),
        lambda: unicodedata.normalize("NFKD", rng.choice(words)).encode("ascii", "ignore").decode(),
        lambda: f"l'{rng.choice(words)} d’{rng.choice(words)}",
        lambda: rng.choice(words).upper() + " " + str(rng.randint(2015, 2026)),
    ]
    return [makers[i % len(makers)]() for i in range(count)]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    corpus.generate(root, 400)
    docs = corpus.documents(root)
    site = root / "site"
    return docs, site, write_split(docs, site)


def test_generated_queries_on_the_synthetic_corpus_rank_the_same(synthetic):
    docs, site, entry = synthetic
    assert len(docs) > 400
    queries = generated_queries(corpus.vocabulary(), 400)
    results = compare(site / "whole.json", site, entry, queries)
    assert sum(1 for r in results if len(r["whole"]) == 10) > 200
    assert sum(1 for r in results if r["whole"] and r["whole"][0][1] != r["whole"][-1][1]) > 200
    assert differences(results) == []


def test_every_weight_is_lunr_pys(synthetic):
    """Every weight the browser computes from a shard's term frequencies and the entry's
    lengths equals the weight lunr.py put in the whole index's field vectors."""
    _, site, entry = synthetic
    result = compare_weights(site / "whole.json", site, entry)
    assert result["checked"] > 50_000
    assert (result["missing"], result["extra"], result["different"]) == (0, 0, [])


def test_the_comparison_sees_one_changed_frequency(synthetic):
    """The tests above can fail: a term frequency of its first result, raised by one in the
    shard, changes that result's weight and score in the split index."""
    docs, site, entry = synthetic
    meta = json.loads((site / entry).read_text(encoding="utf-8"))
    refs = [doc[0] for h in meta["store"] for doc in json.loads((site / f"search/docs.{h}.json").read_text("utf-8"))]
    term = next(t for t in meta["terms"] if re.fullmatch(r"[a-z]{6,}", t))
    top = compare(site / "whole.json", site, entry, [term])[0]["whole"][0][0]
    position = meta["terms"].index(term)
    shard = max(s for s in meta["shards"] if s[0] <= position)
    path = site / f"search/terms.{shard[1]}.json"
    original = path.read_bytes()
    data = json.loads(original)
    changed = 0
    for postings in data[position - shard[0]]:  # one flat list per field: [difference, tf, ...]
        number = -1
        for k in range(0, len(postings), 2):
            number += postings[k]
            if number == refs.index(top) and postings[k + 1] > 0:
                postings[k + 1] += 1
                changed += 1
    assert changed >= 1
    try:
        path.write_text(json.dumps(data), encoding="utf-8")
        results = compare(site / "whole.json", site, entry, [term])
        weights = compare_weights(site / "whole.json", site, entry)
    finally:
        path.write_bytes(original)
    assert differences(results) == results
    assert len(weights["different"]) == changed


def shard_terms(entry: str, files: dict[str, bytes]) -> dict[str, tuple[str, list]]:
    """{term: (its shard's file name, its postings)} of a split index's files."""
    meta = json.loads(files[entry])
    out = {}
    for first, digest in meta["shards"]:
        name = f"search/terms.{digest}.json"
        for i, postings in enumerate(json.loads(files[name])):
            out[meta["terms"][first + i]] = (name, postings)
    return out


def test_a_longer_document_rewrites_only_the_shards_of_its_changed_terms(synthetic):
    """Issue 17 item 5: a sentence added to one news item changes the entry (lengths) and
    only the shards of the terms whose postings changed, not those whose weights moved."""
    docs, _, _ = synthetic
    i = next(k for k, d in enumerate(docs) if d.url.startswith("actualites/"))
    edited = [*docs[:i], Document(docs[i].url, docs[i].type, docs[i].title, docs[i].excerpt,
                                  {**docs[i].text, "body": docs[i].text["body"] + " Une phrase ajoutée pour voir."},
                                  docs[i].date),
              *docs[i + 1:]]
    before, after = ({"builder": fed_builder(d), "docs": d} for d in (docs, edited))
    (old_entry, old), (new_entry, new) = (build_split(x["builder"], build_store(x["docs"]), ["p"])
                                          for x in (before, after))
    old_terms, new_terms = shard_terms(old_entry, old), shard_terms(new_entry, new)
    changed = {t for t, (_, postings) in new_terms.items() if old_terms.get(t, (None, None))[1] != postings}
    rewritten = {n for n in new if n.startswith("search/terms.") and n not in old}
    shards = {n for n in new if n.startswith("search/terms.")}
    assert new_entry != old_entry and 1 <= len(changed) <= 5
    assert {new_terms[t][0] for t in changed} <= rewritten
    # Any other rewritten shard ends where a new term now starts a shard (a boundary).
    meta = json.loads(new[new_entry])
    starts = [meta["terms"][first] for first, _ in meta["shards"]] + [None]
    names = [f"search/terms.{digest}.json" for _, digest in meta["shards"]]
    for name in rewritten - {new_terms[t][0] for t in changed}:
        assert starts[names.index(name) + 1] not in old_terms, name
    assert len(rewritten) <= 2 * len(changed) < len(shards) // 10


def test_a_news_item_of_the_latest_date_rewrites_only_its_shards_and_the_last_chunk(synthetic):
    """Documents are numbered dated last (split.number_order): a news item dated after every
    other takes the last number, so it changes the entry, the shards of its own terms (and
    one cut by a new term that starts a shard) and the last excerpt chunk, nothing else.
    Its URL sorts before every other news item's: numbered by URL, it would shift them."""
    docs, _, _ = synthetic
    latest = max(d.date for d in docs if d.date)
    new = corpus.news_document("actualites/a-la-une/", f"{int(latest[:4]) + 1}-01-05 09:00")
    (old_entry, old), (new_entry, files) = (build_split(fed_builder(d), build_store(d), ["p"])
                                            for d in (docs, [*docs, new]))
    fields = new.fields()
    terms = {t for name, _ in schema.SEARCH_FIELDS for t in field_terms(name, fields[name])}
    meta, old_meta = json.loads(files[new_entry]), json.loads(old[old_entry])
    holding = {name for t, (name, _) in shard_terms(new_entry, files).items() if t in terms}
    rewritten = {n for n in files if n.startswith("search/terms.") and n not in old}
    assert new_entry != old_entry and holding <= rewritten
    starts = [meta["terms"][first] for first, _ in meta["shards"]] + [None]
    names = [f"search/terms.{digest}.json" for _, digest in meta["shards"]]
    for name in rewritten - holding:  # ends where a new term now starts a shard
        assert starts[names.index(name) + 1] not in old_meta["terms"], name
    assert len(rewritten - holding) <= 2
    chunks = [f"search/docs.{h}.json" for h in meta["store"]]
    assert {n for n in files if n.startswith("search/docs.") and n not in old} == {chunks[-1]}
    assert json.loads(files[chunks[-1]])[-1][0] == new.url


def test_a_fragile_score_ships_its_weight():
    """A score whose rounding to 0.001 one ulp could change is shipped as its weight."""
    assert fragile(0.0625) == 0.062  # an exact midpoint: lunr.py rounds half to even
    assert fragile(math.nextafter(1.2345, 2)) == round(math.nextafter(1.2345, 2), 3)
    assert fragile(1.2344) is None and fragile(7.0) is None


def test_shipped_weights_are_read_as_weights(synthetic, tmp_path, monkeypatch):
    """Every score shipped as its weight (as if all were fragile): the same weights."""
    docs, _, _ = synthetic
    monkeypatch.setattr(split, "fragile", lambda score: round(score, 3))
    site = tmp_path / "site"
    entry = write_split(docs[:120], site)
    sample = json.loads(next((site / "search").glob("terms.*.json")).read_text(encoding="utf-8"))
    assert all(v <= 0 for term in sample for field in term for v in field[1::2])
    result = compare_weights(site / "whole.json", site, entry)
    assert result["checked"] > 10_000 and result["different"] == [] and result["missing"] == 0
