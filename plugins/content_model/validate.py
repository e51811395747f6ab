"""Check one record (front matter or data entry) against its content type.

``validate(ctype, record, images_root)`` returns the cleaned values (defaults
filled in, dates parsed) and the list of every problem found, not only the
first. Messages are in French: editors read them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path

from buildkit import clock

from . import paths, rules, textrules, urls
from . import schema as s

# The shapes of single fields are in rules.py (the CMS applies the same ones); these
# two only parse what rules.PARTIAL_DATE and rules.MONTH let through.
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$")
MONTH_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


def _type_name(value) -> str:
    names = {bool: "un booléen (oui/non)", int: "un nombre", float: "un nombre",
             str: "un texte", list: "une liste", dict: "un ensemble de champs",
             type(None): "vide"}
    return names.get(type(value), type(value).__name__)


def _check_text(f: s.Field, value) -> tuple[object, str | None]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # `duration: 2` or `period: 2019` typed unquoted
    if not isinstance(value, str):
        return None, f"doit être un texte, pas {_type_name(value)}"
    value = value.strip()
    if f.required and not value:
        return None, "ne doit pas être vide"
    if f.max_length and len(value) > f.max_length:
        return None, f"trop long ({len(value)} caractères, {f.max_length} au plus)"
    # Which character, and bidirectional controls' balance (textrules: no pattern can say)
    chars = textrules.char_problem(textrules.MULTI_LINE if f.kind == s.TEXT
                                   else textrules.ONE_LINE, value)
    if chars:
        return None, chars
    for rule in rules.KIND_PATTERNS.get(f.kind, ()) if f.kind in (s.STRING, s.TEXT) else ():
        if not rule.match(value):
            return None, f"doit respecter la règle : {rule.message}"
    return value, None


def date_precision(value) -> str:
    """"day", or "month" / "year" for a reduced date ("2022-11", "2022") of a partial field."""
    text = str(value).strip()
    return "year" if len(text) == 4 else "month" if len(text) == 7 else "day"


def _check_datetime(value, partial: bool = False) -> tuple[object, str | None]:
    """Parse, then keep to clock.FIRST_YEAR..LAST_YEAR and to Paris times that exist."""
    when, error = _parse_datetime(value, partial)
    if error:
        return None, error
    if not clock.FIRST_YEAR <= when.year <= clock.LAST_YEAR:
        return None, (f"date « {value} » hors des années permises ({clock.FIRST_YEAR} à "
                      f"{clock.LAST_YEAR}) : vérifiez l'année")
    if clock.nonexistent(when):
        return None, (f"« {value} » n'existe pas à Paris : ce jour-là, les horloges passent de "
                      "2 h à 3 h (heure d'été) ; choisissez une heure avant 2 h ou à partir de 3 h")
    return when, None


def _parse_datetime(value, partial: bool = False) -> tuple[object, str | None]:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None), None
    if partial and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a year typed unquoted
    if partial and isinstance(value, str) and not rules.PARTIAL_DATE.match(value.strip()):
        return None, f"date « {value} » invalide : format attendu {rules.PARTIAL_DATE.message}"
    if partial and isinstance(value, str) and MONTH_RE.match(value.strip()):
        month, error = _check_month(value)
        if error:
            return None, "date " + error
        year, _, number = month.partition("-")
        return dt.datetime(int(year), int(number or 1), 1), None
    match = DATETIME_RE.match(str(value).strip()) if isinstance(value, str) else None
    if not match:
        expected = ("AAAA-MM-JJ HH:mm, ou AAAA-MM (mois) ou AAAA (année) si le jour n'est "
                    "pas connu") if partial else "AAAA-MM-JJ HH:mm"
        return None, f"date « {value} » invalide : format attendu {expected}"
    parts = [int(p) if p else 0 for p in match.groups()]
    try:
        return dt.datetime(*parts), None
    except ValueError as exc:
        return None, f"date « {value} » impossible ({exc})"


def _check_month(value) -> tuple[object, str | None]:
    """MONTH: "2022-12" or "2022" (a year typed unquoted is a number), kept as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not rules.MONTH.match(value.strip()):
        shape = MONTH_RE.match(value.strip()) if isinstance(value, str) else None
        if shape and shape[2] and not 1 <= int(shape[2]) <= 12:
            return None, f"« {value} » : le mois {shape[2]} n'existe pas (01 à 12)"
        return None, f"« {value} » invalide : format attendu {rules.MONTH.message}"
    if not clock.FIRST_YEAR <= int(value.strip()[:4]) <= clock.LAST_YEAR:
        return None, (f"« {value} » hors des années permises ({clock.FIRST_YEAR} à "
                      f"{clock.LAST_YEAR}) : vérifiez l'année")
    return value.strip(), None


