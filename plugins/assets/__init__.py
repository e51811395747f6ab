"""The theme's stylesheets bundled into one fingerprinted file."""

from .assets import register  # noqa: F401
