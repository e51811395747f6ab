"""The rules on one field, declared once as data: the build and the CMS apply the same ones.

A ``Pattern`` is run by ``validate.py`` (``fullmatch``) and written into Decap's config by
``cms_config``; its constructor refuses the regular-expression syntax that Python and
JavaScript read differently. A ``Requirement`` (a field required when another is set) is
checked by ``validate.validate`` and, in the CMS, by ``admin-rules.js``. How: docs/cms.md.

To add a rule: declare a Pattern here and add it to ``KIND_PATTERNS`` (every field of a
kind) or return it from ``field_patterns``; or add a Requirement to ``REQUIREMENTS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import model as m
from . import textrules

# What Python's str.isspace() and str.strip() count as space, written out so that Python
# and JavaScript agree (their \s differ: \x1c-\x1f and \x85 for Python, \ufeff for JS).
SPACE = " \\t\\n\\r\\f\\v\\x1c-\\x1f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"


@dataclass(frozen=True)
class Pattern:
    name: str
    source: str  # "^…$", read alike by Python re and JavaScript RegExp
    message: str  # French, what is expected: Decap shows it, the build quotes it
    compiled: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if not (self.source.startswith("^") and self.source.endswith("$")):
            raise ValueError(f"{self.name}: a pattern is anchored, ^…$")
        bare = self.source.replace("[\\s\\S]", "")  # "any character" in both
        for unsafe in ("\\d", "\\D", "\\s", "\\S", "\\w", "\\W", "\\b", "(?P", "(?i", "\\Z", "\\A"):
            if unsafe in bare:
                raise ValueError(f"{self.name}: {unsafe} differs between Python and JavaScript")
        object.__setattr__(self, "compiled", re.compile(self.source))

    def match(self, value: str) -> bool:
        return self.compiled.fullmatch(value) is not None


def combine(patterns: list[Pattern]) -> list[str] | None:
    """Decap's one ``pattern`` of a field: every rule as a lookahead, messages joined into
    the sentence Decap shows after « Le champ X ne correspond pas au schéma: »."""
    if not patterns:
        return None
    message = " ; ".join(p.message for p in patterns)
    message = message[0].upper() + message[1:]  # Decap adds the full stop
    if len(patterns) == 1:
        return [patterns[0].source, message]
    source = "^" + "".join(f"(?={p.source[1:]})" for p in patterns) + "[\\s\\S]*$"
    return [source, message]


SLUG = Pattern("slug", "^[a-z0-9]+(-[a-z0-9]+)*$",
               "minuscules sans accents, chiffres et tirets uniquement")
EMAIL = Pattern("email", "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$",
                "adresse électronique de la forme nom@domaine.fr, lettres sans accents")
# A French number (10 digits from 0) or an international one (+ and 8 to 15 digits),
# with spaces, dots or hyphens between digits.
PHONE = Pattern("phone", "^(0[1-9]([ .-]?[0-9]){8}|\\+[1-9]([ .-]?[0-9]){7,14})$",
                "10 chiffres commençant par 0, ou + et l'indicatif du pays")
URL = Pattern("url", f"^https?://[^{SPACE}/?#]+([/?#][^{SPACE}]*)?$",
              "adresse complète en http:// ou https://, sans espace")
MONTH = Pattern("month", "^(199[0-9]|20[0-9]{2}|2100)(-(0[1-9]|1[0-2]))?$",
                "mois AAAA-MM (2022-12) ou année AAAA (2022)")
# The news date: known to the minute (ISO 2022-11-20T10:30:00 too), the day, the month or the
# year, in buildkit.clock's years. An impossible day (2022-02-30) passes; the build refuses it.
PARTIAL_DATE = Pattern(
    "partial-date",
    "^(199[0-9]|20[0-9]{2}|2100)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])"
    "([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)?)?)?$",
    "AAAA-MM-JJ HH:mm (2022-11-20 10:30), AAAA-MM-JJ, mois AAAA-MM (2022-11) ou année AAAA (2022)")
NOT_BLANK = Pattern("not-blank", f"^[\\s\\S]*[^{SPACE}][\\s\\S]*$", "pas seulement des espaces")
ONE_LINE = Pattern("one-line", "^[^\\n\\r]*$", "une seule ligne")
# A tag as HTML reads one: « < » then a letter, « / » or « ! » (« a < b et c > d » is text).
# Plain-text fields are escaped on the pages; a tag there is a paste from a web page.
NO_TAG = Pattern("no-tag", "^(?![\\s\\S]*</?[a-zA-Z!][^<>]*>)[\\s\\S]*$", "sans balise HTML")


def max_length(limit: int) -> Pattern:
    return Pattern(f"max-length-{limit}", f"^[\\s\\S]{{0,{limit}}}$", f"{limit} caractères au plus")


# Characters a reader never means (textrules.py: controls, separators, invisible ones); the
# build words which character it found, and also checks bidirectional controls' balance.
CHARS = {kind: Pattern(f"chars-{kind}", rule.js_pattern, rule.expected)
         for kind, rule in textrules.RULES_BY_KIND.items()}

# Rules on every field of a kind (helpers add theirs here: one-line text, URLs…).
KIND_PATTERNS: dict[str, list[Pattern]] = {
    m.STRING: [ONE_LINE, CHARS[textrules.ONE_LINE], NO_TAG],
    m.TEXT: [CHARS[textrules.MULTI_LINE], NO_TAG],
    m.SLUG: [SLUG],
    m.EMAIL: [EMAIL],
    m.PHONE: [PHONE],
    m.URL: [URL, CHARS[textrules.NAME]],
    m.MONTH: [MONTH],
}


def field_patterns(f: m.Field) -> list[Pattern]:
    """Every pattern a value of ``f`` must match (a text kept as typed, before trimming)."""
    if f.kind == m.DATETIME:
        return [PARTIAL_DATE] if f.partial else []  # the datetime widget writes whole dates
    patterns = list(KIND_PATTERNS.get(f.kind, ()))
    if f.kind in (m.STRING, m.TEXT) and f.required:
        patterns.insert(0, NOT_BLANK)
    if f.kind in (m.STRING, m.TEXT) and f.max_length:
        patterns.append(max_length(f.max_length))
    return patterns


@dataclass(frozen=True)
class Requirement:
    """``then`` is required when ``when`` is set (not empty, not false), in any type that
    has both fields."""

    when: str
    then: str
    message: str  # French, said by the build and by the CMS

    def applies(self, fields) -> bool:
        names = {f.name for f in fields}
        return self.when in names and self.then in names

    def broken(self, record: dict) -> bool:
        return is_set(record.get(self.when)) and not is_set(record.get(self.then))


def is_set(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, False, [], (), {})


REQUIREMENTS: list[Requirement] = [
    Requirement("image", "image_alt", "texte alternatif obligatoire quand une image est donnée"),
    # A claim about the world carries when it was true and who said so.
    Requirement("in_demand", "in_demand_as_of",
                "année de la source obligatoire quand « Métier qui recrute » est coché"),
    Requirement("in_demand", "in_demand_source",
                "source obligatoire quand « Métier qui recrute » est coché"),
    Requirement("funding", "funding_as_of",
                "date de la source obligatoire quand un financement est donné"),
    Requirement("funding", "funding_source",
                "source obligatoire quand un financement est donné"),
]


def requirements_for(fields) -> list[Requirement]:
    return [r for r in REQUIREMENTS if r.applies(fields)]
