"""The Decap CMS configuration, derived from content_model.schema: never written by hand.

Every content type becomes a collection (folder collections for Markdown,
one file collection for the YAML data files), every field a widget chosen by
its kind. tests check the two agree field by field.
"""

from __future__ import annotations

from content_model import rules
from content_model import schema as s

DATETIME_FORMAT = "YYYY-MM-DD HH:mm"  # no offset: the site's TIMEZONE applies
# Text fields, their patterns from content_model/rules.py (the rules the build applies). A
# month and a partial date (the news date: to the day, the month or the year) are typed:
# Decap's datetime widget always writes a whole date and time.
TEXT_KINDS = (s.STRING, s.SLUG, s.MONTH, s.URL, s.EMAIL, s.PHONE)


def widget(f: s.Field) -> dict:
    """The Decap field for one schema field."""
    out: dict = {"name": f.name, "label": f.label}
    kind = f.kind
    if kind in TEXT_KINDS or (kind == s.DATETIME and f.partial):
        out["widget"] = "string"
    elif kind == s.TEXT:
        out["widget"] = "text"
    elif kind == s.DATETIME:
        out.update(widget="datetime", format=DATETIME_FORMAT, date_format="DD/MM/YYYY",
                   time_format="HH:mm", picker_utc=False)
    elif kind in (s.INTEGER, s.NUMBER):
        out.update(widget="number", value_type="int" if kind == s.INTEGER else "float")
    elif kind == s.BOOLEAN:
        out["widget"] = "boolean"
    elif kind in (s.SELECT, s.CHOICES):
        out.update(widget="select", **({"multiple": True} if kind == s.CHOICES else {}),
                   options=[{"label": label, "value": value} for value, label in f.options])
    elif kind == s.IMAGE:
        out.update(widget="image", choose_url=False)
    elif kind == s.STRINGS:
        item = s.Field("item", s.STRING, f.label)  # validate.py checks each item so
        out.update(widget="list", summary="{{fields.item}}", field=widget(item))
    elif kind == s.REFS:
        out.update(widget="relation", multiple=True, **relation(f.ref))
    elif kind == s.OBJECTS:
        out.update(widget="list", fields=[widget(sub) for sub in f.fields])
        if summary(f.fields):
            out["summary"] = summary(f.fields)
    if not f.required:
        out["required"] = False
    if f.default not in (None, ()):
        out["default"] = list(f.default) if isinstance(f.default, tuple) else f.default
    if f.hint:
        out["hint"] = f.hint
    pattern = rules.combine(rules.field_patterns(f))
    if pattern:
        out["pattern"] = pattern
    if f.min_items and kind in (s.STRINGS, s.OBJECTS):
        out["min"] = f.min_items
    if f.max_items is not None:  # list, objects, relation and select widgets take a max
        out["max"] = f.max_items
    if kind in (s.INTEGER, s.NUMBER):  # unit_maximum has no Decap equivalent: in the hint
        out.update({k: v for k, v in (("min", f.minimum), ("max", f.maximum)) if v is not None})
    return out


SCALAR_KINDS = (s.STRING, s.INTEGER, s.NUMBER, s.MONTH, s.DATETIME, s.SELECT, s.EMAIL, s.PHONE)


def summary(fields) -> str:
    """What a collapsed list item shows: its first two short fields, not the list's label."""
    shown = [f"{{{{fields.{f.name}}}}}" for f in fields if f.kind in SCALAR_KINDS][:2]
    return " — ".join(shown)


# How each folder collection is listed: news newest first, events by date (the latest
# first: Decap sorts a whole collection, so upcoming and recent ones come first).
DEFAULT_SORT = {"actualites": ("date", "desc"), "evenements": ("start", "desc")}


def requirements() -> list[dict]:
    """content_model.rules.REQUIREMENTS for admin-rules.js: where each applies in Decap."""
    out = []
    for ctype in s.TYPES:
        for rule in rules.requirements_for(ctype.fields):
            where = ({"collection": ctype.folder} if ctype.folder else
                     {"collection": DATA_COLLECTION, "file": file_name(ctype),
                      "list": ctype.data_key or ""})
            out.append({**where, "when": rule.when, "then": rule.then,
                        "label": ctype.field(rule.then).label, "message": rule.message})
    return out


