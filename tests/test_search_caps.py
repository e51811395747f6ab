"""The index entry every first search downloads stays small whatever one document holds
(issue 26, item 8): per-document caps declared in the schema, past which the build stops
naming the file; the entry measured against its declared budget."""

from __future__ import annotations

import random
import string

from content_model import schema as s
from search_index import caps
from support import build_site, refused_build

NEWS = "actualites/ouverture.md"


def made_up_words(count: int) -> str:
    rng = random.Random(26)
    words = ["".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(count)]
    return "\n\n".join(" ".join(words[i:i + 12]) + "." for i in range(0, count, 12))


def with_body(content, body: str):
    path = content / NEWS
    head, _, _ = path.read_text(encoding="utf-8").partition("\n---\n")
    path.write_text(f"{head}\n---\n\n{body}\n", encoding="utf-8")


def entry_of(output) -> bytes:
    [entry] = (output / "search").glob("index.*.json")
    return entry.read_bytes()


def test_a_document_past_the_distinct_words_cap_stops_the_build_naming_it(
        minimal_site, tmp_path, good_output, capfd):
    with_body(minimal_site, made_up_words(2 * s.SEARCH_MAX_WORDS))
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert f"content/{NEWS}: recherche: " in log and f"{s.SEARCH_MAX_WORDS} au plus" in log, log


def test_ten_thousand_keywords_are_refused_by_the_schema(minimal_site, tmp_path, good_output, capfd):
    path = minimal_site / "metiers" / "usineur.md"
    keywords = "".join(f"  - mot{i}\n" for i in range(10_000))
    path.write_text(path.read_text(encoding="utf-8").replace("  - fraiseur\n", keywords), encoding="utf-8")
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    assert "content/metiers/usineur.md: keywords: doit avoir au plus 40 éléments" in log, log


def test_a_document_at_the_cap_keeps_the_entry_under_budget(minimal_site, tmp_path):
    with_body(minimal_site, made_up_words(s.SEARCH_MAX_WORDS - 100))
    build = build_site(minimal_site, tmp_path / "out")
    assert build.returncode == 0, build.log
    size = caps.entry_size(entry_of(build.output))
    print(f"entry with one document at the cap: {size} bytes gzipped (budget {caps.ENTRY_BUDGET})")
    assert size < caps.ENTRY_BUDGET


def test_the_real_site_s_entry_is_under_its_budget(real_site):
    size = caps.entry_size(entry_of(real_site.output))
    print(f"real site's entry: {size} bytes gzipped, {size / caps.ENTRY_BUDGET:.0%} of the budget")
    assert size < caps.ENTRY_BUDGET
