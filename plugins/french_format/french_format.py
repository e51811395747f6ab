"""french_format: Jinja filters that format dates and numbers in French with Babel.

Signal generator_init adds the filters to every generator's Jinja environment,
so templates never depend on the machine's locale (none is installed on CI).

Filters: date_fr, datetime_iso, number_fr, figure_fr, euros_fr, month_fr, tel_uri (a phone
number of the content as a tel: link), published_fr and published_iso (a news date, as
precisely as it is known), de_fr and site_of (« d’AKTO », « de la Banque de France »).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal
from pelican import signals

from content_model.validate import tel_uri

LOCALE = "fr_FR"
NNBSP = "\u202f"  # narrow no-break space, French thousands separator


def date_fr(value, fmt: str = "d MMMM y") -> str:
    """13 septembre 2019 (``fmt`` is a CLDR pattern)."""
    text = format_date(value, fmt, locale=LOCALE)
    # CLDR writes the first day of a month as "1"; French usage is "1er".
    if fmt.startswith("d ") and text.startswith("1 "):
        text = "1er " + text[2:]
    return text


def datetime_iso(value) -> str:
    return value.isoformat()


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


FILTERS = {
    "de_fr": de_fr,
    "site_of": site_of,
    "published_fr": published_fr,
    "published_iso": published_iso,
    "date_fr": date_fr,
    "datetime_iso": datetime_iso,
    "number_fr": number_fr,
    "figure_fr": figure_fr,
    "euros_fr": euros_fr,
    "month_fr": month_fr,
    "tel_uri": tel_uri,
}


def add_filters(generator) -> None:
    generator.env.filters.update(FILTERS)


def typeset_site(pelican) -> None:
    """French typography of every written page (typeset.py), once all are written: the
    search index was built from the raw text before."""
    from .typeset import typeset_output
    typeset_output(Path(pelican.output_path))


def register():
    # Every generator's Jinja environment gets the French filters.
    signals.generator_init.connect(add_filters)
    signals.finalized.connect(typeset_site)
