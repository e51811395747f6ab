"""Events (événements): one page and one .ics file each, a listing and an iCalendar feed."""

from .events import register  # noqa: F401
