"""TermsBuilder gives the very index that lunr.py's stock Builder gives with the French pipeline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.token import Token

from content_model.frontmatter import read_text, split
from search_index import french
from search_index.documents import Document
from content_model.schema import SEARCH_FIELDS
from search_index.index import STEMS_ONLY, build_index, dumps, new_builder

CONTENT = Path(__file__).resolve().parents[3] / "content"


def _pipeline_step(keep_word: bool):
    def index_terms(token, i=None, tokens=None):
        return [Token(term) for term in french.word_terms(str(token), keep_word)]
    return index_terms


_WORDS, _STEMS = _pipeline_step(True), _pipeline_step(False)
Pipeline.register_function(_WORDS, "test-index-words")
Pipeline.register_function(_STEMS, "test-index-stems")


def stock_index(docs: list[Document]) -> dict:
    """The index as lunr.py builds it: Builder.add, its tokenizer and a pipeline."""
    builder = new_builder(Builder)
    builder.pipeline.add(_WORDS, _STEMS)
    builder.pipeline.skip(_WORDS, STEMS_ONLY)
    builder.pipeline.skip(_STEMS, [name for name, _ in SEARCH_FIELDS if name not in STEMS_ONLY])
    for doc in docs:
        fields = doc.fields()
        builder.add({k: french.words(v) if k != "url" else v for k, v in fields.items()})
    return builder.build().serialize()


def content_documents() -> list[Document]:
    """Every Markdown file of the real content as a document: all the site's words."""
    docs = []
    for path in sorted(CONTENT.rglob("*.md")):
        meta, body, _ = split(read_text(path))
        headings = " ".join(re.findall(r"^#+ (.*)$", body, re.M))
        keywords = " ".join(str(k) for k in meta.get("keywords") or [])
        docs.append(Document(url=f"/{path.relative_to(CONTENT).with_suffix('')}/", type="Page",
                             title=str(meta.get("title", "")), summary=str(meta.get("summary", "")),
                             keywords=keywords, headings=headings, body=body))
    return docs


EDGE_CASES = [
    Document("/a/", "Page", "Les les les", body=""),  # only stop words in the title
    Document("/b/", "Page", "", summary="l'usinage d’usinage L’USINAGE", body="usinage " * 30),
    Document("/c/", "Page", "Bac Pro\u202fMaintenance-Industrielle", keywords="robot* soudure^10",
             headings="«  »  — 680 77", body="Électricité électricien ÉLECTRICIENNE 2019, 2019."),
    Document("/d/", "Page", "Chaudronnier", body="chaudronnier chaudronnerie chaudronniers"),
]


@pytest.mark.parametrize("docs", [content_documents(), EDGE_CASES], ids=["content", "edge-cases"])
def test_same_index_as_lunr_builder(docs):
    assert len(docs) > 3
    fast, stock = build_index(docs), stock_index(docs)
    assert dumps(fast) == dumps(stock)
    assert len(fast["invertedIndex"]) > 10 and len(fast["fieldVectors"]) == len(docs) * len(SEARCH_FIELDS)


def test_a_changed_word_changes_the_index():
    """The comparison above can fail: a one-word edit gives another index."""
    edited = [*EDGE_CASES[:-1], Document("/d/", "Page", "Chaudronnière", body="chaudronnier")]
    assert dumps(build_index(edited)) != dumps(stock_index(EDGE_CASES))
