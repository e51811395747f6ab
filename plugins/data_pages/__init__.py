"""Partners and key figures: pages rendered from YAML data files."""

from .data_pages import register  # noqa: F401
