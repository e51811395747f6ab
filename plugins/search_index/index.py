"""Build the lunr index (lunr.py, French pipeline) and the store of excerpts."""

from __future__ import annotations

import json

from lunr.builder import Builder

from . import french
from .documents import Document

# Field boosts: a word in the title counts most, then keywords (synonyms
# people type), the summary, headings and the body.
FIELDS = (("title", 10), ("keywords", 6), ("summary", 3), ("headings", 2), ("body", 1))
# Whole words (for prefix and typo matching) are kept beside the stems in every
# field but the body, where they would double the index for little gain.
STEMS_ONLY = ("body",)


def build_index(docs: list[Document]) -> dict:
    builder = Builder()
    builder.pipeline.add(*french.INDEX_PIPELINE, french.stemmer_fr)
    builder.pipeline.skip(french.stemmer_fr_keep_word, STEMS_ONLY)
    builder.pipeline.skip(french.stemmer_fr, [name for name, _ in FIELDS if name not in STEMS_ONLY])
    builder.search_pipeline.add(*french.SEARCH_PIPELINE)
    builder.ref("url")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for doc in docs:
        fields = doc.fields()
        builder.add({k: french.normalize(v) if k != "url" else v for k, v in fields.items()})
    return builder.build().serialize()


def build_store(docs: list[Document]) -> dict:
    """{url: [title, type, excerpt]}: what a result shows, kept out of the index."""
    return {d.url: [d.title, d.type, d.summary] for d in docs}


def dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
