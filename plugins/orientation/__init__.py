"""Orientation path « Quelle formation pour moi ? »: static pages from the content model."""

from .orientation import register  # noqa: F401
