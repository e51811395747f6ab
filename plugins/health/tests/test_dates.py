"""The report's dates and hours come from buildkit.french: « 1er », « 9 h 30 »."""

import datetime as dt

from health.dates import day, moment, month_label


def test_report_dates_and_hours_in_french():
    assert day(dt.date(2027, 3, 1)) == "1er mars 2027"
    assert moment(dt.datetime(2027, 1, 3, 9, 30)) == "3 janvier 2027 à 9\u00a0h\u00a030"
    assert moment(dt.datetime(2027, 3, 1, 14)) == "1er mars 2027 à 14\u00a0h"
    assert month_label("2022-12") == "décembre 2022"
