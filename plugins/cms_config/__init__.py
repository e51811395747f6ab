"""Decap CMS at /admin/, configured from the content schema."""

from .cms_config import register  # noqa: F401
