"""The lunr index split for the browser: an entry file, term shards, excerpt chunks.

The browser first loads the entry (``search/index.<hash>.json``): the sorted
vocabulary, on which lunr.js expands a query's exact, prefix and typo clauses
as it does on a whole index, the list of shards, each document's type and the
names of the excerpt chunks. It then fetches only the shards that hold the
expanded terms and the excerpt chunks of the results it shows
(theme/static/js/search-split.js).

A shard holds, for each of its terms and each field, the documents that have
the term in that field and the term's weight in the document's field vector:
the BM25 score lunr.py computed (``TermsBuilder._create_field_vectors``).
lunr's similarity is the dot product of the query vector with the field
vector, divided by the query vector's magnitude; the query vector only holds
expanded terms, so the weights of those terms are all the dot product needs,
and a partial ``lunr.Index`` made of the loaded shards scores every document
as the whole index does (tests/test_search_split.py compares both with the
real lunr.js). Term numbers are positions in the vocabulary, computed by the
browser, so that no file carries numbers an added word would shift.

Documents are numbered in the order of their sorted URLs: the order in which
the whole index lists them in every posting (sorted keys), so that lunr meets
them in the same order and ranks equal scores the same way. A shard lists its
terms' postings by ascending number, as differences.

Shards are contiguous ranges of the vocabulary (a prefix clause's terms are
neighbours), cut before a term whose CRC-32 is a multiple of ``period``
(content-defined, as rsync does: a changed term moves no other boundary)
or when a shard would pass ``MAX_SHARD`` bytes (the count restarts at each
such boundary). ``period`` is a power of two near ``TARGET_SHARD`` divided
by the mean bytes of a term, so that it only changes when the site's size
doubles. Every file is named after a hash of its bytes and never changes.
"""

from __future__ import annotations

import json
import math
import zlib

from buildkit.files import hashed_name

from .index import FIELDS

OUTPUT_DIR = "search"
TARGET_SHARD = 4096  # bytes of JSON, before compression
MAX_SHARD = 4 * TARGET_SHARD
STORE_CHUNK = 8  # documents per excerpt chunk: a result costs about one small chunk
TYPE_CODES = "0123456789abcdefghijklmnopqrstuvwxyz"
# The order of the type filters on the search page; other types follow, sorted.
TYPE_ORDER = ["Métier", "Formation", "Actualité", "Événement", "Page", "Partenaire", "Chiffre clé"]


def _dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def postings(builder, refs: list[str]) -> dict[str, list[list]]:
    """{term: one flat list per field: [number difference, weight, ...]} from the builder's
    field vectors (lunr.py's own weights, after ``_create_field_vectors``)."""
    by_index = {posting["_index"]: term for term, posting in builder.inverted_index.items()}
    out = {term: [[] for _ in FIELDS] for term in builder.inverted_index}
    last = {term: [-1] * len(FIELDS) for term in builder.inverted_index}
    vectors = builder.field_vectors
    for number, ref in enumerate(refs):
        for f, (name, _) in enumerate(FIELDS):
            elements = vectors[f"{name}/{ref}"].elements
            for k in range(0, len(elements), 2):
                term = by_index[elements[k]]
                lists, previous = out[term][f], last[term]
                lists += (number - previous[f], elements[k + 1])
                previous[f] = number
    return out


def _period(sizes: list[int]) -> int:
    mean = sum(sizes) / max(1, len(sizes))
    return 2 ** max(0, round(math.log2(max(1.0, TARGET_SHARD / max(1.0, mean)))))


def shard_ranges(terms: list[str], encoded: list[bytes]) -> list[tuple[int, int]]:
    """[(first, end)] positions of each shard in the sorted vocabulary."""
    period = _period([len(e) for e in encoded])
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


def build_split(builder, store: dict[str, list[str]], pipeline: list[str]) -> tuple[str, dict[str, bytes]]:
    """(URL of the entry file, {URL: bytes} of every file) for a builder whose field
    vectors are made; ``store``: {URL: [title, type, excerpt]} (index.build_store)."""
    refs = sorted(builder._documents)
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
    entry = _dumps({
        "version": 1, "fields": [name for name, _ in FIELDS], "pipeline": pipeline,
        "terms": terms, "shards": shards, "types": types,
        "docTypes": "".join(TYPE_CODES[types.index(store[r][1])] for r in refs),
        "store": chunks, "storeChunk": STORE_CHUNK,
    })
    name = hashed_name(OUTPUT_DIR, "index.json", entry)
    files[name] = entry
    return name, files

