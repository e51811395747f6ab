import datetime as dt

import pytest

from buildkit.clock import ClockError, local, now


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
