"""The Hall 32 content model: schema, YAML 1.2 front matter, validation, links."""

from .plugin import register  # noqa: F401
