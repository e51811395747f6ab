"""When an event takes place, in French and in ISO 8601.

Paris times, all-day events and upcoming or past: buildkit.event_time.EventTime, the
rule the health report applies too.
"""

from __future__ import annotations

import datetime as dt

from buildkit.event_time import EventTime
from buildkit.french import date_fr, hour_fr


class Timing(EventTime):
    """EventTime worded in French and ISO 8601 (its fields and rule unchanged)."""

    def text(self) -> str:
        """« samedi 14 mars 2026 de 9 h à 12 h 30 », « du … au … », « … à 14 h »."""
        first, last = self.start.date(), self.last_day
        if self.all_day:
            return day(first) if first == last else f"du {day(first)} au {day(last)}"
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
