"""Compiled Jinja templates kept between builds."""

from .template_cache import register  # noqa: F401
