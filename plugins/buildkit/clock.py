"""The build's "today": one input, like the content.

``now()`` is SOURCE_DATE_EPOCH (the reproducible-builds convention: seconds since
1970-01-01 UTC) when it is set, else the clock, as an aware datetime in the
site's time zone (Europe/Paris). Whatever depends on time (upcoming or past
events, scheduled news, stale content) asks here, so that two builds of one
commit with one SOURCE_DATE_EPOCH are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("Europe/Paris")


class ClockError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a number of seconds."""


def now(environ=os.environ) -> dt.datetime:
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return dt.datetime.now(TIMEZONE)
    try:
        seconds = int(raw)
    except ValueError:
        raise ClockError(f"SOURCE_DATE_EPOCH « {raw} » n'est pas un nombre de secondes") from None
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).astimezone(TIMEZONE)


def local(naive: dt.datetime) -> dt.datetime:
    """A naive "YYYY-MM-DD HH:mm" of the content, read as Paris time."""
    return naive.replace(tzinfo=TIMEZONE) if naive.tzinfo is None else naive.astimezone(TIMEZONE)
