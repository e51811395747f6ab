"""When an event is on: Paris times, all-day events, upcoming until it ends, French text."""

from __future__ import annotations

import datetime as dt

import pytest

from buildkit.clock import TIMEZONE, now
from events.events import for_audiences
from events.timing import Timing


def paris(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=TIMEZONE)


def at_epoch(moment: dt.datetime) -> dt.datetime:
    """The build's "today" as SOURCE_DATE_EPOCH gives it."""
    return now({"SOURCE_DATE_EPOCH": str(int(moment.timestamp()))})


def test_content_times_are_paris_times_on_both_sides_of_a_dst_change():
    timing = Timing.of(dt.datetime(2026, 3, 28, 10), dt.datetime(2026, 3, 29, 12, 30))
    assert timing.start.utcoffset() == dt.timedelta(hours=1)  # CET
    assert timing.end.utcoffset() == dt.timedelta(hours=2)  # CEST
    assert timing.iso() == ("2026-03-28T10:00:00+01:00", "2026-03-29T12:30:00+02:00")
    assert not timing.all_day


@pytest.mark.parametrize("start, end, text", [
    ((2026, 3, 14, 9), (2026, 3, 14, 12, 30), "samedi 14 mars 2026 de 9\u00a0h à 12\u00a0h\u00a030"),
    ((2026, 3, 14, 14), None, "samedi 14 mars 2026 à 14\u00a0h"),
    ((2026, 3, 1), None, "dimanche 1er mars 2026"),
    ((2026, 1, 15), (2026, 1, 17), "du jeudi 15 janvier 2026 au samedi 17 janvier 2026"),
    ((2026, 3, 13, 9), (2026, 3, 14, 17), "du vendredi 13 mars 2026 à 9\u00a0h au samedi 14 mars 2026 à 17\u00a0h"),
])
def test_french_text(start, end, text):
    timing = Timing.of(dt.datetime(*start), dt.datetime(*end) if end else None)
    assert timing.text() == text


def test_an_event_is_upcoming_until_it_ends():
    timing = Timing.of(dt.datetime(2026, 3, 14, 9), dt.datetime(2026, 3, 14, 12))
    assert timing.upcoming(at_epoch(paris(2026, 3, 14, 11, 59)))
    assert not timing.upcoming(at_epoch(paris(2026, 3, 14, 12, 0)))


def test_without_an_end_it_is_on_until_the_end_of_its_day():
    timing = Timing.of(dt.datetime(2026, 3, 14, 9))
    assert timing.upcoming(at_epoch(paris(2026, 3, 14, 23, 59)))
    assert not timing.upcoming(at_epoch(paris(2026, 3, 15, 0, 0)))


def test_an_all_day_event_ends_at_midnight_after_its_last_day():
    timing = Timing.of(dt.datetime(2026, 1, 15), dt.datetime(2026, 1, 17))
    assert timing.all_day
    assert timing.iso() == ("2026-01-15", "2026-01-17")
    assert timing.upcoming(at_epoch(paris(2026, 1, 17, 23, 0)))
    assert not timing.upcoming(at_epoch(paris(2026, 1, 18, 0, 0)))


def test_an_event_at_midnight_with_an_end_time_is_not_all_day():
    assert not Timing.of(dt.datetime(2026, 1, 15), dt.datetime(2026, 1, 15, 2)).all_day


class _Event:
    def __init__(self, name, audiences):
        self.name, self.audiences = name, audiences


def test_events_for_audiences_include_those_for_everyone():
    events = [_Event("parents", ["parents"]), _Event("tous", []),
              _Event("entreprises", ["entreprises"])]
    assert [e.name for e in for_audiences(events, ["parents", "jeunes"])] == ["parents", "tous"]
    assert [e.name for e in for_audiences(events, ["entreprises"])] == ["tous", "entreprises"]
