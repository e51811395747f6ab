"""iCalendar (RFC 5545) files of events, written with the icalendar library.

Times are local to Europe/Paris (DTSTART;TZID=Europe/Paris with its VTIMEZONE,
limited to the years the file needs); all-day events use DATE values with an
exclusive DTEND. DTSTAMP is the build's "today" at 00:00 UTC, never the wall
clock: two builds of one commit with one SOURCE_DATE_EPOCH give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event, Timezone

from buildkit.clock import TIMEZONE

from .timing import Timing

PRODID = "-//Hall 32//Site web//FR"


@dataclass(frozen=True)
class IcsEvent:
    """What a calendar entry needs, in plain values (built from a Pelican event)."""

    uid: str
    title: str
    summary: str
    timing: Timing
    location: str
    url: str  # absolute
    registration_url: str | None = None


def vevent(item: IcsEvent, dtstamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", dtstamp)
    timing = item.timing
    if timing.all_day:
        event.add("dtstart", timing.start.date())
        event.add("dtend", timing.last_day + dt.timedelta(days=1))  # exclusive
    else:
        event.add("dtstart", timing.start)
        if timing.end:
            event.add("dtend", timing.end)
    event.add("summary", item.title)
    lines = [item.summary, "", item.url]
    if item.registration_url:
        lines += ["", f"Inscription : {item.registration_url}"]
    event.add("description", "\n".join(lines))
    if item.location:
        event.add("location", item.location)
    event.add("url", item.url)
    return event


def calendar(items: list[IcsEvent], today: dt.datetime, name: str | None = None) -> bytes:
    """One VCALENDAR with a VEVENT per item (none: the VTIMEZONE alone, still valid)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", TIMEZONE.key)
    years = [today.year] if not items else []
    for item in items:
        years += [item.timing.start.year, item.timing.last_day.year]
    # The time zone's rules only for the years the file uses (short and stable).
    cal.add_component(Timezone.from_tzinfo(
        TIMEZONE, tzid=TIMEZONE.key, first_date=dt.date(min(years), 1, 1),
        last_date=dt.date(max(years) + 1, 1, 1)))
    dtstamp = dt.datetime.combine(today.date(), dt.time(0), tzinfo=dt.timezone.utc)  # the build's day
    for item in items:
        cal.add_component(vevent(item, dtstamp))
    return cal.to_ical()
