"""The .ics files are RFC 5545 calendars: parsed back with the icalendar library,
they carry the Paris times of the content, a VTIMEZONE, UID and DTSTAMP."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar

from events.ics import IcsEvent, calendar
from events.timing import Timing

PARIS = ZoneInfo("Europe/Paris")
TODAY = dt.datetime(2026, 2, 1, 15, 30, tzinfo=PARIS)


def item(start, end=None, slug="portes-ouvertes", **extra) -> IcsEvent:
    return IcsEvent(uid=f"evenement-2026-{slug}@www.hall32.fr", title="Journée portes ouvertes",
                    summary="Visite des ateliers ; questions, réponses.", timing=Timing.of(start, end),
                    location="Hall 32, 32 rue du Clos Four, Clermont-Ferrand",
                    url=f"https://www.hall32.fr/evenements/2026/{slug}/", **extra)


def parse(data: bytes) -> Calendar:
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # CRLF lines only
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded lines
    return Calendar.from_ical(data)


def test_times_across_a_dst_change_are_paris_times():
    # Summer time starts in Paris on Sunday 29 March 2026 at 2:00.
    cal = parse(calendar([item(dt.datetime(2026, 3, 28, 10), dt.datetime(2026, 3, 29, 12, 30))], TODAY))
    [event] = cal.events
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == dt.datetime(2026, 3, 28, 10, tzinfo=PARIS)
    assert end == dt.datetime(2026, 3, 29, 12, 30, tzinfo=PARIS)
    assert start.utcoffset() == dt.timedelta(hours=1) and end.utcoffset() == dt.timedelta(hours=2)
    assert end.astimezone(dt.timezone.utc) == dt.datetime(2026, 3, 29, 10, 30, tzinfo=dt.timezone.utc)
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    # The VTIMEZONE the TZID names is in the file, with both offsets of that year.
    [tz] = cal.timezones
    assert tz["tzid"] == "Europe/Paris"
    offsets = {sub.decoded("tzoffsetto") for sub in tz.subcomponents}
    assert {dt.timedelta(hours=1), dt.timedelta(hours=2)} <= offsets


def test_end_of_summer_time_too():
    # Back to winter time on Sunday 25 October 2026 at 3:00.
    cal = parse(calendar([item(dt.datetime(2026, 10, 24, 18), dt.datetime(2026, 10, 25, 18))], TODAY))
    [event] = cal.events
    assert event.decoded("dtstart").utcoffset() == dt.timedelta(hours=2)
    assert event.decoded("dtend").utcoffset() == dt.timedelta(hours=1)


def test_required_properties_and_text():
    cal = parse(calendar([item(dt.datetime(2026, 3, 14, 9), dt.datetime(2026, 3, 14, 12),
                               registration_url="https://example.org/inscription")], TODAY))
    assert cal["version"] == "2.0" and cal["prodid"]
    [event] = cal.events
    assert event["uid"] == "evenement-2026-portes-ouvertes@www.hall32.fr"
    # DTSTAMP is the build's day, never the wall clock.
    assert event.decoded("dtstamp") == dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc)
    assert event["summary"] == "Journée portes ouvertes"
    assert event["location"] == "Hall 32, 32 rue du Clos Four, Clermont-Ferrand"
    assert "Visite des ateliers ; questions, réponses." in event["description"]
    assert "https://example.org/inscription" in event["description"]
    assert event["url"] == "https://www.hall32.fr/evenements/2026/portes-ouvertes/"


def test_all_day_events_are_dates_with_an_exclusive_end():
    cal = parse(calendar([item(dt.datetime(2026, 1, 15), dt.datetime(2026, 1, 17))], TODAY))
    [event] = cal.events
    assert event.decoded("dtstart") == dt.date(2026, 1, 15)
    assert event.decoded("dtend") == dt.date(2026, 1, 18)
    assert not isinstance(event.decoded("dtstart"), dt.datetime)


def test_an_event_without_end_has_no_dtend():
    [event] = parse(calendar([item(dt.datetime(2026, 3, 14, 14))], TODAY)).events
    assert "dtend" not in event


def test_feed_of_several_events_and_an_empty_feed_are_valid():
    feed = parse(calendar([item(dt.datetime(2026, 3, 14, 9), slug="a"),
                           item(dt.datetime(2027, 1, 9, 9), slug="b")], TODAY, "Hall 32"))
    assert [str(e["uid"]) for e in feed.events] == ["evenement-2026-a@www.hall32.fr",
                                                    "evenement-2026-b@www.hall32.fr"]
    assert feed["x-wr-calname"] == "Hall 32"
    empty = parse(calendar([], TODAY, "Hall 32"))
    assert empty.events == [] and len(empty.timezones) == 1  # one component: still RFC 5545


def test_same_input_same_bytes_whatever_the_time_of_day():
    events = [item(dt.datetime(2026, 3, 28, 10), dt.datetime(2026, 3, 29, 12, 30))]
    later = TODAY.replace(hour=23, minute=59)
    assert calendar(events, TODAY, "Hall 32") == calendar(events, later, "Hall 32")
