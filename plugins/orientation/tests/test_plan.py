"""The orientation path's plan, without a build: words for every schema value, the
matching rule, the page count, and a new programme placed by its fields alone."""

from __future__ import annotations

from types import SimpleNamespace as NS

from content_model import schema as s
from orientation import questions as q
from orientation.plan import fits, plan

FAMILIES = s.METIER.field("family").option_values
PROFILE_IDS = [p for p, _ in s.PROFILES]


def metier(slug, family):
    return NS(slug=slug, family=family, title=slug, url=f"metiers/{slug}/")


def formation(slug, audiences, metiers=(), past_run=None):
    return NS(slug=slug, audiences=list(audiences), metiers=list(metiers), past_run=past_run,
              title=slug, url=f"formations/{slug}/")


METIERS = [metier("soudeur", "chaudronnerie-soudure"), metier("usineur", "usinage"),
           metier("robot", "industrie-du-futur")]


def results(steps):
    return {step.url: step.result for step in steps if step.result}


def test_every_schema_value_has_plain_words():
    """A profile or family added to the schema needs its words here (the path still
    works with the schema's label, but in editors' words, not a pupil's)."""
    assert set(q.PROFILES) == set(PROFILE_IDS)
    assert set(q.FAMILIES) == set(FAMILIES)
    assert {q.HELPER, q.ANY_FAMILY}.isdisjoint(set(PROFILE_IDS) | set(FAMILIES))
    assert any(words.them for words in q.PROFILES.values())  # parents choose among these
    known_audiences = {a for a, _ in s.AUDIENCES}
    for words in q.PROFILES.values():
        assert set(words.events) <= known_audiences


def test_matching_rule():
    by_trade = {m.slug: m.family for m in METIERS}
    bac = formation("bac", ["college"], ["usineur"])
    adults = formation("adultes", ["salaries"])  # no trade: open to every family
    assert fits(bac, "college", "usinage", by_trade)
    assert fits(bac, "college", None, by_trade)
    assert not fits(bac, "college", "maintenance", by_trade)
    assert not fits(bac, "lycee", "usinage", by_trade)
    assert fits(adults, "salaries", "maintenance", by_trade)
    assert not fits(formation("none", []), "college", None, by_trade)


def test_page_count_is_bounded_whatever_the_content():
    many = [formation(f"f{i}", PROFILE_IDS, [METIERS[i % 3].slug]) for i in range(200)]
    steps = plan(many, METIERS)
    bound = 2 + len(PROFILE_IDS) * (len(FAMILIES) + 2)
    assert len(steps) <= bound <= 80
    assert len({step.url for step in steps}) == len(steps)
    assert len({step.head_title for step in steps}) == len(steps)


def test_a_new_programme_lands_in_the_right_results():
    base = [formation("bac-usinage", ["college"], ["usineur"])]
    new = formation("bac-soudure", ["college", "jeunes-sans-solution"], ["soudeur"])
    before, after = results(plan(base, METIERS)), results(plan(base + [new], METIERS))
    assert not before["orientation/college/chaudronnerie-soudure/"].programmes
    assert after["orientation/college/chaudronnerie-soudure/"].programmes == [new]
    assert new in after["orientation/college/je-ne-sais-pas/"].programmes
    assert new not in after["orientation/college/usinage/"].programmes
    assert new in after["orientation/jeunes-sans-solution/chaudronnerie-soudure/"].programmes
    assert all(new not in r.programmes for url, r in after.items() if "/lycee/" in url)


def test_past_programmes_are_never_offered_as_open():
    past = formation("parcours", ["refugies"], past_run="Parcours mené en 2021")
    (result,) = [r for url, r in results(plan([past], METIERS)).items() if "refugies" in url]
    assert result.programmes == [] and result.past == [past]


def test_nothing_fits_offers_the_nearest_options():
    bac = formation("bac-usinage", ["college"], ["usineur"])
    bts = formation("bts", ["lycee"], ["usineur"])
    found = results(plan([bac, bts], METIERS))
    welding = found["orientation/college/chaudronnerie-soudure/"]
    assert welding.programmes == [] and welding.nearest == [bac]  # same profile, other trade
    assert [m.slug for m in welding.trades] == ["soudeur"]  # the family's trades
    drop_out = found["orientation/jeunes-sans-solution/"]  # no programme, no question
    assert drop_out.nearest == [bac, bts] and drop_out.nearest_elsewhere
    assert found["orientation/entreprises/"].nearest == []


def test_family_question_only_when_trades_tell_programmes_apart():
    steps = {s.url: s for s in plan([formation("fc", ["salaries"]),
                                     formation("bac", ["college"], ["usineur"])], METIERS)}
    assert steps["orientation/salaries/"].result is not None
    assert steps["orientation/college/"].is_question
    assert len(steps["orientation/college/"].answers) == len(FAMILIES) + 1
    start = steps["orientation/"]
    assert [a.url for a in start.answers][-1] == f"orientation/{q.HELPER}/"
    helper = steps[f"orientation/{q.HELPER}/"]
    assert {a.url for a in helper.answers} == {f"orientation/{p}/" for p, w in q.PROFILES.items()
                                               if w.them}
