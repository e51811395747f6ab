"""When an event takes place: Paris times, all-day events, upcoming or past, in French.

The content gives naive "YYYY-MM-DD HH:mm" values, Paris time (the schema's
DATETIME). An event typed without a time (start at 00:00, end at 00:00 or none)
lasts whole days. An event is upcoming until it ends: at its end, else at the
end of the day it starts (an open day with a start time only is still on at noon).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from buildkit.clock import local
from buildkit.french import date_fr, hour_fr

MIDNIGHT = dt.time(0, 0)


@dataclass(frozen=True)
class Timing:
    start: dt.datetime  # aware, Europe/Paris
    end: dt.datetime | None  # aware, Europe/Paris; None when the content gives none
    all_day: bool

    @classmethod
    def of(cls, start: dt.datetime, end: dt.datetime | None = None) -> "Timing":
        all_day = start.time() == MIDNIGHT and (end is None or end.time() == MIDNIGHT)
        return cls(local(start), local(end) if end else None, all_day)

    @property
    def finishes(self) -> dt.datetime:
        """The moment the event is over (past from then on)."""
        if self.end and not self.all_day:
            return self.end
        last_day = (self.end or self.start).date()
        return local(dt.datetime.combine(last_day + dt.timedelta(days=1), MIDNIGHT))

    def upcoming(self, now: dt.datetime) -> bool:
        return now < self.finishes

    @property
    def last_day(self) -> dt.date:
        return (self.end or self.start).date()

    def text(self) -> str:
        """« samedi 14 mars 2026 de 9 h à 12 h 30 », « du … au … », « … à 14 h »."""
        first, last = self.start.date(), self.last_day
        if self.all_day:
            if first == last:
                return day(first)
            return f"du {day(first)} au {day(last)}"
        if self.end is None:
            return f"{day(first)} à {hour_fr(self.start)}"
        if first == last:
            return f"{day(first)} de {hour_fr(self.start)} à {hour_fr(self.end)}"
        return f"du {day(first)} à {hour_fr(self.start)} au {day(last)} à {hour_fr(self.end)}"

    def iso(self) -> tuple[str, str | None]:
        """(start, end) for <time datetime> and JSON-LD: dates alone for all-day events."""
        if self.all_day:
            return self.start.date().isoformat(), (self.end.date().isoformat() if self.end else None)
        return self.start.isoformat(), (self.end.isoformat() if self.end else None)


def day(date: dt.date) -> str:
    """samedi 1er mars 2026."""
    return date_fr(date, "EEEE d MMMM y")
