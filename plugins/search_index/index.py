"""Build the lunr index (lunr.py, French pipeline) and the store of excerpts."""

from __future__ import annotations

import json
from collections import defaultdict

from lunr.builder import Builder
from lunr.field_ref import FieldRef

from content_model import schema

from . import french
from .documents import Document

# Whole words (for prefix and typo matching) are kept beside the stems in every
# field but the body, where they would double the index for little gain.
STEMS_ONLY = ("body",)


def bm25(idf: float, tf: int, length: float, average: float, k1: float, b: float) -> float:
    """lunr's BM25 weight of a term in a field, before boosts, operation for operation as
    lunr.py's ``Builder._create_field_vectors`` (split.py's weights must equal them)."""
    return idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average)) + tf)


class TermsBuilder(Builder):
    """lunr.py's Builder, fed with the terms of each field (``french.word_terms``) instead of
    raw text: the same index, to the byte, as the stock Builder with the French pipeline."""

    def add_terms(self, doc_ref: str, fields: dict[str, list[str]]) -> None:
        """What ``add`` does for a document whose fields went through the pipeline."""
        self._documents[doc_ref] = {}
        self.document_count += 1
        inverted = self.inverted_index
        for field_name in self._fields:
            terms = fields.get(field_name) or []
            field_ref = str(FieldRef(doc_ref, field_name))
            counts: dict[str, int] = defaultdict(int)
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = len(terms)
            for term in terms:
                counts[term] += 1
                posting = inverted.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    inverted[term] = posting
                posting[field_name].setdefault(doc_ref, {})


def field_terms(name: str, text: str) -> list[str]:
    """Index terms of one field, in the order lunr's pipeline would give them."""
    keep_word = name not in STEMS_ONLY
    terms: list[str] = []
    for word in french.words(text):
        terms.extend(french.word_terms(word, keep_word))
    return terms


def new_builder(builder_class=TermsBuilder) -> Builder:
    builder = builder_class()
    builder.search_pipeline.add(*french.SEARCH_PIPELINE)
    builder.ref("url")
    for name, boost in schema.SEARCH_FIELDS:  # read when called: tests may change them
        builder.field(name, boost=boost)
    return builder


def fed_builder(docs: list[Document]) -> TermsBuilder:
    """A builder holding every document's terms and each field's average length: all that
    split.py needs (it ships term frequencies and lengths, not lunr.py's weights)."""
    builder = new_builder()
    for doc in docs:
        fields = doc.fields()
        builder.add_terms(str(fields["url"]), {name: field_terms(name, fields[name])
                                               for name in builder._fields})
    builder._calculate_average_field_lengths()
    return builder


def build_index(docs: list[Document]) -> dict:
    """The whole serialised lunr index, lunr.py's ``Builder.build()`` (the tests' reference)."""
    return fed_builder(docs).build().serialize()


def search_pipeline(builder: Builder) -> list[str]:
    return builder.search_pipeline.serialize()


def build_store(docs: list[Document]) -> dict:
    """{url: [title, type, excerpt, date]}: what a result shows, kept out of the index, and
    the date that numbers the document (split.number_order)."""
    return {d.url: [d.title, d.type, d.excerpt, d.date] for d in docs}


def dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
