"""French formatting (buildkit.french) does not depend on the machine's locale."""

import datetime as dt

from buildkit.french import NBSP, NNBSP, date_fr, euros_fr, figure_fr, hour_fr, month_fr, number_fr


def test_dates_in_french():
    assert date_fr(dt.datetime(2019, 9, 13, 9, 0)) == "13 septembre 2019"
    assert date_fr(dt.date(2022, 12, 7)) == "7 décembre 2022"
    assert date_fr(dt.date(2019, 9, 1)) == "1er septembre 2019"
    assert date_fr(dt.date(2022, 8, 1), "MMMM y") == "août 2022"


def test_the_first_of_the_month_is_1er_wherever_the_day_is():
    assert date_fr(dt.date(2026, 3, 1), "EEEE d MMMM y") == "dimanche 1er mars 2026"
    assert date_fr(dt.datetime(2026, 3, 1, 9), "'le' d MMMM") == "le 1er mars"
    assert date_fr(dt.date(2026, 3, 11), "EEEE d MMMM y") == "mercredi 11 mars 2026"
    assert date_fr(dt.date(2026, 3, 1), "dd/MM/y") == "01/03/2026"  # a numeric date stays numeric


def test_hours_in_french():
    assert hour_fr(dt.datetime(2026, 3, 1, 10, 30)) == f"10{NBSP}h{NBSP}30"
    assert hour_fr(dt.time(10, 0)) == f"10{NBSP}h"
    assert hour_fr(dt.time(9, 5)) == f"9{NBSP}h{NBSP}05"


def test_numbers_in_french():
    assert number_fr(1800) == f"1{NNBSP}800"
    assert number_fr(13.8) == "13,8"
    assert number_fr(220000) == f"220{NNBSP}000"


def test_money():
    assert euros_fr(13_800_000) == f"13,8{NNBSP}M€"
    assert euros_fr(30_000_000) == f"30{NNBSP}M€"
    assert euros_fr(950_000) == f"950{NNBSP}000{NNBSP}€"


def test_figures_with_units():
    assert figure_fr({"value": 54, "unit": "%"}) == f"54{NNBSP}%"
    assert figure_fr({"value": 197, "unit": None}) == "197"
    assert figure_fr({"value": 680, "unit": "jeunes"}) == "680 jeunes"


def test_validity_dates_in_french():
    assert month_fr("2022-12") == "décembre 2022"
    assert month_fr("2021-08") == "août 2021"
    assert month_fr("2022") == "2022"


def test_news_dates_as_precise_as_they_are_known():
    import datetime as _dt
    from types import SimpleNamespace
    from buildkit.french import published_fr, published_iso
    day = SimpleNamespace(date=_dt.datetime(2019, 9, 13, 9), date_precision="day")
    month = SimpleNamespace(date=_dt.datetime(2022, 11, 1), date_precision="month")
    year = SimpleNamespace(date=_dt.datetime(2022, 1, 1), date_precision="year")
    assert (published_fr(day), published_iso(day)) == ("13 septembre 2019", "2019-09-13T09:00:00")
    assert (published_fr(month), published_iso(month)) == ("novembre 2022", "2022-11")
    assert (published_fr(year), published_iso(year)) == ("2022", "2022")


def test_de_is_elided_before_a_vowel_and_takes_an_article_before_a_noun():
    from buildkit.french import site_of
    assert site_of("AKTO") == "Site d’AKTO"
    assert site_of("Adecco") == "Site d’Adecco"
    assert site_of("Humando") == "Site d’Humando"
    assert site_of("Michelin") == "Site de Michelin"
    assert site_of("Banque de France") == "Site de la Banque de France"
    assert site_of("Région Auvergne-Rhône-Alpes") == "Site de la Région Auvergne-Rhône-Alpes"
    assert site_of("France Travail") == "Site de France Travail"
