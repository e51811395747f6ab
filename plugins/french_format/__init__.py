"""French dates and numbers for templates, independent of the OS locale."""

from .french_format import register  # noqa: F401
