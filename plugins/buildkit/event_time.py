"""When an event is over: the one rule for "upcoming or past" (events pages, health report).

The content gives naive "YYYY-MM-DD HH:mm" values, Paris time (the schema's DATETIME).
An event typed without a time (start at 00:00, end at 00:00 or none) lasts whole
days. An event is upcoming until it ends: at its end, else at the end of the day it
starts (an open day with a start time only is still on at noon). ``now`` is the
build's today, buildkit.clock.now().
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .clock import local

MIDNIGHT = dt.time(0, 0)


@dataclass(frozen=True)
class EventTime:
    start: dt.datetime  # aware, Europe/Paris
    end: dt.datetime | None  # aware, Europe/Paris; None when the content gives none
    all_day: bool

    @classmethod
    def of(cls, start: dt.datetime, end: dt.datetime | None = None):
        all_day = start.time() == MIDNIGHT and (end is None or end.time() == MIDNIGHT)
        return cls(local(start), local(end) if end else None, all_day)

    @property
    def last_day(self) -> dt.date:
        return (self.end or self.start).date()

    @property
    def finishes(self) -> dt.datetime:
        """The moment the event is over (past from then on)."""
        if self.end and not self.all_day:
            return self.end
        return local(dt.datetime.combine(self.last_day + dt.timedelta(days=1), MIDNIGHT))

    def upcoming(self, now: dt.datetime) -> bool:
        return now < self.finishes
