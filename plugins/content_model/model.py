"""The vocabulary of the content model: field kinds, ``Field`` and ``ContentType``.

The declarations themselves are in ``schema.py`` (pages and shared fields) and
``schema_data.py`` (the YAML data files); this module only says what a declaration may hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

STRING = "string"  # one line of text
TEXT = "text"  # several lines of plain text
SLUG = "slug"  # lowercase ascii words joined by hyphens
DATETIME = "datetime"  # "YYYY-MM-DD HH:mm" (or "YYYY-MM-DD")
INTEGER = "integer"
NUMBER = "number"
BOOLEAN = "boolean"
SELECT = "select"  # one value of ``options``
URL = "url"  # absolute http(s) URL
IMAGE = "image"  # path of an image under content/images/
STRINGS = "strings"  # list of one-line strings
REFS = "refs"  # list of ids of another type (``ref``)
OBJECTS = "objects"  # list of mappings described by ``fields``
CHOICES = "choices"  # list of values of ``options`` (several, none twice)
EMAIL = "email"  # e-mail address (shown as a mailto: link)
PHONE = "phone"  # French or international phone number (shown as a tel: link)
MONTH = "month"  # "YYYY-MM" or "YYYY": when information was true (month or year precision)

KINDS = frozenset(
    {STRING, TEXT, SLUG, DATETIME, INTEGER, NUMBER, BOOLEAN, SELECT, URL, IMAGE,
     STRINGS, REFS, OBJECTS, CHOICES, EMAIL, PHONE, MONTH}
)


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    label: str
    required: bool = True
    hint: str = ""
    options: tuple[tuple[str, str], ...] = ()  # (value, French label)
    ref: str | None = None  # target type for REFS
    max_length: int | None = None
    default: Any = None
    fields: tuple["Field", ...] = ()  # item fields for OBJECTS
    min_items: int = 0
    reverse: str | None = None  # attribute set on the targets of REFS (derived)
    minimum: float | None = None  # INTEGER, NUMBER: smallest value allowed
    maximum: float | None = None  # INTEGER, NUMBER: largest value allowed
    max_items: int | None = None  # STRINGS, REFS, OBJECTS: most items allowed
    # DATETIME: "2022-11" or "2022" allowed too; validation adds `<name>_precision`.
    partial: bool = False
    # NUMBER: ((unit, largest value), ...) when the entry's (or its list holder's) `unit` is that unit.
    unit_maximum: tuple[tuple[str, float], ...] = ()
    # Index fields (schema.SEARCH_FIELDS) this field's text feeds; ``search_text``: the read
    # item's attribute that words the value for visitors, indexed instead of it.
    search: tuple[str, ...] = ()
    search_text: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r} for {self.name}")
        numeric = self.kind in (INTEGER, NUMBER)
        if not numeric and (self.minimum is not None or self.maximum is not None
                            or self.unit_maximum):
            raise ValueError(f"{self.name}: minimum and maximum go with numbers only")
        if self.max_items is not None and (self.kind not in (STRINGS, REFS, OBJECTS, CHOICES)
                                           or self.max_items < max(self.min_items, 1)):
            raise ValueError(f"{self.name}: max_items goes with lists, at least min_items")
        if (self.kind in (SELECT, CHOICES)) != bool(self.options):
            raise ValueError(f"{self.name}: options go with select and choices fields only")
        if (self.kind == REFS) != bool(self.ref):
            raise ValueError(f"{self.name}: ref goes with refs fields only")
        if (self.kind == OBJECTS) != bool(self.fields):
            raise ValueError(f"{self.name}: fields go with objects fields only")
        if self.partial and self.kind != DATETIME:
            raise ValueError(f"{self.name}: partial goes with datetime fields only")
        if isinstance(self.search, str) or (self.search_text and not self.search):
            raise ValueError(f"{self.name}: search is a tuple of index fields")

    @property
    def option_values(self) -> tuple[str, ...]:
        return tuple(value for value, _label in self.options)

    def option_label(self, value: str) -> str:
        return dict(self.options).get(value, value)


@dataclass(frozen=True)
class ContentType:
    """A type of content: a folder of Markdown files or a list in a YAML file."""

    name: str  # internal name, also the template name
    label: str  # French plural label
    label_singular: str
    fields: tuple[Field, ...]
    folder: str | None = None  # Markdown files under content/<folder>/
    data_file: str | None = None  # YAML file under content/
    data_key: str | None = None  # key of the list in data_file (None: the file is one record)
    id_field: str = "slug"
    body: bool = False  # whether a Markdown body follows the front matter
    url: str = ""  # URL pattern, "{slug}" is replaced
    index_url: str | None = None  # URL of the listing page, if any

    def field(self, name: str) -> Field:
        return {f.name: f for f in self.fields}[name]

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def single(self) -> bool:
        """A data file holding one record (its fields at the top), not named lists."""
        return bool(self.data_file) and not self.data_key


def options(*pairs: str) -> tuple[tuple[str, str], ...]:
    it = iter(pairs)
    return tuple(zip(it, it))