def _check_url(value) -> tuple[object, str | None]:
    if not isinstance(value, str):
        return None, f"doit être une adresse web, pas {_type_name(value)}"
    problem = textrules.char_problem(textrules.NAME, value.strip())
    if problem:
        return None, problem
    if not rules.URL.match(value.strip()):
        return None, f"« {value} » n'est pas une adresse web valide ({rules.URL.message})"
    problem = urls.problem(value.strip())  # credentials, mixed-script host
    if problem:
        return None, problem
    return value.strip(), None


def _check_image(value, images_root: Path | None) -> tuple[object, str | None]:
    if not isinstance(value, str) or not value.strip():
        return None, f"doit être un chemin d'image, pas {_type_name(value)}"
    path = value.strip().lstrip("/")
    if not path.lower().endswith(paths.IMAGE_EXTENSIONS):
        return None, f"« {value} » n'est pas une image (jpg, png, webp, gif, svg)"
    parts = Path(path).parts
    if ".." in parts or parts[0] != paths.IMAGES_FOLDER:
        return None, f"« {value} » n'est pas dans le dossier {paths.IMAGES_FOLDER}/ du contenu"
    if images_root is not None:
        if not paths.inside(images_root / path, images_root / paths.IMAGES_FOLDER):
            return None, f"« {value} » est un lien symbolique vers un fichier hors du contenu : refusé"
        if not (images_root / path).is_file():
            return None, f"l'image « {value} » est introuvable"
    return path, None


def tel_uri(phone: str) -> str:
    """'04 73 00 00 00' -> 'tel:+33473000000' (RFC 3966 global number)."""
    digits = re.sub(r"[^\d+]", "", phone)
    return "tel:" + (digits if digits.startswith("+") else "+33" + digits[1:])


def _check_contact(f: s.Field, value) -> tuple[object, str | None]:
    """EMAIL and PHONE: one line of text of the right shape."""
    value, error = _check_text(f, value)
    if error or not value:
        return value, error
    if f.kind == s.EMAIL and not rules.EMAIL.match(value):
        return None, f"« {value} » n'est pas une adresse électronique ({rules.EMAIL.message})"
    if f.kind == s.PHONE and not rules.PHONE.match(value):
        return None, f"« {value} » n'est pas un numéro de téléphone ({rules.PHONE.message})"
    return value, None


def _check_choices(f: s.Field, value) -> tuple[object, str | None]:
    if not isinstance(value, list):
        return None, f"doit être une liste, pas {_type_name(value)}"
    wrong = [str(v) for v in value if v not in f.option_values]
    if wrong:
        return None, (f"« {', '.join(wrong)} » : valeur(s) non permise(s) "
                      f"({', '.join(f.option_values)})")
    if len(set(value)) != len(value):
        return None, "une valeur est citée deux fois"
    if f.max_items is not None and len(value) > f.max_items:
        return None, f"doit avoir au plus {f.max_items} éléments, pas {len(value)}"
    return list(value), None


def check_value(f: s.Field, value, images_root: Path | None = None):
    """Return (clean value, error message or None) for one field."""
    kind = f.kind
    if kind in (s.STRING, s.TEXT):
        return _check_text(f, value)
    if kind == s.SLUG:
        if not isinstance(value, str) or not rules.SLUG.match(value):
            return None, f"« {value} » n'est pas un identifiant valide ({rules.SLUG.message})"
        if len(value) > paths.MAX_NAME:
            return None, f"trop long ({len(value)} caractères, {paths.MAX_NAME} au plus)"
        return value, None
    if kind == s.DATETIME:
        return _check_datetime(value, f.partial)
    if kind == s.MONTH:
        return _check_month(value)
    if kind == s.BOOLEAN:
        if not isinstance(value, bool):
            return None, f"doit valoir true ou false, pas « {value} »"
        return value, None
    if kind == s.INTEGER:
        if isinstance(value, bool) or not isinstance(value, int):
            return None, f"doit être un nombre entier, pas « {value} »"
        return _check_range(f, value)
    if kind == s.NUMBER:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            isinstance(value, float) and not math.isfinite(value)
        ):
            return None, f"doit être un nombre, pas « {value} »"
        return _check_range(f, value)
    if kind == s.SELECT:
        if value not in f.option_values:
            return None, (f"« {value} » n'est pas une valeur permise "
                          f"({', '.join(f.option_values)})")
        return value, None
    if kind == s.URL:
        return _check_url(value)
    if kind in (s.EMAIL, s.PHONE):
        return _check_contact(f, value)
    if kind == s.CHOICES:
        return _check_choices(f, value)
    if kind == s.IMAGE:
        return _check_image(value, images_root)
    return _check_list(f, value, images_root)  # STRINGS, REFS, OBJECTS