def relation(ref: str) -> dict:
    target = s.BY_NAME[ref]
    if target.folder:
        return {"collection": target.folder, "value_field": target.id_field,
                "search_fields": ["title", target.id_field], "display_fields": ["title"]}
    key = target.data_key
    return {"collection": DATA_COLLECTION, "file": file_name(target),
            "value_field": f"{key}.*.{target.id_field}",
            "search_fields": [f"{key}.*.name", f"{key}.*.{target.id_field}"],
            "display_fields": [f"{key}.*.name"]}


def folder_collection(ctype: s.ContentType) -> dict:
    fields = [widget(f) for f in ctype.fields]
    if ctype.body:
        fields.append({"name": "body", "label": "Texte", "widget": "markdown",
                       "buttons": ["bold", "italic", "link", "heading-two", "heading-three",
                                   "quote", "bulleted-list", "numbered-list"],
                       "editor_components": ["image"]})
    collection = {
        "name": ctype.folder, "label": ctype.label, "label_singular": ctype.label_singular,
        "folder": f"content/{ctype.folder}", "extension": "md", "format": "frontmatter",
        "create": True, "slug": "{{fields.slug}}", "identifier_field": "title",
        "summary": "{{title}}", "fields": fields,
    }
    if ctype.folder in DEFAULT_SORT:
        field, direction = DEFAULT_SORT[ctype.folder]
        collection["sortable_fields"] = [{"field": field, "default_sort": direction}, "title"]
    return collection


DATA_COLLECTION = "donnees"


def file_name(ctype: s.ContentType) -> str:
    """content/data/partners.yaml -> "partners": the file's entry in the data collection."""
    return ctype.data_file.rsplit("/", 1)[-1].removesuffix(".yaml")


def data_collection() -> dict:
    files: dict[str, dict] = {}
    for ctype in s.DATA_TYPES:
        entry = files.setdefault(file_name(ctype), {"name": file_name(ctype), "label": "",
                                                    "file": f"content/{ctype.data_file}",
                                                    "fields": []})
        entry["label"] = entry["label"] + (" et " if entry["label"] else "") + ctype.label
        if ctype.single:  # the file is the record: its fields at the top
            entry["fields"] = [widget(f) for f in ctype.fields]
            continue
        entry["fields"].append({"name": ctype.data_key, "label": ctype.label,
                                "label_singular": ctype.label_singular, "widget": "list",
                                "summary": "{{fields.%s}}" % ("name" if "name" in ctype.field_names else "label"),
                                "fields": [widget(f) for f in ctype.fields]})
    return {"name": DATA_COLLECTION, "label": "Partenaires, chiffres, coordonnées et textes",
            "editor": {"preview": False},
            "files": list(files.values())}


def local_backend_url(settings) -> str:
    """decap-server's API, as `invoke cms` runs it (pelicanconf.py); "": Decap's default."""
    return settings.get("CMS_LOCAL_BACKEND_URL") or ""


def build(settings: dict) -> dict:
    """The whole config.yml as a dict."""
    backend = {"name": "github", "repo": settings.get("CMS_REPO") or "",
               "branch": settings.get("CMS_BRANCH", "main")}
    if settings.get("CMS_AUTH_URL"):  # its login path is Decap's default, /auth
        backend["base_url"] = settings["CMS_AUTH_URL"]
    config = {
        "backend": backend,
        "locale": "fr",
        "media_folder": "content/images",
        "public_folder": "/images",  # image fields store "images/x.jpg"-style paths
        "site_url": settings.get("SITEURL") or None,
        "display_url": settings.get("SITEURL") or None,
        "publish_mode": "simple",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [folder_collection(t) for t in s.MARKDOWN_TYPES] + [data_collection()],
    }
    if settings.get("CMS_LOCAL_BACKEND"):
        url = local_backend_url(settings)
        config["local_backend"] = {**({"url": url} if url else {}),
                                   "allowed_hosts": ["127.0.0.1", "localhost"]}
    return {k: v for k, v in config.items() if v is not None}
