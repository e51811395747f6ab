"""The lunr index split for the browser: an entry file, term shards, excerpt chunks.

``build_split`` returns the entry (``search/index.<hash>.json``: the sorted vocabulary,
lunr's BM25 values, the shards' and chunks' names, each document's type) and every file,
each named after a hash of its bytes. theme/static/js/search-split.js computes lunr's
weights and scores from the shards' term frequencies. Why, and what the tests compare:
docs/search.md.
"""

from __future__ import annotations

import json
import math
import zlib

from buildkit.files import hashed_name

from lunr.idf import idf as lunr_idf

from . import french
from .index import bm25

OUTPUT_DIR = "search"
TARGET_SHARD = 4096  # bytes of JSON, before compression
MAX_SHARD = 4 * TARGET_SHARD
STORE_CHUNK = 8  # documents per excerpt chunk: a result costs about one small chunk
# The order of the type filters on the search page; other types follow, sorted.
TYPE_ORDER = ["Métier", "Formation", "Actualité", "Événement", "Page", "Partenaire", "Chiffre clé"]


def _dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def fragile(score: float) -> float | None:
    """lunr.py's rounded weight when ``score`` is so near a midpoint between two multiples of
    0.001 that a score one or two ulps away (the browser's idf) could round the other way."""
    y = score * 1000
    if abs(y - math.floor(y) - 0.5) > max(1e-9, y * 1e-14):
        return None
    return round(score, 3)


def postings(builder, refs: list[str]) -> dict[str, list[list]]:
    """{term: one flat list per field: [number difference, term frequency, ...]} (a fragile
    score's weight, negated, in place of its term frequency)."""
    fields = list(builder._fields)
    inverted, count = builder.inverted_index, builder.document_count
    out = {term: [[] for _ in fields] for term in inverted}
    last = {term: [-1] * len(fields) for term in inverted}
    idfs: dict[str, float] = {}
    k1, b = builder._k1, builder._b
    for number, ref in enumerate(refs):
        for f, name in enumerate(fields):
            key = f"{name}/{ref}"
            length, average = builder.field_lengths[key], builder.average_field_length[name]
            boost = builder._fields[name].boost
            for term, tf in builder.field_term_frequencies[key].items():
                idf = idfs.get(term)
                if idf is None:
                    idf = idfs[term] = lunr_idf(inverted[term], count)
                score = bm25(idf, tf, length, average, k1, b) * boost  # as TermsBuilder
                weight = fragile(score)
                previous = last[term]
                out[term][f] += (number - previous[f], tf if weight is None else -weight)
                previous[f] = number
    return out


def shard_ranges(terms: list[str], encoded: list[bytes]) -> list[tuple[int, int]]:
    """[(first, end)] positions of each shard in the sorted vocabulary."""
    mean = sum(len(e) for e in encoded) / max(1, len(encoded))
    period = 2 ** max(0, round(math.log2(max(1.0, TARGET_SHARD / max(1.0, mean)))))
    ranges, first, size = [], 0, 0
    for i, term in enumerate(terms):
        cut = i > first and (zlib.crc32(term.encode("utf-8")) % period == 0
                             or size + len(encoded[i]) > MAX_SHARD)
        if cut:
            ranges.append((first, i))
            first, size = i, 0
        size += len(encoded[i]) + 1
    if terms:
        ranges.append((first, len(terms)))
    return ranges


def number_order(store: dict[str, list]) -> list[str]:
    """The documents' URLs by number: undated ones by URL, then dated ones by date and URL.
    A new news item or event dated after the others comes last (numbers are positions)."""
    return sorted(store, key=lambda url: (store[url][3] is not None, store[url][3] or "", url))


def differences(numbers: list[int]) -> list[int]:
    return [n - p for p, n in zip([-1, *numbers], numbers)]


def build_split(builder, store: dict[str, list], pipeline: list[str]) -> tuple[str, dict[str, bytes]]:
    """(URL of the entry file, {URL: bytes} of every file) for ``index.fed_builder``'s
    builder; ``store``: {URL: [title, type, excerpt, date]} (index.build_store)."""
    refs = number_order(store)
    number = {ref: n for n, ref in enumerate(refs)}
    terms = sorted(builder.inverted_index)
    lists = postings(builder, refs)
    encoded = [_dumps(lists[t]) for t in terms]
    files: dict[str, bytes] = {}
    shards = []
    for first, end in shard_ranges(terms, encoded):
        data = b"[" + b",".join(encoded[first:end]) + b"]"
        name = hashed_name(OUTPUT_DIR, "terms.json", data)
        files[name] = data
        shards.append([first, name.rsplit(".", 2)[1]])
    types = sorted({store[r][1] for r in refs}, key=lambda t: (t not in TYPE_ORDER, TYPE_ORDER.index(t)
                                                               if t in TYPE_ORDER else 0, t))
    chunks = []
    for start in range(0, len(refs), STORE_CHUNK):
        data = _dumps([[r, store[r][0], store[r][2]] for r in refs[start:start + STORE_CHUNK]])
        name = hashed_name(OUTPUT_DIR, "docs.json", data)
        files[name] = data
        chunks.append(name.rsplit(".", 2)[1])
    fields = list(builder._fields)
    entry = _dumps({
        "version": 3, "fields": fields, "pipeline": pipeline, "elision": french.ELISION.pattern,
        "boosts": [builder._fields[f].boost for f in fields], "k1": builder._k1, "b": builder._b,
        "documentCount": builder.document_count,
        "averageLengths": [builder.average_field_length[f] for f in fields],
        "lengths": [[builder.field_lengths[f"{f}/{r}"] for r in refs] for f in fields],
        "terms": terms, "shards": shards, "types": types,
        "docTypes": "".join(f"{types.index(store[r][1]):x}" for r in refs),  # a hex digit each
        "store": chunks, "storeChunk": STORE_CHUNK,
        "urlOrder": differences([number[r] for r in sorted(refs)]),
    })
    name = hashed_name(OUTPUT_DIR, "index.json", entry)
    files[name] = entry
    return name, files

