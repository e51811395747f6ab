"""Dates in the report: French labels (buildkit.french, Babel) and ages in months."""

from __future__ import annotations

import datetime as dt

from buildkit.french import date_fr, hour_fr, month_fr


def month_index(value) -> int:
    """Months since year 0: a date, or a validity date "2022-12" / "2022" (a year
    counts from its last month, so nothing is called stale before its time)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year * 12 + value.month
    year, _, month = str(value).partition("-")
    return int(year) * 12 + (int(month) if month else 12)


def age(value, today: dt.datetime) -> str:
    """« il y a 3 ans et 11 mois », « il y a 8 mois », « ce mois-ci »."""
    months = month_index(today) - month_index(value)
    if months <= 0:
        return "ce mois-ci"
    years, rest = divmod(months, 12)
    parts = ([f"{years} an{'s' if years > 1 else ''}"] if years else []) + ([f"{rest} mois"] if rest else [])
    return "il y a " + " et ".join(parts)


def day(value: dt.date) -> str:
    """7 décembre 2022, 1er mars 2027."""
    return date_fr(value)


def moment(value: dt.datetime) -> str:
    """3 janvier 2027 à 9 h 30 (Paris time, as typed)."""
    return f"{date_fr(value)} à {hour_fr(value)}"


def month_label(value: str) -> str:
    """décembre 2022, 2022."""
    return month_fr(value)
