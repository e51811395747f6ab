"""French formatting of dates, hours, numbers and names, with Babel (never the OS locale): pure functions."""

from __future__ import annotations

import datetime as dt
import functools
from itertools import groupby

from babel.dates import format_date, tokenize_pattern
from babel.numbers import format_decimal

LOCALE = "fr_FR"
NNBSP = "\u202f"  # narrow no-break space: French thousands separator, before % and €
NBSP = "\u00a0"  # no-break space: inside an hour (10 h 30)


@functools.lru_cache(maxsize=8192)  # pages repeat dates
def date_fr(value, fmt: str = "d MMMM y") -> str:
    """13 septembre 2019, 1er mars 2026, samedi 1er mars 2026 (``fmt``: a CLDR pattern).

    CLDR writes the first day of a month "1"; French writes "1er", wherever the day is in
    the pattern."""
    if value.day == 1:
        fmt = _first_of_month(fmt)
    return format_date(value, fmt, locale=LOCALE)


def _first_of_month(fmt: str) -> str:
    """The CLDR pattern with its day field "d" written "1er" (Babel's untokenize_pattern
    garbles literal text next to literal text: literal runs are joined, then quoted)."""
    parts = []
    for literal, tokens in groupby(tokenize_pattern(fmt), lambda t: t[0] != "field" or t[1] == ("d", 1)):
        if literal:
            text = "".join("1er" if kind == "field" else value for kind, value in tokens)
            parts.append("'" + text.replace("'", "''") + "'" if text else "")
        else:
            parts += [value[0] * value[1] for _, value in tokens]
    return "".join(parts)


def hour_fr(value: dt.datetime | dt.time) -> str:
    """9 h, 10 h 30 (no-break spaces keep the hour on one line)."""
    text = f"{value.hour}{NBSP}h"
    return text + (f"{NBSP}{value.minute:02d}" if value.minute else "")


def number_fr(value) -> str:
    """1 800 (narrow no-break space), 13,8."""
    return format_decimal(value, locale=LOCALE)


def figure_fr(figure) -> str:
    """A key figure with its unit: 54 %, 30 M€, 197 élèves."""
    unit = figure.get("unit") or ""
    number = number_fr(figure["value"])
    if not unit:
        return number
    return f"{number}{NNBSP if unit in ('%', 'M€', '€') else ' '}{unit}"


def euros_fr(amount) -> str:
    """13800000 -> 13,8 M€ ; 950000 -> 950 000 €."""
    if amount >= 1_000_000:
        return f"{format_decimal(amount / 1_000_000, '#,##0.#', locale=LOCALE)}{NNBSP}M€"
    return f"{number_fr(amount)}{NNBSP}€"


def month_fr(value: str) -> str:
    """A validity date (schema kind MONTH): "2022-12" -> "décembre 2022", "2022" -> "2022"."""
    year, _, month = str(value).partition("-")
    return format_date(dt.date(int(year), int(month), 1), "MMMM y", locale=LOCALE) if month else year


def published_fr(item) -> str:
    """A news date shown as precisely as it is known: "13 septembre 2019", "novembre 2022",
    "2022" (schema: the news date is partial; `date_precision` says how much is known)."""
    precision = getattr(item, "date_precision", "day")
    if precision == "year":
        return f"{item.date:%Y}"
    if precision == "month":
        return format_date(item.date, "MMMM y", locale=LOCALE)
    return date_fr(item.date)


def published_iso(item) -> str:
    """The same date for <time datetime> and JSON-LD: 2019-09-13T09:00:00, 2022-11, 2022."""
    precision = getattr(item, "date_precision", "day")
    if precision == "year":
        return f"{item.date:%Y}"
    if precision == "month":
        return f"{item.date:%Y-%m}"
    return item.date.isoformat()


# Names that are feminine common nouns take their article: « de la Banque de France ».
FEMININE_NAMES = ("Banque", "Région", "Mission", "Chambre")
VOWELS = "AÂÀEÉÈÊËIÎÏOÔUÙÛYaâàeéèêëiîïoôuùûyHh"


def de_fr(name: str) -> str:
    """« de » before a name, elided or with its article: d’AKTO, de Michelin, de la Banque de
    France, d’Humando (a mute h, as the partners' names have)."""
    name = str(name)
    if name.split(" ", 1)[0] in FEMININE_NAMES:
        return f"de la {name}"
    return f"d’{name}" if name[:1] in VOWELS else f"de {name}"


def site_of(name: str) -> str:
    """A partner's link text: « Site d’AKTO », « Site de la Région Auvergne-Rhône-Alpes »."""
    return f"Site {de_fr(name)}"
