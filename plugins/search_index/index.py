"""Build the lunr index (lunr.py, French pipeline) and the store of excerpts."""

from __future__ import annotations

import json

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.token import Token

from . import french
from .documents import Document

# Field boosts: a word in the title counts most, then keywords (synonyms
# people type), the summary, headings and the body.
FIELDS = (("title", 10), ("keywords", 6), ("summary", 3), ("headings", 2), ("body", 1))
# Whole words (for prefix and typo matching) are kept beside the stems in every
# field but the body, where they would double the index for little gain.
STEMS_ONLY = ("body",)


def _terms_of(keep_word: bool):
    def index_terms(token, i=None, tokens=None):
        return [Token(term) for term in french.word_terms(str(token), keep_word)]
    return index_terms


# Index-time pipeline: the French functions applied word by word through the
# memoised french.word_terms (lunr's per-token calls were most of the build time).
# Only the search pipeline is serialised, so these labels never reach the browser.
_WITH_WORDS, _STEMS = _terms_of(True), _terms_of(False)
Pipeline.register_function(_WITH_WORDS, "hall32-index-terms")
Pipeline.register_function(_STEMS, "hall32-index-stems")


def build_index(docs: list[Document]) -> dict:
    builder = Builder()
    builder.pipeline.add(_WITH_WORDS, _STEMS)
    builder.pipeline.skip(_WITH_WORDS, STEMS_ONLY)
    builder.pipeline.skip(_STEMS, [name for name, _ in FIELDS if name not in STEMS_ONLY])
    builder.search_pipeline.add(*french.SEARCH_PIPELINE)
    builder.ref("url")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for doc in docs:
        fields = doc.fields()
        # A list is taken as already split by lunr's tokenizer (which is slow).
        builder.add({k: french.words(v) if k != "url" else v for k, v in fields.items()})
    return builder.build().serialize()


def build_store(docs: list[Document]) -> dict:
    """{url: [title, type, excerpt]}: what a result shows, kept out of the index."""
    return {d.url: [d.title, d.type, d.summary] for d in docs}


def dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
