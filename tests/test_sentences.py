"""Plain French for a 15-year-old (issue 22, item 6): the prose of every built trade and
programme page keeps within the limits of buildkit/sentences.py, read (tests/prose.py) with the same
counter that feeds the health report (« Phrases trop longues » on /admin/etat/)."""

from __future__ import annotations

from prose import pages


def test_trade_and_programme_pages_keep_within_the_sentence_limits(real_site):
    measured = pages(real_site.output)
    assert len(measured) >= 20  # every trade and programme page was read
    assert all(m.sentences for m in measured.values())
    past = {url: m.problems() for url, m in measured.items() if not m.ok}
    assert past == {}
