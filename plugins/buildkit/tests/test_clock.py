import datetime as dt

import pytest

from buildkit.clock import ClockError, local, nonexistent, now


def test_source_date_epoch_is_today_in_paris():
    moment = now({"SOURCE_DATE_EPOCH": "1782864000"})  # 2026-07-01 00:00 UTC
    assert moment.isoformat() == "2026-07-01T02:00:00+02:00"


def test_without_it_the_clock_is_used():
    before = dt.datetime.now(dt.timezone.utc)
    got = now({})
    assert before <= got <= dt.datetime.now(dt.timezone.utc)
    assert got.tzinfo is not None and got.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))


def test_a_bad_value_is_a_clear_error():
    with pytest.raises(ClockError, match="SOURCE_DATE_EPOCH « demain »"):
        now({"SOURCE_DATE_EPOCH": "demain"})


def test_content_times_are_paris_time_across_dst():
    assert local(dt.datetime(2026, 3, 28, 10)).utcoffset() == dt.timedelta(hours=1)
    assert local(dt.datetime(2026, 3, 30, 10)).utcoffset() == dt.timedelta(hours=2)


@pytest.mark.parametrize("raw, hint", [
    ("1733000000000", "millisecondes"),  # Date.now() in JavaScript: milliseconds
    ("-1", "1990 à 2100"),
    ("99999999999", "1990 à 2100"),  # year 5138
])
def test_source_date_epoch_outside_the_site_s_years_is_a_french_error(raw, hint):
    with pytest.raises(ClockError, match=hint):
        now({"SOURCE_DATE_EPOCH": raw})


def test_spring_gap_times_do_not_exist_and_autumn_fold_is_the_first_time():
    assert nonexistent(dt.datetime(2027, 3, 28, 2, 30))
    assert not nonexistent(dt.datetime(2027, 3, 28, 3, 0))
    assert not nonexistent(dt.datetime(2027, 3, 28, 1, 59))
    fold = local(dt.datetime(2027, 10, 31, 2, 30))  # happens twice: the first, summer time
    assert fold.utcoffset() == dt.timedelta(hours=2)
