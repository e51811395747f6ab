"""Responsive images: variants made with Pillow, cached, written into <picture>."""

from .images import register  # noqa: F401