def _check_range(f: s.Field, value) -> tuple[object, str | None]:
    if f.minimum is not None and value < f.minimum:
        if f.minimum == 0:
            return None, f"doit être positif ou nul, pas « {value} »"
        return None, f"doit valoir au moins {f.minimum:g}, pas « {value} »"
    if f.maximum is not None and value > f.maximum:
        return None, f"doit valoir au plus {f.maximum:g}, pas « {value} »"
    return value, None


def check_unit_maxima(fields, record: dict, unit=None) -> list[Problem]:
    """Maxima that depend on the unit (``Field.unit_maximum``: a share in % is at most
    100), the unit being the entry's ``unit`` or that of the entry holding the list.
    Reads the raw record, so that every item is checked even when another is wrong."""
    own = record.get("unit")
    unit = own.strip() if isinstance(own, str) and own.strip() else unit
    problems = []
    for f in fields:
        value = record.get(f.name)
        limit = dict(f.unit_maximum).get(unit)
        if (limit is not None and isinstance(value, (int, float)) and not isinstance(value, bool)
                and math.isfinite(value) and value > limit):
            problems.append(Problem(f.name, f"doit valoir au plus {limit:g} avec "
                                            f"l'unité « {unit} », pas « {value} »"))
        if f.kind == s.OBJECTS and isinstance(value, list):
            for i, item in enumerate(value, 1):
                if isinstance(item, dict):
                    problems.extend(Problem(f.name, f"élément {i} : {p}")
                                    for p in check_unit_maxima(f.fields, item, unit))
    return problems


def _check_list(f: s.Field, value, images_root):
    if not isinstance(value, list):
        return None, f"doit être une liste, pas {_type_name(value)}"
    if len(value) < f.min_items:
        return None, f"doit avoir au moins {f.min_items} élément(s)"
    if f.max_items is not None and len(value) > f.max_items:
        return None, f"doit avoir au plus {f.max_items} éléments, pas {len(value)}"
    clean, errors = [], []
    for i, item in enumerate(value, 1):
        if f.kind == s.OBJECTS:
            if not isinstance(item, dict):
                errors.append(f"élément {i} : doit être un ensemble de champs")
                continue
            values, problems = check_fields(f.fields, item, images_root)
            errors.extend(f"élément {i} : {p}" for p in problems)
            clean.append(values)
            continue
        item_field = s.Field(f.name, s.SLUG if f.kind == s.REFS else s.STRING, f.label)
        v, err = check_value(item_field, item, images_root)
        if err:
            errors.append(f"élément {i} : {err}")
        clean.append(v)
    if f.kind == s.REFS:
        dupes = sorted({v for v in clean if v and clean.count(v) > 1})
        errors.extend(f"« {d} » est cité deux fois" for d in dupes)
    return (None, " ; ".join(errors)) if errors else (clean, None)


def check_fields(fields, record: dict, images_root=None) -> tuple[dict, list[Problem]]:
    """Validate ``record`` against ``fields``: unknown, missing and bad values."""
    known = {f.name: f for f in fields}
    problems = [
        Problem(str(name), "champ inconnu (champs permis : " + ", ".join(known) + ")")
        for name in record
        if name not in known
    ]
    values = {}
    for f in fields:
        raw = record.get(f.name)
        if raw is None or raw == "" or raw == []:
            if f.required:
                problems.append(Problem(f.name, "champ obligatoire manquant"))
            values[f.name] = list(f.default) if isinstance(f.default, tuple) else f.default
            continue
        value, error = check_value(f, raw, images_root)
        if error:
            problems.append(Problem(f.name, error))
        values[f.name] = value
    return values, problems


def validate(ctype: s.ContentType, record, images_root: Path | None = None):
    """Validate one record of ``ctype``; return (values, problems)."""
    if not isinstance(record, dict):
        return {}, [Problem("", "l'en-tête doit être une liste de champs « nom: valeur »")]
    values, problems = check_fields(ctype.fields, record, images_root)
    problems += check_unit_maxima(ctype.fields, record)
    for f in ctype.fields:  # French labels of select values, for templates
        if f.kind == s.SELECT and values.get(f.name) is not None:
            values[f.name + "_label"] = f.option_label(values[f.name])
        if f.kind == s.CHOICES and values.get(f.name) is not None:
            values[f.name + "_labels"] = [f.option_label(v) for v in values[f.name]]
        if f.kind == s.DATETIME and f.partial and values.get(f.name) is not None:
            values[f.name + "_precision"] = date_precision(record[f.name])  # news: date_precision
    for requirement in rules.requirements_for(ctype.fields):
        if requirement.broken(record):
            problems.append(Problem(requirement.then, requirement.message))
    return values, problems
