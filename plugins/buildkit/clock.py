"""The build's "today": one input, like the content.

``now()`` is SOURCE_DATE_EPOCH (seconds) when it is set, else the clock, as an aware datetime
in Europe/Paris. Whatever depends on time asks here, so that two builds of one commit with
one SOURCE_DATE_EPOCH are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("Europe/Paris")
# Every date of the site, and the build's today, is in these years (validate.py refuses
# a date outside them: a typo such as 9999 or 0202, or milliseconds for seconds).
FIRST_YEAR, LAST_YEAR = 1990, 2100


class ClockError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a number of seconds in FIRST_YEAR..LAST_YEAR."""


def _epoch(year: int) -> int:
    return int(dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc).timestamp())


def now(environ=os.environ) -> dt.datetime:
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return dt.datetime.now(TIMEZONE)
    try:
        seconds = int(raw)
    except ValueError:
        raise ClockError(f"SOURCE_DATE_EPOCH « {raw} » n'est pas un nombre de secondes") from None
    if not _epoch(FIRST_YEAR) <= seconds < _epoch(LAST_YEAR + 1):
        hint = (" : on dirait des millisecondes, donnez des secondes (divisez par 1000)"
                if _epoch(FIRST_YEAR) <= seconds // 1000 < _epoch(LAST_YEAR + 1) else "")
        raise ClockError(f"SOURCE_DATE_EPOCH « {raw} » hors des années {FIRST_YEAR} à "
                         f"{LAST_YEAR} (secondes depuis le 1er janvier 1970){hint}")
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).astimezone(TIMEZONE)


def local(naive: dt.datetime) -> dt.datetime:
    """A naive "YYYY-MM-DD HH:mm" of the content, read as Paris time. A time of the
    autumn fold (02:30 happens twice) is the first one, summer time (``fold=0``: RFC 5545's
    rule for a TZID time, which the .ics files use); a time in the spring gap is refused
    by ``validate`` (``nonexistent``), so never reaches here."""
    return naive.replace(tzinfo=TIMEZONE) if naive.tzinfo is None else naive.astimezone(TIMEZONE)


def nonexistent(naive: dt.datetime) -> bool:
    """Whether the Paris wall time ``naive`` is skipped when clocks go forward."""
    aware = naive.replace(tzinfo=TIMEZONE)
    return aware.astimezone(dt.timezone.utc).astimezone(TIMEZONE).replace(tzinfo=None) != naive
